// 资助管理: signed agreements to accept, the ledger of every grant, the payment queue (approve, then
// pay with the voucher by another account), reports to review and budget changes to decide.
import { fill, formatYuan, h } from '../shared/dom.js';
import { downloadFile } from '../shared/download.js';
import { field, input, messageBox, sendThen, showApiError, showMessage } from '../shared/forms.js';
import { grantBadge, reportLabel, lateness, trancheBadge, trancheName } from '../shared/grant-ledger.js';
import { dataTable } from '../shared/table.js';
import { beijingToday } from '../shared/time.js';
import { biLabel, tx } from '../shared/i18n.js';
import { proposalsQueue } from './termination-card.js';
import { card } from '../shared/card.js';

/** The payment of an approved tranche: voucher and date, recorded by an account other than the approver's. */
export function payForm(ctx, tranche, onDone) {
  const voucher = input({ maxlength: 40, autocomplete: 'off' });
  const paidOn = input({ type: 'date', value: beijingToday() });
  const box = messageBox();
  const form = h(
    'form',
    { novalidate: true, class: 'pay-form', 'data-testid': 'pay-form' },
    field({ zh: '凭证号', en: 'Voucher' }, voucher, { path: 'voucherNumber' }),
    field({ zh: '付款日期', en: 'Paid on' }, paidOn, { path: 'paidOn' }),
    tx('button', { zh: '登记付款', en: 'Record the payment' }, { type: 'submit', class: 'primary' }),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await ctx.api(`/tranches/${tranche.id}/pay`, {
        method: 'POST',
        body: { voucherNumber: voucher.value, paidOn: paidOn.value },
      });
      onDone();
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return form;
}

export function approveButton(ctx, tranche, box, root, onDone) {
  return tx(
    'button',
    { zh: '审批拨付', en: 'Approve' },
    {
      type: 'button',
      class: 'primary',
      ...biLabel({ zh: `审批拨付：${trancheName(tranche).zh}`, en: `Approve ${trancheName(tranche).en}` }),
      onclick: async (event) => {
        const button = event.currentTarget;
        button.disabled = true;
        try {
          await ctx.api(`/tranches/${tranche.id}/approve`, { method: 'POST' });
          onDone();
        } catch (error) {
          showApiError(root, box, error);
          button.disabled = false;
        }
      },
    },
  );
}

async function acceptanceCard(ctx, competition, grants, refresh) {
  const agreements = await ctx.api(`/competitions/${competition.id}/agreements`);
  const accepted = new Set(grants.map((g) => g.agreementId));
  const waiting = agreements.items.filter((a) => a.locale === 'zh' && a.status === 'signed' && !accepted.has(a.id));
  const box = messageBox();
  const section = card(
    { title: { zh: '待确认签约', en: 'Signed agreements to accept' }, headingId: 'acceptance-heading' },
    waiting.length === 0
      ? tx('p', { zh: '没有待确认的签字协议书。', en: 'No signed agreement is waiting.' }, { class: 'muted' })
      : h(
          'div',
          {},
          waiting.map((agreement) =>
            h(
              'div',
              { class: 'list-item', 'data-testid': 'agreement-to-accept' },
              h('span', { class: 'mono' }, agreement.number),
              h('span', {}, agreement.projectTitle),
              h('span', { class: 'num' }, formatYuan(agreement.grantFen)),
              tx(
                'button',
                { zh: '签字扫描件', en: 'Signed scan' },
                {
                  type: 'button',
                  onclick: () =>
                    downloadFile(`/agreements/${agreement.id}/signed-scan`, {
                      token: ctx.token(),
                      fallbackName: `${agreement.number}-signed`,
                    }).catch((error) => showApiError(section, box, error)),
                },
              ),
              tx(
                'button',
                { zh: '确认签约，建立资助', en: 'Accept and start the grant' },
                {
                  type: 'button',
                  class: 'primary',
                  onclick: () =>
                    void sendThen(
                      section,
                      box,
                      () => ctx.api(`/agreements/${agreement.id}/grant`, { method: 'POST' }),
                      refresh,
                    ),
                },
              ),
            ),
          ),
        ),
    box,
  );
  return section;
}

/** The ledger of some grants with their finance export: a competition's, or the office's direct purchases. */
export function ledgerCard(
  ctx,
  grants,
  {
    csvPath,
    heading = { zh: '资助台账', en: 'The grants ledger' },
    empty = { zh: '确认签约后出现在这里。', en: 'Grants appear here once agreements are accepted.' },
  },
) {
  const box = messageBox();
  const section = card(
    { title: heading, headingId: 'ledger-heading' },
    h(
      'div',
      { class: 'actions' },
      tx(
        'button',
        { zh: '导出拨付台账（CSV）', en: 'Export payments (CSV)' },
        {
          type: 'button',
          onclick: async () => {
            try {
              const file = await downloadFile(csvPath, {
                token: ctx.token(),
                fallbackName: 'payments.csv',
              });
              showMessage(box, { zh: `已下载 ${file.name}`, en: `Downloaded ${file.name}` }, 'ok');
            } catch (error) {
              showApiError(section, box, error);
            }
          },
        },
      ),
    ),
    dataTable(
      [
        { zh: '协议编号', en: 'Agreement' },
        { zh: '社区', en: 'Community' },
        { zh: '资助金额', en: 'Grant', num: true },
        { zh: '已拨付', en: 'Paid', num: true },
        { zh: '下一期及条件', en: 'Next tranche and condition' },
        { zh: '状态', en: 'State' },
      ],
      grants.map((grant) =>
        h(
          'tr',
          { 'data-testid': 'ledger-row' },
          h('td', {}, h('a', { href: `#/grants/${grant.id}`, class: 'mono' }, grant.agreementNumber)),
          h('td', {}, grant.community),
          h('td', { class: 'num' }, formatYuan(grant.amountFen)),
          h('td', { class: 'num', 'data-testid': 'ledger-paid' }, formatYuan(grant.paidFen)),
          h(
            'td',
            {},
            grant.nextTranche
              ? h(
                  'span',
                  {},
                  tx('span', trancheName(grant.nextTranche)),
                  ' ',
                  formatYuan(grant.nextTranche.amountFen),
                  ' · ',
                  tx('span', grant.nextTranche.conditionText),
                  ' ',
                  trancheBadge(grant.nextTranche.state),
                )
              : '—',
          ),
          h('td', {}, grantBadge(grant.state)),
        ),
      ),
      { empty },
    ),
    box,
  );
  return section;
}

async function queueCard(ctx, competition, refresh) {
  const [eligible, approved] = await Promise.all([
    ctx.api(`/tranches?state=eligible&competitionId=${competition.id}&pageSize=100`),
    ctx.api(`/tranches?state=approved&competitionId=${competition.id}&pageSize=100`),
  ]);
  const box = messageBox();
  const section = h('section', { class: 'card', 'aria-labelledby': 'queue-heading' });
  const row = (tranche, control) =>
    h(
      'tr',
      { 'data-testid': 'queue-row', 'data-state': tranche.state },
      h('td', { class: 'mono' }, tranche.agreementNumber),
      h('td', {}, tranche.projectTitle),
      tx('td', trancheName(tranche)),
      tx('td', tranche.conditionText),
      h('td', { class: 'num' }, formatYuan(tranche.amountFen)),
      h('td', {}, control),
    );
  const headings = [
    { zh: '协议编号', en: 'Agreement' },
    { zh: '项目', en: 'Project' },
    { zh: '期次', en: 'Tranche' },
    { zh: '条件', en: 'Condition' },
    { zh: '金额', en: 'Amount', num: true },
    { zh: '操作', en: 'Action' },
  ];
  fill(
    section,
    tx('h2', { zh: '待拨付队列', en: 'Payment queue' }, { id: 'queue-heading' }),
    tx(
      'p',
      {
        zh: '审批与付款须由两名不同的工作人员完成：一人审批，另一人登记凭证号。',
        en: 'Two people sign each payment: one approves, another records the voucher.',
      },
      { class: 'hint' },
    ),
    tx('h3', { zh: '待审批', en: 'To approve' }),
    dataTable(
      headings,
      eligible.items.map((t) => row(t, approveButton(ctx, t, box, section, refresh))),
      { empty: { zh: '没有待审批的拨付。', en: 'Nothing to approve.' } },
    ),
    tx('h3', { zh: '待付款', en: 'To pay' }),
    dataTable(
      headings,
      approved.items.map((t) => row(t, payForm(ctx, t, refresh))),
      { empty: { zh: '没有待付款的拨付。', en: 'Nothing to pay.' } },
    ),
    box,
  );
  return section;
}

async function reviewCard(ctx, competition) {
  const [reports, changes] = await Promise.all([
    ctx.api(`/reports?state=submitted&competitionId=${competition.id}&pageSize=100`),
    ctx.api(`/budget-changes?state=pending&competitionId=${competition.id}&pageSize=100`),
  ]);
  return card(
    { title: { zh: '待审核', en: 'To review' }, headingId: 'review-heading' },
    tx('h3', { zh: '报告', en: 'Reports' }),
    reports.items.length === 0
      ? tx('p', { zh: '没有待审核的报告。', en: 'No report waits for review.' }, { class: 'muted' })
      : h(
          'div',
          {},
          reports.items.map((report) =>
            h(
              'div',
              { class: 'list-item', 'data-testid': 'report-to-review' },
              h('a', { href: `#/reports/${report.id}`, class: 'mono' }, report.agreementNumber),
              tx('span', reportLabel(report)),
              h('span', {}, report.projectTitle),
              lateness(report.daysLate),
            ),
          ),
        ),
    tx('h3', { zh: '预算调整申请', en: 'Budget changes' }),
    changes.items.length === 0
      ? tx('p', { zh: '没有待审批的预算调整。', en: 'No budget change waits.' }, { class: 'muted' })
      : h(
          'div',
          {},
          changes.items.map((change) =>
            h(
              'div',
              { class: 'list-item', 'data-testid': 'budget-change-to-decide' },
              h('a', { href: `#/grants/${change.grantId}`, class: 'mono' }, change.agreementNumber),
              h('span', {}, change.reason),
            ),
          ),
        ),
  );
}

export async function grantsTab(ctx, competition, refresh) {
  const { items: grants } = await ctx.api(`/grants?competitionId=${competition.id}&pageSize=100`);
  return h(
    'div',
    {},
    await acceptanceCard(ctx, competition, grants, refresh),
    ledgerCard(ctx, grants, { csvPath: `/competitions/${competition.id}/payments.csv` }),
    await queueCard(ctx, competition, refresh),
    await reviewCard(ctx, competition),
    await proposalsQueue(ctx, competition),
  );
}
