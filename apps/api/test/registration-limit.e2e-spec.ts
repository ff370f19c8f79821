import { randomBytes, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ProducerRedis } from '@app/application';
import { Organization } from '@app/persistence';
import { startTestApp } from './test-app';

function registration(): Record<string, unknown> {
  const tag = randomUUID().slice(0, 8);
  return {
    kind: 'community',
    name: `桥头社区居民委员会 ${tag}`,
    community: '桥头',
    district: '佛山市三水区西南街道',
    contactName: '何伟',
    contactPhone: '0757-87765432',
    applicant: { login: `qiaotou-${tag}`, password: '桥头社区 2026 申报口令', displayName: '何伟' },
  };
}

describe('public registration limits behind a reverse proxy', () => {
  const apps: { app: NestFastifyApplication; prefix: string }[] = [];

  /** The API with small hourly limits in its own Redis namespace, so each case counts from zero. */
  async function apiWith(settings: Record<string, string>) {
    const prefix = `reg-${randomBytes(6).toString('hex')}`;
    const app = await startTestApp({ QUEUE_PREFIX: prefix, ...settings });
    apps.push({ app, prefix });
    return {
      register: (from: string, body = registration()) =>
        request(app.getHttpServer()).post('/organizations').set('x-forwarded-for', from).send(body),
      organizationsNamed: (name: string) => app.get(DataSource).getRepository(Organization).countBy({ name }),
    };
  }

  afterAll(async () => {
    for (const { app, prefix } of apps) {
      const redis = app.get(ProducerRedis).client;
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await app.close();
    }
  });

  it('limits each client address, as the trusted proxy names it, and leaves other addresses free', async () => {
    const api = await apiWith({ TRUST_PROXY: 'loopback', REGISTRATION_LIMIT_PER_ADDRESS: '3' });
    for (let i = 0; i < 3; i += 1) await api.register('198.51.100.7').expect(201);
    const refused = await api.register('198.51.100.7').expect(429);
    expect(refused.body).toMatchObject({
      code: 'RATE_LIMITED',
      reason: 'REGISTRATIONS_FROM_ADDRESS_LIMITED',
      message_zh: '同一网络每小时最多注册 3 个组织，请一小时后再试',
    });
    // The proxy appends the address it saw: a client's own X-Forwarded-For entries change nothing.
    await api.register('10.9.8.7, 198.51.100.7').expect(429);
    await api.register('198.51.100.8').expect(201);
  });

  it('counts the proxy itself when no proxy is trusted, whatever X-Forwarded-For says', async () => {
    const api = await apiWith({ REGISTRATION_LIMIT_PER_ADDRESS: '2' });
    await api.register('198.51.100.20').expect(201);
    await api.register('198.51.100.21').expect(201);
    const refused = await api.register('198.51.100.22').expect(429);
    expect(refused.body.reason).toBe('REGISTRATIONS_FROM_ADDRESS_LIMITED');
  });

  it('stops every address at the ceiling, writing nothing for the refused', async () => {
    const api = await apiWith({ TRUST_PROXY: '127.0.0.1', REGISTRATION_LIMIT_TOTAL: '4' });
    for (let i = 0; i < 4; i += 1) await api.register(`198.51.100.${40 + i}`).expect(201);
    const body = registration();
    const refused = await api.register('198.51.100.99', body).expect(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', reason: 'REGISTRATIONS_LIMITED' });
    expect(await api.organizationsNamed(body.name as string)).toBe(0);
  });
});
