// How a grant reads on both sides (the office console and 我的资助): its tranches with their
// conditions, its budget with what accepted reports spent, the reports it owes, its refunds.
import { formatYuan, h } from './dom.js';
import { downloadFile } from './download.js';
import { dataTable } from './table.js';
import { biLabel, labelOf, tx } from './i18n.js';
import {
  GRANT_STATE_LABELS,
  REFUND_STATE_LABELS,
  REPORT_KIND_LABELS,
  REPORT_STATE_LABELS,
  TRANCHE_STATE_LABELS,
} from '/vocabulary.js';
import { card } from './card.js';

const STATE_CLASS = { paid: 'ok', eligible: 'warn', approved: 'warn', withheld: 'bad', cancelled: 'bad' };

export function trancheBadge(state) {
  return tx('span', labelOf(TRANCHE_STATE_LABELS, state), {
    class: `badge ${STATE_CLASS[state] ?? ''}`,
    'data-testid': 'tranche-state',
  });
}

export function grantBadge(state) {
  const kind = state === 'active' ? 'ok' : state === 'completed' ? '' : 'bad';
  return tx('span', labelOf(GRANT_STATE_LABELS, state), { class: `badge ${kind}`, 'data-testid': 'grant-state' });
}

/** 第 2 期 · 中期评估合格后 */
export function trancheName(tranche) {
  return { zh: `第 ${tranche.sequence} 期`, en: `Tranche ${tranche.sequence}` };
}

/** The payment notice (拨付通知) of an approved or paid tranche, for the grantee's bank and the files. */
export function noticeButton(ctx, tranche, onError) {
  return tx(
    'button',
    { zh: '拨付通知', en: 'Payment notice' },
    {
      type: 'button',
      ...biLabel({
        zh: `下载${trancheName(tranche).zh}拨付通知`,
        en: `Download the notice of ${trancheName(tranche).en}`,
      }),
      onclick: () =>
        downloadFile(`/tranches/${tranche.id}/notice.pdf`, {
          token: ctx.token(),
          fallbackName: `notice-${tranche.sequence}.pdf`,
        }).catch(onError),
    },
  );
}

/** The schedule: `actions(tranche)` gives the controls of a row (the office's signatures, a notice). */
export function trancheTable(grant, actions = () => null) {
  return dataTable(
    [
      { zh: '期次', en: 'Tranche' },
      { zh: '拨付条件', en: 'Condition' },
      { zh: '比例', en: 'Share', num: true },
      { zh: '金额', en: 'Amount', num: true },
      { zh: '状态', en: 'State' },
      { zh: '凭证 / 日期', en: 'Voucher / date' },
      { zh: '操作', en: 'Actions' },
    ],
    grant.tranches.map((tranche) =>
      h(
        'tr',
        { 'data-testid': 'tranche-row', 'data-sequence': tranche.sequence },
        tx('td', trancheName(tranche)),
        tx('td', tranche.conditionText),
        h('td', { class: 'num' }, `${tranche.percent}%`),
        h('td', { class: 'num' }, formatYuan(tranche.amountFen), h('div', { class: 'muted' }, tranche.amountCapital)),
        h(
          'td',
          {},
          trancheBadge(tranche.state),
          tranche.closedReason ? h('div', { class: 'muted' }, tranche.closedReason) : null,
        ),
        h('td', { class: 'mono' }, tranche.voucherNumber ? `${tranche.voucherNumber} · ${tranche.paidOn}` : '—'),
        h('td', {}, actions(tranche)),
      ),
    ),
    { attributes: { 'data-testid': 'tranches' } },
  );
}

/** The approved budget: each line's grant and matching funds beside what accepted reports spent. */
export function budgetTable(budget) {
  return dataTable(
    [
      { zh: '支出科目', en: 'Budget line' },
      { zh: '类别', en: 'Kind' },
      { zh: '资助资金', en: 'Grant', num: true },
      { zh: '配套资金', en: 'Matching', num: true },
      { zh: '已支出（资助）', en: 'Spent (grant)', num: true },
      { zh: '已支出（配套）', en: 'Spent (matching)', num: true },
    ],
    budget.lines.map((line) =>
      h(
        'tr',
        {},
        h('td', {}, line.item),
        h('td', {}, line.kind),
        h('td', { class: 'num' }, formatYuan(line.grantFen)),
        h('td', { class: 'num' }, formatYuan(line.matchingFen)),
        h('td', { class: 'num' }, formatYuan(line.spentGrantFen)),
        h('td', { class: 'num' }, formatYuan(line.spentMatchingFen)),
      ),
    ),
    { attributes: { 'data-testid': 'budget' } },
  );
}

/** Every approved version of the budget, newest first: what the auditors compare the actuals with and when it changed. */
export function budgetHistory(budget) {
  if (budget.history.length < 2) return null;
  return h(
    'details',
    { 'data-testid': 'budget-history' },
    tx('summary', { zh: `预算历次版本（${budget.history.length}）`, en: `Budget versions (${budget.history.length})` }),
    h(
      'ol',
      { reversed: true },
      [...budget.history].reverse().map((version) =>
        h(
          'li',
          {},
          tx('span', {
            zh: `第 ${version.version} 版（${version.createdAt.slice(0, 10)}）：${version.reason}`,
            en: `Version ${version.version} (${version.createdAt.slice(0, 10)}): ${version.reason}`,
          }),
          h(
            'div',
            { class: 'muted' },
            version.lines
              .map((line) => `${line.item} ${formatYuan(line.grantFen)} + ${formatYuan(line.matchingFen)}`)
              .join('；'),
          ),
        ),
      ),
    ),
  );
}

/** The budget's card: the approved version, its history, and what each side adds (requests, decisions). */
export function budgetCard(budget, ...extra) {
  return card(
    {
      title: { zh: `预算（第 ${budget.version} 版）`, en: `Budget (version ${budget.version})` },
      headingId: 'budget-heading',
    },
    budgetTable(budget),
    budgetHistory(budget),
    extra,
  );
}

export function reportLabel(report) {
  const kind = labelOf(REPORT_KIND_LABELS, report.kind);
  return report.period ? { zh: `${report.period} ${kind.zh}`, en: `${kind.en} ${report.period}` } : kind;
}

export function lateness(daysLate) {
  return daysLate > 0
    ? tx('span', { zh: `逾期 ${daysLate} 天`, en: `${daysLate} days late` }, { class: 'badge bad' })
    : tx('span', { zh: '按时', en: 'On time' }, { class: 'muted' });
}

/** Every report the rules call for; `action(row)` opens or starts one. */
export function reportScheduleTable(schedule, action) {
  return dataTable(
    [
      { zh: '报告', en: 'Report' },
      { zh: '可填写自', en: 'Opens' },
      { zh: '截止', en: 'Due' },
      { zh: '状态', en: 'State' },
      { zh: '逾期', en: 'Lateness' },
      { zh: '操作', en: 'Actions' },
    ],
    schedule.map((row) =>
      h(
        'tr',
        { 'data-testid': 'report-due', 'data-kind': row.kind, 'data-period': row.period },
        tx('td', reportLabel(row)),
        h('td', { class: 'mono' }, row.opensOn),
        h('td', { class: 'mono' }, row.dueOn),
        h(
          'td',
          {},
          row.state
            ? tx('span', labelOf(REPORT_STATE_LABELS, row.state), { class: 'badge' })
            : tx('span', { zh: '未开始', en: 'Not started' }, { class: 'muted' }),
        ),
        h('td', {}, lateness(row.daysLate)),
        h('td', {}, action(row)),
      ),
    ),
    { attributes: { 'data-testid': 'report-schedule' } },
  );
}

export function refundsList(refunds, action = () => null) {
  if (refunds.length === 0) return null;
  return h(
    'div',
    { 'data-testid': 'refunds' },
    refunds.map((refund) =>
      h(
        'div',
        { class: `message-box ${refund.state === 'open' ? 'warn' : 'ok'}` },
        tx('p', {
          zh: `退款 ${formatYuan(refund.amountFen)}，${refund.dueOn} 前退回${refund.overdue ? '（已逾期）' : ''}`,
          en: `Refund of ${formatYuan(refund.amountFen)}, due by ${refund.dueOn}${refund.overdue ? ' (overdue)' : ''}`,
        }),
        tx('span', labelOf(REFUND_STATE_LABELS, refund.state), { class: 'badge', 'data-testid': 'refund-state' }),
        refund.returnedOn ? h('p', { class: 'mono' }, `${refund.voucherNumber} · ${refund.returnedOn}`) : null,
        action(refund),
      ),
    ),
  );
}

/** Money and period at a glance. */
export function grantSummary(grant) {
  return h(
    'dl',
    { class: 'summary-list' },
    tx('dt', { zh: '协议编号', en: 'Agreement' }),
    h('dd', { class: 'mono' }, grant.agreementNumber),
    tx('dt', { zh: '资助金额', en: 'Grant' }),
    h('dd', { 'data-testid': 'grant-amount' }, formatYuan(grant.amountFen)),
    tx('dt', { zh: '已拨付', en: 'Paid' }),
    h('dd', { 'data-testid': 'grant-paid' }, formatYuan(grant.paidFen)),
    tx('dt', { zh: '配套资金', en: 'Matching funds' }),
    h('dd', {}, formatYuan(grant.matchingFen)),
    tx('dt', { zh: '执行期限', en: 'Project period' }),
    h('dd', { class: 'mono' }, `${grant.periodStart} — ${grant.periodEnd}`),
    tx('dt', { zh: '收款账户', en: 'Bank account' }),
    grant.payee
      ? h('dd', {}, `${grant.payee.accountName} · ${grant.payee.bankName} · ${grant.payee.accountNumber}`)
      : tx('dd', { zh: '尚未填写', en: 'Not entered yet' }, { class: 'muted' }),
  );
}
