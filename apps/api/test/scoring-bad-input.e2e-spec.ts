import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { JudgeGroup } from '@app/domain';
import { AuditEvent, Score, ScoreRevision } from '@app/persistence';
import { AddedJudge, bearer, partyBuildingSheet, roadshowUnderWay } from './roadshow.factory';
import { startTestApp } from './test-app';

describe('bad score input is refused with the field named, and nothing is written', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  /** A slot open for scoring that only ever sees refused sheets. */
  let judge: AddedJudge;
  let slotId: string;
  let key = 0;

  const valid = partyBuildingSheet('86.25');
  const put = (
    body: unknown,
    idempotencyKey: string | null = `bad-input-${(key += 1)}`,
    as: { judge: AddedJudge; slotId: string } = { judge, slotId },
  ) => {
    const call = request(app.getHttpServer()).put(`/judge/slots/${as.slotId}/score`).set(bearer(as.judge.token));
    return (idempotencyKey === null ? call : call.set('Idempotency-Key', idempotencyKey)).send(body as object);
  };
  const expectNothingWritten = async () => {
    expect(await db.getRepository(Score).countBy({ judgeId: judge.id })).toBe(0);
    expect(await db.getRepository(ScoreRevision).countBy({ judgeId: judge.id })).toBe(0);
    expect(await db.getRepository(AuditEvent).countBy({ actorId: judge.id })).toBe(0);
  };
  const panel = [{ name: '陈卫东', group: JudgeGroup.Expert }];

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
    const roadshow = await roadshowUnderWay(app, { projects: 1, judges: panel });
    [judge] = roadshow.judges;
    slotId = roadshow.slots[0].slotId;
  });

  afterAll(async () => {
    await app.close();
  });

  const cases: [string, () => unknown, string, RegExp][] = [
    [
      'an out-of-range mark',
      () => ({ ...valid, criteria: { ...valid.criteria, need: '25.5' } }),
      'criteria.need',
      /0 到 25/,
    ],
    [
      'a negative mark',
      () => ({ ...valid, criteria: { ...valid.criteria, design: '-0.5' } }),
      'criteria.design',
      /0 到 25/,
    ],
    [
      'more than 2 decimals',
      () => ({ ...valid, criteria: { ...valid.criteria, need: '20.125' } }),
      'criteria.need',
      /2 位小数/,
    ],
    [
      'an unknown criterion',
      () => ({ ...valid, criteria: { ...valid.criteria, creativity: '5' } }),
      'criteria.creativity',
      /评分项/,
    ],
    [
      'a missing criterion',
      () => ({ ...valid, criteria: { ...valid.criteria, sustainability: undefined } }),
      'criteria.sustainability',
      /请为“.+”打分/,
    ],
    [
      'a number instead of a decimal string',
      () => ({ ...valid, criteria: { ...valid.criteria, need: 20 } }),
      'criteria.need',
      /文本形式/,
    ],
    [
      'SQL in a mark',
      () => ({ ...valid, criteria: { ...valid.criteria, need: "20'; DELETE FROM score; --" } }),
      'criteria.need',
      /不是有效的数字/,
    ],
    ['criteria that are not an object', () => ({ ...valid, criteria: ['20', '20'] }), 'criteria', /必须是一组字段/],
    ['no criteria at all', () => ({ gates: valid.gates }), 'criteria', /必须是一组字段/],
    [
      'a gate that is not a boolean',
      () => ({ ...valid, gates: { 'party-leadership': 'yes' } }),
      'gates.party-leadership',
      /通过/,
    ],
    ['an unknown top-level field', () => ({ ...valid, total: '100' }), 'total', /本接口不接受/],
    ['an oversized comment', () => ({ ...valid, comment: '很长的评语🙂'.repeat(400) }), 'comment', /2000/],
  ];

  it.each(cases)('refuses %s', async (_name, body, field, zh) => {
    const response = await put(body()).expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(response.body.message_zh).toMatch(zh);
    expect(response.body.message_en).toEqual(expect.any(String));
    await expectNothingWritten();
  });

  it('refuses a missing or malformed Idempotency-Key', async () => {
    const missing = await put(valid, null).expect(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'Idempotency-Key' });
    expect(missing.body).toMatchObject({ reason: 'IDEMPOTENCY_KEY_MISSING' });
    expect(missing.body.message_zh).toContain('提交编号');
    const short = await put(valid, 'short').expect(400);
    expect(short.body.field).toBe('Idempotency-Key');
    await put(valid, 'x'.repeat(101)).expect(400);
    await expectNothingWritten();
  });

  it('refuses a slot id that is not a UUID, naming it', async () => {
    const response = await request(app.getHttpServer())
      .put('/judge/slots/not-a-uuid/score')
      .set(bearer(judge.token))
      .set('Idempotency-Key', 'bad-slot-id-1')
      .send(valid)
      .expect(400);
    expect(response.body.field).toBe('slotId');
    await expectNothingWritten();
  });

  it('accepts the same sheet done right, with CJK and emoji in the comment', async () => {
    const roadshow = await roadshowUnderWay(app, { projects: 1, judges: panel });
    const saved = await put({ ...valid, comment: '需求调研扎实，建议细化志愿者激励机制 👍' }, 'bad-input-accepted', {
      judge: roadshow.judges[0],
      slotId: roadshow.slots[0].slotId,
    }).expect(200);
    expect(saved.body).toMatchObject({
      revision: 1,
      total: '86.25',
      comment: '需求调研扎实，建议细化志愿者激励机制 👍',
    });
  });
});
