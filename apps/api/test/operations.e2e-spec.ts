import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEFAULT_TENANT_ID, JudgeGroup, Role } from '@app/domain';
import { AuditEvent } from '@app/persistence';
import { QueueName } from '@app/queue';
import { Actor } from '../src/auth/actor';
import { TokenService } from '../src/auth/token.service';
import { createOrganization, createUser } from './factories';
import { bearer, partyBuildingSheet, roadshowUnderWay } from './roadshow.factory';
import { SseClient } from './live-sse-client';
import { keptFailedJob } from './queues.factory';
import { serveApp } from './test-app';

jest.setTimeout(60_000);

const METRICS_TOKEN = randomBytes(24).toString('base64url');
/** A queue prefix of its own: no worker of another test file takes this file's jobs. */
const QUEUE_PREFIX = `ops-${randomUUID().slice(0, 8)}`;

/** One sample's value from the Prometheus text, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('operations: metrics, queue dashboard, request ids, liveness and readiness', () => {
  const served = serveApp({ METRICS_TOKEN, QUEUE_PREFIX });
  const http = () => request(served.app.getHttpServer());
  const scrape = async (): Promise<string> =>
    (await http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;

  function tokenOf(role: Role.Office | Role.Admin, userId: string): string {
    const actor: Actor =
      role === Role.Office
        ? { kind: 'user', userId, role, tenantId: DEFAULT_TENANT_ID }
        : { kind: 'user', userId, role };
    return served.app.get(TokenService).issue(actor).token;
  }

  async function applicantToken(): Promise<string> {
    const organization = await createOrganization(served.db);
    const applicant = await createUser(served.db, Role.Applicant, organization.id);
    return served.app
      .get(TokenService)
      .issue({ kind: 'user', userId: applicant.id, role: Role.Applicant, organizationId: organization.id }).token;
  }

  describe('GET /metrics', () => {
    it('refuses a scraper without the token, or with a wrong one, naming the header', async () => {
      const missing = await http().get('/metrics').expect(401);
      expect(missing.body).toMatchObject({ reason: 'METRICS_TOKEN_REQUIRED', field: 'authorization' });
      await http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}x`).expect(401);
    });

    it('counts a roadshow’s score posts, accepted and refused by reason, and their request durations by route', async () => {
      const before = await scrape();
      const acceptedBefore = sample(before, 'gongyi_score_posts_total', { outcome: 'accepted', reason: 'none' }) ?? 0;
      const roadshow = await roadshowUnderWay(served.app, {
        projects: 2,
        judges: [
          { name: '周建明', group: JudgeGroup.Expert },
          { name: '李秀英', group: JudgeGroup.Media },
        ],
      });
      const [first, second] = roadshow.slots;
      for (const [index, judge] of roadshow.judges.entries()) {
        await http()
          .put(`/judge/slots/${first.slotId}/score`)
          .set(bearer(judge.token))
          .set('Idempotency-Key', `metrics-${first.slotId}-${index}`)
          .send(partyBuildingSheet('82.5'))
          .expect(200);
      }
      const refused = await http()
        .put(`/judge/slots/${second.slotId}/score`)
        .set(bearer(roadshow.judges[0].token))
        .set('Idempotency-Key', `metrics-${second.slotId}-early`)
        .send(partyBuildingSheet('70'))
        .expect(409);
      await http()
        .post(`/roadshows/${roadshow.roadshowId}/slots/${first.slotId}/lock`)
        .set(bearer(roadshow.fixture.officeToken))
        .send({})
        .expect(200);

      const after = await scrape();
      expect(sample(after, 'gongyi_score_posts_total', { outcome: 'accepted', reason: 'none' })).toBe(
        acceptedBefore + 2,
      );
      expect(
        sample(after, 'gongyi_score_posts_total', { outcome: 'refused', reason: refused.body.reason as string }),
      ).toBeGreaterThanOrEqual(1);
      const route = '/judge/slots/:slotId/score';
      expect(
        sample(after, 'http_request_duration_seconds_count', { route, method: 'PUT', status_class: '2xx' }),
      ).toBeGreaterThanOrEqual(2);
      expect(after).not.toContain(first.slotId);
      expect(
        sample(after, 'http_request_duration_seconds_count', {
          route: '/roadshows/:id/slots/:slotId/lock',
          method: 'POST',
          status_class: '2xx',
        }),
      ).toBeGreaterThanOrEqual(1);
    });

    it('reports each queue’s jobs by state, the outbox’s age, live connections and the process', async () => {
      const text = await scrape();
      for (const queue of Object.values(QueueName)) {
        for (const state of ['waiting', 'active', 'failed', 'delayed', 'completed']) {
          expect(sample(text, 'bullmq_job_count', { queue, state })).toEqual(expect.any(Number));
        }
      }
      expect(sample(text, 'gongyi_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'gongyi_live_connections')).toEqual(expect.any(Number));
      expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    });

    it('counts an open live stream while it is open', async () => {
      const roadshow = await roadshowUnderWay(served.app, {
        projects: 1,
        judges: [{ name: '周建明', group: JudgeGroup.Expert }],
      });
      const before = sample(await scrape(), 'gongyi_live_connections') ?? 0;
      await served.app.listen(0, '127.0.0.1');
      const client = await SseClient.connect(await served.app.getUrl(), `/roadshows/${roadshow.roadshowId}/events`, {
        'Last-Event-ID': '0',
      });
      try {
        expect(client.status).toBe(200);
        await client.until((c) => c.comments.length > 0 || c.events.length > 0, 10_000, 'the stream to open');
        expect(sample(await scrape(), 'gongyi_live_connections')).toBe(before + 1);
      } finally {
        client.close();
      }
    });
  });

  describe('the queue dashboard', () => {
    async function signedIn(): Promise<{ cookie: string; adminId: string }> {
      const admin = await createUser(served.db, Role.Admin);
      const link = await http()
        .post('/ops/queue-dashboard/links')
        .set(bearer(tokenOf(Role.Admin, admin.id)))
        .expect(201);
      expect(link.body.url).toMatch(/^\/admin\/queues\/\?ticket=/);
      const opened = await http()
        .get(link.body.url as string)
        .expect(303);
      expect(opened.headers.location).toBe('/admin/queues/');
      const cookie = String(opened.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/Path=\/admin\/queues/);
      expect(cookie).toMatch(/SameSite=Strict/);
      // The link works once.
      await http()
        .get(link.body.url as string)
        .expect(401);
      return { cookie: cookie.split(';')[0], adminId: admin.id };
    }

    it('opens for an admin through a one-time link and lists every queue', async () => {
      const { cookie } = await signedIn();
      const page = await http().get('/admin/queues/').set('Cookie', cookie).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      // Its inline styles are allowed on its own path; scripts still only from the API, and no other page relaxes.
      const policy = String(page.headers['content-security-policy']);
      expect(policy).toContain("style-src 'self' 'unsafe-inline'");
      expect(policy).toContain("script-src 'self';");
      const office = await http().get('/office/').expect(200);
      expect(office.headers['content-security-policy']).not.toContain('unsafe-inline');
      const queues = await http().get('/admin/queues/api/queues').set('Cookie', cookie).expect(200);
      const names = (queues.body.queues as { name: string }[]).map((queue) => queue.name).sort();
      expect(names).toEqual(Object.values(QueueName).sort());
    });

    it('is refused to the office, an applicant and anyone without the dashboard’s session', async () => {
      const office = await createUser(served.db, Role.Office);
      await http()
        .post('/ops/queue-dashboard/links')
        .set(bearer(tokenOf(Role.Office, office.id)))
        .expect(403);
      await http()
        .post('/ops/queue-dashboard/links')
        .set(bearer(await applicantToken()))
        .expect(403);
      await http().post('/ops/queue-dashboard/links').expect(401);
      const anonymous = await http().get('/admin/queues/').expect(401);
      expect(anonymous.body).toMatchObject({ reason: 'DASHBOARD_SIGN_IN_REQUIRED' });
      expect(anonymous.body.message_zh).toEqual(expect.any(String));
      // An account's bearer token is not the dashboard's session.
      await http()
        .get('/admin/queues/api/queues')
        .set(bearer(tokenOf(Role.Office, office.id)))
        .expect(401);
      await http().get('/admin/queues/api/queues').set('Cookie', 'gongyi_queue_dashboard=forged').expect(401);
      await http().get('/admin/queues/?ticket=made-up').expect(401);
    });

    it('retries a kept failed job, audited with the admin, and refuses to remove one or rerun completed ones', async () => {
      const { cookie, adminId } = await signedIn();
      const { added: job, taken } = await keptFailedJob(served.app, '渲染失败 / rendering failed');
      expect(taken?.id).toBe(job.id);
      const failed = await http()
        .get(`/admin/queues/api/queues/${QueueName.Agreements}/${job.id}`)
        .set('Cookie', cookie);
      expect(failed.status).toBe(200);

      const removal = await http()
        .put(`/admin/queues/api/queues/${QueueName.Agreements}/${job.id}/clean`)
        .set('Cookie', cookie)
        .expect(403);
      expect(removal.body).toMatchObject({ reason: 'DASHBOARD_ACTION_NOT_ALLOWED' });
      await http()
        .put(`/admin/queues/api/queues/${QueueName.Agreements}/retry/completed`)
        .set('Cookie', cookie)
        .expect(403);
      await http()
        .put(`/admin/queues/api/queues/${QueueName.Agreements}/${job.id}/retry`)
        .set('Cookie', cookie)
        .expect(204);
      expect(await job.getState()).toBe('waiting');
      const audit = await served.db
        .getRepository(AuditEvent)
        .findOneByOrFail({ action: 'queue.retry', actorId: adminId, subjectId: QueueName.Agreements });
      expect(audit.after).toEqual({ retried: job.id });
    });
  });

  describe('request ids', () => {
    it('names a refused request in its answer, echoing a sane id and replacing a strange one', async () => {
      const refused = await http().get('/competitions/not-a-uuid').set('x-request-id', 'lb-7f3a9c.01').expect(401);
      expect(refused.headers['x-request-id']).toBe('lb-7f3a9c.01');
      const strange = await http().get('/health/live').set('x-request-id', 'a b<script>').expect(200);
      expect(strange.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const unknown = await http().get('/no-such-route').expect(404);
      expect(unknown.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(unknown.headers['x-request-id']).not.toBe(strange.headers['x-request-id']);
    });
  });

  describe('liveness and readiness', () => {
    it('says the process is alive without asking any dependency', async () => {
      const live = await http().get('/health/live').expect(200);
      expect(live.body).toEqual({ status: 'alive', uptimeSeconds: expect.any(Number) });
    });

    it('says the API is ready when Postgres and Redis answer and every migration is applied', async () => {
      const ready = await http().get('/health/ready').expect(200);
      expect(ready.body).toMatchObject({
        status: 'ready',
        postgres: { status: 'up' },
        redis: { status: 'up' },
        migrations: { status: 'applied', pending: [] },
        reasons: [],
      });
    });
  });
});
