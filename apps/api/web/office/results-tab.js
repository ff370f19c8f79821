// "Rank and allocate": start a run, watch its progress (SSE from the worker through the API),
// then the ranking table with every explanation, the judge-agreement statistics and exports.
import { ApiError } from '../shared/api.js';
import { clear, fill, formatYuan, h } from '../shared/dom.js';
import { downloadFile } from '../shared/download.js';
import { messageBox, showApiError, showMessage } from '../shared/forms.js';
import { beijingTime } from '../shared/time.js';
import { openEventStream } from '../shared/sse.js';
import { componentTitle } from '../shared/score-components.js';
import { dataTable } from '../shared/table.js';
import { tx } from '../shared/i18n.js';
import { stateBadge } from './badges.js';
import { statisticsView } from './stats-chart.js';
import { AGGREGATION_METHOD_LABELS } from '/vocabulary.js';
import { card } from '../shared/card.js';

const RUN_STATUS = {
  queued: { zh: '排队中', en: 'queued' },
  running: { zh: '计算中', en: 'running' },
  succeeded: { zh: '已完成', en: 'done' },
  failed: { zh: '失败', en: 'failed' },
};

const DROPPED = { high: { zh: '去最高', en: 'dropped high' }, low: { zh: '去最低', en: 'dropped low' } };

/**
 * The unrounded score as people read it: a decimal as it is, a repeating one ("521/6") to six
 * places cut short with "…" (86.833333…), never the fraction itself.
 */
export function unroundedText(exact) {
  const [numerator, denominator] = String(exact).split('/');
  if (denominator === undefined) return numerator;
  try {
    const n = BigInt(numerator);
    const d = BigInt(denominator);
    let rest = n % d;
    let digits = '';
    for (let i = 0; i < 6; i += 1) {
      rest *= 10n;
      digits += String(rest / d);
      rest %= d;
    }
    return `${n / d}.${digits}…`;
  } catch {
    return String(exact);
  }
}

export function progressBar(percent, label) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  // Set through the CSSOM: the Content-Security-Policy refuses style attributes.
  const bar = h('div', { class: 'bar' });
  bar.style.width = `${value}%`;
  return h(
    'div',
    {
      class: 'progress',
      role: 'progressbar',
      'aria-valuemin': '0',
      'aria-valuemax': '100',
      'aria-valuenow': String(value),
      ...(label ? { 'data-zh-aria': label.zh, 'data-en-aria': label.en, 'aria-label': label.zh } : {}),
      'data-testid': 'progress',
    },
    bar,
  );
}

/** The judges' totals behind a score, with the dropped ones marked. */
function breakdownCell(breakdown, judgeNames) {
  const totals = breakdown?.judges ?? breakdown?.totals ?? [];
  return h(
    'div',
    { class: 'breakdown' },
    totals
      .filter((entry) => !entry.recused)
      .map((entry, i) =>
        h(
          'span',
          {},
          i > 0 ? '、' : '',
          entry.judgeId && judgeNames.get(entry.judgeId) ? `${judgeNames.get(entry.judgeId)} ` : '',
          entry.dropped ? h('s', {}, entry.total) : entry.total,
          entry.dropped ? tx('span', DROPPED[entry.dropped]) : null,
        ),
      ),
    breakdown?.method
      ? h(
          'div',
          {},
          tx('span', {
            zh: `计分方法：${AGGREGATION_METHOD_LABELS[breakdown.method]?.zh ?? '—'}；未四舍五入：${breakdown.exact ? unroundedText(breakdown.exact) : '—'}`,
            en: `aggregation: ${AGGREGATION_METHOD_LABELS[breakdown.method]?.en ?? '—'}; unrounded: ${breakdown.exact ? unroundedText(breakdown.exact) : '—'}`,
          }),
        )
      : null,
  );
}

/** A component's column heading: its name, Chinese first, and how it counts. */
function componentHeading(component) {
  return { ...componentTitle(component), num: true };
}

/** One project's value of a component, and what it adds to the final score. */
function componentCell(row, component) {
  const part = row.components?.find((entry) => entry.key === component.key);
  if (!part) return h('td', { class: 'num' }, '—');
  return h(
    'td',
    { class: 'num', 'data-component': component.key },
    part.display,
    h(
      'div',
      { class: 'muted' },
      tx('span', { zh: `计入 ${unroundedText(part.points)}`, en: `adds ${unroundedText(part.points)}` }),
    ),
  );
}

function resultsTable(results, judgeNames) {
  const components = results.components ?? [];
  return dataTable(
    [
      { zh: '名次', en: 'Rank', num: true },
      { zh: '社区', en: 'Community' },
      { zh: '项目', en: 'Project' },
      ...components.map(componentHeading),
      components.length > 0 ? { zh: '总分', en: 'Final score', num: true } : { zh: '得分', en: 'Score', num: true },
      { zh: '得分构成', en: 'Breakdown' },
      { zh: '排序依据', en: 'Tie-break' },
      { zh: '资助金额', en: 'Grant', num: true },
      { zh: '说明', en: 'Reason' },
    ],
    results.items.map((row) =>
      h(
        'tr',
        { class: row.grantFen > 0 ? 'funded' : '', 'data-testid': 'result-row' },
        h('td', { class: 'num' }, String(row.rank)),
        h('td', { class: 'nowrap' }, row.community),
        h(
          'td',
          {},
          h('strong', {}, row.projectTitle),
          h('div', { class: 'muted' }, row.organizationName),
          tx('div', { zh: row.category.labelZh, en: row.category.labelEn }, { class: 'muted' }),
        ),
        components.map((component) => componentCell(row, component)),
        h('td', { class: 'num', 'data-testid': 'final-score' }, row.score),
        h('td', {}, breakdownCell(row.breakdown, judgeNames)),
        tx('td', row.tieBreak),
        h(
          'td',
          { class: 'num' },
          formatYuan(row.grantFen),
          h('div', { class: 'muted' }, tx('span', { zh: '申请 ', en: 'asked ' }), formatYuan(row.requestedFen)),
        ),
        h(
          'td',
          { 'data-testid': 'result-reason' },
          tx('strong', row.statusLabel),
          h('div', {}, tx('span', row.reason)),
        ),
      ),
    ),
    { attributes: { 'data-testid': 'results-table' } },
  );
}

export async function resultsTab(ctx, competition) {
  const box = messageBox();
  const runArea = h('div', { 'aria-live': 'polite', 'data-testid': 'run-area' });
  const resultsArea = h('div', {});
  const statsArea = h('div', {});
  let stream = null;
  let poll = null;
  ctx.onLeave(() => {
    stream?.close();
    clearInterval(poll);
  });

  const judgeNames = new Map();
  const roadshow = await ctx.api(`/competitions/${competition.id}/roadshow`).catch(() => null);
  for (const judge of roadshow?.judges ?? []) judgeNames.set(judge.id, judge.name);

  const showRun = (run) => {
    const label = RUN_STATUS[run.status] ?? { zh: run.status, en: run.status };
    fill(
      runArea,
      h(
        'p',
        {},
        tx('span', { zh: '排名与分配任务：', en: 'Ranking run: ' }),
        tx('strong', label, { 'data-testid': 'run-status' }),
        ' ',
        h('span', { 'data-testid': 'run-progress' }, `${run.progress}%`),
      ),
      progressBar(run.progress, { zh: '排名与分配进度', en: 'ranking progress' }),
      run.error ? tx('p', { zh: run.error.message_zh, en: run.error.message_en }, { class: 'error' }) : null,
    );
  };

  const loadResults = async () => {
    clear(resultsArea);
    clear(statsArea);
    let results;
    try {
      results = await ctx.api(`/competitions/${competition.id}/results`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        resultsArea.append(tx('p', { zh: '还没有排名结果。', en: 'No ranking yet.' }, { class: 'muted' }));
        return;
      }
      throw error;
    }
    const remainder = results.poolFen - results.totalFen;
    resultsArea.append(
      h(
        'dl',
        { class: 'summary-list' },
        tx('dt', { zh: '资金池', en: 'Pool' }),
        h('dd', {}, formatYuan(results.poolFen)),
        tx('dt', { zh: '资助总额', en: 'Total granted' }),
        h('dd', { 'data-testid': 'total-granted' }, formatYuan(results.totalFen)),
        tx('dt', { zh: '结余', en: 'Left in the pool' }),
        h('dd', {}, formatYuan(remainder)),
        tx('dt', { zh: '规则版本 / 输入摘要', en: 'Rules version / input hash' }),
        h('dd', { class: 'mono' }, `v${results.rulesVersion} · ${results.inputHash}`),
        tx('dt', { zh: '完成时间', en: 'Finished' }),
        h('dd', {}, beijingTime(results.finishedAt)),
      ),
      resultsTable(results, judgeNames),
      h(
        'div',
        { class: 'actions' },
        tx(
          'button',
          { zh: '下载 CSV', en: 'Download CSV' },
          {
            type: 'button',
            onclick: () => download(`/runs/${results.runId}/results.csv`, 'results.csv'),
          },
        ),
        tx(
          'button',
          { zh: '下载数据包（JSON，可复算）', en: 'Download the bundle (JSON, recomputable)' },
          {
            type: 'button',
            onclick: () => download(`/runs/${results.runId}/bundle.json`, 'bundle.json'),
          },
        ),
      ),
    );
    try {
      const statistics = await ctx.api(`/runs/${results.runId}/statistics`);
      statsArea.append(statisticsView(statistics, judgeNames));
    } catch (error) {
      statsArea.append(
        tx(
          'p',
          { zh: error.messageZh ?? '统计不可用', en: error.messageEn ?? 'statistics unavailable' },
          { class: 'muted' },
        ),
      );
    }
  };

  const download = async (path, name) => {
    try {
      await downloadFile(path, { token: ctx.token(), fallbackName: name });
    } catch (error) {
      showApiError(page, box, error);
    }
  };

  /** Follows a run to its end over SSE, with a slow poll as a safety net. */
  const follow = (run) => {
    showRun(run);
    stream?.close();
    clearInterval(poll);
    if (run.status === 'succeeded' || run.status === 'failed') return;
    let finished = false;
    const finish = async (final) => {
      if (finished) return;
      finished = true;
      stream?.close();
      clearInterval(poll);
      showRun(final);
      if (final.status === 'succeeded') {
        showMessage(box, { zh: '排名与分配已完成', en: 'Ranking and allocation done' }, 'ok');
        await loadResults();
        refreshState();
      }
    };
    const check = async () => {
      const latest = await ctx.api(`/runs/${run.id}`).catch(() => null);
      if (!latest || finished) return;
      if (latest.status === 'succeeded' || latest.status === 'failed') await finish(latest);
      else showRun(latest);
    };
    stream = openEventStream(`/runs/${run.id}/events`, {
      token: ctx.token(),
      onEvent: (event) => {
        const data = typeof event.data === 'object' && event.data ? event.data : {};
        const progress = typeof data.progress === 'number' ? data.progress : run.progress;
        const status = data.status ?? run.status;
        run = { ...run, ...data, progress, status };
        if (status === 'succeeded' || status === 'failed') void check();
        else showRun(run);
      },
    });
    poll = setInterval(() => void check(), 2000);
  };

  // The competition moves (scoring closed → allocated) when a run finishes: show the new state.
  const refreshState = async () => {
    const latest = await ctx.api(`/competitions/${competition.id}`).catch(() => null);
    if (!latest) return;
    competition = latest;
    const badge = document.querySelector('[data-testid="competition-state"]');
    if (badge) {
      badge.replaceWith(stateBadge(latest.state));
    }
    renderActions();
  };

  const actions = h('div', { class: 'actions' });
  const renderActions = () => {
    clear(actions);
    const canRun = ['scoring-closed', 'ranked', 'allocated'].includes(competition.state);
    actions.append(
      tx(
        'button',
        { zh: '开始排名与资金分配', en: 'Rank and allocate' },
        {
          type: 'button',
          class: 'primary',
          disabled: !canRun,
          onclick: async (event) => {
            const button = event.currentTarget;
            button.disabled = true;
            try {
              const run = await ctx.api(`/competitions/${competition.id}/runs`, { method: 'POST' });
              follow(run);
            } catch (error) {
              showApiError(page, box, error);
            } finally {
              button.disabled = false;
            }
          },
        },
      ),
    );
    if (competition.state === 'allocated') {
      actions.append(
        tx(
          'button',
          { zh: '公示结果', en: 'Publish for public notice' },
          {
            type: 'button',
            onclick: async () => {
              try {
                await ctx.api(`/competitions/${competition.id}/publication`, { method: 'POST' });
                ctx.go(`#/competitions/${competition.id}/publicity`);
              } catch (error) {
                showApiError(page, box, error);
              }
            },
          },
        ),
      );
    }
    if (!canRun) {
      actions.append(
        tx(
          'p',
          {
            zh: '路演全部锁定并进入「评分结束」后才能排名。',
            en: 'Ranking opens once every slot is locked and scoring has closed.',
          },
          {
            class: 'hint',
          },
        ),
      );
    }
  };
  renderActions();

  const runs = await ctx.api(`/competitions/${competition.id}/runs`).catch(() => null);
  const latest = runs?.items[0];
  if (latest) follow(latest);
  await loadResults();

  const page = h(
    'div',
    {},
    card(
      { title: { zh: '排名与资金分配', en: 'Ranking and allocation' }, headingId: 'run-heading' },
      actions,
      runArea,
      box,
    ),
    card({ title: { zh: '排名结果', en: 'Results' }, headingId: 'results-heading' }, resultsArea),
    card({ title: { zh: '评委一致性统计', en: 'Judge agreement' }, headingId: 'stats-heading' }, statsArea),
  );
  return page;
}
