// 公示: the published result with its notice period, the objections and the office's answers,
// and the award once the period is over with nothing open.
import { ApiError } from '../shared/api.js';
import { clear, fill, formatYuan, h } from '../shared/dom.js';
import { field, messageBox, select, sendThen, showApiError, showMessage } from '../shared/forms.js';
import { GRANT_STATUS_LABELS, OBJECTION_STATUS_LABELS } from '/vocabulary.js';
import { beijingTime } from '../shared/time.js';
import { dataTable } from '../shared/table.js';
import { labelOf, tx } from '../shared/i18n.js';
import { card } from '../shared/card.js';

const PHASES = {
  'in-period': { zh: '公示期内（可提出异议）', en: 'In the notice period (objections open)' },
  ended: { zh: '公示期已结束', en: 'Notice period over' },
  superseded: { zh: '已撤回（异议成立后重新排名）', en: 'Superseded (re-ranked after an upheld objection)' },
};

function answerForm(ctx, objection, onDone) {
  const decision = select(
    [
      ['rejected', { zh: '异议不成立，维持原结果', en: 'Rejected: the result stands' }],
      ['upheld', { zh: '异议成立，撤回公示并重新排名', en: 'Upheld: withdraw the notice and re-rank' }],
    ],
    { value: 'rejected' },
  );
  const answer = h('textarea', { rows: 3, maxlength: 2000 });
  const box = messageBox();
  const form = h(
    'form',
    { novalidate: true },
    field({ zh: '处理结果', en: 'Decision' }, decision, { path: 'decision' }),
    field({ zh: '答复（申报单位可见）', en: 'Answer (the applicant reads it)' }, answer, { path: 'answer' }),
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '提交答复', en: 'Send the answer' }, { type: 'submit', class: 'primary' }),
    ),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await ctx.api(`/objections/${objection.id}/answer`, {
        method: 'POST',
        body: { decision: decision.value, answer: answer.value },
      });
      onDone();
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return form;
}

export async function publicityTab(ctx, competition, refresh) {
  const box = messageBox();
  let notice;
  try {
    notice = await ctx.api(`/competitions/${competition.id}/publication`);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
  const actions = h('div', { class: 'actions' });
  if (competition.state === 'allocated') {
    actions.append(
      tx(
        'button',
        notice ? { zh: '重新公示', en: 'Publish again' } : { zh: '公示结果', en: 'Publish for public notice' },
        {
          type: 'button',
          class: 'primary',
          onclick: () =>
            void sendThen(
              page,
              box,
              () => ctx.api(`/competitions/${competition.id}/publication`, { method: 'POST' }),
              refresh,
            ),
        },
      ),
    );
  }
  if (competition.state === 'publicity') {
    const endsAt = notice ? Date.parse(notice.endsAt) : 0;
    const awardButton = tx(
      'button',
      { zh: '公示期满，立项并生成协议书', en: 'Award and generate the agreements' },
      {
        type: 'button',
        class: 'primary',
        'aria-describedby': 'award-when',
        'data-testid': 'award',
        onclick: async (event) => {
          const button = event.currentTarget;
          button.disabled = true;
          try {
            await ctx.api(`/competitions/${competition.id}/award`, { method: 'POST' });
            showMessage(box, { zh: '已立项，协议书正在生成', en: 'Awarded; the agreements are being generated' }, 'ok');
            setTimeout(() => ctx.go(`#/competitions/${competition.id}/agreements`), 800);
          } catch (error) {
            showApiError(page, box, error);
            button.disabled = false;
          }
        },
      },
    );
    const when = h('p', { class: 'hint', id: 'award-when', 'data-testid': 'award-when' });
    // The award is refused until the notice period ends: the button says when, and wakes then.
    const showWhen = () => {
      const running = Date.now() < endsAt;
      awardButton.disabled = running;
      fill(
        when,
        tx(
          'span',
          running
            ? {
                zh: `公示期至 ${beijingTime(notice.endsAt)}（北京时间）结束，届时可立项`,
                en: `The notice period ends at ${beijingTime(notice.endsAt)} (Beijing time); award after it`,
              }
            : { zh: '公示期已结束，可以立项', en: 'The notice period is over; the competition can be awarded' },
        ),
      );
    };
    showWhen();
    const wait = endsAt - Date.now();
    // setTimeout cannot wait longer than about 24 days; a page left open that long is reloaded first.
    if (wait > 0 && wait < 2 ** 31 - 1) {
      const timer = setTimeout(showWhen, wait + 1000);
      ctx.onLeave(() => clearTimeout(timer));
    }
    actions.append(awardButton, when);
  }

  const objectionsArea = h('div', {});
  const loadObjections = async () => {
    clear(objectionsArea);
    if (!notice) return;
    const { items: objections } = await ctx.api(`/publications/${notice.id}/objections`);
    objectionsArea.append(
      objections.length === 0
        ? tx('p', { zh: '没有异议。', en: 'No objections.' }, { class: 'muted' })
        : h(
            'div',
            {},
            objections.map((objection) =>
              h(
                'article',
                { class: 'card', 'data-testid': 'objection' },
                h('h3', {}, objection.projectTitle),
                h(
                  'p',
                  {},
                  tx('span', labelOf(OBJECTION_STATUS_LABELS, objection.status), {
                    class: `badge ${objection.status === 'open' ? 'warn' : objection.status === 'upheld' ? 'ok' : ''}`,
                  }),
                  ' ',
                  tx(
                    'span',
                    {
                      zh: `提出于 ${beijingTime(objection.createdAt)}`,
                      en: `filed ${beijingTime(objection.createdAt)}`,
                    },
                    { class: 'muted' },
                  ),
                ),
                h('p', {}, tx('strong', { zh: '异议理由：', en: 'Reason: ' }), h('span', {}, objection.reason)),
                objection.answer
                  ? h('p', {}, tx('strong', { zh: '答复：', en: 'Answer: ' }), h('span', {}, objection.answer))
                  : null,
                objection.status === 'open' ? answerForm(ctx, objection, refresh) : null,
              ),
            ),
          ),
    );
  };
  await loadObjections();

  const page = h(
    'div',
    {},
    card(
      { title: { zh: '公示', en: 'Public notice' }, headingId: 'notice-heading' },
      notice
        ? h(
            'dl',
            { class: 'summary-list', 'data-testid': 'notice' },
            tx('dt', { zh: '状态', en: 'Phase' }),
            tx('dd', PHASES[notice.phase] ?? { zh: notice.phase, en: notice.phase }),
            tx('dt', { zh: '公示期', en: 'Period' }),
            h('dd', {}, `${beijingTime(notice.startsAt)} – ${beijingTime(notice.endsAt)}`),
            tx('dt', { zh: '资助项目 / 总额', en: 'Funded / total' }),
            h('dd', {}, `${notice.fundedCount} · ${formatYuan(notice.totalGrantFen)}`),
            tx('dt', { zh: '待答复异议', en: 'Open objections' }),
            h('dd', {}, String(notice.openObjections)),
            tx('dt', { zh: '规则版本 / 输入摘要', en: 'Rules version / input hash' }),
            h('dd', { class: 'mono' }, `v${notice.rulesVersion ?? '—'} · ${notice.inputHash ?? '—'}`),
          )
        : tx('p', { zh: '尚未公示。', en: 'Not published yet.' }, { class: 'muted' }),
      actions,
      box,
    ),
    notice
      ? card(
          { title: { zh: '公示名单', en: 'The published list' }, headingId: 'notice-results-heading' },
          dataTable(
            [
              { zh: '名次', en: 'Rank', num: true },
              { zh: '项目', en: 'Project' },
              { zh: '得分', en: 'Score', num: true },
              { zh: '资助金额', en: 'Grant', num: true },
              { zh: '说明', en: 'Reason' },
            ],
            notice.results.map((row) =>
              h(
                'tr',
                {},
                h('td', { class: 'num' }, String(row.displayRank)),
                h(
                  'td',
                  {},
                  h('strong', {}, row.projectTitle),
                  h('div', { class: 'muted' }, `${row.organizationName} · ${row.community}`),
                ),
                h('td', { class: 'num' }, row.score),
                h('td', { class: 'num' }, formatYuan(row.grantFen)),
                h(
                  'td',
                  {},
                  tx('strong', labelOf(GRANT_STATUS_LABELS, row.status)),
                  tx('div', { zh: row.reasonZh, en: row.reasonEn }),
                ),
              ),
            ),
          ),
        )
      : null,
    card({ title: { zh: '异议与答复', en: 'Objections' }, headingId: 'objections-heading' }, objectionsArea),
  );
  return page;
}
