// The rules' supervision terms in the rules editor (项目监管设置): the sanction's years, the monthly
// checklist and its exit rule (辛店's as the preset), and who may submit. Frozen with the rest.
import { h } from '../shared/dom.js';
import { checkboxField, field, input } from '../shared/forms.js';
import { tx } from '../shared/i18n.js';
import { removeButton, rowsEditor } from './rows-editor.js';
import { XINDIAN_MONTHLY_CHECKS } from '/vocabulary.js';

function intOrText(value) {
  return /^\d+$/.test(String(value).trim()) ? Number.parseInt(value, 10) : value;
}

function checklistEditor(items) {
  const bound = (item, key, attributes) => {
    const control = input({ ...attributes, value: String(item[key] ?? '') });
    control.addEventListener('input', () => (item[key] = key === 'points' ? intOrText(control.value) : control.value));
    return control;
  };
  const rows = rowsEditor(
    items,
    (item, i, remove) => {
      const at = (key) => `supervision.monthlyChecks.checklist.${i}.${key}`;
      return h(
        'div',
        { class: 'form-grid', 'data-testid': 'checklist-item' },
        field({ zh: `第 ${i + 1} 项代码`, en: `Item ${i + 1} key` }, bound(item, 'key', { maxlength: 40 }), {
          path: at('key'),
        }),
        field({ zh: '中文名称', en: 'Chinese name' }, bound(item, 'labelZh', { maxlength: 50 }), {
          path: at('labelZh'),
        }),
        field({ zh: '英文名称', en: 'English name' }, bound(item, 'labelEn', { maxlength: 80 }), {
          path: at('labelEn'),
        }),
        field({ zh: '分值', en: 'Points' }, bound(item, 'points', { inputmode: 'numeric' }), { path: at('points') }),
        removeButton({ zh: `删除第 ${i + 1} 项`, en: `Remove item ${i + 1}` }, remove),
      );
    },
    () => ({ key: '', labelZh: '', labelEn: '', points: 1 }),
    { zh: '添加考核项', en: 'Add an item' },
  );
  // The preset replaces the list's items in place; a new editor over the same array shows them.
  const preset = tx(
    'button',
    { zh: '使用辛店考核细则', en: 'Use 辛店’s checklist' },
    {
      type: 'button',
      onclick: () => {
        items.splice(0, items.length, ...XINDIAN_MONTHLY_CHECKS.checklist.map((item) => ({ ...item })));
        editor.replaceWith(checklistEditor(items));
      },
    },
  );
  const editor = h('div', {}, rows, h('div', { class: 'actions' }, preset));
  return editor;
}

/** 项目监管设置: returns the fieldset and a function giving the terms as the rules store them. */
export function supervisionTermsFieldset(supervision, frozen) {
  const checks = supervision.monthlyChecks ?? XINDIAN_MONTHLY_CHECKS;
  const checklist = checks.checklist.map((item) => ({ ...item }));
  const years = input({ inputmode: 'numeric', value: String(supervision.sanctionYears) });
  const monthly = h('input', { type: 'checkbox', checked: supervision.monthlyChecks !== null });
  const below = input({ inputmode: 'numeric', value: String(checks.exit.below) });
  const consecutive = input({ inputmode: 'numeric', value: String(checks.exit.consecutive) });
  const noSanction = h('input', { type: 'checkbox', checked: supervision.eligibility.noActiveSanction });
  const noOverdue = h('input', { type: 'checkbox', checked: supervision.eligibility.noOverdueReport });
  const maxGrants = input({ inputmode: 'numeric', value: String(supervision.eligibility.maxActiveGrants ?? '') });
  const lastEvaluations = input({
    inputmode: 'numeric',
    value: String(supervision.eligibility.noFailedEvaluationInLast ?? ''),
  });
  const monthlyPart = h(
    'div',
    {},
    checklistEditor(checklist),
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '退出分数线（低于此分）', en: 'Exit line (a score below it)' }, below, {
        path: 'supervision.monthlyChecks.exit.below',
      }),
      field(
        { zh: '连续几个月低于分数线即建议退出', en: 'Months in a row below the line that propose exit' },
        consecutive,
        {
          path: 'supervision.monthlyChecks.exit.consecutive',
        },
      ),
    ),
  );
  const show = () => (monthlyPart.hidden = !monthly.checked);
  monthly.addEventListener('change', show);
  show();
  const node = h(
    'fieldset',
    { class: 'card', disabled: frozen, 'data-testid': 'supervision-terms' },
    h('legend', { 'data-zh': '项目监管设置', 'data-en': 'Supervision terms' }, '项目监管设置'),
    field({ zh: '违约终止后限制申报（年）', en: 'Years a breach bars new submissions' }, years, {
      path: 'supervision.sanctionYears',
    }),
    checkboxField({ zh: '月度考核（满分 10 分）', en: 'Monthly checks (out of 10)' }, monthly, {
      path: 'supervision.monthlyChecks',
    }),
    monthlyPart,
    checkboxField({ zh: '限制申报期内不得申报', en: 'No submissions while sanctioned' }, noSanction, {
      path: 'supervision.eligibility.noActiveSanction',
    }),
    checkboxField({ zh: '有逾期未交的报告不得申报', en: 'No submissions with a report overdue' }, noOverdue, {
      path: 'supervision.eligibility.noOverdueReport',
    }),
    field({ zh: '在执行资助项目上限（留空不限）', en: 'Most grants running at once (empty: no limit)' }, maxGrants, {
      path: 'supervision.eligibility.maxActiveGrants',
    }),
    field(
      {
        zh: '最近几次评估中有不合格即不得申报（留空不限）',
        en: 'A failed evaluation among the last N bars new submissions (empty: evaluations do not bar)',
      },
      lastEvaluations,
      { path: 'supervision.eligibility.noFailedEvaluationInLast' },
    ),
  );
  const value = () => ({
    sanctionYears: intOrText(years.value),
    monthlyChecks: monthly.checked
      ? { checklist, exit: { below: intOrText(below.value), consecutive: intOrText(consecutive.value) } }
      : null,
    eligibility: {
      noActiveSanction: noSanction.checked,
      noOverdueReport: noOverdue.checked,
      maxActiveGrants: maxGrants.value.trim() === '' ? null : intOrText(maxGrants.value),
      noFailedEvaluationInLast: lastEvaluations.value.trim() === '' ? null : intOrText(lastEvaluations.value),
    },
  });
  return { node, value };
}
