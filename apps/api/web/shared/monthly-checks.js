// 月度考核 as both sides read it: each month's score against the line, the marks, the evidence, and
// the warning the organization gets after the first and second month below.
import { h } from './dom.js';
import { tx } from './i18n.js';
import { dataTable } from './table.js';

/** The warning (or the exit proposed) when the latest months are below the line; null otherwise. */
export function checkWarning(series) {
  if (!series.exit || series.monthsBelow.length === 0) return null;
  const { below, consecutive } = series.exit;
  const n = series.monthsBelow.length;
  const pair = series.exitProposed
    ? {
        zh: `已连续 ${n} 个月考核低于 ${below} 分，已提出退出建议，由街道决定。`,
        en: `${n} months in a row below ${below}: exit has been proposed; the office decides.`,
      }
    : {
        zh: `已连续 ${n} 个月考核低于 ${below} 分（${series.monthsBelow.join('、')}），连续 ${consecutive} 个月将被建议退出。`,
        en: `${n} month(s) in a row below ${below} (${series.monthsBelow.join(', ')}); ${consecutive} in a row propose exit.`,
      };
  return tx('p', pair, { class: 'message-box warn', role: 'status', 'data-testid': 'check-warning' });
}

/** Each month checked, oldest first, its marks item by item. */
export function checksTable(series) {
  const names = new Map(series.checklist.map((item) => [item.key, item]));
  return dataTable(
    [
      { zh: '月份', en: 'Month' },
      { zh: '得分', en: 'Score', num: true },
      { zh: '逐项', en: 'Marks' },
      { zh: '考核依据', en: 'Evidence' },
    ],
    series.months.map((check) =>
      h(
        'tr',
        { 'data-testid': 'check-row', 'data-month': check.month },
        h('td', { class: 'mono' }, check.month),
        h(
          'td',
          { class: 'num' },
          tx(
            'span',
            { zh: `${check.score} 分`, en: `${check.score}` },
            { class: check.below ? 'badge bad' : 'badge ok' },
          ),
          check.revision > 1
            ? tx(
                'div',
                { zh: `第 ${check.revision} 版（已更正）`, en: `revision ${check.revision} (corrected)` },
                {
                  class: 'muted',
                },
              )
            : null,
        ),
        h(
          'td',
          {},
          check.items.map((mark) => {
            const item = names.get(mark.key);
            return tx(
              'div',
              {
                zh: `${item?.labelZh ?? mark.key} ${mark.points}/${item?.points ?? ''}`,
                en: `${item?.labelEn ?? mark.key} ${mark.points}/${item?.points ?? ''}`,
              },
              { class: 'muted' },
            );
          }),
        ),
        h('td', {}, check.note),
      ),
    ),
    { attributes: { 'data-testid': 'monthly-checks' } },
  );
}
