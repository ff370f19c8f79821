import { DomainError, DomainErrorCode } from '@app/domain';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

const KEY = /^[\x21-\x7e]{8,100}$/;

/** The tablet's key for one score submission: 8–100 visible ASCII characters, required. */
export function readIdempotencyKey(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === '') {
    throw new DomainError(
      DomainErrorCode.ValidationFailed,
      {
        zh: `缺少请求头 ${IDEMPOTENCY_HEADER}：平板每次提交评分需带一个唯一键，重试时沿用同一个键`,
        en: `the ${IDEMPOTENCY_HEADER} header is required: one unique key per submission, reused on retry`,
      },
      IDEMPOTENCY_HEADER,
    );
  }
  if (!KEY.test(value)) {
    throw new DomainError(
      DomainErrorCode.ValidationFailed,
      {
        zh: `${IDEMPOTENCY_HEADER} 须为 8 至 100 个可见 ASCII 字符`,
        en: `${IDEMPOTENCY_HEADER} must be 8 to 100 visible ASCII characters`,
      },
      IDEMPOTENCY_HEADER,
    );
  }
  return value;
}
