import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardAdapter } from '@bull-board/fastify';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, OpsErrors } from '@app/domain';
import { PLATFORM_SCOPE, setTenantScope } from '@app/persistence';
import { toErrorResponse } from '../common/domain-error.filter';
import { OpsQueues } from './ops-queues';
import { DASHBOARD_PATH, QueueDashboardAccess } from './queue-dashboard-access.service';

const SESSION_COOKIE = 'gongyi_queue_dashboard';

/** The dashboard's only writes allowed: retrying one failed job, or every failed job of a queue. */
const RETRY_ROUTES = new Set([
  `${DASHBOARD_PATH}/api/queues/:queueName/:jobId/retry`,
  `${DASHBOARD_PATH}/api/queues/:queueName/retry/:queueStatus`,
]);

/** A completed job is not retried: its work is done, and running it again is not what a retry is for. */
function retriesFailed(request: FastifyRequest): boolean {
  if (!RETRY_ROUTES.has(request.routeOptions.url ?? '')) return false;
  const { queueStatus } = request.params as { queueStatus?: string };
  return queueStatus === undefined || queueStatus === 'failed';
}

function refuse(reply: FastifyReply, error: DomainError): FastifyReply {
  const { status, body } = toErrorResponse(error);
  return reply.code(status).send(body);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * Bull Board under /admin/queues, behind the admin's one-time link: a request passes with the
 * dashboard's session cookie or a fresh ticket, and writes only to retry (audited first).
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const access = app.get(QueueDashboardAccess);
  const queues = app.get(OpsQueues).all;
  const board = new BullBoardAdapter();
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue, { allowRetries: true })),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: '任务队列 · Queues', locale: { lng: 'zh-CN' }, hideDocsLink: true } },
  });
  board.setBasePath(DASHBOARD_PATH);

  const admins = new WeakMap<FastifyRequest, string>();

  async function admit(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    try {
      const { ticket } = request.query as { ticket?: unknown };
      if (typeof ticket === 'string') {
        const granted = await access.redeem(ticket);
        if (!granted) return refuse(reply, OpsErrors.dashboardLinkInvalid());
        // HttpOnly keeps it from page scripts; SameSite=Strict from other sites' forms; the path from every other page.
        const secure = request.protocol === 'https' ? '; Secure' : '';
        void reply.header(
          'set-cookie',
          `${SESSION_COOKIE}=${granted.session}; Path=${DASHBOARD_PATH}; Max-Age=${granted.maxAgeSeconds}; HttpOnly; SameSite=Strict${secure}`,
        );
        return reply.redirect(`${DASHBOARD_PATH}/`, 303);
      }
      const session = cookieValue(request.headers.cookie, SESSION_COOKIE);
      const adminId = session === undefined ? undefined : await access.adminOf(session);
      if (adminId === undefined) return refuse(reply, OpsErrors.dashboardSignInRequired());
      if (request.method !== 'GET' && request.method !== 'HEAD' && !retriesFailed(request)) {
        return refuse(reply, OpsErrors.dashboardActionNotAllowed());
      }
      admins.set(request, adminId);
      return undefined;
    } catch {
      return refuse(reply, OpsErrors.dashboardUnavailable());
    }
  }

  async function auditRetry(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const adminId = admins.get(request);
    if (adminId === undefined || !RETRY_ROUTES.has(request.routeOptions.url ?? '')) return undefined;
    const { queueName, jobId } = request.params as { queueName: string; jobId?: string };
    if (jobId !== undefined) {
      const job = await queues.find((queue) => queue.name === queueName)?.getJob(jobId);
      if ((await job?.getState()) === 'completed') return refuse(reply, OpsErrors.dashboardActionNotAllowed());
    }
    // The dashboard sits outside the auth guard, so the request still sees no office: an admin acts for the platform.
    setTenantScope(PLATFORM_SCOPE);
    await access.recordRetry(adminId, queueName, jobId ?? 'every failed job');
    return undefined;
  }

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', admit);
      scope.addHook('preHandler', auditRetry);
      await scope.register(board.registerPlugin());
    },
    { prefix: DASHBOARD_PATH },
  );
}
