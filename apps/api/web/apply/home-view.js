// The applicant's start page: their organization, their grants, their projects with status, and the
// competitions open for submissions.
import { formatYuan, h } from '../shared/dom.js';
import {
  COMPETITION_STATE_LABELS,
  ORGANIZATION_KIND_LABELS,
  SCREENING_STATUS_LABELS,
  SUBMISSION_STATE_LABELS,
} from '/vocabulary.js';
import { beijingTime } from '../shared/time.js';
import { labelOf, tx } from '../shared/i18n.js';
import { myGrantsCard } from './grants-view.js';
import { mySanctionsCard } from './sanctions-card.js';
import { card } from '../shared/card.js';

export function statusBadges(submission) {
  const screening =
    submission.state === 'submitted'
      ? tx('span', labelOf(SCREENING_STATUS_LABELS, submission.screening), {
          class: `badge ${submission.screening === 'passed' ? 'ok' : submission.screening === 'rejected' ? 'bad' : ''}`,
        })
      : null;
  return h(
    'span',
    { class: 'actions' },
    tx('span', labelOf(SUBMISSION_STATE_LABELS, submission.state), {
      class: `badge ${submission.state === 'submitted' ? 'ok' : submission.state === 'withdrawn' ? 'bad' : 'warn'}`,
      'data-testid': 'submission-state',
    }),
    screening,
  );
}

export async function homeView(ctx) {
  const [organization, mine, competitions, grants, sanctions] = await Promise.all([
    ctx.api('/organizations/me'),
    ctx.api('/submissions?pageSize=100'),
    ctx.api('/competitions?pageSize=100'),
    myGrantsCard(ctx),
    mySanctionsCard(ctx),
  ]);
  const titles = new Map(competitions.items.map((c) => [c.id, c.title]));
  const now = Date.now();
  const open = competitions.items.filter((c) => c.state === 'open' && Date.parse(c.submissionDeadline) > now);

  return h(
    'div',
    {},
    tx('h1', { zh: '我的申报', en: 'My projects' }),
    tx('a', { zh: '点单：需求与服务订单 →', en: 'Needs and service orders →' }, { href: '#/needs', class: 'button' }),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'org-heading' },
      h('h2', { id: 'org-heading' }, organization.name),
      h(
        'dl',
        { class: 'summary-list' },
        tx('dt', { zh: '类型', en: 'Kind' }),
        tx('dd', labelOf(ORGANIZATION_KIND_LABELS, organization.kind)),
        tx('dt', { zh: '服务社区', en: 'Community' }),
        h('dd', {}, organization.community),
        tx('dt', { zh: '所在街道/区', en: 'District' }),
        h('dd', {}, organization.district),
        tx('dt', { zh: '联系人', en: 'Contact' }),
        h('dd', {}, `${organization.contactName} · ${organization.contactPhone}`),
      ),
    ),
    sanctions,
    grants,
    card(
      { title: { zh: '我的项目', en: 'Our projects' }, headingId: 'mine-heading' },
      mine.items.length === 0
        ? tx('p', { zh: '还没有申报项目。', en: 'No projects yet.' }, { class: 'muted' })
        : h(
            'div',
            {},
            mine.items.map((submission) =>
              h(
                'div',
                { class: 'list-item', 'data-testid': 'my-submission' },
                h(
                  'div',
                  { class: 'title' },
                  h('a', { href: `#/submissions/${submission.id}` }, submission.title),
                  h('div', { class: 'muted' }, titles.get(submission.competitionId) ?? ''),
                ),
                statusBadges(submission),
              ),
            ),
          ),
    ),
    card(
      { title: { zh: '正在征集的大赛', en: 'Competitions open for submissions' }, headingId: 'open-heading' },
      open.length === 0
        ? tx('p', { zh: '目前没有正在征集的大赛。', en: 'No competition is open right now.' }, { class: 'muted' })
        : h(
            'div',
            {},
            open.map((competition) =>
              h(
                'div',
                { class: 'list-item', 'data-testid': 'open-competition' },
                h(
                  'div',
                  { class: 'title' },
                  h('span', {}, competition.title),
                  h(
                    'div',
                    { class: 'muted' },
                    tx('span', {
                      zh: `截止 ${beijingTime(competition.submissionDeadline)}（北京时间） · 单项上限 ${formatYuan(competition.rules.maxRequestFen)}`,
                      en: `deadline ${beijingTime(competition.submissionDeadline)} (Beijing) · cap ${formatYuan(competition.rules.maxRequestFen)} per project`,
                    }),
                  ),
                  tx('span', labelOf(COMPETITION_STATE_LABELS, competition.state), { class: 'badge ok' }),
                ),
                tx(
                  'a',
                  { zh: '申报项目', en: 'Start a project' },
                  {
                    class: 'button primary',
                    href: `#/competitions/${competition.id}/new`,
                  },
                ),
              ),
            ),
          ),
    ),
  );
}
