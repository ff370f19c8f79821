import type { AllocationStatus } from '@app/scoring';
import { CompetitionState } from './competition-lifecycle';
import { AgreementStatus, ObjectionStatus } from './result-vocabulary';
import { JudgeGroup, OrganizationKind, RecusalSource, ScreeningStatus, SlotState, SubmissionState } from './vocabulary';

// How each stored value reads to people, Chinese first. The API's refusals and the pages (through
// GET /vocabulary.js) take their words from here, so a state has one name everywhere; a table
// typed by its values cannot miss one the platform stores.

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

type Labels<T extends string> = Readonly<Record<T, Bilingual>>;

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
