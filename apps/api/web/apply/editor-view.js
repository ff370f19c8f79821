// The project form: basics, a budget-lines editor that sums live in exact fen and warns about the
// competition's caps before anything is sent, milestones; save as a draft, then submit.
import { clear, fill, formatYuan, h } from '../shared/dom.js';
import {
  clearFieldErrors,
  clearFormErrors,
  field,
  focusFirstInvalid,
  hideMessage,
  input,
  markField,
  messageBox,
  select,
  showApiError,
  showMessage,
} from '../shared/forms.js';
import { beijingTime } from '../shared/time.js';
import { fenToYuanText, parseShare, parseYuan, shareToPercentText } from '../shared/money.js';
import { biLabel, tx } from '../shared/i18n.js';
import { checkBudget } from './budget.js';
import { backToMyProjects } from './back-home.js';
import { card } from '../shared/card.js';

const BUDGET_KINDS = [
  { zh: '物资', en: 'Materials' },
  { zh: '培训', en: 'Training' },
  { zh: '宣传', en: 'Publicity' },
  { zh: '人员', en: 'Staff' },
  { zh: '场地', en: 'Venue' },
  { zh: '交通', en: 'Transport' },
  { zh: '其他', en: 'Other' },
];

function modelOf(submission) {
  if (!submission) {
    return {
      title: '',
      category: '',
      summary: '',
      needAddressed: '',
      who: '',
      count: '',
      targets: '',
      requested: '',
      matching: '0',
      lines: [{ item: '', kind: '物资', amount: '' }],
      milestones: [],
    };
  }
  return {
    title: submission.title,
    category: submission.category,
    summary: submission.summary,
    needAddressed: submission.needAddressed,
    who: submission.beneficiaries.who,
    count: String(submission.beneficiaries.count),
    targets: submission.targets.join('\n'),
    requested: fenToYuanText(submission.requestedFen),
    matching: fenToYuanText(submission.matchingFen),
    lines: submission.budgetLines.map((line) => ({
      item: line.item,
      kind: line.kind,
      amount: fenToYuanText(line.amountFen),
    })),
    milestones: submission.milestones.map((m) => ({ title: m.title, due: m.due })),
  };
}

/** A text input bound to model[key]; `onInput` runs after the model changed. */
function bound(model, key, attributes = {}, onInput = () => {}) {
  const tag = attributes.multiline ? 'textarea' : 'input';
  const { multiline: _multiline, ...rest } = attributes;
  const control = h(tag, { type: tag === 'input' ? 'text' : undefined, ...rest });
  control.value = model[key];
  control.addEventListener('input', () => {
    model[key] = control.value;
    onInput();
  });
  return control;
}

export async function editorView(ctx, { competitionId, submissionId }) {
  const submission = submissionId ? await ctx.api(`/submissions/${submissionId}`) : null;
  const competition = await ctx.api(`/competitions/${submission?.competitionId ?? competitionId}`);
  if (submission && submission.state !== 'draft') {
    ctx.go(`#/submissions/${submission.id}`);
    return h('p', {});
  }
  const rules = competition.rules;
  const model = modelOf(submission);
  if (!model.category) model.category = rules.categories[0]?.key ?? '';
  let current = submission;

  const box = messageBox();
  const budgetProblems = h('div', {
    class: 'message-box warn',
    'aria-live': 'polite',
    hidden: true,
    'data-testid': 'cap-warnings',
  });
  const linesHost = h('div', { 'data-field': 'budgetLines', id: 'budget-lines', tabindex: '-1' });
  const linesError = h('p', { class: 'field-error', id: 'budget-lines-error', hidden: true });
  const milestonesHost = h('div', {});
  const summary = h('dl', { class: 'budget-summary', 'aria-live': 'polite', 'data-testid': 'budget-summary' });

  // After a refused submit the budget problems also stand under their fields, and follow the
  // typing from then on, so a fixed amount clears its own message.
  let budgetBlocked = false;
  const budgetFields = ['requestedFen', 'budgetLines'];

  const amountOf = (text) => {
    const parsed = parseYuan(text);
    return parsed.error ? null : parsed.fen;
  };

  const recompute = () => {
    const result = checkBudget(
      {
        lines: model.lines.map((line) => amountOf(line.amount)),
        requestedFen: amountOf(model.requested),
        matchingFen: amountOf(model.matching),
      },
      rules,
    );
    fill(
      summary,
      tx('dt', { zh: '预算明细合计', en: 'Budget lines total' }),
      h('dd', { 'data-testid': 'lines-total' }, formatYuan(result.linesTotal)),
      tx('dt', { zh: '申请资助 + 配套资金', en: 'Request + matching funds' }),
      h('dd', {}, result.declaredTotal === null ? '—' : formatYuan(result.declaredTotal)),
      tx('dt', { zh: '是否一致', en: 'Balanced' }),
      tx('dd', result.balanced ? { zh: '✓ 一致', en: '✓ yes' } : { zh: '✗ 不一致', en: '✗ no' }, {
        class: result.balanced ? 'ok' : 'error',
      }),
    );
    clear(budgetProblems);
    budgetProblems.hidden = result.problems.length === 0;
    for (const problem of result.problems) budgetProblems.append(tx('p', problem.pair));
    if (budgetBlocked) {
      for (const path of budgetFields) {
        const control = form.querySelector(`[data-field="${path}"]`);
        const error = control && document.getElementById(`${control.id}-error`);
        if (!error) continue;
        clear(error);
        error.hidden = true;
        control.removeAttribute('aria-invalid');
      }
      for (const problem of result.problems) markField(form, problem.field, problem.pair);
      if (result.problems.length === 0) {
        budgetBlocked = false;
        hideMessage(box);
      }
    }
    return result;
  };

  const amountInput = (value, path, onChange) => {
    const control = input({ inputmode: 'decimal', autocomplete: 'off', value, placeholder: '0.00' });
    control.addEventListener('input', () => {
      onChange(control.value);
      recompute();
    });
    control.addEventListener('blur', () => {
      const parsed = parseYuan(control.value);
      const error = document.getElementById(`${control.id}-error`);
      if (!error) return;
      clear(error);
      error.hidden = true;
      control.removeAttribute('aria-invalid');
      if (parsed.error && control.value.trim() !== '') markField(control.closest('form'), path, parsed.error);
    });
    return control;
  };

  const renderLines = () => {
    clear(linesHost);
    model.lines.forEach((line, i) => {
      const item = input({ value: line.item, maxlength: 100 });
      item.addEventListener('input', () => (line.item = item.value));
      const kind = input({ value: line.kind, maxlength: 30, list: 'budget-kinds' });
      kind.addEventListener('input', () => (line.kind = kind.value));
      const amount = amountInput(line.amount, `budgetLines.${i}.amountFen`, (value) => (line.amount = value));
      const remove = h(
        'button',
        {
          type: 'button',
          class: 'danger',
          ...biLabel({ zh: `删除第 ${i + 1} 行预算`, en: `Remove budget line ${i + 1}` }),
          onclick: () => {
            model.lines.splice(i, 1);
            renderLines();
            recompute();
          },
          disabled: model.lines.length === 1,
        },
        tx('span', { zh: '删除', en: 'Remove' }),
      );
      linesHost.append(
        h(
          'div',
          { class: 'line-row', 'data-testid': 'budget-line' },
          field({ zh: `第 ${i + 1} 项 名称`, en: `Line ${i + 1}: item` }, item, { path: `budgetLines.${i}.item` }),
          field({ zh: '类别', en: 'Kind' }, kind, { path: `budgetLines.${i}.kind` }),
          field({ zh: '金额（元）', en: 'Amount (yuan)' }, amount, { path: `budgetLines.${i}.amountFen` }),
          remove,
        ),
      );
    });
  };

  const renderMilestones = () => {
    clear(milestonesHost);
    model.milestones.forEach((milestone, i) => {
      const title = input({ value: milestone.title, maxlength: 100 });
      title.addEventListener('input', () => (milestone.title = title.value));
      const due = input({ type: 'date', value: milestone.due });
      due.addEventListener('input', () => (milestone.due = due.value));
      milestonesHost.append(
        h(
          'div',
          { class: 'line-row milestone-row' },
          field({ zh: `里程碑 ${i + 1}`, en: `Milestone ${i + 1}` }, title, { path: `milestones.${i}.title` }),
          field({ zh: '完成日期', en: 'Due' }, due, { path: `milestones.${i}.due` }),
          h(
            'button',
            {
              type: 'button',
              class: 'danger',
              ...biLabel({ zh: `删除里程碑 ${i + 1}`, en: `Remove milestone ${i + 1}` }),
              onclick: () => {
                model.milestones.splice(i, 1);
                renderMilestones();
              },
            },
            tx('span', { zh: '删除', en: 'Remove' }),
          ),
        ),
      );
    });
  };

  const requested = amountInput(model.requested, 'requestedFen', (value) => (model.requested = value));
  const matching = amountInput(model.matching, 'matchingFen', (value) => (model.matching = value));
  const category = select(
    rules.categories.map((c) => [c.key, { zh: c.labelZh, en: c.labelEn }]),
    { value: model.category },
  );
  category.addEventListener('change', () => (model.category = category.value));

  const share = rules.maxShareOfBudget ? parseShare(rules.maxShareOfBudget) : null;
  const capHint = {
    zh:
      `单个项目上限 ${formatYuan(rules.maxRequestFen)}` +
      (rules.minRequestFen ? `，下限 ${formatYuan(rules.minRequestFen)}` : '') +
      (share ? `，且不超过项目总预算的 ${shareToPercentText(rules.maxShareOfBudget)}%` : ''),
    en:
      `at most ${formatYuan(rules.maxRequestFen)} per project` +
      (rules.minRequestFen ? `, at least ${formatYuan(rules.minRequestFen)}` : '') +
      (share ? `, and at most ${shareToPercentText(rules.maxShareOfBudget)}% of the project budget` : ''),
  };

  const deadline = Date.parse(competition.submissionDeadline);
  const acceptsSubmissions = competition.state === 'open' && deadline > Date.now();

  const saveButton = tx('button', { zh: '保存草稿', en: 'Save draft' }, { type: 'button' });
  const submitButton = tx(
    'button',
    { zh: '提交申报', en: 'Submit' },
    {
      type: 'submit',
      class: 'primary',
      disabled: !acceptsSubmissions,
    },
  );

  const form = h(
    'form',
    { novalidate: true },
    h(
      'datalist',
      { id: 'budget-kinds' },
      BUDGET_KINDS.map((kind) => h('option', { value: kind.zh })),
    ),
    card(
      { title: { zh: '项目概况', en: 'The project' } },
      field({ zh: '项目名称', en: 'Project title' }, bound(model, 'title', { maxlength: 100 }), { path: 'title' }),
      field({ zh: '项目类别', en: 'Category' }, category, { path: 'category' }),
      field({ zh: '项目简介', en: 'Summary' }, bound(model, 'summary', { multiline: true, maxlength: 2000 }), {
        path: 'summary',
      }),
      field(
        { zh: '回应的需求', en: 'Need addressed' },
        bound(model, 'needAddressed', { multiline: true, maxlength: 2000 }),
        { path: 'needAddressed' },
      ),
      h(
        'div',
        { class: 'form-grid' },
        field({ zh: '受益对象', en: 'Beneficiaries' }, bound(model, 'who', { maxlength: 200 }), {
          path: 'beneficiaries.who',
          hint: { zh: '如：独居老人', en: 'e.g. elderly people living alone' },
        }),
        field({ zh: '受益人数', en: 'How many' }, bound(model, 'count', { inputmode: 'numeric' }), {
          path: 'beneficiaries.count',
        }),
      ),
      field(
        { zh: '项目目标（每行一条）', en: 'Targets (one per line)' },
        bound(model, 'targets', { multiline: true }),
        { path: 'targets' },
      ),
    ),
    card(
      { title: { zh: '预算', en: 'Budget' }, headingId: 'budget-heading' },
      linesHost,
      linesError,
      h(
        'div',
        { class: 'actions' },
        tx(
          'button',
          { zh: '添加一行预算', en: 'Add a budget line' },
          {
            type: 'button',
            onclick: () => {
              model.lines.push({ item: '', kind: '物资', amount: '' });
              renderLines();
              recompute();
              linesHost.querySelector('.line-row:last-child input')?.focus();
            },
          },
        ),
      ),
      h(
        'div',
        { class: 'form-grid' },
        field({ zh: '申请资助（元）', en: 'Grant requested (yuan)' }, requested, {
          path: 'requestedFen',
          hint: capHint,
        }),
        field({ zh: '配套资金（元）', en: 'Matching funds (yuan)' }, matching, { path: 'matchingFen' }),
      ),
      summary,
      budgetProblems,
      h(
        'div',
        { class: 'actions' },
        tx(
          'button',
          { zh: '申请额 = 预算合计 − 配套资金', en: 'Request = lines total − matching funds' },
          {
            type: 'button',
            onclick: () => {
              const linesTotal = recompute().linesTotal;
              const matchingFen = amountOf(model.matching) ?? 0;
              if (linesTotal >= matchingFen) {
                model.requested = fenToYuanText(linesTotal - matchingFen);
                requested.value = model.requested;
                recompute();
              }
            },
          },
        ),
      ),
    ),
    card(
      { title: { zh: '里程碑（选填）', en: 'Milestones (optional)' } },
      milestonesHost,
      h(
        'div',
        { class: 'actions' },
        tx(
          'button',
          { zh: '添加里程碑', en: 'Add a milestone' },
          {
            type: 'button',
            onclick: () => {
              model.milestones.push({ title: '', due: '' });
              renderMilestones();
            },
          },
        ),
      ),
    ),
    h(
      'section',
      { class: 'card' },
      box,
      acceptsSubmissions
        ? tx(
            'p',
            {
              zh: `提交截止：${beijingTime(competition.submissionDeadline)}（北京时间）。提交前可随时保存草稿。`,
              en: `Deadline: ${beijingTime(competition.submissionDeadline)} (Beijing time). Save a draft at any time before.`,
            },
            { class: 'hint' },
          )
        : tx(
            'p',
            {
              zh: '本大赛已截止申报，只能保存草稿。',
              en: 'This competition no longer accepts submissions; drafts can still be saved.',
            },
            { class: 'error' },
          ),
      h('div', { class: 'actions' }, saveButton, submitButton),
    ),
  );

  /** The request body, or null after marking what cannot be parsed. */
  const payload = () => {
    clearFormErrors(form, box);
    let ok = true;
    const money = (text, path) => {
      const parsed = parseYuan(text);
      if (parsed.error) {
        markField(form, path, parsed.error);
        ok = false;
        return 0;
      }
      return parsed.fen;
    };
    const budgetLines = model.lines.map((line, i) => ({
      item: line.item.trim(),
      kind: line.kind.trim(),
      amountFen: money(line.amount, `budgetLines.${i}.amountFen`),
    }));
    const requestedFen = money(model.requested, 'requestedFen');
    const matchingFen = money(model.matching, 'matchingFen');
    const count = Number.parseInt(model.count, 10);
    if (!/^\d+$/.test(model.count.trim()) || count < 1) {
      markField(form, 'beneficiaries.count', {
        zh: '请填写受益人数（正整数）',
        en: 'enter how many people (a whole number)',
      });
      ok = false;
    }
    if (!ok) {
      focusFirstInvalid(form);
      return null;
    }
    return {
      title: model.title.trim(),
      category: model.category,
      summary: model.summary,
      needAddressed: model.needAddressed,
      beneficiaries: { who: model.who.trim(), count },
      targets: model.targets
        .split('\n')
        .map((t) => t.trim())
        .filter(Boolean),
      requestedFen,
      matchingFen,
      budgetLines,
      milestones: model.milestones.map((m) => ({ title: m.title.trim(), due: m.due })),
    };
  };

  const save = async () => {
    const body = payload();
    if (!body) return null;
    try {
      if (current) {
        current = await ctx.api(`/submissions/${current.id}`, {
          method: 'PATCH',
          body: { ...body, expectedVersion: current.version },
        });
      } else {
        current = await ctx.api(`/competitions/${competition.id}/submissions`, { method: 'POST', body });
        // The draft now exists: later saves edit it. replaceState does not re-render the page.
        history.replaceState(null, '', `#/submissions/${current.id}/edit`);
      }
      return current;
    } catch (error) {
      showApiError(form, box, error);
      return null;
    }
  };

  saveButton.addEventListener('click', async () => {
    saveButton.disabled = true;
    const saved = await save();
    saveButton.disabled = false;
    if (saved) {
      showMessage(
        box,
        { zh: `草稿已保存（第 ${saved.version} 版）`, en: `Draft saved (version ${saved.version})` },
        'ok',
      );
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    budgetBlocked = true;
    const check = recompute();
    if (check.problems.length > 0) {
      showMessage(box, {
        zh: '请先处理预算中的提示，再提交。',
        en: 'Fix what the budget check says before submitting.',
      });
      focusFirstInvalid(form);
      return;
    }
    submitButton.disabled = true;
    try {
      const saved = await save();
      if (!saved) return;
      await ctx.api(`/submissions/${saved.id}/submit`, { method: 'POST' });
      ctx.go(`#/submissions/${saved.id}`);
    } catch (error) {
      showApiError(form, box, error);
    } finally {
      submitButton.disabled = !acceptsSubmissions;
    }
  });

  renderLines();
  renderMilestones();
  recompute();

  return h(
    'div',
    {},
    backToMyProjects(),
    tx('h1', submission ? { zh: '修改申报草稿', en: 'Edit the draft' } : { zh: '申报新项目', en: 'A new project' }),
    h('p', { class: 'project-title muted' }, competition.title),
    form,
  );
}
