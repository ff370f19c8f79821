import { createHmac } from 'node:crypto';

/** The headers every delivery carries; receivers read them by these names. */
export const WEBHOOK_HEADERS = {
  eventId: 'x-gongyi-event-id',
  topic: 'x-gongyi-topic',
  timestamp: 'x-gongyi-timestamp',
  signature: 'x-gongyi-signature',
} as const;

/**
 * `v1=` and the hex HMAC-SHA256 of `<timestamp>.<body>` under the endpoint's secret. The timestamp
 * (Unix seconds) is inside the signed text, so a receiver that refuses old timestamps refuses a
 * captured delivery sent again; the version prefix lets the scheme change without breaking receivers.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
