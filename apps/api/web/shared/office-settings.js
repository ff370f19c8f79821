// An office's own settings and API keys: the admin console edits any office's, the office console
// its own. Both read and write through the same routes, so one module draws both.
import { h } from './dom.js';
import { checkboxField, field, input, messageBox, showApiError, showMessage } from './forms.js';
import { labelOf, tx } from './i18n.js';
import { dataTable } from './table.js';
import { beijingTime } from './time.js';
import { API_KEY_SCOPE_LABELS } from '/vocabulary.js';
import { card } from './card.js';

/** Grantor details for the agreements and the public notice's header and closing, saved together. */
export async function settingsCard(ctx, tenantId) {
  const settings = await ctx.api(`/tenants/${tenantId}/settings`);
  const grantor = settings.grantor ?? { name: '', address: '', representative: '' };
  const texts = settings.noticeTexts ?? { header: '', closing: '' };
  const name = input({ name: 'grantorName', value: grantor.name, maxlength: 100 });
  const address = input({ name: 'grantorAddress', value: grantor.address, maxlength: 200 });
  const representative = input({ name: 'grantorRepresentative', value: grantor.representative, maxlength: 50 });
  const header = h('textarea', { name: 'noticeHeader', rows: 3, maxlength: 500 }, texts.header);
  const closing = h('textarea', { name: 'noticeClosing', rows: 3, maxlength: 500 }, texts.closing);
  const box = messageBox();
  const form = h(
    'form',
    { class: 'card', novalidate: true, 'aria-labelledby': 'settings-heading' },
    tx(
      'h2',
      { zh: `${settings.tenantName} 的设置`, en: `Settings of ${settings.tenantNameEn}` },
      { id: 'settings-heading' },
    ),
    tx('h3', { zh: '资助方（协议甲方）', en: 'Grantor (party A of the agreements)' }),
    tx(
      'p',
      {
        zh: '新建大赛未填写资助方时使用这里的信息；已有大赛的协议书不变。三项都留空则不设默认资助方。',
        en: 'New competitions without a grantor of their own take these; existing competitions keep theirs. Leave all three empty for no default.',
      },
      { class: 'hint' },
    ),
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '资助方名称', en: 'Grantor name' }, name, { path: 'grantor.name' }),
      field({ zh: '资助方地址', en: 'Grantor address' }, address, { path: 'grantor.address' }),
      field({ zh: '法定代表人/负责人', en: 'Representative' }, representative, { path: 'grantor.representative' }),
    ),
    tx('h3', { zh: '结果公示文字', en: 'Public notice texts' }),
    field({ zh: '公示开头语', en: 'Notice header' }, header, { path: 'noticeTexts.header' }),
    field({ zh: '公示结束语', en: 'Notice closing' }, closing, { path: 'noticeTexts.closing' }),
    box,
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '保存设置', en: 'Save settings' }, { type: 'submit', class: 'primary' }),
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const grantorGiven = [name, address, representative].some((control) => control.value.trim() !== '');
    const textsGiven = [header, closing].some((control) => control.value.trim() !== '');
    try {
      await ctx.api(`/tenants/${tenantId}/settings`, {
        method: 'PUT',
        body: {
          ...(grantorGiven && {
            grantor: { name: name.value, address: address.value, representative: representative.value },
          }),
          ...(textsGiven && { noticeTexts: { header: header.value, closing: closing.value } }),
        },
      });
      showMessage(box, { zh: '设置已保存', en: 'Settings saved' }, 'ok');
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return form;
}

/** The office's keys, a new scoped key shown once, and revoking. */
export async function apiKeysCard(ctx, tenantId, refresh) {
  const keys = await ctx.api(`/tenants/${tenantId}/api-keys`);
  const name = input({ name: 'keyName', maxlength: 100 });
  const scopes = Object.keys(API_KEY_SCOPE_LABELS).map((scope) => [
    scope,
    input({ name: 'scope', value: scope, type: 'checkbox' }),
  ]);
  const box = messageBox();
  const reveal = h('div', { hidden: true });
  const form = h(
    'form',
    { class: 'card', novalidate: true, 'aria-labelledby': 'new-key-heading' },
    tx('h2', { zh: '新建 API 密钥', en: 'New API key' }, { id: 'new-key-heading' }),
    field({ zh: '用途', en: 'What it is for' }, name, { path: 'name' }),
    h(
      'fieldset',
      { 'data-field': 'scopes', id: 'scopes-field' },
      tx('legend', { zh: '权限范围', en: 'Scopes' }),
      scopes.map(([scope, control]) => checkboxField(labelOf(API_KEY_SCOPE_LABELS, scope), control)),
      h('p', { class: 'field-error', id: 'scopes-field-error', hidden: true }),
    ),
    box,
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '创建密钥', en: 'Create key' }, { type: 'submit', class: 'primary' }),
    ),
    reveal,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await ctx.api(`/tenants/${tenantId}/api-keys`, {
        method: 'POST',
        body: { name: name.value, scopes: scopes.filter(([, control]) => control.checked).map(([scope]) => scope) },
      });
      reveal.hidden = false;
      reveal.replaceChildren(
        h(
          'div',
          { class: 'code-reveal' },
          tx('span', { zh: '密钥只显示这一次：', en: 'Shown only now:' }),
          h('output', { 'data-testid': 'new-api-key' }, created.key),
        ),
        tx(
          'a',
          { zh: '刷新列表', en: 'Refresh the list' },
          { href: '#', onclick: (click) => (click.preventDefault(), refresh()) },
        ),
      );
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  const rows = keys.items.map((key) =>
    h(
      'tr',
      {},
      h('td', {}, key.name),
      h(
        'td',
        {},
        key.scopes === null
          ? tx('span', { zh: '个人密钥（账号的全部权限）', en: 'personal key (all of its account’s rights)' })
          : key.scopes.map((scope) => tx('span', labelOf(API_KEY_SCOPE_LABELS, scope), { class: 'badge' })),
      ),
      h('td', {}, beijingTime(key.createdAt)),
      h(
        'td',
        {},
        key.revokedAt
          ? tx('span', { zh: '已吊销', en: 'revoked' })
          : tx(
              'button',
              { zh: `吊销「${key.name}」`, en: `Revoke “${key.name}”` },
              {
                type: 'button',
                class: 'danger',
                onclick: async () => {
                  await ctx.api(`/tenants/${tenantId}/api-keys/${key.id}`, { method: 'DELETE' });
                  refresh();
                },
              },
            ),
      ),
    ),
  );
  return h(
    'div',
    {},
    form,
    card(
      { title: { zh: '本单位的 API 密钥', en: 'This office’s API keys' }, headingId: 'keys-heading' },
      dataTable(
        [
          { zh: '用途', en: 'For' },
          { zh: '权限范围', en: 'Scopes' },
          { zh: '创建时间', en: 'Created' },
          { zh: '操作', en: 'Action' },
        ],
        rows,
        { empty: { zh: '还没有密钥。', en: 'No key yet.' } },
      ),
    ),
  );
}
