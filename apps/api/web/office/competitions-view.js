// The office's competitions, and a new one from a preset (党建项目创投大赛 / 社区公益微创投).
import { formatYuan, h } from '../shared/dom.js';
import {
  clearFormErrors,
  field,
  focusFirstInvalid,
  input,
  markField,
  messageBox,
  select,
  sendThen,
} from '../shared/forms.js';
import { COMPETITION_PRESET_LABELS, COMPETITION_STATE_LABELS } from '/vocabulary.js';
import { beijingTime } from '../shared/time.js';
import { parseYuan } from '../shared/money.js';
import { dataTable } from '../shared/table.js';
import { labelOf, tx } from '../shared/i18n.js';
import { breadcrumb } from '../shared/app-shell.js';

const PRESETS = Object.entries(COMPETITION_PRESET_LABELS);

export async function competitionsView(ctx) {
  const page = await ctx.api('/competitions?pageSize=100');
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'page-head' },
      tx('h1', { zh: '公益创投大赛', en: 'Competitions' }),
      tx('a', { zh: '审计日志', en: 'Audit log' }, { class: 'button', href: '#/audit' }),
      tx('a', { zh: '事件推送', en: 'Webhooks' }, { class: 'button', href: '#/webhooks' }),
      tx('a', { zh: '本单位设置', en: 'Office settings' }, { class: 'button', href: '#/settings' }),
      tx('a', { zh: '＋ 新建大赛', en: '＋ New competition' }, { class: 'button primary', href: '#/competitions/new' }),
    ),
    h(
      'section',
      { class: 'card' },
      dataTable(
        [
          { zh: '名称', en: 'Title' },
          { zh: '状态', en: 'State' },
          { zh: '资金池', en: 'Pool', num: true },
          { zh: '申报截止（北京时间）', en: 'Deadline (Beijing)' },
        ],
        page.items.map((competition) =>
          h(
            'tr',
            { 'data-testid': 'competition-row' },
            h('td', {}, h('a', { href: `#/competitions/${competition.id}` }, competition.title)),
            h('td', {}, tx('span', labelOf(COMPETITION_STATE_LABELS, competition.state), { class: 'badge' })),
            h('td', { class: 'num' }, formatYuan(competition.poolFen)),
            h('td', {}, beijingTime(competition.submissionDeadline)),
          ),
        ),
        { empty: { zh: '还没有大赛，先新建一个。', en: 'No competition yet: create one.' } },
      ),
    ),
  );
}

/** "2026-03-31T17:00" typed in a datetime-local box means Beijing time: say so explicitly. */
export function beijingDeadline(localValue) {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(localValue) ? `${localValue}:00+08:00` : null;
}

/** An ISO instant as the value of a datetime-local box, in Beijing time. */
export function toBeijingLocal(iso) {
  return beijingTime(iso).replace(' ', 'T');
}

/** The way back to this list from the pages opened off it. */
export function backToCompetitions() {
  return breadcrumb({ zh: '← 全部大赛', en: '← All competitions' }, '#/competitions');
}

export async function newCompetitionView(ctx) {
  const preset = select(PRESETS, { name: 'preset', value: 'party-building' });
  const title = input({ name: 'title', maxlength: 100, required: true });
  const pool = input({ name: 'pool', inputmode: 'decimal', required: true, placeholder: '300000' });
  const deadline = input({ type: 'datetime-local', name: 'deadline', required: true });
  const grantorName = input({ name: 'grantorName', maxlength: 100, required: true });
  const grantorAddress = input({ name: 'grantorAddress', maxlength: 200, required: true });
  const grantorRep = input({ name: 'grantorRepresentative', maxlength: 50, required: true });
  const box = messageBox();
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '预设规则', en: 'Preset' }, preset, {
        path: 'preset',
        hint: {
          zh: '评分细则、分配规则与拨付比例可在创建后修改',
          en: 'rubric, allocation and tranches can be changed afterwards',
        },
      }),
      field({ zh: '大赛名称', en: 'Title' }, title, { path: 'title' }),
      field({ zh: '资金池（元）', en: 'Pool (yuan)' }, pool, {
        path: 'poolFen',
        hint: { zh: '精确到分，如 300000 或 300000.50', en: 'exact to the fen, e.g. 300000 or 300000.50' },
      }),
      field({ zh: '申报截止时间（北京时间）', en: 'Submission deadline (Beijing time)' }, deadline, {
        path: 'submissionDeadline',
      }),
    ),
    tx('h2', { zh: '资助方（协议甲方）', en: 'Grantor (party A of the agreements)' }),
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '单位名称', en: 'Name' }, grantorName, { path: 'grantor.name' }),
      field({ zh: '地址', en: 'Address' }, grantorAddress, { path: 'grantor.address' }),
      field({ zh: '法定代表人/负责人', en: 'Representative' }, grantorRep, { path: 'grantor.representative' }),
    ),
    box,
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '创建大赛', en: 'Create competition' }, { type: 'submit', class: 'primary' }),
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const poolFen = parseYuan(pool.value);
    const deadlineIso = beijingDeadline(deadline.value);
    clearFormErrors(form, box);
    let ok = true;
    if (poolFen.error) {
      markField(form, 'poolFen', poolFen.error);
      ok = false;
    }
    if (!deadlineIso) {
      markField(form, 'submissionDeadline', { zh: '请选择截止日期和时间', en: 'choose the deadline date and time' });
      ok = false;
    }
    if (!ok) {
      focusFirstInvalid(form);
      return;
    }
    // The preset's per-project cap must fit in the pool: that refusal belongs under the pool.
    await sendThen(
      form,
      box,
      () =>
        ctx.api('/competitions', {
          method: 'POST',
          body: {
            preset: preset.value,
            title: title.value,
            poolFen: poolFen.fen,
            submissionDeadline: deadlineIso,
            grantor: { name: grantorName.value, address: grantorAddress.value, representative: grantorRep.value },
          },
        }),
      (created) => ctx.go(`#/competitions/${created.id}`),
      { mapPath: (path) => (path === 'rules.maxRequestFen' ? 'poolFen' : path) },
    );
  });
  return h('div', {}, backToCompetitions(), tx('h1', { zh: '新建大赛', en: 'New competition' }), form);
}
