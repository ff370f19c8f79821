// 我的资助: the grantee's side of the ledger — the tranches and what each waits for, the bank account
// payments go to, the reports it owes (drafts saved, attachments, the office's comments), budget
// changes and refunds due.
import { fill, formatYuan, h } from '../shared/dom.js';
import { field, input, messageBox, sendOnSubmit, sendThen, showApiError, showMessage } from '../shared/forms.js';
import {
  budgetCard,
  grantBadge,
  grantSummary,
  noticeButton,
  refundsList,
  reportLabel,
  reportScheduleTable,
  trancheBadge,
  trancheName,
  trancheTable,
} from '../shared/grant-ledger.js';
import { fenToYuanText, parseYuan } from '../shared/money.js';
import { checkWarning, checksTable } from '../shared/monthly-checks.js';
import { evaluationsCard } from '../shared/evaluation-results.js';
import { attachmentList, reportBody, reportPage, reviewLog } from '../shared/report-parts.js';
import { BUDGET_CHANGE_STATE_LABELS } from '/vocabulary.js';
import { labelOf, tx } from '../shared/i18n.js';
import { beijingToday } from '../shared/time.js';
import { SCAN_MAX_BYTES, SCAN_TYPES } from './outcome.js';
import { backToMyProjects } from './back-home.js';
import { card } from '../shared/card.js';

const EDITABLE = ['draft', 'returned'];

/** The home page's card: every grant of the organization with what comes next. */
export async function myGrantsCard(ctx) {
  const { items } = await ctx.api('/grants?pageSize=100');
  if (items.length === 0) return null;
  return card(
    { title: { zh: '我的资助', en: 'Our grants' }, headingId: 'grants-heading' },
    items.map((grant) =>
      h(
        'div',
        { class: 'list-item', 'data-testid': 'my-grant' },
        h(
          'div',
          { class: 'title' },
          h('a', { href: `#/grants/${grant.id}` }, `${grant.agreementNumber} ${grant.projectTitle}`),
          h(
            'div',
            { class: 'muted' },
            tx('span', {
              zh: `资助 ${formatYuan(grant.amountFen)} · 已拨付 ${formatYuan(grant.paidFen)}`,
              en: `grant ${formatYuan(grant.amountFen)} · paid ${formatYuan(grant.paidFen)}`,
            }),
          ),
        ),
        grant.refundDueFen > 0
          ? tx(
              'span',
              { zh: `应退款 ${formatYuan(grant.refundDueFen)}`, en: `Refund due ${formatYuan(grant.refundDueFen)}` },
              { class: 'badge bad' },
            )
          : null,
        grantBadge(grant.state),
      ),
    ),
  );
}

function payeeForm(ctx, grant, refresh) {
  const current = grant.payee ?? { accountName: grant.granteeName, bankName: '', accountNumber: '' };
  const accountName = input({ maxlength: 100, value: current.accountName, autocomplete: 'off' });
  const bankName = input({ maxlength: 100, value: current.bankName, autocomplete: 'off' });
  const accountNumber = input({ maxlength: 40, value: current.accountNumber, autocomplete: 'off' });
  const box = messageBox();
  const form = h(
    'form',
    { novalidate: true, 'data-testid': 'payee-form' },
    field({ zh: '户名', en: 'Account name' }, accountName, { path: 'accountName' }),
    field({ zh: '开户行', en: 'Bank' }, bankName, { path: 'bankName' }),
    field({ zh: '账号', en: 'Account number' }, accountNumber, { path: 'accountNumber' }),
    tx('button', { zh: '保存收款账户', en: 'Save the bank account' }, { type: 'submit' }),
    box,
  );
  sendOnSubmit(
    form,
    box,
    () =>
      ctx.api(`/grants/${grant.id}/payee`, {
        method: 'PUT',
        body: { accountName: accountName.value, bankName: bankName.value, accountNumber: accountNumber.value },
      }),
    refresh,
  );
  return h(
    'details',
    { open: grant.payee ? undefined : true },
    tx('summary', { zh: '收款账户（拨付须先填写）', en: 'Bank account (needed before any payment)' }),
    form,
  );
}

/** Moving money between budget lines: the grant and matching totals stay, the office decides. */
function budgetChangeForm(ctx, grant, refresh) {
  const rows = grant.budget.lines.map((line) => ({
    line,
    grant: input({
      inputmode: 'decimal',
      value: fenToYuanText(line.grantFen),
      'aria-label': `${line.item} 资助资金（元）`,
    }),
    matching: input({
      inputmode: 'decimal',
      value: fenToYuanText(line.matchingFen),
      'aria-label': `${line.item} 配套资金（元）`,
    }),
  }));
  const reason = h('textarea', { rows: 2, maxlength: 500 });
  const box = messageBox();
  const form = h(
    'form',
    { novalidate: true, 'data-testid': 'budget-change-form' },
    rows.map(({ line, grant: g, matching }, i) =>
      h(
        'div',
        { class: 'line-row' },
        h('span', {}, line.item),
        field({ zh: '资助资金（元）', en: 'Grant (yuan)' }, g, { path: `lines.${i}.grantFen` }),
        field({ zh: '配套资金（元）', en: 'Matching (yuan)' }, matching, { path: `lines.${i}.matchingFen` }),
      ),
    ),
    field({ zh: '调整理由', en: 'Reason' }, reason, { path: 'reason' }),
    tx('button', { zh: '提交预算调整申请', en: 'Request the budget change' }, { type: 'submit' }),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const lines = [];
    for (const { line, grant: g, matching } of rows) {
      const grantFen = parseYuan(g.value);
      const matchingFen = parseYuan(matching.value);
      const error = grantFen.error ?? matchingFen.error;
      if (error) {
        showMessage(box, { zh: `${line.item}：${error.zh}`, en: `${line.item}: ${error.en}` });
        return;
      }
      lines.push({ item: line.item, kind: line.kind, grantFen: grantFen.fen, matchingFen: matchingFen.fen });
    }
    await sendThen(
      form,
      box,
      () => ctx.api(`/grants/${grant.id}/budget-changes`, { method: 'POST', body: { lines, reason: reason.value } }),
      refresh,
    );
  });
  return h('details', {}, tx('summary', { zh: '申请预算调整', en: 'Request a budget change' }), form);
}

function budgetChangeHistory(changes) {
  if (changes.items.length === 0) return null;
  return h(
    'ul',
    { 'data-testid': 'budget-changes' },
    changes.items.map((change) =>
      h(
        'li',
        {},
        tx('span', labelOf(BUDGET_CHANGE_STATE_LABELS, change.state), { class: 'badge' }),
        ` ${change.createdAt.slice(0, 10)} ${change.reason}`,
        change.decisionReason ? h('div', { class: 'muted' }, change.decisionReason) : null,
      ),
    ),
  );
}

function reportAction(ctx, grant, row, box, root) {
  if (row.reportId) {
    const label = EDITABLE.includes(row.state) ? { zh: '继续填写', en: 'Continue' } : { zh: '查看', en: 'Open' };
    return tx('a', label, { href: `#/reports/${row.reportId}` });
  }
  if (row.opensOn > beijingToday() || grant.state !== 'active') return null;
  return tx(
    'button',
    { zh: '开始填写', en: 'Start' },
    {
      type: 'button',
      onclick: async () => {
        try {
          const report = await ctx.api(`/grants/${grant.id}/reports`, {
            method: 'POST',
            body: { kind: row.kind, ...(row.kind === 'monthly' ? { period: row.period } : {}) },
          });
          ctx.go(`#/reports/${report.id}`);
        } catch (error) {
          showApiError(root, box, error);
        }
      },
    },
  );
}

export async function granteeGrantView(ctx, id) {
  const [grant, changes, checks, evaluations] = await Promise.all([
    ctx.api(`/grants/${id}`),
    ctx.api(`/budget-changes?grantId=${id}&pageSize=100`),
    ctx.api(`/grants/${id}/monthly-checks`),
    ctx.api(`/grants/${id}/evaluations`),
  ]);
  const refresh = () => ctx.go(`#/grants/${id}`);
  const next = grant.tranches.find((t) => ['planned', 'eligible', 'approved'].includes(t.state));
  const scheduleBox = messageBox();
  const schedule = card({ title: { zh: '拨付计划', en: 'Tranches' }, headingId: 'schedule-heading' });
  schedule.append(
    trancheTable(grant, (tranche) =>
      tranche.state === 'paid'
        ? noticeButton(ctx, tranche, (error) => showApiError(schedule, scheduleBox, error))
        : null,
    ),
    scheduleBox,
  );
  // On a phone a year of monthly reports is a long list: what is open or started, and the next one.
  const today = beijingToday();
  const started = grant.reportSchedule.filter((row) => row.reportId || row.opensOn <= today);
  const upcoming = grant.reportSchedule.find((row) => !row.reportId && row.opensOn > today);
  const owed = upcoming ? [...started, upcoming] : started;
  const later = grant.reportSchedule.length - owed.length;
  const reportsBox = messageBox();
  const reports = h('section', { class: 'card', 'aria-labelledby': 'reports-heading' });
  fill(
    reports,
    tx('h2', { zh: '报告', en: 'Reports' }, { id: 'reports-heading' }),
    reportScheduleTable(owed, (row) => reportAction(ctx, grant, row, reportsBox, reports)),
    later > 0
      ? tx(
          'p',
          { zh: `其后还有 ${later} 份报告，到期前开放填写。`, en: `${later} later reports open as their time comes.` },
          { class: 'muted' },
        )
      : null,
    reportsBox,
  );
  return h(
    'div',
    {},
    backToMyProjects(),
    h('div', { class: 'page-head' }, h('h1', {}, grant.projectTitle), grantBadge(grant.state)),
    h(
      'section',
      { class: 'card' },
      grantSummary(grant),
      grant.stateReason ? h('p', { class: 'muted' }, grant.stateReason) : null,
      next
        ? h(
            'p',
            { 'data-testid': 'next-tranche' },
            tx('span', {
              zh: `下一期：${trancheName(next).zh} ${formatYuan(next.amountFen)}，${next.conditionText.zh}`,
              en: `Next: ${trancheName(next).en} ${formatYuan(next.amountFen)}, ${next.conditionText.en}`,
            }),
            ' ',
            trancheBadge(next.state),
          )
        : null,
      refundsList(grant.refunds),
      grant.state === 'active' || grant.state === 'suspended' ? payeeForm(ctx, grant, refresh) : null,
    ),
    schedule,
    checks.months.length > 0
      ? card(
          { title: { zh: '月度考核', en: 'Monthly checks' }, headingId: 'checks-heading' },
          checkWarning(checks),
          checksTable(checks),
        )
      : null,
    evaluationsCard(evaluations),
    reports,
    budgetCard(
      grant.budget,
      budgetChangeHistory(changes),
      grant.state === 'active' && !changes.items.some((c) => c.state === 'pending')
        ? budgetChangeForm(ctx, grant, refresh)
        : null,
    ),
  );
}

function activityRow(activity = { date: '', place: '', participants: '', description: '' }) {
  const date = input({ type: 'date', value: activity.date });
  const place = input({ maxlength: 100, value: activity.place });
  const participants = input({ inputmode: 'numeric', value: String(activity.participants) });
  const description = input({ maxlength: 200, value: activity.description });
  const row = h(
    'div',
    { class: 'line-row', 'data-testid': 'activity-row' },
    field({ zh: '日期', en: 'Date' }, date),
    field({ zh: '地点', en: 'Place' }, place),
    field({ zh: '参与人数', en: 'Participants' }, participants),
    field({ zh: '内容', en: 'What' }, description),
    tx('button', { zh: '删除', en: 'Remove' }, { type: 'button', onclick: () => row.remove() }),
  );
  row.value = () => ({
    date: date.value,
    place: place.value,
    participants: /^\d+$/.test(participants.value.trim()) ? Number(participants.value.trim()) : participants.value,
    description: description.value,
  });
  return row;
}

function reportEditor(ctx, report, refresh) {
  const narrative = h('textarea', { rows: 6, maxlength: 5000 }, report.narrative);
  const activities = h(
    'div',
    {},
    report.activities.map((a) => activityRow(a)),
  );
  const spending = report.spending.map((line) => ({
    line,
    grant: input({
      inputmode: 'decimal',
      value: fenToYuanText(line.grantFen),
      'aria-label': `${line.item} 资助资金支出（元）`,
    }),
    matching: input({
      inputmode: 'decimal',
      value: fenToYuanText(line.matchingFen),
      'aria-label': `${line.item} 配套资金支出（元）`,
    }),
  }));
  const file = h('input', { type: 'file', accept: SCAN_TYPES });
  const box = messageBox();
  const body = () => {
    const lines = [];
    for (const { line, grant, matching } of spending) {
      const grantFen = parseYuan(grant.value);
      const matchingFen = parseYuan(matching.value);
      const error = grantFen.error ?? matchingFen.error;
      if (error) return { error: { zh: `${line.item}：${error.zh}`, en: `${line.item}: ${error.en}` } };
      lines.push({ grantFen: grantFen.fen, matchingFen: matchingFen.fen });
    }
    return {
      narrative: narrative.value,
      activities: [...activities.children].map((row) => row.value()),
      spending: lines,
      expectedVersion: report.version,
    };
  };
  const save = async () => {
    const changes = body();
    if (changes.error) {
      showMessage(box, changes.error);
      return false;
    }
    try {
      await ctx.api(`/reports/${report.id}`, { method: 'PATCH', body: changes });
      return true;
    } catch (error) {
      showApiError(form, box, error);
      return false;
    }
  };
  const upload = async () => {
    const chosen = file.files?.[0];
    if (!chosen) {
      showMessage(box, { zh: '请先选择文件', en: 'Choose a file first' });
      return;
    }
    if (chosen.size > SCAN_MAX_BYTES) {
      showMessage(box, {
        zh: `${chosen.name} 超过 10 MB，请压缩后再上传`,
        en: `${chosen.name} is larger than 10 MB; shrink it first`,
      });
      return;
    }
    if (!(await save())) return;
    const data = new FormData();
    data.append('file', chosen, chosen.name);
    await sendThen(
      form,
      box,
      () => ctx.api(`/reports/${report.id}/attachments`, { method: 'POST', form: data }),
      refresh,
      {
        mapPath: () => 'file',
      },
    );
  };
  const remove = (attachment) =>
    tx(
      'button',
      { zh: '删除', en: 'Remove' },
      {
        type: 'button',
        class: 'link-button',
        onclick: () =>
          void sendThen(form, box, () => ctx.api(`/attachments/${attachment.id}`, { method: 'DELETE' }), refresh),
      },
    );
  const form = h(
    'form',
    { novalidate: true, 'data-testid': 'report-form' },
    field({ zh: '项目进展', en: 'Progress' }, narrative, { path: 'narrative' }),
    tx('h3', { zh: '活动', en: 'Activities' }),
    activities,
    tx(
      'button',
      { zh: '添加活动', en: 'Add an activity' },
      { type: 'button', onclick: () => activities.append(activityRow()) },
    ),
    tx('h3', { zh: '本期支出（元）', en: 'Spending since the last report (yuan)' }),
    spending.map(({ line, grant, matching }, i) =>
      h(
        'div',
        { class: 'line-row' },
        h('span', {}, line.item),
        field({ zh: '资助资金', en: 'From the grant' }, grant, { path: `spending.${i}.grantFen` }),
        field({ zh: '配套资金', en: 'From matching funds' }, matching, { path: `spending.${i}.matchingFen` }),
      ),
    ),
    tx('h3', { zh: '附件', en: 'Attachments' }),
    attachmentList(ctx, report, (error) => showApiError(form, box, error), remove),
    field({ zh: '照片、签到表或票据', en: 'Photos, sign-in sheets or receipts' }, file, {
      path: 'file',
      hint: { zh: 'PDF、JPEG 或 PNG，不超过 10 MB', en: 'PDF, JPEG or PNG, at most 10 MB' },
    }),
    tx('button', { zh: '上传附件', en: 'Upload' }, { type: 'button', onclick: upload }),
    h(
      'div',
      { class: 'actions' },
      tx(
        'button',
        { zh: '保存草稿', en: 'Save the draft' },
        {
          type: 'button',
          onclick: async () => {
            if (await save()) refresh();
          },
        },
      ),
      tx('button', { zh: '提交报告', en: 'Submit the report' }, { type: 'submit', class: 'primary' }),
    ),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!(await save())) return;
    await sendThen(form, box, () => ctx.api(`/reports/${report.id}/submit`, { method: 'POST' }), refresh);
  });
  return form;
}

export function granteeReportView(ctx, id) {
  return reportPage(ctx, id, {
    back: { zh: '← 我的资助', en: '← Our grant' },
    heading: (report) => [
      h('h1', {}, tx('span', reportLabel(report))),
      h('p', {}, `${report.agreementNumber} ${report.projectTitle}`),
    ],
    parts: (report, { refresh, onError }) => [
      reviewLog(report),
      EDITABLE.includes(report.state) ? reportEditor(ctx, report, refresh) : reportBody(ctx, report, onError),
    ],
  });
}
