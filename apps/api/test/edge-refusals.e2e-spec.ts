import { AddressInfo, connect } from 'node:net';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { JudgeGroup, Role } from '@app/domain';
import { TokenService } from '../src/auth/token.service';
import { createUser } from './factories';
import { AddedJudge, RoadshowFixture, bearer, partyBuildingSheet, roadshowUnderWay } from './roadshow.factory';
import { tableState, tablesWritten } from './table-state';
import { startTestApp } from './test-app';

/** The bytes Node's HTTP parser answers, for requests no HTTP client library would send. */
function rawExchange(port: number, text: string): Promise<{ status: number; headers: string; body: unknown }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const answer = Buffer.concat(chunks).toString('utf8');
      const [head, body] = answer.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body: JSON.parse(body) as unknown });
    });
  });
}

const SHAPE = {
  code: expect.any(String),
  reason: expect.any(String),
  message_zh: expect.any(String),
  message_en: expect.any(String),
};

describe('refusals at the edge: the documented body, nothing written', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let port: number;
  let fixture: RoadshowFixture;
  let roadshowId: string;
  let judge: AddedJudge;
  let slotId: string;
  let applicantAuth: string;

  const http = () => request(app.getHttpServer());
  const office = () => bearer(fixture.officeToken);

  /** Sends the request and expects it refused as `status` with nothing written anywhere. */
  async function refused(call: () => request.Test, status: number): Promise<request.Response> {
    const before = await tableState(db);
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject(SHAPE);
    expect(tablesWritten(before, await tableState(db))).toEqual([]);
    return response;
  }

  beforeAll(async () => {
    app = await startTestApp();
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
    db = app.get(DataSource);
    const underWay = await roadshowUnderWay(app, {
      projects: 2,
      judges: [{ name: '周建明', group: JudgeGroup.Media }],
      seed: 'edge',
      openScoring: false,
    });
    ({ fixture, roadshowId } = underWay);
    judge = underWay.judges[0];
    slotId = underWay.slots[0].slotId;
    const applicant = await createUser(db, Role.Applicant, fixture.organizations[0].id);
    applicantAuth = `Bearer ${
      app.get(TokenService).issue({
        kind: 'user',
        userId: applicant.id,
        role: Role.Applicant,
        organizationId: fixture.organizations[0].id,
      }).token
    }`;
  });

  afterAll(async () => {
    await app.close();
  });

  describe('texts no column can hold (NUL, unpaired surrogates), on the routes that answered 500', () => {
    const NUL = '社区\u0000创投';
    const SURROGATE = '\ud800创投';
    const cases: [string, () => request.Test, string][] = [
      ['sign-in login', () => http().post('/auth/sessions').send({ login: NUL, password: 'x' }), 'login'],
      ['judge sign-in code', () => http().post('/judge-sessions').send({ code: SURROGATE }), 'code'],
      [
        'a judge name',
        () => http().post(`/roadshows/${roadshowId}/judges`).set(office()).send({ name: SURROGATE, group: 'media' }),
        'name',
      ],
      [
        'an office recusal reason',
        () =>
          http()
            .post(`/roadshows/${roadshowId}/recusals`)
            .set(office())
            .send({ judgeId: judge.id, submissionId: fixture.submissions[1].id, reason: SURROGATE }),
        'reason',
      ],
      [
        'a judge’s own recusal reason',
        () =>
          http()
            .post('/judge/recusals')
            .set(bearer(judge.token))
            .send({ submissionId: fixture.submissions[1].id, reason: NUL }),
        'reason',
      ],
      [
        'a score comment',
        () =>
          http()
            .put(`/judge/slots/${slotId}/score`)
            .set(bearer(judge.token))
            .set('Idempotency-Key', 'edge-comment-0001')
            .send({ ...partyBuildingSheet('88'), comment: SURROGATE }),
        'comment',
      ],
      [
        'a criterion name inside the score sheet',
        () =>
          http()
            .put(`/judge/slots/${slotId}/score`)
            .set(bearer(judge.token))
            .set('Idempotency-Key', 'edge-comment-0002')
            .send({ criteria: { 'ne\u0000ed': '20' } }),
        'criteria.ne\\u0000ed',
      ],
      [
        'the submissions’ category filter',
        () => http().get(`/competitions/${fixture.competition.id}/submissions?category=a%00b`).set(office()),
        'query.category',
      ],
      [
        'a percent-escape in a query that is not UTF-8',
        () => http().get(`/submissions?category=%ED%A0%80`).set('authorization', applicantAuth),
        'query.category',
      ],
      ['a path parameter', () => http().get(`/roadshows/${roadshowId}%00`).set(office()), 'id'],
    ];

    it.each(cases)('refuses %s as a 400 naming the field for programs, not in the words', async (_, call, field) => {
      const response = await refused(call, 400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'MALFORMED_INPUT', field });
      expect((response.body.message_zh as string).split(/[^\w.]+/)).not.toContain(field);
    });

    it('says which character is wrong, in both languages', async () => {
      const nul = await refused(() => http().post('/auth/sessions').send({ login: NUL, password: 'x' }), 400);
      expect(nul.body).toMatchObject({
        field: 'login',
        message_zh: '此项含有空字符（U+0000）',
        message_en: 'this field contains a NUL character (U+0000)',
      });
      const lone = await refused(() => http().post('/judge-sessions').send({ code: SURROGATE }), 400);
      expect(lone.body).toMatchObject({
        field: 'code',
        message_en: 'this field contains an unpaired UTF-16 surrogate, so it is not valid Unicode text',
      });
    });

    it('keeps emoji, which are surrogate pairs, and CJK text as sent', async () => {
      const response = await http()
        .post(`/roadshows/${roadshowId}/judges`)
        .set(office())
        .send({ name: '李🏮红', group: 'resident' })
        .expect(201);
      expect(response.body.judge.name).toBe('李🏮红');
    });
  });

  describe('bodies', () => {
    const judges = () => http().post(`/roadshows/${roadshowId}/judges`).set(office());

    it('refuses bytes that are not UTF-8 instead of storing replacement characters', async () => {
      const bytes = Buffer.concat([
        Buffer.from('{"name":"李'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('","group":"media"}'),
      ]);
      const response = await refused(
        () =>
          judges()
            .set('content-type', 'application/json')
            .serialize((body: Buffer) => body as unknown as string)
            .send(bytes),
        400,
      );
      expect(response.body).toMatchObject({ reason: 'BODY_NOT_UTF8', field: 'body' });
    });

    it.each([
      ['Latin-1', 'application/json; charset=iso-8859-1', 'UNSUPPORTED_CHARSET'],
      ['UTF-16', 'application/json; charset="UTF-16"', 'UNSUPPORTED_CHARSET'],
      ['plain text', 'text/plain', 'UNSUPPORTED_MEDIA_TYPE'],
      ['a form', 'application/x-www-form-urlencoded', 'UNSUPPORTED_MEDIA_TYPE'],
    ])('refuses a body in %s with 415', async (_, contentType, reason) => {
      const response = await refused(
        () => judges().set('content-type', contentType).send('{"name":"李敏","group":"media"}'),
        415,
      );
      expect(response.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', reason });
    });

    it('reads charset=utf-8 in any spelling', async () => {
      await judges()
        .set('content-type', 'application/json; charset=UTF8')
        .send(JSON.stringify({ name: '王芳', group: 'expert' }))
        .expect(201);
    });

    it.each([
      ['null', 'null'],
      ['an array', '[{"name":"李敏","group":"media"}]'],
      ['a number', '2026'],
    ])('refuses %s where an object is required, naming the body', async (_, text) => {
      const response = await refused(() => judges().set('content-type', 'application/json').send(text), 400);
      expect(response.body).toMatchObject({
        reason: 'BODY_NOT_OBJECT',
        field: 'body',
        message_zh: '请求体必须是 JSON 对象',
        message_en: 'the request body must be a JSON object',
      });
    });

    it('refuses a missing body naming the body first and then each required field', async () => {
      const response = await refused(() => judges(), 400);
      expect(response.body).toMatchObject({ reason: 'BODY_MISSING', field: 'body' });
      const details = response.body.details as { field: string }[];
      expect(details.map((d) => d.field)).toEqual(expect.arrayContaining(['body', 'name', 'group']));
    });

    it('takes a missing body as {} where every field is optional', async () => {
      // The route itself answers: the slot on stage is still presenting, not yet scoring.
      const response = await http().post(`/roadshows/${roadshowId}/slots/${slotId}/lock`).set(office()).expect(409);
      expect(response.body).toMatchObject({ code: 'CONFLICT', message_en: expect.stringContaining('presenting') });
    });

    it('bounds the answer: the first 20 problems of 1,000 items, and how many there were', async () => {
      const budgetLines = Array.from({ length: 1000 }, () => ({ item: 7, kind: 7, amountFen: 'x' }));
      const response = await refused(
        () =>
          http()
            .post(`/competitions/${fixture.competition.id}/submissions`)
            .set('authorization', applicantAuth)
            .send({ title: '发挥先锋作用', budgetLines }),
        400,
      );
      expect(response.body.details).toHaveLength(20);
      expect(response.body.detailsOmitted).toBeGreaterThan(1000);
      const total = response.body.detailsOmitted + 20;
      expect(response.body.message_zh).toContain(`（共 ${total} 个问题，仅列出前 20 个）`);
      expect(response.body.message_en).toContain(`(${total} problems in all; the first 20 are listed)`);
      expect(response.text.length).toBeLessThan(8192);
    });

    it('refuses 100,000 items and 10,000 levels of nesting before looking inside', async () => {
      const items = await refused(
        () => judges().send({ name: '李敏', group: 'media', weight: Array.from({ length: 100_000 }, () => 1) }),
        400,
      );
      expect(items.body).toMatchObject({
        field: 'weight',
        message_en: 'this field has 100000 entries; at most 1000 are allowed',
      });
      const deep = await refused(
        () =>
          judges()
            .set('content-type', 'application/json')
            .send(`{"name":${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
        400,
      );
      expect(deep.body).toMatchObject({ message_en: 'this field is nested more than 32 levels deep' });
      expect(deep.body.field).toMatch(/^name(\.0)+$/);
    });
  });

  describe('what the router and the HTTP parser answer themselves', () => {
    it('answers a path parameter past 100 characters with 414 in the documented body', async () => {
      const response = await refused(() => http().get(`/roadshows/${'a'.repeat(101)}`), 414);
      expect(response.body).toEqual({
        code: 'URI_TOO_LONG',
        reason: 'PATH_PARAMETER_TOO_LONG',
        message_zh: '请求地址中的一段超过 100 个字符',
        message_en: 'a segment of the request address is longer than 100 characters',
      });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it.each(['%ZZ', '%E0%A4%A', '%ED%A0%80'])('answers the bad percent-escape %s with 400 BAD_URL', async (escape) => {
      const response = await refused(() => http().get(`/roadshows/${escape}`), 400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'BAD_URL' });
      expect(response.headers['x-frame-options']).toBe('DENY');
    });

    it('answers a control character in a header with 400, and headers past 16 KiB with 431, both documented', async () => {
      const control = await rawExchange(port, 'GET /health HTTP/1.1\r\nHost: x\r\nX-Note: a\u0001b\r\n\r\n');
      expect(control.status).toBe(400);
      expect(control.body).toMatchObject({ ...SHAPE, code: 'VALIDATION_FAILED', reason: 'MALFORMED_REQUEST' });
      expect(control.headers).toContain('x-content-type-options: nosniff');
      const huge = await rawExchange(port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Note: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(huge.status).toBe(431);
      expect(huge.body).toEqual({
        code: 'HEADERS_TOO_LARGE',
        reason: 'HEADERS_TOO_LARGE',
        message_zh: '请求头过大',
        message_en: 'the request headers are too large',
      });
    });
  });

  describe('security headers', () => {
    it('sends them on API answers, refusals and 404s alike', async () => {
      for (const response of [
        await http().get('/health'),
        await http().get('/no-such-thing').expect(404),
        await http().get('/auth/me').expect(401),
      ]) {
        expect(response.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'x-frame-options': 'DENY',
          'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
        });
        expect(response.headers['strict-transport-security']).toBeUndefined();
      }
    });

    it('gives the pages a policy without inline script or style, and the API documentation a looser one', async () => {
      const page = await http().get('/judge/').expect(200);
      const policy = page.headers['content-security-policy'];
      expect(policy.split(';')).toEqual(
        expect.arrayContaining(["script-src 'self'", "style-src 'self'", "connect-src 'self'", "object-src 'none'"]),
      );
      expect(policy).not.toContain('unsafe-inline');
      const docs = await http().get('/api/docs').redirects(1).expect(200);
      expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    });
  });
});
