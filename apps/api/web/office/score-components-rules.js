// The parts of the final score in the rules editor: how each judge's totals are normalized, the
// bias threshold, and the components (路演, 录入, 网络投票) with a weight or a capped bonus each.
// The server checks the whole (weights adding up to 1, one roadshow part, a maximum for entered
// and voted parts) and its refusal is shown under the field it names.
import { clear, h } from '../shared/dom.js';
import { field, input, select } from '../shared/forms.js';
import { biLabel, tx } from '../shared/i18n.js';
import { removeButton } from './rows-editor.js';
import { fenToYuanText, parseYuan } from '../shared/money.js';

export const SOURCE_LABELS = {
  roadshow: { zh: '路演评委打分', en: 'Roadshow panel' },
  input: { zh: '办公室录入或导入', en: 'Entered or imported by the office' },
  vote: { zh: '网络投票', en: 'Public vote' },
};

const NORMALIZATION_KINDS = [
  ['none', { zh: '不标准化（按原始总分）', en: 'None (raw totals)' }],
  [
    'z-score',
    {
      zh: '按每位评委的标准分（Z 分数）换算，还原到评分细则的分值范围',
      en: 'Each judge’s standard scores (Z), rescaled to the rubric’s range',
    },
  ],
];

const SD_KINDS = [
  ['sample', { zh: '样本标准差（除以 n − 1）', en: 'Sample SD (n − 1)' }],
  ['population', { zh: '总体标准差（除以 n）', en: 'Population SD (n)' }],
];

const PART_KINDS = [
  ['weight', { zh: '按权重计入', en: 'Weighted' }],
  ['bonus', { zh: '加分（有上限）', en: 'Bonus with a cap' }],
];

/** A bound text input: model[key] follows what is typed. */
function bound(model, key, attributes = {}) {
  const control = input(attributes);
  control.value = model[key] ?? '';
  control.addEventListener('input', () => (model[key] = control.value));
  return control;
}

/** A card fieldset whose own refusal (a rule about the whole list) shows under its legend. */
function wholeListFieldset(path, legend, frozen, ...children) {
  const id = path.replaceAll('.', '-');
  return h(
    'fieldset',
    { class: 'card', 'data-field': path, id, disabled: frozen },
    tx('legend', legend),
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
    ...children,
  );
}

/**
 * Normalization and the bias threshold, bound to the aggregation rule; `value()` gives the two
 * fields for the PATCH body (absent when left empty).
 */
export function normalizationFields(aggregation) {
  const stored = aggregation.normalization ?? { kind: 'none' };
  const model = {
    minProjectsPerJudge: String(stored.minProjectsPerJudge ?? '3'),
    biasThreshold: aggregation.biasThreshold ?? '',
  };
  const kind = select(NORMALIZATION_KINDS, { value: stored.kind });
  const sd = select(SD_KINDS, { value: stored.sd ?? 'sample' });
  const zScoreFields = h(
    'div',
    { class: 'form-grid' },
    field({ zh: '标准差口径', en: 'Standard deviation' }, sd, { path: 'aggregation.normalization.sd' }),
    field(
      { zh: '每位评委最少评分项目数', en: 'Least projects a judge scored' },
      bound(model, 'minProjectsPerJudge', { inputmode: 'numeric' }),
      {
        path: 'aggregation.normalization.minProjectsPerJudge',
        hint: { zh: '评分项目更少的评委保留原始总分', en: 'judges who scored fewer keep their raw totals' },
      },
    ),
  );
  const showZScore = () => (zScoreFields.hidden = kind.value !== 'z-score');
  kind.addEventListener('change', showZScore);
  showZScore();
  const node = h(
    'fieldset',
    {},
    tx('legend', { zh: '评委标准化与倾向性提示', en: 'Normalization and bias flags' }),
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '标准化方式', en: 'Method' }, kind, {
        path: 'aggregation.normalization',
        hint: {
          zh: '按各评委自己的平均分和离散程度换算，抵消评委宽严不一；现场公布的仍是原始得分',
          en: 'evens out strict and lenient judges; the stage still announces the raw score',
        },
      }),
      field(
        { zh: '评委倾向性提示阈值（分，选填）', en: 'Judge bias threshold (points, optional)' },
        bound(model, 'biasThreshold', { inputmode: 'decimal' }),
        {
          path: 'aggregation.biasThreshold',
          hint: {
            zh: '评委给本社区项目平均多给超过此分数时提示办公室，不剔除',
            en: 'a judge favouring their own community by more is flagged, never excluded',
          },
        },
      ),
    ),
    zScoreFields,
  );
  const value = () => {
    const minProjects = model.minProjectsPerJudge.trim();
    const threshold = model.biasThreshold.trim();
    return {
      normalization:
        kind.value === 'z-score'
          ? {
              kind: 'z-score',
              sd: sd.value,
              minProjectsPerJudge: /^\d+$/.test(minProjects) ? Number(minProjects) : minProjects,
            }
          : { kind: 'none' },
      ...(threshold === '' ? {} : { biasThreshold: threshold }),
    };
  };
  return { node, value };
}

/** Moves items[i] by `step` places; true when it moved. */
function move(items, i, step) {
  const j = i + step;
  if (j < 0 || j >= items.length) return false;
  [items[i], items[j]] = [items[j], items[i]];
  return true;
}

/**
 * The components editor: add, remove and reorder; each row its key, labels, source, a weight or a
 * capped bonus, and for entered or voted parts the maximum (and, for donations, fen per point).
 * `value()` gives the list for the PATCH body, or null for none (the final score is the roadshow's).
 */
export function componentsEditor(stored, frozen) {
  const rows = (stored ?? []).map((component) => ({
    key: component.key,
    labelZh: component.labelZh,
    labelEn: component.labelEn,
    source: component.source,
    kind: component.bonusCap === undefined ? 'weight' : 'bonus',
    amount: component.bonusCap ?? component.weight ?? '',
    maxPoints: component.maxPoints ?? '',
    donationYuanPerPoint: component.fenPerPoint === undefined ? '' : fenToYuanText(component.fenPerPoint),
  }));
  const host = h('div', {});

  const renderRow = (row, i) => {
    const source = select(Object.entries(SOURCE_LABELS), { value: row.source });
    const kind = select(PART_KINDS, { value: row.kind });
    const amountPath = () => `components.${i}.${row.kind === 'bonus' ? 'bonusCap' : 'weight'}`;
    const amount = bound(row, 'amount', { inputmode: 'decimal' });
    const amountField = field({ zh: '权重或加分上限', en: 'Weight or bonus cap' }, amount, {
      path: amountPath(),
      hint: { zh: '权重如 0.6，各权重合计为 1', en: 'a weight such as 0.6; weights add up to 1' },
    });
    const maxPoints = field({ zh: '最高分', en: 'Maximum points' }, bound(row, 'maxPoints', { inputmode: 'decimal' }), {
      path: `components.${i}.maxPoints`,
    });
    const perPoint = field(
      { zh: '按捐赠折算：每 1 分对应（元，选填）', en: 'Donations: yuan per point (optional)' },
      bound(row, 'donationYuanPerPoint', { inputmode: 'numeric' }),
      { path: `components.${i}.fenPerPoint` },
    );
    const showBySource = () => {
      maxPoints.hidden = row.source === 'roadshow';
      perPoint.hidden = row.source !== 'input';
    };
    source.addEventListener('change', () => {
      row.source = source.value;
      showBySource();
    });
    kind.addEventListener('change', () => {
      row.kind = kind.value;
      amount.dataset.field = amountPath();
    });
    showBySource();
    const n = i + 1;
    return h(
      'div',
      { class: 'component-row', 'data-testid': 'component-row' },
      h(
        'div',
        { class: 'component-fields' },
        field({ zh: `构成 ${n} 代码`, en: `Component ${n} key` }, bound(row, 'key', { maxlength: 40 }), {
          path: `components.${i}.key`,
        }),
        field({ zh: '中文名称', en: 'Chinese label' }, bound(row, 'labelZh', { maxlength: 50 }), {
          path: `components.${i}.labelZh`,
        }),
        field({ zh: '英文名称', en: 'English label' }, bound(row, 'labelEn', { maxlength: 80 }), {
          path: `components.${i}.labelEn`,
        }),
        field({ zh: '分数来源', en: 'Source' }, source, { path: `components.${i}.source` }),
        field({ zh: '计入方式', en: 'Counts as' }, kind, { path: `components.${i}` }),
        amountField,
        maxPoints,
        perPoint,
      ),
      h(
        'div',
        { class: 'actions' },
        tx(
          'button',
          { zh: '上移', en: 'Up' },
          {
            type: 'button',
            disabled: i === 0,
            ...biLabel({ zh: `构成 ${n} 上移`, en: `Move component ${n} up` }),
            onclick: () => move(rows, i, -1) && render(),
          },
        ),
        tx(
          'button',
          { zh: '下移', en: 'Down' },
          {
            type: 'button',
            disabled: i === rows.length - 1,
            ...biLabel({ zh: `构成 ${n} 下移`, en: `Move component ${n} down` }),
            onclick: () => move(rows, i, 1) && render(),
          },
        ),
        removeButton({ zh: `删除构成 ${n}`, en: `Remove component ${n}` }, () => {
          rows.splice(i, 1);
          render();
        }),
      ),
    );
  };

  const render = () => {
    clear(host);
    if (rows.length === 0) {
      host.append(
        tx(
          'p',
          { zh: '没有评分构成：总分即路演得分。', en: 'No components: the final score is the roadshow score.' },
          { class: 'muted' },
        ),
      );
    }
    rows.forEach((row, i) => host.append(renderRow(row, i)));
  };
  render();

  const node = wholeListFieldset(
    'components',
    { zh: '评分构成（各阶段、捐赠与投票计入总分）', en: 'Score components (stages, donations and the vote)' },
    frozen,
    tx(
      'p',
      {
        zh: '例如青岛：初评 15% + 材料评审 25% + 路演 60%；须有一项来源为路演。加分项加上其分数，但不超过上限。',
        en: 'E.g. Qingdao: 15% preliminary + 25% documents + 60% roadshow; one part must be the roadshow. A bonus adds its value up to its cap.',
      },
      { class: 'hint' },
    ),
    host,
    h(
      'div',
      { class: 'actions' },
      tx(
        'button',
        { zh: '添加评分构成', en: 'Add a component' },
        {
          type: 'button',
          onclick: () => {
            rows.push({
              key: '',
              labelZh: '',
              labelEn: '',
              source: 'input',
              kind: 'weight',
              amount: '',
              maxPoints: '100',
              donationYuanPerPoint: '',
            });
            render();
            host.lastElementChild?.querySelector('input')?.focus();
          },
        },
      ),
    ),
  );

  const value = () => {
    if (rows.length === 0) return null;
    return rows.map((row) => {
      const amount = String(row.amount).trim();
      const yuanPerPoint = String(row.donationYuanPerPoint).trim();
      return {
        key: row.key.trim(),
        labelZh: row.labelZh,
        labelEn: row.labelEn,
        source: row.source,
        ...(row.kind === 'bonus' ? { bonusCap: amount } : { weight: amount }),
        ...(row.source === 'roadshow' || String(row.maxPoints).trim() === ''
          ? {}
          : { maxPoints: String(row.maxPoints).trim() }),
        ...(row.source === 'input' && yuanPerPoint !== ''
          ? { fenPerPoint: parseYuan(yuanPerPoint).fen ?? yuanPerPoint }
          : {}),
      };
    });
  };
  return { node, value };
}
