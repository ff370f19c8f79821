// 结果公示: the published result of a competition for everyone, on a phone first: each project's
// rank, score, grant and why; the notice period and how to object; a superseded notice says so.
// Without a competition in the address it lists every competition that published a result.
import { api } from '../shared/api.js';
import { formatYuan, h } from '../shared/dom.js';
import { labelOf, tx } from '../shared/i18n.js';
import { componentTitle } from '../shared/score-components.js';
import { beijingTime } from '../shared/time.js';
import {
  accountabilityAddress,
  badge,
  competitionParam,
  facts,
  noticeAddress,
  problem,
  publicShell,
} from '../shared/public-page.js';
import { COMPETITION_STATE_LABELS, GRANT_STATUS_LABELS } from '/vocabulary.js';
import { card } from '../shared/card.js';

const DAY_MS = 24 * 3600 * 1000;
const STATUS_KIND = { funded: 'ok', 'partly-funded': 'warn', 'not-funded': undefined };

function periodCard(notice) {
  const section = h('section', {
    class: `card notice-status ${notice.phase}`,
    'aria-labelledby': 'period-heading',
    'data-testid': 'notice-period',
    'data-phase': notice.phase,
  });
  section.append(tx('h2', { zh: '公示期', en: 'Notice period' }, { id: 'period-heading' }));
  const start = beijingTime(notice.startsAt);
  const end = beijingTime(notice.endsAt);
  section.append(tx('p', { zh: `${start} 至 ${end}（北京时间）`, en: `${start} to ${end} (Beijing time)` }));
  if (notice.phase === 'in-period') {
    const days = Math.max(1, Math.ceil((Date.parse(notice.endsAt) - Date.now()) / DAY_MS));
    section.append(badge({ zh: `公示中，还剩 ${days} 天`, en: `Under notice, ${days} day(s) left` }, 'warn'));
  } else if (notice.phase === 'ended') {
    section.append(badge({ zh: '公示期已结束', en: 'The notice period is over' }, 'ok'));
  } else {
    section.append(
      badge({ zh: '本公示已撤回', en: 'This notice is superseded' }, 'bad'),
      tx('p', {
        zh: `因异议成立，本公示已于 ${beijingTime(notice.supersededAt)} 撤回，结果将重新排名后另行公示，以新公示为准。`,
        en: `An objection was upheld: this notice was withdrawn on ${beijingTime(notice.supersededAt)}. The result will be ranked again and published anew; the new notice prevails.`,
      }),
    );
  }
  return section;
}

function objectionCard(notice) {
  const open = notice.phase === 'in-period';
  const end = beijingTime(notice.endsAt);
  return card(
    {
      title: { zh: '如何提出异议', en: 'How to object' },
      headingId: 'objection-heading',
      'data-testid': 'how-to-object',
    },
    open
      ? tx('p', {
          zh: `参加本次大赛的申报单位对结果有异议的，请在 ${end}（北京时间）前登录项目申报页面，在本单位项目的结果下写明理由提出异议；主办单位将逐条答复，异议成立的将重新排名并重新公示。`,
          en: `An organization that entered this competition may object until ${end} (Beijing time): sign in on the application page and file the objection with its reasons under its own project's result. The office answers each one; an upheld objection means the result is ranked and published again.`,
        })
      : tx('p', {
          zh: '公示期已结束，不再受理异议。',
          en: 'The notice period is over; objections are no longer accepted.',
        }),
    open
      ? tx('a', { zh: '前往项目申报页面提出异议', en: 'Object on the application page' }, { href: '/apply/' })
      : null,
    notice.openObjections > 0
      ? tx(
          'p',
          {
            zh: `目前有 ${notice.openObjections} 条异议正在处理。`,
            en: `${notice.openObjections} objection(s) are being answered.`,
          },
          { class: 'muted' },
        )
      : null,
  );
}

/** Each part of the final score with the project's points, named as the rules name it, Chinese first. */
function componentFacts(components, row) {
  if (!components || !row.components) return [];
  return components.map((component) => [
    componentTitle(component),
    h(
      'span',
      { 'data-component': component.key },
      row.components.find((part) => part.key === component.key)?.display ?? '—',
    ),
  ]);
}

function resultItem(components, row) {
  const status = labelOf(GRANT_STATUS_LABELS, row.status);
  return h(
    'li',
    { class: 'card', 'data-testid': 'notice-row' },
    h('h3', {}, tx('span', { zh: `第 ${row.displayRank} 名`, en: `No. ${row.displayRank}` }), ' ', row.projectTitle),
    h('p', { class: 'muted' }, `${row.organizationName} · ${row.community}`),
    facts([
      [{ zh: '类别', en: 'Category' }, tx('span', { zh: row.categoryZh, en: row.categoryEn })],
      ...componentFacts(components, row),
      [components?.length > 0 ? { zh: '总分', en: 'Final score' } : { zh: '得分', en: 'Score' }, row.score],
      [{ zh: '资助金额', en: 'Grant' }, formatYuan(row.grantFen)],
      [{ zh: '结果', en: 'Outcome' }, badge(status, STATUS_KIND[row.status])],
      [{ zh: '说明', en: 'Why' }, tx('span', { zh: row.reasonZh, en: row.reasonEn })],
    ]),
  );
}

/** The running office's own words, as it typed them (line breaks kept); nothing when it set none. */
function officeWords(text, className) {
  return text ? [h('p', { class: `office-words ${className}` }, text)] : [];
}

async function noticePage(main, competitionId) {
  const notice = await api(`/competitions/${encodeURIComponent(competitionId)}/publication`);
  document.title = `${notice.competitionTitle} · 结果公示 Public notice`;
  main.append(
    tx('p', { zh: '结果公示', en: 'Public notice of the result' }, { class: 'kicker' }),
    h('h1', {}, notice.competitionTitle),
    ...officeWords(notice.noticeHeader, 'notice-header'),
    periodCard(notice),
    card(
      { title: { zh: '资助概况', en: 'Funding in brief' }, headingId: 'summary-heading' },
      facts([
        [{ zh: '获资助项目', en: 'Funded projects' }, String(notice.fundedCount)],
        [{ zh: '资助总额', en: 'Total granted' }, formatYuan(notice.totalGrantFen)],
        [{ zh: '规则版本', en: 'Rules version' }, notice.rulesVersion === null ? '—' : String(notice.rulesVersion)],
        [{ zh: '输入哈希（可复核）', en: 'Inputs hash (verifiable)' }, h('code', {}, notice.inputHash ?? '—')],
      ]),
    ),
    tx('h2', { zh: '排名与资助结果', en: 'Ranking and grants' }, { id: 'results-heading' }),
    h(
      'ol',
      { class: 'projects', 'aria-labelledby': 'results-heading' },
      notice.results.map((row) => resultItem(notice.components, row)),
    ),
    ...officeWords(notice.noticeClosing, 'notice-closing'),
    objectionCard(notice),
    h(
      'p',
      { class: 'page-links' },
      tx(
        'a',
        { zh: '查看获资助项目的进展', en: 'Follow the funded projects' },
        {
          href: accountabilityAddress(competitionId),
        },
      ),
      tx('a', { zh: '全部公示', en: 'All notices' }, { href: '/notice/' }),
    ),
  );
}

async function listPage(main) {
  const list = await api('/public/competitions');
  main.append(
    tx('h1', { zh: '结果公示与项目进展', en: 'Public notices and project progress' }),
    list.items.length === 0
      ? tx('p', { zh: '暂无公示。', en: 'Nothing has been published yet.' }, { class: 'card muted' })
      : h(
          'ul',
          { class: 'projects' },
          list.items.map((item) =>
            h(
              'li',
              { class: 'card', 'data-testid': 'public-competition' },
              h('h2', {}, item.competitionTitle),
              badge(labelOf(COMPETITION_STATE_LABELS, item.competitionState)),
              h(
                'p',
                { class: 'page-links' },
                tx('a', { zh: '结果公示', en: 'Public notice' }, { href: noticeAddress(item.competitionId) }),
                item.grantCount > 0
                  ? tx(
                      'a',
                      { zh: '项目进展', en: 'Project progress' },
                      {
                        href: accountabilityAddress(item.competitionId),
                      },
                    )
                  : null,
              ),
            ),
          ),
        ),
  );
}

const main = publicShell();
const competitionId = competitionParam();
try {
  await (competitionId ? noticePage(main, competitionId) : listPage(main));
} catch (error) {
  main.append(tx('h1', { zh: '结果公示', en: 'Public notice' }), problem(error));
}
