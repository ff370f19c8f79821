import type { AllocationRule, AllocationStatus } from '@app/scoring';
import { CompetitionState } from './competition-lifecycle';
import { COMPETITION_PRESETS } from './competition-presets';
import { AggregationRule } from './competition-rules';
import {
  BudgetChangeState,
  GrantSource,
  GrantState,
  RefundState,
  ReportKind,
  ReportState,
  TrancheConditionKind,
  TrancheState,
} from './grant-vocabulary';
import {
  EVALUATION_OUTCOME_LABELS,
  EVALUATOR_SHEET_STATUS_LABELS,
  EVALUATION_ROUND_STATE_LABELS,
  EVALUATION_STAGE_LABELS,
} from './evaluation-vocabulary';
import { AgreementStatus, ObjectionStatus } from './result-vocabulary';
import { WEBHOOK_DELIVERY_STATUS_LABELS, WEBHOOK_TOPIC_LABELS } from './notify-vocabulary';
import { TERMINATION_CAUSE_LABELS, TERMINATION_PROPOSAL_STATE_LABELS } from './supervision-vocabulary';
import {
  VOTER_METHOD_LABELS,
  VOTE_FLAG_LABELS,
  VOTE_RESULTS_VISIBILITY_LABELS,
  VOTE_REVIEW_DECISION_LABELS,
  VOTE_ROUND_PHASE_LABELS,
} from './vote-vocabulary';
import { JudgeGroup, OrganizationKind, RecusalSource, ScreeningStatus, SlotState, SubmissionState } from './vocabulary';

// How each stored value reads to people, Chinese first. The API's refusals and the pages (through
// GET /vocabulary.js) take their words from here, so a state has one name everywhere; a table
// typed by its values cannot miss one the platform stores.

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

type Labels<T extends string> = Readonly<Record<T, Bilingual>>;

/** The platform's own name: the pages' titles and the public pages' link home. */
export const PLATFORM_NAME: Bilingual = { zh: '公益创投大赛平台', en: 'Public-benefit venture competitions' };

export const COMPETITION_STATE_LABELS: Labels<CompetitionState> = {
  [CompetitionState.Draft]: { zh: '草稿', en: 'Draft' },
  [CompetitionState.Open]: { zh: '征集中', en: 'Open for submissions' },
  [CompetitionState.Closed]: { zh: '征集截止', en: 'Submissions closed' },
  [CompetitionState.Screening]: { zh: '资格审查', en: 'Screening' },
  [CompetitionState.Roadshow]: { zh: '路演', en: 'Roadshow' },
  [CompetitionState.ScoringClosed]: { zh: '评分结束', en: 'Scoring closed' },
  [CompetitionState.Ranked]: { zh: '已排名', en: 'Ranked' },
  [CompetitionState.Allocated]: { zh: '资金已分配', en: 'Allocated' },
  [CompetitionState.Publicity]: { zh: '公示中', en: 'Public notice' },
  [CompetitionState.Awarded]: { zh: '已立项', en: 'Awarded' },
  [CompetitionState.InProgress]: { zh: '项目执行中', en: 'In progress' },
  [CompetitionState.Finished]: { zh: '已结束', en: 'Finished' },
};

export const SUBMISSION_STATE_LABELS: Labels<SubmissionState> = {
  [SubmissionState.Draft]: { zh: '草稿', en: 'Draft' },
  [SubmissionState.Submitted]: { zh: '已提交', en: 'Submitted' },
  [SubmissionState.Withdrawn]: { zh: '已撤回', en: 'Withdrawn' },
};

export const SCREENING_STATUS_LABELS: Labels<ScreeningStatus> = {
  [ScreeningStatus.Pending]: { zh: '待审查', en: 'Awaiting screening' },
  [ScreeningStatus.Passed]: { zh: '资格审查通过', en: 'Passed screening' },
  [ScreeningStatus.Rejected]: { zh: '资格审查未通过', en: 'Rejected in screening' },
};

export const SLOT_STATE_LABELS: Labels<SlotState> = {
  [SlotState.Waiting]: { zh: '等待上台', en: 'Waiting' },
  [SlotState.Presenting]: { zh: '陈述中', en: 'Presenting' },
  [SlotState.Scoring]: { zh: '评分中', en: 'Scoring' },
  [SlotState.Locked]: { zh: '已锁定', en: 'Locked' },
};

export const JUDGE_GROUP_LABELS: Labels<JudgeGroup> = {
  [JudgeGroup.Expert]: { zh: '专家', en: 'Expert' },
  [JudgeGroup.Department]: { zh: '职能部门', en: 'Government department' },
  [JudgeGroup.Media]: { zh: '媒体', en: 'Media' },
  [JudgeGroup.Resident]: { zh: '居民代表', en: 'Resident representative' },
};

export const RECUSAL_SOURCE_LABELS: Labels<RecusalSource> = {
  [RecusalSource.Declared]: { zh: '评委申报', en: 'Declared by the judge' },
  [RecusalSource.Office]: { zh: '办公室指定', en: 'Set by the office' },
  [RecusalSource.Automatic]: { zh: '自动（同组织或社区）', en: 'Automatic (same organization or community)' },
};

export const ORGANIZATION_KIND_LABELS: Labels<OrganizationKind> = {
  [OrganizationKind.Community]: { zh: '社区', en: 'Community' },
  [OrganizationKind.SocialOrganization]: { zh: '社会组织', en: 'Social organization' },
  [OrganizationKind.VolunteerTeam]: { zh: '志愿服务队', en: 'Volunteer team' },
  [OrganizationKind.PartyBranch]: { zh: '党支部', en: 'Party branch' },
};

export const GRANT_STATUS_LABELS: Labels<AllocationStatus> = {
  funded: { zh: '资助', en: 'Funded' },
  'partly-funded': { zh: '部分资助', en: 'Partly funded' },
  'not-funded': { zh: '不予资助', en: 'Not funded' },
};

export const AGREEMENT_STATUS_LABELS: Labels<AgreementStatus> = {
  generated: { zh: '已生成', en: 'Generated' },
  downloaded: { zh: '已下载', en: 'Downloaded' },
  signed: { zh: '已签署', en: 'Signed' },
  void: { zh: '已作废', en: 'Void' },
};

export const OBJECTION_STATUS_LABELS: Labels<ObjectionStatus> = {
  open: { zh: '待答复', en: 'Open' },
  upheld: { zh: '异议成立', en: 'Upheld' },
  rejected: { zh: '异议不成立', en: 'Rejected' },
};

/** A grant in the ledger (资助管理), not the allocation outcome of GRANT_STATUS_LABELS. */
export const GRANT_STATE_LABELS: Labels<GrantState> = {
  [GrantState.Active]: { zh: '执行中', en: 'Active' },
  [GrantState.Suspended]: { zh: '暂停拨付', en: 'Suspended' },
  [GrantState.Completed]: { zh: '已结项', en: 'Completed' },
  [GrantState.Terminated]: { zh: '已终止', en: 'Terminated' },
};

export const GRANT_SOURCE_LABELS: Labels<GrantSource> = {
  [GrantSource.Competition]: { zh: '创投大赛', en: 'Competition' },
  [GrantSource.DirectPurchase]: { zh: '直接购买', en: 'Direct purchase' },
};

export const TRANCHE_STATE_LABELS: Labels<TrancheState> = {
  [TrancheState.Planned]: { zh: '待满足条件', en: 'Planned' },
  [TrancheState.Eligible]: { zh: '条件已满足', en: 'Eligible' },
  [TrancheState.Approved]: { zh: '已审批待付款', en: 'Approved' },
  [TrancheState.Paid]: { zh: '已拨付', en: 'Paid' },
  [TrancheState.Withheld]: { zh: '停止拨付', en: 'Withheld' },
  [TrancheState.Cancelled]: { zh: '已取消', en: 'Cancelled' },
};

export const TRANCHE_CONDITION_LABELS: Labels<TrancheConditionKind> = {
  'on-signing': { zh: '协议签订后', en: 'On signing' },
  'report-accepted': { zh: '报告通过后', en: 'After a report is accepted' },
  'evaluation-passed': { zh: '评估合格后', en: 'After a passed evaluation' },
  'milestone-accepted': { zh: '里程碑验收后', en: 'After a milestone is accepted' },
  date: { zh: '到期日后', en: 'From a date' },
};

export const REPORT_KIND_LABELS: Labels<ReportKind> = {
  [ReportKind.Monthly]: { zh: '月度报告', en: 'Monthly report' },
  [ReportKind.MidTerm]: { zh: '中期报告', en: 'Mid-term report' },
  [ReportKind.Final]: { zh: '结项报告', en: 'Final report' },
};

export const REPORT_STATE_LABELS: Labels<ReportState> = {
  [ReportState.Draft]: { zh: '草稿', en: 'Draft' },
  [ReportState.Submitted]: { zh: '已提交待审核', en: 'Submitted' },
  [ReportState.Returned]: { zh: '退回修改', en: 'Returned for changes' },
  [ReportState.Accepted]: { zh: '已通过', en: 'Accepted' },
};

export const BUDGET_CHANGE_STATE_LABELS: Labels<BudgetChangeState> = {
  [BudgetChangeState.Pending]: { zh: '待审批', en: 'Pending' },
  [BudgetChangeState.Approved]: { zh: '已批准', en: 'Approved' },
  [BudgetChangeState.Refused]: { zh: '未批准', en: 'Refused' },
};

export const REFUND_STATE_LABELS: Labels<RefundState> = {
  [RefundState.Open]: { zh: '待退回', en: 'Due' },
  [RefundState.Returned]: { zh: '已退回', en: 'Returned' },
};

export const AGGREGATION_METHOD_LABELS: Labels<AggregationRule['method']> = {
  'trimmed-mean': { zh: '去掉最高分和最低分后平均', en: 'Trimmed mean (drop highest and lowest)' },
  mean: { zh: '平均分', en: 'Mean' },
  median: { zh: '中位数', en: 'Median' },
};

export const ALLOCATION_RULE_LABELS: Labels<AllocationRule> = {
  greedy: { zh: '按名次依次足额资助（放不下则跳过）', en: 'Greedy in rank order (skip what does not fit)' },
  'greedy-no-skip': { zh: '按名次依次足额资助（放不下即停止）', en: 'Greedy in rank order (stop at the first misfit)' },
  tiers: { zh: '按名次档位定额', en: 'Tiers: fixed amounts by rank band' },
  proportional: { zh: '按得分比例分配', en: 'Proportional to score' },
  optimal: { zh: '预算内总分最优', en: 'Optimal: best total score within the pool' },
};

export const COMPETITION_PRESET_LABELS: Labels<keyof typeof COMPETITION_PRESETS> = {
  'party-building': { zh: '党建项目创投大赛', en: 'Party-building project competition' },
  'community-micro': { zh: '社区公益微创投', en: 'Community micro-venture competition' },
  dongguan: {
    zh: '东莞式：现场评审 60% + 定向捐赠 20% + 网络投票 20%',
    en: 'Dongguan: 60% on-site panel + 20% directed donations + 20% online vote',
  },
  qingdao: {
    zh: '青岛式：初评 15% + 材料评审 25% + 路演 60%',
    en: 'Qingdao: 15% preliminary + 25% documents + 60% roadshow',
  },
};

/** Every table of stored values as people read them, by name: refusals and the pages read them from here. */
export const VALUE_LABELS = {
  COMPETITION_STATE_LABELS,
  SUBMISSION_STATE_LABELS,
  SCREENING_STATUS_LABELS,
  SLOT_STATE_LABELS,
  JUDGE_GROUP_LABELS,
  RECUSAL_SOURCE_LABELS,
  ORGANIZATION_KIND_LABELS,
  GRANT_STATUS_LABELS,
  AGREEMENT_STATUS_LABELS,
  OBJECTION_STATUS_LABELS,
  AGGREGATION_METHOD_LABELS,
  ALLOCATION_RULE_LABELS,
  COMPETITION_PRESET_LABELS,
  GRANT_STATE_LABELS,
  GRANT_SOURCE_LABELS,
  TRANCHE_STATE_LABELS,
  TRANCHE_CONDITION_LABELS,
  REPORT_KIND_LABELS,
  REPORT_STATE_LABELS,
  BUDGET_CHANGE_STATE_LABELS,
  REFUND_STATE_LABELS,
  EVALUATION_STAGE_LABELS,
  EVALUATION_ROUND_STATE_LABELS,
  EVALUATION_OUTCOME_LABELS,
  EVALUATOR_SHEET_STATUS_LABELS,
  TERMINATION_CAUSE_LABELS,
  TERMINATION_PROPOSAL_STATE_LABELS,
  VOTER_METHOD_LABELS,
  VOTE_RESULTS_VISIBILITY_LABELS,
  VOTE_ROUND_PHASE_LABELS,
  VOTE_FLAG_LABELS,
  VOTE_REVIEW_DECISION_LABELS,
  WEBHOOK_TOPIC_LABELS,
  WEBHOOK_DELIVERY_STATUS_LABELS,
} as const;

const VALUE_TABLES: readonly Readonly<Record<string, Bilingual>>[] = Object.values(VALUE_LABELS);

/**
 * How people read a set of stored values (the choices a field offers), from the first table that
 * names them all; undefined when no table does, so a refusal never lists the raw values instead.
 */
export function labelsOfValues(values: readonly unknown[]): readonly Bilingual[] | undefined {
  const table = VALUE_TABLES.find((candidate) =>
    values.every((value) => typeof value === 'string' && Object.hasOwn(candidate, value)),
  );
  return table && values.map((value) => table[value as string]);
}
