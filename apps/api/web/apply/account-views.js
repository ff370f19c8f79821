// Sign-in and self-registration of an organization with its first applicant account.
import { api } from '../shared/api.js';
import { h } from '../shared/dom.js';
import { field, input, messageBox, select, showApiError, showMessage } from '../shared/forms.js';
import { ORGANIZATION_KIND_LABELS } from '/vocabulary.js';
import { tx } from '../shared/i18n.js';
import { openSession, signInForm } from '../shared/sign-in.js';

const APPLICANT = {
  roles: ['applicant'],
  refusal: {
    zh: '该账号不是申报账号，请使用管理控制台',
    en: 'this is not an applicant account; use the office console',
  },
};

export async function loginView(ctx) {
  return signInForm(ctx, {
    ...APPLICANT,
    title: { zh: '申报单位登录', en: 'Applicant sign-in' },
    landing: () => '#/home',
    footer: [
      h(
        'p',
        {},
        tx('span', { zh: '还没有账号？', en: 'No account yet? ' }),
        tx('a', { zh: '注册组织并申报', en: 'Register your organization' }, { href: '#/register' }),
      ),
    ],
  });
}

export async function registerView(ctx) {
  const kind = select(
    Object.entries(ORGANIZATION_KIND_LABELS).map(([value, pair]) => [value, pair]),
    { name: 'kind', value: 'community' },
  );
  const controls = {
    name: input({ name: 'name', maxlength: 100, autocomplete: 'organization', required: true }),
    community: input({ name: 'community', maxlength: 50, required: true }),
    district: input({ name: 'district', maxlength: 100, required: true }),
    contactName: input({ name: 'contactName', maxlength: 50, autocomplete: 'name', required: true }),
    contactPhone: input({ name: 'contactPhone', type: 'tel', autocomplete: 'tel', required: true }),
    creditCode: input({ name: 'creditCode', maxlength: 18, autocapitalize: 'characters', spellcheck: 'false' }),
    login: input({ name: 'login', autocomplete: 'username', autocapitalize: 'none', required: true }),
    password: input({ type: 'password', name: 'password', autocomplete: 'new-password', required: true }),
    confirm: input({ type: 'password', name: 'confirm', autocomplete: 'new-password', required: true }),
    displayName: input({ name: 'displayName', maxlength: 50, required: true }),
  };
  const box = messageBox();
  const form = h(
    'form',
    { class: 'card', novalidate: true },
    tx('h1', { zh: '注册组织与申报账号', en: 'Register an organization and its account' }),
    tx('h2', { zh: '组织信息', en: 'Organization' }),
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '组织类型', en: 'Kind' }, kind, { path: 'kind' }),
      field({ zh: '组织名称', en: 'Name' }, controls.name, { path: 'name' }),
      field({ zh: '服务社区', en: 'Community served' }, controls.community, {
        path: 'community',
        hint: { zh: '如：五顶岗', en: 'e.g. 五顶岗' },
      }),
      field({ zh: '所在街道/区', en: 'District' }, controls.district, {
        path: 'district',
        hint: { zh: '如：佛山市三水区西南街道', en: 'e.g. 佛山市三水区西南街道' },
      }),
      field({ zh: '联系人', en: 'Contact person' }, controls.contactName, { path: 'contactName' }),
      field({ zh: '联系电话', en: 'Contact phone' }, controls.contactPhone, { path: 'contactPhone' }),
      field({ zh: '统一社会信用代码（选填）', en: 'Unified social credit code (optional)' }, controls.creditCode, {
        path: 'creditCode',
        hint: {
          zh: '18 位，服务器按国家标准校验最后一位校验码',
          en: '18 characters; the server checks the last (check) character',
        },
      }),
    ),
    tx('h2', { zh: '申报账号', en: 'Applicant account' }),
    h(
      'div',
      { class: 'form-grid' },
      field({ zh: '登录名', en: 'Login' }, controls.login, {
        path: 'applicant.login',
        hint: { zh: '3–64 位小写字母、数字或 . _ @ -', en: '3–64 of a-z 0-9 . _ @ -' },
      }),
      field({ zh: '您的姓名', en: 'Your name' }, controls.displayName, { path: 'applicant.displayName' }),
      field({ zh: '密码', en: 'Password' }, controls.password, {
        path: 'applicant.password',
        hint: { zh: '至少 10 个字符，可用中文', en: 'at least 10 characters; Chinese is fine' },
      }),
      field({ zh: '再次输入密码', en: 'Repeat the password' }, controls.confirm, { path: 'confirm' }),
    ),
    box,
    h(
      'div',
      { class: 'actions' },
      tx('button', { zh: '注册并登录', en: 'Register and sign in' }, { type: 'submit', class: 'primary' }),
    ),
    h('p', {}, tx('a', { zh: '已有账号，去登录', en: 'I have an account: sign in' }, { href: '#/login' })),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (controls.password.value !== controls.confirm.value) {
      showApiError(form, box, {
        field: 'confirm',
        messageZh: '两次输入的密码不一致',
        messageEn: 'the two passwords differ',
      });
      return;
    }
    const creditCode = controls.creditCode.value.trim().toUpperCase();
    const body = {
      kind: kind.value,
      name: controls.name.value,
      community: controls.community.value,
      district: controls.district.value,
      contactName: controls.contactName.value,
      contactPhone: controls.contactPhone.value.trim(),
      ...(creditCode ? { creditCode } : {}),
      applicant: {
        login: controls.login.value,
        password: controls.password.value,
        displayName: controls.displayName.value,
      },
    };
    const submit = form.querySelector('button[type="submit"]');
    submit.disabled = true;
    try {
      await api('/organizations', { method: 'POST', body });
      const refusal = await openSession(
        ctx,
        { login: body.applicant.login, password: body.applicant.password },
        APPLICANT,
      );
      if (refusal) showMessage(box, refusal);
      else ctx.go('#/home');
    } catch (error) {
      showApiError(form, box, error);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}
