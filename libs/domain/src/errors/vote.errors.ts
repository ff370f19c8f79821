import { DomainErrorCode } from '../domain-error-code';
import { BilingualMessage } from '../domain-error';
import { beijingTime } from '../time';
import { refusal } from './refusal';

export enum VoteRefusal {
  RoundNotFound = 'VOTE_ROUND_NOT_FOUND',
  RoundAlreadyOpened = 'VOTE_ROUND_ALREADY_OPENED',
  RoundNotYetOpen = 'VOTE_ROUND_NOT_YET_OPEN',
  RoundClosed = 'VOTE_ROUND_CLOSED',
  WindowInvalid = 'VOTE_WINDOW_INVALID',
  LimitsInconsistent = 'VOTE_LIMITS_INCONSISTENT',
  ProjectNotFound = 'VOTE_PROJECT_NOT_FOUND',
  ProjectScreenedOut = 'VOTE_PROJECT_SCREENED_OUT',
  ProjectLimitReached = 'VOTE_PROJECT_LIMIT_REACHED',
  CategoryLimitReached = 'VOTE_CATEGORY_LIMIT_REACHED',
  DailyLimitReached = 'VOTE_DAILY_LIMIT_REACHED',
  TotalLimitReached = 'VOTE_TOTAL_LIMIT_REACHED',
  VoterRateLimited = 'VOTE_RATE_LIMITED',
  CommunityNotInRound = 'VOTER_COMMUNITY_NOT_IN_ROUND',
  MethodNotAccepted = 'VOTER_METHOD_NOT_ACCEPTED',
  VoterCodeInvalid = 'VOTER_CODE_INVALID',
  SmsCodeInvalid = 'VOTER_SMS_CODE_INVALID',
  SmsTooSoon = 'VOTER_SMS_TOO_SOON',
  SmsUnavailable = 'VOTER_SMS_UNAVAILABLE',
  VoterSignInPaused = 'VOTER_SIGN_IN_PAUSED',
  ResultsHidden = 'VOTE_RESULTS_HIDDEN',
  VoteNotFound = 'VOTE_NOT_FOUND',
  VoteAlreadyReviewed = 'VOTE_ALREADY_REVIEWED',
  VoteNotFlagged = 'VOTE_NOT_FLAGGED',
  ComponentNotVote = 'VOTE_COMPONENT_NOT_VOTE',
  RoundStillOpen = 'VOTE_ROUND_STILL_OPEN',
  RoundWithoutComponent = 'VOTE_ROUND_WITHOUT_COMPONENT',
  ReviewPending = 'VOTE_REVIEW_PENDING',
}

/** What a vote-rate refusal counted: the voter is told which, so a family on one Wi-Fi knows to wait. */
export type VoteRateScope = 'voter' | 'address' | 'network';

const RATE_SCOPE: Readonly<Record<VoteRateScope, { zh: string; en: string }>> = {
  voter: { zh: '您投票过快', en: 'you are voting too fast' },
  address: { zh: '本网络地址投票过于频繁', en: 'too many votes came from this address' },
  network: { zh: '本网段投票过于频繁', en: 'too many votes came from this network' },
};

export const VoteErrors = {
  roundNotFound: (field?: string) =>
    refusal(
      DomainErrorCode.NotFound,
      VoteRefusal.RoundNotFound,
      { zh: '没有这一投票', en: 'no such vote round' },
      field,
    ),

  componentNotVote: (key: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      VoteRefusal.ComponentNotVote,
      {
        zh: `大赛规则中没有由网络投票得出的评分构成「${key}」`,
        en: `the rules have no score component "${key}" that comes from the public vote`,
      },
      'componentKey',
    ),

  roundStillOpen: (closesAt: Date) =>
    refusal(DomainErrorCode.Conflict, VoteRefusal.RoundStillOpen, {
      zh: `投票要到 ${beijingTime(closesAt)}（北京时间）才结束，结束后才能计入评分`,
      en: `the vote closes at ${closesAt.toISOString()}; its points can be recorded only after that`,
    }),

  roundWithoutComponent: () =>
    refusal(DomainErrorCode.Conflict, VoteRefusal.RoundWithoutComponent, {
      zh: '这一投票没有对应的评分构成，不计入评分',
      en: 'this vote is not tied to a score component, so it adds no points',
    }),

  reviewPending: (pending: number) =>
    refusal(DomainErrorCode.Conflict, VoteRefusal.ReviewPending, {
      zh: `还有 ${pending} 张被标记的选票等待审核，请先作废或核实`,
      en: `${pending} flagged votes still await review; void or clear them first`,
    }),

  roundAlreadyOpened: () =>
    refusal(DomainErrorCode.Conflict, VoteRefusal.RoundAlreadyOpened, {
      zh: '投票已经开始，规则不能再修改',
      en: 'the vote has opened; its rules can no longer change',
    }),

  roundNotYetOpen: (opensAt: Date) =>
    refusal(DomainErrorCode.Conflict, VoteRefusal.RoundNotYetOpen, {
      zh: `投票尚未开始，${beijingTime(opensAt)}（北京时间）开始`,
      en: `voting has not started; it opens at ${opensAt.toISOString()}`,
    }),

  roundClosed: (closesAt: Date) =>
    refusal(DomainErrorCode.Conflict, VoteRefusal.RoundClosed, {
      zh: `投票已于 ${beijingTime(closesAt)}（北京时间）结束`,
      en: `voting closed at ${closesAt.toISOString()}`,
    }),

  windowInvalid: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      VoteRefusal.WindowInvalid,
      { zh: '投票结束时间必须晚于开始时间', en: 'the closing time must be after the opening time' },
      'closesAt',
    ),

  limitsInconsistent: (field: string, zh: string, en: string) =>
    refusal(DomainErrorCode.ValidationFailed, VoteRefusal.LimitsInconsistent, { zh, en }, field),

  projectNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      VoteRefusal.ProjectNotFound,
      { zh: '本次投票没有这个项目', en: 'no such project in this vote' },
      'projectId',
    ),

  projectScreenedOut: () =>
    refusal(
      DomainErrorCode.Conflict,
      VoteRefusal.ProjectScreenedOut,
      { zh: '该项目未通过资格审查，不能投票', en: 'the project did not pass screening and cannot be voted for' },
      'projectId',
    ),

  projectLimitReached: (limit: number) =>
    refusal(
      DomainErrorCode.Conflict,
      VoteRefusal.ProjectLimitReached,
      limit === 1
        ? { zh: '您已为该项目投过票', en: 'you have already voted for this project' }
        : { zh: `每个项目最多投 ${limit} 票，您已投满`, en: `at most ${limit} votes per project; you have cast them` },
      'projectId',
    ),

  categoryLimitReached: (limit: number, category: BilingualMessage) =>
    refusal(
      DomainErrorCode.Conflict,
      VoteRefusal.CategoryLimitReached,
      {
        zh: `「${category.zh}」的项目每人最多投 ${limit} 票，您已投满`,
        en: `at most ${limit} votes for projects of the category "${category.en}"; you have cast them`,
      },
      'projectId',
    ),

  dailyLimitReached: (limit: number) =>
    refusal(DomainErrorCode.Conflict, VoteRefusal.DailyLimitReached, {
      zh: `每人每天最多投 ${limit} 票，今天的票已投完，明天（北京时间）再来`,
      en: `at most ${limit} votes a day; today's are cast, come back tomorrow (Beijing time)`,
    }),

  totalLimitReached: (limit: number) =>
    refusal(DomainErrorCode.Conflict, VoteRefusal.TotalLimitReached, {
      zh: `每人最多投 ${limit} 票，您的票已全部投完`,
      en: `at most ${limit} votes in all; you have cast them all`,
    }),

  voterRateLimited: (scope: VoteRateScope, seconds: number) =>
    refusal(DomainErrorCode.RateLimited, VoteRefusal.VoterRateLimited, {
      zh: `${RATE_SCOPE[scope].zh}，请 ${seconds} 秒后再试`,
      en: `${RATE_SCOPE[scope].en}; try again in ${seconds} seconds`,
    }),

  communityNotInRound: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      VoteRefusal.CommunityNotInRound,
      {
        zh: '只有本次投票所列社区的居民可以投票',
        en: 'only residents of the communities listed for this vote may vote',
      },
      'community',
    ),

  methodNotAccepted: () =>
    refusal(DomainErrorCode.Conflict, VoteRefusal.MethodNotAccepted, {
      zh: '本次投票不接受这种验证方式',
      en: 'this vote does not accept this way of verifying voters',
    }),

  voterCodeInvalid: () =>
    refusal(
      DomainErrorCode.Unauthenticated,
      VoteRefusal.VoterCodeInvalid,
      { zh: '投票码无效，请核对后重新输入', en: 'the voter code is not valid; check it and try again' },
      'code',
    ),

  smsCodeInvalid: () =>
    refusal(
      DomainErrorCode.Unauthenticated,
      VoteRefusal.SmsCodeInvalid,
      {
        zh: '短信验证码不正确或已过期，请重新获取',
        en: 'the SMS code is wrong or has expired; ask for a new one',
      },
      'smsCode',
    ),

  smsTooSoon: (seconds: number) =>
    refusal(DomainErrorCode.RateLimited, VoteRefusal.SmsTooSoon, {
      zh: `验证码已发送，请 ${seconds} 秒后再重新获取`,
      en: `a code was just sent; ask again in ${seconds} seconds`,
    }),

  smsUnavailable: () =>
    refusal(DomainErrorCode.ServiceUnavailable, VoteRefusal.SmsUnavailable, {
      zh: '短信验证暂时不可用，请稍后再试或使用投票码',
      en: 'SMS verification is unavailable for now; try again later or use a voter code',
    }),

  voterSignInPaused: (until: Date) =>
    refusal(DomainErrorCode.RateLimited, VoteRefusal.VoterSignInPaused, {
      zh: `输错验证码的次数过多，验证暂停至 ${beijingTime(until)}（北京时间）`,
      en: `too many wrong codes; verification is paused until ${until.toISOString()}`,
    }),

  resultsHidden: () =>
    refusal(DomainErrorCode.Forbidden, VoteRefusal.ResultsHidden, {
      zh: '本次投票结束后才公布票数',
      en: 'the counts are published when voting ends',
    }),

  voteNotFound: () =>
    refusal(DomainErrorCode.NotFound, VoteRefusal.VoteNotFound, { zh: '没有这张选票', en: 'no such vote' }, 'voteId'),

  voteAlreadyReviewed: () =>
    refusal(DomainErrorCode.Conflict, VoteRefusal.VoteAlreadyReviewed, {
      zh: '这张选票已经审核过',
      en: 'this vote has already been reviewed',
    }),

  voteNotFlagged: () =>
    refusal(DomainErrorCode.Conflict, VoteRefusal.VoteNotFlagged, {
      zh: '这张选票没有被标记，无需核实',
      en: 'this vote is not flagged; there is nothing to clear',
    }),
} as const;
