import { DomainErrorCode } from '../domain-error-code';
import { refusal } from './refusal';

export enum AdminRefusal {
  TenantNotFound = 'TENANT_NOT_FOUND',
  TenantParentKind = 'TENANT_PARENT_KIND',
  AccountNotFound = 'ACCOUNT_NOT_FOUND',
  LoginTaken = 'LOGIN_TAKEN',
  InvitationInvalid = 'INVITATION_INVALID',
  AccountDisabled = 'ACCOUNT_DISABLED',
  ApiKeyScopeMissing = 'API_KEY_SCOPE_MISSING',
  GrantorNotSet = 'GRANTOR_NOT_SET',
}

export const AdminErrors = {
  /** Also another office's tenant, so an id never confirms that another office exists. */
  tenantNotFound: (field = 'id') =>
    refusal(
      DomainErrorCode.NotFound,
      AdminRefusal.TenantNotFound,
      { zh: '未找到该单位', en: 'office not found' },
      field,
    ),

  tenantParentKind: (kindZh: string, kindEn: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      AdminRefusal.TenantParentKind,
      {
        zh: `${kindZh}不能设在这一级之下：街道须在区之下，区在市之下或为顶级，市只能为顶级`,
        en: `a ${kindEn} cannot sit there: a street office goes under a district, a district under a city or at the top, a city at the top`,
      },
      'parentId',
    ),

  accountNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      AdminRefusal.AccountNotFound,
      { zh: '未找到该账号', en: 'account not found' },
      'id',
    ),

  loginTaken: () =>
    refusal(
      DomainErrorCode.Conflict,
      AdminRefusal.LoginTaken,
      { zh: '该登录名已被使用', en: 'this login is already taken' },
      'login',
    ),

  /** One answer for an unknown, expired or used link, so a guessed token learns nothing. */
  invitationInvalid: () =>
    refusal(
      DomainErrorCode.NotFound,
      AdminRefusal.InvitationInvalid,
      {
        zh: '链接无效、已过期或已使用，请联系管理员重新发送',
        en: 'this link is invalid, expired or already used; ask the administrator for a new one',
      },
      'token',
    ),

  accountDisabled: () =>
    refusal(DomainErrorCode.Unauthenticated, AdminRefusal.AccountDisabled, {
      zh: '账号已停用或登录已失效，请联系管理员',
      en: 'the account is disabled or its sessions were ended; ask the administrator',
    }),

  apiKeyScopeMissing: (scope: string) =>
    refusal(DomainErrorCode.Forbidden, AdminRefusal.ApiKeyScopeMissing, {
      zh: `此 API 密钥没有「${scope}」权限`,
      en: `this API key lacks the ${scope} scope`,
    }),

  grantorNotSet: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      AdminRefusal.GrantorNotSet,
      {
        zh: '请填写资助方，或先在单位设置中填写资助方信息',
        en: 'give the grantor, or set the office’s grantor in its settings first',
      },
      'grantor',
    ),
} as const;
