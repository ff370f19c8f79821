import { randomBytes } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { JudgeGroup } from '@app/domain';
import { ProducerRedis } from '@app/application';
import { AuditEvent } from '@app/persistence';
import { SIGN_IN_CODE_ALPHABET } from '../src/auth/sign-in-code';
import { bearer, createRoadshow, roadshowCompetition } from './roadshow.factory';
import { startTestApp } from './test-app';

/** A code of the right shape that no judge has (a fresh random one; 31^8 makes a hit impossible). */
function wrongCode(): string {
  const letters = [...randomBytes(8)]
    .map((byte) => SIGN_IN_CODE_ALPHABET[byte % SIGN_IN_CODE_ALPHABET.length])
    .join('');
  return `${letters.slice(0, 4)}-${letters.slice(4)}`;
}

let lastAddress = 0;
/** An address of a documentation range (TEST-NET-3), a different one at every call. */
function address(): string {
  lastAddress += 1;
  return `203.0.113.${lastAddress}`;
}

describe('judge sign-in at a venue', () => {
  let app: NestFastifyApplication;
  let prefix: string;

  const http = () => request(app.getHttpServer());
  /** A sign-in as it reaches the API through the venue's reverse proxy on 127.0.0.1. */
  const signIn = (body: Record<string, unknown>, from: string) =>
    http().post('/judge-sessions').set('x-forwarded-for', from).send(body);

  async function roadshowWithJudge(name = '陈卫东') {
    const fixture = await roadshowCompetition(app, 1);
    const roadshowId = await createRoadshow(app, fixture);
    const added = await http()
      .post(`/roadshows/${roadshowId}/judges`)
      .set(bearer(fixture.officeToken))
      .send({ name, group: JudgeGroup.Expert })
      .expect(201);
    return {
      roadshowId,
      officeToken: fixture.officeToken,
      code: added.body.code as string,
      judgeId: added.body.judge.id,
    };
  }

  beforeAll(async () => {
    // Its own Redis namespace, and the proxy on 127.0.0.1 trusted to name each venue's address.
    prefix = `venue-${randomBytes(6).toString('hex')}`;
    app = await startTestApp({ QUEUE_PREFIX: prefix, TRUST_PROXY: 'loopback' });
  });

  afterAll(async () => {
    const redis = app.get(ProducerRedis).client;
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await app.close();
  });

  it('signs in with the code however it is typed, only for the roadshow it belongs to', async () => {
    const { roadshowId, code, judgeId } = await roadshowWithJudge();
    const other = await roadshowWithJudge('黄丽萍');
    const session = await signIn({ code: code.toLowerCase().replace('-', ''), roadshowId }, address()).expect(201);
    expect(session.body.judge).toMatchObject({ id: judgeId, name: '陈卫东', group: 'expert' });
    const view = await http().get('/judge/roadshow').set(bearer(session.body.token)).expect(200);
    expect(view.body.judge.id).toBe(judgeId);
    const elsewhere = await signIn({ code, roadshowId: other.roadshowId }, address()).expect(401);
    expect(elsewhere.body).toMatchObject({ reason: 'SIGN_IN_CODE_INVALID', field: 'code' });
  });

  it('answers every wrong code the same way, naming no field but the code', async () => {
    const { roadshowId } = await roadshowWithJudge();
    const from = address();
    const answers = [];
    for (const attempt of ['AAAA-AAAA', '', 'x'.repeat(64), "' OR 1=1 --", '评委签到', 'abcd']) {
      answers.push((await signIn({ code: attempt, roadshowId }, from)).body);
    }
    expect(new Set(answers.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(answers[0]).toEqual({
      code: 'UNAUTHENTICATED',
      reason: 'SIGN_IN_CODE_INVALID',
      message_zh: '签到码无效，请核对后重新输入',
      message_en: 'the sign-in code is not valid; check it and try again',
      field: 'code',
    });
  });

  it('lets a judge with a right code in while the venue’s one address has mistyped many codes', async () => {
    const { roadshowId, code, judgeId } = await roadshowWithJudge();
    const venue = address();
    // Forty typos from thirty judges behind one NAT: four times the ten that used to lock the hall out.
    for (let i = 0; i < 40; i += 1) await signIn({ code: wrongCode(), roadshowId }, venue).expect(401);
    // One judge keeps typing the same wrong code: that code pauses, the judge’s right code does not.
    const typo = wrongCode();
    for (let i = 0; i < 5; i += 1) await signIn({ code: typo, roadshowId }, venue).expect(401);
    const paused = await signIn({ code: typo, roadshowId }, venue).expect(429);
    expect(paused.body).toMatchObject({ code: 'RATE_LIMITED', reason: 'SIGN_IN_PAUSED' });
    expect(paused.body.message_zh).toContain('这个签到码输错次数过多');
    const session = await signIn({ code, roadshowId }, venue).expect(201);
    expect(session.body.judge.id).toBe(judgeId);
  });

  it('stops guessing one roadshow’s codes from many addresses; the office sees the pause and lifts it', async () => {
    const target = await roadshowWithJudge();
    const neighbour = await roadshowWithJudge('黄丽萍');
    const guessers = [address(), address(), address(), address()];
    let refusedAt = 0;
    for (let i = 0; i < 200 && refusedAt === 0; i += 1) {
      const answer = await signIn({ code: wrongCode(), roadshowId: target.roadshowId }, guessers[i % 4]);
      if (answer.status === 429) refusedAt = i + 1;
      else expect(answer.status).toBe(401);
    }
    // The roadshow's budget (150 wrong codes in 10 minutes) is spent from four addresses, none over its own 50.
    expect(refusedAt).toBe(151);
    const venue = address();
    const refused = await signIn({ code: target.code, roadshowId: target.roadshowId }, venue).expect(429);
    expect(refused.body.message_zh).toContain('本场路演输错签到码的次数过多');
    expect(refused.body.message_zh).toContain('管理控制台解除');
    await signIn({ code: neighbour.code, roadshowId: neighbour.roadshowId }, venue).expect(201);

    const office = bearer(target.officeToken);
    const pauses = await http().get(`/roadshows/${target.roadshowId}/sign-in-pauses`).set(office).expect(200);
    expect(pauses.body.items).toEqual([{ scope: 'roadshow', address: null, until: expect.any(String) }]);
    expect(Date.parse(pauses.body.items[0].until)).toBeGreaterThan(Date.now() + 9 * 60_000);
    await http().delete(`/roadshows/${target.roadshowId}/sign-in-pauses`).set(office).expect(204);
    expect((await http().get(`/roadshows/${target.roadshowId}/sign-in-pauses`).set(office)).body.items).toEqual([]);
    const audit = await app
      .get(DataSource)
      .getRepository(AuditEvent)
      .findOneByOrFail({ subjectId: target.roadshowId, action: 'judge-sign-in.pauses-cleared' });
    expect(audit.before).toMatchObject({ pauses: [{ scope: 'roadshow' }] });
    await signIn({ code: target.code, roadshowId: target.roadshowId }, venue).expect(201);
  });

  it('pauses one address that guesses alone, leaving the hall free to sign in', async () => {
    const { roadshowId, code, officeToken } = await roadshowWithJudge();
    const guesser = address();
    for (let i = 0; i < 50; i += 1) await signIn({ code: wrongCode(), roadshowId }, guesser).expect(401);
    const paused = await signIn({ code: wrongCode(), roadshowId }, guesser).expect(429);
    expect(paused.body.message_en).toContain('too many wrong codes came from this network');
    const pauses = await http().get(`/roadshows/${roadshowId}/sign-in-pauses`).set(bearer(officeToken)).expect(200);
    expect(pauses.body.items).toEqual([{ scope: 'address', address: guesser, until: expect.any(String) }]);
    await signIn({ code, roadshowId }, address()).expect(201);
  });
});
