// Submissions of the competition with filters, and 资格审查: pass, or reject with a reason the
// applicant will read.
import { fill, formatYuan, h } from '../shared/dom.js';
import { field, messageBox, select, showApiError } from '../shared/forms.js';
import { SCREENING_STATUS_LABELS, SUBMISSION_STATE_LABELS } from '/vocabulary.js';
import { beijingTime } from '../shared/time.js';
import { dataTable } from '../shared/table.js';
import { labelOf, tx } from '../shared/i18n.js';
import { historyBrief } from './organization-view.js';
import { card } from '../shared/card.js';

const ANY = { zh: '全部', en: 'All' };

function screeningBadge(submission) {
  if (submission.state !== 'submitted') return null;
  const kind = submission.screening === 'passed' ? 'ok' : submission.screening === 'rejected' ? 'bad' : 'warn';
  return tx('span', labelOf(SCREENING_STATUS_LABELS, submission.screening), {
    class: `badge ${kind}`,
    'data-testid': 'screening-status',
  });
}

function screeningForm(ctx, submission, competition, onDone) {
  const reason = h('textarea', { rows: 2, maxlength: 500 });
  const box = messageBox();
  const decide = (decision) => async (event) => {
    const button = event.currentTarget;
    button.disabled = true;
    try {
      const body = { decision, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) };
      await ctx.api(`/submissions/${submission.id}/screening`, { method: 'POST', body });
      onDone();
    } catch (error) {
      showApiError(form, box, error);
      button.disabled = false;
    }
  };
  const form = h(
    'div',
    { class: 'screening-form' },
    field(
      { zh: '审查意见（不通过时必填，申报单位可见）', en: 'Reason (required to reject; the applicant sees it)' },
      reason,
      {
        path: 'reason',
      },
    ),
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '通过', en: 'Pass' }, { type: 'button', class: 'primary', onclick: decide('passed') }),
      tx('button', { zh: '不通过', en: 'Reject' }, { type: 'button', class: 'danger', onclick: decide('rejected') }),
    ),
    box,
  );
  if (competition.state !== 'screening') {
    form.prepend(
      tx(
        'p',
        {
          zh: '大赛进入「资格审查」阶段后才能审查。',
          en: 'Screening is possible once the competition is in screening.',
        },
        {
          class: 'hint',
        },
      ),
    );
  }
  return form;
}

export async function submissionsTab(ctx, competition) {
  const filters = { state: '', screening: '', category: '' };
  const stateFilter = select([['', ANY], ...Object.entries(SUBMISSION_STATE_LABELS)], { value: '' });
  const screeningFilter = select([['', ANY], ...Object.entries(SCREENING_STATUS_LABELS)], { value: '' });
  const categoryFilter = select(
    [['', ANY], ...competition.rules.categories.map((c) => [c.key, { zh: c.labelZh, en: c.labelEn }])],
    { value: '' },
  );
  const results = h('div', { 'aria-live': 'polite' });
  const organizations = new Map();
  const categories = new Map(competition.rules.categories.map((c) => [c.key, { zh: c.labelZh, en: c.labelEn }]));

  const load = async () => {
    const query = new URLSearchParams({ pageSize: '100' });
    for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
    const page = await ctx.api(`/competitions/${competition.id}/submissions?${query}`);
    const missing = [...new Set(page.items.map((s) => s.organizationId))].filter((id) => !organizations.has(id));
    await Promise.all(
      missing.map(async (id) => organizations.set(id, await ctx.api(`/organizations/${id}/history`).catch(() => null))),
    );
    fill(
      results,
      tx(
        'p',
        { zh: `共 ${page.total} 个项目`, en: `${page.total} project(s)` },
        { class: 'muted', 'data-testid': 'submission-count' },
      ),
      dataTable(
        [
          { zh: '项目', en: 'Project' },
          { zh: '类别', en: 'Category' },
          { zh: '申请资助', en: 'Requested', num: true },
          { zh: '状态', en: 'State' },
          { zh: '资格审查', en: 'Screening' },
        ],
        page.items.map((submission) => {
          const history = organizations.get(submission.organizationId);
          const organization = history?.organization;
          const screeningCell = h(
            'td',
            {},
            screeningBadge(submission),
            submission.screeningReason ? h('p', { class: 'breakdown' }, submission.screeningReason) : null,
          );
          if (submission.state === 'submitted') {
            screeningCell.append(
              h(
                'details',
                {},
                tx(
                  'summary',
                  submission.screening === 'pending'
                    ? { zh: '审查', en: 'Screen' }
                    : { zh: '更正审查结果', en: 'Correct' },
                ),
                screeningForm(ctx, submission, competition, () => void load()),
              ),
            );
          }
          return h(
            'tr',
            { 'data-testid': 'submission-row' },
            h(
              'td',
              {},
              h('strong', {}, submission.title),
              h('div', { class: 'muted' }, organization ? `${organization.name} · ${organization.community}` : ''),
              history ? historyBrief(history) : null,
              submission.submittedAt
                ? tx(
                    'div',
                    {
                      zh: `提交于 ${beijingTime(submission.submittedAt)}`,
                      en: `submitted ${beijingTime(submission.submittedAt)}`,
                    },
                    {
                      class: 'muted',
                    },
                  )
                : null,
            ),
            tx('td', categories.get(submission.category) ?? { zh: submission.category, en: submission.category }),
            h('td', { class: 'num' }, formatYuan(submission.requestedFen)),
            h('td', {}, tx('span', labelOf(SUBMISSION_STATE_LABELS, submission.state), { class: 'badge' })),
            screeningCell,
          );
        }),
        { empty: { zh: '没有符合条件的项目。', en: 'No project matches.' } },
      ),
    );
  };

  for (const [control, key] of [
    [stateFilter, 'state'],
    [screeningFilter, 'screening'],
    [categoryFilter, 'category'],
  ]) {
    control.addEventListener('change', () => {
      filters[key] = control.value;
      void load();
    });
  }
  await load();
  return card(
    { title: { zh: '申报项目', en: 'Submissions' }, headingId: 'submissions-heading' },
    h(
      'div',
      { class: 'form-grid', role: 'search' },
      field({ zh: '申报状态', en: 'State' }, stateFilter, { path: 'state' }),
      field({ zh: '资格审查', en: 'Screening' }, screeningFilter, { path: 'screening' }),
      field({ zh: '项目类别', en: 'Category' }, categoryFilter, { path: 'category' }),
    ),
    results,
  );
}
