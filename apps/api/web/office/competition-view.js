// One competition: its state and lifecycle, rules, submissions, roadshow, results, 公示 and
// agreements, then the grants (资助管理) and the public vote (网络投票), one tab each.
import { formatYuan, h } from '../shared/dom.js';
import {
  clearFormErrors,
  errorPair,
  field,
  input,
  markField,
  messageBox,
  showApiError,
  showMessage,
} from '../shared/forms.js';
import { COMPETITION_STATE_LABELS } from '/vocabulary.js';
import { beijingTime } from '../shared/time.js';
import { fenToYuanText, parseYuan } from '../shared/money.js';
import { labelOf, tx } from '../shared/i18n.js';
import { agreementsTab } from './agreements-tab.js';
import { componentsTab } from './components-tab.js';
import { stateBadge } from './badges.js';
import { backToCompetitions, beijingDeadline, toBeijingLocal } from './competitions-view.js';
import { evaluationsTab } from './evaluations-tab.js';
import { grantsTab } from './grants-tab.js';
import { publicityTab } from './publicity-tab.js';
import { resultsTab } from './results-tab.js';
import { roadshowTab } from './roadshow-tab.js';
import { rulesTab } from './rules-tab.js';
import { submissionsTab } from './submissions-tab.js';
import { votesTab } from './votes-tab.js';
import { needsTab } from './needs-tab.js';
import { card } from '../shared/card.js';

const TABS = [
  ['overview', { zh: '概况与状态', en: 'Overview' }],
  ['rules', { zh: '评审与分配规则', en: 'Rules' }],
  ['submissions', { zh: '申报与资格审查', en: 'Submissions' }],
  ['roadshow', { zh: '路演', en: 'Roadshow' }],
  ['components', { zh: '评分构成', en: 'Score components' }],
  ['results', { zh: '排名与分配', en: 'Ranking & allocation' }],
  ['publicity', { zh: '公示与异议', en: 'Public notice' }],
  ['agreements', { zh: '协议书', en: 'Agreements' }],
  ['grants', { zh: '资助管理', en: 'Grants' }],
  ['evaluations', { zh: '评估', en: 'Evaluations' }],
  ['votes', { zh: '网络投票', en: 'Public vote' }],
  ['needs', { zh: '点单需求', en: 'Residents’ needs' }],
];

const RENDERERS = {
  overview: overviewTab,
  rules: rulesTab,
  submissions: submissionsTab,
  roadshow: roadshowTab,
  components: componentsTab,
  results: resultsTab,
  publicity: publicityTab,
  agreements: agreementsTab,
  grants: grantsTab,
  evaluations: evaluationsTab,
  votes: votesTab,
  needs: needsTab,
};

export async function competitionView(ctx, id, tab = 'overview') {
  const competition = await ctx.api(`/competitions/${id}`);
  const current = RENDERERS[tab] ? tab : 'overview';
  const refresh = () => ctx.go(`#/competitions/${id}/${current}`);
  const body = await RENDERERS[current](ctx, competition, refresh);
  return h(
    'div',
    {},
    backToCompetitions(),
    h(
      'div',
      { class: 'page-head' },
      h('h1', { 'data-testid': 'competition-title' }, competition.title),
      stateBadge(competition.state),
    ),
    h(
      'nav',
      { 'aria-label': '大赛栏目 / sections' },
      h(
        'ul',
        { class: 'tabs' },
        TABS.map(([key, label]) =>
          h(
            'li',
            {},
            tx('a', label, {
              href: `#/competitions/${id}/${key}`,
              'aria-current': key === current ? 'page' : undefined,
            }),
          ),
        ),
      ),
    ),
    body,
  );
}

/** Where the competition stands and where it may go next; refusals come back in both languages. */
function lifecycleCard(ctx, competition, refresh) {
  const box = messageBox();
  const reason = input({ name: 'reason', maxlength: 500 });
  const buttons = competition.allowedTransitions.map((to) =>
    tx(
      'button',
      {
        zh: `变为「${labelOf(COMPETITION_STATE_LABELS, to).zh}」`,
        en: `Move to “${labelOf(COMPETITION_STATE_LABELS, to).en}”`,
      },
      {
        type: 'button',
        class: 'primary',
        'data-transition': to,
        onclick: async (event) => {
          const button = event.currentTarget;
          button.disabled = true;
          try {
            await ctx.api(`/competitions/${competition.id}/transitions`, {
              method: 'POST',
              body: { to, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) },
            });
            refresh();
          } catch (error) {
            showApiError(section, box, error);
            // A refusal is quoted to others (minutes, the grantor): show it in the other language too.
            const pair = errorPair(error);
            box.append(tx('p', { zh: pair.en, en: pair.zh }, { class: 'muted' }));
            button.disabled = false;
          }
        },
      },
    ),
  );
  const section = card(
    { title: { zh: '状态流转', en: 'Lifecycle' }, headingId: 'lifecycle-heading' },
    h(
      'p',
      {},
      tx('span', { zh: '当前状态：', en: 'Current state: ' }),
      tx('strong', labelOf(COMPETITION_STATE_LABELS, competition.state)),
    ),
    buttons.length > 0
      ? field({ zh: '说明（选填，记入审计日志）', en: 'Note (optional, kept in the audit log)' }, reason, {
          path: 'reason',
        })
      : tx('p', { zh: '大赛已结束，没有下一步。', en: 'The competition is finished.' }, { class: 'muted' }),
    h('div', { class: 'actions' }, buttons),
    box,
  );
  return section;
}

function basicsCard(ctx, competition, refresh) {
  const title = input({ value: competition.title, maxlength: 100 });
  const pool = input({ value: fenToYuanText(competition.poolFen), inputmode: 'decimal' });
  const deadline = input({ type: 'datetime-local', value: toBeijingLocal(competition.submissionDeadline) });
  const grantorName = input({ value: competition.grantor.name, maxlength: 100 });
  const grantorAddress = input({ value: competition.grantor.address, maxlength: 200 });
  const grantorRep = input({ value: competition.grantor.representative, maxlength: 50 });
  const frozen = Boolean(competition.rulesFrozenAt);
  const box = messageBox();
  const form = h(
    'form',
    { class: 'card', novalidate: true, 'aria-labelledby': 'basics-heading' },
    tx('h2', { zh: '基本信息', en: 'Basics' }, { id: 'basics-heading' }),
    h(
      'dl',
      { class: 'summary-list' },
      tx('dt', { zh: '资金池', en: 'Pool' }),
      h('dd', { 'data-testid': 'pool' }, formatYuan(competition.poolFen)),
      tx('dt', { zh: '申报截止', en: 'Deadline' }),
      tx('dd', {
        zh: `${beijingTime(competition.submissionDeadline)}（北京时间）`,
        en: `${beijingTime(competition.submissionDeadline)} (Beijing time)`,
      }),
      tx('dt', { zh: '规则版本', en: 'Rules version' }),
      tx('dd', {
        zh: `第 ${competition.rulesVersion} 版${frozen ? `，已于 ${beijingTime(competition.rulesFrozenAt)} 冻结` : ''}`,
        en: `v${competition.rulesVersion}${frozen ? `, frozen on ${beijingTime(competition.rulesFrozenAt)}` : ''}`,
      }),
      tx('dt', { zh: '资助方', en: 'Grantor' }),
      h('dd', {}, `${competition.grantor.name} · ${competition.grantor.representative}`),
    ),
    frozen
      ? null
      : h(
          'div',
          {},
          tx('h3', { zh: '修改基本信息', en: 'Edit the basics' }),
          h(
            'div',
            { class: 'form-grid' },
            field({ zh: '大赛名称', en: 'Title' }, title, { path: 'title' }),
            field({ zh: '资金池（元）', en: 'Pool (yuan)' }, pool, { path: 'poolFen' }),
            field({ zh: '申报截止时间（北京时间）', en: 'Deadline (Beijing time)' }, deadline, {
              path: 'submissionDeadline',
            }),
            field({ zh: '资助方名称', en: 'Grantor' }, grantorName, { path: 'grantor.name' }),
            field({ zh: '资助方地址', en: 'Grantor address' }, grantorAddress, { path: 'grantor.address' }),
            field({ zh: '法定代表人/负责人', en: 'Representative' }, grantorRep, { path: 'grantor.representative' }),
          ),
          h('div', { class: 'actions' }, tx('button', { zh: '保存基本信息', en: 'Save basics' }, { type: 'submit' })),
        ),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form, box);
    const poolFen = parseYuan(pool.value);
    const deadlineIso = beijingDeadline(deadline.value);
    if (poolFen.error) return markField(form, 'poolFen', poolFen.error);
    if (!deadlineIso) {
      return markField(form, 'submissionDeadline', { zh: '请选择截止日期和时间', en: 'choose the deadline' });
    }
    try {
      await ctx.api(`/competitions/${competition.id}`, {
        method: 'PATCH',
        body: {
          title: title.value,
          poolFen: poolFen.fen,
          submissionDeadline: deadlineIso,
          grantor: { name: grantorName.value, address: grantorAddress.value, representative: grantorRep.value },
          expectedVersion: competition.version,
        },
      });
      showMessage(box, { zh: '已保存', en: 'Saved' }, 'ok');
      refresh();
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return form;
}

async function overviewTab(ctx, competition, refresh) {
  return h('div', {}, lifecycleCard(ctx, competition, refresh), basicsCard(ctx, competition, refresh));
}
