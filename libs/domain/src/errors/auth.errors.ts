import { DomainErrorCode } from '../domain-error-code';
import { refusal } from './refusal';

export enum AuthRefusal {
  SignInRequired = 'SIGN_IN_REQUIRED',
  RoleNotAllowed = 'ROLE_NOT_ALLOWED',
  JudgeNotAllowed = 'JUDGE_NOT_ALLOWED',
  WrongCredentials = 'WRONG_CREDENTIALS',
  TooManySignIns = 'TOO_MANY_SIGN_INS',
  AccountGone = 'ACCOUNT_GONE',
  ApiKeyLimit = 'API_KEY_LIMIT',
  ApiKeyNotFound = 'API_KEY_NOT_FOUND',
}

export const AuthErrors = {
  /** No token, a token that does not verify, or one that has expired: the same answer for each. */
  signInRequired: () =>
    refusal(DomainErrorCode.Unauthenticated, AuthRefusal.SignInRequired, {
      zh: '请先登录，或登录已过期',
      en: 'sign in first, or the session has expired',
    }),

  roleNotAllowed: () =>
    refusal(DomainErrorCode.Forbidden, AuthRefusal.RoleNotAllowed, {
      zh: '当前身份无权执行此操作',
      en: 'your role may not do this',
    }),

  judgeNotAllowed: () =>
    refusal(DomainErrorCode.Forbidden, AuthRefusal.JudgeNotAllowed, {
      zh: '评委身份无权执行此操作',
      en: 'a judge may not do this',
    }),

  /** One answer for an unknown login and a wrong password, so it never confirms an account. */
  wrongCredentials: () =>
    refusal(DomainErrorCode.Unauthenticated, AuthRefusal.WrongCredentials, {
      zh: '登录名或密码错误',
      en: 'wrong login or password',
    }),

  tooManySignIns: (minutes: number) =>
    refusal(DomainErrorCode.RateLimited, AuthRefusal.TooManySignIns, {
      zh: `登录失败次数过多，请 ${minutes} 分钟后再试`,
      en: `too many failed sign-ins; try again in ${minutes} minutes`,
    }),

  accountGone: () =>
    refusal(DomainErrorCode.Unauthenticated, AuthRefusal.AccountGone, {
      zh: '账号不存在，请重新登录',
      en: 'the account no longer exists; sign in again',
    }),

  apiKeyLimit: (limit: number) =>
    refusal(DomainErrorCode.Conflict, AuthRefusal.ApiKeyLimit, {
      zh: `有效的 API 密钥已达 ${limit} 个，请先吊销不用的密钥`,
      en: `you already have ${limit} active API keys; revoke unused ones first`,
    }),

  apiKeyNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      AuthRefusal.ApiKeyNotFound,
      { zh: '未找到该 API 密钥', en: 'API key not found' },
      'id',
    ),
} as const;
