import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompetitionState, NotificationKind, Role, SubmissionState, TenantKind, WebhookTopic } from '@app/domain';
import { AppUser, Tenant } from '@app/persistence';
import { addDays, beijingDate } from '@app/grants';
import { JobName, QueueName, redisOptionsFor } from '@app/queue';
import { createIsolatedDatabase, type IsolatedDatabase, until } from '@app/testing';
import { Actor } from '../src/auth/actor';
import { createCompetition, createOrganization, createSubmission, createUser } from './factories';
import { readyGrants } from './grants.factory';
import { allocatedCompetition, bearerOf } from './publicity.factory';
import { startTestApp } from './test-app';
import { WorkerProcess, startWorkerProcess } from './worker-process';

/** A per-file queue namespace: parallel test files never take each other's jobs. */
const PREFIX = `webhooks-${randomUUID().slice(0, 8)}`;

interface Received {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/**
 * A receiver as an office would run one, on 127.0.0.1: it records every request and answers each
 * path with the statuses queued for it (200 once they run out).
 */
class Receiver {
  readonly received: Received[] = [];
  private readonly answers = new Map<string, number[]>();
  private readonly server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = this.answers.get(path)?.shift() ?? 200;
      res.end();
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
  }

  /** A fresh path per test, so tests sharing the receiver never read each other's deliveries. */
  url(path: string, answers: number[] = []): string {
    this.answers.set(path, answers);
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** For `until`: the requests at `path` once there are `count` of them. */
  atLeast(path: string, count: number): Received[] | undefined {
    const received = this.at(path);
    return received.length >= count ? received : undefined;
  }

  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}

/** What a receiver does with a delivery: recompute the signature over `timestamp.body` and compare in constant time. */
function signatureHolds(secret: string, delivery: Received): boolean {
  const timestamp = delivery.headers['x-gongyi-timestamp'] as string;
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${delivery.body}`).digest('hex')}`;
  const given = Buffer.from((delivery.headers['x-gongyi-signature'] as string | undefined) ?? '');
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
}

describe('webhooks and notifications (API, worker and a local receiver)', () => {
  let database: IsolatedDatabase;
  let app: NestFastifyApplication;
  let worker: WorkerProcess;
  let db: DataSource;
  const receiver = new Receiver();

  const api = () => request(app.getHttpServer());

  /** An office of its own (a street office under no district), so no other test's events reach its endpoints. */
  async function newOffice(): Promise<{ user: AppUser; auth: string; tenantId: string }> {
    const tenant = await db
      .getRepository(Tenant)
      .save({ kind: TenantKind.Street, name: `西南街道 ${randomUUID().slice(0, 6)}` });
    const user = await createUser(db, Role.Office);
    await db.getRepository(AppUser).update({ id: user.id }, { tenantId: tenant.id });
    const actor: Actor = { kind: 'user', userId: user.id, role: Role.Office, tenantId: tenant.id };
    return { user, auth: bearerOf(app, actor), tenantId: tenant.id };
  }

  async function register(auth: string, url: string, topics: WebhookTopic[]): Promise<{ id: string; secret: string }> {
    const response = await api().post('/webhooks').set('Authorization', auth).send({ url, topics }).expect(201);
    return response.body as { id: string; secret: string };
  }

  /** An applicant's draft in an open competition of the office, submitted through the API. */
  async function submitProject(office: { user: AppUser; tenantId: string }): Promise<string> {
    const competition = await createCompetition(db, office.user.id, { tenantId: office.tenantId });
    const organization = await createOrganization(db, { contactPhone: '13800138000' });
    const applicant = await createUser(db, Role.Applicant, organization.id);
    const draft = await createSubmission(db, competition.id, organization.id, applicant.id, {
      state: SubmissionState.Draft,
      submittedAt: null,
      requestedFen: 2_000_000,
      matchingFen: 1_500_000,
    });
    const auth = bearerOf(app, {
      kind: 'user',
      userId: applicant.id,
      role: Role.Applicant,
      organizationId: organization.id,
    });
    const submitted = await api().post(`/submissions/${draft.id}/submit`).set('Authorization', auth);
    expect(submitted.body).toMatchObject({ id: draft.id, state: SubmissionState.Submitted });
    return draft.id;
  }

  async function deliveriesOf(auth: string, endpointId: string) {
    const response = await api()
      .get('/webhook-deliveries')
      .query({ endpointId })
      .set('Authorization', auth)
      .expect(200);
    return response.body as {
      items: {
        id: string;
        eventId: string;
        attempt: number;
        replay: boolean;
        status: string;
        responseStatus: number | null;
      }[];
      total: number;
    };
  }

  beforeAll(async () => {
    database = await createIsolatedDatabase(process.env.DATABASE_URL as string, 'webhooks');
    app = await startTestApp({ DATABASE_URL: database.url, QUEUE_PREFIX: PREFIX });
    worker = await startWorkerProcess({ DATABASE_URL: database.url, QUEUE_PREFIX: PREFIX });
    db = app.get(DataSource);
    await receiver.start();
  });

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await receiver.close();
    await database?.drop();
  });

  it('delivers a submitted project to the office’s endpoint, signed with the secret shown once', async () => {
    const office = await newOffice();
    const endpoint = await register(office.auth, receiver.url('/submitted'), [WebhookTopic.SubmissionSubmitted]);
    expect(endpoint.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const listed = await api().get('/webhooks').set('Authorization', office.auth).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: endpoint.id, topics: ['submission.submitted'] })]);
    expect(JSON.stringify(listed.body)).not.toContain(endpoint.secret);

    const submissionId = await submitProject(office);

    const [delivery] = await until('the delivery', () => receiver.atLeast('/submitted', 1));
    expect(signatureHolds(endpoint.secret, delivery)).toBe(true);
    expect(signatureHolds('whsec_someone-else', delivery)).toBe(false);
    expect(delivery.headers['x-gongyi-topic']).toBe('submission.submitted');
    const payload = JSON.parse(delivery.body) as Record<string, unknown>;
    expect(payload).toMatchObject({
      id: delivery.headers['x-gongyi-event-id'],
      topic: 'submission.submitted',
      tenantId: office.tenantId,
      subject: { type: 'submission', id: submissionId, title: '发挥先锋作用·真情服务群众', state: 'submitted' },
    });
    expect(delivery.body).not.toContain('13800138000');

    const log = await until('the logged delivery', async () => {
      const page = await deliveriesOf(office.auth, endpoint.id);
      return page.total > 0 ? page : undefined;
    });
    expect(log.items).toEqual([expect.objectContaining({ attempt: 1, status: 'succeeded', responseStatus: 200 })]);
  });

  it('retries a failing receiver with backoff and logs every attempt; a replay sends the same event again', async () => {
    const office = await newOffice();
    const endpoint = await register(office.auth, receiver.url('/flaky', [503, 503]), [
      WebhookTopic.SubmissionSubmitted,
    ]);

    await submitProject(office);

    const log = await until(
      'two failures and a success',
      async () => {
        const page = await deliveriesOf(office.auth, endpoint.id);
        return page.items.some((item) => item.status === 'succeeded') ? page : undefined;
      },
      { withinMs: 30_000, everyMs: 250 },
    );
    expect(
      log.items
        .map((item) => [item.attempt, item.status, item.responseStatus])
        .sort((a, b) => Number(a[0]) - Number(b[0])),
    ).toEqual([
      [1, 'failed', 503],
      [2, 'failed', 503],
      [3, 'succeeded', 200],
    ]);
    const sent = receiver.at('/flaky');
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((r) => r.headers['x-gongyi-event-id'])).size).toBe(1);
    expect(sent.every((r) => signatureHolds(endpoint.secret, r))).toBe(true);

    const failed = log.items.find((item) => item.status === 'failed');
    const replayed = await api()
      .post(`/webhook-deliveries/${failed?.id}/replay`)
      .set('Authorization', office.auth)
      .expect(202);
    expect(replayed.body).toMatchObject({ eventId: failed?.eventId, endpointId: endpoint.id });
    await until('the replayed delivery', () => receiver.atLeast('/flaky', 4));
    expect(receiver.at('/flaky')[3].headers['x-gongyi-event-id']).toBe(failed?.eventId);
    const after = await until('the replay in the log', async () => {
      const page = await deliveriesOf(office.auth, endpoint.id);
      return page.items.some((item) => item.replay) ? page : undefined;
    });
    expect(after.items.find((item) => item.replay)).toMatchObject({ attempt: 1, status: 'succeeded' });
  });

  it('keeps each office’s endpoints and deliveries to itself: another office reads them as missing', async () => {
    const owner = await newOffice();
    const other = await newOffice();
    const endpoint = await register(owner.auth, receiver.url('/private'), [WebhookTopic.SubmissionSubmitted]);
    await submitProject(owner);
    const log = await until('the delivery', async () => {
      const page = await deliveriesOf(owner.auth, endpoint.id);
      return page.total > 0 ? page : undefined;
    });

    expect((await deliveriesOf(other.auth, endpoint.id)).total).toBe(0);
    expect((await api().get('/webhooks').set('Authorization', other.auth).expect(200)).body.items).toEqual([]);
    const replay = await api()
      .post(`/webhook-deliveries/${log.items[0].id}/replay`)
      .set('Authorization', other.auth)
      .expect(404);
    expect(replay.body.reason).toBe('WEBHOOK_DELIVERY_NOT_FOUND');
    await api().delete(`/webhooks/${endpoint.id}`).set('Authorization', other.auth).expect(404);

    await api().delete(`/webhooks/${endpoint.id}`).set('Authorization', owner.auth).expect(204);
    expect((await api().get('/webhooks').set('Authorization', owner.auth).expect(200)).body.items).toEqual([]);
  });

  it('refuses an endpoint that is not https, naming the field in both languages', async () => {
    const office = await newOffice();
    const refused = await api()
      .post('/webhooks')
      .set('Authorization', office.auth)
      .send({ url: 'http://hooks.example.org/gongyi', topics: [WebhookTopic.TranchePaid] })
      .expect(400);
    expect(refused.body).toMatchObject({ reason: 'WEBHOOK_URL_NOT_HTTPS', field: 'url' });
    expect(refused.body.message_zh).toContain('https://');
    expect(refused.body.message_en).toContain('https://');
    const unknownTopic = await api()
      .post('/webhooks')
      .set('Authorization', office.auth)
      .send({ url: 'https://hooks.example.org/gongyi', topics: ['payment.made'] })
      .expect(400);
    expect(unknownTopic.body.field).toMatch(/^topics/);
    expect((await api().get('/webhooks').set('Authorization', office.auth).expect(200)).body.items).toEqual([]);
  });

  it('tells each organization in the inbox when results are published, and the office’s receiver hears of it', async () => {
    const office = await newOffice();
    const endpoint = await register(office.auth, receiver.url('/published'), [WebhookTopic.PublicationStarted]);
    const fixture = await allocatedCompetition(app, office.user.id, [3_000_000], 1, office.tenantId);
    expect(fixture.competition.state).toBe(CompetitionState.Allocated);

    await api()
      .post(`/competitions/${fixture.competition.id}/publication`)
      .set('Authorization', office.auth)
      .expect(201);

    for (const project of fixture.projects) {
      const inbox = await api().get('/notifications').set('Authorization', project.applicantAuth).expect(200);
      expect(inbox.body.unread).toBe(1);
      expect(inbox.body.items).toEqual([
        expect.objectContaining({ kind: NotificationKind.ResultPublished, readAt: null }),
      ]);
      expect(inbox.body.items[0].titleZh).toContain('公示');
      expect(inbox.body.items[0].bodyZh).toContain(project.submission.title);
    }
    const [first, second] = fixture.projects;
    const mine = (await api().get('/notifications').set('Authorization', first.applicantAuth)).body.items[0];
    await api().post(`/notifications/${mine.id}/read`).set('Authorization', second.applicantAuth).expect(404);
    const read = await api()
      .post(`/notifications/${mine.id}/read`)
      .set('Authorization', first.applicantAuth)
      .expect(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await api().get('/notifications').set('Authorization', first.applicantAuth)).body.unread).toBe(0);
    expect((await api().get('/notifications').set('Authorization', second.applicantAuth)).body.unread).toBe(1);

    const [delivery] = await until('the publication event', () => receiver.atLeast('/published', 1));
    expect(signatureHolds(endpoint.secret, delivery)).toBe(true);
    expect(JSON.parse(delivery.body)).toMatchObject({
      topic: 'publication.started',
      competition: { id: fixture.competition.id, title: fixture.competition.title },
    });
  });

  it('reminds a grantee of a report coming due and one overdue, once each, and the office of the overdue one', async () => {
    const { fixture, grantIds } = await readyGrants(app, [3_000_000]);
    const [project] = fixture.funded;
    // The project period as if it ended 25 days ago: its first months' reports are overdue, and the
    // final report (due 30 days after the end) is due in 5 days.
    const today = beijingDate(new Date());
    await db.query(`UPDATE project_grant SET period_start = $1, period_end = $2 WHERE id = $3`, [
      addDays(today, -90),
      addDays(today, -25),
      grantIds[0],
    ]);
    const queue = new Queue(QueueName.Notifications, {
      connection: redisOptionsFor(process.env.REDIS_URL as string, 'worker'),
      prefix: PREFIX,
    });
    const inboxOf = async (auth: string) =>
      (await api().get('/notifications').query({ pageSize: 100 }).set('Authorization', auth).expect(200)).body as {
        items: { kind: NotificationKind; titleZh: string; bodyZh: string }[];
      };
    try {
      const tick = async () => {
        const job = await queue.add(JobName.RemindReports, {}, { jobId: `remind-${randomUUID()}` });
        await until('the reminders tick', async () => ((await job.isCompleted()) ? true : undefined));
      };
      await tick();
      const first = await inboxOf(project.applicantAuth);
      const due = first.items.filter((item) => item.kind === NotificationKind.ReportDue);
      const overdue = first.items.filter((item) => item.kind === NotificationKind.ReportOverdue);
      expect(due.map((item) => item.bodyZh)).toContain(`请在 ${addDays(today, 5)} 前提交报告。`);
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue[0].titleZh).toContain(project.submission.title);
      expect(due.map((item) => item.titleZh)).toContain(`「${project.submission.title}」结项报告即将到期`);
      const office = await inboxOf(fixture.clerks[0].auth);
      expect(office.items.filter((item) => item.kind === NotificationKind.ReportOverdue)).toHaveLength(overdue.length);
      expect(office.items.some((item) => item.kind === NotificationKind.ReportDue)).toBe(false);

      await tick();
      expect((await inboxOf(project.applicantAuth)).items).toHaveLength(first.items.length);
    } finally {
      await queue.close();
    }
  });
});
