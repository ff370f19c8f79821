// 审计日志: who did what to which record, filtered, page by page, and the export that the audit
// CLI's verify command checks. An office reads its own log, an administrator every office's.
import { h } from '../shared/dom.js';
import { downloadFile } from '../shared/download.js';
import { field, input, messageBox, select, showApiError } from '../shared/forms.js';
import { labelOf, tx } from '../shared/i18n.js';
import { dataTable } from '../shared/table.js';
import { beijingClock, beijingTime } from '../shared/time.js';
import { AUDIT_ACTION_LABELS, AUDIT_ACTOR_TYPE_LABELS } from '/vocabulary.js';
import { backToCompetitions, beijingDeadline, toBeijingLocal } from './competitions-view.js';

const FILTERS = ['subjectType', 'subjectId', 'actorType', 'actorId', 'action', 'from', 'to'];
const PAGE_SIZE = 50;

/** To the second, in Beijing time: two acts in one minute stay apart. */
function beijingSecond(iso) {
  return `${beijingTime(iso).slice(0, 10)} ${beijingClock(iso)}`;
}

function actorCell(row) {
  const kind = labelOf(AUDIT_ACTOR_TYPE_LABELS, row.actorType);
  return h('td', {}, tx('span', kind), row.actorName || row.actorId ? ` ${row.actorName ?? row.actorId}` : '');
}

function subjectCell(row) {
  const id =
    row.subjectType === 'competition' && /^[0-9a-f-]{36}$/.test(row.subjectId)
      ? h('a', { href: `#/competitions/${row.subjectId}` }, row.subjectId)
      : row.subjectId;
  return h('td', {}, h('span', { class: 'muted' }, row.subjectType), ' ', id);
}

function auditRow(row) {
  return h(
    'tr',
    { 'data-testid': 'audit-row' },
    h('td', {}, h('time', { datetime: row.occurredAt }, beijingSecond(row.occurredAt))),
    actorCell(row),
    h('td', {}, tx('span', labelOf(AUDIT_ACTION_LABELS, row.action), { title: row.action })),
    subjectCell(row),
    h('td', {}, h('code', { title: row.hash }, row.hash.slice(0, 12))),
  );
}

export async function auditView(ctx, queryText = '') {
  const params = new URLSearchParams(queryText);
  const query = new URLSearchParams();
  for (const name of [...FILTERS, 'before']) if (params.get(name)) query.set(name, params.get(name));
  const box = messageBox();
  const subjectType = input({
    name: 'subjectType',
    value: params.get('subjectType') ?? '',
    placeholder: 'competition',
  });
  const subjectId = input({ name: 'subjectId', value: params.get('subjectId') ?? '' });
  const actorType = select([['', { zh: '全部', en: 'all' }], ...Object.entries(AUDIT_ACTOR_TYPE_LABELS)], {
    name: 'actorType',
    value: params.get('actorType') ?? '',
  });
  const action = select([['', { zh: '全部', en: 'all' }], ...Object.entries(AUDIT_ACTION_LABELS)], {
    name: 'action',
    value: params.get('action') ?? '',
  });
  const from = input({
    type: 'datetime-local',
    name: 'from',
    value: params.get('from') ? toBeijingLocal(params.get('from')) : '',
  });
  const to = input({
    type: 'datetime-local',
    name: 'to',
    value: params.get('to') ? toBeijingLocal(params.get('to')) : '',
  });

  const chosen = () => {
    const next = new URLSearchParams();
    const set = (name, value) => value && next.set(name, value);
    set('subjectType', subjectType.value.trim());
    set('subjectId', subjectId.value.trim());
    set('actorType', actorType.value);
    set('actorId', params.get('actorId') ?? '');
    set('action', action.value);
    set('from', beijingDeadline(from.value) ?? '');
    set('to', beijingDeadline(to.value) ?? '');
    return next;
  };

  const form = h(
    'form',
    { class: 'card', novalidate: true, 'aria-label': '筛选 / Filters' },
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '对象类型', en: 'Subject type' }, subjectType, { path: 'subjectType' }),
      field({ zh: '对象编号', en: 'Subject id' }, subjectId, { path: 'subjectId' }),
      field({ zh: '操作者', en: 'Actor' }, actorType, { path: 'actorType' }),
      field({ zh: '操作', en: 'Action' }, action, { path: 'action' }),
      field({ zh: '起始时间（北京时间）', en: 'From (Beijing time)' }, from, { path: 'from' }),
      field({ zh: '结束时间（北京时间）', en: 'To (Beijing time)' }, to, { path: 'to' }),
    ),
    box,
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '筛选', en: 'Filter' }, { type: 'submit', class: 'primary' }),
      tx(
        'button',
        { zh: '导出 CSV', en: 'Export CSV' },
        { type: 'button', 'data-testid': 'audit-export', onclick: exportCsv },
      ),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.go(`#/audit?${chosen()}`);
  });

  // The API names a filter as `from` or, for a rule across filters, `query.to`: both are the box `to`.
  const showRefusal = (error) => showApiError(form, box, error, { mapPath: (path) => path.replace(/^query\./, '') });

  async function exportCsv() {
    try {
      await downloadFile(`/audit-events.csv?${chosen()}`, { token: ctx.token(), fallbackName: 'audit-log.csv' });
    } catch (error) {
      showRefusal(error);
    }
  }

  let page = { items: [], nextBefore: null };
  try {
    page = await ctx.api(`/audit-events?${query}&pageSize=${PAGE_SIZE}`);
  } catch (error) {
    showRefusal(error);
  }

  const newest = new URLSearchParams(query);
  newest.delete('before');
  const older = new URLSearchParams(newest);
  if (page.nextBefore) older.set('before', page.nextBefore);

  return h(
    'div',
    {},
    backToCompetitions(),
    h('div', { class: 'page-head' }, tx('h1', { zh: '审计日志', en: 'Audit log' })),
    tx(
      'p',
      {
        zh: '每条记录都链接到本办公室上一条记录的哈希；审计人员可离线重算导出文件的哈希链。',
        en: 'Each row is linked to the hash of the office’s previous row; an auditor can recompute an export’s chain offline.',
      },
      { class: 'muted' },
    ),
    form,
    h(
      'section',
      { class: 'card' },
      page.items.length === 0
        ? tx(
            'p',
            { zh: '没有符合条件的记录。', en: 'No row matches.' },
            { class: 'muted', 'data-testid': 'audit-empty' },
          )
        : dataTable(
            [
              { zh: '时间（北京时间）', en: 'Time (Beijing)' },
              { zh: '操作者', en: 'Actor' },
              { zh: '操作', en: 'Action' },
              { zh: '对象', en: 'Subject' },
              { zh: '哈希', en: 'Hash' },
            ],
            page.items.map(auditRow),
            { attributes: { 'data-testid': 'audit-table' } },
          ),
      h(
        'p',
        { class: 'actions' },
        query.has('before')
          ? tx('a', { zh: '回到最新', en: 'Back to the newest' }, { href: `#/audit?${newest}` })
          : null,
        page.nextBefore
          ? tx(
              'a',
              { zh: '更早的记录 →', en: 'Older rows →' },
              { href: `#/audit?${older}`, 'data-testid': 'audit-older' },
            )
          : null,
      ),
    ),
  );
}
