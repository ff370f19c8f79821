import type { Bilingual } from './labels';

/** Persisted values of the public vote: spelled out, never renamed without a migration. */

/** How a voter proved they may vote. A round names the methods it accepts. */
export enum VoterMethod {
  /** A one-time code printed by the voter's community (居民投票码). */
  Code = 'code',
  /** A mobile number confirmed by a 6-digit code sent by SMS; only its keyed hash is kept. */
  Phone = 'phone',
}

/** Whether the public sees the running tally while the round is open; after it closes everyone does. */
export enum VoteResultsVisibility {
  Hidden = 'hidden',
  Live = 'live',
}

/** Where a round is in its window, from the clock: there is no transition to forget. */
export enum VoteRoundPhase {
  Upcoming = 'upcoming',
  Open = 'open',
  Closed = 'closed',
}

/**
 * Why a vote was flagged for the office's review. A flag never refuses a vote: the vote counts
 * until the office voids it, because a real family voting from one home Wi-Fi looks like a burst too.
 */
export enum VoteFlag {
  /** Many votes from one address within a minute. */
  AddressBurst = 'address-burst',
  /** Many votes from one network block (/24 IPv4, /64 IPv6) within a minute. */
  NetworkBurst = 'network-burst',
  /** Many votes from one device within a minute: one phone handed round, or a script. */
  DeviceBurst = 'device-burst',
  /** Many codes of one printed batch used within seconds: the slips were never handed out. */
  BatchBurst = 'batch-burst',
  /** Votes cast faster than a person reads and taps (under a second apart). */
  Velocity = 'velocity',
}

/** What the office decided about a flagged vote. */
export enum VoteReviewDecision {
  /** The vote no longer counts; the reason is shown in the export. */
  Void = 'void',
  /** The flag was looked at and the vote stands. */
  Clear = 'clear',
}

type Labels<T extends string> = Readonly<Record<T, Bilingual>>;

export const VOTER_METHOD_LABELS: Labels<VoterMethod> = {
  [VoterMethod.Code]: { zh: '投票码', en: 'Voter code' },
  [VoterMethod.Phone]: { zh: '手机验证码', en: 'Phone and SMS code' },
};

export const VOTE_RESULTS_VISIBILITY_LABELS: Labels<VoteResultsVisibility> = {
  [VoteResultsVisibility.Hidden]: { zh: '投票结束后公布', en: 'Shown when voting ends' },
  [VoteResultsVisibility.Live]: { zh: '实时公布', en: 'Shown live' },
};

export const VOTE_ROUND_PHASE_LABELS: Labels<VoteRoundPhase> = {
  [VoteRoundPhase.Upcoming]: { zh: '未开始', en: 'Not yet open' },
  [VoteRoundPhase.Open]: { zh: '投票中', en: 'Open' },
  [VoteRoundPhase.Closed]: { zh: '已结束', en: 'Closed' },
};

export const VOTE_FLAG_LABELS: Labels<VoteFlag> = {
  [VoteFlag.AddressBurst]: { zh: '同一地址短时间内大量投票', en: 'Many votes from one address within a minute' },
  [VoteFlag.NetworkBurst]: { zh: '同一网段短时间内大量投票', en: 'Many votes from one network block within a minute' },
  [VoteFlag.DeviceBurst]: { zh: '同一设备短时间内大量投票', en: 'Many votes from one device within a minute' },
  [VoteFlag.BatchBurst]: { zh: '同一批投票码在几秒内被集中使用', en: 'Many codes of one batch used within seconds' },
  [VoteFlag.Velocity]: { zh: '投票速度异常（间隔不足 1 秒）', en: 'Votes cast under a second apart' },
};

export const VOTE_REVIEW_DECISION_LABELS: Labels<VoteReviewDecision> = {
  [VoteReviewDecision.Void]: { zh: '作废', en: 'Voided' },
  [VoteReviewDecision.Clear]: { zh: '核实无误', en: 'Cleared' },
};

/**
 * The anti-fraud thresholds, one home for the API, the documentation and the pages. Hard limits
 * refuse (429) and protect the service; flags only mark votes for the office, so a street's one
 * community-centre Wi-Fi never stops residents from voting.
 */
export const VOTE_GUARDS = {
  /** Window of every rate limit and burst count. */
  windowSeconds: 60,
  /** Votes one voter may cast per minute before 429: a person reads and taps. */
  perVoterPerMinute: 20,
  /** Votes one address may cast per minute before 429: a community centre's shared Wi-Fi included. */
  perAddressPerMinute: 600,
  /** Votes one network block may cast per minute before 429. */
  perBlockPerMinute: 3000,
  /** Votes from one address within a minute beyond which each further one is flagged. */
  addressBurst: 30,
  /** Votes from one network block within a minute beyond which each further one is flagged. */
  blockBurst: 150,
  /** Votes from one device within a minute beyond which each further one is flagged. */
  deviceBurst: 10,
  /** A voter's votes less than this many seconds apart are flagged. */
  velocitySeconds: 1,
  /** Codes of one batch first used within `batchBurstSeconds` beyond which each further one is flagged. */
  batchBurst: 10,
  batchBurstSeconds: 30,
} as const;
