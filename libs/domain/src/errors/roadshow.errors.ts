import { CompetitionState } from '../competition-lifecycle';
import { stateEn, stateZh } from '../competition-state-names';
import { DomainErrorCode } from '../domain-error-code';
import { JUDGE_GROUP_LABELS, RECUSAL_SOURCE_LABELS, SLOT_STATE_LABELS } from '../labels';
import { beijingTime } from '../time';
import { JudgeGroup, RecusalSource, SlotState } from '../vocabulary';
import { refusal } from './refusal';

export enum RoadshowRefusal {
  RoadshowNotFound = 'ROADSHOW_NOT_FOUND',
  NoRoadshowYet = 'NO_ROADSHOW_YET',
  RoadshowExists = 'ROADSHOW_EXISTS',
  SlotNotFound = 'SLOT_NOT_FOUND',
  JudgeNotFound = 'JUDGE_NOT_FOUND',
  OrganizationNotFound = 'ORGANIZATION_NOT_FOUND',
  ProjectNotFound = 'PROJECT_NOT_FOUND',
  RecusalNotFound = 'RECUSAL_NOT_FOUND',
  NotRoadshowStage = 'NOT_ROADSHOW_STAGE',
  PanelClosed = 'PANEL_CLOSED',
  PersonalWeight = 'PERSONAL_WEIGHT_UNSUPPORTED',
  GroupWithoutWeight = 'GROUP_WITHOUT_WEIGHT',
  JudgeHasScored = 'JUDGE_HAS_SCORED',
  OrderStarted = 'ORDER_ALREADY_STARTED',
  NothingToDraw = 'NOTHING_TO_DRAW',
  SeedUnprintable = 'SEED_UNPRINTABLE',
  SlotOnStage = 'SLOT_STILL_ON_STAGE',
  SlotWrongState = 'SLOT_WRONG_STATE',
  NoScoresYet = 'NO_SCORES_YET',
  JudgesMissing = 'JUDGES_MISSING',
  SlotLocked = 'SLOT_LOCKED',
  NotOnStage = 'NOT_ON_STAGE',
  Recused = 'RECUSED',
  AlreadyRecused = 'ALREADY_RECUSED',
  AutomaticRecusal = 'AUTOMATIC_RECUSAL',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  IdempotencyKeyMissing = 'IDEMPOTENCY_KEY_MISSING',
  IdempotencyKeyMalformed = 'IDEMPOTENCY_KEY_MALFORMED',
  SignInCodeInvalid = 'SIGN_IN_CODE_INVALID',
  SignInPaused = 'SIGN_IN_PAUSED',
  JudgeSessionEnded = 'JUDGE_SESSION_ENDED',
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Where a sign-in pause applies: what the judge or the office is told to do about it differs. */
export type SignInPauseScope = 'code' | 'address' | 'roadshow';

const PAUSE_SCOPE: Readonly<Record<SignInPauseScope, { zh: string; en: string }>> = {
  code: { zh: '这个签到码输错次数过多，请核对签到单', en: 'this code has been tried too often; check the slip' },
  address: {
    zh: '本网络输错签到码的次数过多',
    en: 'too many wrong codes came from this network',
  },
  roadshow: { zh: '本场路演输错签到码的次数过多', en: 'too many wrong codes were tried for this roadshow' },
};

export const RoadshowErrors = {
  roadshowNotFound: (field?: string) =>
    refusal(
      DomainErrorCode.NotFound,
      RoadshowRefusal.RoadshowNotFound,
      { zh: '路演不存在', en: 'roadshow not found' },
      field,
    ),

  noRoadshowYet: () =>
    refusal(
      DomainErrorCode.NotFound,
      RoadshowRefusal.NoRoadshowYet,
      { zh: '该大赛还没有路演', en: 'this competition has no roadshow yet' },
      'id',
    ),

  roadshowExists: () =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.RoadshowExists, {
      zh: '该大赛已经有路演',
      en: 'this competition already has a roadshow',
    }),

  slotNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      RoadshowRefusal.SlotNotFound,
      { zh: '该路演中没有这个出场位', en: 'no such slot in this roadshow' },
      'slotId',
    ),

  judgeNotFound: (field?: string) =>
    refusal(
      DomainErrorCode.NotFound,
      RoadshowRefusal.JudgeNotFound,
      { zh: '该路演中没有这位评委', en: 'no such judge in this roadshow' },
      field,
    ),

  organizationNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      RoadshowRefusal.OrganizationNotFound,
      { zh: '所选的组织不存在', en: 'the chosen organization does not exist' },
      'organizationId',
    ),

  projectNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      RoadshowRefusal.ProjectNotFound,
      { zh: '本次大赛没有这个已提交的项目', en: 'no such submitted project in this competition' },
      'submissionId',
    ),

  recusalNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      RoadshowRefusal.RecusalNotFound,
      { zh: '该路演中没有这条回避记录', en: 'no such recusal in this roadshow' },
      'recusalId',
    ),

  notRoadshowStage: (state: CompetitionState) =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.NotRoadshowStage, {
      zh: `大赛当前为${stateZh(state)}，只有在路演阶段才能抽签、上台和评分`,
      en: `the competition is in ${stateEn(state)}; the draw, the stage and scoring need the roadshow stage`,
    }),

  panelClosed: (state: CompetitionState) =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.PanelClosed, {
      zh: `大赛当前为${stateZh(state)}，路演已结束，评委名单和回避不能再改`,
      en: `the competition is in ${stateEn(state)}; the roadshow is over and its panel can no longer change`,
    }),

  personalWeight: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      RoadshowRefusal.PersonalWeight,
      {
        zh: '个人权重目前只能为 1：分数按评审组加权，请在大赛规则中设置各评审组的权重',
        en: 'a personal weight must be 1 for now: scores are weighted by judge group; set the group weights in the rules',
      },
      'weight',
    ),

  groupWithoutWeight: (group: JudgeGroup, judgeName?: string) =>
    refusal(
      judgeName === undefined ? DomainErrorCode.ValidationFailed : DomainErrorCode.Conflict,
      RoadshowRefusal.GroupWithoutWeight,
      {
        zh:
          (judgeName === undefined ? '' : `评委${judgeName}所在的`) +
          `评审组“${JUDGE_GROUP_LABELS[group].zh}”在大赛规则中没有权重，该组评委的分数无法计入`,
        en:
          (judgeName === undefined ? '' : `${judgeName} is in `) +
          `the judge group "${JUDGE_GROUP_LABELS[group].en}", which the rules give no weight, so its scores could not count`,
      },
      judgeName === undefined ? 'group' : undefined,
    ),

  judgeHasScored: (name: string, count: number) =>
    refusal(
      DomainErrorCode.Conflict,
      RoadshowRefusal.JudgeHasScored,
      {
        zh: `评委${name}已为 ${count} 个项目评分，评分是结果的一部分，不能移除该评委`,
        en: `${name} has scored ${count} project(s); those scores are part of the result, so the judge cannot be removed`,
      },
      'judgeId',
    ),

  orderStarted: () =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.OrderStarted, {
      zh: '已有项目开始路演，出场顺序不能再抽',
      en: 'a project has already taken the stage; the order can no longer be drawn',
    }),

  nothingToDraw: () =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.NothingToDraw, {
      zh: '没有已提交且通过资格审查的项目，无法抽签',
      en: 'no submitted project has passed screening; there is nothing to draw',
    }),

  seedUnprintable: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      RoadshowRefusal.SeedUnprintable,
      {
        zh: '抽签种子须为 1 至 200 个可打印字符（可含中文和空格，不能含换行等控制字符）',
        en: 'the draw seed must be 1 to 200 printable characters (Chinese and spaces allowed, no line breaks or other control characters)',
      },
      'seed',
    ),

  slotOnStage: (position: number, state: SlotState) =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.SlotOnStage, {
      zh: `第 ${position} 号项目仍在${SLOT_STATE_LABELS[state].zh}，请先锁定它`,
      en: `project no. ${position} is still ${SLOT_STATE_LABELS[state].en.toLowerCase()}; lock it first`,
    }),

  slotWrongState: (position: number, state: SlotState, from: SlotState, to: SlotState) =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.SlotWrongState, {
      zh: `第 ${position} 号项目当前${SLOT_STATE_LABELS[state].zh}，只有${SLOT_STATE_LABELS[from].zh}的项目才能进入${SLOT_STATE_LABELS[to].zh}`,
      en: `project no. ${position} is ${SLOT_STATE_LABELS[state].en.toLowerCase()}; only a project that is ${SLOT_STATE_LABELS[from].en.toLowerCase()} can become ${SLOT_STATE_LABELS[to].en.toLowerCase()}`,
    }),

  noScoresYet: () =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.NoScoresYet, {
      zh: '还没有评委提交评分，不能锁定',
      en: 'no judge has submitted a score yet; nothing to lock',
    }),

  /** The office's console asks to confirm leaving these judges out, then locks again with that confirmation. */
  judgesMissing: (names: readonly string[]) =>
    refusal(
      DomainErrorCode.Conflict,
      RoadshowRefusal.JudgesMissing,
      {
        zh: `还有 ${names.length} 位评委未提交评分：${names.join('、')}。确认不计入他们的评分后才能锁定`,
        en: `${names.length} judge(s) have not submitted: ${names.join(', ')}. Confirm leaving them out to lock`,
      },
      'allowMissing',
    ),

  slotLocked: () =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.SlotLocked, {
      zh: '该项目已锁定并公布分数，不能再提交评分',
      en: 'this project is locked and its score announced; no more scores are taken',
    }),

  slotLockedForRecusal: () =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.SlotLocked, {
      zh: '该项目已锁定并公布分数，回避不再改变结果',
      en: 'this project is locked and its score announced; a recusal can no longer change it',
    }),

  notOnStage: () =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.NotOnStage, {
      zh: '该项目尚未上台，还不能评分',
      en: 'this project has not taken the stage yet',
    }),

  recused: () =>
    refusal(DomainErrorCode.Forbidden, RoadshowRefusal.Recused, {
      zh: '您已回避该项目，不能为其评分',
      en: 'you are recused from this project and cannot score it',
    }),

  alreadyRecused: (source: RecusalSource | undefined) =>
    refusal(
      DomainErrorCode.Conflict,
      RoadshowRefusal.AlreadyRecused,
      {
        zh: `该评委已回避此项目${source ? `（${RECUSAL_SOURCE_LABELS[source].zh}）` : ''}`,
        en: `the judge is already recused from this project${source ? ` (${RECUSAL_SOURCE_LABELS[source].en.toLowerCase()})` : ''}`,
      },
      'submissionId',
    ),

  automaticRecusal: () =>
    refusal(DomainErrorCode.Conflict, RoadshowRefusal.AutomaticRecusal, {
      zh: '自动回避由规则产生（评委与项目同一组织或同一社区），不能撤销',
      en: 'an automatic recusal follows from the rules (same organization or community as the project) and cannot be withdrawn',
    }),

  idempotencyKeyReused: () =>
    refusal(
      DomainErrorCode.Conflict,
      RoadshowRefusal.IdempotencyKeyReused,
      {
        zh: '这个提交编号已用于另一份评分；新的评分请使用新的编号',
        en: 'this submission key was already used for a different score; send a new key for a new score',
      },
      IDEMPOTENCY_HEADER,
    ),

  idempotencyKeyMissing: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      RoadshowRefusal.IdempotencyKeyMissing,
      {
        zh: '缺少提交编号：平板每次提交评分需带一个唯一编号，重试时沿用同一个',
        en: 'the submission key is required: one unique key per submission, reused on retry',
      },
      IDEMPOTENCY_HEADER,
    ),

  idempotencyKeyMalformed: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      RoadshowRefusal.IdempotencyKeyMalformed,
      {
        zh: '提交编号须为 8 至 100 个可见 ASCII 字符',
        en: 'the submission key must be 8 to 100 visible ASCII characters',
      },
      IDEMPOTENCY_HEADER,
    ),

  /** One answer whatever was wrong, so a guesser learns nothing about which codes or roadshows exist. */
  signInCodeInvalid: () =>
    refusal(
      DomainErrorCode.Unauthenticated,
      RoadshowRefusal.SignInCodeInvalid,
      { zh: '签到码无效，请核对后重新输入', en: 'the sign-in code is not valid; check it and try again' },
      'code',
    ),

  signInPaused: (scope: SignInPauseScope, until: Date) =>
    refusal(DomainErrorCode.RateLimited, RoadshowRefusal.SignInPaused, {
      zh: `${PAUSE_SCOPE[scope].zh}，签到暂停至 ${beijingTime(until)}（北京时间）；可请工作人员在管理控制台解除`,
      en: `${PAUSE_SCOPE[scope].en}; sign-in is paused until ${until.toISOString()}, or until the organizers lift it in the office console`,
    }),

  judgeSessionEnded: () =>
    refusal(DomainErrorCode.Unauthenticated, RoadshowRefusal.JudgeSessionEnded, {
      zh: '本平板的评委登录已结束（签到码已重新生成或评委已被移除），请用新的签到码登录',
      en: 'this tablet’s judge session has ended (the code was reissued or the judge removed); sign in with the new code',
    }),
} as const;
