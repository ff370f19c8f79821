import { yuanFigure } from '@app/scoring';
import { DomainErrorCode } from '../domain-error-code';
import {
  NEED_CATEGORY_LABELS,
  NEED_STATE_LABELS,
  NeedCategory,
  NeedState,
  PURCHASE_ROUTE_LABELS,
  PurchaseRoute,
  SERVICE_ORDER_STATE_LABELS,
  ServiceOrderState,
} from '../needs-vocabulary';
import { refusal } from './refusal';

export enum NeedsRefusal {
  WallNotFound = 'NEEDS_WALL_NOT_FOUND',
  NotCommunity = 'NEEDS_NOT_A_COMMUNITY',
  WallNotOpened = 'NEEDS_WALL_NOT_OPENED',
  WallOfficeFixed = 'NEEDS_WALL_OFFICE_FIXED',
  OfficeNotStreet = 'NEEDS_OFFICE_NOT_STREET',
  CommunityCodeInvalid = 'NEEDS_COMMUNITY_CODE_INVALID',
  PhoneRequired = 'NEEDS_PHONE_REQUIRED',
  NeedNotFound = 'NEED_NOT_FOUND',
  NeedNotOpen = 'NEED_NOT_OPEN',
  AlreadySupported = 'NEED_ALREADY_SUPPORTED',
  NotSupporter = 'NEED_RATING_NOT_SUPPORTER',
  NotDelivered = 'NEED_NOT_DELIVERED',
  PostRateLimited = 'NEEDS_RATE_LIMITED',
  AlreadyModerated = 'NEED_ALREADY_MODERATED',
  NeedsNotEligible = 'NEEDS_NOT_ELIGIBLE',
  OrderNotFound = 'SERVICE_ORDER_NOT_FOUND',
  OrderWrongState = 'SERVICE_ORDER_WRONG_STATE',
  OrderWrongRoute = 'SERVICE_ORDER_WRONG_ROUTE',
  AboveSmallPurchaseLimit = 'SERVICE_ORDER_ABOVE_SMALL_PURCHASE_LIMIT',
  AboveCompetitionMax = 'SERVICE_ORDER_ABOVE_COMPETITION_MAX',
  CompetitionNotFound = 'SERVICE_ORDER_COMPETITION_NOT_FOUND',
  CompetitionNotOpen = 'SERVICE_ORDER_COMPETITION_NOT_OPEN',
  CategoryNotInCompetition = 'SERVICE_ORDER_CATEGORY_NOT_IN_COMPETITION',
  PeriodInvalid = 'SERVICE_ORDER_PERIOD_INVALID',
  OfferAboveCap = 'ORDER_OFFER_ABOVE_CAP',
  OfferNotFound = 'ORDER_OFFER_NOT_FOUND',
  OrderAlreadyFunded = 'SERVICE_ORDER_ALREADY_FUNDED',
  AlreadyOffered = 'ORDER_ALREADY_OFFERED',
  SubmissionNotFound = 'ORDER_SUBMISSION_NOT_FOUND',
  SubmissionOutsideOrder = 'ORDER_SUBMISSION_OUTSIDE_ORDER',
  SubmissionAboveCap = 'ORDER_SUBMISSION_ABOVE_CAP',
  DeliverablesNotCovered = 'ORDER_DELIVERABLES_NOT_COVERED',
  SubmissionAlreadyLinked = 'ORDER_SUBMISSION_ALREADY_LINKED',
  NotTaker = 'SERVICE_ORDER_NOT_TAKER',
  DeliveryIncomplete = 'ORDER_DELIVERY_INCOMPLETE',
  DuplicateOfOwn = 'NEED_DUPLICATE_OF_OWN',
  SmsCodeInvalid = 'NEEDS_SMS_CODE_INVALID',
  SmsUnavailable = 'NEEDS_SMS_UNAVAILABLE',
  PhotoMissing = 'NEED_PHOTO_MISSING',
  PhotoType = 'NEED_PHOTO_TYPE',
  PhotoTooLarge = 'NEED_PHOTO_TOO_LARGE',
  PhotoNotReadable = 'NEED_PHOTO_NOT_READABLE',
  PhotoFileName = 'NEED_PHOTO_FILE_NAME',
  PhotoNotPending = 'NEED_PHOTO_NOT_PENDING',
  PhotoNotFound = 'NEED_PHOTO_NOT_FOUND',
  SupportNotFound = 'NEED_SUPPORT_NOT_FOUND',
  AlreadyReviewed = 'NEED_ALREADY_REVIEWED',
  NotFlagged = 'NEED_NOT_FLAGGED',
  NotVoidable = 'NEED_NOT_VOIDABLE',
}

/** 点单式: the refusals of needs walls, needs lists, service orders, offers and delivery. */
export const NeedsErrors = {
  wallNotFound: (field = 'communityId') =>
    refusal(
      DomainErrorCode.NotFound,
      NeedsRefusal.WallNotFound,
      { zh: '该社区还没有开通需求墙', en: 'this community has no needs wall' },
      field,
    ),

  notCommunity: () =>
    refusal(DomainErrorCode.Forbidden, NeedsRefusal.NotCommunity, {
      zh: '只有社区账号可以审核需求、编制需求清单和服务订单',
      en: 'only a community’s account moderates needs and drafts needs lists and service orders',
    }),

  wallNotOpened: () =>
    refusal(DomainErrorCode.Conflict, NeedsRefusal.WallNotOpened, {
      zh: '本社区还没有开通需求墙（请先选择所属街道）',
      en: 'the community has not opened its needs wall yet (choose its street office first)',
    }),

  wallOfficeFixed: () =>
    refusal(
      DomainErrorCode.Conflict,
      NeedsRefusal.WallOfficeFixed,
      {
        zh: '居民已在需求墙上提出需求，所属街道不能再更改',
        en: 'residents have posted on the wall; its office can no longer change',
      },
      'tenantId',
    ),

  officeNotStreet: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.OfficeNotStreet,
      { zh: '所属街道须为平台上的一个街道办', en: 'the office must be one of the platform’s street offices' },
      'tenantId',
    ),

  communityCodeInvalid: () =>
    refusal(
      DomainErrorCode.Unauthenticated,
      NeedsRefusal.CommunityCodeInvalid,
      {
        zh: '社区码不正确，请核对需求墙上张贴的社区码',
        en: 'the community code is wrong; check the one posted on the needs wall',
      },
      'code',
    ),

  phoneRequired: () =>
    refusal(DomainErrorCode.Forbidden, NeedsRefusal.PhoneRequired, {
      zh: '请先用手机号验证：每位居民只能附议和评价一次',
      en: 'verify with a mobile number first: each resident supports and rates once',
    }),

  needNotFound: (field = 'id') =>
    refusal(DomainErrorCode.NotFound, NeedsRefusal.NeedNotFound, { zh: '没有这条需求', en: 'no such need' }, field),

  needNotOpen: (state: NeedState) =>
    refusal(DomainErrorCode.Conflict, NeedsRefusal.NeedNotOpen, {
      zh: `这条需求${NEED_STATE_LABELS[state].zh}，不能附议`,
      en: `this need is "${NEED_STATE_LABELS[state].en}"; it cannot be supported`,
    }),

  alreadySupported: () =>
    refusal(DomainErrorCode.Conflict, NeedsRefusal.AlreadySupported, {
      zh: '您已附议过这条需求',
      en: 'you have already supported this need',
    }),

  notSupporter: () =>
    refusal(DomainErrorCode.Forbidden, NeedsRefusal.NotSupporter, {
      zh: '只有提出或附议这条需求的居民可以评价',
      en: 'only the residents who posted or supported this need may rate it',
    }),

  notDelivered: () =>
    refusal(DomainErrorCode.Conflict, NeedsRefusal.NotDelivered, {
      zh: '服务完成后才能评价',
      en: 'a need is rated once its service is delivered',
    }),

  rateLimited: (seconds: number) =>
    refusal(DomainErrorCode.RateLimited, NeedsRefusal.PostRateLimited, {
      zh: `提交过于频繁，请 ${seconds} 秒后再试`,
      en: `too many at once; try again in ${seconds} seconds`,
    }),

  alreadyModerated: (state: NeedState) =>
    refusal(DomainErrorCode.Conflict, NeedsRefusal.AlreadyModerated, {
      zh: `这条需求已审核（${NEED_STATE_LABELS[state].zh}）`,
      en: `this need was already moderated ("${NEED_STATE_LABELS[state].en}")`,
    }),

  /** A need named that the community cannot put here: not its own, not in the state, or of another category. */
  needsNotEligible: (index: number, why: { zh: string; en: string }) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.NeedsNotEligible,
      { zh: `第 ${index + 1} 条需求${why.zh}`, en: `need ${index + 1} ${why.en}` },
      `needIds.${index}`,
    ),

  orderNotFound: (field = 'id') =>
    refusal(
      DomainErrorCode.NotFound,
      NeedsRefusal.OrderNotFound,
      { zh: '没有这份服务订单', en: 'no such service order' },
      field,
    ),

  orderWrongState: (state: ServiceOrderState, wanted: ServiceOrderState) =>
    refusal(DomainErrorCode.Conflict, NeedsRefusal.OrderWrongState, {
      zh: `服务订单${SERVICE_ORDER_STATE_LABELS[state].zh}，须为「${SERVICE_ORDER_STATE_LABELS[wanted].zh}」才能这样做`,
      en: `the service order is "${SERVICE_ORDER_STATE_LABELS[state].en}"; this needs it "${SERVICE_ORDER_STATE_LABELS[wanted].en}"`,
    }),

  orderWrongRoute: (route: PurchaseRoute) =>
    refusal(DomainErrorCode.Conflict, NeedsRefusal.OrderWrongRoute, {
      zh: `该订单的购买方式是「${PURCHASE_ROUTE_LABELS[route].zh}」，不能这样承接`,
      en: `the order is bought "${PURCHASE_ROUTE_LABELS[route].en}"; it is not taken this way`,
    }),

  aboveSmallPurchaseLimit: (capFen: number, limitFen: number) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.AboveSmallPurchaseLimit,
      {
        zh: `预算上限 ${yuanFigure(capFen)} 超过街道小额直接购买上限 ${yuanFigure(limitFen)}，请纳入创投大赛`,
        en: `the budget cap ${yuanFigure(capFen)} is above the office’s small-purchase limit ${yuanFigure(limitFen)}; buy it through a competition`,
      },
      'budgetCapFen',
    ),

  /** The office lowered its limit after the order was drafted: the picked offer no longer fits. */
  purchaseAboveLimit: (amountFen: number, limitFen: number) =>
    refusal(
      DomainErrorCode.Conflict,
      NeedsRefusal.AboveSmallPurchaseLimit,
      {
        zh: `选定报价 ${yuanFigure(amountFen)} 超过街道现行小额直接购买上限 ${yuanFigure(limitFen)}，不能直接购买`,
        en: `the picked offer ${yuanFigure(amountFen)} is above the office’s current small-purchase limit ${yuanFigure(limitFen)}; it cannot be bought directly`,
      },
      'orderId',
    ),

  orderAlreadyFunded: (agreementNumber: string) =>
    refusal(DomainErrorCode.Conflict, NeedsRefusal.OrderAlreadyFunded, {
      zh: `该订单已由政府买单，服务购买协议 ${agreementNumber} 已建立资助项目`,
      en: `the office already bought this order; service purchase agreement ${agreementNumber} has its grant`,
    }),

  aboveCompetitionMax: (capFen: number, maxFen: number) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.AboveCompetitionMax,
      {
        zh: `预算上限 ${yuanFigure(capFen)} 超过该大赛单个项目的资助上限 ${yuanFigure(maxFen)}`,
        en: `the budget cap ${yuanFigure(capFen)} is above the competition’s per-project maximum ${yuanFigure(maxFen)}`,
      },
      'budgetCapFen',
    ),

  competitionNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      NeedsRefusal.CompetitionNotFound,
      { zh: '所属街道没有这场大赛', en: 'the community’s office runs no such competition' },
      'competitionId',
    ),

  competitionNotOpen: () =>
    refusal(
      DomainErrorCode.Conflict,
      NeedsRefusal.CompetitionNotOpen,
      { zh: '该大赛现在不接受申报，订单不能纳入', en: 'the competition is not accepting submissions now' },
      'competitionId',
    ),

  categoryNotInCompetition: (category: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.CategoryNotInCompetition,
      { zh: `该大赛没有类别「${category}」`, en: `the competition has no category "${category}"` },
      'competitionCategory',
    ),

  periodInvalid: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.PeriodInvalid,
      { zh: '服务期的结束日期须晚于开始日期', en: 'the service period must end after it starts' },
      'periodEnd',
    ),

  offerAboveCap: (amountFen: number, capFen: number) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.OfferAboveCap,
      {
        zh: `报价 ${yuanFigure(amountFen)} 超过订单的预算上限 ${yuanFigure(capFen)}`,
        en: `the offer ${yuanFigure(amountFen)} is above the order’s budget cap ${yuanFigure(capFen)}`,
      },
      'amountFen',
    ),

  offerNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      NeedsRefusal.OfferNotFound,
      { zh: '该订单没有这份报价', en: 'the order has no such offer' },
      'offerId',
    ),

  alreadyOffered: () =>
    refusal(DomainErrorCode.Conflict, NeedsRefusal.AlreadyOffered, {
      zh: '本组织已对该订单报过价',
      en: 'the organization has already made an offer for this order',
    }),

  submissionNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      NeedsRefusal.SubmissionNotFound,
      { zh: '本组织没有这个申报项目', en: 'the organization has no such submission' },
      'submissionId',
    ),

  submissionOutsideOrder: (category: NeedCategory | string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.SubmissionOutsideOrder,
      {
        zh: `申报项目须在订单所纳入的大赛和类别（${category in NEED_CATEGORY_LABELS ? NEED_CATEGORY_LABELS[category as NeedCategory].zh : category}）中`,
        en: `the submission must be in the order’s competition and category (${category})`,
      },
      'submissionId',
    ),

  submissionAboveCap: (requestedFen: number, capFen: number) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.SubmissionAboveCap,
      {
        zh: `申请资助 ${yuanFigure(requestedFen)} 超过订单的预算上限 ${yuanFigure(capFen)}`,
        en: `the requested grant ${yuanFigure(requestedFen)} is above the order’s budget cap ${yuanFigure(capFen)}`,
      },
      'submissionId',
    ),

  deliverablesNotCovered: (missing: readonly string[]) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.DeliverablesNotCovered,
      {
        zh: `申报项目的服务目标未涵盖订单的交付内容：${missing.join('、')}`,
        en: `the submission’s targets do not cover the order’s deliverables: ${missing.join('; ')}`,
      },
      'submissionId',
    ),

  submissionAlreadyLinked: () =>
    refusal(
      DomainErrorCode.Conflict,
      NeedsRefusal.SubmissionAlreadyLinked,
      { zh: '该申报项目已承接一份订单', en: 'the submission already takes an order' },
      'submissionId',
    ),

  notTaker: () =>
    refusal(DomainErrorCode.Forbidden, NeedsRefusal.NotTaker, {
      zh: '只有获资助承接该订单的组织可以报告交付',
      en: 'only the funded organization that took the order reports its delivery',
    }),

  deliveryIncomplete: (missing: readonly string[]) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.DeliveryIncomplete,
      {
        zh: `须逐项报告订单的交付内容，缺少：${missing.join('、')}`,
        en: `report each deliverable of the order; missing: ${missing.join('; ')}`,
      },
      'deliverables',
    ),

  /** The resident posted the same words before and that need is still unanswered. */
  duplicateOfOwn: (earlierTitle: string) =>
    refusal(
      DomainErrorCode.Conflict,
      NeedsRefusal.DuplicateOfOwn,
      {
        zh: `您已提出过这条需求（「${earlierTitle}」），社区回应前请不要重复提交；可以邀请邻居附议`,
        en: `you already posted this need ("${earlierTitle}"); please wait for the community rather than post it again, and ask neighbours to support it`,
      },
      'title',
    ),

  /** The needs walls' own wording: their fallback is the community code on the wall, not a voter code. */
  smsCodeInvalid: () =>
    refusal(
      DomainErrorCode.Unauthenticated,
      NeedsRefusal.SmsCodeInvalid,
      {
        zh: '短信验证码不正确或已过期，请重新获取，或改用需求墙上的社区码',
        en: 'the SMS code is wrong or has expired; ask for a new one, or use the community code on the needs wall',
      },
      'smsCode',
    ),

  smsUnavailable: () =>
    refusal(DomainErrorCode.ServiceUnavailable, NeedsRefusal.SmsUnavailable, {
      zh: '短信验证暂时不可用，请稍后再试，或用需求墙上张贴的社区码提需求',
      en: 'SMS verification is unavailable for now; try again later, or post with the community code on the needs wall',
    }),

  photoMissing: (limitMiB: number) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.PhotoMissing,
      {
        zh: `请以表单上传一张照片：JPEG 或 PNG，不超过 ${limitMiB} MiB`,
        en: `upload one photo as a form: JPEG or PNG, at most ${limitMiB} MiB`,
      },
      'file',
    ),

  photoType: (filename: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.PhotoType,
      {
        zh: `「${filename}」不是 JPEG 或 PNG 照片（按文件内容判断，不看扩展名）`,
        en: `"${filename}" is not a JPEG or PNG photo (judged by its content, not its name)`,
      },
      'file',
    ),

  photoTooLarge: (limitMiB: number) =>
    refusal(
      DomainErrorCode.PayloadTooLarge,
      NeedsRefusal.PhotoTooLarge,
      {
        zh: `照片超过 ${limitMiB} MiB，请缩小后再上传`,
        en: `the photo is larger than ${limitMiB} MiB; shrink it first`,
      },
      'file',
    ),

  photoNotReadable: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.PhotoNotReadable,
      {
        zh: '上传的照片不完整或已损坏（可能在传输中被截断），请重新上传',
        en: 'the photo arrived incomplete or garbled (perhaps cut short on the way); upload it again',
      },
      'file',
    ),

  photoFileName: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      NeedsRefusal.PhotoFileName,
      {
        zh: '文件名含有控制字符，请重命名后上传',
        en: 'the file name has control characters; rename the file and upload it again',
      },
      'file',
    ),

  photoNotPending: () =>
    refusal(DomainErrorCode.Conflict, NeedsRefusal.PhotoNotPending, {
      zh: '社区审核后不能再更换照片',
      en: 'the photo cannot change once the community has moderated the need',
    }),

  photoNotFound: () =>
    refusal(DomainErrorCode.NotFound, NeedsRefusal.PhotoNotFound, {
      zh: '这条需求没有可显示的照片',
      en: 'this need has no photo to show',
    }),

  supportNotFound: (index: number) =>
    refusal(
      DomainErrorCode.NotFound,
      NeedsRefusal.SupportNotFound,
      { zh: `第 ${index + 1} 条附议不是本社区需求的附议`, en: `support ${index + 1} is not one of the community’s` },
      `supportIds.${index}`,
    ),

  alreadyReviewed: (field: string) =>
    refusal(
      DomainErrorCode.Conflict,
      NeedsRefusal.AlreadyReviewed,
      { zh: '已经审核过，不能再改', en: 'already reviewed; the decision stands' },
      field,
    ),

  notFlagged: (field: string) =>
    refusal(
      DomainErrorCode.Conflict,
      NeedsRefusal.NotFlagged,
      { zh: '没有被标记，无需核实', en: 'not flagged; there is nothing to clear' },
      field,
    ),

  /** A need is voided while still with its community; once listed, its list and order answer for it. */
  notVoidable: (state: NeedState, field: string) =>
    refusal(
      DomainErrorCode.Conflict,
      NeedsRefusal.NotVoidable,
      {
        zh: `这条需求${NEED_STATE_LABELS[state].zh}，不能再作废`,
        en: `this need is "${NEED_STATE_LABELS[state].en}"; it can no longer be voided`,
      },
      field,
    ),
};
