// How the platform's stored values read to people, Chinese first. Values are the API's.
export const COMPETITION_STATES = {
  draft: { zh: '草稿', en: 'Draft' },
  open: { zh: '征集中', en: 'Open for submissions' },
  closed: { zh: '征集截止', en: 'Submissions closed' },
  screening: { zh: '资格审查', en: 'Screening' },
  roadshow: { zh: '路演', en: 'Roadshow' },
  'scoring-closed': { zh: '评分结束', en: 'Scoring closed' },
  ranked: { zh: '已排名', en: 'Ranked' },
  allocated: { zh: '资金已分配', en: 'Allocated' },
  publicity: { zh: '公示中', en: 'Public notice' },
  awarded: { zh: '已立项', en: 'Awarded' },
  'in-progress': { zh: '项目执行中', en: 'In progress' },
  finished: { zh: '已结束', en: 'Finished' },
};

export const SUBMISSION_STATES = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const SCREENING = {
  pending: { zh: '待审查', en: 'Awaiting screening' },
  passed: { zh: '资格审查通过', en: 'Passed screening' },
  rejected: { zh: '资格审查未通过', en: 'Rejected in screening' },
};

export const SLOT_STATES = {
  waiting: { zh: '候场', en: 'Waiting' },
  presenting: { zh: '陈述中', en: 'Presenting' },
  scoring: { zh: '评分中', en: 'Scoring' },
  locked: { zh: '已锁定', en: 'Locked' },
};

export const JUDGE_GROUPS = {
  expert: { zh: '专家', en: 'Expert' },
  department: { zh: '职能部门', en: 'Government department' },
  media: { zh: '媒体', en: 'Media' },
  resident: { zh: '居民代表', en: 'Resident representative' },
};

export const RECUSAL_SOURCES = {
  declared: { zh: '评委申报', en: 'Declared by the judge' },
  office: { zh: '办公室指定', en: 'Set by the office' },
  automatic: { zh: '自动（同组织或社区）', en: 'Automatic (same organization or community)' },
};

export const ORGANIZATION_KINDS = {
  community: { zh: '社区', en: 'Community' },
  'social-organization': { zh: '社会组织', en: 'Social organization' },
  'volunteer-team': { zh: '志愿服务队', en: 'Volunteer team' },
  'party-branch': { zh: '党支部', en: 'Party branch' },
};

export const GRANT_STATUSES = {
  funded: { zh: '资助', en: 'Funded' },
  'partly-funded': { zh: '部分资助', en: 'Partly funded' },
  'not-funded': { zh: '不予资助', en: 'Not funded' },
};

export const AGREEMENT_STATUSES = {
  generated: { zh: '已生成', en: 'Generated' },
  downloaded: { zh: '已下载', en: 'Downloaded' },
  signed: { zh: '已签署', en: 'Signed' },
  void: { zh: '已作废', en: 'Void' },
};

export const OBJECTION_STATUSES = {
  open: { zh: '待答复', en: 'Open' },
  upheld: { zh: '异议成立', en: 'Upheld' },
  rejected: { zh: '异议不成立', en: 'Rejected' },
};

/** A label pair for a value, or the value itself in both languages when unknown. */
export function labelOf(table, value) {
  return table[value] ?? { zh: String(value), en: String(value) };
}

/** "2026-03-31 17:00" in Beijing time, as the office publishes deadlines. */
export function beijingTime(iso) {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
