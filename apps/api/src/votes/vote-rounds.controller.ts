import { Readable } from 'node:stream';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CompetitionErrors, Role, VoteErrors } from '@app/domain';
import { Allow, Public } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnswerRefusals, ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { ApiCsv } from '../common/api-csv.decorator';
import { attachment } from '../common/content-disposition';
import { CompetitionIdParams } from '../roadshows/dto/roadshow-params.dto';
import { RequestOrigin } from '../roadshows/request-origin.decorator';
import {
  CreateVoteRoundDto,
  IssueVoterCodesDto,
  IssuedVoterCodesDto,
  TallyDto,
  UpdateVoteRoundDto,
  VotePointsDto,
  VoteReviewInputDto,
  VoteRoundDetailDto,
  VoteRoundDto,
  VoteRoundParams,
} from './dto/vote-round.dto';
import { BallotDto, OpenVoteRoundListDto, ReviewQueueDto, ReviewQueueQueryDto, ReviewResultDto } from './dto/voter.dto';
import { VoteRoundsService } from './vote-rounds.service';

const ROUND_NOT_FOUND = refusalExample(VoteErrors.roundNotFound('id'));
const OFFICE_ONLY = 'only the grants office';
/** The office's routes on one vote round: the office only, and a round that is not there. */
const OFFICE_ROUND: AnswerRefusals = {
  forbidden: OFFICE_ONLY,
  notFound: 'no such vote round',
  notFoundExample: ROUND_NOT_FOUND,
};

@ApiTags('votes 网络投票')
@Controller()
export class VoteRoundsController {
  constructor(private readonly rounds: VoteRoundsService) {}

  @Post('competitions/:id/vote-rounds')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '设立网络投票 / set up a public vote',
    description:
      '投票时间（开始含、结束不含）、每人每天与总票数、同一项目与同类项目票数、可投票社区、验证方式（投票码、手机短信）、' +
      '票数实时公布或结束后公布，以及计入的得分组成项。开始前可修改。审计：vote.round.create。\n\n' +
      'The window (opening included, closing excluded), votes per voter per day and in all, per project and per ' +
      'category, the communities whose residents may vote, the verification methods, whether counts show live, and ' +
      'the score component it feeds. Editable until it opens. Audited as vote.round.create.',
  })
  @ApiAnswerOrNotFound(VoteRoundDetailDto, {
    status: 201,
    forbidden: OFFICE_ONLY,
    notFound: 'no such competition',
    notFoundExample: refusalExample(CompetitionErrors.notFound()),
  })
  @ApiJsonBodyErrors()
  create(
    @CurrentActor() actor: Actor,
    @Param() params: CompetitionIdParams,
    @Body() dto: CreateVoteRoundDto,
  ): Promise<VoteRoundDetailDto> {
    return this.rounds.create(actor, params.id, dto);
  }

  @Get('competitions/:id/vote-rounds')
  @Allow(Role.Office)
  @ApiOperation({ summary: '本大赛的网络投票 / the competition’s public votes' })
  @ApiResponse({ status: 200, type: [VoteRoundDto] })
  @ApiCallerErrors(OFFICE_ONLY)
  @ApiError(404, 'no such competition', refusalExample(CompetitionErrors.notFound()))
  list(@Param() params: CompetitionIdParams): Promise<VoteRoundDto[]> {
    return this.rounds.list(params.id);
  }

  @Get('vote-rounds/open')
  @Public()
  @ApiOperation({
    summary: '正在进行与即将开始的网络投票 / public votes open now or about to open',
    description:
      '任何人可查看，涵盖所有主办单位：投票名称、所属大赛与主办单位、投票时间、可投票社区和投票页面地址；不含任何投票人信息。' +
      '已结束的投票不列出。\n\n' +
      'Open to everyone, across every office: each round that is open or still to open, with its competition, the ' +
      'office running it, the window, the communities whose residents may vote and the voting page. Nothing about ' +
      'any voter; closed rounds are not listed.',
  })
  @ApiResponse({ status: 200, type: OpenVoteRoundListDto })
  openRounds(@RequestOrigin() origin: string): Promise<OpenVoteRoundListDto> {
    return this.rounds.openRounds(origin);
  }

  @Get('vote-rounds/:id')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '网络投票详情与计票 / a public vote with its counts and tally',
    description:
      '设置、票数（已投、有效、作废、待审核）、已验证投票人数、各项目有效票（任何时候对资助方可见）与已发放的投票码批次。\n\n' +
      'Settings, counts (cast, valid, voided, awaiting review), voters verified, valid votes per project (always ' +
      'visible to the office) and the code batches issued.',
  })
  @ApiAnswerOrNotFound(VoteRoundDetailDto, OFFICE_ROUND)
  detail(@Param() params: VoteRoundParams): Promise<VoteRoundDetailDto> {
    return this.rounds.detail(params.id);
  }

  @Patch('vote-rounds/:id')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '修改网络投票设置（开始前） / change a public vote’s settings before it opens',
    description: '审计：vote.round.update（前后对照）。 / Audited as vote.round.update, before and after.',
  })
  @ApiAnswerOrNotFound(VoteRoundDetailDto, OFFICE_ROUND)
  @ApiError(409, 'the vote has opened', refusalExample(VoteErrors.roundAlreadyOpened()))
  @ApiJsonBodyErrors()
  update(
    @CurrentActor() actor: Actor,
    @Param() params: VoteRoundParams,
    @Body() dto: UpdateVoteRoundDto,
  ): Promise<VoteRoundDetailDto> {
    return this.rounds.update(actor, params.id, dto);
  }

  @Post('vote-rounds/:id/code-batches')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '为一个社区生成一批投票码 / issue a batch of voter codes for one community',
    description:
      '投票码只在这次返回中出现（平台只保存加密摘要），请打印后由社区发给居民；每个投票码是一位投票人。' +
      '投票结束后不能再发放。审计：vote.codes.issue。\n\n' +
      'The codes appear in this response only (only keyed digests are kept): print them for the community to hand ' +
      'out, one resident per code. Not after the vote closes. Audited as vote.codes.issue.',
  })
  @ApiAnswerOrNotFound(IssuedVoterCodesDto, { ...OFFICE_ROUND, status: 201 })
  @ApiError(409, 'the vote has closed', refusalExample(VoteErrors.roundClosed(new Date('2026-05-08T10:00:00Z'))))
  @ApiJsonBodyErrors()
  issueCodes(
    @CurrentActor() actor: Actor,
    @Param() params: VoteRoundParams,
    @Body() dto: IssueVoterCodesDto,
    @RequestOrigin() origin: string,
  ): Promise<IssuedVoterCodesDto> {
    return this.rounds.issueCodes(actor, params.id, dto.community, dto.count, origin);
  }

  @Get('vote-rounds/:id/ballot')
  @Public()
  @ApiOperation({
    summary: '公开的投票页内容 / the public ballot',
    description:
      '投票设置与通过资格审查的项目（名称、简介、类别、社区）；票数按设置实时公布，或投票结束后公布（未公布时为 null）。\n\n' +
      'The settings and the projects that passed screening (title, summary, category, community); counts live or ' +
      'after the close as the round says (null while hidden).',
  })
  @ApiResponse({ status: 200, type: BallotDto })
  @ApiError(400)
  @ApiError(404, 'no such vote round', ROUND_NOT_FOUND)
  ballot(@Param() params: VoteRoundParams): Promise<BallotDto> {
    return this.rounds.ballot(params.id);
  }

  @Get('vote-rounds/:id/tally')
  @Public()
  @ApiOperation({
    summary: '公开计票 / the public tally',
    description:
      '各项目有效票（作废票不计，被标记待审核的票照常计入）。设置为结束后公布的，投票期间拒绝（403）。\n\n' +
      'Valid votes per project (voided votes never count; flagged votes count until reviewed). Refused (403) while ' +
      'the vote is open and its counts are hidden.',
  })
  @ApiResponse({ status: 200, type: TallyDto })
  @ApiError(400)
  @ApiError(403, 'counts hidden until the vote closes', refusalExample(VoteErrors.resultsHidden()))
  @ApiError(404, 'no such vote round', ROUND_NOT_FOUND)
  tally(@Param() params: VoteRoundParams): Promise<TallyDto> {
    return this.rounds.publicTally(params.id);
  }

  @Get('vote-rounds/:id/review-queue')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '待审核的可疑选票 / flagged votes awaiting review',
    description:
      '每页最早的 1000 张，按标记原因与来源地址分组，票多的组在前；用 nextAfter 作为 after 读下一页。被标记的票在审核前照常计入。\n\n' +
      'A page of the oldest 1000, grouped by flags and source address, largest group first; send nextAfter as ' +
      'after for the next page. Flagged votes count until the office decides.',
  })
  @ApiAnswerOrNotFound(ReviewQueueDto, OFFICE_ROUND)
  reviewQueue(@Param() params: VoteRoundParams, @Query() query: ReviewQueueQueryDto): Promise<ReviewQueueDto> {
    return this.rounds.reviewQueue(params.id, query.after);
  }

  @Post('vote-rounds/:id/reviews')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '作废或核实选票 / void votes, or clear flagged ones',
    description:
      '作废的票不再计入，导出文件中显示作废理由；核实只适用于被标记的票。每张票只能审核一次，全部成功或全部不变。' +
      '审计：vote.review.void / vote.review.clear（含全部选票编号与理由）。\n\n' +
      'Voided votes stop counting and the export shows the reason; clearing applies to flagged votes only. One ' +
      'decision per vote, all or none. Audited as vote.review.void or vote.review.clear with every vote id and the reason.',
  })
  @ApiAnswerOrNotFound(ReviewResultDto, {
    status: 201,
    forbidden: OFFICE_ONLY,
    notFound: 'no such vote round, or a vote not of it',
    notFoundExample: refusalExample(VoteErrors.voteNotFound()),
  })
  @ApiError(
    409,
    'a vote was already reviewed, or clearing a vote not flagged',
    refusalExample(VoteErrors.voteAlreadyReviewed()),
  )
  @ApiJsonBodyErrors()
  review(
    @CurrentActor() actor: Actor,
    @Param() params: VoteRoundParams,
    @Body() dto: VoteReviewInputDto,
  ): Promise<ReviewResultDto> {
    return this.rounds.review(actor, params.id, dto);
  }

  @Post('vote-rounds/:id/component-points')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '投票结果计入评分 / record the vote as its score component’s points',
    description:
      '投票结束、被标记的票都已审核后，把有效票折算为对应评分构成的分数：得票最多的项目得该构成的满分，其余按得票比例，' +
      '没有票的项目得 0 分。分数写入评分构成（与办公室录入同一路径，记入审计），锁定后排名才会使用；锁定前可重新计入。\n\n' +
      'After the round closes and every flagged vote is decided, the valid votes become the points of the round’s ' +
      'score component: the most-voted project gets the component’s maximum, the others in proportion, a project ' +
      'without votes 0. Written like the office’s entries (audited as component-values.record); a ranking run uses ' +
      'them once the office locks the component, and until then they can be recorded again.',
  })
  @ApiAnswerOrNotFound(VotePointsDto, OFFICE_ROUND)
  @ApiError(
    409,
    'the round is still open, has no component, flagged votes await review, or the component is locked',
    refusalExample(VoteErrors.reviewPending(3)),
  )
  @ApiError(
    400,
    'the rules no longer have the round’s component as a vote component',
    refusalExample(VoteErrors.componentNotVote('vote')),
  )
  recordPoints(@CurrentActor() actor: Actor, @Param() params: VoteRoundParams): Promise<VotePointsDto> {
    return this.rounds.recordPoints(actor, params.id);
  }

  @Get('vote-rounds/:id/votes.csv')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '导出全部选票 CSV / export every vote as CSV',
    description:
      '每张票一行：编号、时间、项目、投票人化名、地址与设备摘要、验证方式、标记、审核结果与理由、记录摘要。' +
      '用 `npm run --silent scoring -- tally-votes 文件` 可复算计票并核对每行摘要。分批流式发送，不在内存中整体生成。每次导出记入审计日志。\n\n' +
      'One row per vote: id, time, project, voter pseudonym, address and device hashes, method, flags, review and ' +
      'reason, record hash. `npm run --silent scoring -- tally-votes FILE` recomputes the tally and checks every ' +
      'row’s hash. Streamed batch by batch, never built whole in memory. Every export is audited.',
  })
  @ApiCsv({ description: 'CSV' })
  @ApiCallerErrors(OFFICE_ONLY)
  @ApiError(404, 'no such vote round', ROUND_NOT_FOUND)
  async exportCsv(@CurrentActor() actor: Actor, @Param() params: VoteRoundParams): Promise<StreamableFile> {
    const file = await this.rounds.exportCsv(actor, params.id);
    return new StreamableFile(Readable.from(file.chunks), {
      type: file.contentType,
      disposition: attachment(file.filename),
    });
  }
}
