import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AuditEvent, Competition, OrganizationSanction, ResidentNeed } from '@app/persistence';
import { CompetitionState, DEFAULT_TENANT_ID, Role, TerminationCause } from '@app/domain';
import { TokenService } from '../src/auth/token.service';
import { createCompetition } from './factories';
import { acceptAll, signedCompetition } from './grants.factory';
import {
  NEED,
  collectedNeed,
  communityWithWall,
  listedNeeds,
  orderBody,
  residentByCode,
  residentByPhone,
  socialOrganization,
} from './needs.factory';
import { bearer, officeToken } from './roadshow.factory';
import { serveApp } from './test-app';
import type { ErrorResponseDto as Refusal } from '../src/common/error-response.dto';

let phones = 0;
/** A fresh mobile number per resident, so no test's SMS window or support touches another's. */
const nextPhone = () =>
  `139${String(Date.now() % 10_000_000)
    .padStart(4, '0')
    .slice(-4)}${String((phones += 1) % 10_000).padStart(4, '0')}`;

describe('点单式: residents post and support needs, communities draft orders, organizations take them', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());

  it('a resident posts from the phone; the need shows on the wall only after the community lets it through', async () => {
    const community = await communityWithWall(served.app);
    const resident = await residentByPhone(served.app, nextPhone());
    const posted = await api()
      .post('/resident/needs')
      .set('authorization', resident)
      .send({ ...NEED, communityId: community.organization.id })
      .expect(201);
    expect(posted.body).toMatchObject({ state: 'pending', supports: 1, title: NEED.title });
    const hidden = await api().get(`/needs-walls/${community.organization.id}`).expect(200);
    expect(hidden.body).toMatchObject({ community: '侯家塘', needs: [] });

    await api()
      .post(`/community/needs/${posted.body.id as string}/moderation`)
      .set('authorization', community.auth)
      .send({ decision: 'publish' })
      .expect(201);
    const wall = await api().get(`/needs-walls/${community.organization.id}`).expect(200);
    expect(wall.body.needs).toEqual([expect.objectContaining({ id: posted.body.id, state: 'open', supports: 1 })]);
    const walls = await api().get('/needs-walls').expect(200);
    expect((walls.body as { communityId: string }[]).map((w) => w.communityId)).toContain(community.organization.id);
    const audit = await served.db.getRepository(AuditEvent).findBy({ subjectId: posted.body.id as string });
    expect(audit.map((a) => [a.action, a.actorType]).sort()).toEqual([
      ['need.post', 'resident'],
      ['need.publish', 'applicant'],
    ]);
  });

  it('a refusal gives the resident its reason; a refusal without one is a 400 naming the field', async () => {
    const community = await communityWithWall(served.app);
    const resident = await residentByPhone(served.app, nextPhone());
    const posted = await api()
      .post('/resident/needs')
      .set('authorization', resident)
      .send({ ...NEED, communityId: community.organization.id, title: '希望小区门口摆摊卖菜' })
      .expect(201);
    const bare = await api()
      .post(`/community/needs/${posted.body.id as string}/moderation`)
      .set('authorization', community.auth)
      .send({ decision: 'refuse' })
      .expect(400);
    expect((bare.body as Refusal).field).toBe('reason');
    await api()
      .post(`/community/needs/${posted.body.id as string}/moderation`)
      .set('authorization', community.auth)
      .send({ decision: 'refuse', reason: '占道经营不属于公益服务，已转城管部门' })
      .expect(201);
    const mine = await api().get('/resident/needs').set('authorization', resident).expect(200);
    expect(mine.body).toEqual([
      expect.objectContaining({ state: 'refused', refusalReason: '占道经营不属于公益服务，已转城管部门' }),
    ]);
    const again = await api()
      .post(`/community/needs/${posted.body.id as string}/moderation`)
      .set('authorization', community.auth)
      .send({ decision: 'publish' })
      .expect(409);
    expect((again.body as Refusal).reason).toBe('NEED_ALREADY_MODERATED');
  });

  it('one support per verified person; a community code posts but does not support; a wrong code is refused', async () => {
    const community = await communityWithWall(served.app);
    const poster = await residentByPhone(served.app, nextPhone());
    const needId = await collectedNeed(served.app, community, poster);
    const neighbour = await residentByPhone(served.app, nextPhone());
    const supported = await api()
      .post(`/resident/needs/${needId}/supports`)
      .set('authorization', neighbour)
      .expect(201);
    expect(supported.body.supports).toBe(2);
    const twice = await api().post(`/resident/needs/${needId}/supports`).set('authorization', neighbour).expect(409);
    expect((twice.body as Refusal).reason).toBe('NEED_ALREADY_SUPPORTED');
    const own = await api().post(`/resident/needs/${needId}/supports`).set('authorization', poster).expect(409);
    expect((own.body as Refusal).reason).toBe('NEED_ALREADY_SUPPORTED');

    const wrong = await api()
      .post('/resident-sessions')
      .send({ method: 'code', communityId: community.organization.id, code: 'AAAA-AAAA' })
      .expect(401);
    expect((wrong.body as Refusal).field).toBe('code');
    const byCode = await residentByCode(served.app, community.organization.id, community.code.toLowerCase());
    await api()
      .post('/resident/needs')
      .set('authorization', byCode)
      .send({
        ...NEED,
        communityId: community.organization.id,
        title: '希望社区组织周末亲子阅读',
        category: 'child-care',
      })
      .expect(201);
    const refused = await api().post(`/resident/needs/${needId}/supports`).set('authorization', byCode).expect(403);
    expect((refused.body as Refusal).reason).toBe('NEEDS_PHONE_REQUIRED');
    const other = await communityWithWall(served.app, '白沙');
    const elsewhere = await api()
      .post('/resident/needs')
      .set('authorization', byCode)
      .send({ ...NEED, communityId: other.organization.id })
      .expect(403);
    expect((elsewhere.body as Refusal).reason).toBe('NEEDS_PHONE_REQUIRED');
  });

  it('refuses a resident’s own need posted again, flags a neighbour’s repeat, and limits posting over and over', async () => {
    const community = await communityWithWall(served.app);
    const resident = await residentByPhone(served.app, nextPhone());
    const body = { ...NEED, communityId: community.organization.id, title: '希望修好 5 栋门口的路灯' };
    const first = await api().post('/resident/needs').set('authorization', resident).send(body).expect(201);
    expect(first.body.state).toBe('pending');
    const again = await api()
      .post('/resident/needs')
      .set('authorization', resident)
      .send({ ...body, title: ' 希望修好 5栋门口的路灯' })
      .expect(409);
    expect(again.body).toMatchObject({ reason: 'NEED_DUPLICATE_OF_OWN', field: 'title' });
    expect((again.body as Refusal).message_zh).toContain('希望修好 5 栋门口的路灯');
    const neighbour = await residentByPhone(served.app, nextPhone());
    const repeat = await api()
      .post('/resident/needs')
      .set('authorization', neighbour)
      .send({ ...body, title: '希望修好5栋门口的路灯' })
      .expect(201);
    const queue = await api().get('/community/needs?state=pending').set('authorization', community.auth).expect(200);
    const byId = new Map(
      (queue.body as { id: string; flags: string[]; duplicateOf: string | null }[]).map((n) => [n.id, n]),
    );
    expect(byId.get(first.body.id as string)?.flags).not.toContain('duplicate');
    expect(byId.get(first.body.id as string)?.duplicateOf).toBeNull();
    expect(byId.get(repeat.body.id as string)?.flags).toContain('duplicate');
    expect(byId.get(repeat.body.id as string)?.duplicateOf).toBe(first.body.id);
    // The refused repeat counted as one of the resident's posts of the minute.
    await api()
      .post('/resident/needs')
      .set('authorization', resident)
      .send({ ...body, title: '第二条' })
      .expect(201);
    const fourth = await api()
      .post('/resident/needs')
      .set('authorization', resident)
      .send({ ...body, title: '第三条' })
      .expect(429);
    expect((fourth.body as Refusal).reason).toBe('NEEDS_RATE_LIMITED');
    expect(await served.db.getRepository(ResidentNeed).countBy({ communityId: community.organization.id })).toBe(3);
  });

  it('refuses a need for a community without a wall, and bad input with the field named', async () => {
    const resident = await residentByPhone(served.app, nextPhone());
    const nowhere = await api()
      .post('/resident/needs')
      .set('authorization', resident)
      .send({ ...NEED, communityId: '6f1c2b7e-3d4a-4f5b-9c8d-1e2f3a4b5c6d' })
      .expect(404);
    expect(nowhere.body).toMatchObject({ reason: 'NEEDS_WALL_NOT_FOUND', field: 'communityId' });
    const missing = await api()
      .post('/resident/needs')
      .set('authorization', resident)
      .send({ ...NEED })
      .expect(400);
    expect((missing.body as Refusal).field).toBe('communityId');
    const count = await api()
      .post('/resident/needs')
      .set('authorization', resident)
      .send({ ...NEED, communityId: '6f1c2b7e-3d4a-4f5b-9c8d-1e2f3a4b5c6d', peopleCount: 0 })
      .expect(400);
    expect((count.body as Refusal).field).toBe('peopleCount');
  });

  it('a needs list takes collected needs of its category only', async () => {
    const community = await communityWithWall(served.app);
    const resident = await residentByPhone(served.app, nextPhone());
    const elderly = await collectedNeed(served.app, community, resident);
    const child = await collectedNeed(served.app, community, resident, { category: 'child-care', title: '四点半课堂' });
    const mixed = await api()
      .post('/community/needs-lists')
      .set('authorization', community.auth)
      .send({ category: 'elderly-care', title: '为老服务清单', needIds: [elderly, child] })
      .expect(400);
    expect(mixed.body).toMatchObject({ reason: 'NEEDS_NOT_ELIGIBLE', field: 'needIds.1' });
    await listedNeeds(served.app, community, [elderly]);
    const lists = await api().get('/community/needs-lists').set('authorization', community.auth).expect(200);
    expect(lists.body).toEqual([
      expect.objectContaining({
        category: 'elderly-care',
        needs: [expect.objectContaining({ id: elderly, state: 'listed' })],
      }),
    ]);
    const notCommunity = await socialOrganization(served.app, '长沙市天心区乐龄社会工作服务中心');
    const refused = await api().get('/community/needs').set('authorization', notCommunity.auth).expect(403);
    expect((refused.body as Refusal).reason).toBe('NEEDS_NOT_A_COMMUNITY');
  });

  it('a direct purchase: within the office’s limit, offers within the cap, a pick with its reason, delivery and ratings', async () => {
    const community = await communityWithWall(served.app);
    const poster = await residentByPhone(served.app, nextPhone());
    const supporter = await residentByPhone(served.app, nextPhone());
    const needId = await collectedNeed(served.app, community, poster);
    await api().post(`/resident/needs/${needId}/supports`).set('authorization', supporter).expect(201);
    await listedNeeds(served.app, community, [needId]);

    const tooBig = await api()
      .post('/service-orders')
      .set('authorization', community.auth)
      .send(orderBody([needId], { budgetCapFen: 2_000_001 }))
      .expect(400);
    expect(tooBig.body).toMatchObject({ reason: 'SERVICE_ORDER_ABOVE_SMALL_PURCHASE_LIMIT', field: 'budgetCapFen' });
    expect((tooBig.body as Refusal).message_zh).toContain('¥20,000.00');
    const drafted = await api()
      .post('/service-orders')
      .set('authorization', community.auth)
      .send(orderBody([needId]))
      .expect(201);
    const orderId = drafted.body.id as string;
    expect(drafted.body).toMatchObject({ state: 'draft', tenantId: DEFAULT_TENANT_ID, budgetCapFen: 500_000 });

    const a = await socialOrganization(served.app, '长沙市天心区乐龄社会工作服务中心');
    const b = await socialOrganization(served.app, '长沙市天心区邻里互助服务社');
    // A draft is the community's own until published: to anyone else it reads as missing.
    const onDraft = await api()
      .post(`/service-orders/${orderId}/offers`)
      .set('authorization', a.auth)
      .send({ amountFen: 500_000, plan: '驻点' })
      .expect(404);
    expect((onDraft.body as Refusal).reason).toBe('SERVICE_ORDER_NOT_FOUND');
    await api().post(`/service-orders/${orderId}/publish`).set('authorization', community.auth).expect(201);
    const wall = await api().get(`/needs-walls/${community.organization.id}`).expect(200);
    expect(wall.body.needs[0]).toMatchObject({ id: needId, state: 'ordered', orderId });

    const over = await api()
      .post(`/service-orders/${orderId}/offers`)
      .set('authorization', a.auth)
      .send({ amountFen: 500_001, plan: '驻点' })
      .expect(400);
    expect(over.body).toMatchObject({ reason: 'ORDER_OFFER_ABOVE_CAP', field: 'amountFen' });
    const offered = await api()
      .post(`/service-orders/${orderId}/offers`)
      .set('authorization', a.auth)
      .send({ amountFen: 500_000, plan: '由 3 名持证社工驻点，每月巡查 4 次' })
      .expect(201);
    expect(offered.body.offers).toHaveLength(1);
    await api()
      .post(`/service-orders/${orderId}/offers`)
      .set('authorization', a.auth)
      .send({ amountFen: 480_000, plan: '再报' })
      .expect(409);
    await api()
      .post(`/service-orders/${orderId}/offers`)
      .set('authorization', b.auth)
      .send({ amountFen: 450_000, plan: '志愿者为主' })
      .expect(201);
    const seenByA = await api().get(`/service-orders/${orderId}`).set('authorization', a.auth).expect(200);
    expect((seenByA.body.offers as { organizationId: string }[]).map((o) => o.organizationId)).toEqual([
      a.organization.id,
    ]);

    const offers = (await api().get(`/service-orders/${orderId}`).set('authorization', community.auth).expect(200)).body
      .offers as { id: string; organizationId: string }[];
    const offerOfA = offers.find((o) => o.organizationId === a.organization.id)?.id as string;
    const noReason = await api()
      .post(`/service-orders/${orderId}/pick`)
      .set('authorization', community.auth)
      .send({ offerId: offerOfA })
      .expect(400);
    expect((noReason.body as Refusal).field).toBe('reason');
    const picked = await api()
      .post(`/service-orders/${orderId}/pick`)
      .set('authorization', community.auth)
      .send({ offerId: offerOfA, reason: '方案有驻点社工，去年在本社区服务评价为 A' })
      .expect(201);
    expect(picked.body).toMatchObject({ state: 'taken', pickReason: '方案有驻点社工，去年在本社区服务评价为 A' });
    expect((picked.body.offers as { state: string }[]).map((o) => o.state).sort()).toEqual(['not-picked', 'picked']);

    const beforeDelivery = await api()
      .post(`/resident/needs/${needId}/rating`)
      .set('authorization', supporter)
      .send({ stars: 5 })
      .expect(409);
    expect((beforeDelivery.body as Refusal).reason).toBe('NEED_NOT_DELIVERED');
    const delivery = {
      summary: '全年完成巡查与议事会',
      items: [
        { deliverable: '每月楼道巡查 4 次', done: true, note: '共 48 次' },
        { deliverable: '每季度居民议事会 1 次', done: true, note: '' },
      ],
    };
    const notTaker = await api()
      .post(`/service-orders/${orderId}/delivery`)
      .set('authorization', b.auth)
      .send(delivery)
      .expect(403);
    expect((notTaker.body as Refusal).reason).toBe('SERVICE_ORDER_NOT_TAKER');
    const partial = await api()
      .post(`/service-orders/${orderId}/delivery`)
      .set('authorization', a.auth)
      .send({ ...delivery, items: [delivery.items[0]] })
      .expect(400);
    expect(partial.body).toMatchObject({ reason: 'ORDER_DELIVERY_INCOMPLETE', field: 'deliverables' });
    await api().post(`/service-orders/${orderId}/delivery`).set('authorization', a.auth).send(delivery).expect(201);

    await api().post(`/resident/needs/${needId}/rating`).set('authorization', supporter).send({ stars: 5 }).expect(201);
    const rated = await api()
      .post(`/resident/needs/${needId}/rating`)
      .set('authorization', poster)
      .send({ stars: 4 })
      .expect(201);
    expect(rated.body).toMatchObject({ state: 'delivered', rating: { count: 2, average: '4.50' } });
    const stranger = await residentByPhone(served.app, nextPhone());
    const notSupporter = await api()
      .post(`/resident/needs/${needId}/rating`)
      .set('authorization', stranger)
      .send({ stars: 1 })
      .expect(403);
    expect((notSupporter.body as Refusal).reason).toBe('NEED_RATING_NOT_SUPPORTER');
    await api().post(`/resident/needs/${needId}/rating`).set('authorization', stranger).send({ stars: 6 }).expect(400);

    const office = await officeToken(served.app);
    const funnel = await api().get('/needs-funnel').set(bearer(office.token)).expect(200);
    const row = (
      funnel.body.communities as { communityId: string; stages: { state: string; count: number; current: number }[] }[]
    ).find((c) => c.communityId === community.organization.id);
    expect(row?.stages.map((s) => [s.state, s.count, s.current])).toEqual([
      ['open', 1, 0],
      ['listed', 1, 0],
      ['ordered', 1, 0],
      ['taken', 1, 0],
      ['delivered', 1, 1],
    ]);
    const audit = await served.db.getRepository(AuditEvent).findBy({ subjectId: orderId });
    expect(audit.map((e) => e.action).sort()).toEqual([
      'service-order.deliver',
      'service-order.draft',
      'service-order.offer',
      'service-order.offer',
      'service-order.pick',
      'service-order.publish',
    ]);
  });

  it('a sanctioned organization may not offer', async () => {
    const community = await communityWithWall(served.app);
    const resident = await residentByPhone(served.app, nextPhone());
    const needId = await collectedNeed(served.app, community, resident);
    await listedNeeds(served.app, community, [needId]);
    const drafted = await api()
      .post('/service-orders')
      .set('authorization', community.auth)
      .send(orderBody([needId]))
      .expect(201);
    await api()
      .post(`/service-orders/${drafted.body.id as string}/publish`)
      .set('authorization', community.auth)
      .expect(201);
    const banned = await socialOrganization(served.app, '长沙市某违约服务中心');
    const fixture = await signedCompetition(served.app, [3_000_000]);
    const [grantId] = await acceptAll(served.app, fixture);
    await served.db.getRepository(OrganizationSanction).save({
      id: randomUUID(),
      organizationId: banned.organization.id,
      grantId,
      cause: TerminationCause.Diversion,
      reason: '违约终止资助',
      startsOn: '2026-01-01',
      endsOn: '2099-01-01',
      recordedBy: fixture.clerks[0].user.id,
    });
    const refused = await api()
      .post(`/service-orders/${drafted.body.id as string}/offers`)
      .set('authorization', banned.auth)
      .send({ amountFen: 300_000, plan: '驻点' })
      .expect(409);
    expect((refused.body as Refusal).reason).toBe('NOT_ELIGIBLE_SANCTIONED');
  });

  it('a competition order: screened against the cap and deliverables, paid by the grant the award makes, then delivered', async () => {
    const fixture = await signedCompetition(served.app, [3_000_000]);
    const funded = fixture.funded[0];
    const db = served.db.getRepository(Competition);
    await db.update({ id: fixture.competition.id }, { state: CompetitionState.Open });

    const community = await communityWithWall(served.app);
    const resident = await residentByPhone(served.app, nextPhone());
    const needId = await collectedNeed(served.app, community, resident);
    await listedNeeds(served.app, community, [needId]);
    const purchase = {
      route: 'competition',
      competitionId: fixture.competition.id,
      competitionCategory: funded.submission.category,
    };
    const aboveMax = await api()
      .post('/service-orders')
      .set('authorization', community.auth)
      .send(orderBody([needId], { purchase, budgetCapFen: 5_000_001 }))
      .expect(400);
    expect(aboveMax.body).toMatchObject({ reason: 'SERVICE_ORDER_ABOVE_COMPETITION_MAX', field: 'budgetCapFen' });
    const badCategory = await api()
      .post('/service-orders')
      .set('authorization', community.auth)
      .send(orderBody([needId], { purchase: { ...purchase, competitionCategory: 'no-such' } }))
      .expect(400);
    expect(badCategory.body).toMatchObject({
      reason: 'SERVICE_ORDER_CATEGORY_NOT_IN_COMPETITION',
      field: 'competitionCategory',
    });
    const tight = await api()
      .post('/service-orders')
      .set('authorization', community.auth)
      .send(orderBody([needId], { purchase, budgetCapFen: 2_999_999, deliverables: funded.submission.targets }))
      .expect(201);
    await api()
      .post(`/service-orders/${tight.body.id as string}/publish`)
      .set('authorization', community.auth)
      .expect(201);
    const aboveCap = await api()
      .post(`/service-orders/${tight.body.id as string}/submissions`)
      .set('authorization', funded.applicantAuth)
      .send({ submissionId: funded.submission.id })
      .expect(400);
    expect(aboveCap.body).toMatchObject({ reason: 'ORDER_SUBMISSION_ABOVE_CAP', field: 'submissionId' });

    const second = await collectedNeed(served.app, community, resident, { title: '希望有人教老人用智能手机' });
    await listedNeeds(served.app, community, [second]);
    const wide = await api()
      .post('/service-orders')
      .set('authorization', community.auth)
      .send(
        orderBody([second], {
          purchase,
          budgetCapFen: 3_000_000,
          deliverables: [...funded.submission.targets, '每月智能手机课堂 2 次'],
        }),
      )
      .expect(201);
    await api()
      .post(`/service-orders/${wide.body.id as string}/publish`)
      .set('authorization', community.auth)
      .expect(201);
    const uncovered = await api()
      .post(`/service-orders/${wide.body.id as string}/submissions`)
      .set('authorization', funded.applicantAuth)
      .send({ submissionId: funded.submission.id })
      .expect(400);
    expect(uncovered.body).toMatchObject({ reason: 'ORDER_DELIVERABLES_NOT_COVERED' });
    expect((uncovered.body as Refusal).message_zh).toContain('每月智能手机课堂 2 次');

    const third = await collectedNeed(served.app, community, resident, { title: '希望有人陪老人去医院' });
    await listedNeeds(served.app, community, [third]);
    const fits = await api()
      .post('/service-orders')
      .set('authorization', community.auth)
      .send(orderBody([third], { purchase, budgetCapFen: 3_000_000, deliverables: funded.submission.targets }))
      .expect(201);
    const orderId = fits.body.id as string;
    await api().post(`/service-orders/${orderId}/publish`).set('authorization', community.auth).expect(201);
    const offer = await api()
      .post(`/service-orders/${orderId}/offers`)
      .set('authorization', funded.applicantAuth)
      .send({ amountFen: 1, plan: '驻点' })
      .expect(409);
    expect((offer.body as Refusal).reason).toBe('SERVICE_ORDER_WRONG_ROUTE');
    const taken = await api()
      .post(`/service-orders/${orderId}/submissions`)
      .set('authorization', funded.applicantAuth)
      .send({ submissionId: funded.submission.id })
      .expect(201);
    expect(taken.body).toMatchObject({ state: 'taken', grants: [] });
    expect(taken.body.submissions).toEqual([
      expect.objectContaining({ submissionId: funded.submission.id, requestedFen: 3_000_000 }),
    ]);
    const delivery = {
      summary: '全年完成',
      items: funded.submission.targets.map((deliverable) => ({ deliverable, done: true, note: '' })),
    };
    const unfunded = await api()
      .post(`/service-orders/${orderId}/delivery`)
      .set('authorization', funded.applicantAuth)
      .send(delivery)
      .expect(403);
    expect((unfunded.body as Refusal).reason).toBe('SERVICE_ORDER_NOT_TAKER');

    await db.update({ id: fixture.competition.id }, { state: CompetitionState.Awarded });
    const [grantId] = await acceptAll(served.app, fixture);
    const paid = await api()
      .get(`/service-orders/${orderId}`)
      .set(bearer((await officeToken(served.app)).token))
      .expect(200);
    expect(paid.body.grants).toEqual([
      expect.objectContaining({
        grantId,
        agreementNumber: funded.agreement.number,
        amountFen: 3_000_000,
        state: 'active',
      }),
    ]);
    const delivered = await api()
      .post(`/service-orders/${orderId}/delivery`)
      .set('authorization', funded.applicantAuth)
      .send(delivery)
      .expect(201);
    expect(delivered.body).toMatchObject({
      state: 'delivered',
      needs: [expect.objectContaining({ id: third, state: 'delivered' })],
    });

    // The competition bought it: the office cannot buy it again as a direct purchase.
    const direct = await api().post(`/service-orders/${orderId}/purchase`).set('authorization', fixture.clerks[0].auth);
    expect(direct.status).toBe(409);
    expect(direct.body).toMatchObject({ reason: 'SERVICE_ORDER_WRONG_ROUTE' });

    // 满意度: the resident rates the delivery; the office reads it onto the evaluation's satisfaction criterion.
    await api().post(`/resident/needs/${third}/rating`).set('authorization', resident).send({ stars: 4 }).expect(201);
    const clerk = fixture.clerks[0].auth;
    const notScored = await api()
      .post(`/competitions/${fixture.competition.id}/evaluation-rounds`)
      .set('authorization', clerk)
      .send({ stage: 'mid', residentSatisfactionCriterion: 'no-such' })
      .expect(400);
    expect(notScored.body).toMatchObject({
      reason: 'EVALUATION_SATISFACTION_CRITERION',
      field: 'residentSatisfactionCriterion',
    });
    const opened = await api()
      .post(`/competitions/${fixture.competition.id}/evaluation-rounds`)
      .set('authorization', clerk)
      .send({ stage: 'mid', residentSatisfactionCriterion: 'satisfaction' })
      .expect(201);
    const project = (opened.body.projects as { grantId: string; residentSatisfaction: unknown }[]).find(
      (p) => p.grantId === grantId,
    );
    const figure = { criterion: 'satisfaction', ratings: 1, mean: '4.00', points: '16.00', maxPoints: '20' };
    expect(project?.residentSatisfaction).toEqual(figure);
    // The panel reads it on the tablet too, beside the criterion.
    const seated = await api()
      .post(`/evaluation-rounds/${opened.body.id as string}/evaluators`)
      .set('authorization', clerk)
      .send({ name: '周丽华', group: 'resident' })
      .expect(201);
    const session = await api()
      .post('/evaluator-sessions')
      .send({ code: seated.body.issuedCode.code as string, roundId: opened.body.id as string })
      .expect(201);
    const tablet = await api()
      .get(`/evaluator/rounds/${opened.body.id as string}`)
      .set('authorization', `Bearer ${session.body.token as string}`)
      .expect(200);
    expect(
      (tablet.body.projects as { grantId: string; residentSatisfaction: unknown }[]).find((p) => p.grantId === grantId)
        ?.residentSatisfaction,
    ).toEqual(figure);
  });

  it('an order names only the community’s own office’s open competition, and another office’s order reads as missing', async () => {
    const community = await communityWithWall(served.app);
    const resident = await residentByPhone(served.app, nextPhone());
    const needId = await collectedNeed(served.app, community, resident);
    await listedNeeds(served.app, community, [needId]);
    const office = await officeToken(served.app);
    const [{ id: otherTenant }] = await served.db.query<{ id: string }[]>(
      `INSERT INTO tenant (kind, name, name_en) VALUES ('street', '坡子街街道', 'Pozijie') RETURNING id`,
    );
    const elsewhere = await createCompetition(served.db, office.id, { tenantId: otherTenant });
    const foreign = await api()
      .post('/service-orders')
      .set('authorization', community.auth)
      .send(
        orderBody([needId], {
          purchase: { route: 'competition', competitionId: elsewhere.id, competitionCategory: 'convenience' },
        }),
      )
      .expect(404);
    expect(foreign.body).toMatchObject({ reason: 'SERVICE_ORDER_COMPETITION_NOT_FOUND', field: 'competitionId' });

    const drafted = await api()
      .post('/service-orders')
      .set('authorization', community.auth)
      .send(orderBody([needId]))
      .expect(201);
    const otherOffice = served.app
      .get(TokenService)
      .issue({ kind: 'user', userId: office.id, role: Role.Office, tenantId: otherTenant });
    await api()
      .get(`/service-orders/${drafted.body.id as string}`)
      .set(bearer(otherOffice.token))
      .expect(404);
    const funnel = await api().get('/needs-funnel').set(bearer(otherOffice.token)).expect(200);
    expect((funnel.body.communities as { communityId: string }[]).map((c) => c.communityId)).not.toContain(
      community.organization.id,
    );
    const draftSeenByOthers = await socialOrganization(served.app, '长沙市天心区乐龄社会工作服务中心');
    await api()
      .get(`/service-orders/${drafted.body.id as string}`)
      .set('authorization', draftSeenByOthers.auth)
      .expect(404);
  });
});
