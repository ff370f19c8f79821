import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startTestApp } from './test-app';
import { SpawnedProcess, startOwnRedis } from './live-processes';

describe('GET /health', () => {
  describe('with Postgres and Redis running', () => {
    let app: NestFastifyApplication;

    beforeAll(async () => {
      // A queue prefix of its own: no other file's worker listens there.
      app = await startTestApp({ QUEUE_PREFIX: `health-${randomUUID().slice(0, 8)}` });
    });

    afterAll(async () => {
      await app.close();
    });

    it('reports Postgres and Redis up, each with its own latency', async () => {
      const response = await request(app.getHttpServer()).get('/health').expect(200);
      expect(response.body).toMatchObject({
        status: 'ok',
        postgres: { status: 'up', latencyMs: expect.any(Number) },
        redis: { status: 'up', latencyMs: expect.any(Number) },
      });
    });

    it('says no worker is connected when none runs for this queue prefix', async () => {
      const response = await request(app.getHttpServer()).get('/health').expect(200);
      expect(response.body.worker).toEqual({ status: 'down', count: 0 });
    });
  });

  describe('when Redis stops', () => {
    let redis: SpawnedProcess;
    let app: NestFastifyApplication;

    beforeAll(async () => {
      redis = await startOwnRedis();
      app = await startTestApp({ REDIS_URL: redis.url });
    });

    afterAll(async () => {
      await app.close();
      await redis.stop();
    });

    it('reports Redis down, Postgres still up, and keeps answering', async () => {
      await request(app.getHttpServer()).get('/health').expect(200);
      await redis.stop();

      const response = await request(app.getHttpServer()).get('/health').expect(503);
      expect(response.body).toMatchObject({
        status: 'degraded',
        postgres: { status: 'up' },
        redis: { status: 'down', error: expect.any(String) },
        worker: { status: 'unknown' },
      });
      await request(app.getHttpServer()).get('/api/openapi.json').expect(200);
      await request(app.getHttpServer()).get('/health').expect(503);
    });
  });

  describe('when Redis is down from the start', () => {
    it('still starts, reports Redis down and Postgres up', async () => {
      const redis = await startOwnRedis();
      await redis.stop();
      const app = await startTestApp({ REDIS_URL: redis.url });
      try {
        const response = await request(app.getHttpServer()).get('/health').expect(503);
        expect(response.body).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'down' } });
      } finally {
        await app.close();
      }
    });
  });
});
