import { TenantKind } from './tenant-vocabulary';

/**
 * What an office's API key may do. A key carries some of these; a route open to keys names the one
 * it needs, and every other route refuses the key. An integration reads competitions and results
 * (a district's dashboard, an archive) or posts screening decisions from a document-check system.
 */
export enum ApiKeyScope {
  CompetitionsRead = 'competitions:read',
  ResultsRead = 'results:read',
  ScreeningWrite = 'screening:write',
}

export const API_KEY_SCOPE_LABELS: Readonly<Record<ApiKeyScope, { readonly zh: string; readonly en: string }>> = {
  [ApiKeyScope.CompetitionsRead]: { zh: '读取大赛与申报', en: 'read competitions and submissions' },
  [ApiKeyScope.ResultsRead]: { zh: '读取排名与资助结果', en: 'read rankings and grants' },
  [ApiKeyScope.ScreeningWrite]: { zh: '提交资格审查结论', en: 'post screening decisions' },
};

export const TENANT_KIND_LABELS: Readonly<Record<TenantKind, { readonly zh: string; readonly en: string }>> = {
  [TenantKind.City]: { zh: '市', en: 'city' },
  [TenantKind.District]: { zh: '区', en: 'district' },
  [TenantKind.Street]: { zh: '街道', en: 'street office' },
};

/**
 * The kind of parent each kind may sit under: a street office under a district, a district under a
 * city or at the top, a city only at the top. `null` is the top of the tree.
 */
export const TENANT_PARENT_KINDS: Readonly<Record<TenantKind, readonly (TenantKind | null)[]>> = {
  [TenantKind.City]: [null],
  [TenantKind.District]: [TenantKind.City, null],
  [TenantKind.Street]: [TenantKind.District],
};

/** How long a one-time link to set a password stays usable: long enough to hand over across a weekend. */
export const INVITATION_HOURS = 72;

/** Why a one-time link was made: a new account's first password, or a reset that replaced the old one. */
export enum InvitationPurpose {
  Invite = 'invite',
  Reset = 'reset',
}

/** An office account as the console shows it. */
export enum AccountStatus {
  /** Invited or reset, and the one-time link not used yet: nobody can sign in. */
  Pending = 'pending',
  Active = 'active',
  Disabled = 'disabled',
}

export const ACCOUNT_STATUS_LABELS: Readonly<Record<AccountStatus, { readonly zh: string; readonly en: string }>> = {
  [AccountStatus.Pending]: { zh: '待设置密码', en: 'awaiting password' },
  [AccountStatus.Active]: { zh: '正常', en: 'active' },
  [AccountStatus.Disabled]: { zh: '已停用', en: 'disabled' },
};
