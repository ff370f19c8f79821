// 月度考核 on the office's grant page: the series, and a month's check item by item with its
// evidence. Checking a month again corrects it (a new revision, audited).
import { h } from '../shared/dom.js';
import { field, input, messageBox, select, showApiError } from '../shared/forms.js';
import { tx } from '../shared/i18n.js';
import { checkWarning, checksTable } from '../shared/monthly-checks.js';
import { beijingToday } from '../shared/time.js';
import { card } from '../shared/card.js';

/** The months of the project period that have begun, latest first. */
function checkableMonths(grant) {
  const months = [];
  const last = beijingToday().slice(0, 7);
  for (let month = grant.periodStart.slice(0, 7); month <= grant.periodEnd.slice(0, 7) && month <= last;) {
    months.unshift(month);
    const [y, m] = month.split('-').map(Number);
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return months;
}

function checkForm(ctx, grant, series, refresh) {
  const months = checkableMonths(grant);
  const unchecked = months.find((m) => !series.months.some((c) => c.month === m));
  const month = select(
    months.map((m) => [m, { zh: m, en: m }]),
    { value: unchecked ?? months[0] },
  );
  const marks = series.checklist.map((item) =>
    input({ type: 'number', min: 0, max: item.points, step: 0.5, inputmode: 'decimal', value: item.points }),
  );
  const note = h('textarea', { rows: 3, maxlength: 1000, placeholder: '如：现场查看服务站，值班记录齐全' });
  const box = messageBox();
  const form = h(
    'form',
    { novalidate: true, 'data-testid': 'check-form' },
    field({ zh: '考核月份', en: 'Month' }, month, { path: 'month' }),
    h(
      'div',
      { class: 'form-grid' },
      series.checklist.map((item, i) =>
        field({ zh: `${item.labelZh}（${item.points} 分）`, en: `${item.labelEn} (${item.points})` }, marks[i], {
          path: `items.${i}.points`,
        }),
      ),
    ),
    field({ zh: '考核依据', en: 'Evidence' }, note, { path: 'note' }),
    tx('button', { zh: '登记考核', en: 'Record the check' }, { type: 'submit', class: 'primary' }),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const existing = series.months.find((c) => c.month === month.value);
    try {
      await ctx.api(`/grants/${grant.id}/monthly-checks`, {
        method: 'POST',
        body: {
          month: month.value,
          items: series.checklist.map((item, i) => ({ key: item.key, points: Number(marks[i].value) })),
          note: note.value,
          ...(existing ? { expectedRevision: existing.revision } : {}),
        },
      });
      refresh();
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return form;
}

export function monthlyChecksCard(ctx, grant, series, refresh) {
  if (series.checklist.length === 0) return null;
  const running = grant.state === 'active' || grant.state === 'suspended';
  return card(
    {
      title: { zh: '月度考核', en: 'Monthly checks' },
      hint: {
        zh: `满分 10 分；连续 ${series.exit.consecutive} 个月低于 ${series.exit.below} 分将自动提出退出建议。`,
        en: `Out of 10; ${series.exit.consecutive} months in a row below ${series.exit.below} propose exit.`,
      },
      headingId: 'checks-heading',
    },
    checkWarning(series),
    series.months.length > 0 ? checksTable(series) : null,
    running ? checkForm(ctx, grant, series, refresh) : null,
  );
}
