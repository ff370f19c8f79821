import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, logContext } from '@app/config';
import { ProducerRedis } from '@app/application';
import { AuditRepository } from '@app/persistence';
import { Actor, actorId } from '../auth/actor';
import { QueueDashboardLinkDto } from './dto/queue-dashboard-link.dto';

export const DASHBOARD_PATH = '/admin/queues';
/** Long enough to click a link just received, short enough that a link copied into a chat is soon dead. */
const TICKET_SECONDS = 60;
const SESSION_SECONDS = 30 * 60;

/**
 * The dashboard's pages are opened by a browser, which cannot send the admin's bearer token. An admin
 * asks the API for a one-time link; opening it trades the ticket for a session cookie limited to
 * the dashboard's path. Only digests of tickets and sessions are stored, in Redis, under the
 * deployment's prefix.
 */
@Injectable()
export class QueueDashboardAccess {
  private readonly prefix: string;

  constructor(
    private readonly redis: ProducerRedis,
    private readonly audit: AuditRepository,
    config: AppConfig,
  ) {
    this.prefix = config.queue.prefix;
  }

  async issueLink(actor: Actor): Promise<QueueDashboardLinkDto> {
    const ticket = randomBytes(32).toString('base64url');
    const adminId = actorId(actor);
    await this.audit.record({
      actorType: 'admin',
      actorId: adminId,
      action: 'queue-dashboard.link',
      subjectType: 'queue-dashboard',
      subjectId: 'queues',
      requestId: logContext.current()?.reqId,
    });
    await this.redis.client.set(this.key('ticket', ticket), adminId, 'EX', TICKET_SECONDS);
    return {
      url: `${DASHBOARD_PATH}/?ticket=${ticket}`,
      expiresAt: new Date(Date.now() + TICKET_SECONDS * 1000).toISOString(),
      sessionSeconds: SESSION_SECONDS,
    };
  }

  /** Spends a ticket (once: GETDEL) for a dashboard session; undefined when it is unknown, used or expired. */
  async redeem(ticket: string): Promise<{ readonly session: string; readonly maxAgeSeconds: number } | undefined> {
    const adminId = await this.redis.client.getdel(this.key('ticket', ticket));
    if (adminId === null) return undefined;
    const session = randomBytes(32).toString('base64url');
    await this.redis.client.set(this.key('session', session), adminId, 'EX', SESSION_SECONDS);
    return { session, maxAgeSeconds: SESSION_SECONDS };
  }

  /** The admin a dashboard session belongs to, while it lasts. */
  async adminOf(session: string): Promise<string | undefined> {
    return (await this.redis.client.get(this.key('session', session))) ?? undefined;
  }

  /** A retry changes what the worker does next: it is audited before it happens, or it does not happen. */
  async recordRetry(adminId: string, queue: string, what: string): Promise<void> {
    await this.audit.record({
      actorType: 'admin',
      actorId: adminId,
      action: 'queue.retry',
      subjectType: 'queue',
      subjectId: queue,
      after: { retried: what },
      requestId: logContext.current()?.reqId,
    });
  }

  private key(kind: 'ticket' | 'session', secret: string): string {
    return `${this.prefix}:queue-dashboard:${kind}:${createHash('sha256').update(secret).digest('hex')}`;
  }
}
