// 组织档案: what the office knows about an organization before it takes another project — the
// competitions it entered and their results, its grants with what was paid and the monthly checks,
// the sanctions a breach brought — with a CSV export.
import { formatYuan, h } from '../shared/dom.js';
import { downloadFile } from '../shared/download.js';
import { messageBox, showApiError } from '../shared/forms.js';
import { labelOf, tx } from '../shared/i18n.js';
import { dataTable } from '../shared/table.js';
import { latestEvaluationText } from '../shared/evaluation-results.js';
import { beijingTime } from '../shared/time.js';
import { ORGANIZATION_KIND_LABELS, PROJECT_OUTCOME_LABELS, TERMINATION_CAUSE_LABELS } from '/vocabulary.js';
import { backToCompetitions } from './competitions-view.js';
import { card } from '../shared/card.js';

const OUTCOME_KIND = { 'in-progress': 'warn', finished: 'ok', terminated: 'bad', exited: 'bad' };

const pairOf = (value) => ({ zh: value.labelZh, en: value.labelEn });

/** The history in one line, for the screening view beside each submission; links to the whole page. */
export function historyBrief(history) {
  const { summary } = history;
  return h(
    'div',
    { class: 'muted', 'data-testid': 'organization-brief' },
    tx('span', {
      zh: `参赛 ${summary.competitionsEntered} 次 · 获资助 ${summary.grants} 项 · 终止 ${summary.grantsTerminated} 项`,
      en: `${summary.competitionsEntered} competition(s) · ${summary.grants} grant(s) · ${summary.grantsTerminated} terminated`,
    }),
    ' ',
    summary.activeSanctions > 0
      ? tx('span', { zh: '限制申报中', en: 'Sanctioned' }, { class: 'badge bad', 'data-testid': 'sanctioned' })
      : null,
    ' ',
    tx('a', { zh: '组织档案', en: 'History' }, { href: `#/organizations/${history.organization.id}` }),
  );
}

function submissionsTable(submissions) {
  if (submissions.length === 0) {
    return tx('p', { zh: '尚未提交过项目。', en: 'No project submitted yet.' }, { class: 'muted' });
  }
  return dataTable(
    [
      { zh: '大赛', en: 'Competition' },
      { zh: '项目', en: 'Project' },
      { zh: '资格审查', en: 'Screening' },
      { zh: '名次', en: 'Rank', num: true },
      { zh: '得分', en: 'Score', num: true },
      { zh: '结果', en: 'Result' },
      { zh: '资助金额', en: 'Grant', num: true },
    ],
    submissions.map((s) =>
      h(
        'tr',
        { 'data-testid': 'history-submission' },
        h(
          'td',
          {},
          h('a', { href: `#/competitions/${s.competitionId}` }, s.competitionTitle),
          h('div', {}, tx('span', pairOf(s.competitionState), { class: 'badge' })),
        ),
        h(
          'td',
          {},
          h('strong', {}, s.title),
          h(
            'div',
            { class: 'muted' },
            tx('span', pairOf(s.state)),
            s.submittedAt ? ` · ${beijingTime(s.submittedAt)}` : '',
          ),
        ),
        tx('td', pairOf(s.screening)),
        h('td', { class: 'num' }, s.result ? String(s.result.displayRank) : '—'),
        h('td', { class: 'num' }, s.result?.score ?? '—'),
        s.result ? tx('td', pairOf(s.result.status)) : h('td', {}, '—'),
        h('td', { class: 'num' }, s.result ? formatYuan(s.result.grantFen) : '—'),
      ),
    ),
  );
}

/** Each month's score, those below the exit line marked, and how many in a row end the series. */
function monthlyScores(grant) {
  if (grant.monthlyChecks.length === 0) return tx('span', { zh: '—', en: '—' }, { class: 'muted' });
  return h(
    'div',
    { 'data-testid': 'history-monthly' },
    grant.monthlyChecks.map((m) =>
      h('span', { class: m.below ? 'badge bad' : 'badge', 'data-below': String(m.below) }, `${m.month} ${m.score}`),
    ),
    grant.monthsBelowInRow > 0
      ? tx(
          'p',
          {
            zh: `连续 ${grant.monthsBelowInRow} 个月低于考核线`,
            en: `${grant.monthsBelowInRow} month(s) in a row below the line`,
          },
          { class: 'breakdown' },
        )
      : null,
  );
}

function grantsTable(grants) {
  if (grants.length === 0) {
    return tx('p', { zh: '尚无资助。', en: 'No grant yet.' }, { class: 'muted' });
  }
  return dataTable(
    [
      { zh: '协议', en: 'Agreement' },
      { zh: '项目', en: 'Project' },
      { zh: '资助金额', en: 'Grant', num: true },
      { zh: '已拨付', en: 'Paid', num: true },
      { zh: '待退款', en: 'Refund due', num: true },
      { zh: '月度考核', en: 'Monthly checks' },
      { zh: '评估', en: 'Evaluation' },
      { zh: '状态', en: 'State' },
    ],
    grants.map((g) =>
      h(
        'tr',
        { 'data-testid': 'history-grant', 'data-outcome': g.outcome.code },
        h('td', {}, h('a', { href: `#/grants/${g.grantId}`, class: 'mono' }, g.agreementNumber)),
        h('td', {}, h('strong', {}, g.projectTitle), h('div', { class: 'muted' }, g.competitionTitle)),
        h('td', { class: 'num' }, formatYuan(g.progress.amountFen)),
        h('td', { class: 'num' }, `${formatYuan(g.progress.paidFen)}（${g.progress.paidPercent}%）`),
        h('td', { class: 'num' }, formatYuan(g.refundDueFen)),
        h('td', {}, monthlyScores(g)),
        tx('td', latestEvaluationText(g.evaluation), { 'data-testid': 'history-evaluation' }),
        h(
          'td',
          {},
          tx('span', labelOf(PROJECT_OUTCOME_LABELS, g.outcome.code), {
            class: `badge ${OUTCOME_KIND[g.outcome.code] ?? ''}`,
          }),
          g.stateReason ? h('p', { class: 'breakdown' }, g.stateReason) : null,
        ),
      ),
    ),
  );
}

function sanctionsTable(sanctions) {
  if (sanctions.length === 0) {
    return tx('p', { zh: '没有限制申报记录。', en: 'No sanction on record.' }, { class: 'muted' });
  }
  return dataTable(
    [
      { zh: '协议', en: 'Agreement' },
      { zh: '原因', en: 'Cause' },
      { zh: '限制期', en: 'Barred' },
      { zh: '状态', en: 'State' },
    ],
    sanctions.map((sanction) =>
      h(
        'tr',
        { 'data-testid': 'history-sanction' },
        h('td', {}, h('a', { href: `#/grants/${sanction.grantId}`, class: 'mono' }, sanction.agreementNumber)),
        h(
          'td',
          {},
          tx('strong', labelOf(TERMINATION_CAUSE_LABELS, sanction.cause)),
          h('p', { class: 'breakdown' }, sanction.reason),
        ),
        h('td', { class: 'mono' }, `${sanction.startsOn} — ${sanction.endsOn}`),
        h(
          'td',
          {},
          sanction.active
            ? tx('span', { zh: '生效中', en: 'Active' }, { class: 'badge bad' })
            : tx('span', { zh: '已到期', en: 'Ended' }, { class: 'badge' }),
        ),
      ),
    ),
  );
}

export async function organizationView(ctx, id) {
  const history = await ctx.api(`/organizations/${id}/history`);
  const { organization, summary } = history;
  const box = messageBox();
  const exportButton = tx('button', { zh: '导出 CSV', en: 'Export CSV' }, { type: 'button', id: 'history-export' });
  exportButton.addEventListener('click', async () => {
    try {
      await downloadFile(`/organizations/${id}/history.csv`, {
        token: ctx.token(),
        fallbackName: `organization-${id}.csv`,
      });
    } catch (error) {
      showApiError(page, box, error);
    }
  });
  const page = h(
    'div',
    {},
    backToCompetitions(),
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, organization.name),
      tx('span', labelOf(ORGANIZATION_KIND_LABELS, organization.kind), { class: 'badge' }),
      exportButton,
    ),
    box,
    card(
      { title: { zh: '概况', en: 'In brief' }, headingId: 'profile-heading' },
      h(
        'dl',
        { class: 'summary-list', 'data-testid': 'history-summary' },
        tx('dt', { zh: '服务社区', en: 'Community' }),
        h('dd', {}, `${organization.community} · ${organization.district}`),
        tx('dt', { zh: '参加大赛', en: 'Competitions entered' }),
        h('dd', {}, String(summary.competitionsEntered)),
        tx('dt', { zh: '获资助项目', en: 'Grants' }),
        h('dd', {}, String(summary.grants)),
        tx('dt', { zh: '资助总额 / 已拨付', en: 'Granted / paid' }),
        h('dd', {}, `${formatYuan(summary.grantedFen)} / ${formatYuan(summary.paidFen)}`),
        tx('dt', { zh: '终止或退出', en: 'Terminated or exited' }),
        h('dd', {}, String(summary.grantsTerminated)),
        tx('dt', { zh: '生效中的限制申报', en: 'Active sanctions' }),
        h('dd', {}, String(summary.activeSanctions)),
      ),
    ),
    card(
      { title: { zh: '申报与结果', en: 'Submissions and results' }, headingId: 'entered-heading' },
      submissionsTable(history.submissions),
    ),
    card({ title: { zh: '资助', en: 'Grants' }, headingId: 'grants-heading' }, grantsTable(history.grants)),
    card(
      { title: { zh: '限制申报', en: 'Sanctions' }, headingId: 'sanctions-heading' },
      sanctionsTable(history.sanctions),
    ),
  );
  return page;
}
