import { RoadshowErrors } from '@app/domain';

export { IDEMPOTENCY_HEADER } from '@app/domain';

const KEY = /^[\x21-\x7e]{8,100}$/;

/** The tablet's key for one score submission: 8–100 visible ASCII characters, required. */
export function readIdempotencyKey(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === '') throw RoadshowErrors.idempotencyKeyMissing();
  if (!KEY.test(value)) throw RoadshowErrors.idempotencyKeyMalformed();
  return value;
}
