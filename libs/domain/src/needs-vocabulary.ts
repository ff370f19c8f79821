import type { Bilingual } from './labels';
import type { GrantTerms } from './competition-rules';
import { ON_SIGNING_THEN_FINAL_REPORT } from './competition-presets';
import { USUAL_SUPERVISION, type EligibilityRules } from './supervision-vocabulary';

/** Persisted values of 点单式 (residents order, communities draft, organizations take): spelled out, never renamed without a migration. */

/** The kinds of service residents ask for (侯家塘's six kinds of service project, with the rest). */
export enum NeedCategory {
  ElderlyCare = 'elderly-care',
  ChildCare = 'child-care',
  PovertyRelief = 'poverty-relief',
  Disability = 'disability',
  Environment = 'environment',
  Culture = 'culture',
  Other = 'other',
}

export const NEED_CATEGORY_LABELS: Readonly<Record<NeedCategory, Bilingual>> = {
  [NeedCategory.ElderlyCare]: { zh: '为老服务', en: 'Elderly care' },
  [NeedCategory.ChildCare]: { zh: '儿童关爱', en: 'Child care' },
  [NeedCategory.PovertyRelief]: { zh: '扶贫帮困', en: 'Poverty relief' },
  [NeedCategory.Disability]: { zh: '助残服务', en: 'Disability support' },
  [NeedCategory.Environment]: { zh: '环境美化', en: 'Environment' },
  [NeedCategory.Culture]: { zh: '文体活动', en: 'Culture and sport' },
  [NeedCategory.Other]: { zh: '其他', en: 'Other' },
};

/**
 * Where a need is. Pending and refused are the community's moderation; from open on, each state
 * is the funnel the office reads (collected → listed → ordered → taken → delivered).
 */
export enum NeedState {
  Pending = 'pending',
  Refused = 'refused',
  Open = 'open',
  Listed = 'listed',
  Ordered = 'ordered',
  Taken = 'taken',
  Delivered = 'delivered',
}

export const NEED_STATE_LABELS: Readonly<Record<NeedState, Bilingual>> = {
  [NeedState.Pending]: { zh: '待审核', en: 'Awaiting moderation' },
  [NeedState.Refused]: { zh: '未通过', en: 'Refused' },
  [NeedState.Open]: { zh: '已收集', en: 'Collected' },
  [NeedState.Listed]: { zh: '已列入清单', en: 'Listed' },
  [NeedState.Ordered]: { zh: '已制单', en: 'Ordered' },
  [NeedState.Taken]: { zh: '已承接', en: 'Taken' },
  [NeedState.Delivered]: { zh: '已完成', en: 'Delivered' },
};

/** The funnel's stages, in order: a need counts in every stage it reached. */
export const NEED_FUNNEL: readonly NeedState[] = [
  NeedState.Open,
  NeedState.Listed,
  NeedState.Ordered,
  NeedState.Taken,
  NeedState.Delivered,
];

/** How a resident proved who they are for the needs wall. */
export enum ResidentMethod {
  /** A mobile number confirmed by an SMS code: one person, so they may support and rate. */
  Phone = 'phone',
  /** The code the community printed on its needs wall: enough to post, not to support. */
  Code = 'code',
}

/** Why a posted need or a support was flagged for the community to look at; a flag never refuses. */
export enum NeedFlag {
  /** The same text already posted in the community and not yet answered. */
  Duplicate = 'duplicate',
  /** Many posts or supports from one address within a minute. */
  AddressBurst = 'address-burst',
  /** Many supports from one phone's page within a minute: one hand signing in many numbers. */
  DeviceBurst = 'device-burst',
  /** Many supports of one need within a minute, wherever they came from. */
  SupportBurst = 'support-burst',
  /** A resident's support within a second of their last: faster than a person reads (the vote's rule). */
  Velocity = 'velocity',
}

export const NEED_FLAG_LABELS: Readonly<Record<NeedFlag, Bilingual>> = {
  [NeedFlag.Duplicate]: { zh: '疑似重复', en: 'Possible duplicate' },
  [NeedFlag.AddressBurst]: { zh: '同一网络短时大量提交', en: 'Burst from one address' },
  [NeedFlag.DeviceBurst]: { zh: '同一部手机短时大量附议', en: 'Burst from one phone' },
  [NeedFlag.SupportBurst]: { zh: '一条需求短时大量附议', en: 'Burst of supports for one need' },
  [NeedFlag.Velocity]: { zh: '附议间隔过短', en: 'Supports too fast' },
};

/** The photo a resident may add to a need: what a phone's camera saves, judged by its bytes. */
export const NEED_PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export type NeedPhotoType = (typeof NEED_PHOTO_TYPES)[number];
/** A phone photo, not a scan: a wall of needs loads on a weak signal. */
export const NEED_PHOTO_MAX_MIB = 5;

/** How a service order is bought: in a category of an open competition, or directly by its office. */
export enum PurchaseRoute {
  Competition = 'competition',
  Direct = 'direct',
}

export const PURCHASE_ROUTE_LABELS: Readonly<Record<PurchaseRoute, Bilingual>> = {
  [PurchaseRoute.Competition]: { zh: '纳入创投大赛', en: 'Through a competition' },
  [PurchaseRoute.Direct]: { zh: '小额直接购买', en: 'Direct small purchase' },
};

export enum ServiceOrderState {
  Draft = 'draft',
  Published = 'published',
  Taken = 'taken',
  Delivered = 'delivered',
}

export const SERVICE_ORDER_STATE_LABELS: Readonly<Record<ServiceOrderState, Bilingual>> = {
  [ServiceOrderState.Draft]: { zh: '草稿', en: 'Draft' },
  [ServiceOrderState.Published]: { zh: '已发布', en: 'Published' },
  [ServiceOrderState.Taken]: { zh: '已承接', en: 'Taken' },
  [ServiceOrderState.Delivered]: { zh: '已交付', en: 'Delivered' },
};

export enum OrderOfferState {
  Offered = 'offered',
  Picked = 'picked',
  NotPicked = 'not-picked',
}

/**
 * The office's small-purchase limit (小额直接购买上限) when its tenant settings name none, in fen:
 * ¥20,000, so 辛店's ¥5,000 大管家 order fits and a project-sized purchase goes to a competition.
 * An office sets its own as `settings.needs.smallPurchaseLimitFen` on its tenant row.
 */
export const DEFAULT_SMALL_PURCHASE_LIMIT_FEN = 2_000_000;

/**
 * What a direct purchase holds a taker to (a competition applies its own rules): no active
 * sanction, no report overdue, and no failed evaluation among the last two (侯家塘 ties evaluation
 * results to who may take projects).
 */
export const DIRECT_PURCHASE_ELIGIBILITY: EligibilityRules = {
  noActiveSanction: true,
  noOverdueReport: true,
  maxActiveGrants: null,
  noFailedEvaluationInLast: 2,
};

/**
 * 买单 of a direct purchase (服务购买协议): 70% on signing, 30% once the final report is accepted; a
 * final report due 30 days after the period, no monthly or mid-term report for a purchase within the
 * small-purchase limit, refunds within 30 days, the usual supervision. Evaluation rounds belong to
 * competitions, so no tranche waits on one. The grant keeps these terms as they were when bought.
 */
export const DIRECT_PURCHASE_TERMS: GrantTerms = {
  tranches: ON_SIGNING_THEN_FINAL_REPORT,
  grants: {
    agreementLocales: ['zh'],
    reports: { monthly: false, monthlyDueDay: 10, midTerm: false, final: true, finalDueDays: 30 },
    refundDays: 30,
  },
  supervision: USUAL_SUPERVISION,
};

/** The needs wall's anti-spam, counted like the public vote's: hard limits refuse, bursts flag. */
export const NEED_GUARDS = {
  windowSeconds: 60,
  /** Posts one resident may make a minute; beyond, 429. */
  postsPerResidentPerMinute: 3,
  /** Supports and posts from one address a minute before they are flagged (a family shares Wi-Fi). */
  addressBurst: 20,
  /** Beyond this from one address a minute, refused. */
  perAddressPerMinute: 120,
  /** Supports from one phone's page a minute before they are flagged: a family shares a phone, not a dozen numbers. */
  deviceBurst: 5,
  /** Supports of one need a minute before they are flagged: a need is read and weighed, not stormed. */
  needSupportBurst: 10,
} as const;
