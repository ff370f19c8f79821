// One project as its organization sees it: status, the screening decision and its reason, the
// budget, and later the result, the agreement and the right to object during the notice period.
import { formatYuan, h } from '../shared/dom.js';
import { messageBox, showApiError } from '../shared/forms.js';
import { beijingTime } from '../shared/time.js';
import { dataTable } from '../shared/table.js';
import { tx } from '../shared/i18n.js';
import { statusBadges } from './home-view.js';
import { outcomeSection } from './outcome.js';
import { backToMyProjects } from './back-home.js';
import { card } from '../shared/card.js';

export async function submissionView(ctx, id) {
  const submission = await ctx.api(`/submissions/${id}`);
  const competition = await ctx.api(`/competitions/${submission.competitionId}`);
  const category = competition.rules.categories.find((c) => c.key === submission.category);
  const open = competition.state === 'open' && Date.parse(competition.submissionDeadline) > Date.now();
  const box = messageBox();

  const actions = h('div', { class: 'actions' });
  if (submission.state === 'draft') {
    actions.append(
      tx(
        'a',
        { zh: '继续编辑并提交', en: 'Continue editing and submit' },
        {
          class: 'button primary',
          href: `#/submissions/${submission.id}/edit`,
        },
      ),
    );
  }
  if (submission.state !== 'withdrawn' && open) {
    actions.append(
      tx(
        'button',
        { zh: '撤回申报', en: 'Withdraw' },
        {
          type: 'button',
          class: 'danger',
          onclick: async (event) => {
            const button = event.currentTarget;
            button.disabled = true;
            try {
              await ctx.api(`/submissions/${submission.id}/withdraw`, { method: 'POST' });
              ctx.go(`#/submissions/${submission.id}`);
            } catch (error) {
              showApiError(page, box, error);
              button.disabled = false;
            }
          },
        },
      ),
    );
  }

  let screening = null;
  if (submission.state === 'submitted') {
    const reason = submission.screeningReason;
    screening = card(
      { title: { zh: '资格审查', en: 'Screening' }, headingId: 'screening-heading', 'data-testid': 'screening' },
      submission.screening === 'pending'
        ? tx('p', { zh: '等待街道办审查。', en: 'Waiting for the office to screen it.' })
        : tx(
            'p',
            submission.screening === 'passed'
              ? { zh: '已通过资格审查。', en: 'Passed screening.' }
              : { zh: '未通过资格审查。', en: 'Did not pass screening.' },
            { class: submission.screening === 'passed' ? 'ok' : 'error' },
          ),
      reason ? h('p', {}, tx('strong', { zh: '理由：', en: 'Reason: ' }), h('span', {}, reason)) : null,
    );
  }

  const page = h(
    'div',
    {},
    backToMyProjects(),
    h('h1', { class: 'project-title', 'data-testid': 'project-title' }, submission.title),
    h('p', { class: 'muted' }, competition.title),
    card(
      { title: { zh: '状态', en: 'Status' }, headingId: 'status-heading' },
      statusBadges(submission),
      h(
        'dl',
        { class: 'summary-list' },
        tx('dt', { zh: '项目类别', en: 'Category' }),
        tx(
          'dd',
          category
            ? { zh: category.labelZh, en: category.labelEn }
            : { zh: submission.category, en: submission.category },
        ),
        tx('dt', { zh: '申请资助', en: 'Requested' }),
        h('dd', { 'data-testid': 'requested' }, formatYuan(submission.requestedFen)),
        tx('dt', { zh: '配套资金', en: 'Matching funds' }),
        h('dd', {}, formatYuan(submission.matchingFen)),
        tx('dt', { zh: '提交时间', en: 'Submitted' }),
        tx(
          'dd',
          submission.submittedAt
            ? { zh: beijingTime(submission.submittedAt), en: beijingTime(submission.submittedAt) }
            : { zh: '尚未提交', en: 'not yet' },
        ),
      ),
      box,
      actions,
    ),
    screening,
    await outcomeSection(ctx, submission, competition),
    card(
      { title: { zh: '预算明细', en: 'Budget lines' }, headingId: 'budget-heading' },
      dataTable(
        [
          { zh: '名称', en: 'Item' },
          { zh: '类别', en: 'Kind' },
          { zh: '金额', en: 'Amount', num: true },
        ],
        submission.budgetLines.map((line) =>
          h(
            'tr',
            {},
            h('td', {}, line.item),
            h('td', {}, line.kind),
            h('td', { class: 'num' }, formatYuan(line.amountFen)),
          ),
        ),
        {
          foot: h(
            'tfoot',
            {},
            h(
              'tr',
              {},
              tx('th', { zh: '合计', en: 'Total' }, { scope: 'row', colspan: '2' }),
              h('td', { class: 'num' }, formatYuan(submission.budgetTotalFen)),
            ),
          ),
        },
      ),
    ),
  );
  return page;
}
