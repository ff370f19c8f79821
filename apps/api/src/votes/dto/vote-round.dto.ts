import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsIn, IsUUID, Matches, ValidateIf } from 'class-validator';
import { VoteResultsVisibility, VoteRoundPhase, VoterMethod } from '@app/domain';
import { ArrayField, DateTimeField, IntField, Optional, TextField, says } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { QrMatrixDto } from '../../roadshows/dto/judge-response.dto';

const METHODS = Object.values(VoterMethod);
const VISIBILITIES = Object.values(VoteResultsVisibility);
const DATE_TIME = { type: String, format: 'date-time' } as const;

/** The most communities one round lists: a district's streets have a few dozen each. */
const MAX_COMMUNITIES = 200;

export class CreateVoteRoundDto {
  @ApiProperty({ example: '2026年 党建项目网络投票', maxLength: 100 })
  @Label('投票名称', 'vote title')
  @TextField({ max: 100 })
  title: string;

  @ApiProperty({ example: '2026-05-01T09:00:00+08:00', description: 'ISO 8601 with a time and a zone' })
  @Label('投票开始时间', 'opening time')
  @DateTimeField()
  opensAt: string;

  @ApiProperty({ example: '2026-05-08T18:00:00+08:00', description: 'ISO 8601 with a time and a zone; after opensAt' })
  @Label('投票结束时间', 'closing time')
  @DateTimeField()
  closesAt: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    example: 3,
    description: '每人每天（北京时间）最多票数；null 为不限 / votes per voter per Beijing day; null for no daily limit',
  })
  @Label('每人每天票数', 'votes per day')
  @ValidateIf((_, value) => value !== null)
  @IntField(1, 1000)
  votesPerDay: number | null;

  @ApiProperty({ type: 'integer', minimum: 1, example: 10, description: '每人最多票数 / votes per voter in all' })
  @Label('每人总票数', 'votes in all')
  @IntField(1, 1000)
  votesTotal: number;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 1,
    description: '每人对同一项目最多票数 / votes per voter for one project',
  })
  @Label('同一项目票数', 'votes per project')
  @IntField(1, 100)
  perProject: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    example: 2,
    description:
      '每人对同一类别项目最多票数；null 为不限 / votes per voter for the projects of one category; null for none',
  })
  @Label('同类项目票数', 'votes per category')
  @ValidateIf((_, value) => value !== null)
  @IntField(1, 1000)
  perCategory: number | null;

  @ApiProperty({
    type: [String],
    example: ['五顶岗', '洲边', '江根'],
    description: '可以投票的社区（本大赛的范围）；投票人属于其中一个 / the communities whose residents may vote',
  })
  @Label('可投票社区', 'communities that may vote', 'community')
  @TextField({ max: 50, each: true })
  @ArrayUnique()
  @ArrayField(MAX_COMMUNITIES, 1)
  communities: string[];

  @ApiProperty({
    enum: METHODS,
    isArray: true,
    example: [VoterMethod.Code, VoterMethod.Phone],
    description: 'code 社区发放的投票码 / phone 手机短信验证码',
  })
  @Label('验证方式', 'verification methods', 'method')
  @IsIn(METHODS, { each: true })
  @ArrayUnique()
  @ArrayField(METHODS.length, 1)
  methods: VoterMethod[];

  @ApiProperty({ enum: VISIBILITIES, description: 'hidden 结束后公布 / live 实时公布' })
  @Label('票数公布方式', 'results visibility')
  @IsIn(VISIBILITIES)
  resultsVisibility: VoteResultsVisibility;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'vote',
    description:
      '本次投票计入的得分组成项（规则中的 key）；null 为不计分 / the rules component the vote feeds; null for none',
  })
  @Label('计分组成项', 'score component')
  @ValidateIf((_, value) => value !== null)
  @TextField({ max: 40 })
  componentKey: string | null;
}

/** Any subset of the round's settings; only before it opens. */
export class UpdateVoteRoundDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @Label('投票名称', 'vote title')
  @TextField({ max: 100, optional: true })
  title?: string;

  @ApiPropertyOptional({ example: '2026-05-01T09:00:00+08:00' })
  @Label('投票开始时间', 'opening time')
  @Optional()
  @DateTimeField()
  opensAt?: string;

  @ApiPropertyOptional({ example: '2026-05-08T18:00:00+08:00' })
  @Label('投票结束时间', 'closing time')
  @Optional()
  @DateTimeField()
  closesAt?: string;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1 })
  @Label('每人每天票数', 'votes per day')
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IntField(1, 1000)
  votesPerDay?: number | null;

  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @Label('每人总票数', 'votes in all')
  @Optional()
  @IntField(1, 1000)
  votesTotal?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @Label('同一项目票数', 'votes per project')
  @Optional()
  @IntField(1, 100)
  perProject?: number;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1 })
  @Label('同类项目票数', 'votes per category')
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IntField(1, 1000)
  perCategory?: number | null;

  @ApiPropertyOptional({ type: [String] })
  @Label('可投票社区', 'communities that may vote', 'community')
  @Optional()
  @TextField({ max: 50, each: true })
  @ArrayUnique()
  @ArrayField(MAX_COMMUNITIES, 1)
  communities?: string[];

  @ApiPropertyOptional({ enum: METHODS, isArray: true })
  @Label('验证方式', 'verification methods', 'method')
  @Optional()
  @IsIn(METHODS, { each: true })
  @ArrayUnique()
  @ArrayField(METHODS.length, 1)
  methods?: VoterMethod[];

  @ApiPropertyOptional({ enum: VISIBILITIES })
  @Label('票数公布方式', 'results visibility')
  @Optional()
  @IsIn(VISIBILITIES)
  resultsVisibility?: VoteResultsVisibility;

  @ApiPropertyOptional({ type: String, nullable: true })
  @Label('计分组成项', 'score component')
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @TextField({ max: 40 })
  componentKey?: string | null;
}

export class IssueVoterCodesDto {
  @ApiProperty({
    example: '五顶岗',
    maxLength: 50,
    description: '领取这批投票码的社区（须在本次投票之列） / the community',
  })
  @Label('社区', 'community')
  @TextField({ max: 50 })
  community: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5000, example: 300 })
  @Label('投票码数量', 'number of codes')
  @IntField(1, 5000)
  count: number;
}

export class VoteReviewInputDto {
  @ApiProperty({ enum: ['void', 'clear'], description: 'void 作废（不再计票） / clear 核实无误（照常计票）' })
  @Label('审核决定', 'decision')
  @IsIn(['void', 'clear'])
  decision: 'void' | 'clear';

  @ApiProperty({
    example: '同一设备一分钟内投出 40 票，系刷票 / 40 votes from one device within a minute',
    maxLength: 200,
  })
  @Label('审核理由', 'reason')
  @TextField({ max: 200 })
  reason: string;

  @ApiProperty({
    type: [String],
    example: ['1024', '1025'],
    description: '选票编号，最多 1000 张 / vote ids, at most 1000',
  })
  @Label('选票编号', 'vote ids', 'vote id')
  @Matches(/^[1-9]\d{0,17}$/, { each: true, ...says('须为选票编号', 'must be a vote id') })
  @ArrayUnique()
  @ArrayField(1000, 1)
  voteIds: string[];
}

export class VoteRoundParams {
  @ApiProperty({ format: 'uuid' })
  @Label('投票编号', 'vote round ID')
  @IsUUID()
  id: string;
}

export class VoteRoundLimitsDto {
  @ApiProperty({ type: 'integer', nullable: true })
  votesPerDay: number | null;

  @ApiProperty({ type: 'integer' })
  votesTotal: number;

  @ApiProperty({ type: 'integer' })
  perProject: number;

  @ApiProperty({ type: 'integer', nullable: true })
  perCategory: number | null;
}

/** What the office and the public both read of a round: its window, limits, area and methods. */
export class VoteRoundSettingsDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '2026年 党建项目网络投票' })
  title: string;

  @ApiProperty(DATE_TIME)
  opensAt: string;

  @ApiProperty(DATE_TIME)
  closesAt: string;

  @ApiProperty({
    enum: VoteRoundPhase,
    description: 'upcoming 未开始 / open 投票中 / closed 已结束（按时间） / by the clock',
  })
  phase: VoteRoundPhase;

  @ApiProperty({ type: VoteRoundLimitsDto })
  limits: VoteRoundLimitsDto;

  @ApiProperty({ type: [String] })
  communities: string[];

  @ApiProperty({ enum: METHODS, isArray: true })
  methods: VoterMethod[];

  @ApiProperty({ enum: VISIBILITIES })
  resultsVisibility: VoteResultsVisibility;
}

export class VoteRoundDto extends VoteRoundSettingsDto {
  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiProperty({ type: String, nullable: true })
  componentKey: string | null;

  @ApiProperty({ type: 'integer', description: '修改时用于防止覆盖他人修改 / optimistic-lock version' })
  version: number;
}

export class VoteCodeBatchDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '五顶岗' })
  community: string;

  @ApiProperty({ type: 'integer' })
  size: number;

  @ApiProperty(DATE_TIME)
  issuedAt: string;
}

export class VoteCountsDto {
  @ApiProperty({ type: 'integer', description: '已投出的选票（含作废） / votes cast, voided included' })
  votes: number;

  @ApiProperty({ type: 'integer', description: '有效票 / valid votes (not voided)' })
  valid: number;

  @ApiProperty({ type: 'integer', description: '已作废 / voided' })
  voided: number;

  @ApiProperty({ type: 'integer', description: '被标记、待审核 / flagged and awaiting review' })
  pendingReview: number;

  @ApiProperty({ type: 'integer', description: '已验证的投票人 / voters verified' })
  voters: number;
}

export class TallyRowDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  title: string;

  @ApiProperty({ example: '五顶岗' })
  community: string;

  @ApiProperty({ type: 'integer', description: '有效票 / valid votes' })
  votes: number;
}

export class VoteRoundDetailDto extends VoteRoundDto {
  @ApiProperty({ type: VoteCountsDto })
  counts: VoteCountsDto;

  @ApiProperty({
    type: [TallyRowDto],
    description: '每个合格项目的有效票，票多在前 / valid votes per eligible project, most first',
  })
  tally: TallyRowDto[];

  @ApiProperty({ type: [VoteCodeBatchDto] })
  codeBatches: VoteCodeBatchDto[];
}

export class IssuedVoterCodesDto {
  @ApiProperty({ type: VoteCodeBatchDto })
  batch: VoteCodeBatchDto;

  @ApiProperty({
    type: [String],
    example: ['K7QM-4XPA', 'R2HD-9WNE'],
    description: '投票码，只显示这一次（平台只保存摘要），请打印后发给居民 / the codes, shown this once; print them',
  })
  codes: string[];

  @ApiProperty({
    example: '/vote/#r=4c2e8a1f-7b3d-4e9a-8f6c-2d1b0a9e8c7f',
    description: '投票页面地址（印在投票码旁） / the voting page address to print beside the codes',
  })
  votePageUrl: string;

  @ApiProperty({
    type: QrMatrixDto,
    description: '投票页面地址的二维码，印在每张投票码上 / the QR code of votePageUrl, printed on every slip',
  })
  qr: QrMatrixDto;
}

export class TallyDto {
  @ApiProperty({ format: 'uuid' })
  roundId: string;

  @ApiProperty({ enum: VoteRoundPhase })
  phase: VoteRoundPhase;

  @ApiProperty({ type: 'integer', description: '有效票合计 / valid votes in all' })
  valid: number;

  @ApiProperty({ type: [TallyRowDto] })
  projects: TallyRowDto[];
}

export class VotePointsRowDto {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ type: 'integer', description: '有效票 / valid votes' })
  votes: number;

  @ApiProperty({
    example: '200/3',
    description:
      '计入的分数，精确值（小数或分数）/ the points recorded, exact: a decimal, or a fraction where the share repeats',
  })
  points: string;
}

export class VotePointsDto {
  @ApiProperty({ example: 'vote', description: '评分构成的键 / the score component filled' })
  componentKey: string;

  @ApiProperty({ type: 'integer', description: '新写入或改变的分数 / values new or changed' })
  written: number;

  @ApiProperty({ type: 'integer', description: '与已记录相同的分数 / values already recorded as they are' })
  unchanged: number;

  @ApiProperty({ type: [VotePointsRowDto] })
  projects: VotePointsRowDto[];
}
