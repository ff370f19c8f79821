import { DomainErrorCode } from '../domain-error-code';
import { REPORT_KIND_LABELS } from '../labels';
import { ReportKind } from '../grant-vocabulary';
import {
  MONTHLY_CHECK_TOTAL,
  TERMINATION_CAUSE_LABELS,
  TerminationCause,
  TERMINATION_PROPOSAL_STATE_LABELS,
  TerminationProposalState,
} from '../supervision-vocabulary';
import type { RulesField } from './rules.errors';
import { refusal } from './refusal';

export enum SupervisionRefusal {
  ProposalNotFound = 'TERMINATION_PROPOSAL_NOT_FOUND',
  ProposalDecided = 'TERMINATION_PROPOSAL_DECIDED',
  ChecklistNotWhole = 'CHECKLIST_NOT_10_POINTS',
  NoMonthlyChecks = 'NO_MONTHLY_CHECKS',
  CheckMonthInvalid = 'CHECK_MONTH_INVALID',
  CheckMonthNotOver = 'CHECK_MONTH_NOT_STARTED',
  CheckItemsMismatch = 'CHECK_ITEMS_MISMATCH',
  CheckPointsOutOfRange = 'CHECK_POINTS_OUT_OF_RANGE',
  CheckRevisionStale = 'CHECK_REVISION_STALE',
  Sanctioned = 'NOT_ELIGIBLE_SANCTIONED',
  ReportOverdue = 'NOT_ELIGIBLE_REPORT_OVERDUE',
  TooManyGrants = 'NOT_ELIGIBLE_TOO_MANY_GRANTS',
  FailedEvaluation = 'NOT_ELIGIBLE_FAILED_EVALUATION',
}

/** 项目监管: the refusals of termination proposals and sanctions. */
export const SupervisionErrors = {
  proposalNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      SupervisionRefusal.ProposalNotFound,
      { zh: '未找到该终止建议', en: 'termination proposal not found' },
      'id',
    ),

  proposalDecided: (state: TerminationProposalState) =>
    refusal(DomainErrorCode.Conflict, SupervisionRefusal.ProposalDecided, {
      zh: `该终止建议已处理（${TERMINATION_PROPOSAL_STATE_LABELS[state].zh}），不能再次决定`,
      en: `this termination proposal was already decided ("${TERMINATION_PROPOSAL_STATE_LABELS[state].en}")`,
    }),

  checklistNotWhole: (at: RulesField, total: number) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      SupervisionRefusal.ChecklistNotWhole,
      {
        zh: `${at.name.zh}各项分值合计须为 ${MONTHLY_CHECK_TOTAL} 分，现为 ${total} 分`,
        en: `the points of the ${at.name.en} must add up to ${MONTHLY_CHECK_TOTAL}, not ${total}`,
      },
      at.path,
    ),

  noMonthlyChecks: () =>
    refusal(DomainErrorCode.Conflict, SupervisionRefusal.NoMonthlyChecks, {
      zh: '该大赛的规则没有月度考核',
      en: 'the competition’s rules have no monthly checks',
    }),

  checkMonthInvalid: (first: string, last: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      SupervisionRefusal.CheckMonthInvalid,
      {
        zh: `考核月份须为执行期内的月份（${first} 至 ${last}），格式如 2027-03`,
        en: `the month must be one of the project period (${first} to ${last}), written like 2027-03`,
      },
      'month',
    ),

  checkMonthNotStarted: (month: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      SupervisionRefusal.CheckMonthNotOver,
      { zh: `${month} 月还没有开始，不能考核`, en: `${month} has not begun; it cannot be checked yet` },
      'month',
    ),

  checkItemsMismatch: (keys: readonly string[]) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      SupervisionRefusal.CheckItemsMismatch,
      {
        zh: `须按考核细则逐项打分，每项一次：${keys.join('、')}`,
        en: `score each item of the checklist once: ${keys.join(', ')}`,
      },
      'items',
    ),

  checkPointsOutOfRange: (index: number, labelZh: string, labelEn: string, max: number) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      SupervisionRefusal.CheckPointsOutOfRange,
      {
        zh: `「${labelZh}」的得分须在 0 到 ${max} 分之间，以 0.5 分为单位`,
        en: `the points of "${labelEn}" must be from 0 to ${max}, in steps of 0.5`,
      },
      `items.${index}.points`,
    ),

  checkRevisionStale: (month: string, revision: number) =>
    refusal(DomainErrorCode.Conflict, SupervisionRefusal.CheckRevisionStale, {
      zh: `${month} 的考核已被他人更正（现为第 ${revision} 版），请刷新后再改`,
      en: `the check of ${month} was corrected meanwhile (now revision ${revision}); reload before correcting`,
    }),

  /** 申报资格: the rule broken and, for a sanction, the day the organization may submit again. */
  sanctioned: (cause: TerminationCause, endsOn: string) =>
    refusal(DomainErrorCode.Conflict, SupervisionRefusal.Sanctioned, {
      zh: `不符合申报资格（限制申报期内不得申报）：本组织因「${TERMINATION_CAUSE_LABELS[cause].zh}」被限制申报，${endsOn} 起方可申报`,
      en: `not eligible (no submissions while sanctioned): the organization is barred for "${TERMINATION_CAUSE_LABELS[cause].en}" until ${endsOn}`,
    }),

  reportOverdue: (agreementNumber: string, kind: ReportKind, period: string, dueOn: string) =>
    refusal(DomainErrorCode.Conflict, SupervisionRefusal.ReportOverdue, {
      zh: `不符合申报资格（有逾期报告不得申报）：协议 ${agreementNumber} 的${period ? `${period} ` : ''}${REPORT_KIND_LABELS[kind].zh}应于 ${dueOn} 前提交，提交后方可申报`,
      en: `not eligible (no submissions with a report overdue): the ${period ? `${period} ` : ''}${REPORT_KIND_LABELS[kind].en} of grant ${agreementNumber} was due on ${dueOn}; submit it first`,
    }),

  tooManyGrants: (running: number, max: number) =>
    refusal(DomainErrorCode.Conflict, SupervisionRefusal.TooManyGrants, {
      zh: `不符合申报资格（在执行资助项目不超过 ${max} 个）：本组织有 ${running} 个资助项目正在执行，结项后方可申报`,
      en: `not eligible (at most ${max} grants running): the organization has ${running} grants running; complete one first`,
    }),

  failedEvaluation: (last: number, agreementNumber: string, band: string, closedOn: string) =>
    refusal(DomainErrorCode.Conflict, SupervisionRefusal.FailedEvaluation, {
      zh: `不符合申报资格（最近 ${last} 次评估中不得有不合格）：协议 ${agreementNumber} 于 ${closedOn} 的评估为 ${band}（不合格）`,
      en: `not eligible (no failed evaluation among the last ${last}): agreement ${agreementNumber} was rated ${band} (failed) on ${closedOn}`,
    }),
};
