import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompetitionState, DEFAULT_TENANT_ID, Role } from '@app/domain';
import { AuditEvent, Competition, Objection, OutboxMessage, Publication, RankingRun } from '@app/persistence';
import { JobName } from '@app/queue';
import { createUser } from './factories';
import { ObjectionPageDto } from '../src/publicity/dto/objection.dto';
import { AllocatedFixture, allocatedCompetition, bearerOf, endPublicityPeriod } from './publicity.factory';
import { startTestApp } from './test-app';

describe('publicity (公示) and objections (异议)', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let officeId: string;
  let officeAuth: string;
  let judgeAuth: string;

  const api = () => request(app.getHttpServer());
  const auditOf = (subjectType: string, subjectId: string) =>
    db.getRepository(AuditEvent).find({ where: { subjectType, subjectId }, order: { id: 'ASC' } });
  const stateOf = async (id: string) => (await db.getRepository(Competition).findOneByOrFail({ id })).state;

  async function published(grants: readonly number[] = [3_000_000, 3_000_000, 2_000_050], unfunded = 2) {
    const fixture = await allocatedCompetition(app, officeId, grants, unfunded);
    const response = await api()
      .post(`/competitions/${fixture.competition.id}/publication`)
      .set('authorization', officeAuth)
      .expect(201);
    return { ...fixture, publicationId: response.body.id as string, notice: response.body };
  }

  function object(
    fixture: AllocatedFixture & { publicationId: string },
    index = 0,
    reason = '请核对第 3 号评委的评分记录。',
  ) {
    const project = fixture.projects[index];
    return api()
      .post(`/publications/${fixture.publicationId}/objections`)
      .set('authorization', project.applicantAuth)
      .send({ submissionId: project.submission.id, reason });
  }

  beforeAll(async () => {
    app = await startTestApp({ QUEUE_PREFIX: `publicity-${randomUUID().slice(0, 8)}` });
    db = app.get(DataSource);
    const office = await createUser(db, Role.Office);
    officeId = office.id;
    officeAuth = bearerOf(app, { kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID });
    judgeAuth = bearerOf(app, {
      kind: 'judge',
      role: Role.Judge,
      judgeId: randomUUID(),
      roadshowId: randomUUID(),
      sessionId: randomUUID(),
    });
  });

  afterAll(async () => {
    await app.close();
  });

  describe('publishing', () => {
    it('starts the notice period of the latest run, moves the competition to publicity, and audits both', async () => {
      const before = Date.now();
      const fixture = await published();
      const after = Date.now();
      const { notice } = fixture;
      expect(notice).toMatchObject({
        competitionId: fixture.competition.id,
        runId: fixture.run.id,
        phase: 'in-period',
        openObjections: 0,
        fundedCount: 3,
        totalGrantFen: 8_000_050,
        inputHash: fixture.run.inputHash,
      });
      const days = (Date.parse(notice.endsAt) - Date.parse(notice.startsAt)) / (24 * 3600 * 1000);
      expect(days).toBe(fixture.competition.rules.publicityDays);
      // The period starts when the office publishes.
      expect(Date.parse(notice.startsAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(notice.startsAt)).toBeLessThanOrEqual(after);
      expect(await stateOf(fixture.competition.id)).toBe(CompetitionState.Publicity);

      const transitions = await auditOf('competition', fixture.competition.id);
      expect(transitions.at(-1)).toMatchObject({
        action: 'competition.transition',
        actorType: 'office',
        actorId: officeId,
        before: { state: 'allocated' },
        after: { state: 'publicity', publicationId: fixture.publicationId, runId: fixture.run.id },
      });
      const [created] = await auditOf('publication', fixture.publicationId);
      expect(created).toMatchObject({ action: 'publication.create', actorId: officeId });
    });

    it('shows everyone the table with reasons, and no personal data', async () => {
      const fixture = await published();
      const response = await api().get(`/competitions/${fixture.competition.id}/publication`).expect(200);
      expect(response.body.results).toHaveLength(5);
      expect(response.body.results[0]).toMatchObject({
        position: 1,
        displayRank: 1,
        projectTitle: '发挥先锋作用·真情服务群众',
        categoryZh: '便民利民类',
        organizationName: fixture.projects[0].organization.name,
        community: '五顶岗',
        status: 'funded',
        grantFen: 3_000_000,
      });
      expect(response.body.results[2]).toMatchObject({ status: 'partly-funded', grantFen: 2_000_050 });
      // Rules without score components: the score is the roadshow's, and the notice lists no parts.
      expect(response.body.components).toBeUndefined();
      expect(response.body.results[0].components).toBeUndefined();
      expect(response.body.results[4]).toMatchObject({
        status: 'not-funded',
        grantFen: 0,
        reason: 'pool-exhausted',
        reasonZh: '资金池余额不足',
        reasonEn: 'not enough left in the pool',
      });
      const text = JSON.stringify(response.body);
      for (const personal of ['李敏', '0757-87712345', fixture.projects[0].applicant.login]) {
        expect(text).not.toContain(personal);
      }
    });

    it('refuses anyone but the office, a competition not allocated, and a second publication', async () => {
      const fixture = await allocatedCompetition(app, officeId, [3_000_000]);
      const path = `/competitions/${fixture.competition.id}/publication`;
      await api().post(path).expect(401);
      await api().post(path).set('authorization', fixture.projects[0].applicantAuth).expect(403);
      await api().post(path).set('authorization', judgeAuth).expect(403);
      await api().post(path).set('authorization', officeAuth).expect(201);
      const again = await api().post(path).set('authorization', officeAuth).expect(409);
      expect(again.body).toMatchObject({ code: 'CONFLICT', message_en: expect.stringContaining('allocated') });
      expect(await db.getRepository(Publication).countBy({ competitionId: fixture.competition.id })).toBe(1);
    });

    it('refuses to publish while the latest run has not succeeded', async () => {
      const fixture = await allocatedCompetition(app, officeId, [3_000_000]);
      await db.getRepository(RankingRun).save({
        competitionId: fixture.competition.id,
        status: 'queued',
        trigger: 'office',
        requestedBy: officeId,
      });
      const response = await api()
        .post(`/competitions/${fixture.competition.id}/publication`)
        .set('authorization', officeAuth)
        .expect(409);
      expect(response.body.message_zh).toContain('成功完成后才能公示');
      expect(await stateOf(fixture.competition.id)).toBe(CompetitionState.Allocated);
    });

    it('answers 404 for a competition with nothing published, and 400 for a malformed id', async () => {
      const fixture = await allocatedCompetition(app, officeId, [3_000_000]);
      await api().get(`/competitions/${fixture.competition.id}/publication`).expect(404);
      await api().get(`/competitions/${randomUUID()}/publication`).expect(404);
      const bad = await api().get('/competitions/not-a-uuid/publication').expect(400);
      expect(bad.body.field).toBe('id');
    });
  });

  describe('objections', () => {
    it('lets an applicant object for its own project during the period, audited', async () => {
      const fixture = await published();
      const response = await object(fixture).expect(201);
      expect(response.body).toMatchObject({
        publicationId: fixture.publicationId,
        submissionId: fixture.projects[0].submission.id,
        projectTitle: '发挥先锋作用·真情服务群众',
        status: 'open',
        answer: null,
        newRunId: null,
      });
      const [filed] = await auditOf('objection', response.body.id);
      expect(filed).toMatchObject({
        action: 'objection.file',
        actorType: 'applicant',
        actorId: fixture.projects[0].applicant.id,
      });
      const notice = await api().get(`/competitions/${fixture.competition.id}/publication`).expect(200);
      expect(notice.body.openObjections).toBe(1);
    });

    it('refuses another organization’s project, the office, a judge, and a second open objection', async () => {
      const fixture = await published();
      const path = `/publications/${fixture.publicationId}/objections`;
      const other = await api()
        .post(path)
        .set('authorization', fixture.projects[1].applicantAuth)
        .send({ submissionId: fixture.projects[0].submission.id, reason: '冒名异议' })
        .expect(404);
      expect(other.body.field).toBe('submissionId');
      const body = { submissionId: fixture.projects[0].submission.id, reason: '理由' };
      await api().post(path).set('authorization', officeAuth).send(body).expect(403);
      await api().post(path).set('authorization', judgeAuth).send(body).expect(403);
      await api().post(path).send(body).expect(401);
      await object(fixture).expect(201);
      const second = await object(fixture).expect(409);
      expect(second.body.field).toBe('submissionId');
      expect(await db.getRepository(Objection).countBy({ publicationId: fixture.publicationId })).toBe(1);
    });

    it('requires a reason of at most 2000 characters', async () => {
      const fixture = await published();
      const missing = await api()
        .post(`/publications/${fixture.publicationId}/objections`)
        .set('authorization', fixture.projects[0].applicantAuth)
        .send({ submissionId: fixture.projects[0].submission.id })
        .expect(400);
      expect(missing.body.field).toBe('reason');
      expect((await object(fixture, 0, '   \n ').expect(400)).body.field).toBe('reason');
      expect((await object(fixture, 0, '异'.repeat(2001)).expect(400)).body.field).toBe('reason');
      await object(fixture, 0, '异'.repeat(2000)).expect(201);
    });

    it('refuses objections outside the notice period with 409', async () => {
      const fixture = await published();
      await endPublicityPeriod(db, fixture.publicationId);
      const late = await object(fixture).expect(409);
      expect(late.body.message_zh).toContain('只能在公示期内');
      expect(await db.getRepository(Objection).countBy({ publicationId: fixture.publicationId })).toBe(0);
      await api()
        .post(`/publications/${randomUUID()}/objections`)
        .set('authorization', fixture.projects[0].applicantAuth)
        .send({ submissionId: fixture.projects[0].submission.id, reason: '理由' })
        .expect(404);
    });

    it('shows the office every objection and an applicant only its own, with the answer', async () => {
      const fixture = await published();
      const mine = (await object(fixture, 0).expect(201)).body;
      await object(fixture, 1).expect(201);
      const all = await api()
        .get(`/publications/${fixture.publicationId}/objections`)
        .set('authorization', officeAuth)
        .expect(200);
      expect(all.body).toMatchObject({ total: 2, page: 1 });
      expect(all.body.items).toHaveLength(2);
      const own = await api()
        .get(`/publications/${fixture.publicationId}/objections`)
        .set('authorization', fixture.projects[0].applicantAuth)
        .expect(200);
      expect((own.body as ObjectionPageDto).items.map((o) => o.id)).toEqual([mine.id]);
      await api().get(`/objections/${mine.id}`).set('authorization', fixture.projects[1].applicantAuth).expect(404);
      await api().get(`/objections/${mine.id}`).set('authorization', judgeAuth).expect(403);

      const answer = '经核查，第 3 号评委评分录入无误，去掉最高分和最低分后平均分为 95.00 分，维持原结果。';
      const answered = await api()
        .post(`/objections/${mine.id}/answer`)
        .set('authorization', officeAuth)
        .send({ decision: 'rejected', answer })
        .expect(200);
      expect(answered.body).toMatchObject({ status: 'rejected', answer, newRunId: null });
      const seen = await api()
        .get(`/objections/${mine.id}`)
        .set('authorization', fixture.projects[0].applicantAuth)
        .expect(200);
      expect(seen.body).toMatchObject({ status: 'rejected', answer, answeredAt: expect.any(String) });
      const [, audited] = await auditOf('objection', mine.id);
      expect(audited).toMatchObject({
        action: 'objection.answer',
        actorId: officeId,
        before: { status: 'open' },
        after: { status: 'rejected', answer },
      });
      expect(await stateOf(fixture.competition.id)).toBe(CompetitionState.Publicity);
    });

    it('refuses a second answer, a bad decision, and answers from anyone but the office', async () => {
      const fixture = await published();
      const { id } = (await object(fixture).expect(201)).body;
      const path = `/objections/${id}/answer`;
      const bad = await api().post(path).set('authorization', officeAuth).send({ decision: 'maybe', answer: 'x' });
      expect(bad.status).toBe(400);
      expect(bad.body.field).toBe('decision');
      await api()
        .post(path)
        .set('authorization', fixture.projects[0].applicantAuth)
        .send({ decision: 'upheld', answer: '自己答复' })
        .expect(403);
      await api()
        .post(path)
        .set('authorization', officeAuth)
        .send({ decision: 'rejected', answer: '维持' })
        .expect(200);
      await api().post(path).set('authorization', officeAuth).send({ decision: 'upheld', answer: '改判' }).expect(409);
    });

    it('upheld: withdraws the notice, sends the competition back to ranked and queues a new run, in one go', async () => {
      const fixture = await published();
      const first = (await object(fixture, 0).expect(201)).body;
      const second = (await object(fixture, 1).expect(201)).body;
      const answered = await api()
        .post(`/objections/${first.id}/answer`)
        .set('authorization', officeAuth)
        .send({ decision: 'upheld', answer: '第 3 号评委评分录入错误，已更正，重新排名。' })
        .expect(200);
      expect(answered.body).toMatchObject({ status: 'upheld', newRunId: expect.any(String) });
      const newRunId = answered.body.newRunId as string;

      const publication = await db.getRepository(Publication).findOneByOrFail({ id: fixture.publicationId });
      expect(publication.supersededAt).toBeInstanceOf(Date);
      expect(await stateOf(fixture.competition.id)).toBe(CompetitionState.Ranked);
      const run = await db.getRepository(RankingRun).findOneByOrFail({ id: newRunId });
      expect(run).toMatchObject({ competitionId: fixture.competition.id, trigger: 'objection', status: 'queued' });
      const outbox = await db
        .getRepository(OutboxMessage)
        .findOneByOrFail({ jobName: JobName.RankAndAllocate, jobId: `run-${newRunId}` });
      expect(outbox.payload).toMatchObject({ runId: newRunId });
      expect((await db.getRepository(Objection).findOneByOrFail({ id: first.id })).newRunId).toBe(newRunId);

      const transitions = await auditOf('competition', fixture.competition.id);
      expect(transitions.at(-1)).toMatchObject({
        action: 'competition.transition',
        before: { state: 'publicity' },
        after: { state: 'ranked', objectionId: first.id },
      });

      const notice = await api().get(`/competitions/${fixture.competition.id}/publication`).expect(200);
      expect(notice.body).toMatchObject({ phase: 'superseded', supersededAt: expect.any(String) });
      await object(fixture, 2).expect(409);

      // The other objection on the withdrawn notice is answered against the run already started.
      const other = await api()
        .post(`/objections/${second.id}/answer`)
        .set('authorization', officeAuth)
        .send({ decision: 'upheld', answer: '已随重新排名一并处理。' })
        .expect(200);
      expect(other.body).toMatchObject({ status: 'upheld', newRunId });
      expect(await db.getRepository(RankingRun).countBy({ competitionId: fixture.competition.id })).toBe(2);
    });
  });

  describe('end of the period', () => {
    it('the office awards once the period is over and no objection is open, queuing the agreements', async () => {
      const fixture = await published();
      const path = `/competitions/${fixture.competition.id}/award`;
      const early = await api().post(path).set('authorization', officeAuth).expect(409);
      expect(early.body.message_zh).toContain('结束后才能立项');

      const { id } = (await object(fixture).expect(201)).body;
      await endPublicityPeriod(db, fixture.publicationId);
      const blocked = await api().post(path).set('authorization', officeAuth).expect(409);
      expect(blocked.body.message_en).toContain('1 objection(s) are still open');
      await api()
        .post(`/objections/${id}/answer`)
        .set('authorization', officeAuth)
        .send({ decision: 'rejected', answer: '维持原结果' })
        .expect(200);

      await api().post(path).set('authorization', fixture.projects[0].applicantAuth).expect(403);
      const awarded = await api().post(path).set('authorization', officeAuth).expect(200);
      const jobId = `agreements-${fixture.run.id}-1`;
      expect(awarded.body).toEqual({
        competitionId: fixture.competition.id,
        state: 'awarded',
        publicationId: fixture.publicationId,
        runId: fixture.run.id,
        agreementsJobId: jobId,
      });
      expect(await stateOf(fixture.competition.id)).toBe(CompetitionState.Awarded);
      const outbox = await db.getRepository(OutboxMessage).findOneByOrFail({ jobId });
      expect(outbox).toMatchObject({
        queueName: 'agreements',
        jobName: JobName.RenderAgreements,
        payload: { competitionId: fixture.competition.id, runId: fixture.run.id, generation: 1 },
      });
      expect((await auditOf('competition', fixture.competition.id)).at(-1)).toMatchObject({
        action: 'competition.transition',
        actorType: 'office',
        before: { state: 'publicity' },
        after: { state: 'awarded', agreementsJobId: jobId },
      });
      await api().post(path).set('authorization', officeAuth).expect(409);
    });
  });
});
