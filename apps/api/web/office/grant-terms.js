// The rules' grants-ledger terms in the rules editor: each tranche's payment condition, and the
// agreement languages, reports and refund days (资助管理设置). Part of the same rules, frozen with them.
import { h } from '../shared/dom.js';
import { checkboxField, field, input, select } from '../shared/forms.js';

/** The conditions a tranche may wait for, as one choice each; milestone and date take a value. */
const CONDITIONS = [
  ['on-signing', { zh: '协议签订后', en: 'On signing' }, { kind: 'on-signing' }],
  [
    'evaluation-passed:mid',
    { zh: '中期评估合格后', en: 'After the mid-term evaluation' },
    { kind: 'evaluation-passed', stage: 'mid' },
  ],
  [
    'evaluation-passed:final',
    { zh: '结项评估合格后', en: 'After the final evaluation' },
    { kind: 'evaluation-passed', stage: 'final' },
  ],
  [
    'report-accepted:mid-term',
    { zh: '中期报告审核通过后', en: 'After the mid-term report is accepted' },
    { kind: 'report-accepted', report: 'mid-term' },
  ],
  [
    'report-accepted:final',
    { zh: '结项报告审核通过后', en: 'After the final report is accepted' },
    { kind: 'report-accepted', report: 'final' },
  ],
  [
    'milestone-accepted',
    { zh: '某个里程碑验收后', en: 'After a milestone is accepted' },
    { kind: 'milestone-accepted', milestone: 1 },
  ],
  ['date', { zh: '某日起', en: 'From a date' }, { kind: 'date', date: '' }],
];

function choiceOf(condition) {
  if (!condition) return 'on-signing';
  if (condition.kind === 'evaluation-passed') return `evaluation-passed:${condition.stage}`;
  if (condition.kind === 'report-accepted') return `report-accepted:${condition.report}`;
  return condition.kind;
}

/** The condition of rules.tranches[i], edited in place on the tranche object. */
export function trancheConditionFields(tranche, i) {
  tranche.condition ??= { kind: 'on-signing' };
  const choice = select(
    CONDITIONS.map(([value, label]) => [value, label]),
    { value: choiceOf(tranche.condition) },
  );
  const milestone = input({ inputmode: 'numeric', value: String(tranche.condition.milestone ?? 1) });
  const date = input({ type: 'date', value: tranche.condition.date ?? '' });
  const milestoneField = field({ zh: '里程碑序号', en: 'Milestone number' }, milestone, {
    path: `tranches.${i}.condition.milestone`,
  });
  const dateField = field({ zh: '日期', en: 'Date' }, date, { path: `tranches.${i}.condition.date` });
  const show = () => {
    milestoneField.hidden = tranche.condition.kind !== 'milestone-accepted';
    dateField.hidden = tranche.condition.kind !== 'date';
  };
  choice.addEventListener('change', () => {
    const [, , template] = CONDITIONS.find(([value]) => value === choice.value);
    tranche.condition = { ...template };
    if (template.kind === 'milestone-accepted') tranche.condition.milestone = Number.parseInt(milestone.value, 10) || 1;
    if (template.kind === 'date') tranche.condition.date = date.value;
    show();
  });
  milestone.addEventListener('input', () => {
    const value = milestone.value.trim();
    tranche.condition.milestone = /^\d+$/.test(value) ? Number.parseInt(value, 10) : value;
  });
  date.addEventListener('input', () => (tranche.condition.date = date.value));
  show();
  return [
    field({ zh: '拨付条件', en: 'Condition' }, choice, { path: `tranches.${i}.condition.kind` }),
    milestoneField,
    dateField,
  ];
}

export function intOrText(value) {
  return /^\d+$/.test(String(value).trim()) ? Number.parseInt(value, 10) : value;
}

/** 资助管理设置: returns the fieldset and a function giving the terms as the rules store them. */
export function grantTermsFieldset(grants, frozen) {
  const english = h('input', { type: 'checkbox', checked: grants.agreementLocales.includes('en') });
  const monthly = h('input', { type: 'checkbox', checked: grants.reports.monthly });
  const midTerm = h('input', { type: 'checkbox', checked: grants.reports.midTerm });
  const final = h('input', { type: 'checkbox', checked: grants.reports.final });
  const dueDay = input({ inputmode: 'numeric', value: String(grants.reports.monthlyDueDay) });
  const finalDays = input({ inputmode: 'numeric', value: String(grants.reports.finalDueDays) });
  const refundDays = input({ inputmode: 'numeric', value: String(grants.refundDays) });
  const node = h(
    'fieldset',
    { class: 'card', disabled: frozen, 'data-testid': 'grant-terms' },
    h('legend', { 'data-zh': '资助管理设置', 'data-en': 'Grant terms' }, '资助管理设置'),
    checkboxField(
      { zh: '同时生成英文版协议书（以中文文本为准）', en: 'Also render the agreement in English (Chinese governs)' },
      english,
      {
        path: 'grants.agreementLocales',
      },
    ),
    checkboxField({ zh: '每月提交进展报告', en: 'Monthly progress reports' }, monthly, {
      path: 'grants.reports.monthly',
    }),
    checkboxField({ zh: '提交中期报告', en: 'A mid-term report' }, midTerm, { path: 'grants.reports.midTerm' }),
    checkboxField({ zh: '提交结项报告', en: 'A final report' }, final, { path: 'grants.reports.final' }),
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '月度报告次月几日前提交', en: 'Monthly report due by day' }, dueDay, {
        path: 'grants.reports.monthlyDueDay',
      }),
      field({ zh: '项目结束后几天内提交结项报告', en: 'Final report due days after the period' }, finalDays, {
        path: 'grants.reports.finalDueDays',
      }),
      field({ zh: '终止后退款期限（天）', en: 'Days to return a refund' }, refundDays, { path: 'grants.refundDays' }),
    ),
  );
  const value = () => ({
    agreementLocales: english.checked ? ['zh', 'en'] : ['zh'],
    reports: {
      monthly: monthly.checked,
      monthlyDueDay: intOrText(dueDay.value),
      midTerm: midTerm.checked,
      final: final.checked,
      finalDueDays: intOrText(finalDays.value),
    },
    refundDays: intOrText(refundDays.value),
  });
  return { node, value };
}
