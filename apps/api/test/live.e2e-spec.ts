import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { LiveEventType, Role } from '@app/domain';
import { LiveEvent, Roadshow } from '@app/persistence';
import { closeRedis, roadshowChannel } from '@app/queue';
import { LiveEventsService } from '../src/live/live-events.service';
import { LiveStreamService } from '../src/live/live-stream.service';
import { createCompetition, createUser } from './factories';
import { SpawnedProcess, startApiProcess, startOwnRedis, startRedisOnPort } from './live-processes';
import { SseClient } from './live-sse-client';
import { startTestApp } from './test-app';

jest.setTimeout(90_000);

/** Signal channels are namespaced by the queue prefix of the run. */
const prefix = loadConfig(process.env).queue.prefix;

interface Api {
  readonly app: NestFastifyApplication;
  readonly url: string;
  readonly db: DataSource;
  readonly live: LiveEventsService;
  readonly streams: LiveStreamService;
}

async function startApi(overrides: Record<string, string> = {}): Promise<Api> {
  const app = await startTestApp(overrides);
  await app.listen(0, '127.0.0.1');
  return {
    app,
    url: await app.getUrl(),
    db: app.get(DataSource),
    live: app.get(LiveEventsService),
    streams: app.get(LiveStreamService),
  };
}

async function createRoadshow(db: DataSource): Promise<string> {
  const office = await createUser(db, Role.Office);
  const competition = await createCompetition(db, office.id);
  const roadshow = await db
    .getRepository(Roadshow)
    .save({ competitionId: competition.id, venue: '西南街道党群服务中心' });
  return roadshow.id;
}

/** What a roadshow route does: append in its transaction, signal after the commit. */
async function publish(api: Api, roadshowId: string, ...data: object[]): Promise<LiveEvent[]> {
  const events = await api.db.transaction(async (manager) => {
    const written: LiveEvent[] = [];
    for (const item of data)
      written.push(await api.live.append(manager, roadshowId, LiveEventType.JudgeSubmitted, item));
    return written;
  });
  await api.live.notify(roadshowId);
  return events;
}

function eventsPath(roadshowId: string, query = ''): string {
  return `/roadshows/${roadshowId}/events${query}`;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function eventually(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Waits until the API's subscriber listens on the roadshow's channel of the Redis at `url`. */
async function untilSubscribed(url: string, roadshowId: string, what: string): Promise<void> {
  const probe = new Redis(url, { lazyConnect: true });
  try {
    await probe.connect();
    await eventually(
      async () => {
        const [, count] = (await probe.call('PUBSUB', 'NUMSUB', roadshowChannel(prefix, roadshowId))) as [
          string,
          number,
        ];
        return Number(count) === 1;
      },
      10_000,
      what,
    );
  } finally {
    await closeRedis(probe);
  }
}

function ascending(ids: readonly string[]): boolean {
  return ids.every((id, i) => i === 0 || BigInt(ids[i - 1]) < BigInt(id));
}

describe('live roadshow events (SSE)', () => {
  let api: Api;
  let redis: Redis;
  const clients: SseClient[] = [];

  async function connect(url: string, path: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = await SseClient.connect(url, path, headers);
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    api = await startApi();
    redis = new Redis(loadConfig(process.env).redis.url, { lazyConnect: true });
    await redis.connect();
  });

  afterEach(() => {
    clients.splice(0).forEach((client) => client.close());
  });

  afterAll(async () => {
    await api.app.close();
    await closeRedis(redis);
  });

  describe('GET /roadshows/:id/events', () => {
    it('refuses an unknown roadshow with 404 in Chinese and English before streaming', async () => {
      const id = randomUUID();
      const response = await request(api.app.getHttpServer()).get(eventsPath(id)).expect(404);
      expect(response.headers['content-type']).toMatch(/application\/json/);
      expect(response.body).toEqual({
        code: 'NOT_FOUND',
        reason: 'ROADSHOW_NOT_FOUND',
        message_zh: '路演不存在',
        message_en: 'roadshow not found',
        field: 'id',
      });
    });

    it('refuses a malformed roadshow id or Last-Event-ID with 400 naming the field', async () => {
      const roadshowId = await createRoadshow(api.db);
      const server = api.app.getHttpServer();
      const badId = await request(server).get(eventsPath('not-a-uuid')).expect(400);
      expect(badId.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'id', message_zh: '路演编号必须是 UUID' });
      const badHeader = await request(server).get(eventsPath(roadshowId)).set('Last-Event-ID', 'abc').expect(400);
      expect(badHeader.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'Last-Event-ID' });
      const badQuery = await request(server).get(eventsPath(roadshowId, '?lastEventId=-1')).expect(400);
      expect(badQuery.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'query.lastEventId' });
    });

    it('streams with SSE headers; a new client is greeted with the current id and gets only what follows', async () => {
      const roadshowId = await createRoadshow(api.db);
      const before = await publish(api, roadshowId, { submitted: 1 }, { submitted: 2 });

      const client = await connect(api.url, eventsPath(roadshowId));
      expect(client.status).toBe(200);
      expect(client.headers['content-type']).toMatch(/^text\/event-stream/);
      expect(client.headers['cache-control']).toContain('no-cache');
      expect(client.headers['x-accel-buffering']).toBe('no');
      await client.until((c) => c.comments.includes('已连接 / connected'), 5_000, 'the greeting');
      expect(client.lastEventId).toBe(before[1].seq);
      expect(client.retry).toBe(2000);

      const [live] = await publish(api, roadshowId, { submitted: 3, judges: 5 });
      await client.untilEvents(1);
      expect(client.events.map(({ id, type, data }) => ({ id, type, data: JSON.parse(data) }))).toEqual([
        { id: live.seq, type: 'score.submitted', data: { submitted: 3, judges: 5 } },
      ]);
    });
  });

  describe('across API processes', () => {
    let processB: SpawnedProcess;

    beforeAll(async () => {
      processB = await startApiProcess();
    });

    afterAll(async () => {
      await processB.stop();
    });

    it('delivers events appended through one process to clients of another, in order and exactly once', async () => {
      const roadshowId = await createRoadshow(api.db);
      const onB = await connect(processB.url, eventsPath(roadshowId));
      const onA = await connect(api.url, eventsPath(roadshowId));
      await onB.until((c) => c.lastEventId !== '', 5_000, 'the greeting on B');
      await onA.until((c) => c.lastEventId !== '', 5_000, 'the greeting on A');

      const written: LiveEvent[] = [];
      for (let batch = 0; batch < 8; batch += 1) {
        written.push(...(await publish(api, roadshowId, { batch, n: 0 }, { batch, n: 1 }, { batch, n: 2 })));
      }
      await onB.untilEvents(24);
      await onA.untilEvents(24);
      await sleep(300);

      const expected = written.map((event) => event.seq);
      expect(onB.ids()).toEqual(expected);
      expect(onA.ids()).toEqual(expected);
      expect(onB.events.map((event) => JSON.parse(event.data) as unknown)).toEqual(written.map((event) => event.data));
    });

    it('30 judges submitting at the same instant: every event arrives once, in id order', async () => {
      const roadshowId = await createRoadshow(api.db);
      const onB = await connect(processB.url, eventsPath(roadshowId));
      await onB.until((c) => c.lastEventId !== '', 5_000, 'the greeting');

      const written = (
        await Promise.all(Array.from({ length: 30 }, (_, judge) => publish(api, roadshowId, { judge })))
      ).flat();
      await onB.untilEvents(30);
      await sleep(300);

      expect(onB.ids()).toHaveLength(30);
      expect(ascending(onB.ids())).toBe(true);
      expect(new Set(onB.ids())).toEqual(new Set(written.map((event) => event.seq)));
    });

    it('a SIGTERM ends the open streams and the process exits cleanly', async () => {
      // A process of its own to stop: the other tests keep theirs.
      const stopping = await startApiProcess();
      const roadshowId = await createRoadshow(api.db);
      const client = await connect(stopping.url, eventsPath(roadshowId));
      await client.until((c) => c.lastEventId !== '', 5_000, 'the greeting');

      // Nest's shutdown hooks close the app, then re-raise the signal: a clean stop ends by SIGTERM, not the SIGKILL of a hang.
      expect(await stopping.stop()).toEqual({ code: null, signal: 'SIGTERM' });
      await client.until((c) => c.ended, 5_000, 'the end of the stream');
    });
  });

  describe('reconnecting', () => {
    it('with Last-Event-ID: exactly the events missed, in order, then live ones', async () => {
      const roadshowId = await createRoadshow(api.db);
      const first = await connect(api.url, eventsPath(roadshowId));
      await first.until((c) => c.lastEventId !== '', 5_000, 'the greeting');
      await publish(api, roadshowId, { step: 1 });
      await publish(api, roadshowId, { step: 2 });
      await first.untilEvents(2);
      first.close();

      const missed = [
        ...(await publish(api, roadshowId, { step: 3 })),
        ...(await publish(api, roadshowId, { step: 4 }, { step: 5 })),
      ];
      const again = await connect(api.url, eventsPath(roadshowId), { 'Last-Event-ID': first.lastEventId });
      await again.untilEvents(3);
      const [live] = await publish(api, roadshowId, { step: 6 });
      await again.untilEvents(4);
      await sleep(300);

      expect(again.ids()).toEqual([...missed.map((event) => event.seq), live.seq]);
      expect(again.events.map((event) => (JSON.parse(event.data) as { step: number }).step)).toEqual([3, 4, 5, 6]);
    });

    it('with ?lastEventId= for clients that cannot set headers; the header wins when both are sent', async () => {
      const roadshowId = await createRoadshow(api.db);
      const [one, two, three] = await publish(api, roadshowId, { n: 1 }, { n: 2 }, { n: 3 });

      const byQuery = await connect(api.url, eventsPath(roadshowId, `?lastEventId=${one.seq}`));
      await byQuery.untilEvents(2);
      const byHeader = await connect(api.url, eventsPath(roadshowId, `?lastEventId=${one.seq}`), {
        'Last-Event-ID': two.seq,
      });
      await byHeader.untilEvents(1);
      await sleep(200);

      expect(byQuery.ids()).toEqual([two.seq, three.seq]);
      expect(byHeader.ids()).toEqual([three.seq]);
    });

    it('after a long absence: every missed event, read page by page', async () => {
      const roadshowId = await createRoadshow(api.db);
      const rows = Array.from({ length: 1_234 }, (_, n) => ({
        roadshowId,
        seq: String(n + 1),
        type: LiveEventType.TimerStarted,
        data: { n },
      }));
      await api.db.getRepository(LiveEvent).insert(rows);

      const client = await connect(api.url, eventsPath(roadshowId), { 'Last-Event-ID': '0' });
      await client.untilEvents(1_234, 20_000);
      await sleep(200);

      expect(client.events).toHaveLength(1_234);
      expect(ascending(client.ids())).toBe(true);
      expect(client.events.map((event) => (JSON.parse(event.data) as { n: number }).n)).toEqual(
        rows.map((row) => row.data.n),
      );
    });
  });

  describe('completeness', () => {
    it('events are numbered in commit order: a later append waits for an open one and is delivered after it', async () => {
      const roadshowId = await createRoadshow(api.db);
      const client = await connect(api.url, eventsPath(roadshowId));
      await client.until((c) => c.lastEventId !== '', 5_000, 'the greeting');

      const slow = api.db.createQueryRunner();
      await slow.connect();
      await slow.startTransaction();
      try {
        const early = await api.live.append(slow.manager, roadshowId, LiveEventType.CurrentSlotChanged, { slot: 1 });
        let lateDone = false;
        const late = publish(api, roadshowId, { judges: 1 }).then(([event]) => {
          lateDone = true;
          return event;
        });

        await sleep(400);
        expect(lateDone).toBe(false);
        expect(client.ids()).toEqual([]);

        await slow.commitTransaction();
        await api.live.notify(roadshowId);
        const written = await late;
        await client.untilEvents(2);
        expect(BigInt(early.seq)).toBeLessThan(BigInt(written.seq));
        expect(client.ids()).toEqual([early.seq, written.seq]);
      } finally {
        if (slow.isTransactionActive) await slow.rollbackTransaction();
        await slow.release();
      }
    });

    it('an event whose signal was lost still arrives through the periodic catch-up', async () => {
      const roadshowId = await createRoadshow(api.db);
      const client = await connect(api.url, eventsPath(roadshowId));
      await client.until((c) => c.lastEventId !== '', 5_000, 'the greeting');

      const unsignalled = await api.db.transaction((manager) =>
        api.live.append(manager, roadshowId, LiveEventType.TimerStarted, { seconds: 480 }),
      );
      await client.untilEvents(1, 7_000);
      expect(client.ids()).toEqual([unsignalled.seq]);
    });
  });

  describe('client disconnect', () => {
    it('releases the Redis subscription when the last client of a roadshow leaves', async () => {
      const roadshowId = await createRoadshow(api.db);
      const subscribers = async () => {
        const [, count] = (await redis.call('PUBSUB', 'NUMSUB', roadshowChannel(prefix, roadshowId))) as [
          string,
          number,
        ];
        return Number(count);
      };

      const one = await connect(api.url, eventsPath(roadshowId));
      const two = await connect(api.url, eventsPath(roadshowId));
      await one.until((c) => c.lastEventId !== '', 5_000, 'the greeting');
      await two.until((c) => c.lastEventId !== '', 5_000, 'the greeting');
      expect(api.streams.listenerCount(roadshowId)).toBe(2);
      expect(await subscribers()).toBe(1);

      one.close();
      await eventually(() => api.streams.listenerCount(roadshowId) === 1, 5_000, 'one listener left');
      expect(await subscribers()).toBe(1);
      const [event] = await publish(api, roadshowId, { still: 'streaming' });
      await two.untilEvents(1);
      expect(two.ids()).toEqual([event.seq]);

      two.close();
      await eventually(() => api.streams.listenerCount(roadshowId) === 0, 5_000, 'no listener left');
      await eventually(async () => (await subscribers()) === 0, 5_000, 'the channel to be unsubscribed');
    });
  });

  describe('when Redis restarts', () => {
    let ownRedis: SpawnedProcess;
    let restarted: SpawnedProcess | undefined;
    let withOwnRedis: Api;

    beforeAll(async () => {
      ownRedis = await startOwnRedis();
      withOwnRedis = await startApi({ REDIS_URL: ownRedis.url });
    });

    afterAll(async () => {
      await withOwnRedis.app.close();
      await restarted?.stop();
      await ownRedis.stop();
    });

    it('loses nothing appended while it was down and resubscribes when it is back', async () => {
      const roadshowId = await createRoadshow(withOwnRedis.db);
      const client = await connect(withOwnRedis.url, eventsPath(roadshowId));
      await client.until((c) => c.lastEventId !== '', 5_000, 'the greeting');
      const before = await publish(withOwnRedis, roadshowId, { phase: 'before' });
      await client.untilEvents(1);

      await ownRedis.stop();
      const during = await publish(withOwnRedis, roadshowId, { phase: 'during', n: 1 }, { phase: 'during', n: 2 });
      await client.untilEvents(3, 5_000);

      restarted = await startRedisOnPort(Number(new URL(ownRedis.url).port));
      await untilSubscribed(restarted.url, roadshowId, 'the subscriber to come back');
      await eventually(
        async () => (await fetch(`${withOwnRedis.url}/health`)).ok,
        10_000,
        'the producer connection to come back',
      );
      const after = await publish(withOwnRedis, roadshowId, { phase: 'after' });
      await client.untilEvents(4, 2_000);
      await sleep(300);

      expect(client.ids()).toEqual([...before, ...during, ...after].map((event) => event.seq));
    });
  });

  describe('when Redis is down from the start', () => {
    let ownRedis: SpawnedProcess;
    let started: SpawnedProcess | undefined;
    let withoutRedis: Api;

    beforeAll(async () => {
      ownRedis = await startOwnRedis();
      await ownRedis.stop();
      withoutRedis = await startApi({ REDIS_URL: ownRedis.url });
    });

    afterAll(async () => {
      await withoutRedis.app.close();
      await started?.stop();
    });

    it('streams from Postgres meanwhile, and subscribes once Redis comes up', async () => {
      const roadshowId = await createRoadshow(withoutRedis.db);
      const client = await connect(withoutRedis.url, eventsPath(roadshowId));
      await client.until((c) => c.lastEventId !== '', 5_000, 'the greeting');
      const during = await publish(withoutRedis, roadshowId, { redis: 'down' });
      await client.untilEvents(1, 3_000);

      started = await startRedisOnPort(Number(new URL(ownRedis.url).port));
      await untilSubscribed(started.url, roadshowId, 'the subscriber to connect');
      expect(client.ids()).toEqual(during.map((event) => event.seq));
    });
  });

  describe('shutdown', () => {
    it('app.close() ends the open streams', async () => {
      const closing = await startApi();
      const roadshowId = await createRoadshow(closing.db);
      const client = await connect(closing.url, eventsPath(roadshowId));
      await client.until((c) => c.lastEventId !== '', 5_000, 'the greeting');

      await closing.app.close();
      await client.until((c) => c.ended, 5_000, 'the end of the stream');
      expect(closing.streams.listenerCount(roadshowId)).toBe(0);
    });
  });
});
