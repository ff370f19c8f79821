// Running the roadshow from the laptop: the panel with one-time codes, the published order draw,
// the stage (next project, timer, open scoring, lock) and live progress of who has scored.
import { ApiError } from '../shared/api.js';
import { fill, h } from '../shared/dom.js';
import { checkboxField, field, input, messageBox, sendOnSubmit, showApiError, showMessage } from '../shared/forms.js';
import { JUDGE_GROUP_LABELS, SLOT_STATE_LABELS } from '/vocabulary.js';
import { beijingTime } from '../shared/time.js';
import { openEventStream } from '../shared/sse.js';
import { dataTable } from '../shared/table.js';
import { judgesCard } from './judges-card.js';
import { recusalsCard } from './recusals-card.js';
import { labelOf, tx } from '../shared/i18n.js';

const DROP = {
  high: { zh: '去掉（最高）', en: 'dropped (highest)' },
  low: { zh: '去掉（最低）', en: 'dropped (lowest)' },
};

function createForm(ctx, competition, refresh) {
  const venue = input({ maxlength: 200, required: true });
  const box = messageBox();
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    tx('h2', { zh: '创建路演', en: 'Create the roadshow' }),
    field({ zh: '路演地点', en: 'Venue' }, venue, {
      path: 'venue',
      hint: { zh: '如：西南街道党群服务中心一楼报告厅', en: 'e.g. the community hall' },
    }),
    box,
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '创建路演', en: 'Create roadshow' }, { type: 'submit', class: 'primary' }),
    ),
  );
  sendOnSubmit(
    form,
    box,
    () => ctx.api(`/competitions/${competition.id}/roadshow`, { method: 'POST', body: { venue: venue.value } }),
    refresh,
  );
  return form;
}

function clock(seconds) {
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * 路演得分 / Roadshow score when the rules make the stage's score only the roadshow's part of the
 * final one (other components, or each judge normalized at the run), so nobody reads it as final.
 */
function partOnly(state) {
  const part = state.announcedAs;
  return part?.part === 'roadshow-component' ? { zh: part.labelZh, en: part.labelEn } : null;
}

export async function roadshowTab(ctx, competition, refresh) {
  let state;
  try {
    state = await ctx.api(`/competitions/${competition.id}/roadshow`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return createForm(ctx, competition, refresh);
    throw error;
  }
  const roadshowId = state.roadshow.id;
  const base = `/roadshows/${roadshowId}`;

  const connection = h('p', { class: 'connection muted', 'aria-live': 'polite' });
  const stage = h('section', { class: 'card', 'aria-labelledby': 'stage-heading', 'data-testid': 'stage' });
  const drawCard = h('section', { class: 'card', 'aria-labelledby': 'draw-heading' });
  const slotsCard = h('section', { class: 'card', 'aria-labelledby': 'slots-heading' });
  const stageBox = messageBox();
  const timer = h('p', { class: 'timer', role: 'timer', 'aria-live': 'off', 'data-testid': 'timer' });
  let lockAnyway = null;
  let stageRenders = 0;

  const post = async (path, body, root) => {
    try {
      await ctx.api(path, { method: 'POST', body });
      await update();
      return true;
    } catch (error) {
      showApiError(root, stageBox, error);
      return false;
    }
  };

  const tick = () => {
    const current = state.currentSlot;
    // The pitch clock matters while the team speaks; once scoring opens it would only distract.
    if (!current || !current.pitchStartedAt || current.state !== 'presenting') {
      timer.textContent = '';
      return;
    }
    const ends = Date.parse(current.pitchStartedAt) + current.pitchSeconds * 1000;
    const left = Math.round((ends - Date.now()) / 1000);
    timer.textContent = clock(left);
    timer.classList.toggle('over', left < 0);
  };
  const interval = setInterval(tick, 250);
  ctx.onLeave(() => clearInterval(interval));

  const judgeProgress = async (slot) => {
    if (!slot) return null;
    const progress = await ctx.api(`${base}/slots/${slot.id}/judges`);
    return h(
      'ul',
      { class: 'judge-progress', 'data-testid': 'judge-progress' },
      progress.items.map((judge) =>
        h(
          'li',
          { 'data-status': judge.status },
          h('span', {}, judge.name, ' ', tx('span', labelOf(JUDGE_GROUP_LABELS, judge.group), { class: 'muted' })),
          tx(
            'span',
            judge.status === 'submitted'
              ? { zh: '✓ 已提交', en: '✓ submitted' }
              : judge.status === 'recused'
                ? { zh: '回避', en: 'recused' }
                : { zh: '… 未提交', en: '… waiting' },
            { class: judge.status === 'submitted' ? 'done' : judge.status === 'waiting' ? 'waiting' : 'muted' },
          ),
        ),
      ),
    );
  };

  const renderStage = async () => {
    const current = state.currentSlot;
    const active = current && current.state !== 'locked' ? current : null;
    const next = state.slots.find((slot) => slot.state === 'waiting');
    const controls = h('div', { class: 'actions' });
    if (!active && next) {
      controls.append(
        tx(
          'button',
          { zh: `下一个项目上台：第 ${next.position} 号`, en: `Next on stage: No. ${next.position}` },
          {
            type: 'button',
            class: 'primary',
            onclick: () => post(`${base}/slots/${next.id}/start`, undefined, stage),
          },
        ),
      );
    }
    if (active?.state === 'presenting') {
      controls.append(
        tx(
          'button',
          { zh: '陈述结束，开始评分', en: 'Pitch over: open scoring' },
          {
            type: 'button',
            class: 'primary',
            onclick: () => post(`${base}/slots/${active.id}/open-scoring`, undefined, stage),
          },
        ),
      );
    }
    if (active?.state === 'scoring') {
      controls.append(
        tx(
          'button',
          { zh: '锁定并公布分数', en: 'Lock and announce' },
          {
            type: 'button',
            class: 'primary',
            onclick: async () => {
              lockAnyway = null;
              try {
                await ctx.api(`${base}/slots/${active.id}/lock`, { method: 'POST', body: {} });
                await update();
              } catch (error) {
                if (error instanceof ApiError && error.status === 409 && error.reason === 'JUDGES_MISSING') {
                  lockAnyway = { slotId: active.id, pair: { zh: error.messageZh, en: error.messageEn } };
                  await renderStage();
                } else {
                  showApiError(stage, stageBox, error);
                }
              }
            },
          },
        ),
      );
    }

    let confirmation = null;
    if (lockAnyway && active && lockAnyway.slotId === active.id) {
      const confirm = h('input', { type: 'checkbox' });
      const button = tx(
        'button',
        { zh: '仍然锁定（未提交者不计入）', en: 'Lock anyway (leave them out)' },
        {
          type: 'button',
          class: 'danger',
          disabled: true,
          onclick: async () => {
            button.disabled = true;
            const done = await post(`${base}/slots/${active.id}/lock`, { allowMissing: true }, stage);
            if (done) lockAnyway = null;
          },
        },
      );
      confirm.addEventListener('change', () => (button.disabled = !confirm.checked));
      confirmation = h(
        'div',
        { class: 'message-box warn', 'data-testid': 'lock-anyway' },
        tx('p', lockAnyway.pair),
        checkboxField(
          {
            zh: '我确认未提交评分的评委不计入本项目得分',
            en: 'I confirm the missing judges are left out of this score',
          },
          confirm,
        ),
        h('div', { class: 'actions' }, button),
      );
    }

    const shown = active ?? current;
    // Updates overlap (a click and the event it causes): only the latest one may draw.
    stageRenders += 1;
    const mine = stageRenders;
    const progress = shown ? await judgeProgress(shown) : tx('p', { zh: '—', en: '—' }, { class: 'muted' });
    if (mine !== stageRenders) return;
    const lastLocked = [...state.slots].reverse().find((slot) => slot.state === 'locked');
    const announced = (active ? null : lastLocked) ?? null;
    fill(
      stage,
      tx('h2', { zh: '舞台', en: 'Stage' }, { id: 'stage-heading' }),
      connection,
      h(
        'div',
        { class: 'stage' },
        h(
          'div',
          {},
          active
            ? h(
                'div',
                {},
                tx(
                  'p',
                  {
                    zh: `第 ${active.position} 号 · ${active.organizationName}`,
                    en: `No. ${active.position} · ${active.organizationName}`,
                  },
                  {
                    class: 'muted',
                  },
                ),
                h('h3', { 'data-testid': 'on-stage-title' }, active.title),
                h(
                  'p',
                  {},
                  tx('span', labelOf(SLOT_STATE_LABELS, active.state), { class: 'badge', 'data-testid': 'slot-state' }),
                  ' ',
                  tx(
                    'span',
                    {
                      zh: `已提交 ${active.submittedCount} / ${active.judgeCount} 位评委`,
                      en: `${active.submittedCount} of ${active.judgeCount} judges have scored`,
                    },
                    {
                      'data-testid': 'submitted-count',
                    },
                  ),
                ),
                timer,
              )
            : tx(
                'p',
                state.slots.length === 0
                  ? { zh: '请先抽签确定出场顺序。', en: 'Draw the order first.' }
                  : next
                    ? { zh: '台上暂无项目。', en: 'Nobody is on stage.' }
                    : { zh: '全部项目已完成路演。', en: 'Every project has pitched.' },
                { class: 'muted' },
              ),
          announced
            ? h(
                'div',
                { class: 'message-box ok', 'data-testid': 'announced' },
                tx('p', {
                  zh: `第 ${announced.position} 号「${announced.title}」公布${partOnly(state)?.zh ?? '分数'}：${announced.announcedScore}`,
                  en: `No. ${announced.position} “${announced.title}” announced${partOnly(state) ? ` (${partOnly(state).en})` : ''}: ${announced.announcedScore}`,
                }),
                announced.announcedBreakdown?.judges
                  ? h(
                      'p',
                      { class: 'breakdown' },
                      announced.announcedBreakdown.judges
                        .filter((judge) => !judge.recused)
                        .map((judge, i) =>
                          h(
                            'span',
                            {},
                            i > 0 ? '；' : '',
                            `${judge.name} ${judge.total}`,
                            judge.dropped ? tx('span', DROP[judge.dropped]) : null,
                          ),
                        ),
                    )
                  : null,
              )
            : null,
          controls,
          confirmation,
          stageBox,
        ),
        h('div', {}, tx('h3', { zh: '评委评分进度', en: 'Who has scored' }), progress),
      ),
    );
    tick();
  };

  // The card is redrawn whenever the roadshow changes (a judge added, a live event): what the office
  // has typed, and where it was typing, survive the redraw.
  let typedSeed = '';
  const renderDraw = () => {
    const typing = drawCard.contains(document.activeElement) && document.activeElement.tagName === 'INPUT';
    const seed = input({ maxlength: 200, spellcheck: 'false', autocomplete: 'off', value: typedSeed });
    seed.addEventListener('input', () => (typedSeed = seed.value));
    const box = messageBox();
    const drawn = state.roadshow.orderSeed;
    const started = state.slots.some((slot) => slot.state !== 'waiting');
    fill(
      drawCard,
      tx('h2', { zh: '出场顺序抽签', en: 'Order draw' }, { id: 'draw-heading' }),
      drawn
        ? h(
            'dl',
            { class: 'summary-list' },
            tx('dt', { zh: '抽签种子（公开，可复算）', en: 'Seed (published, re-drawable)' }),
            h('dd', { class: 'mono', 'data-testid': 'order-seed' }, drawn),
            tx('dt', { zh: '抽签时间', en: 'Drawn at' }),
            h('dd', {}, beijingTime(state.roadshow.orderDrawnAt)),
          )
        : tx('p', { zh: '尚未抽签。', en: 'Not drawn yet.' }, { class: 'muted' }),
      started
        ? tx(
            'p',
            { zh: '已有项目上台，顺序不能再抽。', en: 'A project has taken the stage; the order is final.' },
            { class: 'hint' },
          )
        : h(
            'form',
            {
              novalidate: true,
              onsubmit: async (event) => {
                event.preventDefault();
                try {
                  const result = await ctx.api(`${base}/draw`, {
                    method: 'POST',
                    body: seed.value.trim() ? { seed: seed.value.trim() } : {},
                  });
                  typedSeed = '';
                  await update();
                  showMessage(
                    drawCard.querySelector('.message-box'),
                    {
                      zh: `已抽签：种子 ${result.seed}，算法 ${result.algorithm.name}`,
                      en: `Drawn with seed ${result.seed} (${result.algorithm.name})`,
                    },
                    'ok',
                  );
                } catch (error) {
                  showApiError(drawCard, box, error);
                }
              },
            },
            field(
              {
                zh: '公开种子（选填；不填则随机生成）',
                en: 'Public seed (optional; random when empty)',
              },
              seed,
              {
                path: 'seed',
                hint: {
                  zh: '任意文字，如当日彩票开奖号码：2026-05-10 体彩排列5 83417。按 UTF-8 编码参与计算，任何人都能复算。',
                  en: 'Any text, e.g. the day’s lottery draw: 2026-05-10 体彩排列5 83417. Hashed as UTF-8, so anyone can re-draw.',
                },
              },
            ),
            h(
              'div',
              { class: 'actions' },
              tx('button', drawn ? { zh: '重新抽签', en: 'Draw again' } : { zh: '抽签', en: 'Draw the order' }, {
                type: 'submit',
              }),
            ),
            box,
          ),
    );
    if (typing && seed.isConnected) seed.focus();
  };

  const renderSlots = () => {
    fill(
      slotsCard,
      tx(
        'h2',
        {
          zh: `出场顺序（${state.progress.locked} / ${state.progress.total} 已锁定）`,
          en: `Order (${state.progress.locked} of ${state.progress.total} locked)`,
        },
        {
          id: 'slots-heading',
        },
      ),
      dataTable(
        [
          { zh: '序号', en: 'No.', num: true },
          { zh: '项目', en: 'Project' },
          { zh: '状态', en: 'State' },
          { zh: '已评分', en: 'Scored', num: true },
          { ...(partOnly(state) ?? { zh: '公布分数', en: 'Announced' }), num: true },
        ],
        state.slots.map((slot) =>
          h(
            'tr',
            { 'data-testid': 'slot-row' },
            h('td', { class: 'num' }, String(slot.position)),
            h(
              'td',
              {},
              h('strong', {}, slot.title),
              h('div', { class: 'muted' }, `${slot.organizationName} · ${slot.community}`),
            ),
            h(
              'td',
              {},
              tx('span', labelOf(SLOT_STATE_LABELS, slot.state), {
                class: `badge ${slot.state === 'locked' ? 'ok' : ''}`,
              }),
            ),
            h('td', { class: 'num' }, `${slot.submittedCount} / ${slot.judgeCount}`),
            h('td', { class: 'num' }, slot.announcedScore ?? '—'),
          ),
        ),
        { empty: { zh: '抽签后显示。', en: 'Shown after the draw.' } },
      ),
    );
  };

  let updates = 0;
  const update = async () => {
    updates += 1;
    const mine = updates;
    const next = await ctx.api(`${base}`);
    if (mine !== updates) return;
    state = next;
    renderDraw();
    renderSlots();
    judges.render(state);
    recusals.render(state);
    await renderStage();
  };

  let pending = null;
  // While the live stream is down (a proxy that buffers, a dropped connection) a slow poll keeps
  // the stage and the judges' progress moving.
  let fallback = null;
  const stream = openEventStream(`${base}/events`, {
    onEvent: () => {
      // Several events arrive together (slot.current + timer.started): one refresh for the burst.
      clearTimeout(pending);
      pending = setTimeout(() => void update().catch(() => {}), 100);
    },
    onState: (status) => {
      clearInterval(fallback);
      if (status !== 'open') fallback = setInterval(() => void update().catch(() => {}), 5000);
      fill(
        connection,
        tx(
          'span',
          status === 'open'
            ? { zh: '● 实时连接正常', en: '● live' }
            : { zh: '○ 实时连接中断，正在重连…', en: '○ reconnecting…' },
          { class: status === 'open' ? 'ok' : 'error' },
        ),
      );
    },
  });
  ctx.onLeave(() => {
    stream.close();
    clearTimeout(pending);
    clearInterval(fallback);
  });

  const recusals = recusalsCard(ctx, base, update);
  const judges = judgesCard(ctx, {
    base,
    venue: state.roadshow.venue,
    competitionTitle: state.competitionTitle,
    onPanelChanged: update,
  });
  renderDraw();
  renderSlots();
  recusals.render(state);
  await judges.refresh();
  judges.render(state);
  await renderStage();

  return h(
    'div',
    {},
    h(
      'p',
      { class: 'screen-link' },
      h(
        'a',
        {
          href: `/screen/?roadshow=${encodeURIComponent(roadshowId)}`,
          target: '_blank',
          rel: 'noopener',
          'data-testid': 'screen-link',
        },
        tx('span', { zh: '打开本场路演的大屏幕（新窗口）', en: 'Open this roadshow’s big screen (new window)' }),
      ),
    ),
    stage,
    judges.element,
    recusals.element,
    drawCard,
    slotsCard,
  );
}
