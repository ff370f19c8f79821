import { DomainErrorCode } from '../domain-error-code';
import { refusal } from './refusal';

export enum TenantRefusal {
  /** A district office reads its streets' competitions but runs only its own. */
  ReadOnly = 'TENANT_READ_ONLY',
}

export const TenantErrors = {
  readOnly: () =>
    refusal(DomainErrorCode.Forbidden, TenantRefusal.ReadOnly, {
      zh: '该数据属于下辖街道，区级账号只能查看，不能修改',
      en: 'this belongs to a street office below yours: a district office may read it but not change it',
    }),
} as const;
