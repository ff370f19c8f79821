// 评分构成: the values of the rules' entered components (初评, 材料评审, 定向捐赠 …) per project,
// typed in or imported from a CSV, then locked before a ranking run; the public vote's values are
// shown as they arrive from its round. Every write goes to the server, which checks each value
// and audits it; its refusals show beside the value or, for a CSV, line by line.
import { ApiError } from '../shared/api.js';
import { fill, h } from '../shared/dom.js';
import { saveBlob } from '../shared/download.js';
import { clearFormErrors, field, markField, messageBox, showApiError, showMessage } from '../shared/forms.js';
import { biLabel, tx } from '../shared/i18n.js';
import { fenToYuanText, parseYuan } from '../shared/money.js';
import { componentShare } from '../shared/score-components.js';
import { beijingTime } from '../shared/time.js';
import { dataTable } from '../shared/table.js';
import { confirmed } from './confirm-in-place.js';
import { unroundedText } from './results-tab.js';
import { SOURCE_LABELS } from './score-components-rules.js';

const PROJECT_ID_COLUMN = '项目编号 / Project ID';
const VALUE_COLUMN = '分数 / Value';
const DONATION_COLUMN = '捐赠金额（元）/ Donations (yuan)';

const STATES = {
  missing: { zh: '未录入', en: 'Missing' },
  entered: { zh: '已录入', en: 'Entered' },
  locked: { zh: '已锁定', en: 'Locked' },
};

/** Every screened-in project of the competition, by id, in the order the submissions list gives. */
async function screenedInProjects(ctx, competitionId) {
  const projects = new Map();
  for (let page = 1; ; page += 1) {
    const query = new URLSearchParams({ screening: 'passed', pageSize: '100', page: String(page) });
    const listed = await ctx.api(`/competitions/${competitionId}/submissions?${query}`);
    for (const item of listed.items) projects.set(item.id, item.title);
    if (listed.items.length === 0 || projects.size >= listed.total) return projects;
  }
}

/** A CSV cell, quoted when it holds a separator, a quote or a line break. */
function csvCell(text) {
  const value = String(text);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function partText(component) {
  const share = componentShare(component);
  const max = component.maxPoints
    ? { zh: `，最高 ${component.maxPoints} 分`, en: `, at most ${component.maxPoints}` }
    : null;
  const donation = component.fenPerPoint
    ? {
        zh: `，按定向捐赠折算：每 ${fenToYuanText(component.fenPerPoint)} 元 1 分`,
        en: `, from directed donations: 1 point per ¥${fenToYuanText(component.fenPerPoint)}`,
      }
    : null;
  return {
    zh: `${SOURCE_LABELS[component.source].zh} · ${share.zh}${max?.zh ?? ''}${donation?.zh ?? ''}`,
    en: `${SOURCE_LABELS[component.source].en} · ${share.en}${max?.en ?? ''}${donation?.en ?? ''}`,
  };
}

function componentState(component) {
  if (component.locked) return 'locked';
  return component.missingProjectIds.length > 0 ? 'missing' : 'entered';
}

function stateLine(component) {
  const state = componentState(component);
  const missing = component.missingProjectIds.length;
  const detail =
    state === 'locked'
      ? { zh: `，${beijingTime(component.lockedAt)} 锁定`, en: `, on ${beijingTime(component.lockedAt)}` }
      : state === 'missing'
        ? { zh: `：${missing} 个项目还没有分数`, en: `: ${missing} project(s) without a value` }
        : { zh: '：全部项目都有分数，锁定后才能排名', en: ': every project has a value; lock it to rank' };
  return h(
    'p',
    { 'data-testid': 'component-state' },
    tx('span', { zh: '状态：', en: 'State: ' }),
    tx('strong', STATES[state], { class: `badge state-${state}` }),
    tx('span', detail),
  );
}

let cellCount = 0;

/** An input in a table cell: labelled for screen readers, with its own place for the server's refusal. */
function cellInput(label, attributes) {
  const control = h('input', { type: 'text', ...attributes, ...biLabel(label) });
  cellCount += 1;
  const id = `component-value-${cellCount}`;
  control.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  control.setAttribute('aria-describedby', error.id);
  return { control, cell: h('td', {}, control, error) };
}

/** The lock (after a second question) or, once locked, the unlock to correct a value; both audited. */
function lockControls(ctx, competition, component, reload) {
  const lockBox = messageBox();
  const lockArea = component.locked
    ? tx(
        'button',
        { zh: '解除锁定以更正', en: 'Unlock to correct' },
        {
          type: 'button',
          onclick: async () => {
            try {
              await ctx.api(`/competitions/${competition.id}/components/${component.key}/unlock`, { method: 'POST' });
              await reload({ zh: `「${component.labelZh}」已解除锁定`, en: `“${component.labelEn}” unlocked` });
            } catch (error) {
              showApiError(lockArea, lockBox, error);
            }
          },
        },
      )
    : confirmed(
        { zh: '锁定', en: 'Lock' },
        {
          zh: `锁定「${component.labelZh}」后不能再修改分数，排名将使用这些分数。确认锁定？`,
          en: `Once “${component.labelEn}” is locked its values cannot change and the ranking uses them. Lock it?`,
        },
        async () => {
          try {
            await ctx.api(`/competitions/${competition.id}/components/${component.key}/lock`, { method: 'POST' });
            await reload({ zh: `「${component.labelZh}」已锁定`, en: `“${component.labelEn}” locked` });
          } catch (error) {
            showApiError(lockArea, lockBox, error);
          }
        },
        { zh: '确认锁定', en: 'Confirm the lock' },
      );
  return h('div', {}, h('div', { class: 'actions' }, lockArea), lockBox);
}

function inputComponentCard(ctx, competition, component, projects, reload) {
  const box = messageBox();
  const donations = Boolean(component.fenPerPoint);
  const values = new Map(component.values.map((row) => [row.projectId, row]));
  const entries = [...projects].map(([projectId, title]) => {
    const stored = values.get(projectId);
    // A donation is stored as the points it gives; the amount is typed afresh to change it.
    const shown = !donations && stored && !stored.value.includes('/') ? stored.value : '';
    const { control, cell } = cellInput(
      donations
        ? { zh: `${title} 的捐赠金额（元）`, en: `Donations to ${title} (yuan)` }
        : { zh: `${title} 的分数`, en: `Value of ${title}` },
      { inputmode: 'decimal', value: shown, disabled: component.locked },
    );
    return { projectId, title, stored, shown, control, cell };
  });

  const table = dataTable(
    [
      { zh: '项目', en: 'Project' },
      { zh: '当前分数', en: 'Current value', num: true },
      { zh: '状态', en: 'State' },
      donations ? { zh: '捐赠金额（元）', en: 'Donations (yuan)' } : { zh: '分数', en: 'Value' },
    ],
    entries.map((entry) =>
      h(
        'tr',
        { 'data-testid': 'component-value-row' },
        h('td', {}, entry.title),
        h('td', { class: 'num' }, entry.stored ? unroundedText(entry.stored.value) : '—'),
        tx('td', STATES[component.locked ? 'locked' : entry.stored ? 'entered' : 'missing']),
        entry.cell,
      ),
    ),
  );

  const save = async (event) => {
    event.preventDefault();
    clearFormErrors(form, box);
    const changed = entries.filter((entry) => entry.control.value.trim() !== entry.shown);
    if (changed.length === 0) {
      showMessage(box, { zh: '没有改动的分数', en: 'No value changed' }, 'warn');
      return;
    }
    let ok = true;
    const body = changed.map((entry, i) => {
      const path = `values.${i}.${donations ? 'donationFen' : 'value'}`;
      entry.control.dataset.field = path;
      if (!donations) return { projectId: entry.projectId, value: entry.control.value.trim() };
      const parsed = parseYuan(entry.control.value);
      if (parsed.error) {
        markField(form, path, parsed.error);
        ok = false;
      }
      return { projectId: entry.projectId, donationFen: parsed.fen };
    });
    if (!ok) return;
    try {
      const saved = await ctx.api(`/competitions/${competition.id}/components/${component.key}/values`, {
        method: 'POST',
        body: { values: body },
      });
      await reload({ zh: `已保存 ${saved.written} 个项目的分数`, en: `Saved ${saved.written} value(s)` });
    } catch (error) {
      showApiError(form, box, error);
    }
  };

  const file = h('input', { type: 'file', accept: '.csv,text/csv', disabled: component.locked });
  const importBox = messageBox();
  const importForm = h(
    'form',
    { novalidate: true, class: 'component-import' },
    field({ zh: '导入 CSV 文件（UTF-8）', en: 'Import a CSV file (UTF-8)' }, file, {
      path: 'csv',
      hint: {
        zh: `首行为表头，含“${PROJECT_ID_COLUMN}”和“${donations ? DONATION_COLUMN : VALUE_COLUMN}”两列；任何一行有误则整份不导入`,
        en: `a header row with “${PROJECT_ID_COLUMN}” and “${donations ? DONATION_COLUMN : VALUE_COLUMN}”; if any line is wrong nothing is imported`,
      },
    }),
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '导入', en: 'Import' }, { type: 'submit', disabled: component.locked }),
      tx(
        'button',
        { zh: '下载导入模板', en: 'Download a template' },
        {
          type: 'button',
          onclick: () => {
            const lines = [
              [PROJECT_ID_COLUMN, '项目 / Project', donations ? DONATION_COLUMN : VALUE_COLUMN],
              ...entries.map((entry) => [entry.projectId, entry.title, '']),
            ];
            const text = `\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
            saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), `${component.key}-template.csv`);
          },
        },
      ),
    ),
    importBox,
  );
  importForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(importForm, importBox);
    const chosen = file.files?.[0];
    if (!chosen) {
      markField(importForm, 'csv', { zh: '请选择 CSV 文件', en: 'choose a CSV file' });
      return;
    }
    try {
      const saved = await ctx.api(`/competitions/${competition.id}/components/${component.key}/import`, {
        method: 'POST',
        body: { csv: await chosen.text() },
      });
      await reload({
        zh: `已导入：${saved.written} 个项目的分数写入，${saved.unchanged} 个不变`,
        en: `Imported: ${saved.written} value(s) written, ${saved.unchanged} unchanged`,
      });
    } catch (error) {
      showApiError(importForm, importBox, error);
    }
  });

  const form = h(
    'form',
    { novalidate: true },
    table,
    component.locked
      ? null
      : h('div', { class: 'actions' }, tx('button', { zh: '保存分数', en: 'Save values' }, { type: 'submit' })),
    box,
  );
  form.addEventListener('submit', save);
  return h(
    'section',
    { class: 'card', 'aria-label': `${component.labelZh} / ${component.labelEn}`, 'data-testid': 'component-card' },
    h('h2', {}, `${component.labelZh} / ${component.labelEn}`),
    tx('p', partText(component), { class: 'hint' }),
    stateLine(component),
    form,
    component.locked ? null : importForm,
    lockControls(ctx, competition, component, reload),
  );
}

function voteComponentCard(ctx, competition, component, projects, reload) {
  const values = new Map(component.values.map((row) => [row.projectId, row]));
  return h(
    'section',
    { class: 'card', 'aria-label': `${component.labelZh} / ${component.labelEn}`, 'data-testid': 'component-card' },
    h('h2', {}, `${component.labelZh} / ${component.labelEn}`),
    tx('p', partText(component), { class: 'hint' }),
    tx('p', {
      zh: '分数来自网络投票：投票轮次结束时按有效票数折算（得票最多的项目得最高分，其余按票数比例），办公室不能修改。',
      en: 'Values come from the public vote: when its round closes, valid votes become points (the most-voted project gets the maximum, the others in proportion); the office cannot edit them.',
    }),
    stateLine(component),
    dataTable(
      [
        { zh: '项目', en: 'Project' },
        { zh: '分数', en: 'Value', num: true },
      ],
      [...projects].map(([projectId, title]) =>
        h(
          'tr',
          { 'data-testid': 'component-value-row' },
          h('td', {}, title),
          h('td', { class: 'num' }, values.has(projectId) ? unroundedText(values.get(projectId).value) : '—'),
        ),
      ),
    ),
    lockControls(ctx, competition, component, reload),
  );
}

export async function componentsTab(ctx, competition) {
  const area = h('div', { 'aria-live': 'polite' });
  const box = messageBox();
  const load = async () => {
    let listed;
    try {
      listed = await ctx.api(`/competitions/${competition.id}/components`);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      listed = { components: [] };
    }
    const projects = listed.components.length > 0 ? await screenedInProjects(ctx, competition.id) : new Map();
    // A value may belong to a project screened out after it was entered: keep it in view.
    for (const component of listed.components) {
      for (const row of component.values)
        if (!projects.has(row.projectId)) projects.set(row.projectId, row.projectTitle);
    }
    const reload = async (pair) => {
      await load();
      showMessage(box, pair, 'ok');
    };
    fill(
      area,
      listed.components.length === 0
        ? tx(
            'p',
            {
              zh: '规则中没有需要录入或投票的评分构成：总分即路演得分。可在「评审与分配规则」中添加。',
              en: 'The rules have no entered or voted component: the final score is the roadshow score. Add components under Rules.',
            },
            { class: 'muted' },
          )
        : listed.components.map((component) =>
            component.source === 'vote'
              ? voteComponentCard(ctx, competition, component, projects, reload)
              : inputComponentCard(ctx, competition, component, projects, reload),
          ),
    );
  };
  await load();
  return h(
    'div',
    {},
    tx(
      'p',
      {
        zh: '每项录入或投票构成都要有全部项目的分数并锁定，才能排名。',
        en: 'Every entered or voted component needs a value for each project and must be locked before ranking.',
      },
      { class: 'hint' },
    ),
    box,
    area,
  );
}
