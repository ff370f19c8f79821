import { DomainErrorCode } from '../domain-error-code';
import { refusal } from './refusal';

export enum AuditRefusal {
  TimeRangeReversed = 'AUDIT_TIME_RANGE_REVERSED',
  SubjectIdWithoutType = 'AUDIT_SUBJECT_ID_WITHOUT_TYPE',
  TenantNotFound = 'AUDIT_TENANT_NOT_FOUND',
}

export const AuditErrors = {
  timeRangeReversed: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      AuditRefusal.TimeRangeReversed,
      { zh: '结束时间须晚于开始时间', en: 'the end of the time range must come after its start' },
      'query.to',
    ),

  /** Ids of different kinds of subject can coincide, so an id alone would mix them. */
  subjectIdWithoutType: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      AuditRefusal.SubjectIdWithoutType,
      { zh: '按对象编号筛选时须同时给出对象类型', en: 'filtering by subject id needs the subject type too' },
      'query.subjectType',
    ),

  /** Another office's log reads as missing, never as forbidden: whether it exists is not the caller's to know. */
  tenantNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      AuditRefusal.TenantNotFound,
      { zh: '没有这个办公室', en: 'no such office' },
      'query.tenantId',
    ),
} as const;
