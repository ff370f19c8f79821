import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { SMS_PROVIDER, SmsProvider } from '@app/application';
import { AuditEvent } from '@app/persistence';
import { NEED, collectedNeed, communityWithWall, listedNeeds, residentByPhone } from './needs.factory';
import { bearer, officeToken } from './roadshow.factory';
import { serveApp } from './test-app';
import type { ErrorResponseDto as Refusal } from '../src/common/error-response.dto';

interface Queue {
  pendingSupports: number;
  supportGroups: { flags: string[]; count: number; supports: { id: string; needId: string; flags: string[] }[] }[];
  needs: { id: string; flags: string[]; duplicateOf: string | null }[];
}

let phones = 0;
/** A fresh mobile number per resident, so no test's SMS window or support touches another's. */
const nextPhone = () =>
  `137${String(Date.now() % 10_000_000)
    .padStart(4, '0')
    .slice(-4)}${String((phones += 1) % 10_000).padStart(4, '0')}`;

/** A real 1×1 PNG: what a phone page sends after re-encoding a picture. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('点单 review: photos on needs, bursts and repeats voided or cleared by the community', () => {
  // Its own Redis namespace, so other files' requests from this host count in none of its bursts.
  // Behind a proxy on this host, so a test can speak for residents on many networks.
  const served = serveApp({
    QUEUE_PREFIX: `needs-review-${randomBytes(6).toString('hex')}`,
    TRUST_PROXY: 'loopback',
  });
  const api = () => request(served.app.getHttpServer());

  it('a photo is seen by the community while pending and by the public only once the need is on the wall', async () => {
    const community = await communityWithWall(served.app);
    const poster = await residentByPhone(served.app, nextPhone());
    const posted = await api()
      .post('/resident/needs')
      .set('authorization', poster)
      .send({ ...NEED, communityId: community.organization.id, title: '3 栋楼道的灯坏了半年' })
      .expect(201);
    const needId = posted.body.id as string;
    const added = await api()
      .post(`/resident/needs/${needId}/photo`)
      .set('authorization', poster)
      .attach('file', PNG, { filename: '楼道.png', contentType: 'image/png' })
      .expect(201);
    expect(added.body).toMatchObject({ id: needId, state: 'pending', photoUrl: null });

    const moderated = await api()
      .get('/community/needs?state=pending')
      .set('authorization', community.auth)
      .expect(200);
    const seen = (moderated.body as { id: string; photoUrl: string | null }[]).find((n) => n.id === needId);
    expect(seen?.photoUrl).toBe(`/community/needs/${needId}/photo`);
    const forCommunity = await api()
      .get(`/community/needs/${needId}/photo`)
      .set('authorization', community.auth)
      .buffer(true)
      .expect(200);
    expect(forCommunity.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(forCommunity.body as Buffer, PNG)).toBe(0);
    const hidden = await api().get(`/needs-walls/needs/${needId}/photo`).expect(404);
    expect((hidden.body as Refusal).reason).toBe('NEED_PHOTO_NOT_FOUND');

    await api()
      .post(`/community/needs/${needId}/moderation`)
      .set('authorization', community.auth)
      .send({ decision: 'publish' })
      .expect(201);
    const wall = await api().get(`/needs-walls/${community.organization.id}`).expect(200);
    expect(wall.body.needs).toEqual([
      expect.objectContaining({ id: needId, photoUrl: `/needs-walls/needs/${needId}/photo` }),
    ]);
    const shown = await api().get(`/needs-walls/needs/${needId}/photo`).buffer(true).expect(200);
    expect(Buffer.compare(shown.body as Buffer, PNG)).toBe(0);

    const late = await api()
      .post(`/resident/needs/${needId}/photo`)
      .set('authorization', poster)
      .attach('file', PNG, { filename: 'again.png', contentType: 'image/png' })
      .expect(409);
    expect((late.body as Refusal).reason).toBe('NEED_PHOTO_NOT_PENDING');
    const audit = await served.db.getRepository(AuditEvent).findBy({ subjectId: needId, action: 'need.photo.add' });
    expect(audit).toHaveLength(1);
  });

  it('refuses a photo that is no JPEG or PNG by its bytes, one too large, none at all, and one on another’s need', async () => {
    const community = await communityWithWall(served.app);
    const poster = await residentByPhone(served.app, nextPhone());
    const posted = await api()
      .post('/resident/needs')
      .set('authorization', poster)
      .send({ ...NEED, communityId: community.organization.id, title: '希望有人教老人用智能手机' })
      .expect(201);
    const needId = posted.body.id as string;
    const pdf = await api()
      .post(`/resident/needs/${needId}/photo`)
      .set('authorization', poster)
      .attach('file', Buffer.from('%PDF-1.7 not a photo'), { filename: 'photo.png', contentType: 'image/png' })
      .expect(400);
    expect(pdf.body).toMatchObject({ reason: 'NEED_PHOTO_TYPE', field: 'file' });
    expect((pdf.body as Refusal).message_zh).toContain('「photo.png」不是 JPEG 或 PNG 照片');
    const huge = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await api()
      .post(`/resident/needs/${needId}/photo`)
      .set('authorization', poster)
      .attach('file', huge, { filename: 'big.png', contentType: 'image/png' })
      .expect(413);
    expect(tooLarge.body).toMatchObject({ reason: 'NEED_PHOTO_TOO_LARGE', field: 'file' });
    const none = await api().post(`/resident/needs/${needId}/photo`).set('authorization', poster).send({}).expect(400);
    expect(none.body).toMatchObject({ reason: 'NEED_PHOTO_MISSING', field: 'file' });
    const stranger = await residentByPhone(served.app, nextPhone());
    await api()
      .post(`/resident/needs/${needId}/photo`)
      .set('authorization', stranger)
      .attach('file', PNG, { filename: 'x.png', contentType: 'image/png' })
      .expect(404);
    const moderated = await api()
      .get('/community/needs?state=pending')
      .set('authorization', community.auth)
      .expect(200);
    expect(
      (moderated.body as { id: string; photoUrl: string | null }[]).find((n) => n.id === needId)?.photoUrl,
    ).toBeNull();
  });

  it('supports from one phone beyond its burst are flagged, grouped in the queue, and stop counting once voided', async () => {
    const community = await communityWithWall(served.app);
    const poster = await residentByPhone(served.app, nextPhone());
    const needId = await collectedNeed(served.app, community, poster, { title: '希望小区装一个快递柜' });
    const deviceId = `burst-${Date.now()}`;
    for (let i = 0; i < 9; i += 1) {
      const resident = await residentByPhone(served.app, nextPhone());
      await api()
        .post(`/resident/needs/${needId}/supports`)
        .set('authorization', resident)
        .send({ deviceId })
        .expect(201);
    }
    const before = await api().get(`/needs-walls/${community.organization.id}`).expect(200);
    expect(before.body.needs).toEqual([expect.objectContaining({ id: needId, supports: 10 })]);

    const queue = await api().get('/community/needs-review').set('authorization', community.auth).expect(200);
    const body = queue.body as Queue;
    expect(body.pendingSupports).toBe(4);
    expect(body.supportGroups).toEqual([expect.objectContaining({ flags: ['device-burst'], count: 4 })]);
    const office = await officeToken(served.app);
    const officeView = await api()
      .get(`/needs-review?communityId=${community.organization.id}`)
      .set(bearer(office.token))
      .expect(200);
    expect((officeView.body as Queue[]).map((q) => q.pendingSupports)).toEqual([4]);
    const all = await api().get('/needs-review').set(bearer(office.token)).expect(200);
    expect(
      (all.body as (Queue & { communityId: string })[]).find((q) => q.communityId === community.organization.id),
    ).toMatchObject({ pendingSupports: 4 });

    const ids = body.supportGroups[0].supports.map((s) => s.id);
    const bare = await api()
      .post('/community/needs-review/supports')
      .set('authorization', community.auth)
      .send({ decision: 'void', supportIds: ids })
      .expect(400);
    expect((bare.body as Refusal).field).toBe('reason');
    const voided = await api()
      .post('/community/needs-review/supports')
      .set('authorization', community.auth)
      .send({ decision: 'void', reason: '同一部手机一分钟内附议多次，系刷单', supportIds: ids.slice(0, 3) })
      .expect(201);
    expect((voided.body as Queue).pendingSupports).toBe(1);
    await api()
      .post('/community/needs-review/supports')
      .set('authorization', community.auth)
      .send({ decision: 'clear', reason: '一家人轮流用同一部手机附议', supportIds: ids.slice(3) })
      .expect(201);
    const again = await api()
      .post('/community/needs-review/supports')
      .set('authorization', community.auth)
      .send({ decision: 'clear', reason: '再审', supportIds: [ids[0]] })
      .expect(409);
    expect(again.body).toMatchObject({ reason: 'NEED_ALREADY_REVIEWED', field: 'supportIds.0' });

    const after = await api().get(`/needs-walls/${community.organization.id}`).expect(200);
    expect(after.body.needs).toEqual([expect.objectContaining({ id: needId, supports: 7 })]);
    const empty = await api().get('/community/needs-review').set('authorization', community.auth).expect(200);
    expect(empty.body).toMatchObject({ pendingSupports: 0, supportGroups: [] });
    const audit = await served.db
      .getRepository(AuditEvent)
      .findBy({ subjectId: community.organization.id, action: 'need-support.review.void' });
    expect(audit).toHaveLength(1);

    const other = await communityWithWall(served.app, '白沙');
    const foreign = await api()
      .post('/community/needs-review/supports')
      .set('authorization', other.auth)
      .send({ decision: 'void', reason: '不是本社区的', supportIds: [ids[3]] })
      .expect(404);
    expect(foreign.body).toMatchObject({ reason: 'NEED_SUPPORT_NOT_FOUND', field: 'supportIds.0' });
  });

  it('a crowd onto one need within a minute is flagged beyond its burst, from however many networks', async () => {
    const community = await communityWithWall(served.app);
    const poster = await residentByPhone(served.app, nextPhone());
    const needId = await collectedNeed(served.app, community, poster, { title: '希望菜市场周末延长营业' });
    for (let i = 0; i < 11; i += 1) {
      const resident = await residentByPhone(served.app, nextPhone());
      await api()
        .post(`/resident/needs/${needId}/supports`)
        .set('authorization', resident)
        .set('x-forwarded-for', `203.0.${113 + i}.7`)
        .expect(201);
    }
    const queue = (await api().get('/community/needs-review').set('authorization', community.auth).expect(200))
      .body as Queue;
    expect(queue.pendingSupports).toBe(1);
    expect(queue.supportGroups).toEqual([expect.objectContaining({ flags: ['support-burst'], count: 1 })]);
    const wall = await api().get(`/needs-walls/${community.organization.id}`).expect(200);
    expect(wall.body.needs).toEqual([expect.objectContaining({ id: needId, supports: 12 })]);
  });

  it('a resident’s support within a second of their last is flagged as faster than a person', async () => {
    const community = await communityWithWall(served.app);
    const poster = await residentByPhone(served.app, nextPhone());
    const first = await collectedNeed(served.app, community, poster, { title: '希望楼下装一排晾衣架' });
    const second = await collectedNeed(served.app, community, poster, { title: '希望小区里多几张休息长椅' });
    const hurried = await residentByPhone(served.app, nextPhone());
    await api().post(`/resident/needs/${first}/supports`).set('authorization', hurried).expect(201);
    await api().post(`/resident/needs/${second}/supports`).set('authorization', hurried).expect(201);
    const queue = (await api().get('/community/needs-review').set('authorization', community.auth).expect(200))
      .body as Queue;
    expect(queue.supportGroups).toEqual([
      expect.objectContaining({
        flags: ['velocity'],
        count: 1,
        supports: [expect.objectContaining({ needId: second })],
      }),
    ]);
  });

  it('a neighbour’s repeat is voided with a reason its poster reads, cleared, or refused once listed', async () => {
    const community = await communityWithWall(served.app);
    const first = await residentByPhone(served.app, nextPhone());
    const original = await collectedNeed(served.app, community, first, { title: '希望周末开放社区活动室' });
    const post = (resident: string) =>
      api()
        .post('/resident/needs')
        .set('authorization', resident)
        .send({ ...NEED, communityId: community.organization.id, title: '希望周末开放社区活动室' })
        .expect(201);
    const second = await residentByPhone(served.app, nextPhone());
    const repeat = (await post(second)).body.id as string;
    const third = await residentByPhone(served.app, nextPhone());
    const another = (await post(third)).body.id as string;

    const queue = (await api().get('/community/needs-review').set('authorization', community.auth).expect(200))
      .body as Queue;
    expect(queue.needs.map((n) => [n.id, n.flags, n.duplicateOf]).sort()).toEqual(
      [
        [repeat, ['duplicate'], original],
        [another, ['duplicate'], original],
      ].sort(),
    );
    await api()
      .post('/community/needs-review/needs')
      .set('authorization', community.auth)
      .send({ decision: 'void', reason: '与已收集的需求重复，请为原需求附议', needIds: [repeat] })
      .expect(201);
    const mine = await api().get('/resident/needs').set('authorization', second).expect(200);
    expect(mine.body).toEqual([
      expect.objectContaining({
        id: repeat,
        state: 'refused',
        refusalReason: '与已收集的需求重复，请为原需求附议',
      }),
    ]);
    const cleared = await api()
      .post('/community/needs-review/needs')
      .set('authorization', community.auth)
      .send({ decision: 'clear', reason: '说的是另一栋楼的活动室', needIds: [another] })
      .expect(201);
    expect((cleared.body as Queue).needs).toEqual([]);
    const pending = await api().get('/community/needs?state=pending').set('authorization', community.auth).expect(200);
    expect((pending.body as { id: string }[]).map((n) => n.id)).toEqual([another]);

    const notFlagged = await api()
      .post('/community/needs-review/needs')
      .set('authorization', community.auth)
      .send({ decision: 'clear', reason: '无', needIds: [original] })
      .expect(409);
    expect(notFlagged.body).toMatchObject({ reason: 'NEED_NOT_FLAGGED', field: 'needIds.0' });
    await listedNeeds(served.app, community, [original]);
    const listed = await api()
      .post('/community/needs-review/needs')
      .set('authorization', community.auth)
      .send({ decision: 'void', reason: '重复', needIds: [original] })
      .expect(409);
    expect(listed.body).toMatchObject({ reason: 'NEED_NOT_VOIDABLE', field: 'needIds.0' });
    const audit = await served.db
      .getRepository(AuditEvent)
      .findBy({ subjectId: community.organization.id, action: 'need.review.void' });
    expect(audit).toHaveLength(1);
  });

  it('the walls’ SMS refusals point to the community code, not to a voter code', async () => {
    const wrong = await api()
      .post('/resident-sessions')
      .send({ method: 'phone', phone: nextPhone(), smsCode: '000000' })
      .expect(401);
    expect(wrong.body).toMatchObject({ reason: 'NEEDS_SMS_CODE_INVALID', field: 'smsCode' });
    expect((wrong.body as Refusal).message_zh).toContain('社区码');
    // The development provider as one without a gateway (SMS_PROVIDER=none) would be.
    const sms = served.app.get<SmsProvider>(SMS_PROVIDER) as { available: boolean };
    sms.available = false;
    try {
      const down = await api().post('/resident-sessions/sms').send({ phone: nextPhone() }).expect(503);
      expect(down.body).toMatchObject({ reason: 'NEEDS_SMS_UNAVAILABLE' });
      expect((down.body as Refusal).message_zh).toContain('社区码');
      expect((down.body as Refusal).message_zh).not.toContain('投票码');
    } finally {
      sms.available = true;
    }
  });
});
