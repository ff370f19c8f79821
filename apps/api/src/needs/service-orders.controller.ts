import { Body, Controller, Get, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AdminErrors,
  DEFAULT_SMALL_PURCHASE_LIMIT_FEN,
  NeedsErrors,
  PurchaseRoute,
  Role,
  ServiceOrderState,
} from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor, OfficeActor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors, ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { ApiDownload } from '../common/content-disposition';
import { storedFile } from '../common/file-response';
import { IdParamDto } from '../common/id-param.dto';
import { GrantDetailDto } from '../grants/dto/grant.dto';
import {
  DeliverOrderDto,
  DraftOrderDto,
  LinkSubmissionDto,
  NeedsFunnelDto,
  OfferDto,
  PickOfferDto,
  ServiceOrderDto,
} from './dto/needs.dto';
import { NeedsFunnelService } from './needs-funnel.service';
import { PurchasesService } from './purchases.service';
import { ServiceOrdersService } from './service-orders.service';
import { COMMUNITIES } from './needs-callers';

const ORDER_NOT_FOUND = refusalExample(NeedsErrors.orderNotFound());
const WRONG_STATE = refusalExample(NeedsErrors.orderWrongState(ServiceOrderState.Draft, ServiceOrderState.Published));

@ApiTags('needs 制单承单')
@Controller()
export class ServiceOrdersController {
  constructor(
    private readonly orders: ServiceOrdersService,
    private readonly funnels: NeedsFunnelService,
    private readonly purchases: PurchasesService,
  ) {}

  @Post('service-orders')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '起草服务订单 / draft a service order',
    description:
      '回应已列入清单的需求；纳入所属街道一场正在申报的大赛的某一类别（预算上限不超过该大赛单个项目上限），' +
      `或小额直接购买（不超过街道的小额购买上限，未设置时为 ¥${DEFAULT_SMALL_PURCHASE_LIMIT_FEN / 100}）。\n\n` +
      'Answers listed needs; bought in a category of an open competition of the community’s office (the cap ' +
      'within its per-project maximum) or directly within the office’s small-purchase limit (¥' +
      `${DEFAULT_SMALL_PURCHASE_LIMIT_FEN / 100} unless the office set its own).`,
  })
  @ApiAnswerOrNotFound(ServiceOrderDto, {
    status: 201,
    forbidden: COMMUNITIES,
    notFound: 'no such competition of the office',
    notFoundExample: refusalExample(NeedsErrors.competitionNotFound()),
  })
  @ApiError(409, 'the competition is not open, or the wall is not', refusalExample(NeedsErrors.competitionNotOpen()))
  @ApiJsonBodyErrors()
  draft(@CurrentActor() actor: Actor, @Body() dto: DraftOrderDto): Promise<ServiceOrderDto> {
    return this.orders.draft(actor, dto);
  }

  @Get('service-orders')
  @Allow(Role.Office, Role.Applicant)
  @ApiOperation({
    summary: '服务订单 / service orders',
    description:
      '街道看到自己的全部订单；组织看到已发布的订单和本社区的草稿。\n\nAn office sees its own; organizations the published ones and their own drafts.',
  })
  @ApiResponse({ status: 200, type: ServiceOrderDto, isArray: true })
  @ApiCallerErrors()
  list(@CurrentActor() actor: Actor): Promise<ServiceOrderDto[]> {
    return this.orders.list(actor);
  }

  @Get('service-orders/:id')
  @Allow(Role.Office, Role.Applicant)
  @ApiOperation({ summary: '一份服务订单 / one service order' })
  @ApiAnswerOrNotFound(ServiceOrderDto, { notFound: 'no such order', notFoundExample: ORDER_NOT_FOUND })
  get(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<ServiceOrderDto> {
    return this.orders.get(actor, params.id);
  }

  @Post('service-orders/:id/publish')
  @Allow(Role.Applicant)
  @ApiOperation({ summary: '发布服务订单 / publish the order' })
  @ApiAnswerOrNotFound(ServiceOrderDto, {
    status: 201,
    forbidden: COMMUNITIES,
    notFound: 'not the community’s order',
    notFoundExample: ORDER_NOT_FOUND,
  })
  @ApiError(409, 'not a draft, or the competition closed', WRONG_STATE)
  @ApiJsonBodyErrors()
  publish(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<ServiceOrderDto> {
    return this.orders.publish(actor, params.id);
  }

  @Post('service-orders/:id/offers')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '报价承单（小额直接购买） / offer to take a direct purchase',
    description:
      '报价不超过订单预算上限；组织须符合资格（无生效中的限制申报、无逾期报告、最近两次评估无不合格）。\n\n' +
      'At most the order’s cap; the organization must be eligible (no active sanction, no overdue report, no failed ' +
      'evaluation among its last two).',
  })
  @ApiAnswerOrNotFound(ServiceOrderDto, { status: 201, notFound: 'no such order', notFoundExample: ORDER_NOT_FOUND })
  @ApiError(
    409,
    'not a published direct purchase, already offered, or not eligible',
    refusalExample(NeedsErrors.orderWrongRoute(PurchaseRoute.Competition)),
  )
  @ApiJsonBodyErrors()
  offer(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() dto: OfferDto): Promise<ServiceOrderDto> {
    return this.orders.offer(actor, params.id, dto);
  }

  @Post('service-orders/:id/pick')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '选定承接方 / pick the taker',
    description:
      '社区在报价中选定一家并写明理由；资格在选定时再查一次。\n\nThe community picks one offer with a stated reason; eligibility is checked again.',
  })
  @ApiAnswerOrNotFound(ServiceOrderDto, {
    status: 201,
    forbidden: COMMUNITIES,
    notFound: 'not the community’s order, or no such offer',
    notFoundExample: refusalExample(NeedsErrors.offerNotFound()),
  })
  @ApiError(409, 'not a published direct purchase, or the taker is not eligible', WRONG_STATE)
  @ApiJsonBodyErrors()
  pick(@CurrentActor() actor: Actor, @Param() params: IdParamDto, @Body() dto: PickOfferDto): Promise<ServiceOrderDto> {
    return this.orders.pick(actor, params.id, dto);
  }

  @Post('service-orders/:id/purchase')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '政府买单（小额直接购买） / the office buys a direct purchase',
    description:
      '街道购买社区选定的报价：生成中文服务购买协议（甲方为街道设置中的资助方，乙方为承接组织），' +
      '并在资助台账中建立资助项目，拨付计划为签约后 70%、结项报告通过后 30%，与大赛资助同样拨付、报告、导出。' +
      '报价须不超过街道现行的小额购买上限；每份订单只买一次。记入审计日志（service-order.buy）。\n\n' +
      'The office buys the community’s picked offer: a Chinese service purchase agreement (Party A the office’s ' +
      'grantor, Party B the taker) and a grant in the grants ledger paying 70% on signing and 30% once the final ' +
      'report is accepted, then tranches, reports and the finance export as for a competition’s grants. The offer ' +
      'must be within the office’s current small-purchase limit; an order is bought once. Audited as service-order.buy.',
  })
  @ApiAnswerOrNotFound(GrantDetailDto, {
    status: 201,
    forbidden: '仅限街道 / the office only',
    notFound: 'no such order of the office',
    notFoundExample: ORDER_NOT_FOUND,
  })
  @ApiError(
    409,
    'not a direct purchase, no offer picked, already bought, or above the current limit',
    refusalExample(NeedsErrors.orderAlreadyFunded('GMXY-2027-0001')),
  )
  @ApiError(400, 'the office has not set its grantor', refusalExample(AdminErrors.grantorNotSet()))
  buy(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<GrantDetailDto> {
    return this.purchases.buy(actor, params.id);
  }

  @Get('service-orders/:id/agreement.pdf')
  @Allow(Role.Office, Role.Applicant)
  @ApiOperation({
    summary: '下载服务购买协议 / download the service purchase agreement',
    description:
      '街道和承接组织可下载；每次下载记入审计日志。响应头 x-content-sha256 为存储的哈希值。\n\n' +
      'The office and the taker download it; every download is audited. x-content-sha256 carries the stored hash.',
  })
  @ApiDownload('服务购买协议 PDF / the service purchase agreement')
  @ApiCallerErrors()
  @ApiError(404, 'no such order, not bought yet, or not yours', ORDER_NOT_FOUND)
  async agreement(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return storedFile(await this.purchases.agreement(actor, params.id), reply);
  }

  @Post('service-orders/:id/submissions')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '以申报项目承单（纳入大赛） / take the order with a submission',
    description:
      '申报项目须在订单所纳入的大赛和类别中，申请资助不超过订单预算上限，服务目标涵盖订单的每一项交付内容。' +
      '大赛获资助后，资助台账中的这笔资助就是订单的买单。\n\n' +
      'The submission must be in the order’s competition and category, ask at most the cap, and list every ' +
      'deliverable among its targets. Once the competition funds it, its grant in the ledger pays for the order.',
  })
  @ApiAnswerOrNotFound(ServiceOrderDto, {
    status: 201,
    notFound: 'no such order or submission',
    notFoundExample: refusalExample(NeedsErrors.submissionNotFound()),
  })
  @ApiError(409, 'not a published competition order, or the submission takes one already', WRONG_STATE)
  @ApiJsonBodyErrors()
  linkSubmission(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: LinkSubmissionDto,
  ): Promise<ServiceOrderDto> {
    return this.orders.linkSubmission(actor, params.id, dto);
  }

  @Post('service-orders/:id/delivery')
  @Allow(Role.Applicant)
  @ApiOperation({
    summary: '报告交付 / report the delivery',
    description:
      '承接方逐项报告订单的交付内容；订单与其需求变为已完成，附议的居民即可评价。\n\n' +
      'The taker reports on each deliverable; the order and its needs become delivered and their supporters may rate.',
  })
  @ApiAnswerOrNotFound(ServiceOrderDto, {
    status: 201,
    forbidden: '仅限获资助的承接方 / the funded taker only',
    notFound: 'no such order',
    notFoundExample: ORDER_NOT_FOUND,
  })
  @ApiError(409, 'not taken', WRONG_STATE)
  @ApiJsonBodyErrors()
  deliver(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: DeliverOrderDto,
  ): Promise<ServiceOrderDto> {
    return this.orders.deliver(actor, params.id, dto);
  }

  @Get('needs-funnel')
  @Allow(Role.Office)
  @ApiOperation({
    summary: '需求漏斗 / the needs funnel',
    description:
      '本街道各社区：已收集 → 已列入清单 → 已制单 → 已承接 → 已完成的需求数，及在每一阶段平均停留的天数。\n\n' +
      'Per community of the office: needs collected → listed → ordered → taken → delivered, and the mean days in each.',
  })
  @ApiResponse({ status: 200, type: NeedsFunnelDto })
  @ApiCallerErrors()
  funnel(@CurrentActor() actor: OfficeActor): Promise<NeedsFunnelDto> {
    return this.funnels.funnel(actor);
  }
}
