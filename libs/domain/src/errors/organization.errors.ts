import { DomainErrorCode } from '../domain-error-code';
import { refusal } from './refusal';

export enum OrganizationRefusal {
  NotFound = 'ORGANIZATION_NOT_FOUND',
  CreditCodeLength = 'CREDIT_CODE_LENGTH',
  CreditCodeCharacters = 'CREDIT_CODE_CHARACTERS',
  CreditCodeCheck = 'CREDIT_CODE_CHECK',
  CreditCodeTaken = 'CREDIT_CODE_TAKEN',
  LoginTaken = 'LOGIN_TAKEN',
}

const CREDIT_CODE = 'creditCode';

export const OrganizationErrors = {
  notFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      OrganizationRefusal.NotFound,
      { zh: '未找到该组织', en: 'organization not found' },
      'id',
    ),

  creditCodeLength: (length: number) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      OrganizationRefusal.CreditCodeLength,
      {
        zh: `统一社会信用代码应为 18 位，实际 ${length} 位`,
        en: `a unified social credit code has 18 characters, not ${length}`,
      },
      CREDIT_CODE,
    ),

  creditCodeCharacters: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      OrganizationRefusal.CreditCodeCharacters,
      {
        zh: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V，第 3–8 位为行政区划数字）',
        en: 'the unified social credit code has characters it cannot contain (no I, O, Z, S, V; characters 3–8 are digits)',
      },
      CREDIT_CODE,
    ),

  creditCodeCheck: (expected: string) =>
    refusal(
      DomainErrorCode.ValidationFailed,
      OrganizationRefusal.CreditCodeCheck,
      {
        zh: `统一社会信用代码校验位不正确：第 18 位应为 ${expected}，请核对是否输错`,
        en: `the unified social credit code fails its check: the 18th character should be ${expected}; check for a typo`,
      },
      CREDIT_CODE,
    ),

  creditCodeTaken: () =>
    refusal(
      DomainErrorCode.Conflict,
      OrganizationRefusal.CreditCodeTaken,
      {
        zh: '该统一社会信用代码已注册，请用已有账号登录或联系该组织的管理员',
        en: 'an organization with this unified social credit code is already registered; sign in with its account',
      },
      CREDIT_CODE,
    ),

  loginTaken: () =>
    refusal(
      DomainErrorCode.Conflict,
      OrganizationRefusal.LoginTaken,
      { zh: '该登录名已被使用，请换一个', en: 'this login is already taken; choose another' },
      'applicant.login',
    ),
} as const;
