import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsBoolean,
  IsDefined,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  GrantState,
  NeedCategory,
  NeedFlag,
  NeedState,
  OrderOfferState,
  PurchaseRoute,
  ResidentMethod,
  ServiceOrderState,
  VoteReviewDecision,
} from '@app/domain';
import { ArrayField, IntField, IsFen, Optional, StringField, TextField, says } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { CalendarDate, ReasonField } from '../../grants/dto/ledger-fields.dto';
import { DeviceIdField, MOBILE_NUMBER } from '../../votes/dto/voter.dto';

/** The most flagged supports one look at the review queue lists, and one review decides. */
export const NEEDS_REVIEW_LISTED = 500;

const CATEGORIES = Object.values(NeedCategory);
const MOBILE_SAYS = says('须为 11 位手机号码', 'must be an 11-digit mobile number');
const DATE_TIME = { type: String, format: 'date-time' } as const;

export class ResidentSmsRequestDto {
  @ApiProperty({ example: '13812345678', description: '手机号码，平台只保存其加密摘要 / only a keyed hash is kept' })
  @Label('手机号码', 'mobile number')
  @IsString()
  @MaxLength(20)
  @Matches(MOBILE_NUMBER, MOBILE_SAYS)
  phone: string;
}

export class ResidentSmsSentDto {
  @ApiProperty({ example: '138****5678' })
  sentTo: string;

  @ApiProperty(DATE_TIME)
  expiresAt: string;

  @ApiProperty({ type: 'integer', example: 60 })
  resendAfterSeconds: number;
}

/** method=phone: the number and its SMS code; method=code: a community and the code on its wall. */
export class ResidentSignInDto {
  @ApiProperty({ enum: ResidentMethod })
  @Label('验证方式', 'verification method')
  @IsIn(Object.values(ResidentMethod))
  method: ResidentMethod;

  @ApiPropertyOptional({ example: '13812345678' })
  @Label('手机号码', 'mobile number')
  @ValidateIf((dto: ResidentSignInDto) => dto.method === ResidentMethod.Phone)
  @IsString()
  @MaxLength(20)
  @Matches(MOBILE_NUMBER, MOBILE_SAYS)
  phone?: string;

  @ApiPropertyOptional({ example: '482913' })
  @Label('短信验证码', 'SMS code')
  @ValidateIf((dto: ResidentSignInDto) => dto.method === ResidentMethod.Phone)
  @IsString()
  @Matches(/^\d{6}$/, says('须为 6 位数字', 'must be 6 digits'))
  smsCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'method=code：社区编号 / the community' })
  @Label('社区', 'community')
  @ValidateIf((dto: ResidentSignInDto) => dto.method === ResidentMethod.Code)
  @IsUUID()
  communityId?: string;

  @ApiPropertyOptional({ example: 'K7QM-4XPA', description: 'method=code：需求墙上的社区码 / the code on the wall' })
  @Label('社区码', 'community code')
  @ValidateIf((dto: ResidentSignInDto) => dto.method === ResidentMethod.Code)
  @StringField(64)
  code?: string;
}

export class ResidentSessionDto {
  @ApiProperty()
  token: string;

  @ApiProperty(DATE_TIME)
  expiresAt: string;

  @ApiProperty({ enum: ResidentMethod })
  method: ResidentMethod;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: '社区码只开放这一社区 / a code opens one community',
  })
  communityId: string | null;
}

export class PostNeedDto {
  @ApiProperty({ format: 'uuid' })
  @Label('社区', 'community')
  @IsUUID()
  communityId: string;

  @ApiProperty({ enum: CATEGORIES })
  @Label('需求类别', 'category')
  @IsIn(CATEGORIES)
  category: NeedCategory;

  @ApiProperty({ example: '楼里独居老人希望每周有人上门陪聊、代买菜' })
  @Label('需求内容', 'what is needed')
  @TextField({ max: 200 })
  title: string;

  @ApiProperty({ example: '3 号楼独居老人' })
  @Label('服务对象', 'for whom')
  @TextField({ max: 100 })
  forWhom: string;

  @ApiProperty({ type: 'integer', example: 12 })
  @Label('涉及人数', 'how many people')
  @IntField(1, 100_000)
  peopleCount: number;
}

export class SupportNeedDto {
  @ApiPropertyOptional({
    example: 'd5f0c1e2a3b4c5d6e7f8a9b0',
    description:
      '页面在本机生成并保存的设备编号，只保存其加密摘要，用于发现同一部手机的集中附议 / the page’s device id, kept only hashed, to spot one phone’s burst',
  })
  @Optional()
  @DeviceIdField()
  deviceId?: string;
}

export class RateNeedDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 5 })
  @Label('满意度', 'rating')
  @IntField(1, 5)
  stars: number;
}

export class NeedRatingDto {
  @ApiProperty({ type: 'integer', example: 4 })
  count: number;

  @ApiProperty({ type: String, nullable: true, example: '4.50', description: '平均分，两位小数 / mean, 2 decimals' })
  average: string | null;
}

export class NeedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ enum: CATEGORIES })
  category: NeedCategory;

  @ApiProperty()
  title: string;

  @ApiProperty()
  forWhom: string;

  @ApiProperty({ type: 'integer' })
  peopleCount: number;

  @ApiProperty({ enum: NeedState })
  state: NeedState;

  @ApiProperty({ type: String, nullable: true, description: '未通过审核的原因 / why the community refused it' })
  refusalReason: string | null;

  @ApiProperty({ type: 'integer', description: '附议人数（含被标记待社区查看的） / supports, flagged ones included' })
  supports: number;

  @ApiProperty({ type: NeedRatingDto })
  rating: NeedRatingDto;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  orderId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '/needs-walls/needs/…/photo',
    description:
      '照片地址：墙上只给审核通过的需求；社区看到的是待审核时也可查看的地址 / the photo: public once moderated; the community’s own address before',
  })
  photoUrl: string | null;

  @ApiProperty(DATE_TIME)
  postedAt: string;
}

/** What the community sees of a need besides the wall: the flags and the supports set aside. */
export class ModeratedNeedDto extends NeedDto {
  @ApiProperty({ enum: NeedFlag, isArray: true })
  flags: NeedFlag[];

  @ApiProperty({ type: 'integer', description: '待审核的被标记附议 / flagged supports awaiting review' })
  flaggedSupports: number;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  listId: string | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: '所重复的较早需求 / the earlier need it repeats',
  })
  duplicateOf: string | null;
}

export class FlaggedSupportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  needId: string;

  @ApiProperty({ example: '楼里独居老人希望每周有人上门陪聊、代买菜' })
  needTitle: string;

  @ApiProperty({ format: 'uuid', description: '居民化名编号 / resident pseudonym' })
  residentId: string;

  @ApiProperty(DATE_TIME)
  supportedAt: string;

  @ApiProperty({ enum: NeedFlag, isArray: true })
  flags: NeedFlag[];

  @ApiProperty({ type: String, nullable: true, description: '设备摘要 / the device hash' })
  deviceHash: string | null;
}

export class FlaggedSupportGroupDto {
  @ApiProperty({ enum: NeedFlag, isArray: true, description: '这一组共有的标记 / the flags the group shares' })
  flags: NeedFlag[];

  @ApiProperty({ type: String, nullable: true, description: '来源地址摘要 / the address hash' })
  addressHash: string | null;

  @ApiProperty({ type: 'integer' })
  count: number;

  @ApiProperty({ type: FlaggedSupportDto, isArray: true })
  supports: FlaggedSupportDto[];
}

export class NeedsReviewQueueDto {
  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ example: '侯家塘' })
  community: string;

  @ApiProperty({ type: 'integer', description: '待审核的被标记附议 / flagged supports awaiting review' })
  pendingSupports: number;

  @ApiProperty({
    type: FlaggedSupportGroupDto,
    isArray: true,
    description: `按标记与来源地址分组，人多在前；最多列出最早的 ${NEEDS_REVIEW_LISTED} 条 / by flags and address, largest first; the oldest ${NEEDS_REVIEW_LISTED} at most`,
  })
  supportGroups: FlaggedSupportGroupDto[];

  @ApiProperty({
    type: ModeratedNeedDto,
    isArray: true,
    description: '被标记（疑似重复、集中提交）的需求 / needs flagged as duplicates or bursts',
  })
  needs: ModeratedNeedDto[];
}

export class NeedsReviewQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: '只看这一社区 / only this community' })
  @Label('社区', 'community')
  @Optional()
  @IsUUID()
  communityId?: string;
}

class ReviewDecisionFields {
  @ApiProperty({ enum: VoteReviewDecision, description: 'void 作废 / clear 核实无误' })
  @Label('审核决定', 'decision')
  @IsIn(Object.values(VoteReviewDecision))
  decision: VoteReviewDecision;

  @ApiProperty({ example: '同一部手机一分钟内附议 12 次，系刷单', maxLength: 200 })
  @Label('审核理由', 'reason')
  @TextField({ max: 200 })
  reason: string;
}

export class ReviewSupportsDto extends ReviewDecisionFields {
  @ApiProperty({ type: String, format: 'uuid', isArray: true, description: `附议编号，最多 ${NEEDS_REVIEW_LISTED} 条` })
  @Label('附议', 'supports', 'support')
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayField(NEEDS_REVIEW_LISTED, 1)
  supportIds: string[];
}

export class ReviewNeedsDto extends ReviewDecisionFields {
  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  @Label('需求', 'needs', 'need')
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayField(200, 1)
  needIds: string[];
}

export class NeedsWallDto {
  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ example: '侯家塘' })
  community: string;

  @ApiProperty({ example: '侯家塘社区居民委员会' })
  organizationName: string;

  @ApiProperty({ example: '侯家塘街道办事处' })
  office: string;

  @ApiProperty({ type: NeedDto, isArray: true })
  needs: NeedDto[];
}

export class NeedsWallSummaryDto {
  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty()
  community: string;

  @ApiProperty()
  organizationName: string;

  @ApiProperty()
  office: string;
}

export class StreetOfficeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '侯家塘街道办事处' })
  name: string;

  @ApiProperty({ example: 'Houjiatang street office' })
  nameEn: string;
}

export class OpenWallDto {
  @ApiProperty({ format: 'uuid', description: '社区所属的街道办 / the street office the community belongs to' })
  @Label('所属街道', 'street office')
  @IsUUID()
  tenantId: string;
}

export class OpenedWallDto {
  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  tenantId: string;

  @ApiProperty({ example: 'K7QM-4XPA', description: '张贴在需求墙上的社区码，只显示这一次 / shown this once' })
  code: string;

  @ApiProperty({ example: '/needs/#c=…' })
  wallUrl: string;
}

export class NeedsQueryDto {
  @ApiPropertyOptional({ enum: NeedState })
  @Label('状态', 'state')
  @Optional()
  @IsIn(Object.values(NeedState))
  state?: NeedState;
}

export class ModerateNeedDto {
  @ApiProperty({ enum: ['publish', 'refuse'] })
  @Label('审核结果', 'decision')
  @IsIn(['publish', 'refuse'])
  decision: 'publish' | 'refuse';

  @ApiPropertyOptional({ example: '与第 3 条需求重复，已合并' })
  @Label('原因', 'reason')
  @ValidateIf((dto: ModerateNeedDto) => dto.decision === 'refuse' || dto.reason !== undefined)
  @ReasonField()
  reason?: string;
}

export class CreateNeedsListDto {
  @ApiProperty({ enum: CATEGORIES })
  @Label('需求类别', 'category')
  @IsIn(CATEGORIES)
  category: NeedCategory;

  @ApiProperty({ example: '2027 年为老服务需求清单' })
  @Label('清单名称', 'title')
  @TextField({ max: 100 })
  title: string;

  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  @Label('需求', 'needs', 'need')
  @IsUUID('all', { each: true })
  @ArrayField(200, 1)
  needIds: string[];
}

export class NeedsListDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: CATEGORIES })
  category: NeedCategory;

  @ApiProperty()
  title: string;

  @ApiProperty(DATE_TIME)
  createdAt: string;

  @ApiProperty({ type: ModeratedNeedDto, isArray: true })
  needs: ModeratedNeedDto[];
}

export class PurchaseDto {
  @ApiProperty({ enum: PurchaseRoute })
  @Label('购买方式', 'how it is bought')
  @IsIn(Object.values(PurchaseRoute))
  route: PurchaseRoute;

  @ApiPropertyOptional({ format: 'uuid', description: 'route=competition' })
  @Label('大赛', 'competition')
  @ValidateIf((dto: PurchaseDto) => dto.route === PurchaseRoute.Competition)
  @IsUUID()
  competitionId?: string;

  @ApiPropertyOptional({
    example: 'convenience',
    description: 'route=competition：大赛的类别 / the competition’s category key',
  })
  @Label('大赛类别', 'competition category')
  @ValidateIf((dto: PurchaseDto) => dto.route === PurchaseRoute.Competition)
  @StringField(64)
  competitionCategory?: string;
}

export class DraftOrderDto {
  @ApiProperty({ example: '我是社区大管家' })
  @Label('订单名称', 'title')
  @TextField({ max: 100 })
  title: string;

  @ApiProperty({ example: '组织居民骨干巡查楼道、调解邻里小事、收集居民诉求' })
  @Label('服务内容', 'scope')
  @TextField({ max: 2000, multiline: true })
  scope: string;

  @ApiProperty({ example: '侯家塘社区 1200 户居民' })
  @Label('受益对象', 'beneficiaries')
  @TextField({ max: 100 })
  beneficiariesWho: string;

  @ApiProperty({ type: 'integer', example: 1200 })
  @Label('受益人数', 'number of beneficiaries')
  @IntField(1, 10_000_000)
  beneficiariesCount: number;

  @ApiProperty({ type: String, isArray: true, example: ['每月楼道巡查 4 次', '每季度居民议事会 1 次'] })
  @Label('交付内容', 'deliverables', 'deliverable')
  @TextField({ max: 200, each: true })
  @ArrayField(20, 1)
  deliverables: string[];

  @ApiProperty({ example: '2027-01-01', format: 'date' })
  @Label('服务开始日期', 'period start')
  @CalendarDate()
  periodStart: string;

  @ApiProperty({ example: '2027-12-31', format: 'date' })
  @Label('服务结束日期', 'period end')
  @CalendarDate()
  periodEnd: string;

  @ApiProperty({ type: 'integer', example: 500_000, description: '预算上限（分） / budget cap in fen' })
  @Label('预算上限（分）', 'budget cap (fen)')
  @IsFen(1)
  budgetCapFen: number;

  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    description: '所回应的需求（须已列入清单） / listed needs it answers',
  })
  @Label('回应的需求', 'needs answered', 'need')
  @IsUUID('all', { each: true })
  @ArrayField(200, 1)
  needIds: string[];

  @ApiProperty({ type: PurchaseDto })
  @Label('购买方式', 'purchase')
  @IsDefined()
  @ValidateNested()
  @Type(() => PurchaseDto)
  purchase: PurchaseDto;
}

export class OfferDto {
  @ApiProperty({ type: 'integer', example: 500_000 })
  @Label('报价（分）', 'offer (fen)')
  @IsFen(1)
  amountFen: number;

  @ApiProperty({ example: '由 3 名持证社工驻点，每月巡查 4 次并建立居民诉求台账' })
  @Label('服务方案', 'plan')
  @TextField({ max: 2000, multiline: true })
  plan: string;
}

export class PickOfferDto {
  @ApiProperty({ format: 'uuid' })
  @Label('报价', 'offer')
  @IsUUID()
  offerId: string;

  @ApiProperty({ example: '报价在上限内，方案有驻点社工，去年在本社区服务评价为 A' })
  @Label('选择理由', 'reason')
  @ReasonField()
  reason: string;
}

export class LinkSubmissionDto {
  @ApiProperty({ format: 'uuid' })
  @Label('申报项目', 'submission')
  @IsUUID()
  submissionId: string;
}

export class DeliveredItemDto {
  @ApiProperty({ example: '每月楼道巡查 4 次' })
  @Label('交付内容', 'deliverable')
  @TextField({ max: 200 })
  deliverable: string;

  @ApiProperty()
  @Label('是否完成', 'done')
  @IsDefined()
  @IsBoolean()
  done: boolean;

  @ApiProperty({ example: '全年共巡查 48 次，台账见附件' })
  @Label('说明', 'note')
  @TextField({ max: 500, multiline: true, allowEmpty: true })
  note: string;
}

export class DeliverOrderDto {
  @ApiProperty({ example: '全年完成巡查与议事会，收集诉求 86 件、办结 80 件' })
  @Label('交付总结', 'summary')
  @TextField({ max: 2000, multiline: true })
  summary: string;

  @ApiProperty({ type: DeliveredItemDto, isArray: true })
  @Label('逐项交付', 'deliverables', 'deliverable')
  @ArrayField(20, 1)
  @ValidateNested({ each: true })
  @Type(() => DeliveredItemDto)
  items: DeliveredItemDto[];
}

export class OfferViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty()
  organizationName: string;

  @ApiProperty({ type: 'integer' })
  amountFen: number;

  @ApiProperty()
  plan: string;

  @ApiProperty({ enum: OrderOfferState })
  state: OrderOfferState;
}

export class LinkedSubmissionDto {
  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty()
  organizationName: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: 'integer' })
  requestedFen: number;
}

export class OrderGrantDto {
  @ApiProperty({ format: 'uuid' })
  grantId: string;

  @ApiProperty({ example: 'GYCT-2027-0003' })
  agreementNumber: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ type: 'integer' })
  amountFen: number;

  @ApiProperty({ enum: GrantState })
  state: GrantState;
}

export class DeliveryViewDto {
  @ApiProperty()
  summary: string;

  @ApiProperty({ type: DeliveredItemDto, isArray: true })
  items: DeliveredItemDto[];
}

export class ServiceOrderDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: '购买它的街道 / the office that buys it' })
  tenantId: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty()
  community: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  scope: string;

  @ApiProperty()
  beneficiariesWho: string;

  @ApiProperty({ type: 'integer' })
  beneficiariesCount: number;

  @ApiProperty({ type: String, isArray: true })
  deliverables: string[];

  @ApiProperty({ format: 'date' })
  periodStart: string;

  @ApiProperty({ format: 'date' })
  periodEnd: string;

  @ApiProperty({ type: 'integer' })
  budgetCapFen: number;

  @ApiProperty({ enum: PurchaseRoute })
  route: PurchaseRoute;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  competitionId: string | null;

  @ApiProperty({ type: String, nullable: true })
  competitionCategory: string | null;

  @ApiProperty({ enum: ServiceOrderState })
  state: ServiceOrderState;

  @ApiProperty({ type: String, nullable: true, description: '直接购买时选定承接方的理由 / why the taker was picked' })
  pickReason: string | null;

  @ApiProperty({
    type: OfferViewDto,
    isArray: true,
    description: '报价（其他组织只看到自己的） / offers; others see their own',
  })
  offers: OfferViewDto[];

  @ApiProperty({ type: LinkedSubmissionDto, isArray: true })
  submissions: LinkedSubmissionDto[];

  @ApiProperty({
    type: OrderGrantDto,
    isArray: true,
    description: '资助台账中的资助（买单） / the ledger’s grants that pay for it',
  })
  grants: OrderGrantDto[];

  @ApiProperty({ type: DeliveryViewDto, nullable: true })
  delivery: DeliveryViewDto | null;

  @ApiProperty({ type: ModeratedNeedDto, isArray: true })
  needs: ModeratedNeedDto[];
}

export class FunnelStageDto {
  @ApiProperty({ enum: NeedState })
  state: NeedState;

  @ApiProperty({ type: 'integer', description: '到达过这一阶段的需求数 / needs that reached it' })
  count: number;

  @ApiProperty({ type: 'integer', description: '目前处于这一阶段的需求数 / needs in it now' })
  current: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '12.5',
    description:
      '在这一阶段平均停留的天数，一位小数；已完成阶段为空 / mean days spent in it, 1 decimal; none for delivered',
  })
  averageDays: string | null;
}

export class CommunityFunnelDto {
  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty()
  community: string;

  @ApiProperty({ type: FunnelStageDto, isArray: true })
  stages: FunnelStageDto[];
}

export class NeedsFunnelDto {
  @ApiProperty({ type: CommunityFunnelDto, isArray: true })
  communities: CommunityFunnelDto[];
}
