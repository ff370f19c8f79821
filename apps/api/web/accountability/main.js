// 项目进展公开 (after Decidim's accountability): every funded project of a competition with its
// grant, the share paid, the reports accepted, its latest evaluation and whether it is under way,
// finished, terminated or exited.
import { api } from '../shared/api.js';
import { formatYuan, h } from '../shared/dom.js';
import { biLabel, labelOf, tx } from '../shared/i18n.js';
import { badge, competitionParam, facts, noticeAddress, problem, publicShell } from '../shared/public-page.js';
import { latestEvaluationText } from '../shared/evaluation-results.js';
import { PROJECT_OUTCOME_LABELS } from '/vocabulary.js';
import { card } from '../shared/card.js';

const OUTCOME_KIND = { 'in-progress': 'warn', finished: 'ok', terminated: 'bad', exited: 'bad' };

/** The paid share as a bar; set through the style object, which the pages' policy allows (attributes it does not). */
function paidBar(percent) {
  const fill = h('span');
  fill.style.width = `${percent}%`;
  return fill;
}

function projectItem(project) {
  const { grant } = project;
  return h(
    'li',
    { class: 'card', 'data-testid': 'accountability-project', 'data-outcome': project.outcome.code },
    h('h3', {}, project.projectTitle),
    h('p', { class: 'muted' }, `${project.organizationName} · ${project.community}`),
    badge(labelOf(PROJECT_OUTCOME_LABELS, project.outcome.code), OUTCOME_KIND[project.outcome.code]),
    h(
      'div',
      {
        class: 'bar',
        role: 'img',
        ...biLabel({ zh: `已拨付 ${grant.paidPercent}%`, en: `${grant.paidPercent}% paid` }),
      },
      paidBar(grant.paidPercent),
    ),
    facts([
      [{ zh: '类别', en: 'Category' }, tx('span', project.category)],
      [{ zh: '资助金额', en: 'Grant' }, formatYuan(grant.amountFen)],
      [{ zh: '已拨付', en: 'Paid' }, `${formatYuan(grant.paidFen)}（${grant.paidPercent}%）`],
      [
        { zh: '拨付期次', en: 'Tranches paid' },
        tx('span', {
          zh: `${grant.tranchesPaid} / ${grant.tranchesPlanned} 期`,
          en: `${grant.tranchesPaid} of ${grant.tranchesPlanned}`,
        }),
      ],
      [{ zh: '已通过报告', en: 'Reports accepted' }, String(grant.reportsAccepted)],
      [
        { zh: '评估', en: 'Evaluation' },
        tx('span', latestEvaluationText(project.evaluation), { 'data-testid': 'project-evaluation' }),
      ],
    ]),
  );
}

async function accountabilityPage(main, competitionId) {
  const view = await api(`/competitions/${encodeURIComponent(competitionId)}/accountability`);
  document.title = `${view.competitionTitle} · 项目进展 Project progress`;
  const paidPercent = view.totalGrantFen > 0 ? Math.floor((view.totalPaidFen * 100) / view.totalGrantFen) : 0;
  main.append(
    tx('p', { zh: '项目进展公开', en: 'Project accountability' }, { class: 'kicker' }),
    h('h1', {}, view.competitionTitle),
    card(
      { title: { zh: '资助与拨付', en: 'Grants and payments' }, headingId: 'summary-heading' },
      facts([
        [{ zh: '获资助项目', en: 'Funded projects' }, String(view.fundedCount)],
        [{ zh: '资助总额', en: 'Total granted' }, formatYuan(view.totalGrantFen)],
        [{ zh: '已拨付', en: 'Paid so far' }, `${formatYuan(view.totalPaidFen)}（${paidPercent}%）`],
      ]),
    ),
    tx('h2', { zh: '各项目进展', en: 'Each project' }, { id: 'projects-heading' }),
    view.projects.length === 0
      ? tx(
          'p',
          {
            zh: '公示期满立项、签订协议后，在此公开各项目的进展。',
            en: 'Once the projects are awarded and their agreements signed, their progress shows here.',
          },
          { class: 'card muted' },
        )
      : h('ul', { class: 'projects', 'aria-labelledby': 'projects-heading' }, view.projects.map(projectItem)),
    h(
      'p',
      { class: 'page-links' },
      tx('a', { zh: '查看结果公示', en: 'Read the public notice' }, { href: noticeAddress(competitionId) }),
      tx('a', { zh: '全部公示', en: 'All notices' }, { href: '/notice/' }),
    ),
  );
}

const main = publicShell();
const competitionId = competitionParam();
if (competitionId) {
  try {
    await accountabilityPage(main, competitionId);
  } catch (error) {
    main.append(tx('h1', { zh: '项目进展公开', en: 'Project accountability' }), problem(error));
  }
} else {
  main.append(
    tx('h1', { zh: '项目进展公开', en: 'Project accountability' }),
    tx(
      'p',
      { zh: '请从公示列表选择一个大赛。', en: 'Choose a competition from the list of notices.' },
      { class: 'card' },
    ),
    tx('a', { zh: '全部公示', en: 'All notices' }, { href: '/notice/' }),
  );
}
