// The hall's big screen (1920×1080): the project on stage, its pitch timer, how many judges have
// scored, the announced score with the dropped totals struck through, and the running ranking.
// Read-only and public; every user text goes through textContent (h()), never innerHTML.
import { ApiError, api } from '../shared/api.js';
import { clear, h } from '../shared/dom.js';
import { createText, langFromAddress, labelOf, pick } from '../shared/i18n.js';
import { connectLive } from '../shared/live.js';
import { JUDGE_GROUP_LABELS, LiveEventType, SLOT_STATE_LABELS } from '/vocabulary.js';

// A projected screen has no one to press a language button: the address chooses, Chinese unless
// it says /screen/?roadshow=…&lang=en.
langFromAddress('zh');

/**
 * The hall reads two states by what it sees: a project whose judges are at work, and one whose
 * score is on the screen. The other states keep their names.
 */
const HALL_SLOT_STATES = {
  ...SLOT_STATE_LABELS,
  scoring: { zh: '评委打分中', en: 'Judges scoring' },
  locked: { zh: '已公布', en: 'Announced' },
};

const { t } = createText({
  pageTitle: { zh: '路演大屏', en: 'Live board' },
  noRoadshow: {
    zh: '请在地址后加上路演编号，例如 /screen/?roadshow=路演编号',
    en: 'Add the roadshow id to the address, e.g. /screen/?roadshow=<id>',
  },
  loading: { zh: '正在连接…', en: 'Connecting…' },
  disconnected: { zh: '连接中断，正在重连', en: 'Connection lost, reconnecting' },
  notStarted: { zh: '路演即将开始', en: 'The roadshow is about to begin' },
  projectsCount: { zh: '共 {n} 个项目', en: '{n} projects' },
  position: { zh: '第 {n} 号', en: 'No. {n}' },
  positionOf: { zh: '第 {n} 号 / 共 {total} 个', en: 'No. {n} of {total}' },
  timer: { zh: '陈述计时', en: 'Pitch time' },
  overtime: { zh: '超时 {time}', en: 'Over by {time}' },
  judgesScored: { zh: '已评分评委', en: 'Judges scored' },
  announced: { zh: '公布得分', en: 'Announced score' },
  judgeTotals: { zh: '各评委总分', en: 'Each judge’s total' },
  droppedHigh: { zh: '去掉的最高分', en: 'dropped as highest' },
  droppedLow: { zh: '去掉的最低分', en: 'dropped as lowest' },
  'method.trimmed-mean': {
    zh: '去掉最高分和最低分，其余取平均',
    en: 'Highest and lowest dropped, the rest averaged',
  },
  'method.mean': { zh: '全部评委总分取平均', en: 'Average of all judges’ totals' },
  'method.median': { zh: '评委总分取中位数', en: 'Median of the judges’ totals' },
  fellBack: { zh: '评委人数不足，未去分，取平均', en: 'Too few judges to drop any; all averaged' },
  gatesFailed: { zh: '未通过必备项', en: 'Failed a pass/fail criterion' },
  ranking: { zh: '实时排名', en: 'Running ranking' },
  rankingEmpty: { zh: '公布得分后显示排名', en: 'The ranking appears once scores are announced' },
  rank: { zh: '名次', en: 'Rank' },
  project: { zh: '项目', en: 'Project' },
  score: { zh: '得分', en: 'Score' },
  order: { zh: '出场顺序', en: 'Order' },
  page: { zh: '第 {page} / {pages} 页', en: 'Page {page} of {pages}' },
  orderProgress: { zh: '已公布 {locked} / {total}', en: '{locked} of {total} announced' },
  next: { zh: '下一个：第 {n} 号 {name}', en: 'Next: No. {n} {name}' },
  seed: { zh: '抽签种子 {seed}', en: 'Draw seed {seed}' },
  accountability: { zh: '结果公示与项目进展：{address}', en: 'Results and project progress: {address}' },
});

/** Without the live stream, the board is fetched this often. */
const POLL_MS = 3_000;
const SAFETY_REFRESH_MS = 30_000;
/** A ranking longer than the panel turns its pages this often: long enough to read ten rows. */
const RANKING_PAGE_MS = 8_000;
/** Up to this many projects the order strip names each one; beyond, it shows their numbers. */
const NAMED_ORDER_MAX = 12;
const REQUEST_TIMEOUT_MS = 8_000;
/** The Date header has whole seconds: only a clock off by more than this is corrected. */
const CLOCK_TOLERANCE_MS = 2_000;

const roadshowId = new URLSearchParams(location.search).get('roadshow');
const state = { board: undefined, live: 'connecting', fetchFailed: false, clockOffset: 0 };
/** Which page of the running ranking shows, and the slot last seen on stage (its page comes first). */
const paging = { page: 0, pages: 1, shownSlotId: undefined };
let lastFetchAt = 0;

const root = document.getElementById('app');
const banner = h('div', { class: 'banner', id: 'banner', role: 'alert', hidden: true });
const heading = h('div', { class: 'top-title' });
const stage = h('section', { class: 'stage', id: 'stage', 'aria-live': 'polite' });
const ranking = h('aside', { class: 'ranking', id: 'ranking', 'aria-labelledby': 'ranking-title' });
const order = h('footer', { class: 'order', id: 'order' });
clear(root).append(
  h('header', { class: 'top' }, heading, banner),
  h('main', { class: 'board' }, stage, ranking),
  order,
);

function formatClock(totalSeconds) {
  const s = Math.max(0, totalSeconds);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

function render() {
  document.title = `${t('pageTitle')} · ${state.board?.competitionTitle ?? '公益创投'}`;
  renderBanner();
  clear(heading);
  if (!roadshowId) {
    clear(stage).append(h('p', { class: 'message' }, t('noRoadshow')));
    return;
  }
  if (!state.board) {
    clear(stage).append(h('p', { class: 'message' }, t('loading')));
    return;
  }
  const board = state.board;
  const venue = h('p', { class: 'venue' }, board.venue);
  heading.append(h('h1', {}, board.competitionTitle), venue);
  // Once every project is announced, the hall learns where to follow the result and the projects; on
  // the venue's line, so the ranking keeps its rows.
  if (board.slots.length > 0 && board.slots.every((slot) => slot.state === 'locked')) {
    const address = `${location.origin}/accountability/?competition=${encodeURIComponent(board.competitionId)}`;
    venue.append(h('a', { class: 'public-link', id: 'public-link', href: address }, t('accountability', { address })));
  }
  renderStage(board);
  // The order strip first: its height decides the ranking panel's, which decides the rows per page.
  renderOrder(board);
  renderRanking(board);
  updateTimer();
}

function renderBanner() {
  const down = Boolean(roadshowId) && (state.live === 'reconnecting' || state.fetchFailed || !navigator.onLine);
  banner.hidden = !down;
  banner.textContent = t('disconnected');
}

function renderStage(board) {
  clear(stage);
  const current = board.current;
  if (!current) {
    delete stage.dataset.slotId;
    delete stage.dataset.state;
    stage.append(
      h(
        'div',
        { class: 'idle', id: 'idle' },
        h('h2', {}, t('notStarted')),
        board.slots.length > 0 ? h('p', {}, t('projectsCount', { n: board.slots.length })) : null,
      ),
    );
    return;
  }
  stage.dataset.slotId = current.slotId;
  stage.dataset.state = current.state;
  stage.append(
    h(
      'p',
      { class: 'stage-head' },
      h('span', { class: 'position' }, t('positionOf', { n: current.position, total: board.slots.length })),
      h(
        'span',
        { class: 'chip state', dataset: { state: current.state } },
        pick(labelOf(HALL_SLOT_STATES, current.state)),
      ),
      // Once announced, the count shrinks to a line and the score takes the room.
      current.state === 'locked'
        ? h('span', { class: 'count-line' }, `${t('judgesScored')} `, judgesCount(current))
        : null,
    ),
    h('h2', { class: 'title', id: 'current-title' }, current.title),
    h(
      'p',
      { class: 'meta' },
      h(
        'span',
        { class: 'chip category', id: 'current-category' },
        pick({ zh: current.categoryLabelZh, en: current.categoryLabelEn }),
      ),
      h('span', { id: 'current-organization' }, current.organizationName),
      current.community ? h('span', { class: 'community' }, current.community) : null,
    ),
  );
  if (current.state === 'locked') {
    if (current.result) stage.append(resultBox(current.result, board));
    return;
  }
  const row = h('div', { class: 'stage-row' });
  if (current.state === 'presenting' || current.state === 'waiting') {
    row.append(
      h(
        'div',
        { class: 'box timer-box' },
        h('p', { class: 'box-label' }, t('timer')),
        h('p', { class: 'timer', id: 'timer' }),
        h('p', { class: 'overtime', id: 'overtime' }),
      ),
    );
  }
  row.append(judgesBox(current));
  stage.append(row);
}

function judgesCount(slot) {
  return h(
    'span',
    {
      class: 'count',
      id: 'judges-scored',
      dataset: { submitted: String(slot.submittedCount), judges: String(slot.judgeCount) },
    },
    `${slot.submittedCount} / ${slot.judgeCount}`,
  );
}

function judgesBox(slot) {
  const dots = h('p', { class: 'dots', 'aria-hidden': 'true' });
  for (let i = 0; i < slot.judgeCount; i += 1) {
    dots.append(h('span', { class: i < slot.submittedCount ? 'dot filled' : 'dot' }));
  }
  return h(
    'div',
    { class: 'box judges-box' },
    h('p', { class: 'box-label' }, t('judgesScored')),
    h('p', { class: 'count-big' }, judgesCount(slot)),
    dots,
  );
}

/**
 * What the announced score is called: 得分 when it is the final score, 路演得分 when the rules add
 * other components (or normalize each judge), so the hall does not take it for the final result.
 */
function announcedLabel(board) {
  const part = board.announcedAs;
  return part?.part === 'roadshow-component' ? pick({ zh: part.labelZh, en: part.labelEn }) : undefined;
}

function resultBox(result, board) {
  const totals = h('ul', { class: 'totals', id: 'judge-totals', 'aria-label': t('judgeTotals') });
  for (const entry of result.totals) {
    const dropped = entry.dropped;
    const note = dropped === 'high' ? t('droppedHigh') : dropped === 'low' ? t('droppedLow') : undefined;
    totals.append(
      h(
        'li',
        { class: dropped ? 'total dropped' : 'total', dataset: { dropped: dropped ?? 'no' } },
        dropped ? h('s', {}, entry.total) : h('span', {}, entry.total),
        note ? h('span', { class: 'drop-note' }, note) : null,
      ),
    );
  }
  const groups =
    result.groups.length > 1
      ? h(
          'p',
          { class: 'groups' },
          result.groups.map((group) =>
            h('span', {}, `${pick(labelOf(JUDGE_GROUP_LABELS, group.group))} ${group.display} × ${group.weight}`),
          ),
        )
      : null;
  return h(
    'div',
    { class: 'result', id: 'result' },
    h(
      'div',
      { class: 'announced-line' },
      h('p', { class: 'box-label', id: 'announced-label' }, announcedLabel(board) ?? t('announced')),
      h('p', { class: 'announced', id: 'announced-score' }, result.announcedScore),
    ),
    h('p', { class: 'method' }, result.fellBackToMean ? t('fellBack') : t(`method.${result.method}`)),
    result.gatesPassed ? null : h('p', { class: 'gates-failed' }, t('gatesFailed')),
    totals,
    groups,
  );
}

/** One row of the running ranking. */
function rankingRow(entry, board) {
  return h(
    'tr',
    {
      class: entry.slotId === board.current?.slotId ? 'latest' : undefined,
      dataset: { slotId: entry.slotId },
    },
    h('td', { class: 'rank' }, String(entry.rank)),
    h(
      'td',
      { class: 'project' },
      h('span', { class: 'ranking-title' }, entry.title),
      h('span', { class: 'ranking-org' }, entry.organizationName),
    ),
    h('td', { class: 'score' }, entry.announcedScore),
  );
}

/**
 * The running ranking, a page at a time: rows have one fixed height, so the panel holds a known
 * number of them, and a longer ranking turns its pages every RANKING_PAGE_MS. When a project is
 * announced, the page with it comes up first.
 */
function renderRanking(board) {
  clear(ranking);
  ranking.append(h('h2', { id: 'ranking-title' }, t('ranking')));
  if (board.ranking.length === 0) {
    ranking.append(h('p', { class: 'empty' }, t('rankingEmpty')));
    return;
  }
  const body = h('tbody');
  const pageLine = h('p', { class: 'ranking-page', id: 'ranking-page' });
  const table = h(
    'table',
    { id: 'ranking-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('rank')),
        h('th', { scope: 'col' }, t('project')),
        h('th', { scope: 'col' }, announcedLabel(board) ?? t('score')),
      ),
    ),
    body,
  );
  ranking.append(table, pageLine);
  // Measure with one row in place: the room left under the header is what the rows may fill.
  body.append(rankingRow(board.ranking[0], board));
  const rowHeight = body.firstElementChild.getBoundingClientRect().height;
  const bottom = ranking.getBoundingClientRect().bottom - parseFloat(getComputedStyle(ranking).paddingBottom);
  const room = bottom - body.getBoundingClientRect().top - pageLine.getBoundingClientRect().height;
  const perPage = Math.max(1, Math.floor(room / rowHeight));
  paging.pages = Math.ceil(board.ranking.length / perPage);
  const onStage = board.current?.state === 'locked' ? board.current.slotId : undefined;
  if (onStage && onStage !== paging.shownSlotId) {
    const at = board.ranking.findIndex((entry) => entry.slotId === onStage);
    if (at >= 0) paging.page = Math.floor(at / perPage);
  }
  paging.shownSlotId = onStage;
  paging.page = Math.min(paging.page, paging.pages - 1);
  clear(body);
  for (const entry of board.ranking.slice(paging.page * perPage, (paging.page + 1) * perPage)) {
    body.append(rankingRow(entry, board));
  }
  ranking.dataset.page = String(paging.page + 1);
  ranking.dataset.pages = String(paging.pages);
  pageLine.textContent = paging.pages > 1 ? t('page', { page: paging.page + 1, pages: paging.pages }) : '';
}

/**
 * The presentation order along the bottom. A short order names every project; a long one (a city's
 * fifty) becomes a row of numbers, each a fixed share of the strip, so nothing overlaps or runs off,
 * with the progress and the next project in words beside it.
 */
function renderOrder(board) {
  clear(order);
  if (board.slots.length === 0) return;
  const named = board.slots.length <= NAMED_ORDER_MAX;
  order.append(h('span', { class: 'order-label' }, t('order')));
  const list = h('ol', { class: named ? 'order-list named' : 'order-list compact', id: 'order-list' });
  for (const slot of board.slots) {
    list.append(
      h(
        'li',
        {
          class: slot.slotId === board.current?.slotId ? 'on-stage' : undefined,
          dataset: { state: slot.state },
          title: slot.title,
        },
        h('span', { class: 'order-position' }, String(slot.position)),
        named ? h('span', { class: 'order-name' }, slot.community || slot.organizationName) : null,
        named && slot.announcedScore ? h('span', { class: 'order-score' }, slot.announcedScore) : null,
      ),
    );
  }
  order.append(list);
  const locked = board.slots.filter((slot) => slot.state === 'locked').length;
  const next = board.slots.find((slot) => slot.state === 'waiting');
  const facts = h('span', { class: 'order-facts' }, t('orderProgress', { locked, total: board.slots.length }));
  if (!named && next) {
    facts.append(
      h(
        'span',
        { class: 'order-next' },
        t('next', { n: next.position, name: next.community || next.organizationName }),
      ),
    );
  }
  order.append(facts);
  if (board.orderSeed) order.append(h('span', { class: 'seed' }, t('seed', { seed: board.orderSeed })));
}

function updateTimer() {
  const timer = document.getElementById('timer');
  const current = state.board?.current;
  if (!timer || !current) return;
  const overtime = document.getElementById('overtime');
  if (!current.pitchEndsAt) {
    timer.textContent = formatClock(current.pitchSeconds);
    timer.dataset.overtime = 'false';
    overtime.textContent = '';
    return;
  }
  const left = Math.ceil((Date.parse(current.pitchEndsAt) - (Date.now() + state.clockOffset)) / 1000);
  timer.textContent = formatClock(left);
  timer.dataset.overtime = String(left <= 0);
  overtime.textContent = left < 0 ? t('overtime', { time: formatClock(-left) }) : '';
}

function noteServerClock(response) {
  const date = Date.parse(response.headers.get('date') ?? '');
  if (!Number.isFinite(date)) return;
  const offset = date - Date.now();
  state.clockOffset = Math.abs(offset) > CLOCK_TOLERANCE_MS ? offset : 0;
}

let fetching;
let fetchAgain = false;

/** Refetches the board; events that arrive during a fetch fold into one more. */
function refresh() {
  if (!roadshowId) return Promise.resolve();
  if (fetching) {
    fetchAgain = true;
    return fetching;
  }
  fetching = (async () => {
    do {
      fetchAgain = false;
      lastFetchAt = Date.now();
      try {
        state.board = await api(`/roadshows/${encodeURIComponent(roadshowId)}/board`, {
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          onResponse: noteServerClock,
        });
        state.fetchFailed = false;
      } catch (error) {
        state.fetchFailed = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
        if (!state.fetchFailed && error instanceof ApiError) {
          clear(stage).append(h('p', { class: 'message error' }, error.text()));
          renderBanner();
          continue;
        }
      }
      render();
    } while (fetchAgain);
  })().finally(() => {
    fetching = undefined;
  });
  return fetching;
}

window.addEventListener('online', () => void refresh());
// The panel's height decides how many rows a page holds: a resized window pages again.
window.addEventListener('resize', () => {
  if (state.board) renderRanking(state.board);
});
setInterval(() => {
  if (!state.board || paging.pages <= 1) return;
  paging.page = (paging.page + 1) % paging.pages;
  renderRanking(state.board);
}, RANKING_PAGE_MS);
window.addEventListener('offline', () => renderBanner());
render();

if (roadshowId) {
  connectLive(roadshowId, {
    onEvent: (type, data) => {
      // The count moves the instant the event lands; the refetch brings everything else.
      const current = state.board?.current;
      if (
        type === LiveEventType.JudgeSubmitted &&
        current?.slotId === data.slotId &&
        Number.isInteger(data.submittedCount)
      ) {
        current.submittedCount = data.submittedCount;
        current.judgeCount = data.judgeCount ?? current.judgeCount;
        render();
      }
      void refresh();
    },
    onStatus: (status) => {
      state.live = status;
      root.dataset.live = status;
      renderBanner();
    },
    onOpen: () => void refresh(),
  });
  void refresh();
  setInterval(() => {
    updateTimer();
    const stale = Date.now() - lastFetchAt;
    if ((state.live !== 'open' && stale >= POLL_MS) || stale >= SAFETY_REFRESH_MS) void refresh();
  }, 250);
}
