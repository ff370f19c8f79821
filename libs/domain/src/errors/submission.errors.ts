import { CompetitionState } from '../competition-lifecycle';
import { stateEn, stateZh } from '../competition-state-names';
import { DomainErrorCode } from '../domain-error-code';
import { BilingualMessage } from '../domain-error';
import { SUBMISSION_STATE_LABELS } from '../labels';
import { beijingTime } from '../time';
import { SubmissionState } from '../vocabulary';
import { CompetitionRefusal } from './competition.errors';
import { refusal } from './refusal';

export enum SubmissionRefusal {
  NotFound = 'SUBMISSION_NOT_FOUND',
  ApplicantOnly = 'APPLICANT_ONLY',
  NotAccepting = 'NOT_ACCEPTING_SUBMISSIONS',
  FieldCleared = 'FIELD_CLEARED',
  Withdrawn = 'SUBMISSION_WITHDRAWN',
  NotDraft = 'SUBMISSION_NOT_DRAFT',
  AlreadyWithdrawn = 'ALREADY_WITHDRAWN',
  LineupFixed = 'LINEUP_FIXED',
  NotSubmitted = 'SUBMISSION_NOT_SUBMITTED',
  ScreeningReasonRequired = 'SCREENING_REASON_REQUIRED',
  NotInScreening = 'NOT_IN_SCREENING',
  OnePerOrganization = 'ONE_PER_ORGANIZATION',
  UnknownCategory = 'UNKNOWN_CATEGORY',
  BudgetMismatch = 'BUDGET_LINES_MISMATCH',
  AboveCap = 'REQUEST_ABOVE_CAP',
  BelowMinimum = 'REQUEST_BELOW_MINIMUM',
  AboveShareOfBudget = 'REQUEST_ABOVE_SHARE_OF_BUDGET',
}

function submissionState(state: SubmissionState): string {
  return `「${SUBMISSION_STATE_LABELS[state].zh}」`;
}

function submissionStateEn(state: SubmissionState): string {
  return `"${SUBMISSION_STATE_LABELS[state].en}"`;
}

export const SubmissionErrors = {
  /** Also what another organization's project answers, so ids reveal nothing. */
  notFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      SubmissionRefusal.NotFound,
      { zh: '未找到该申报项目', en: 'submission not found' },
      'id',
    ),

  applicantOnly: () =>
    refusal(DomainErrorCode.Forbidden, SubmissionRefusal.ApplicantOnly, {
      zh: '只有申报单位的账号可以申报项目',
      en: 'only an applicant organization’s account may do this',
    }),

  notAccepting: (state: CompetitionState) =>
    refusal(DomainErrorCode.Conflict, SubmissionRefusal.NotAccepting, {
      zh: `大赛当前为${stateZh(state)}，不接受申报或修改`,
      en: `the competition is in ${stateEn(state)}, so projects can no longer be created, edited or submitted`,
    }),

  deadlinePassed: (deadline: Date) =>
    refusal(DomainErrorCode.Conflict, CompetitionRefusal.DeadlinePassed, {
      zh: `申报已于 ${beijingTime(deadline)}（北京时间）截止，不能再新建、修改或提交`,
      en: `submissions closed at ${deadline.toISOString()}; nothing can be created, edited or submitted`,
    }),

  /** `name` is the field as people call it; `field` its path in the request. */
  fieldCleared: (name: BilingualMessage, field: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      SubmissionRefusal.FieldCleared,
      {
        zh: `${name.zh}不能清空；不修改时请不要发送这一项`,
        en: `${name.en} cannot be cleared; leave it out to keep it`,
      },
      field,
    ),

  changedSinceRead: (now: number, sent: number) =>
    refusal(
      DomainErrorCode.Conflict,
      CompetitionRefusal.ChangedSinceRead,
      {
        zh: `该项目已被修改（当前版本 ${now}，你读取的是 ${sent}），请刷新后再改`,
        en: `the submission changed since you read it (now version ${now}, you sent ${sent}); reload and retry`,
      },
      'expectedVersion',
    ),

  withdrawn: () =>
    refusal(DomainErrorCode.Conflict, SubmissionRefusal.Withdrawn, {
      zh: '该项目已撤回，不能再修改',
      en: 'the submission is withdrawn; it can no longer be edited',
    }),

  notDraft: (state: SubmissionState) =>
    refusal(DomainErrorCode.Conflict, SubmissionRefusal.NotDraft, {
      zh: `该项目${submissionState(state)}，只有草稿可以提交`,
      en: `the submission is ${submissionStateEn(state)}; only a draft can be submitted`,
    }),

  alreadyWithdrawn: () =>
    refusal(DomainErrorCode.Conflict, SubmissionRefusal.AlreadyWithdrawn, {
      zh: '该项目已撤回，无需再次撤回',
      en: 'the submission is already withdrawn',
    }),

  lineupFixed: (state: CompetitionState) =>
    refusal(DomainErrorCode.Conflict, SubmissionRefusal.LineupFixed, {
      zh: `大赛当前为${stateZh(state)}，路演名单已确定，不能再撤回项目`,
      en: `the competition is in ${stateEn(state)}; the roadshow lineup is fixed and projects can no longer be withdrawn`,
    }),

  notSubmitted: (state: SubmissionState) =>
    refusal(DomainErrorCode.Conflict, SubmissionRefusal.NotSubmitted, {
      zh: `该项目${submissionState(state)}，只能审查已提交的项目`,
      en: `the submission is ${submissionStateEn(state)}; only submitted projects are screened`,
    }),

  screeningReasonRequired: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      SubmissionRefusal.ScreeningReasonRequired,
      {
        zh: '资格审查不通过时必须填写理由，申报单位会看到',
        en: 'a rejection needs a reason; the applicant sees it',
      },
      'reason',
    ),

  notInScreening: (state: CompetitionState) =>
    refusal(DomainErrorCode.Conflict, SubmissionRefusal.NotInScreening, {
      zh: `大赛当前为${stateZh(state)}，只有在${stateZh(CompetitionState.Screening)}阶段才能审查`,
      en: `the competition is in ${stateEn(state)}; screening decisions are taken only in ${stateEn(CompetitionState.Screening)}`,
    }),

  onePerOrganization: (otherTitle: string) =>
    refusal(DomainErrorCode.Conflict, SubmissionRefusal.OnePerOrganization, {
      zh: `每个组织限报一个项目，本组织已申报「${otherTitle}」；如需更换，请先撤回该项目`,
      en: `one project per organization: yours already has "${otherTitle}"; withdraw it first to enter another`,
    }),

  unknownCategory: (categories: readonly BilingualMessage[]) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      SubmissionRefusal.UnknownCategory,
      {
        zh: `所选项目类别不是本大赛的类别；可选：${categories.map((c) => c.zh).join('、')}`,
        en: `the category chosen is not one of this competition's; choose one of: ${categories.map((c) => c.en).join(', ')}`,
      },
      'category',
    ),

  budgetMismatch: (linesTotal: string, requested: string, matching: string, total: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      SubmissionRefusal.BudgetMismatch,
      {
        zh: `预算明细合计 ${linesTotal}，与申请资助 ${requested} + 配套资金 ${matching} = ${total} 不一致`,
        en: `the budget lines add up to ${linesTotal}, but the amount requested ${requested} + matching funds ${matching} = ${total}`,
      },
      'budgetLines',
    ),

  aboveCap: (requested: string, cap: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      SubmissionRefusal.AboveCap,
      {
        zh: `申请资助 ${requested} 超过本大赛单个项目资助上限 ${cap}`,
        en: `the amount requested, ${requested}, is above this competition's cap of ${cap} per project`,
      },
      'requestedFen',
    ),

  belowMinimum: (requested: string, minimum: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      SubmissionRefusal.BelowMinimum,
      {
        zh: `申请资助 ${requested} 低于本大赛单个项目最低额度 ${minimum}`,
        en: `the amount requested, ${requested}, is below this competition's minimum of ${minimum} per project`,
      },
      'requestedFen',
    ),

  aboveShareOfBudget: (requested: string, percent: string, budget: string, most: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      SubmissionRefusal.AboveShareOfBudget,
      {
        zh: `申请资助 ${requested} 超过项目总预算 ${budget} 的 ${percent}%，最多可申请 ${most}`,
        en: `the amount requested, ${requested}, is above ${percent}% of the project budget of ${budget}; at most ${most} may be requested`,
      },
      'requestedFen',
    ),
} as const;
