// 网络投票: the office sets up the competition's public vote, prints voter codes per community,
// watches the count, reviews the votes the anti-fraud checks flagged, and exports every vote.
import { fill, h } from '../shared/dom.js';
import { downloadFile } from '../shared/download.js';
import {
  checkboxField,
  clearFormErrors,
  field,
  hideMessage,
  input,
  markField,
  messageBox,
  select,
  showApiError,
  showMessage,
} from '../shared/forms.js';
import { labelOf, tx } from '../shared/i18n.js';
import { dataTable } from '../shared/table.js';
import { beijingTime } from '../shared/time.js';
import {
  VOTE_FLAG_LABELS,
  VOTE_RESULTS_VISIBILITY_LABELS,
  VOTE_ROUND_PHASE_LABELS,
  VOTER_METHOD_LABELS,
} from '/vocabulary.js';
import { qrCode } from './code-sheet.js';
import { beijingDeadline, toBeijingLocal } from './competitions-view.js';
import { card } from '../shared/card.js';

/** The count moves while residents vote; the office watches it without reloading. */
const LIVE_REFRESH_MS = 10_000;
const PHASE_KIND = { upcoming: 'badge warn', open: 'badge ok', closed: 'badge' };

/** Deliberate: a voided vote was cast, so voiding never hands it back to its voter. */
const VOIDED_STILL_COUNT = {
  zh: '作废的选票仍计入该投票人的各项票数上限：作废不退还票数。',
  en: 'A voided vote still counts against its voter’s limits: voiding does not give the vote back.',
};

export async function votesTab(ctx, competition, refresh) {
  const rounds = await ctx.api(`/competitions/${competition.id}/vote-rounds`);
  if (rounds.length === 0) return h('div', {}, roundForm(ctx, competition, null, refresh));
  const round = await ctx.api(`/vote-rounds/${rounds[0].id}`);
  return h(
    'div',
    {},
    roundCard(ctx, competition, round, refresh),
    countsCard(ctx, round),
    codesCard(ctx, competition, round, refresh),
    reviewCard(ctx, round),
    round.phase === 'closed' && round.componentKey ? pointsCard(ctx, competition, round) : null,
  );
}

/** The rules' components a public vote can fill, as people read them. */
function voteComponentsOf(competition) {
  return (competition.rules?.components ?? []).filter((component) => component.source === 'vote');
}

function componentLabel(competition, key) {
  const component = voteComponentsOf(competition).find((candidate) => candidate.key === key);
  return component ? { zh: component.labelZh, en: component.labelEn } : { zh: key, en: key };
}

/** Blank means "no limit" for the limits the API takes as null. */
function optionalInt(value) {
  return value.trim() === '' ? null : Number(value.trim());
}

function roundForm(ctx, competition, round, refresh) {
  const limits = round?.limits;
  const title = input({ value: round?.title ?? `${competition.title} 网络投票`, maxlength: 100 });
  const opensAt = input({ type: 'datetime-local', value: round ? toBeijingLocal(round.opensAt) : '' });
  const closesAt = input({ type: 'datetime-local', value: round ? toBeijingLocal(round.closesAt) : '' });
  const votesPerDay = input({ inputmode: 'numeric', value: limits?.votesPerDay ?? '' });
  const votesTotal = input({ inputmode: 'numeric', value: limits?.votesTotal ?? 10 });
  const perProject = input({ inputmode: 'numeric', value: limits?.perProject ?? 1 });
  const perCategory = input({ inputmode: 'numeric', value: limits?.perCategory ?? '' });
  const communities = h('textarea', { rows: 3 }, (round?.communities ?? []).join('\n'));
  const methods = Object.keys(VOTER_METHOD_LABELS).map((method) => {
    const box = h('input', { value: method, checked: round ? round.methods.includes(method) : true });
    return { method, box };
  });
  const visibility = select(Object.entries(VOTE_RESULTS_VISIBILITY_LABELS), {
    value: round?.resultsVisibility ?? 'hidden',
  });
  const voteComponents = voteComponentsOf(competition);
  const componentKey = select(
    [
      ['', { zh: '不计分', en: 'None' }],
      ...voteComponents.map((component) => [component.key, { zh: component.labelZh, en: component.labelEn }]),
    ],
    { value: round ? (round.componentKey ?? '') : (voteComponents[0]?.key ?? '') },
  );
  const box = messageBox();
  const form = h(
    'form',
    { class: 'card', novalidate: true, 'aria-labelledby': 'vote-form-heading', 'data-testid': 'vote-round-form' },
    tx('h2', round ? { zh: '修改投票设置', en: 'Edit the vote' } : { zh: '设立网络投票', en: 'Set up a public vote' }, {
      id: 'vote-form-heading',
    }),
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '投票名称', en: 'Title' }, title, { path: 'title' }),
      field({ zh: '开始时间（北京时间）', en: 'Opens (Beijing time)' }, opensAt, { path: 'opensAt' }),
      field({ zh: '结束时间（北京时间）', en: 'Closes (Beijing time)' }, closesAt, { path: 'closesAt' }),
      field({ zh: '每人每天票数（空为不限）', en: 'Votes per day (blank: no limit)' }, votesPerDay, {
        path: 'votesPerDay',
      }),
      field({ zh: '每人总票数', en: 'Votes in all' }, votesTotal, { path: 'votesTotal', hint: VOIDED_STILL_COUNT }),
      field({ zh: '同一项目票数', en: 'Votes per project' }, perProject, { path: 'perProject' }),
      field({ zh: '同类项目票数（空为不限）', en: 'Votes per category (blank: no limit)' }, perCategory, {
        path: 'perCategory',
      }),
      field({ zh: '票数公布', en: 'Counts shown' }, visibility, { path: 'resultsVisibility' }),
      field({ zh: '计入的评分构成', en: 'Score component it feeds' }, componentKey, {
        path: 'componentKey',
      }),
    ),
    field({ zh: '可投票社区（每行一个）', en: 'Communities that may vote (one per line)' }, communities, {
      path: 'communities',
    }),
    h(
      'fieldset',
      { 'data-field': 'methods' },
      tx('legend', { zh: '验证方式', en: 'Verification' }),
      methods.map(({ method, box: checkbox }) => checkboxField(labelOf(VOTER_METHOD_LABELS, method), checkbox)),
    ),
    h(
      'div',
      { class: 'actions' },
      tx('button', round ? { zh: '保存设置', en: 'Save' } : { zh: '设立投票', en: 'Set up the vote' }, {
        type: 'submit',
        class: 'primary',
      }),
    ),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form, box);
    const opens = beijingDeadline(opensAt.value);
    const closes = beijingDeadline(closesAt.value);
    if (!opens) return markField(form, 'opensAt', { zh: '请选择开始日期和时间', en: 'choose the opening time' });
    if (!closes) return markField(form, 'closesAt', { zh: '请选择结束日期和时间', en: 'choose the closing time' });
    const body = {
      title: title.value.trim(),
      opensAt: opens,
      closesAt: closes,
      votesPerDay: optionalInt(votesPerDay.value),
      votesTotal: optionalInt(votesTotal.value),
      perProject: optionalInt(perProject.value),
      perCategory: optionalInt(perCategory.value),
      communities: communities.value
        .split(/[\n,，、]/)
        .map((name) => name.trim())
        .filter(Boolean),
      methods: methods.filter(({ box: checkbox }) => checkbox.checked).map(({ method }) => method),
      resultsVisibility: visibility.value,
      componentKey: componentKey.value || null,
    };
    try {
      if (round) await ctx.api(`/vote-rounds/${round.id}`, { method: 'PATCH', body });
      else await ctx.api(`/competitions/${competition.id}/vote-rounds`, { method: 'POST', body });
      refresh();
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return form;
}

function roundCard(ctx, competition, round, refresh) {
  const address = `${location.origin}/vote/#r=${round.id}`;
  const limits = round.limits;
  const unlimited = { zh: '不限', en: 'no limit' };
  const count = (n) => (n === null ? unlimited : { zh: `${n} 票`, en: `${n}` });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'vote-round-heading', 'data-testid': 'vote-round' },
    h(
      'div',
      { class: 'page-head' },
      h('h2', { id: 'vote-round-heading' }, round.title),
      tx('span', labelOf(VOTE_ROUND_PHASE_LABELS, round.phase), { class: PHASE_KIND[round.phase] }),
    ),
    h(
      'dl',
      { class: 'summary-list' },
      tx('dt', { zh: '投票时间', en: 'Window' }),
      tx('dd', {
        zh: `${beijingTime(round.opensAt)} 至 ${beijingTime(round.closesAt)}（北京时间）`,
        en: `${beijingTime(round.opensAt)} to ${beijingTime(round.closesAt)} (Beijing time)`,
      }),
      tx('dt', { zh: '每人票数', en: 'Votes per voter' }),
      tx('dd', {
        zh: `共 ${limits.votesTotal} 票，每天 ${count(limits.votesPerDay).zh}，同一项目 ${limits.perProject} 票，同类项目 ${count(limits.perCategory).zh}`,
        en: `${limits.votesTotal} in all, per day ${count(limits.votesPerDay).en}, per project ${limits.perProject}, per category ${count(limits.perCategory).en}`,
      }),
      tx('dt', { zh: '作废的选票', en: 'Voided votes' }),
      tx('dd', VOIDED_STILL_COUNT, { 'data-testid': 'voided-rule' }),
      tx('dt', { zh: '可投票社区', en: 'Communities' }),
      h('dd', {}, round.communities.join('、')),
      tx('dt', { zh: '验证方式', en: 'Verification' }),
      tx('dd', {
        zh: round.methods.map((m) => labelOf(VOTER_METHOD_LABELS, m).zh).join('、'),
        en: round.methods.map((m) => labelOf(VOTER_METHOD_LABELS, m).en).join(', '),
      }),
      tx('dt', { zh: '票数公布', en: 'Counts' }),
      tx('dd', labelOf(VOTE_RESULTS_VISIBILITY_LABELS, round.resultsVisibility)),
      tx('dt', { zh: '计分组成项', en: 'Score component' }),
      round.componentKey
        ? tx('dd', componentLabel(competition, round.componentKey))
        : tx('dd', { zh: '不计分', en: 'none' }),
      tx('dt', { zh: '投票页面', en: 'Voting page' }),
      h('dd', {}, h('a', { href: address, 'data-testid': 'vote-page-link' }, address)),
    ),
    round.phase === 'upcoming'
      ? h(
          'details',
          {},
          tx('summary', { zh: '修改设置（开始前）', en: 'Edit (before it opens)' }),
          roundForm(ctx, competition, round, refresh),
        )
      : null,
  );
}

function countsCard(ctx, round) {
  const area = h('div', { 'aria-live': 'polite' });
  const box = messageBox();
  const draw = (detail) => {
    const c = detail.counts;
    fill(
      area,
      h(
        'dl',
        { class: 'summary-list', 'data-testid': 'vote-counts' },
        tx('dt', { zh: '已投', en: 'Cast' }),
        h('dd', { 'data-count': 'votes' }, String(c.votes)),
        tx('dt', { zh: '有效', en: 'Valid' }),
        h('dd', { 'data-count': 'valid' }, String(c.valid)),
        tx('dt', { zh: '已作废', en: 'Voided' }),
        h('dd', { 'data-count': 'voided' }, String(c.voided)),
        tx('dt', { zh: '待审核', en: 'Awaiting review' }),
        h('dd', { 'data-count': 'pending' }, String(c.pendingReview)),
        tx('dt', { zh: '已验证投票人', en: 'Voters verified' }),
        h('dd', { 'data-count': 'voters' }, String(c.voters)),
      ),
      dataTable(
        [
          { zh: '项目', en: 'Project' },
          { zh: '社区', en: 'Community' },
          { zh: '有效票', en: 'Valid votes', num: true },
        ],
        detail.tally.map((row) =>
          h(
            'tr',
            { 'data-testid': 'vote-tally-row' },
            h('td', {}, row.title),
            h('td', {}, row.community),
            h('td', { class: 'num' }, String(row.votes)),
          ),
        ),
        { attributes: { 'aria-label': '计票 / tally' } },
      ),
    );
  };
  draw(round);
  if (round.phase === 'open') {
    const timer = setInterval(async () => {
      try {
        draw(await ctx.api(`/vote-rounds/${round.id}`));
      } catch {
        // The next tick tries again; the figures on screen stay as they were.
      }
    }, LIVE_REFRESH_MS);
    ctx.onLeave(() => clearInterval(timer));
  }
  return card(
    {
      title: { zh: '计票（有效票，作废票不计）', en: 'Tally (valid votes; voided ones never count)' },
      headingId: 'vote-counts-heading',
    },
    area,
    h(
      'div',
      { class: 'actions' },
      tx(
        'button',
        { zh: '导出全部选票（CSV）', en: 'Export every vote (CSV)' },
        {
          type: 'button',
          onclick: async () => {
            try {
              const file = await downloadFile(`/vote-rounds/${round.id}/votes.csv`, {
                token: ctx.token(),
                fallbackName: 'votes.csv',
              });
              showMessage(box, { zh: `已下载 ${file.name}`, en: `Downloaded ${file.name}` }, 'ok');
            } catch (error) {
              showApiError(area, box, error);
            }
          },
        },
      ),
    ),
    tx(
      'p',
      {
        zh: '导出文件每行一张选票，含作废理由与记录摘要：审计人员可据此复算计票，并核对每一行是否被改动。',
        en: 'One row per vote with void reasons and record hashes: auditors recompute the tally from it and check that no row was altered.',
      },
      { class: 'hint' },
    ),
    box,
  );
}

/** After the close and the review, the office turns the valid votes into the component's points. */
function pointsCard(ctx, competition, round) {
  const area = h('div', {});
  const box = messageBox();
  const record = async () => {
    hideMessage(box);
    try {
      const result = await ctx.api(`/vote-rounds/${round.id}/component-points`, { method: 'POST' });
      showMessage(
        box,
        {
          zh: `已计入“${componentLabel(competition, result.componentKey).zh}”：新写入或改变 ${result.written} 项，未变 ${result.unchanged} 项。请在“评分构成”中锁定，排名才会使用。`,
          en: `Recorded as "${componentLabel(competition, result.componentKey).en}": ${result.written} new or changed, ${result.unchanged} unchanged. Lock them under Score components for the ranking to use them.`,
        },
        'ok',
      );
    } catch (error) {
      showApiError(area, box, error);
    }
  };
  return card(
    {
      title: { zh: '计入评分', en: 'Points for the ranking' },
      hint: {
        zh: '被标记的票全部审核后，把有效票折算为评分构成的分数：得票最多的项目得该构成的满分，其余按得票比例，没有票的项目得 0 分。',
        en: 'Once every flagged vote is decided, the valid votes become the component’s points: the most-voted project gets its maximum, the others in proportion, a project without votes 0.',
      },
      headingId: 'vote-points-heading',
      'data-testid': 'vote-points',
    },
    area,
    h(
      'div',
      { class: 'actions' },
      tx(
        'button',
        { zh: '计入评分构成', en: 'Record as points' },
        { type: 'button', class: 'primary', onclick: record },
      ),
    ),
    box,
  );
}

/** The issued codes as a file the community can print elsewhere: made here, never fetched again. */
function codesFile(community, codes, address) {
  const lines = ['code,community,address', ...codes.map((code) => `${code},${community},${address}`)];
  return new Blob([`\ufeff${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}

function voterCodeSheet(competition, round, issued, onDone) {
  const community = issued.batch.community;
  const save = () => {
    const url = URL.createObjectURL(codesFile(community, issued.codes, issued.votePageUrl));
    const link = h('a', { href: url, download: `投票码-${community}.csv`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  return h(
    'section',
    { class: 'code-sheet-preview', 'aria-label': '投票码 / voter codes', 'data-testid': 'voter-code-sheet' },
    h(
      'div',
      { class: 'actions no-print' },
      tx(
        'p',
        {
          zh: `${community}：${issued.codes.length} 个投票码只在这里显示一次，请打印或下载后交社区发给居民。`,
          en: `${community}: these ${issued.codes.length} codes show here this once; print or download them for the community.`,
        },
        { class: 'hint' },
      ),
      tx(
        'button',
        { zh: '打印投票码', en: 'Print the codes' },
        { type: 'button', class: 'primary', onclick: () => window.print() },
      ),
      tx('button', { zh: '下载投票码（CSV）', en: 'Download the codes (CSV)' }, { type: 'button', onclick: save }),
      tx('button', { zh: '已保存，隐藏', en: 'Saved: hide' }, { type: 'button', onclick: onDone }),
    ),
    h(
      'div',
      { class: 'code-sheet' },
      issued.codes.map((code) =>
        h(
          'article',
          { class: 'code-slip' },
          h('p', { class: 'slip-title' }, competition.title),
          h('p', { class: 'slip-judge' }, round.title),
          tx('p', { zh: `${community} 居民投票码`, en: `Voter code, ${community}` }, { class: 'slip-label' }),
          qrCode(issued.qr, `${round.title} 投票页面二维码 / QR code of the voting page`),
          h('output', { class: 'slip-code', 'data-testid': 'voter-code' }, code),
          tx(
            'p',
            {
              zh: `手机扫码或打开 ${issued.votePageUrl} ，选择“投票码”并输入。每个投票码限一人使用。`,
              en: `Scan, or open ${issued.votePageUrl} on a phone, choose “Voter code” and type it. One resident per code.`,
            },
            { class: 'slip-hint' },
          ),
        ),
      ),
    ),
  );
}

function codesCard(ctx, competition, round, refresh) {
  const community = select(
    round.communities.map((name) => [name, { zh: name, en: name }]),
    { value: round.communities[0] },
  );
  const count = input({ inputmode: 'numeric', value: 100 });
  const box = messageBox();
  const sheet = h('div', {});
  const form = h(
    'form',
    { novalidate: true, 'data-testid': 'issue-voter-codes' },
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '社区', en: 'Community' }, community, { path: 'community' }),
      field({ zh: '数量', en: 'How many' }, count, { path: 'count' }),
    ),
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '生成投票码', en: 'Issue codes' }, { type: 'submit', class: 'primary' }),
    ),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form, box);
    try {
      const issued = await ctx.api(`/vote-rounds/${round.id}/code-batches`, {
        method: 'POST',
        body: { community: community.value, count: Number(count.value.trim()) },
      });
      fill(sheet, voterCodeSheet(competition, round, issued, refresh));
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return card(
    { title: { zh: '居民投票码', en: 'Voter codes' }, headingId: 'voter-codes-heading' },
    round.phase === 'closed'
      ? tx('p', { zh: '投票已结束，不再发放投票码。', en: 'The vote has closed; no more codes.' }, { class: 'muted' })
      : form,
    sheet,
    dataTable(
      [
        { zh: '社区', en: 'Community' },
        { zh: '数量', en: 'Codes', num: true },
        { zh: '发放时间', en: 'Issued' },
      ],
      round.codeBatches.map((batch) =>
        h(
          'tr',
          {},
          h('td', {}, batch.community),
          h('td', { class: 'num' }, String(batch.size)),
          h('td', {}, beijingTime(batch.issuedAt)),
        ),
      ),
      {
        empty: { zh: '尚未发放投票码。', en: 'No codes issued yet.' },
        attributes: { 'aria-label': '已发放的投票码 / code batches' },
      },
    ),
  );
}

function flagsText(flags) {
  return {
    zh: flags.map((flag) => labelOf(VOTE_FLAG_LABELS, flag).zh).join('；'),
    en: flags.map((flag) => labelOf(VOTE_FLAG_LABELS, flag).en).join('; '),
  };
}

/** One group of flagged votes with its decision: a reason, then void or clear, asked once more. */
function reviewGroup(ctx, round, group, index, reload) {
  const reason = h('textarea', { rows: 2, maxlength: 200 });
  const box = messageBox();
  const decision = h('div', { class: 'actions' });
  const form = h('div', {});
  const decide = async (choice) => {
    try {
      const result = await ctx.api(`/vote-rounds/${round.id}/reviews`, {
        method: 'POST',
        body: { decision: choice, reason: reason.value.trim(), voteIds: group.votes.map((vote) => vote.id) },
      });
      await reload(
        choice === 'void'
          ? { zh: `已作废 ${result.reviewed} 张选票`, en: `${result.reviewed} vote(s) voided` }
          : { zh: `已核实 ${result.reviewed} 张选票`, en: `${result.reviewed} vote(s) cleared` },
      );
    } catch (error) {
      showApiError(form, box, error);
      ask();
    }
  };
  const ask = () =>
    fill(
      decision,
      tx(
        'button',
        { zh: '作废这组选票', en: 'Void these votes' },
        {
          type: 'button',
          class: 'danger',
          onclick: () => confirm('void'),
        },
      ),
      tx('button', { zh: '核实无误', en: 'Clear the flags' }, { type: 'button', onclick: () => confirm('clear') }),
    );
  const confirm = (choice) =>
    fill(
      decision,
      tx(
        'span',
        choice === 'void'
          ? {
              zh: `确认作废这 ${group.votes.length} 张选票？作废后不再计票，不能撤回。`,
              en: `Void these ${group.votes.length} votes? They stop counting, for good.`,
            }
          : { zh: `确认这 ${group.votes.length} 张选票有效？`, en: `Keep these ${group.votes.length} votes as valid?` },
        { class: 'confirm-question' },
      ),
      tx(
        'button',
        choice === 'void' ? { zh: '确认作废', en: 'Confirm void' } : { zh: '确认核实', en: 'Confirm clear' },
        { type: 'button', class: choice === 'void' ? 'danger' : 'primary', onclick: () => decide(choice) },
      ),
      tx('button', { zh: '取消', en: 'Cancel' }, { type: 'button', onclick: ask }),
    );
  ask();
  fill(
    form,
    field({ zh: '审核理由（记入审计日志，导出文件中显示）', en: 'Reason (audited, shown in the export)' }, reason, {
      path: 'reason',
    }),
    decision,
    box,
  );
  const more = group.count > group.votes.length ? group.count - group.votes.length : 0;
  return h(
    'article',
    { class: 'card', 'data-testid': 'review-group', 'aria-labelledby': `review-group-${index}` },
    tx('h3', flagsText(group.flags), { id: `review-group-${index}` }),
    tx(
      'p',
      {
        zh: `来源地址摘要 ${group.addressHash.slice(0, 12)}…，共 ${group.count} 张`,
        en: `Address hash ${group.addressHash.slice(0, 12)}…, ${group.count} vote(s)`,
      },
      { class: 'muted' },
    ),
    dataTable(
      [
        { zh: '选票编号', en: 'Vote' },
        { zh: '时间', en: 'Cast at' },
        { zh: '项目', en: 'Project' },
        { zh: '设备摘要', en: 'Device hash' },
      ],
      group.votes.map((vote) =>
        h(
          'tr',
          {},
          h('td', {}, vote.id),
          h('td', {}, beijingTime(vote.castAt)),
          h('td', {}, vote.projectTitle),
          h('td', {}, h('code', {}, vote.deviceHash.slice(0, 12))),
        ),
      ),
      { attributes: { 'aria-label': `选票 / votes ${index + 1}` } },
    ),
    more > 0
      ? tx(
          'p',
          { zh: `另有 ${more} 张待处理完本组后列出。`, en: `${more} more are listed once these are decided.` },
          {
            class: 'muted',
          },
        )
      : null,
    form,
  );
}

function reviewCard(ctx, round) {
  const area = h('div', {});
  const box = messageBox();
  // The cursors of the pages read so far: the first page has none; "next" pushes, "previous" pops.
  const cursors = [undefined];
  const pageAddress = () => {
    const after = cursors[cursors.length - 1];
    return `/vote-rounds/${round.id}/review-queue${after ? `?after=${encodeURIComponent(after)}` : ''}`;
  };
  const load = async (done) => {
    const queue = await ctx.api(pageAddress());
    const page = cursors.length;
    const turn = (change) => {
      change();
      hideMessage(box);
      void load().catch((error) => showApiError(area, box, error));
    };
    fill(
      area,
      tx(
        'p',
        {
          zh: `待审核 ${queue.pending} 张；审核前照常计票。`,
          en: `${queue.pending} awaiting review; they count until decided.`,
        },
        { 'data-testid': 'review-pending' },
      ),
      queue.groups.map((group, index) => reviewGroup(ctx, round, group, index, load)),
      page > 1 || queue.nextAfter
        ? h(
            'nav',
            {
              class: 'actions',
              'aria-label': '待审核选票分页 / pages of flagged votes',
              'data-testid': 'review-pages',
            },
            tx(
              'span',
              { zh: `第 ${page} 页，本页 ${queue.listed} 张`, en: `Page ${page}, ${queue.listed} vote(s) on it` },
              { 'data-testid': 'review-page' },
            ),
            page > 1
              ? tx(
                  'button',
                  { zh: '上一页', en: 'Previous page' },
                  { type: 'button', onclick: () => turn(() => cursors.pop()) },
                )
              : null,
            queue.nextAfter
              ? tx(
                  'button',
                  { zh: '下一页', en: 'Next page' },
                  { type: 'button', onclick: () => turn(() => cursors.push(queue.nextAfter)) },
                )
              : null,
          )
        : null,
    );
    if (done) showMessage(box, done, 'ok');
  };
  void load().catch((error) => showApiError(area, box, error));
  return card(
    {
      title: { zh: '可疑选票审核', en: 'Flagged votes' },
      hint: {
        zh: '同一设备、地址或网段短时间内大量投票，或同一批投票码被集中使用时，选票被标记。家庭或社区共用网络也会触发标记，请核实后再作废。',
        en: 'Votes are flagged when one device, address or network block votes a lot within a minute, or a batch of codes is used at once. A family or a community centre sharing one network does too: check before voiding.',
      },
      headingId: 'review-heading',
      'data-testid': 'review-queue',
    },
    box,
    area,
  );
}
