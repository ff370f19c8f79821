// Judge-agreement statistics as an inline SVG built with DOM calls (no markup strings, no
// library): each judge's leniency as a bar left (stricter) or right (more lenient) of the panel.
import { h } from '../shared/dom.js';
import { bi, pick, tx } from '../shared/i18n.js';
import { dataTable } from '../shared/table.js';

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

/** Points with their sign, for an offset or a bias. */
function signed(value) {
  if (value === null || value === undefined) return '—';
  return `${Number(value) > 0 ? '+' : ''}${short(value, 2)}`;
}

/**
 * 评委倾向性: how many points more each judge gave their own community's projects than the others.
 * A judge past the rules' threshold is flagged in words (not by colour alone) for the office to
 * look into; the score stands, nobody is excluded.
 */
function affiliationBiasView(bias, judgeNames) {
  const threshold = bias.threshold;
  const rows = bias.judges.map((judge) =>
    h(
      'tr',
      { class: judge.flagged ? 'flagged' : undefined, 'data-testid': 'bias-row' },
      h('td', {}, judgeNames.get(judge.judgeId) ?? judge.judgeId.slice(0, 8)),
      h('td', {}, judge.affiliation ?? '—'),
      h('td', { class: 'num' }, `${judge.sameCount} / ${judge.otherCount}`),
      h('td', { class: 'num' }, signed(judge.bias)),
      judge.flagged
        ? tx(
            'td',
            {
              zh: `⚠ 超过阈值 ${threshold} 分：请关注，分数照常计入`,
              en: `⚠ Above the threshold of ${threshold}: look into it; the scores still count`,
            },
            { 'data-testid': 'bias-flag' },
          )
        : tx('td', { zh: '未超过阈值', en: 'Within the threshold' }),
    ),
  );
  return h(
    'div',
    { 'data-testid': 'affiliation-bias' },
    tx('h3', {
      zh: '评委倾向性（对本社区项目是否偏高）',
      en: 'Affiliation bias (does a judge favour their own community?)',
    }),
    tx(
      'p',
      threshold === null
        ? {
            zh: '规则未设提示阈值：只列出数值，不提示任何评委。',
            en: 'The rules set no threshold: figures only, nobody flagged.',
          }
        : {
            zh: `对本社区项目比对其他项目平均多给超过 ${threshold} 分的评委会被提示；提示只供办公室核查，不剔除评委的分数。共提示 ${bias.flaggedCount} 位。`,
            en: `Judges giving their own community more than ${threshold} points above the others are flagged for the office to check; their scores are never excluded. ${bias.flaggedCount} flagged.`,
          },
      { class: 'hint', 'data-testid': 'bias-summary' },
    ),
    dataTable(
      [
        { zh: '评委', en: 'Judge' },
        { zh: '所属社区', en: 'Community' },
        { zh: '本社区 / 其他项目数', en: 'Own / other projects', num: true },
        { zh: '倾向性（分）', en: 'Bias (points)', num: true },
        { zh: '提示', en: 'Flag' },
      ],
      rows,
      { empty: { zh: '没有登记所属社区的评委。', en: 'No judge has a community on record.' } },
    ),
    h(
      'p',
      { class: 'hint' },
      tx('span', {
        zh: `全体评委合计：倾向性 ${signed(bias.pooled.bias)} 分（本社区 ${bias.pooled.sameCount} 份，其他 ${bias.pooled.otherCount} 份）`,
        en: `All judges pooled: bias ${signed(bias.pooled.bias)} points (${bias.pooled.sameCount} own, ${bias.pooled.otherCount} other)`,
      }),
    ),
  );
}

/** ICC, Kendall's W, the affiliation bias and the notes, with the chart, from GET /runs/:id/statistics. */
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
    agreement.affiliationBias ? affiliationBiasView(agreement.affiliationBias, judgeNames) : null,
    (agreement.notes ?? []).map((note) => tx('p', note, { class: 'hint' })),
  );
}
