import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CompetitionState, PublicityErrors, Role } from '@app/domain';
import { Allow, Public } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiError, refusalExample } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { AwardResponseDto, PublicationNoticeDto } from './dto/publication.dto';
import { PublicationService } from './publication.service';

@ApiTags('publicity 公示与异议')
@Controller('competitions')
export class PublicationController {
  constructor(private readonly publications: PublicationService) {}

  @Post(':id/publication')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '公示排名与资助结果 / publish the result for its notice period',
    description:
      '大赛须为「资金已分配」且最近一次排名与分配已成功；公示期为规则中的 publicityDays 天，期间申报单位可提出异议。\n\n' +
      'The competition must be allocated and its latest ranking run must have succeeded. The notice period lasts ' +
      'rules.publicityDays days; applicants may object during it. The competition moves to publicity.',
  })
  @ApiAnswerOrNotFound(PublicationNoticeDto, {
    status: 201,
    forbidden: 'only the grants office',
    notFound: 'no such competition',
  })
  @ApiError(
    409,
    'not allocated, or the latest run has not succeeded',
    refusalExample(PublicityErrors.notAllocated(CompetitionState.Ranked)),
  )
  publish(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<PublicationNoticeDto> {
    return this.publications.publish(actor, params.id);
  }

  @Get(':id/publication')
  @Public()
  @ApiOperation({
    summary: '查看公示 / the public notice of the result',
    description:
      '任何人可查看：排名、得分、资助金额与理由；只含项目名称、申报单位与社区名称，不含个人信息。异议成立后显示为已撤回（superseded）。\n\n' +
      'Open to everyone: rank, score, grant and reason of every project, with project, organization and community ' +
      'names only (no personal data). After an upheld objection the notice shows as superseded.',
  })
  @ApiResponse({ status: 200, type: PublicationNoticeDto })
  @ApiError(400)
  @ApiError(404, 'no such competition, or nothing published yet', refusalExample(PublicityErrors.notPublished()))
  notice(@Param() params: IdParamDto): Promise<PublicationNoticeDto> {
    return this.publications.notice(params.id);
  }

  @Post(':id/award')
  @Allow(Role.Office)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '公示期满立项 / award the competition now that its notice period is over',
    description:
      '公示期结束且没有未答复的异议时，大赛变为「已立项」并开始生成协议书。后台每分钟也会自动执行同样的检查。\n\n' +
      'When the notice period is over and no objection is open, the competition becomes awarded and its agreements ' +
      'are queued for rendering. The worker makes the same check every minute on its own.',
  })
  @ApiAnswerOrNotFound(AwardResponseDto, { forbidden: 'only the grants office' })
  @ApiError(
    409,
    'not in publicity, the period is not over, or objections are open',
    refusalExample(PublicityErrors.objectionsOpen(1)),
  )
  award(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<AwardResponseDto> {
    return this.publications.award(actor, params.id);
  }
}
