import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { JudgeGroup } from '@app/domain';
import { ProducerRedis } from '@app/application';
import { bearer, createRoadshow, roadshowCompetition } from './roadshow.factory';
import { startTestApp } from './test-app';

describe('judge sign-in with the roadshow code', () => {
  let app: NestFastifyApplication;
  let prefix: string;
  let code: string;
  let judgeId: string;

  const http = () => request(app.getHttpServer());

  // Each test its own Redis namespace: the wrong codes of one must not lock out another test, nor the
  // other suites on 127.0.0.1.
  beforeEach(async () => {
    prefix = `rl-${randomBytes(6).toString('hex')}`;
    app = await startTestApp({ QUEUE_PREFIX: prefix });
    const fixture = await roadshowCompetition(app, 1);
    const roadshowId = await createRoadshow(app, fixture);
    const added = await http()
      .post(`/roadshows/${roadshowId}/judges`)
      .set(bearer(fixture.officeToken))
      .send({ name: '陈卫东', group: JudgeGroup.Expert })
      .expect(201);
    code = added.body.code;
    judgeId = added.body.judge.id;
  });

  afterEach(async () => {
    const redis = app.get(ProducerRedis).client;
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await app.close();
  });

  it('signs in with the code however it is typed, and the token opens the judge’s roadshow', async () => {
    const session = await http()
      .post('/judge-sessions')
      .send({ code: code.toLowerCase().replace('-', '') })
      .expect(201);
    expect(session.body.judge).toMatchObject({ id: judgeId, name: '陈卫东', group: 'expert' });
    expect(session.body.roadshow.competitionTitle).toContain('红色核动力');
    const view = await http().get('/judge/roadshow').set(bearer(session.body.token)).expect(200);
    expect(view.body.judge.id).toBe(judgeId);
  });

  it('answers every wrong code the same way, and the 11th wrong code in a row with 429', async () => {
    const wrong = [
      'AAAA-AAAA',
      '',
      'x'.repeat(64),
      'ZZZZ-ZZZZ',
      "' OR 1=1 --",
      'K7QM-4XPA',
      '评委签到',
      '2222-2222',
      'abcd',
      '9999-9999',
    ];
    const answers = [];
    for (const attempt of wrong) answers.push((await http().post('/judge-sessions').send({ code: attempt })).body);
    expect(new Set(answers.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(answers[0]).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'UNAUTHENTICATED',
      message_zh: '签到码无效，请核对后重新输入',
      message_en: 'the sign-in code is not valid; check it and try again',
    });
    const eleventh = await http().post('/judge-sessions').send({ code: 'BBBB-BBBB' }).expect(429);
    expect(eleventh.body).toMatchObject({ code: 'RATE_LIMITED', message_zh: expect.stringContaining('10 分钟') });
    // Once the window is used up even the right code waits: otherwise a guesser could keep trying.
    await http().post('/judge-sessions').send({ code }).expect(429);
  });

  it('keeps the window in Redis, starting at the first miss, for 10 minutes', async () => {
    for (let miss = 0; miss < 10; miss += 1) {
      await http().post('/judge-sessions').send({ code: 'AAAA-AAAA' }).expect(401);
    }
    const redis = app.get(ProducerRedis).client;
    const [key] = await redis.keys(`${prefix}:judge-sign-in:failures:*`);
    expect(Number(await redis.get(key))).toBe(10);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(500);
    expect(ttl).toBeLessThanOrEqual(600);
  });
});
