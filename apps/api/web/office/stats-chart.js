// Judge-agreement statistics as an inline SVG built with DOM calls (no markup strings, no
// library): each judge's leniency as a bar left (stricter) or right (more lenient) of the panel.
import { h } from '../shared/dom.js';
import { bi, pick, tx } from '../shared/i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Six decimals of an exact decimal text, for reading, never for arithmetic. */
function short(value, digits = 3) {
  if (value === null || value === undefined || value === '') return '—';
  const number = Number(value);
  return Number.isFinite(number) ? number.toFixed(digits) : String(value);
}

/**
 * `judges`: [{ name, offset (decimal text), outlier }]. The bar length is the mean offset from
 * the other judges' marks on the same projects; outliers are drawn in the warning colour.
 */
export function leniencyChart(judges, titlePair) {
  const rowHeight = 30;
  const labelWidth = 170;
  const valueWidth = 80;
  const width = 720;
  const plot = width - labelWidth - valueWidth;
  const height = judges.length * rowHeight + 40;
  const offsets = judges.map((judge) => Math.abs(Number(judge.offset) || 0));
  const scale = Math.max(1, ...offsets);
  const zero = labelWidth + plot / 2;
  const titleId = `chart-title-${Math.random().toString(36).slice(2)}`;
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart',
    role: 'img',
    'aria-labelledby': titleId,
    'data-testid': 'leniency-chart',
  });
  root.append(svg('title', { id: titleId, ...bi(titlePair) }, pick(titlePair)));
  root.append(svg('line', { x1: zero, x2: zero, y1: 10, y2: height - 24, stroke: '#4a5366', 'stroke-width': 1 }));
  const stricter = { zh: '← 偏严', en: '← stricter' };
  const lenient = { zh: '偏宽 →', en: 'more lenient →' };
  root.append(svg('text', { x: labelWidth + 4, y: height - 6, 'font-size': 12, ...bi(stricter) }, pick(stricter)));
  root.append(
    svg(
      'text',
      { x: labelWidth + plot - 4, y: height - 6, 'font-size': 12, 'text-anchor': 'end', ...bi(lenient) },
      pick(lenient),
    ),
  );
  judges.forEach((judge, i) => {
    const y = 14 + i * rowHeight;
    const value = Number(judge.offset) || 0;
    // Bars stay inside the plot (4 px from each edge); the value has its own column on the right.
    const length = (Math.abs(value) / scale) * (plot / 2 - 4);
    const x = value < 0 ? zero - length : zero;
    const group = svg('g', { 'data-judge': judge.name });
    group.append(svg('text', { x: labelWidth - 10, y: y + 15, 'font-size': 14, 'text-anchor': 'end' }, judge.name));
    const bar = svg('rect', {
      x,
      y: y + 2,
      width: Math.max(length, 1),
      height: rowHeight - 10,
      fill: judge.outlier ? '#a11d1d' : value < 0 ? '#1a5fd0' : '#1b6e3a',
    });
    bar.append(svg('title', {}, `${judge.name}: ${short(judge.offset, 2)}${judge.outlier ? ' ⚠' : ''}`));
    group.append(bar);
    group.append(
      svg(
        'text',
        { x: labelWidth + plot + 10, y: y + 15, 'font-size': 13 },
        `${value > 0 ? '+' : ''}${short(judge.offset, 2)}${judge.outlier ? ' ⚠' : ''}`,
      ),
    );
    root.append(group);
  });
  return root;
}

/** ICC, Kendall's W and the notes, with the chart, from GET /runs/:id/statistics. */
export function statisticsView(statistics, judgeNames) {
  const agreement = statistics?.agreement ?? {};
  const icc = agreement.icc?.forms ?? {};
  const w = agreement.kendallW;
  const leniency = agreement.leniency?.judges ?? [];
  const values = h(
    'div',
    { class: 'stat-values', 'data-testid': 'agreement-values' },
    h(
      'div',
      {},
      tx('span', { zh: 'ICC(2,1) 单个评委一致性', en: 'ICC(2,1), single judge' }),
      h('strong', {}, short(icc['ICC(2,1)'])),
    ),
    h(
      'div',
      {},
      tx('span', { zh: 'ICC(2,k) 评委组平均一致性', en: 'ICC(2,k), panel mean' }),
      h('strong', {}, short(icc['ICC(2,k)'])),
    ),
    h(
      'div',
      {},
      tx('span', { zh: '肯德尔 W（排序一致性）', en: "Kendall's W (rank agreement)" }),
      h('strong', {}, w ? short(w.W) : '—'),
      w?.pValue ? h('small', {}, `p = ${w.pValue}`) : null,
    ),
    h(
      'div',
      {},
      tx('span', { zh: '评委 / 项目 / 评分表', en: 'Judges / projects / sheets' }),
      h(
        'strong',
        {},
        `${agreement.judgeCount ?? '—'} / ${agreement.projectCount ?? '—'} / ${agreement.sheetCount ?? '—'}`,
      ),
    ),
  );
  const chartJudges = leniency
    .filter((judge) => judge.meanOffset !== null && judge.meanOffset !== undefined)
    .map((judge) => ({
      name: judgeNames.get(judge.judgeId) ?? judge.judgeId.slice(0, 8),
      offset: judge.meanOffset,
      outlier: Boolean(judge.outlier),
    }));
  return h(
    'div',
    {},
    values,
    tx('h3', {
      zh: '评委宽严度（与其他评委对同一项目打分的平均差）',
      en: 'Judge leniency (mean difference from the other judges on the same projects)',
    }),
    chartJudges.length > 0
      ? leniencyChart(chartJudges, { zh: '各评委宽严度条形图', en: 'Leniency of each judge, bar chart' })
      : tx('p', { zh: '评分数据不足，无法计算。', en: 'Not enough scores to compute.' }, { class: 'muted' }),
    (agreement.notes ?? []).map((note) => tx('p', note, { class: 'hint' })),
  );
}
