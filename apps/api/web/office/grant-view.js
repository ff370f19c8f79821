// One grant as the office runs it: the two signatures on each tranche, the conditions it decides,
// payment notices, suspension, termination with its refund, completion, and the grantee's reports
// and budget changes.
import { evaluationsCard } from '../shared/evaluation-results.js';
import { formatYuan, h } from '../shared/dom.js';
import { field, input, messageBox, select, showApiError } from '../shared/forms.js';
import { reasonAction } from './reason-action.js';
import { monthlyChecksCard } from './monthly-checks-card.js';
import { terminationCard } from './termination-card.js';
import {
  budgetCard,
  grantBadge,
  grantSummary,
  noticeButton,
  refundsList,
  reportScheduleTable,
  trancheTable,
} from '../shared/grant-ledger.js';
import { tx } from '../shared/i18n.js';
import { beijingToday } from '../shared/time.js';
import { approveButton, payForm } from './grants-tab.js';
import { breadcrumb } from '../shared/app-shell.js';
import { backToCompetitions } from './competitions-view.js';
import { card } from '../shared/card.js';

const OFFICE_DECIDED = ['evaluation-passed', 'milestone-accepted'];

function trancheActions(ctx, grant, tranche, box, root, refresh) {
  const controls = [];
  if (tranche.state === 'eligible') controls.push(approveButton(ctx, tranche, box, root, refresh));
  if (tranche.state === 'approved') controls.push(payForm(ctx, tranche, refresh));
  if (tranche.state === 'planned' && OFFICE_DECIDED.includes(tranche.condition.kind)) {
    controls.push(
      h(
        'details',
        {},
        tx('summary', { zh: '确认条件已满足', en: 'Record that the condition holds' }),
        reasonAction(ctx, {
          label: { zh: '确认', en: 'Record' },
          placeholder: { zh: '如：中期评估得分 82 分，评估合格', en: 'e.g. passed the mid-term evaluation with 82' },
          path: `/tranches/${tranche.id}/condition`,
          done: refresh,
        }),
      ),
    );
  }
  if (['planned', 'eligible', 'approved'].includes(tranche.state) && ['active', 'suspended'].includes(grant.state)) {
    controls.push(
      h(
        'details',
        {},
        tx('summary', { zh: '停止拨付', en: 'Withhold' }),
        reasonAction(ctx, {
          label: { zh: '停止本期拨付', en: 'Withhold this tranche' },
          placeholder: { zh: '如：中期评估不合格', en: 'e.g. failed the mid-term evaluation' },
          path: `/tranches/${tranche.id}/withhold`,
          done: refresh,
          danger: true,
        }),
      ),
    );
  }
  if (tranche.state === 'approved' || tranche.state === 'paid') {
    controls.push(noticeButton(ctx, tranche, (error) => showApiError(root, box, error)));
  }
  return controls;
}

function refundReturnForm(ctx, refund, refresh) {
  if (refund.state !== 'open') return null;
  const voucher = input({ maxlength: 40 });
  const returnedOn = input({ type: 'date', value: beijingToday() });
  const box = messageBox();
  const form = h(
    'form',
    { novalidate: true },
    field({ zh: '收款凭证号', en: 'Receipt' }, voucher, { path: 'voucherNumber' }),
    field({ zh: '退回日期', en: 'Returned on' }, returnedOn, { path: 'returnedOn' }),
    tx('button', { zh: '登记已退回', en: 'Record as returned' }, { type: 'submit' }),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await ctx.api(`/refunds/${refund.id}/return`, {
        method: 'POST',
        body: { voucherNumber: voucher.value, returnedOn: returnedOn.value },
      });
      refresh();
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return form;
}

function budgetChanges(ctx, changes, refresh) {
  const pending = changes.items.filter((c) => c.state === 'pending');
  if (pending.length === 0) return null;
  return h(
    'div',
    {},
    pending.map((change) =>
      h(
        'div',
        { class: 'message-box warn', 'data-testid': 'budget-change' },
        tx('p', { zh: `预算调整申请：${change.reason}`, en: `Budget change requested: ${change.reason}` }),
        h(
          'ul',
          {},
          change.lines.map((line, i) =>
            h(
              'li',
              {},
              `${line.item}: ${formatYuan(change.currentLines[i]?.grantFen ?? 0)} → ${formatYuan(line.grantFen)}`,
            ),
          ),
        ),
        reasonAction(ctx, {
          label: { zh: '批准', en: 'Approve' },
          placeholder: { zh: '选填', en: 'optional' },
          path: `/budget-changes/${change.id}/approve`,
          body: (reason) => (reason.trim() ? { reason } : {}),
          done: refresh,
        }),
        reasonAction(ctx, {
          label: { zh: '不予批准', en: 'Refuse' },
          placeholder: { zh: '申请单位会看到理由', en: 'the grantee reads it' },
          path: `/budget-changes/${change.id}/refuse`,
          done: refresh,
          danger: true,
        }),
      ),
    ),
  );
}

function grantActions(ctx, grant, refresh) {
  const open = grant.state === 'active' || grant.state === 'suspended';
  if (!open) return null;
  const basis = select(
    [
      ['unspent', { zh: '退回已拨付但未经报告支出的资金', en: 'Return what was paid but not spent' }],
      ['breach', { zh: '违约：退回全部已拨付资金', en: 'Breach: return everything paid' }],
    ],
    { value: 'unspent' },
  );
  return card(
    { title: { zh: '资助状态', en: 'Grant state' }, headingId: 'grant-actions-heading' },
    grant.state === 'active'
      ? reasonAction(ctx, {
          label: { zh: '暂停拨付', en: 'Suspend payments' },
          placeholder: { zh: '如：账目不清，待整改', en: 'e.g. accounts unclear, pending correction' },
          path: `/grants/${grant.id}/suspend`,
          done: refresh,
        })
      : reasonAction(ctx, {
          label: { zh: '恢复拨付', en: 'Resume payments' },
          placeholder: { zh: '如：整改完毕', en: 'e.g. corrected' },
          path: `/grants/${grant.id}/resume`,
          done: refresh,
        }),
    reasonAction(ctx, {
      label: { zh: '结项', en: 'Complete' },
      placeholder: { zh: '如：结项评估完成', en: 'e.g. final evaluation done' },
      path: `/grants/${grant.id}/complete`,
      body: (reason) => (reason.trim() ? { reason } : {}),
      done: refresh,
    }),
    h(
      'details',
      {},
      tx('summary', { zh: '终止资助', en: 'Terminate the grant' }),
      field({ zh: '退款依据', en: 'Refund basis' }, basis, { path: 'basis' }),
      reasonAction(ctx, {
        label: { zh: '终止并开立退款', en: 'Terminate and open the refund' },
        placeholder: { zh: '如：项目负责人离职，项目无法继续', en: 'e.g. the project can no longer go on' },
        path: `/grants/${grant.id}/terminate`,
        body: (reason) => ({ reason, basis: basis.value }),
        done: refresh,
        danger: true,
      }),
    ),
  );
}

export async function officeGrantView(ctx, id) {
  const [grant, changes, proposals, checks, evaluations] = await Promise.all([
    ctx.api(`/grants/${id}`),
    ctx.api(`/budget-changes?grantId=${id}&pageSize=100`),
    ctx.api(`/termination-proposals?grantId=${id}&pageSize=100`),
    ctx.api(`/grants/${id}/monthly-checks`),
    ctx.api(`/grants/${id}/evaluations`),
  ]);
  const refresh = () => ctx.go(`#/grants/${id}`);
  const box = messageBox();
  const schedule = card({ title: { zh: '拨付计划', en: 'Tranches' }, headingId: 'schedule-heading' });
  schedule.append(
    trancheTable(grant, (tranche) => trancheActions(ctx, grant, tranche, box, schedule, refresh)),
    box,
  );
  return h(
    'div',
    {},
    // A direct purchase has no competition: its ledger is on the office's 点单需求 pages.
    grant.competitionId
      ? breadcrumb(
          { zh: '← 大赛的资助管理', en: '← The competition’s grants' },
          `#/competitions/${grant.competitionId}/grants`,
        )
      : backToCompetitions(),
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, `${grant.agreementNumber} ${grant.projectTitle}`),
      grantBadge(grant.state),
    ),
    h(
      'section',
      { class: 'card' },
      h('p', {}, grant.granteeName),
      grantSummary(grant),
      grant.stateReason ? h('p', { class: 'muted' }, grant.stateReason) : null,
      refundsList(grant.refunds, (refund) => refundReturnForm(ctx, refund, refresh)),
    ),
    schedule,
    monthlyChecksCard(ctx, grant, checks, refresh),
    evaluationsCard(evaluations),
    terminationCard(ctx, grant, proposals.items, refresh),
    grantActions(ctx, grant, refresh),
    budgetCard(grant.budget, budgetChanges(ctx, changes, refresh)),
    card(
      { title: { zh: '报告', en: 'Reports' }, headingId: 'reports-heading' },
      reportScheduleTable(grant.reportSchedule, (row) =>
        row.reportId ? tx('a', { zh: '查看', en: 'Open' }, { href: `#/reports/${row.reportId}` }) : null,
      ),
    ),
  );
}
