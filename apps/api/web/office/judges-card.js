// The panel on the day: add judges, hand out their codes on a printed sheet, reissue a lost code,
// remove a judge who has not scored, see which tablets are online, and lift a sign-in pause.
import { fill, h } from '../shared/dom.js';
import { field, input, messageBox, select, showApiError, showMessage } from '../shared/forms.js';
import { labelOf, tx } from '../shared/i18n.js';
import { dataTable } from '../shared/table.js';
import { beijingClock, beijingTime } from '../shared/time.js';
import { JUDGE_GROUP_LABELS } from '/vocabulary.js';
import { codeSheet } from './code-sheet.js';
import { card } from '../shared/card.js';

/** The tablets sync every few seconds; the office's view of them need not be fresher than this. */
const PRESENCE_REFRESH_MS = 15_000;

const PAUSE_TEXT = {
  roadshow: (until) => ({
    zh: `本场路演全部签到暂停至 ${until}`,
    en: `All sign-ins to this roadshow are paused until ${until}`,
  }),
  address: (until, address) => ({
    zh: `来自 ${address} 的签到暂停至 ${until}`,
    en: `Sign-ins from ${address} are paused until ${until}`,
  }),
  code: (until) => ({
    zh: `一个多次输错的签到码暂停至 ${until}`,
    en: `One code tried too often is paused until ${until}`,
  }),
};

/**
 * A row's action that asks once more, in place, before it acts. `asking` holds the keys of the
 * questions open, so the list's refresh every few seconds redraws a question as it was.
 */
function confirmingButton({ key, asking }, pair, question, className, act) {
  const holder = h('span', { class: 'confirming' });
  const ask = () => {
    asking.add(key);
    fill(
      holder,
      tx('span', question, { class: 'confirm-question' }),
      tx('button', { zh: '确认', en: 'Confirm' }, { type: 'button', class: className, onclick: confirm }),
      tx('button', { zh: '取消', en: 'Cancel' }, { type: 'button', onclick: () => reset() }),
    );
  };
  const reset = () => {
    asking.delete(key);
    fill(holder, tx('button', pair, { type: 'button', onclick: ask }));
  };
  const confirm = () => {
    asking.delete(key);
    return act();
  };
  if (asking.has(key)) ask();
  else reset();
  return holder;
}

function tabletsCell(judge) {
  if (judge.tablets.length === 0) return tx('td', { zh: '未登录', en: 'Not signed in' }, { class: 'muted' });
  const online = judge.tablets.filter((tablet) => tablet.online).length;
  const last = judge.tablets[0].lastSeenAt;
  return h(
    'td',
    { 'data-testid': 'tablet-status', 'data-online': String(online) },
    online > 0
      ? tx('span', { zh: `● 在线（${online} 台）`, en: `● online (${online})` }, { class: 'ok' })
      : tx('span', { zh: '○ 离线', en: '○ offline' }, { class: 'warn' }),
    h('div', { class: 'muted' }, tx('span', { zh: '最近同步 ', en: 'last sync ' }), beijingClock(last)),
  );
}

export function judgesCard(ctx, { base, venue, competitionTitle, onPanelChanged }) {
  const sheetArea = h('div', { 'aria-live': 'polite' });
  const linkArea = h('div', {});
  const pausesArea = h('div', {});
  const tableArea = h('div', {});
  const chooserArea = h('div', {});
  const box = messageBox();
  let panel = { items: [], judgeUrl: '' };
  let recusalCounts = new Map();
  const asking = new Set();

  const showSheet = (codes) =>
    fill(sheetArea, codeSheet({ competitionTitle, venue, codes, onDone: () => fill(sheetArea) }));

  const issue = async (judgeIds) => {
    try {
      const issued = await ctx.api(`${base}/judge-codes`, { method: 'POST', body: { judgeIds } });
      fill(chooserArea);
      showSheet(issued.codes);
      await refresh();
    } catch (error) {
      showApiError(element, box, error);
    }
  };

  const remove = async (judge) => {
    try {
      await ctx.api(`${base}/judges/${judge.id}`, { method: 'DELETE' });
      showMessage(box, { zh: `已移除评委 ${judge.name}`, en: `${judge.name} was removed` }, 'ok');
      await refresh();
      await onPanelChanged();
    } catch (error) {
      showApiError(element, box, error);
    }
  };

  const renderTable = () => {
    fill(
      tableArea,
      dataTable(
        [
          { zh: '评委', en: 'Judge' },
          { zh: '评审组', en: 'Group' },
          { zh: '回避项目数', en: 'Recusals', num: true },
          { zh: '平板', en: 'Tablet' },
          { zh: '签到码生成于', en: 'Code issued' },
          { zh: '操作', en: 'Actions' },
        ],
        panel.items.map((judge) =>
          h(
            'tr',
            { 'data-testid': 'judge-row', 'data-judge': judge.name },
            h('td', {}, judge.name, judge.community ? h('div', { class: 'muted' }, judge.community) : null),
            tx('td', labelOf(JUDGE_GROUP_LABELS, judge.group)),
            h('td', { class: 'num' }, String(recusalCounts.get(judge.id) ?? 0)),
            tabletsCell(judge),
            h('td', { class: 'nowrap' }, beijingTime(judge.codeIssuedAt)),
            h(
              'td',
              { class: 'row-actions' },
              confirmingButton(
                { key: `reissue:${judge.id}`, asking },
                { zh: '重新生成签到码', en: 'Reissue code' },
                { zh: '旧码和已登录的平板将失效？', en: 'The old code and its tablets stop?' },
                'primary',
                () => issue([judge.id]),
              ),
              judge.scoredCount === 0
                ? confirmingButton(
                    { key: `remove:${judge.id}`, asking },
                    { zh: '移除', en: 'Remove' },
                    { zh: `移除 ${judge.name}？`, en: `Remove ${judge.name}?` },
                    'danger',
                    () => remove(judge),
                  )
                : null,
            ),
          ),
        ),
        { empty: { zh: '还没有评委。', en: 'No judges yet.' } },
      ),
    );
  };

  const renderPauses = (pauses) => {
    fill(
      pausesArea,
      pauses.length === 0
        ? null
        : h(
            'div',
            { class: 'message-box warn', 'data-testid': 'sign-in-pauses' },
            tx('p', { zh: '评委签到因多次输错被暂停：', en: 'Judge sign-in is paused after many wrong codes:' }),
            h(
              'ul',
              {},
              pauses.map((pause) => tx('li', PAUSE_TEXT[pause.scope](beijingTime(pause.until), pause.address))),
            ),
            tx(
              'button',
              { zh: '解除签到暂停', en: 'Lift the pause' },
              {
                type: 'button',
                class: 'primary',
                onclick: async () => {
                  try {
                    await ctx.api(`${base}/sign-in-pauses`, { method: 'DELETE' });
                    await refresh();
                  } catch (error) {
                    showApiError(element, box, error);
                  }
                },
              },
            ),
          ),
    );
  };

  const renderLink = () => {
    const link = h('output', { class: 'mono', 'data-testid': 'judge-link' }, panel.judgeUrl);
    fill(
      linkArea,
      h(
        'p',
        { class: 'judge-link' },
        tx('span', { zh: '评委平板链接（不含签到码）：', en: 'Judge tablet link (no code): ' }),
        link,
      ),
    );
  };

  /** Which judges get new codes for the sheet: by default those whose code no tablet has used. */
  const openChooser = () => {
    const boxes = panel.items.map((judge) => {
      const check = h('input', { type: 'checkbox', value: judge.id, checked: judge.tablets.length === 0 });
      return h('label', { class: 'check' }, check, h('span', {}, judge.name));
    });
    fill(
      chooserArea,
      h(
        'fieldset',
        { class: 'sheet-chooser', 'data-testid': 'sheet-chooser' },
        tx('legend', { zh: '为哪些评委打印签到单', en: 'Print a code sheet for' }),
        tx(
          'p',
          {
            zh: '服务器只保存签到码的摘要，打印签到单会为所选评委重新生成签到码：他们的旧签到码、之前打印的签到单立即作废，用旧码登录的平板需重新登录。',
            en: 'The server keeps only digests, so printing a sheet issues new codes to the chosen judges: their old codes and any sheet printed before stop working, and tablets signed in with them must sign in again.',
          },
          { class: 'hint' },
        ),
        h('div', { class: 'check-list' }, boxes),
        h(
          'div',
          { class: 'actions' },
          tx(
            'button',
            { zh: '生成签到码并预览', en: 'Issue codes and preview' },
            {
              type: 'button',
              class: 'primary',
              onclick: () => {
                const ids = boxes
                  .map((label) => label.querySelector('input'))
                  .filter((c) => c.checked)
                  .map((c) => c.value);
                if (ids.length === 0) {
                  showMessage(box, { zh: '请至少选择一位评委', en: 'Choose at least one judge' });
                  return;
                }
                void issue(ids);
              },
            },
          ),
          tx('button', { zh: '取消', en: 'Cancel' }, { type: 'button', onclick: () => fill(chooserArea) }),
        ),
      ),
    );
  };

  const judgeName = input({ maxlength: 100, required: true });
  const judgeGroup = select(Object.entries(JUDGE_GROUP_LABELS), { value: 'expert' });
  const judgeCommunity = input({ maxlength: 100 });
  const judgeForm = h(
    'form',
    { novalidate: true },
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '评委姓名', en: 'Name' }, judgeName, { path: 'name' }),
      field({ zh: '评审组', en: 'Group' }, judgeGroup, { path: 'group' }),
      field(
        { zh: '所在社区（选填，该社区项目自动回避）', en: 'Community (optional; its projects are recused)' },
        judgeCommunity,
        { path: 'community' },
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '添加评委并生成签到码', en: 'Add judge and issue a code' }, { type: 'submit' }),
      tx('button', { zh: '打印签到单…', en: 'Print a code sheet…' }, { type: 'button', onclick: openChooser }),
    ),
  );
  judgeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const added = await ctx.api(`${base}/judges`, {
        method: 'POST',
        body: {
          name: judgeName.value,
          group: judgeGroup.value,
          ...(judgeCommunity.value.trim() ? { community: judgeCommunity.value.trim() } : {}),
        },
      });
      showSheet([added]);
      if (added.automaticRecusals.length > 0) {
        showMessage(
          box,
          {
            zh: `${added.judge.name} 已自动回避 ${added.automaticRecusals.length} 个项目`,
            en: `${added.judge.name}: ${added.automaticRecusals.length} project(s) recused automatically`,
          },
          'ok',
        );
      }
      judgeName.value = '';
      judgeCommunity.value = '';
      await refresh();
      await onPanelChanged();
    } catch (error) {
      showApiError(judgeForm, box, error);
    }
  });

  const element = card(
    { title: { zh: '评委', en: 'Judges' }, headingId: 'judges-heading' },
    tx('p', { zh: `路演地点：${venue}`, en: `Venue: ${venue}` }, { class: 'muted' }),
    linkArea,
    pausesArea,
    judgeForm,
    chooserArea,
    box,
    sheetArea,
    tableArea,
  );

  let refreshes = 0;
  const refresh = async () => {
    refreshes += 1;
    const mine = refreshes;
    const [nextPanel, pauses] = await Promise.all([ctx.api(`${base}/judges`), ctx.api(`${base}/sign-in-pauses`)]);
    if (mine !== refreshes) return;
    panel = nextPanel;
    renderLink();
    renderPauses(pauses.items);
    renderTable();
  };
  const timer = setInterval(() => void refresh().catch(() => {}), PRESENCE_REFRESH_MS);
  ctx.onLeave(() => clearInterval(timer));

  return {
    element,
    refresh,
    /** The roadshow's state changed (recusals): redraw the counts. */
    render(state) {
      recusalCounts = new Map();
      for (const recusal of state.recusals) {
        recusalCounts.set(recusal.judgeId, (recusalCounts.get(recusal.judgeId) ?? 0) + 1);
      }
      renderTable();
    },
  };
}
