// The rules as data: categories, rubric (criteria with weights, maximum points, gates),
// aggregation, the score components, tie-breaks, allocation, caps and tranches. The whole set is sent at once and the
// server's refusal is shown under the field it names. Read-only once the roadshow has frozen them.
import { fill, formatYuan, h } from '../shared/dom.js';
import {
  checkboxField,
  clearFormErrors,
  field,
  focusFirstInvalid,
  hideMessage,
  input,
  markField,
  messageBox,
  select,
  sendThen,
  showApiError,
  showMessage,
} from '../shared/forms.js';
import {
  AGGREGATION_METHOD_LABELS,
  ALLOCATION_RULE_LABELS,
  COMPETITION_PRESET_LABELS,
  CRITERION_TIE_BREAK_LABEL,
  CRITERION_TIE_BREAK_PREFIX,
  JUDGE_GROUP_LABELS,
  NAMED_TIE_BREAK_LABELS,
  SCORE_COMPONENT_PRESETS,
} from '/vocabulary.js';
import { beijingTime } from '../shared/time.js';
import { fenToYuanText, parseYuan } from '../shared/money.js';
import { labelOf, tx } from '../shared/i18n.js';
import { confirmed } from './confirm-in-place.js';
import { evaluationTermsFieldset } from './evaluation-terms.js';
import { grantTermsFieldset, trancheConditionFields } from './grant-terms.js';
import { removeButton, rowsEditor } from './rows-editor.js';
import { componentsEditor, normalizationFields } from './score-components-rules.js';
import { supervisionTermsFieldset } from './supervision-terms.js';
import { card } from '../shared/card.js';

const METHODS = Object.entries(AGGREGATION_METHOD_LABELS);
const ALLOCATION_RULES = Object.entries(ALLOCATION_RULE_LABELS);

/** A stored tie-break the current rubric no longer offers (its criterion was removed or made a gate). */
const NOT_IN_RUBRIC = { zh: '评分细则中已没有此项，请另选', en: 'no longer in the rubric; choose another' };

/** The tie-breaks the rules can list, by their labels: the named ones, then one per scored criterion. */
function tieBreakChoices(rubric) {
  const criteria = rubric
    .filter((criterion) => !criterion.gate && criterion.key)
    .map((criterion) => [
      `${CRITERION_TIE_BREAK_PREFIX}${criterion.key}`,
      {
        zh: CRITERION_TIE_BREAK_LABEL.zh.replace('{criterion}', criterion.labelZh || criterion.key),
        en: CRITERION_TIE_BREAK_LABEL.en.replace('{criterion}', criterion.labelEn || criterion.key),
      },
    ]);
  return [...Object.entries(NAMED_TIE_BREAK_LABELS), ...criteria];
}

/**
 * A draft competition takes a preset's way of making the final score (东莞, 青岛) in one step, after
 * a second question: the server replaces the components, normalization and bias threshold and keeps
 * the rest; the tab is drawn again from the saved rules.
 */
function scorePresetCard(ctx, competition, refresh) {
  const preset = select(
    SCORE_COMPONENT_PRESETS.map((name) => [name, labelOf(COMPETITION_PRESET_LABELS, name)]),
    { name: 'preset', value: SCORE_COMPONENT_PRESETS[0] },
  );
  const box = messageBox();
  const section = card(
    {
      title: { zh: '套用预设评分构成', en: 'Apply a preset score composition' },
      hint: {
        zh: '仅草稿阶段可用：用预设替换评分构成、标准分设置与偏向阈值，其他规则不变。',
        en: 'Drafts only: the preset replaces the score components, the normalization and the bias threshold; the other rules stay.',
      },
      headingId: 'score-preset-heading',
      'data-testid': 'score-preset',
    },
    field({ zh: '预设', en: 'Preset' }, preset, { path: 'preset' }),
    h(
      'div',
      { class: 'actions' },
      confirmed(
        { zh: '套用预设', en: 'Apply the preset' },
        {
          zh: '套用后现有评分构成将被替换，本页未保存的修改会丢失。确认套用？',
          en: 'The current score components will be replaced, and unsaved changes on this page are lost. Apply it?',
        },
        async () => {
          hideMessage(box);
          await sendThen(
            section,
            box,
            () =>
              ctx.api(`/competitions/${competition.id}/rules/preset`, {
                method: 'POST',
                body: { preset: preset.value, expectedRulesVersion: competition.rulesVersion },
              }),
            refresh,
          );
        },
        { zh: '确认套用', en: 'Confirm' },
      ),
    ),
    box,
  );
  return section;
}

function clone(value) {
  return JSON.parse(JSON.stringify(value));
}

/** A bound text input: model[key] follows what is typed. */
function text(model, key, attributes = {}) {
  const control = input(attributes);
  control.value = model[key] ?? '';
  control.addEventListener('input', () => (model[key] = control.value));
  return control;
}

/** A yuan input bound to model[key] in fen; `optional` allows empty (→ the key is removed). */
function yuanField(label, model, key, path, { optional = false, hint } = {}) {
  const control = input({
    inputmode: 'decimal',
    value: model[key] === undefined || model[key] === null ? '' : fenToYuanText(model[key]),
  });
  control.dataset.yuan = optional ? 'optional' : 'required';
  control.dataset.key = key;
  control.addEventListener('input', () => {
    if (optional && control.value.trim() === '') {
      model[key] = null;
      return;
    }
    const parsed = parseYuan(control.value);
    model[key] = parsed.error ? { invalid: parsed.error } : parsed.fen;
  });
  return field(label, control, { path, hint });
}

function intOrText(value) {
  return /^-?\d+$/.test(String(value).trim()) ? Number.parseInt(value, 10) : value;
}

export async function rulesTab(ctx, competition, refresh) {
  const rules = clone(competition.rules);
  const frozen = Boolean(competition.rulesFrozenAt);
  const allocation = rules.allocation;
  const tieBreakRows = rules.tieBreaks.map((name) => ({ name }));
  const numbers = {
    drop: String(rules.aggregation.drop ?? ''),
    minJudgesAfterTrim: String(rules.aggregation.minJudgesAfterTrim ?? ''),
    decimals: String(rules.aggregation.decimals),
    publicityDays: String(rules.publicityDays),
    pitchSeconds: String(rules.pitchSeconds),
    maxProjects: String(allocation.maxProjects ?? ''),
    communityLimit: String(allocation.communityLimit ?? ''),
    passScore: allocation.passScore ?? '',
    maxShareOfBudget: rules.maxShareOfBudget ?? '',
  };
  const weights = { ...(rules.aggregation.groupWeights ?? {}) };
  const tierBands = clone(allocation.tiers?.bands ?? []);

  const categories = rowsEditor(
    rules.categories,
    (category, i, remove) =>
      h(
        'div',
        { class: 'category-row' },
        field({ zh: `类别 ${i + 1} 代码`, en: `Category ${i + 1} key` }, text(category, 'key', { maxlength: 40 }), {
          path: `categories.${i}.key`,
        }),
        field({ zh: '中文名称', en: 'Chinese label' }, text(category, 'labelZh', { maxlength: 50 }), {
          path: `categories.${i}.labelZh`,
        }),
        field({ zh: '英文名称', en: 'English label' }, text(category, 'labelEn', { maxlength: 80 }), {
          path: `categories.${i}.labelEn`,
        }),
        removeButton({ zh: `删除类别 ${i + 1}`, en: `Remove category ${i + 1}` }, remove),
      ),
    () => ({ key: '', labelZh: '', labelEn: '' }),
    { zh: '添加类别', en: 'Add a category' },
  );

  const rubric = rowsEditor(
    rules.rubric,
    (criterion, i, remove) => {
      const gate = h('input', { type: 'checkbox', checked: Boolean(criterion.gate) });
      gate.addEventListener('change', () => {
        if (gate.checked) criterion.gate = true;
        else delete criterion.gate;
      });
      return h(
        'div',
        { class: 'rubric-row', 'data-testid': 'rubric-row' },
        field({ zh: `评分项 ${i + 1} 代码`, en: `Criterion ${i + 1} key` }, text(criterion, 'key', { maxlength: 40 }), {
          path: `rubric.${i}.key`,
        }),
        field({ zh: '中文名称', en: 'Chinese label' }, text(criterion, 'labelZh', { maxlength: 50 }), {
          path: `rubric.${i}.labelZh`,
        }),
        field({ zh: '英文名称', en: 'English label' }, text(criterion, 'labelEn', { maxlength: 80 }), {
          path: `rubric.${i}.labelEn`,
        }),
        field({ zh: '满分', en: 'Max points' }, text(criterion, 'maxPoints', { inputmode: 'decimal' }), {
          path: `rubric.${i}.maxPoints`,
        }),
        field({ zh: '权重', en: 'Weight' }, text(criterion, 'weight', { inputmode: 'decimal' }), {
          path: `rubric.${i}.weight`,
        }),
        checkboxField({ zh: '门槛项', en: 'Gate' }, gate, { path: `rubric.${i}.gate` }),
        removeButton({ zh: `删除评分项 ${i + 1}`, en: `Remove criterion ${i + 1}` }, remove),
      );
    },
    () => ({ key: '', labelZh: '', labelEn: '', maxPoints: '10', weight: '1' }),
    { zh: '添加评分项', en: 'Add a criterion' },
  );

  const tieBreaks = rowsEditor(
    tieBreakRows,
    (row, i, remove) => {
      const choices = tieBreakChoices(rules.rubric);
      if (!choices.some(([value]) => value === row.name)) choices.push([row.name, NOT_IN_RUBRIC]);
      const control = select(choices, { value: row.name });
      control.addEventListener('change', () => (row.name = control.value));
      return h(
        'div',
        { class: 'tie-break-row' },
        field({ zh: `第 ${i + 1} 条`, en: `Tie-break ${i + 1}` }, control, { path: `tieBreaks.${i}` }),
        removeButton({ zh: `删除第 ${i + 1} 条排序规则`, en: `Remove tie-break ${i + 1}` }, remove),
      );
    },
    () => {
      const unused = tieBreakChoices(rules.rubric).find(([value]) => !tieBreakRows.some((row) => row.name === value));
      return { name: (unused ?? tieBreakChoices(rules.rubric)[0])[0] };
    },
    { zh: '添加排序规则', en: 'Add a tie-break' },
  );

  const method = select(METHODS, { value: rules.aggregation.method });
  const trimFields = h(
    'div',
    { class: 'form-grid' },
    field(
      { zh: '去掉最高分、最低分各几个', en: 'Drop this many highest and lowest' },
      text(numbers, 'drop', { inputmode: 'numeric' }),
      {
        path: 'aggregation.drop',
      },
    ),
    field(
      { zh: '去分后至少保留评委数', en: 'Trim only while this many judges remain' },
      text(numbers, 'minJudgesAfterTrim', { inputmode: 'numeric' }),
      { path: 'aggregation.minJudgesAfterTrim' },
    ),
  );
  const showTrim = () => (trimFields.hidden = method.value !== 'trimmed-mean');
  method.addEventListener('change', showTrim);
  showTrim();

  const allocationRule = select(ALLOCATION_RULES, { value: allocation.rule });
  const tiersEditor = rowsEditor(
    tierBands,
    (band, i, remove) => {
      const amount = input({
        inputmode: 'decimal',
        value: band.amount === undefined ? '' : fenToYuanText(band.amount),
      });
      amount.addEventListener('input', () => {
        const parsed = parseYuan(amount.value);
        band.amount = parsed.error ? { invalid: parsed.error } : parsed.fen;
      });
      const from = input({ inputmode: 'numeric', value: String(band.from ?? '') });
      from.addEventListener('input', () => (band.from = intOrText(from.value)));
      const to = input({ inputmode: 'numeric', value: String(band.to ?? '') });
      to.addEventListener('input', () => (band.to = intOrText(to.value)));
      return h(
        'div',
        { class: 'tier-row' },
        field({ zh: `档位 ${i + 1}：自第几名`, en: `Tier ${i + 1}: from rank` }, from, {
          path: `allocation.tiers.bands.${i}.from`,
        }),
        field({ zh: '至第几名', en: 'to rank' }, to, { path: `allocation.tiers.bands.${i}.to` }),
        field({ zh: '每项金额（元）', en: 'Amount each (yuan)' }, amount, {
          path: `allocation.tiers.bands.${i}.amount`,
        }),
        removeButton({ zh: `删除档位 ${i + 1}`, en: `Remove tier ${i + 1}` }, remove),
      );
    },
    () => ({ from: tierBands.length === 0 ? 1 : (tierBands.at(-1).to ?? 0) + 1, to: '', amount: undefined }),
    { zh: '添加档位', en: 'Add a tier' },
  );
  const tiersBox = h(
    'fieldset',
    { 'data-field': 'allocation.tiers', id: 'allocation-tiers' },
    tx('legend', { zh: '名次档位', en: 'Rank tiers' }),
    tiersEditor,
    h('p', { class: 'field-error', id: 'allocation-tiers-error', hidden: true }),
  );
  const showTiers = () => (tiersBox.hidden = allocationRule.value !== 'tiers');
  allocationRule.addEventListener('change', showTiers);
  showTiers();

  const trancheSum = h('p', { class: 'hint', 'aria-live': 'polite', 'data-testid': 'tranche-sum' });
  const updateTrancheSum = () => {
    const total = rules.tranches.reduce((sum, t) => sum + (Number.parseInt(t.percent, 10) || 0), 0);
    fill(
      trancheSum,
      tx(
        'span',
        {
          zh: `合计 ${total}%${total === 100 ? ' ✓' : '（须为 100%）'}`,
          en: `Total ${total}%${total === 100 ? ' ✓' : ' (must be 100%)'}`,
        },
        {
          class: total === 100 ? 'ok' : 'error',
        },
      ),
    );
  };
  const tranches = rowsEditor(
    rules.tranches,
    (tranche, i, remove) => {
      const percent = input({ inputmode: 'numeric', value: String(tranche.percent) });
      percent.addEventListener('input', () => {
        tranche.percent = intOrText(percent.value);
        updateTrancheSum();
      });
      return h(
        'div',
        { class: 'tranche-row' },
        field(
          { zh: `第 ${i + 1} 期 中文说明`, en: `Tranche ${i + 1}: Chinese label` },
          text(tranche, 'labelZh', { maxlength: 50 }),
          {
            path: `tranches.${i}.labelZh`,
          },
        ),
        field({ zh: '英文说明', en: 'English label' }, text(tranche, 'labelEn', { maxlength: 80 }), {
          path: `tranches.${i}.labelEn`,
        }),
        field({ zh: '比例 %', en: 'Percent' }, percent, { path: `tranches.${i}.percent` }),
        trancheConditionFields(tranche, i),
        removeButton({ zh: `删除第 ${i + 1} 期`, en: `Remove tranche ${i + 1}` }, () => {
          remove();
          updateTrancheSum();
        }),
      );
    },
    () => ({ labelZh: '', labelEn: '', percent: 0, condition: { kind: 'evaluation-passed', stage: 'final' } }),
    { zh: '添加一期拨付', en: 'Add a tranche' },
  );
  updateTrancheSum();

  const normalization = normalizationFields(rules.aggregation);
  const components = componentsEditor(rules.components, frozen);
  const grantTerms = grantTermsFieldset(rules.grants, frozen);
  const supervisionTerms = supervisionTermsFieldset(rules.supervision, frozen);
  // Rules saved before evaluations existed have none: saving them gives the server's preset.
  const evaluationTerms = rules.evaluation ? evaluationTermsFieldset(rules.evaluation, frozen) : null;
  const onePerOrganization = h('input', { type: 'checkbox', checked: rules.onePerOrganization });
  const box = messageBox();
  const saveButton = tx('button', { zh: '保存规则', en: 'Save rules' }, { type: 'submit', class: 'primary' });

  const form = h(
    'form',
    { novalidate: true },
    frozen
      ? tx(
          'p',
          {
            zh: `规则已于 ${beijingTime(competition.rulesFrozenAt)} 随路演开始冻结（第 ${competition.rulesVersion} 版），只能查看。`,
            en: `The rules were frozen when the roadshow started on ${beijingTime(competition.rulesFrozenAt)} (v${competition.rulesVersion}); read only.`,
          },
          { class: 'message-box warn' },
        )
      : tx(
          'p',
          {
            zh: `当前为第 ${competition.rulesVersion} 版规则；保存后版本加 1。`,
            en: `Rules v${competition.rulesVersion}; saving makes a new version.`,
          },
          {
            class: 'hint',
          },
        ),
    competition.state === 'draft' ? scorePresetCard(ctx, competition, refresh) : null,
    h('fieldset', { class: 'card', disabled: frozen }, tx('legend', { zh: '项目类别', en: 'Categories' }), categories),
    h(
      'fieldset',
      { class: 'card', disabled: frozen },
      tx('legend', { zh: '评分细则', en: 'Rubric' }),
      tx(
        'p',
        {
          zh: '门槛项（如党建引领）只判定通过与否，不计入总分。',
          en: 'Gate criteria are pass/fail and do not add to the total.',
        },
        { class: 'hint' },
      ),
      rubric,
    ),
    h(
      'fieldset',
      { class: 'card', disabled: frozen },
      tx('legend', { zh: '计分方法', en: 'Aggregation' }),
      h(
        'div',
        { class: 'form-grid' },
        field({ zh: '方法', en: 'Method' }, method, { path: 'aggregation.method' }),
        field({ zh: '保留小数位', en: 'Decimals' }, text(numbers, 'decimals', { inputmode: 'numeric' }), {
          path: 'aggregation.decimals',
          hint: { zh: '最后一次四舍五入', en: 'rounded half-up once, at the end' },
        }),
      ),
      trimFields,
      tx('p', { zh: '评委组权重（选填，不填则不分组）', en: 'Judge group weights (optional)' }, { class: 'hint' }),
      h(
        'div',
        { class: 'form-grid' },
        Object.entries(JUDGE_GROUP_LABELS).map(([group, label]) =>
          field(label, text(weights, group, { inputmode: 'decimal' }), { path: `aggregation.groupWeights.${group}` }),
        ),
      ),
      tx(
        'p',
        { zh: '同分排序规则（总分相同时按顺序比较）', en: 'Tie-breaks, compared in order when scores are equal' },
        {
          class: 'hint',
        },
      ),
      tieBreaks,
      normalization.node,
    ),
    components.node,
    h(
      'fieldset',
      { class: 'card', disabled: frozen },
      tx('legend', { zh: '资金分配', en: 'Allocation' }),
      h(
        'div',
        { class: 'form-grid' },
        field({ zh: '分配方式', en: 'Rule' }, allocationRule, { path: 'allocation.rule' }),
        field({ zh: '合格分数线', en: 'Pass score' }, text(numbers, 'passScore', { inputmode: 'decimal' }), {
          path: 'allocation.passScore',
        }),
        yuanField(
          { zh: '最低资助额（元）', en: 'Minimum grant (yuan)' },
          allocation,
          'minGrant',
          'allocation.minGrant',
          { optional: true },
        ),
        yuanField(
          { zh: '最高资助额（元）', en: 'Maximum grant (yuan)' },
          allocation,
          'maxGrant',
          'allocation.maxGrant',
          { optional: true },
        ),
        field(
          { zh: '最多资助项目数', en: 'At most this many projects' },
          text(numbers, 'maxProjects', { inputmode: 'numeric' }),
          {
            path: 'allocation.maxProjects',
          },
        ),
        field(
          { zh: '每个社区最多资助项目数', en: 'At most per community' },
          text(numbers, 'communityLimit', { inputmode: 'numeric' }),
          {
            path: 'allocation.communityLimit',
          },
        ),
      ),
      tiersBox,
    ),
    h(
      'fieldset',
      { class: 'card', disabled: frozen },
      tx('legend', { zh: '申报限额', en: 'Request caps' }),
      h(
        'div',
        { class: 'form-grid' },
        yuanField(
          { zh: '单个项目申请上限（元）', en: 'Per-project cap (yuan)' },
          rules,
          'maxRequestFen',
          'maxRequestFen',
          {
            hint: { zh: `资金池 ${formatYuan(competition.poolFen)}`, en: `pool ${formatYuan(competition.poolFen)}` },
          },
        ),
        yuanField(
          { zh: '单个项目申请下限（元，选填）', en: 'Per-project minimum (yuan, optional)' },
          rules,
          'minRequestFen',
          'minRequestFen',
          {
            optional: true,
          },
        ),
        field(
          { zh: '申请额占总预算上限（如 0.8）', en: 'Request at most this share of the budget (e.g. 0.8)' },
          text(numbers, 'maxShareOfBudget', { inputmode: 'decimal' }),
          { path: 'maxShareOfBudget' },
        ),
      ),
      checkboxField({ zh: '每个组织限报一个项目', en: 'One project per organization' }, onePerOrganization, {
        path: 'onePerOrganization',
      }),
    ),
    h(
      'fieldset',
      { class: 'card', disabled: frozen },
      tx('legend', { zh: '拨付计划', en: 'Tranches' }),
      tranches,
      trancheSum,
      h(
        'div',
        { class: 'form-grid' },
        field({ zh: '公示天数', en: 'Public notice days' }, text(numbers, 'publicityDays', { inputmode: 'numeric' }), {
          path: 'publicityDays',
        }),
        field(
          { zh: '路演陈述时长（秒）', en: 'Pitch length (seconds)' },
          text(numbers, 'pitchSeconds', { inputmode: 'numeric' }),
          {
            path: 'pitchSeconds',
          },
        ),
      ),
    ),
    grantTerms.node,
    supervisionTerms.node,
    evaluationTerms?.node,
    h('div', { class: 'card' }, box, frozen ? null : h('div', { class: 'actions' }, saveButton)),
  );

  /** The PATCH body, or null after marking amounts that are not valid yuan. */
  const body = () => {
    let ok = true;
    const money = (value, path) => {
      if (value && typeof value === 'object' && value.invalid) {
        markField(form, path, value.invalid);
        ok = false;
        return undefined;
      }
      return value;
    };
    const aggregation = { method: method.value, decimals: intOrText(numbers.decimals), ...normalization.value() };
    if (method.value === 'trimmed-mean') {
      aggregation.drop = intOrText(numbers.drop);
      aggregation.minJudgesAfterTrim = intOrText(numbers.minJudgesAfterTrim);
    }
    const groupWeights = Object.fromEntries(Object.entries(weights).filter(([, v]) => String(v ?? '').trim() !== ''));
    if (Object.keys(groupWeights).length > 0) aggregation.groupWeights = groupWeights;

    const nextAllocation = { ...allocation, rule: allocationRule.value };
    for (const key of ['passScore', 'maxProjects', 'communityLimit']) {
      const value = numbers[key].trim();
      if (value === '') delete nextAllocation[key];
      else nextAllocation[key] = key === 'passScore' ? value : intOrText(value);
    }
    for (const key of ['minGrant', 'maxGrant']) {
      const value = money(nextAllocation[key], `allocation.${key}`);
      if (value === null || value === undefined) delete nextAllocation[key];
      else nextAllocation[key] = value;
    }
    if (allocationRule.value === 'tiers') {
      nextAllocation.tiers = {
        by: 'rank',
        bands: tierBands.map((band, i) => ({
          from: band.from,
          to: band.to,
          amount: money(band.amount, `allocation.tiers.bands.${i}.amount`),
        })),
      };
    } else {
      delete nextAllocation.tiers;
    }
    const payload = {
      categories: rules.categories,
      rubric: rules.rubric,
      aggregation,
      components: components.value(),
      tieBreaks: tieBreakRows.map((row) => row.name),
      allocation: nextAllocation,
      maxRequestFen: money(rules.maxRequestFen, 'maxRequestFen'),
      minRequestFen: money(rules.minRequestFen ?? null, 'minRequestFen') ?? null,
      maxShareOfBudget: numbers.maxShareOfBudget.trim() === '' ? null : numbers.maxShareOfBudget.trim(),
      onePerOrganization: onePerOrganization.checked,
      tranches: rules.tranches,
      grants: grantTerms.value(),
      supervision: supervisionTerms.value(),
      ...(evaluationTerms ? { evaluation: evaluationTerms.value() } : {}),
      publicityDays: intOrText(numbers.publicityDays),
      pitchSeconds: intOrText(numbers.pitchSeconds),
      expectedRulesVersion: competition.rulesVersion,
    };
    return ok ? payload : null;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form, box);
    const payload = body();
    if (!payload) {
      focusFirstInvalid(form);
      return;
    }
    saveButton.disabled = true;
    try {
      const saved = await ctx.api(`/competitions/${competition.id}/rules`, { method: 'PATCH', body: payload });
      // The next save must name the version just written, or the server refuses it as stale.
      competition.rulesVersion = saved.rulesVersion;
      showMessage(
        box,
        { zh: `规则已保存为第 ${saved.rulesVersion} 版`, en: `Rules saved as v${saved.rulesVersion}` },
        'ok',
      );
      saveButton.disabled = false;
    } catch (error) {
      showApiError(form, box, error);
      saveButton.disabled = false;
    }
  });
  return form;
}
