// 评估: mid-term and final evaluations and re-evaluations after remediation. The office opens a round,
// seats the panel in four groups (automatic recusals shown), enters each evaluator's paper sheet,
// follows the progress, closes the round and reads each project's score, band and stars. Each
// evaluator gets a tablet sign-in code, shown here once (or reissued), for the /evaluate/ page.
import { h } from '../shared/dom.js';
import { downloadFile } from '../shared/download.js';
import { field, input, messageBox, select, sendOnSubmit, sendThen, showApiError } from '../shared/forms.js';
import { dataTable } from '../shared/table.js';
import { labelOf, tx } from '../shared/i18n.js';
import {
  EVALUATION_OUTCOME_LABELS,
  EVALUATION_ROUND_STATE_LABELS,
  EVALUATION_STAGE_LABELS,
  JUDGE_GROUP_LABELS,
} from '/vocabulary.js';
import { card } from '../shared/card.js';

const text = (value) => ({ zh: String(value), en: String(value) });
const progressText = ({ entered, expected }) => text(`${entered} / ${expected}`);
const starsText = (stars) =>
  stars ? { zh: '★'.repeat(stars), en: `${stars} stars` } : { zh: '不评星', en: 'no stars' };

/** 16.00 / 20（4.00 星，1 人评价）: the residents' figure on the chosen criterion, for the panel. */
function residentText(satisfaction) {
  if (!satisfaction) return text('—');
  if (satisfaction.ratings === 0) return { zh: '尚无居民评价', en: 'no rating yet' };
  return {
    zh: `${satisfaction.points} / ${satisfaction.maxPoints}（${satisfaction.mean} 星，${satisfaction.ratings} 人评价）`,
    en: `${satisfaction.points} / ${satisfaction.maxPoints} (${satisfaction.mean} stars, ${satisfaction.ratings} ratings)`,
  };
}

function openRoundCard(ctx, competition, refresh) {
  const stage = select(Object.entries(EVALUATION_STAGE_LABELS), { id: 'evaluation-stage' });
  // 满意度 from residents is the office's choice per round, off unless a scored criterion is picked.
  const rubric = competition.rules?.evaluation?.rubric ?? [];
  const satisfaction = select(
    [
      ['', { zh: '不使用', en: 'Off' }],
      ...rubric.filter((c) => !c.gate).map((c) => [c.key, { zh: c.labelZh, en: c.labelEn }]),
    ],
    { id: 'resident-satisfaction' },
  );
  const box = messageBox();
  const form = h(
    'form',
    { novalidate: true, 'data-testid': 'open-round' },
    field({ zh: '评估阶段', en: 'Stage' }, stage, { path: 'stage' }),
    field({ zh: '居民满意度折算到', en: 'Residents’ ratings read onto' }, satisfaction, {
      path: 'residentSatisfactionCriterion',
      hint: {
        zh: '项目回应居民需求时，把附议居民的 1–5 星平均分按比例折算到该评估项，显示给评估组。',
        en: 'For grants answering residents’ needs, their supporters’ mean 1–5 rating, scaled to this criterion, is shown to the panel.',
      },
    }),
    tx('button', { zh: '开始评估', en: 'Open the round' }, { type: 'submit', class: 'primary' }),
    box,
  );
  sendOnSubmit(
    form,
    box,
    () =>
      ctx.api(`/competitions/${competition.id}/evaluation-rounds`, {
        method: 'POST',
        body: satisfaction.value
          ? { stage: stage.value, residentSatisfactionCriterion: satisfaction.value }
          : { stage: stage.value },
      }),
    refresh,
  );
  return card({ title: { zh: '开始一轮评估', en: 'Open an evaluation round' }, headingId: 'open-round-heading' }, form);
}

/** The code just issued, shown once on the next drawing of its round's panel and then forgotten. */
let justIssued = null;

function issuedCodeBox(round) {
  const issued = justIssued?.roundId === round.id ? justIssued.issued : null;
  justIssued = null;
  if (!issued) return null;
  return h(
    'div',
    { class: 'card', role: 'status', 'data-testid': 'issued-evaluator-code' },
    tx('p', {
      zh: `${issued.evaluator.name} 的评估签到码（只显示这一次，请抄在签到单上）：`,
      en: `${issued.evaluator.name}'s sign-in code (shown this once; copy it onto the slip):`,
    }),
    h('p', {}, h('strong', { class: 'num' }, issued.code)),
    tx('p', { zh: `平板评分地址：${issued.signInUrl}`, en: `Tablet address: ${issued.signInUrl}` }),
  );
}

function panelCard(ctx, round, refresh) {
  const name = input({ maxlength: 50, autocomplete: 'off' });
  const group = select(Object.entries(JUDGE_GROUP_LABELS));
  const community = input({ maxlength: 50, autocomplete: 'off' });
  const box = messageBox();
  const form = h(
    'form',
    { novalidate: true, 'data-testid': 'add-evaluator' },
    field({ zh: '评估人姓名', en: 'Name' }, name, { path: 'name' }),
    field({ zh: '评估组', en: 'Group' }, group, { path: 'group' }),
    field({ zh: '所在社区（该社区的项目自动回避）', en: 'Own community (its projects are recused)' }, community, {
      path: 'community',
    }),
    tx('button', { zh: '加入评估组', en: 'Seat the evaluator' }, { type: 'submit' }),
    box,
  );
  sendOnSubmit(
    form,
    box,
    async () => {
      const seated = await ctx.api(`/evaluation-rounds/${round.id}/evaluators`, {
        method: 'POST',
        body: { name: name.value, group: group.value, ...(community.value ? { community: community.value } : {}) },
      });
      justIssued = { roundId: round.id, issued: seated.issuedCode };
    },
    refresh,
  );
  const projectOf = new Map(round.projects.map((p) => [p.grantId, p]));
  const rows = round.evaluators.map((evaluator) => {
    const recused = round.recusals.filter((r) => r.evaluatorId === evaluator.id);
    const reissue = tx(
      'button',
      { zh: '重新生成签到码', en: 'New sign-in code' },
      { type: 'button', 'aria-label': `重新生成签到码 ${evaluator.name} / new sign-in code for ${evaluator.name}` },
    );
    reissue.addEventListener('click', () => {
      void sendThen(
        form,
        box,
        async () => {
          const issued = await ctx.api(`/evaluation-rounds/${round.id}/evaluators/${evaluator.id}/code`, {
            method: 'POST',
          });
          justIssued = { roundId: round.id, issued };
        },
        refresh,
      );
    });
    return h(
      'tr',
      { 'data-testid': 'evaluator-row' },
      h('td', { class: 'num' }, String(evaluator.seat)),
      h('td', {}, evaluator.name),
      tx('td', labelOf(JUDGE_GROUP_LABELS, evaluator.group)),
      tx('td', progressText(evaluator.progress), { class: 'num' }),
      h(
        'td',
        {},
        recused.map((r) => h('div', {}, `${projectOf.get(r.grantId)?.community ?? ''}：${r.reason}`)),
      ),
      h('td', {}, round.state === 'open' ? reissue : null),
    );
  });
  return card(
    { title: { zh: '评估组', en: 'Panel' }, headingId: 'panel-heading' },
    tx(
      'p',
      {
        zh: `评估人可在平板上打开 ${location.origin}/evaluate/#r=${round.id} ，输入各自的签到码后评分；也可由工作人员在下方录入纸质评分表。`,
        en: `Evaluators can score on a tablet at ${location.origin}/evaluate/#r=${round.id} with their own code, or the office enters their paper sheets below.`,
      },
      { class: 'muted' },
    ),
    issuedCodeBox(round),
    dataTable(
      [
        { zh: '席位', en: 'Seat', num: true },
        { zh: '姓名', en: 'Name' },
        { zh: '评估组', en: 'Group' },
        { zh: '已录入', en: 'Entered', num: true },
        { zh: '回避', en: 'Recusals' },
        { zh: '签到码', en: 'Sign-in code' },
      ],
      rows,
    ),
    round.state === 'open' ? form : null,
  );
}

function sheetCard(ctx, round, refresh) {
  const evaluator = select(
    round.evaluators.map((e) => [e.id, text(e.name)]),
    { id: 'sheet-evaluator' },
  );
  const project = select(
    round.projects.map((p) => [p.grantId, text(`${p.agreementNumber} ${p.community}`)]),
    {
      id: 'sheet-project',
    },
  );
  const criteria = round.rules.rubric.filter((c) => !c.gate);
  const marks = new Map(criteria.map((c) => [c.key, input({ inputmode: 'decimal', autocomplete: 'off' })]));
  const box = messageBox();
  const form = h(
    'form',
    { novalidate: true, 'data-testid': 'sheet-entry' },
    field({ zh: '评估人', en: 'Evaluator' }, evaluator, { path: 'evaluatorId' }),
    field({ zh: '项目', en: 'Project' }, project, { path: 'grantId' }),
    criteria.map((c) =>
      field({ zh: `${c.labelZh}（满分 ${c.maxPoints}）`, en: `${c.labelEn} (max ${c.maxPoints})` }, marks.get(c.key), {
        path: `criteria.${c.key}`,
      }),
    ),
    tx('button', { zh: '保存评分表', en: 'Save the sheet' }, { type: 'submit', class: 'primary' }),
    box,
  );
  sendOnSubmit(
    form,
    box,
    () =>
      ctx.api(`/evaluation-rounds/${round.id}/sheets/${evaluator.value}/${project.value}`, {
        method: 'PUT',
        body: { criteria: Object.fromEntries([...marks].map(([key, control]) => [key, control.value.trim()])) },
      }),
    refresh,
  );
  return card(
    { title: { zh: '录入纸质评分表', en: 'Enter a paper sheet' }, headingId: 'sheet-heading' },
    round.evaluators.length === 0
      ? tx('p', { zh: '请先加入评估人。', en: 'Seat the evaluators first.' }, { class: 'muted' })
      : form,
  );
}

function resultsCard(ctx, round, refresh) {
  const box = messageBox();
  const closeButton = tx(
    'button',
    { zh: '结束评估并计算结果', en: 'Close and compute the results' },
    {
      type: 'button',
      class: 'primary',
      'data-testid': 'close-round',
      onclick: () =>
        void sendThen(
          closeButton.parentElement,
          box,
          () => ctx.api(`/evaluation-rounds/${round.id}/close`, { method: 'POST' }),
          refresh,
        ),
    },
  );
  const bundleButton = tx(
    'button',
    { zh: '下载评估结果包', en: 'Download the bundle' },
    {
      type: 'button',
      onclick: async () => {
        try {
          await downloadFile(`/evaluation-rounds/${round.id}/bundle.json`, {
            token: ctx.token(),
            fallbackName: `evaluation-${round.id}.json`,
          });
        } catch (error) {
          showApiError(bundleButton.parentElement, box, error);
        }
      },
    },
  );
  const rows = round.projects.map((p) =>
    h(
      'tr',
      { 'data-testid': 'evaluation-result' },
      h('td', { class: 'mono' }, p.agreementNumber),
      h('td', {}, p.community),
      tx('td', progressText(p.progress), { class: 'num' }),
      h('td', { class: 'num' }, p.result?.score ?? '—'),
      tx(
        'td',
        p.result
          ? { zh: `${p.result.band} ${p.result.bandLabelZh}`, en: `${p.result.band} ${p.result.bandLabelEn}` }
          : text('—'),
      ),
      tx('td', p.result ? starsText(p.result.stars) : text('—')),
      tx('td', p.result ? labelOf(EVALUATION_OUTCOME_LABELS, p.result.outcome) : text('—')),
      h('td', {}, p.result?.remediationDueOn ?? ''),
      tx('td', residentText(p.residentSatisfaction), { 'data-testid': 'resident-satisfaction' }),
    ),
  );
  return card(
    { title: { zh: '进度与结果', en: 'Progress and results' }, headingId: 'results-heading' },
    tx('p', {
      zh: `已录入 ${round.progress.entered} / ${round.progress.expected} 份评分表；规则第 ${round.rulesVersion} 版`,
      en: `${round.progress.entered} of ${round.progress.expected} sheets entered; rules version ${round.rulesVersion}`,
    }),
    dataTable(
      [
        { zh: '协议编号', en: 'Agreement' },
        { zh: '社区', en: 'Community' },
        { zh: '已录入', en: 'Entered', num: true },
        { zh: '得分', en: 'Score', num: true },
        { zh: '等次', en: 'Band' },
        { zh: '星级', en: 'Stars' },
        { zh: '结果', en: 'Outcome' },
        { zh: '整改期限', en: 'Remediation due' },
        { zh: '居民满意度', en: 'Residents’ satisfaction' },
      ],
      rows,
    ),
    round.inputHash ? h('p', { class: 'mono muted' }, `sha256 ${round.inputHash}`) : null,
    h('div', { class: 'actions' }, round.state === 'open' ? closeButton : bundleButton),
    box,
  );
}

export async function evaluationsTab(ctx, competition, refresh) {
  const { items } = await ctx.api(`/competitions/${competition.id}/evaluation-rounds`);
  const chosen = new URLSearchParams(location.hash.split('?')[1] ?? '').get('round') ?? items[0]?.id;
  const round = chosen ? await ctx.api(`/evaluation-rounds/${chosen}`) : null;
  const list = dataTable(
    [
      { zh: '评估阶段', en: 'Stage' },
      { zh: '状态', en: 'State' },
      { zh: '进度', en: 'Progress', num: true },
    ],
    items.map((item) =>
      h(
        'tr',
        { 'data-testid': 'evaluation-round' },
        h(
          'td',
          {},
          h(
            'a',
            { href: `#/competitions/${competition.id}/evaluations?round=${item.id}` },
            tx('span', labelOf(EVALUATION_STAGE_LABELS, item.stage)),
          ),
        ),
        tx('td', labelOf(EVALUATION_ROUND_STATE_LABELS, item.state)),
        tx('td', progressText(item.progress), { class: 'num' }),
      ),
    ),
  );
  return h(
    'div',
    { 'data-testid': 'evaluations-tab' },
    openRoundCard(ctx, competition, refresh),
    card(
      { title: { zh: '评估轮次', en: 'Evaluation rounds' }, headingId: 'rounds-heading' },
      items.length === 0 ? tx('p', { zh: '尚未开展评估。', en: 'No evaluation yet.' }, { class: 'muted' }) : list,
    ),
    round ? panelCard(ctx, round, refresh) : null,
    round && round.state === 'open' ? sheetCard(ctx, round, refresh) : null,
    round ? resultsCard(ctx, round, refresh) : null,
  );
}
