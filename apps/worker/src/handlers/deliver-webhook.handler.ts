import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { WEBHOOK_HEADERS, webhookSignature } from '@app/application';
import { WebhookDeliveryStatus } from '@app/domain';
import { WebhooksRepository } from '@app/persistence';
import { DeliverWebhookPayload } from '@app/queue';

/** A receiver that has not answered by then counts as failed; the job retries with backoff. */
const DELIVERY_TIMEOUT_MS = 10_000;

export interface DeliverWebhookResult {
  readonly status: WebhookDeliveryStatus | 'skipped';
  readonly responseStatus?: number;
}

/** Why a try failed, in both languages: the office reads it in the delivery log. */
function messageOf(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `${DELIVERY_TIMEOUT_MS} 毫秒内无应答 / no answer within ${DELIVERY_TIMEOUT_MS} ms`;
  }
  const detail =
    error instanceof Error
      ? error.cause instanceof Error
        ? `${error.message}: ${error.cause.message}`
        : error.message
      : String(error);
  return `无法送达 / could not deliver: ${detail}`;
}

/**
 * One attempt to deliver one event to one endpoint, signed (webhook-signature.ts) and logged as a
 * delivery row whatever happens. Any 2xx is success; anything else throws, so BullMQ retries with
 * the backoff of the job options. Receivers get the event id in a header and may see an event more
 * than once (a retry after a lost answer, a replay): the id is what they deduplicate on.
 */
@Injectable()
export class DeliverWebhookHandler {
  constructor(private readonly webhooks: WebhooksRepository) {}

  async handle(data: DeliverWebhookPayload, attempt: number): Promise<DeliverWebhookResult> {
    const [event, endpoint] = await Promise.all([
      this.webhooks.event(data.eventId),
      this.webhooks.endpoint(data.endpointId),
    ]);
    if (!event || !endpoint)
      throw new UnrecoverableError(`webhook event ${data.eventId} or endpoint ${data.endpointId} is gone`);
    if (endpoint.disabledAt) return { status: 'skipped' };
    const body = JSON.stringify(event.payload);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const started = performance.now();
    let responseStatus: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'gongyi-webhooks/1',
          [WEBHOOK_HEADERS.eventId]: event.id,
          [WEBHOOK_HEADERS.topic]: event.topic,
          [WEBHOOK_HEADERS.timestamp]: timestamp,
          [WEBHOOK_HEADERS.signature]: webhookSignature(endpoint.secret, timestamp, body),
        },
        body,
        // A redirect could carry the signed payload somewhere the office never registered.
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      responseStatus = response.status;
      await response.body?.cancel();
      if (response.status < 200 || response.status >= 300)
        error = `对方返回 HTTP ${response.status} / receiver answered HTTP ${response.status}`;
    } catch (caught) {
      error = messageOf(caught);
    }
    const status = error === null ? WebhookDeliveryStatus.Succeeded : WebhookDeliveryStatus.Failed;
    await this.webhooks.insertDelivery({
      tenantId: event.tenantId,
      eventId: event.id,
      endpointId: endpoint.id,
      attempt,
      replay: data.replayId !== undefined,
      status,
      responseStatus,
      durationMs: Math.round(performance.now() - started),
      error,
    });
    if (error !== null) throw new Error(error);
    return { status, responseStatus: responseStatus ?? undefined };
  }
}
