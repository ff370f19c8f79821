// 回避 in the roadshow: every recusal with its source and reason, the office's own recusals, and
// taking back one made in error. Live updates re-render the table only, never the forms, so a
// reason being typed survives the stream of score events.
import { fill, h } from '../shared/dom.js';
import { field, input, messageBox, select, showApiError, showMessage } from '../shared/forms.js';
import { RECUSAL_SOURCE_LABELS } from '/vocabulary.js';
import { dataTable } from '../shared/table.js';
import { biLabel, labelOf, tx } from '../shared/i18n.js';
import { card } from '../shared/card.js';

/** Refills a <select> when its options changed, keeping the chosen value when it is still offered. */
function refillOptions(control, options) {
  const key = JSON.stringify(options);
  if (control.dataset.options === key) return;
  const chosen = control.value;
  fill(control, ...options.map(([value, label]) => h('option', { value, selected: value === chosen }, label)));
  control.dataset.options = key;
}

export function recusalsCard(ctx, base, update) {
  let state = null;
  const list = h('div', {});

  const judge = select([]);
  const project = select([]);
  const reason = input({ maxlength: 500, required: true });
  const addBox = messageBox();
  const addForm = h(
    'form',
    { novalidate: true, 'data-testid': 'recusal-form' },
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '回避评委', en: 'Judge' }, judge, { path: 'judgeId' }),
      field({ zh: '回避项目', en: 'Project' }, project, { path: 'submissionId' }),
      field({ zh: '回避理由', en: 'Reason' }, reason, { path: 'reason' }),
    ),
    h('div', { class: 'actions' }, tx('button', { zh: '指定回避', en: 'Recuse' }, { type: 'submit' })),
    addBox,
  );
  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await ctx.api(`${base}/recusals`, {
        method: 'POST',
        body: { judgeId: judge.value, submissionId: project.value, reason: reason.value },
      });
      reason.value = '';
      showMessage(addBox, { zh: '已指定回避', en: 'Recused' }, 'ok');
      await update();
    } catch (error) {
      showApiError(addForm, addBox, error);
    }
  });

  // One withdrawal form under the table, for the row chosen: it outlives the table's re-renders.
  let chosen = null;
  const withdrawReason = input({ maxlength: 500, required: true });
  const withdrawWhat = h('p', {});
  const withdrawBox = messageBox();
  const withdrawForm = h(
    'form',
    { novalidate: true, hidden: true, 'data-testid': 'withdraw-form' },
    withdrawWhat,
    field({ zh: '撤销理由', en: 'Why it is withdrawn' }, withdrawReason, {
      path: 'reason',
      hint: {
        zh: '撤销后该评委可以查看并为该项目评分，已给出的评分重新计入',
        en: 'The judge may then see and score the project; a score already given counts again',
      },
    }),
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '确认撤销回避', en: 'Withdraw the recusal' }, { type: 'submit', class: 'primary' }),
      tx(
        'button',
        { zh: '取消', en: 'Cancel' },
        {
          type: 'button',
          onclick: () => {
            chosen = null;
            withdrawForm.hidden = true;
          },
        },
      ),
    ),
    withdrawBox,
  );
  withdrawForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!chosen) return;
    try {
      await ctx.api(`${base}/recusals/${chosen.id}/withdraw`, {
        method: 'POST',
        body: { reason: withdrawReason.value },
      });
      chosen = null;
      withdrawReason.value = '';
      withdrawForm.hidden = true;
      addBox.hidden = true;
      await update();
    } catch (error) {
      showApiError(withdrawForm, withdrawBox, error);
    }
  });

  const nameOf = (judgeId) => state.judges.find((j) => j.id === judgeId)?.name ?? '—';
  const titleOf = (submissionId) => state.projects.find((p) => p.submissionId === submissionId)?.title ?? '—';
  const lockedProject = (submissionId) =>
    state.slots.some((slot) => slot.submissionId === submissionId && slot.state === 'locked');

  const choose = (recusal) => {
    chosen = recusal;
    fill(
      withdrawWhat,
      tx('strong', {
        zh: `撤销回避：${nameOf(recusal.judgeId)} — ${titleOf(recusal.submissionId)}`,
        en: `Withdraw the recusal of ${nameOf(recusal.judgeId)} from ${titleOf(recusal.submissionId)}`,
      }),
    );
    withdrawBox.hidden = true;
    withdrawForm.hidden = false;
    withdrawReason.focus();
  };

  const render = (next) => {
    state = next;
    refillOptions(
      judge,
      state.judges.map((j) => [j.id, j.name]),
    );
    refillOptions(
      project,
      state.projects.map((p) => [p.submissionId, p.title]),
    );
    fill(
      list,
      dataTable(
        [
          { zh: '评委', en: 'Judge' },
          { zh: '项目', en: 'Project' },
          { zh: '来源', en: 'Source' },
          { zh: '理由', en: 'Reason' },
          { zh: '操作', en: 'Action' },
        ],
        state.recusals.map((recusal) =>
          h(
            'tr',
            { 'data-testid': 'recusal-row' },
            h('td', {}, nameOf(recusal.judgeId)),
            h('td', {}, titleOf(recusal.submissionId)),
            tx('td', labelOf(RECUSAL_SOURCE_LABELS, recusal.source)),
            h('td', {}, recusal.reason),
            h(
              'td',
              {},
              recusal.source === 'automatic' || lockedProject(recusal.submissionId)
                ? tx('span', { zh: '不可撤销', en: 'Stays' }, { class: 'muted' })
                : tx(
                    'button',
                    { zh: '撤销', en: 'Withdraw' },
                    {
                      type: 'button',
                      ...biLabel({
                        zh: `撤销 ${nameOf(recusal.judgeId)} 对 ${titleOf(recusal.submissionId)} 的回避`,
                        en: `Withdraw the recusal of ${nameOf(recusal.judgeId)} from ${titleOf(recusal.submissionId)}`,
                      }),
                      onclick: () => choose(recusal),
                    },
                  ),
            ),
          ),
        ),
        { empty: { zh: '还没有回避。', en: 'No recusals yet.' } },
      ),
    );
  };

  const element = card(
    { title: { zh: '回避', en: 'Recusals' }, headingId: 'recusals-heading', 'data-testid': 'recusals' },
    list,
    withdrawForm,
    tx('h3', { zh: '办公室指定回避', en: 'Recuse a judge' }),
    addForm,
  );
  return { element, render };
}
