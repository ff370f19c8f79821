// 系统管理: a district's administrator keeps the tree of offices, their accounts, their API keys and
// their settings.
import { ID, startApp } from '../shared/app-shell.js';
import { h } from '../shared/dom.js';
import { field, input, messageBox, select, showApiError } from '../shared/forms.js';
import { labelOf, tx } from '../shared/i18n.js';
import { signInForm } from '../shared/sign-in.js';
import { apiKeysCard, settingsCard } from '../shared/office-settings.js';
import { dataTable } from '../shared/table.js';
import { beijingTime } from '../shared/time.js';
import { ACCOUNT_STATUS_LABELS, TENANT_KIND_LABELS } from '/vocabulary.js';
import { card } from '../shared/card.js';

const TABS = [
  ['tenants', { zh: '租户', en: 'Tenants' }],
  ['accounts', { zh: '账号', en: 'Accounts' }],
  ['keys', { zh: 'API 密钥', en: 'API keys' }],
  ['settings', { zh: '设置', en: 'Settings' }],
];

function tabs(current, tenantId) {
  return h(
    'nav',
    { 'aria-label': '管理栏目 / sections' },
    h(
      'ul',
      { class: 'tabs' },
      TABS.map(([key, label]) =>
        h(
          'li',
          {},
          tx('a', label, {
            href: key === 'tenants' || !tenantId ? `#/${key}` : `#/${key}/${tenantId}`,
            'aria-current': key === current ? 'page' : undefined,
          }),
        ),
      ),
    ),
  );
}

function page(current, tenantId, title, ...body) {
  return h('div', {}, h('div', { class: 'page-head' }, tx('h1', title)), tabs(current, tenantId), ...body);
}

function kindLabel(kind) {
  return labelOf(TENANT_KIND_LABELS, kind);
}

function loginView(ctx) {
  return signInForm(ctx, {
    title: { zh: '系统管理登录', en: 'Admin console sign-in' },
    roles: ['admin'],
    refusal: { zh: '该账号不是系统管理员账号', en: 'this account is not an administrator’s' },
    landing: () => '#/tenants',
  });
}

/** The tree, each office with a way to its accounts, and a form for a new office under a parent. */
async function tenantsView(ctx) {
  const { items } = await ctx.api('/tenants');
  const children = new Map();
  for (const tenant of items) children.set(tenant.parentId, [...(children.get(tenant.parentId) ?? []), tenant]);
  const branch = (parentId) =>
    (children.get(parentId) ?? []).map((tenant) =>
      h(
        'li',
        {},
        h(
          'div',
          { class: 'tenant' },
          tx('span', kindLabel(tenant.kind), { class: 'badge' }),
          h('strong', {}, tenant.name),
          h('span', { class: 'muted', lang: 'en' }, tenant.nameEn),
          tx(
            'a',
            { zh: `${tenant.name}的账号`, en: `Accounts of ${tenant.nameEn}` },
            { href: `#/accounts/${tenant.id}` },
          ),
        ),
        children.has(tenant.id) ? h('ul', {}, branch(tenant.id)) : null,
      ),
    );
  const kind = select(
    Object.keys(TENANT_KIND_LABELS).map((value) => [value, kindLabel(value)]),
    { name: 'kind', value: 'street' },
  );
  const parent = select(
    [
      ['', { zh: '（无，顶级）', en: '(none: top of the tree)' }],
      ...items.map((t) => [t.id, { zh: t.name, en: t.nameEn }]),
    ],
    { name: 'parentId' },
  );
  const name = input({ name: 'name', maxlength: 60 });
  const nameEn = input({ name: 'nameEn', maxlength: 100 });
  const box = messageBox();
  const form = h(
    'form',
    { class: 'card', novalidate: true, 'aria-labelledby': 'new-tenant-heading' },
    tx('h2', { zh: '新建单位', en: 'New office' }, { id: 'new-tenant-heading' }),
    tx(
      'p',
      {
        zh: '街道须在区之下；区在市之下或为顶级；市只能为顶级。',
        en: 'A street office goes under a district; a district under a city or at the top; a city at the top.',
      },
      { class: 'hint' },
    ),
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '级别', en: 'Kind' }, kind, { path: 'kind' }),
      field({ zh: '上级单位', en: 'Parent office' }, parent, { path: 'parentId' }),
      field({ zh: '名称', en: 'Name' }, name, { path: 'name' }),
      field({ zh: '英文名称', en: 'English name' }, nameEn, { path: 'nameEn' }),
    ),
    box,
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '创建单位', en: 'Create office' }, { type: 'submit', class: 'primary' }),
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await ctx.api('/tenants', {
        method: 'POST',
        body: {
          kind: kind.value,
          name: name.value,
          nameEn: nameEn.value,
          ...(parent.value && { parentId: parent.value }),
        },
      });
      ctx.go('#/tenants');
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return page(
    'tenants',
    null,
    { zh: '单位与账号', en: 'Offices and accounts' },
    card(
      { title: { zh: '单位树', en: 'The tree of offices' }, headingId: 'tree-heading' },
      h('ul', { class: 'tenant-tree', 'data-testid': 'tenant-tree' }, branch(null)),
    ),
    form,
  );
}

/** A view of one office; without an id, the first street office (or the first office) is shown. */
function forTenant(tab, draw) {
  return async (ctx, tenantId) => {
    const { items } = await ctx.api('/tenants');
    const tenant = items.find((t) => t.id === tenantId) ?? items.find((t) => t.kind === 'street') ?? items[0] ?? null;
    if (!tenant) return page(tab, null, { zh: '还没有单位', en: 'No office yet' });
    const chooser = select(
      items.map((t) => [
        t.id,
        { zh: `${t.name}（${kindLabel(t.kind).zh}）`, en: `${t.nameEn} (${kindLabel(t.kind).en})` },
      ]),
      { name: 'tenant', value: tenant.id, onchange: (event) => ctx.go(`#/${tab}/${event.currentTarget.value}`) },
    );
    const refresh = () => ctx.go(`#/${tab}/${tenant.id}`);
    return page(
      tab,
      tenant.id,
      { zh: tenant.name, en: tenant.nameEn },
      h('div', { class: 'card' }, field({ zh: '单位', en: 'Office' }, chooser)),
      await draw(ctx, tenant, refresh),
    );
  };
}

function linkReveal(who, link) {
  const address = `${location.origin}${link.path}`;
  return h(
    'div',
    { class: 'card', role: 'status' },
    tx('h2', { zh: `交给${who}的一次性链接`, en: `The one-time link for ${who}` }),
    tx(
      'p',
      {
        zh: `只显示这一次，${beijingTime(link.expiresAt)} 前有效，只能用一次。请当面或通过可靠渠道交给本人，由其自行设置密码。`,
        en: `Shown only now; valid until ${beijingTime(link.expiresAt)} and once. Hand it to the person, who sets their own password.`,
      },
      { class: 'hint' },
    ),
    h('div', { class: 'code-reveal' }, h('output', { class: 'link', 'data-testid': 'one-time-link' }, address)),
  );
}

/** The table redraws in place after each action, so a link just shown stays on screen to be handed over. */
async function accountsOf(ctx, tenant) {
  const revealed = h('div', {});
  const listing = h('div', {});
  const button = (label, onclick, className = '') => tx('button', label, { type: 'button', class: className, onclick });
  const draw = async () => {
    const { items } = await ctx.api(`/tenants/${tenant.id}/accounts`);
    const act = (account, path) => async () => {
      const result = await ctx.api(`/accounts/${account.id}/${path}`, { method: 'POST' });
      if (result.link) revealed.replaceChildren(linkReveal(result.account.displayName, result.link));
      await draw();
    };
    const rows = items.map((account) =>
      h(
        'tr',
        {},
        h('td', {}, account.displayName),
        h('td', { class: 'mono' }, account.login),
        h('td', {}, tx('span', labelOf(ACCOUNT_STATUS_LABELS, account.status), { class: 'badge' })),
        h('td', {}, beijingTime(account.createdAt)),
        h(
          'td',
          {},
          account.status === 'disabled'
            ? button({ zh: `恢复 ${account.login}`, en: `Re-enable ${account.login}` }, act(account, 'enable'))
            : button(
                { zh: `停用 ${account.login}`, en: `Disable ${account.login}` },
                act(account, 'disable'),
                'danger',
              ),
          ' ',
          button(
            { zh: `重置 ${account.login} 的密码`, en: `Reset ${account.login}’s password` },
            act(account, 'reset'),
          ),
        ),
      ),
    );
    listing.replaceChildren(
      dataTable(
        [
          { zh: '姓名', en: 'Name' },
          { zh: '登录名', en: 'Login' },
          { zh: '状态', en: 'Status' },
          { zh: '创建时间', en: 'Created' },
          { zh: '操作', en: 'Actions' },
        ],
        rows,
        { empty: { zh: '还没有账号。', en: 'No account yet.' } },
      ),
    );
  };
  await draw();
  const login = input({ name: 'login', autocapitalize: 'none', maxlength: 64 });
  const displayName = input({ name: 'displayName', maxlength: 50 });
  const box = messageBox();
  const form = h(
    'form',
    { class: 'card', novalidate: true, 'aria-labelledby': 'invite-heading' },
    tx('h2', { zh: '邀请工作人员', en: 'Invite a person' }, { id: 'invite-heading' }),
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '登录名', en: 'Login' }, login, { path: 'login' }),
      field({ zh: '姓名', en: 'Name' }, displayName, { path: 'displayName' }),
    ),
    box,
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '生成邀请链接', en: 'Make the invitation link' }, { type: 'submit', class: 'primary' }),
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const invited = await ctx.api(`/tenants/${tenant.id}/accounts`, {
        method: 'POST',
        body: { login: login.value, displayName: displayName.value },
      });
      revealed.replaceChildren(linkReveal(invited.account.displayName, invited.link));
      form.reset();
      await draw();
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return h(
    'div',
    {},
    revealed,
    card({ title: { zh: '办公室账号', en: 'Office accounts' }, headingId: 'accounts-heading' }, listing),
    form,
  );
}

startApp({
  brand: { zh: '系统管理', en: 'Admin console' },
  sessionKey: 'gongyi.admin.session',
  loginHash: '#/login',
  homeHash: '#/tenants',
  publicRoutes: [[/^#\/login$/, loginView]],
  routes: [
    [/^#\/(?:tenants)?$/, tenantsView],
    [new RegExp(`^#/accounts(?:/${ID})?$`), forTenant('accounts', accountsOf)],
    [
      new RegExp(`^#/keys(?:/${ID})?$`),
      forTenant('keys', (ctx, tenant, refresh) => apiKeysCard(ctx, tenant.id, refresh)),
    ],
    [new RegExp(`^#/settings(?:/${ID})?$`), forTenant('settings', (ctx, tenant) => settingsCard(ctx, tenant.id))],
  ],
});
