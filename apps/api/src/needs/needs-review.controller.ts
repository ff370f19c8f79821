import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { NEED_PHOTO_TYPES, NeedsErrors, NeedState, Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { ApiDownload } from '../common/content-disposition';
import { IdParamDto } from '../common/id-param.dto';
import {
  NEEDS_REVIEW_LISTED,
  NeedsReviewQueryDto,
  NeedsReviewQueueDto,
  ReviewNeedsDto,
  ReviewSupportsDto,
} from './dto/needs.dto';
import { sendPhoto } from './need-photo-reply';
import { NeedsReviewService } from './needs-review.service';
import { COMMUNITIES } from './needs-callers';

const DECISIONS =
  '作废（void）或核实无误（clear），须写理由；每条只能审核一次，全部成功或全部不变。\n\n' +
  'Void, or clear a flag, with a reason; one decision per row, all or none.';

@ApiTags('needs 社区制单')
@Controller()
export class NeedsReviewController {
  constructor(private readonly reviews: NeedsReviewService) {}

  @Get('community/needs-review')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '刷单与重复需求的审核队列 / the review queue of bursts and repeated needs',
    description:
      `被标记的附议按标记和来源地址分组，人多在前（最多列出最早的 ${NEEDS_REVIEW_LISTED} 条），被标记的需求（疑似重复、集中提交）附所重复的需求。` +
      '审核前被标记的附议照常计入。\n\n' +
      `Flagged supports grouped by flags and address, largest first (the oldest ${NEEDS_REVIEW_LISTED} at most), and ` +
      'flagged needs with the need they repeat. Flagged supports count until reviewed.',
  })
  @ApiResponse({ status: 200, type: NeedsReviewQueueDto })
  @ApiCallerErrors(COMMUNITIES)
  @ApiError(409, 'the wall is not open', refusalExample(NeedsErrors.wallNotOpened()))
  communityQueue(@CurrentActor() actor: Actor): Promise<NeedsReviewQueueDto> {
    return this.reviews.communityQueue(actor);
  }

  @Get('needs-review')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '本街道各社区的审核队列 / the review queues of the office’s communities',
    description:
      '按社区名称排列，可只看一个社区；只读，决定由社区作出。\n\nBy community name, or one community; read only, the community decides.',
  })
  @ApiResponse({ status: 200, type: NeedsReviewQueueDto, isArray: true })
  @ApiCallerErrors('仅限街道 / offices only')
  @ApiError(404, 'not a community of the office with a wall', refusalExample(NeedsErrors.wallNotFound('communityId')))
  officeQueues(@Query() query: NeedsReviewQueryDto): Promise<NeedsReviewQueueDto[]> {
    return this.reviews.officeQueues(query.communityId);
  }

  @Post('community/needs-review/supports')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '作废或核实附议 / void supports, or clear flagged ones',
    description:
      `${DECISIONS}\n\n作废的附议不再计入需求墙，其居民也不能评价；核实只适用于被标记的附议。审计：need-support.review.void / need-support.review.clear。\n\n` +
      'A voided support stops counting on the wall and cannot rate; clearing applies to flagged supports only. ' +
      'Audited as need-support.review.void or need-support.review.clear with every id and the reason.',
  })
  @ApiAnswerOrNotFound(NeedsReviewQueueDto, {
    status: 201,
    forbidden: COMMUNITIES,
    notFound: 'not a support of the community’s needs',
    notFoundExample: refusalExample(NeedsErrors.supportNotFound(0)),
  })
  @ApiError(
    409,
    'already reviewed, or clearing one not flagged',
    refusalExample(NeedsErrors.alreadyReviewed('supportIds.0')),
  )
  @ApiJsonBodyErrors()
  reviewSupports(@CurrentActor() actor: Actor, @Body() dto: ReviewSupportsDto): Promise<NeedsReviewQueueDto> {
    return this.reviews.reviewSupports(actor, dto);
  }

  @Post('community/needs-review/needs')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '作废或核实被标记的需求 / void flagged needs, or clear them',
    description:
      `${DECISIONS}\n\n作废即不通过，理由显示给提出的居民；已列入清单的需求不能作废。审计：need.review.void / need.review.clear。\n\n` +
      'Voiding refuses the need, its poster reading the reason; a listed need can no longer be voided. Audited as ' +
      'need.review.void or need.review.clear with every id and the reason.',
  })
  @ApiAnswerOrNotFound(NeedsReviewQueueDto, {
    status: 201,
    forbidden: COMMUNITIES,
    notFound: 'not the community’s need',
    notFoundExample: refusalExample(NeedsErrors.needNotFound('needIds.0')),
  })
  @ApiError(
    409,
    'already reviewed, clearing one not flagged, or voiding a listed need',
    refusalExample(NeedsErrors.notVoidable(NeedState.Listed, 'needIds.0')),
  )
  @ApiJsonBodyErrors()
  reviewNeeds(@CurrentActor() actor: Actor, @Body() dto: ReviewNeedsDto): Promise<NeedsReviewQueueDto> {
    return this.reviews.reviewNeeds(actor, dto);
  }

  @Get('community/needs/:id/photo')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '需求的照片（审核用） / a need’s photo, to moderate it',
    description: '本社区的需求，待审核的也可查看。\n\nThe community’s own needs, pending ones included.',
  })
  @ApiDownload('the photo as stored', NEED_PHOTO_TYPES)
  @ApiCallerErrors(COMMUNITIES)
  @ApiError(404, 'no photo of the community’s', refusalExample(NeedsErrors.photoNotFound()))
  async photo(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return sendPhoto(reply, await this.reviews.photo(actor, params.id), 'community');
  }
}
