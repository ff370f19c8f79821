import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { COMPETITION_PRESETS, CompetitionState, DEFAULT_TENANT_ID, Role, ScreeningStatus } from '@app/domain';
import { AppUser, AuditEvent, Competition, Roadshow } from '@app/persistence';
import { Actor } from '../src/auth/actor';
import { TokenService } from '../src/auth/token.service';
import {
  createCompetition,
  createJudgeActor,
  createOrganization,
  createOtherJudgeActor,
  createSubmission,
  createUser,
} from './factories';
import { startTestApp } from './test-app';

const PARTY = COMPETITION_PRESETS['party-building'];
const GRANTOR = {
  name: '中共佛山市三水区西南街道工作委员会',
  address: '佛山市三水区西南街道广海大道西',
  representative: '王建国',
};

function inDays(days: number): string {
  return new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();
}

function newCompetition(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    preset: 'party-building',
    title: `2026年"红色核动力"党建项目创投大赛 ${randomUUID().slice(0, 6)}`,
    poolFen: 30_000_000,
    submissionDeadline: inDays(30),
    grantor: GRANTOR,
    ...overrides,
  };
}

describe('competitions', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let office: AppUser;
  let officeAuth: string;
  let applicantAuth: string;
  let judgeAuth: string;

  const api = () => request(app.getHttpServer());
  const bearer = (actor: Actor) => `Bearer ${app.get(TokenService).issue(actor).token}`;
  const competitionsByOffice = () => db.getRepository(Competition).countBy({ createdBy: office.id });
  const auditByOffice = () => db.getRepository(AuditEvent).countBy({ actorId: office.id });
  const auditOf = (id: string) =>
    db.getRepository(AuditEvent).find({ where: { subjectType: 'competition', subjectId: id }, order: { id: 'ASC' } });

  async function created(body: Record<string, unknown> = newCompetition()): Promise<{ id: string; version: number }> {
    const response = await api().post('/competitions').set('authorization', officeAuth).send(body).expect(201);
    return response.body as { id: string; version: number };
  }

  async function moveTo(id: string, ...states: CompetitionState[]): Promise<void> {
    for (const to of states) {
      await api().post(`/competitions/${id}/transitions`).set('authorization', officeAuth).send({ to }).expect(200);
    }
  }

  it('leaves ranking, the notice and the award to their own actions', async () => {
    const competition = await createCompetition(db, office.id, { state: CompetitionState.ScoringClosed });
    const offered = await api().get(`/competitions/${competition.id}`).set('authorization', officeAuth).expect(200);
    expect(offered.body.allowedTransitions).toEqual([]);
    const refused = await api()
      .post(`/competitions/${competition.id}/transitions`)
      .set('authorization', officeAuth)
      .send({ to: 'ranked' })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', field: 'to' });
    expect(refused.body).toMatchObject({ reason: 'TRANSITION_HAS_OWN_ACTION' });
    expect(refused.body.message_zh).toBe('大赛不能直接变为「已排名」：请使用“排名与分配”');
    expect(await auditOf(competition.id)).toEqual([]);
  });

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
    office = await createUser(db, Role.Office);
    officeAuth = bearer({ kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID });
    const organization = await createOrganization(db);
    const applicant = await createUser(db, Role.Applicant, organization.id);
    applicantAuth = bearer({
      kind: 'user',
      userId: applicant.id,
      role: Role.Applicant,
      organizationId: organization.id,
    });
    judgeAuth = bearer(await createOtherJudgeActor(db, applicant.id));
  });

  afterAll(async () => {
    await app.close();
  });

  describe('POST /competitions', () => {
    it('creates a draft from a preset with the office’s overrides, and audits it', async () => {
      const body = newCompetition({ rules: { maxRequestFen: 3_000_000, pitchSeconds: 300 } });
      const response = await api().post('/competitions').set('authorization', officeAuth).send(body).expect(201);
      expect(response.body).toMatchObject({
        title: body.title,
        state: 'draft',
        allowedTransitions: ['open'],
        poolFen: 30_000_000,
        rulesVersion: 1,
        rulesFrozenAt: null,
        grantor: GRANTOR,
        submissionDeadline: body.submissionDeadline,
        version: 1,
      });
      expect(response.body.rules).toEqual({ ...PARTY, maxRequestFen: 3_000_000, pitchSeconds: 300 });
      const [event] = await auditOf(response.body.id);
      expect(event).toMatchObject({ action: 'competition.create', actorType: 'office', actorId: office.id });
      expect(event.after).toMatchObject({ state: 'draft', preset: 'party-building', rulesVersion: 1 });
    });

    it('creates from complete rules without a preset', async () => {
      const rules = COMPETITION_PRESETS['community-micro'];
      const { id } = await created(newCompetition({ preset: undefined, rules, poolFen: 5_000_000 }));
      const stored = await db.getRepository(Competition).findOneByOrFail({ id });
      expect(stored.rules).toEqual(rules);
    });

    it('stores an allocation policy with tiers and quotas exactly as sent (龙华: ¥1/3/5万 by rank)', async () => {
      const allocation = {
        rule: 'tiers',
        passScore: '60',
        tiers: {
          by: 'rank',
          bands: [
            { from: 1, to: 2, amount: 5_000_000 },
            { from: 3, to: 5, amount: 3_000_000 },
            { from: 6, to: 10, amount: 1_000_000 },
          ],
        },
        quotas: [{ category: '*', maxCount: 4 }],
      };
      const { id } = await created(newCompetition({ rules: { allocation } }));
      const stored = await db.getRepository(Competition).findOneByOrFail({ id });
      expect(stored.rules.allocation).toEqual(allocation);
    });

    it('asks for a preset when neither a preset nor rules are given', async () => {
      const response = await api()
        .post('/competitions')
        .set('authorization', officeAuth)
        .send(newCompetition({ preset: undefined }))
        .expect(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        field: 'preset',
        message_zh: '请选择预设规则，或给出完整规则',
        message_en: 'choose a preset, or give the complete rules',
      });
    });

    it('refuses incomplete rules without a preset, naming the missing rule', async () => {
      const response = await api()
        .post('/competitions')
        .set('authorization', officeAuth)
        .send(newCompetition({ preset: undefined, rules: { maxRequestFen: 1_000_000 } }))
        .expect(400);
      expect(response.body).toMatchObject({ field: 'rules.categories', message_en: 'categories is required' });
    });

    it.each([
      [
        'tranches that do not add up to 100%',
        { tranches: [{ labelZh: '签约后拨付', labelEn: 'On signing', percent: 90 }] },
        'rules.tranches',
        '各期拨付比例之和必须为 100%，现为 90%',
        'percents must add up to 100, not 90',
      ],
      [
        'a repeated rubric key',
        {
          rubric: [
            { key: 'need', labelZh: '需求', labelEn: 'Need', maxPoints: '50', weight: '1' },
            { key: 'need', labelZh: '设计', labelEn: 'Design', maxPoints: '50', weight: '1' },
          ],
        },
        'rules.rubric.1.key',
        '重复',
        'repeats "need"',
      ],
      [
        'a zero weight',
        { rubric: [{ key: 'need', labelZh: '需求', labelEn: 'Need', maxPoints: '50', weight: '0' }] },
        'rules.rubric.0.weight',
        '必须大于 0',
        'must be above 0',
      ],
      [
        'a cap above the pool',
        { maxRequestFen: 40_000_000 },
        'rules.maxRequestFen',
        '单个项目申请上限 ¥400,000.00 不能超过资金池 ¥300,000.00',
        'the per-project cap of ¥400,000.00 must not exceed the pool of ¥300,000.00',
      ],
      [
        'an unknown aggregation method',
        { aggregation: { method: 'mode', decimals: 2 } },
        'rules.aggregation.method',
        '计分方式须为以下之一：「平均分」、「中位数」、「去掉最高分和最低分后平均」',
        'aggregation method must be one of:',
      ],
      [
        'no categories',
        { categories: [] },
        'rules.categories',
        '至少需要一个项目类别',
        'at least one category is needed',
      ],
      [
        'an allocation rule the engine does not know',
        { allocation: { rule: 'lottery' } },
        'rules.allocation.rule',
        '分配方式无效',
        'allocation rule',
      ],
      [
        'a fractional cap',
        { maxRequestFen: 1_000_000.5 },
        'rules.maxRequestFen',
        '单个项目申请上限（分）必须是以分为单位的整数',
        'per-project cap in fen',
      ],
    ])('refuses %s with the field and both messages, writing nothing', async (_, rules, field, zh, en) => {
      const [rows, audits] = [await competitionsByOffice(), await auditByOffice()];
      const response = await api()
        .post('/competitions')
        .set('authorization', officeAuth)
        .send(newCompetition({ rules }))
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.field).toBe(field);
      expect(response.body.message_zh).toContain(zh);
      expect(response.body.message_en).toContain(en);
      expect(await competitionsByOffice()).toBe(rows);
      expect(await auditByOffice()).toBe(audits);
    });

    it.each([
      ['poolFen as a string', { poolFen: '30000000' }, 'poolFen', '资金池（分）必须是以分为单位的整数'],
      ['fractional fen', { poolFen: 100.5 }, 'poolFen', '资金池（分）必须是以分为单位的整数'],
      ['negative fen', { poolFen: -100 }, 'poolFen', '资金池（分）不能少于 ¥0.01'],
      ['an unsafe amount', { poolFen: 1e20 }, 'poolFen', '资金池（分）不能超过 ¥100,000,000,000.00'],
      ['an unknown field', { budget: 1 }, 'budget', '本接口不接受这一项'],
      ['an unknown nested field', { grantor: { ...GRANTOR, phone: '110' } }, 'grantor.phone', '本接口不接受这一项'],
      ['a missing grantor', { grantor: undefined }, 'grantor', '请填写资助方'],
      [
        'a date without a time zone',
        { submissionDeadline: '2026-03-31' },
        'submissionDeadline',
        '申报截止时间须写明日期、时间和时区',
      ],
      ['a deadline in the past', { submissionDeadline: inDays(-1) }, 'submissionDeadline', '必须晚于当前时间'],
      ['a title of 101 emoji', { title: '🏮'.repeat(101) }, 'title', '大赛名称最多 100 个字符'],
      ['a NUL character', { title: '社区\u0000创投' }, 'title', '此项含有空字符（U+0000）'],
      ['a blank title', { title: '   ' }, 'title', '大赛名称不能为空'],
      [
        'an unknown preset',
        { preset: 'city-level' },
        'preset',
        '预设规则须为以下之一：「党建项目创投大赛」、「社区公益微创投」',
      ],
      ['a number for the title', { title: 2026 }, 'title', '大赛名称必须是文字'],
    ])('refuses %s as a 400 naming the field, writing nothing', async (_, change, field, zh) => {
      const [rows, audits] = [await competitionsByOffice(), await auditByOffice()];
      const response = await api()
        .post('/competitions')
        .set('authorization', officeAuth)
        .send(newCompetition(change))
        .expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect(response.body.message_zh).toContain(zh);
      expect(await competitionsByOffice()).toBe(rows);
      expect(await auditByOffice()).toBe(audits);
    });

    it('stores CJK, emoji and SQL-looking titles verbatim', async () => {
      for (const title of [
        "'; DROP TABLE competition; --",
        '社区🏮'.repeat(33) + '创',
        'Robert"); DELETE FROM app_user;--',
      ]) {
        const { id } = await created(newCompetition({ title }));
        expect((await db.getRepository(Competition).findOneByOrFail({ id })).title).toBe(title);
      }
      expect(await db.getRepository(AppUser).countBy({ id: office.id })).toBe(1);
    });

    it('refuses a body over the size limit with 413 and writes nothing', async () => {
      const rows = await competitionsByOffice();
      const response = await api()
        .post('/competitions')
        .set('authorization', officeAuth)
        .send(newCompetition({ title: '社'.repeat(2_000_000) }))
        .expect(413);
      expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await competitionsByOffice()).toBe(rows);
    });

    it('is for the grants office only', async () => {
      const body = newCompetition();
      await api().post('/competitions').send(body).expect(401);
      const asApplicant = await api().post('/competitions').set('authorization', applicantAuth).send(body).expect(403);
      expect(asApplicant.body).toMatchObject({ code: 'FORBIDDEN', message_zh: '当前身份无权执行此操作' });
      await api().post('/competitions').set('authorization', judgeAuth).send(body).expect(403);
      await api().post('/competitions').set('authorization', 'Bearer forged.token').send(body).expect(401);
    });
  });

  describe('reading', () => {
    it('shows a draft to the office only; applicants and the public get 404 until it opens', async () => {
      const { id } = await created();
      await api().get(`/competitions/${id}`).set('authorization', officeAuth).expect(200);
      const hidden = await api().get(`/competitions/${id}`).set('authorization', applicantAuth).expect(404);
      expect(hidden.body).toEqual({
        code: 'NOT_FOUND',
        reason: 'COMPETITION_NOT_FOUND',
        message_zh: '未找到该大赛',
        message_en: 'competition not found',
        field: 'id',
      });
      await api().get(`/competitions/${id}/public`).expect(404);
      await moveTo(id, CompetitionState.Open);
      const seen = await api().get(`/competitions/${id}`).set('authorization', applicantAuth).expect(200);
      expect(seen.body.state).toBe('open');
      const published = await api().get(`/competitions/${id}/public`).expect(200);
      expect(published.body.rules.categories).toEqual(PARTY.categories);
      await api().get(`/competitions/${id}`).expect(401);
    });

    it('shows a judge only the competition of their roadshow', async () => {
      const { id } = await created();
      const roadshow = await db.getRepository(Roadshow).save({ competitionId: id, venue: '西南街道党群服务中心' });
      const ownJudge = bearer(await createJudgeActor(db, roadshow.id));
      await moveTo(id, CompetitionState.Open);
      await api().get(`/competitions/${id}`).set('authorization', ownJudge).expect(200);
      await api().get(`/competitions/${id}`).set('authorization', judgeAuth).expect(404);
      await api().get('/competitions').set('authorization', ownJudge).expect(403);
    });

    it('answers a malformed id with 400 naming id, and an unknown one with 404', async () => {
      const malformed = await api().get("/competitions/1' OR '1'='1").set('authorization', officeAuth).expect(400);
      expect(malformed.body).toMatchObject({ field: 'id', message_zh: '地址中的编号必须是 UUID' });
      await api().get(`/competitions/${randomUUID()}`).set('authorization', officeAuth).expect(404);
    });

    it('lists newest first with a state filter; applicants never see drafts', async () => {
      const draft = await created();
      const open = await created();
      await moveTo(open.id, CompetitionState.Open);
      const drafts = await api()
        .get('/competitions?state=draft&pageSize=100')
        .set('authorization', officeAuth)
        .expect(200);
      expect((drafts.body.items as { id: string }[]).map((c) => c.id)).toContain(draft.id);
      expect((drafts.body.items as { state: string }[]).every((c) => c.state === 'draft')).toBe(true);
      const forApplicant = await api()
        .get('/competitions?pageSize=100')
        .set('authorization', applicantAuth)
        .expect(200);
      expect((forApplicant.body.items as { state: string }[]).every((c) => c.state !== 'draft')).toBe(true);
      const draftsForApplicant = await api()
        .get('/competitions?state=draft')
        .set('authorization', applicantAuth)
        .expect(200);
      expect(draftsForApplicant.body).toMatchObject({ items: [], total: 0 });
      const bad = await api().get('/competitions?pageSize=1000').set('authorization', officeAuth).expect(400);
      expect(bad.body).toMatchObject({ field: 'query.pageSize', message_zh: '每页条数不能大于 100' });
    });
  });

  describe('transitions', () => {
    it('walks draft → open → closed → screening → roadshow, freezing the rules on entering the roadshow', async () => {
      const { id } = await created();
      await moveTo(id, CompetitionState.Open, CompetitionState.Closed, CompetitionState.Screening);
      const before = Date.now();
      const response = await api()
        .post(`/competitions/${id}/transitions`)
        .set('authorization', officeAuth)
        .send({ to: 'roadshow', reason: '资格审查结束，进入路演' })
        .expect(200);
      const after = Date.now();
      expect(response.body).toMatchObject({ state: 'roadshow', allowedTransitions: ['scoring-closed'] });
      // Frozen by this request: stamped while it was answered.
      expect(Date.parse(response.body.rulesFrozenAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(response.body.rulesFrozenAt)).toBeLessThanOrEqual(after);
      const events = (await auditOf(id)).filter((e) => e.action === 'competition.transition');
      expect(events.map((e) => [e.before, (e.after as { state: string }).state])).toEqual([
        [{ state: 'draft' }, 'open'],
        [{ state: 'open' }, 'closed'],
        [{ state: 'closed' }, 'screening'],
        [{ state: 'screening' }, 'roadshow'],
      ]);
      expect(events[3]).toMatchObject({ actorType: 'office', actorId: office.id });
      expect(events[3].after).toMatchObject({ reason: '资格审查结束，进入路演', rulesVersion: 1 });
    });

    it('refuses a move the lifecycle does not allow with 409 naming from and to in both languages', async () => {
      const { id } = await created();
      const audits = (await auditOf(id)).length;
      const response = await api()
        .post(`/competitions/${id}/transitions`)
        .set('authorization', officeAuth)
        .send({ to: 'roadshow' })
        .expect(409);
      expect(response.body).toEqual({
        code: 'CONFLICT',
        reason: 'TRANSITION_NOT_ALLOWED',
        field: 'to',
        message_zh: '大赛当前为「草稿」，不能变为「路演」；可变为：「征集中」',
        message_en: 'a competition in "Draft" cannot move to "Roadshow"; it can move to: "Open for submissions"',
      });
      expect((await auditOf(id)).length).toBe(audits);
      const bad = await api()
        .post(`/competitions/${id}/transitions`)
        .set('authorization', officeAuth)
        .send({ to: 'launched' })
        .expect(400);
      expect(bad.body.field).toBe('to');
    });

    it('refuses to open a competition whose deadline has passed', async () => {
      const stale = await createCompetition(db, office.id, {
        state: CompetitionState.Draft,
        submissionDeadline: new Date(Date.now() - 3600_000),
      });
      const response = await api()
        .post(`/competitions/${stale.id}/transitions`)
        .set('authorization', officeAuth)
        .send({ to: 'open' })
        .expect(409);
      expect(response.body.field).toBe('submissionDeadline');
      expect(response.body.message_zh).toContain('已过');
    });

    it('refuses the roadshow while submitted projects wait for screening', async () => {
      const competition = await createCompetition(db, office.id, { state: CompetitionState.Screening });
      const organization = await createOrganization(db);
      const applicant = await createUser(db, Role.Applicant, organization.id);
      const submission = await createSubmission(db, competition.id, organization.id, applicant.id);
      const response = await api()
        .post(`/competitions/${competition.id}/transitions`)
        .set('authorization', officeAuth)
        .send({ to: 'roadshow' })
        .expect(409);
      expect(response.body.message_zh).toBe('还有 1 个已提交项目未完成资格审查，审查完毕才能进入路演');
      await db.getRepository('Submission').update(submission.id, { screening: ScreeningStatus.Passed });
      await moveTo(competition.id, CompetitionState.Roadshow);
    });

    it('lets exactly one of several concurrent identical moves succeed', async () => {
      const { id } = await created();
      await moveTo(id, CompetitionState.Open);
      const responses = await Promise.all(
        Array.from({ length: 8 }, () =>
          api().post(`/competitions/${id}/transitions`).set('authorization', officeAuth).send({ to: 'closed' }),
        ),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
      const closings = (await auditOf(id)).filter((e) => (e.after as { state?: string }).state === 'closed');
      expect(closings).toHaveLength(1);
    });

    it('is refused to applicants, judges and anonymous callers', async () => {
      const { id } = await created();
      await api().post(`/competitions/${id}/transitions`).send({ to: 'open' }).expect(401);
      await api()
        .post(`/competitions/${id}/transitions`)
        .set('authorization', applicantAuth)
        .send({ to: 'open' })
        .expect(403);
      await api()
        .post(`/competitions/${id}/transitions`)
        .set('authorization', judgeAuth)
        .send({ to: 'open' })
        .expect(403);
      expect((await db.getRepository(Competition).findOneByOrFail({ id })).state).toBe('draft');
    });
  });

  describe('PATCH /competitions/:id/rules', () => {
    it('replaces the fields sent, bumps rulesVersion and audits before and after', async () => {
      const { id } = await created();
      const response = await api()
        .patch(`/competitions/${id}/rules`)
        .set('authorization', officeAuth)
        .send({ maxRequestFen: 4_000_000, minRequestFen: null, expectedRulesVersion: 1 })
        .expect(200);
      expect(response.body.rulesVersion).toBe(2);
      expect(response.body.rules.maxRequestFen).toBe(4_000_000);
      expect(response.body.rules).not.toHaveProperty('minRequestFen');
      expect(response.body.rules.rubric).toEqual(PARTY.rubric);
      const event = (await auditOf(id)).find((e) => e.action === 'competition.rules.update');
      expect(event?.before).toMatchObject({ rulesVersion: 1, rules: { maxRequestFen: 5_000_000 } });
      expect(event?.after).toMatchObject({ rulesVersion: 2, rules: { maxRequestFen: 4_000_000 } });
    });

    it('takes the 东莞 preset’s components, changes them and normalization, and names a wrong component in both languages', async () => {
      const { id } = await created(newCompetition({ preset: 'dongguan' }));
      const shown = await api().get(`/competitions/${id}`).set('authorization', officeAuth).expect(200);
      expect(shown.body.rules.components).toEqual(COMPETITION_PRESETS.dongguan.components);
      const changed = await api()
        .patch(`/competitions/${id}/rules`)
        .set('authorization', officeAuth)
        .send({
          aggregation: {
            ...COMPETITION_PRESETS.dongguan.aggregation,
            normalization: { kind: 'z-score', sd: 'population', minProjectsPerJudge: 3 },
          },
          components: [
            { key: 'roadshow', labelZh: '项目评审', labelEn: 'Project review', source: 'roadshow', weight: '1' },
            {
              key: 'fundraising',
              labelZh: '筹款加分',
              labelEn: 'Fundraising bonus',
              source: 'input',
              bonusCap: '50',
              maxPoints: '100',
            },
          ],
        })
        .expect(200);
      expect(changed.body.rules.aggregation.normalization).toEqual({
        kind: 'z-score',
        sd: 'population',
        minProjectsPerJudge: 3,
      });
      expect(changed.body.rules.components[1]).toMatchObject({ key: 'fundraising', bonusCap: '50' });
      const refused = await api()
        .patch(`/competitions/${id}/rules`)
        .set('authorization', officeAuth)
        .send({
          components: [{ key: 'roadshow', labelZh: '路演', labelEn: 'Roadshow', source: 'roadshow', weight: '0.6' }],
        })
        .expect(400);
      expect(refused.body).toMatchObject({
        reason: 'COMPONENT_WEIGHTS_NOT_1',
        field: 'components',
        message_zh: '评分构成的权重合计须为 1（现为 0.6），加分项不计入',
      });
      const cleared = await api()
        .patch(`/competitions/${id}/rules`)
        .set('authorization', officeAuth)
        .send({ components: null })
        .expect(200);
      expect(cleared.body.rules).not.toHaveProperty('components');
    });

    it('keeps the version when nothing changes', async () => {
      const { id } = await created();
      const response = await api()
        .patch(`/competitions/${id}/rules`)
        .set('authorization', officeAuth)
        .send({ rubric: PARTY.rubric, tranches: PARTY.tranches })
        .expect(200);
      expect(response.body.rulesVersion).toBe(1);
    });

    it('refuses a stale expectedRulesVersion with 409', async () => {
      const { id } = await created();
      await api()
        .patch(`/competitions/${id}/rules`)
        .set('authorization', officeAuth)
        .send({ pitchSeconds: 360 })
        .expect(200);
      const response = await api()
        .patch(`/competitions/${id}/rules`)
        .set('authorization', officeAuth)
        .send({ pitchSeconds: 480, expectedRulesVersion: 1 })
        .expect(409);
      expect(response.body).toMatchObject({ code: 'CONFLICT', field: 'expectedRulesVersion' });
      expect(response.body.message_zh).toContain('当前第 2 版');
    });

    it('refuses invalid rules and leaves the stored rules and the audit log as they were', async () => {
      const { id } = await created();
      const audits = (await auditOf(id)).length;
      const response = await api()
        .patch(`/competitions/${id}/rules`)
        .set('authorization', officeAuth)
        .send({ tieBreaks: ['median', 'criterion:budget'] })
        .expect(400);
      expect(response.body.field).toBe('tieBreaks.1');
      expect(response.body.message_en).toContain('tie-break 2 is not a known tie-break');
      const stored = await db.getRepository(Competition).findOneByOrFail({ id });
      expect([stored.rulesVersion, stored.rules.tieBreaks]).toEqual([1, PARTY.tieBreaks]);
      expect((await auditOf(id)).length).toBe(audits);
    });

    it('refuses any change once the roadshow has started', async () => {
      const { id } = await created();
      await moveTo(
        id,
        CompetitionState.Open,
        CompetitionState.Closed,
        CompetitionState.Screening,
        CompetitionState.Roadshow,
      );
      const response = await api()
        .patch(`/competitions/${id}/rules`)
        .set('authorization', officeAuth)
        .send({ pitchSeconds: 600 })
        .expect(409);
      expect(response.body.code).toBe('CONFLICT');
      expect(response.body.message_zh).toContain('规则已于');
      expect(response.body.message_en).toContain('the rules were frozen when the roadshow started');
      await api()
        .patch(`/competitions/${id}`)
        .set('authorization', officeAuth)
        .send({ poolFen: 40_000_000 })
        .expect(409);
      expect((await db.getRepository(Competition).findOneByOrFail({ id })).rules.pitchSeconds).toBe(420);
    });

    it('is refused to applicants and judges', async () => {
      const { id } = await created();
      await api()
        .patch(`/competitions/${id}/rules`)
        .set('authorization', applicantAuth)
        .send({ pitchSeconds: 60 })
        .expect(403);
      await api()
        .patch(`/competitions/${id}/rules`)
        .set('authorization', judgeAuth)
        .send({ pitchSeconds: 60 })
        .expect(403);
      await api().patch(`/competitions/${id}/rules`).send({ pitchSeconds: 60 }).expect(401);
    });
  });

  describe('POST /competitions/:id/rules/preset', () => {
    it('puts the 青岛 preset’s score composition on a draft, keeping every other rule, audited with its name', async () => {
      const { id } = await created(
        newCompetition({ rules: { aggregation: { ...PARTY.aggregation, decimals: 1 }, maxRequestFen: 4_000_000 } }),
      );
      const response = await api()
        .post(`/competitions/${id}/rules/preset`)
        .set('authorization', officeAuth)
        .send({ preset: 'qingdao', expectedRulesVersion: 1 })
        .expect(200);
      expect(response.body.rulesVersion).toBe(2);
      expect(response.body.rules.components).toEqual(COMPETITION_PRESETS.qingdao.components);
      expect(response.body.rules.aggregation).toEqual({
        ...PARTY.aggregation,
        decimals: 1,
        biasThreshold: COMPETITION_PRESETS.qingdao.aggregation.biasThreshold,
      });
      expect(response.body.rules.categories).toEqual(PARTY.categories);
      expect(response.body.rules.rubric).toEqual(PARTY.rubric);
      expect(response.body.rules.maxRequestFen).toBe(4_000_000);
      const event = (await auditOf(id)).find((e) => e.action === 'competition.rules.update');
      expect(event?.after).toMatchObject({ rulesVersion: 2, preset: 'qingdao' });
      expect(event?.before).toMatchObject({ rulesVersion: 1 });

      // Another preset replaces the parts; the same one again changes nothing.
      const dongguan = await api()
        .post(`/competitions/${id}/rules/preset`)
        .set('authorization', officeAuth)
        .send({ preset: 'dongguan' })
        .expect(200);
      expect(dongguan.body.rules.components).toEqual(COMPETITION_PRESETS.dongguan.components);
      const same = await api()
        .post(`/competitions/${id}/rules/preset`)
        .set('authorization', officeAuth)
        .send({ preset: 'dongguan' })
        .expect(200);
      expect(same.body.rulesVersion).toBe(3);
    });

    it('refuses a competition past its draft, a preset that is not a score composition, and a stale version', async () => {
      const { id } = await created();
      const notScore = await api()
        .post(`/competitions/${id}/rules/preset`)
        .set('authorization', officeAuth)
        .send({ preset: 'party-building' })
        .expect(400);
      expect(notScore.body).toMatchObject({ field: 'preset' });
      const stale = await api()
        .post(`/competitions/${id}/rules/preset`)
        .set('authorization', officeAuth)
        .send({ preset: 'dongguan', expectedRulesVersion: 7 })
        .expect(409);
      expect(stale.body).toMatchObject({ reason: 'CHANGED_SINCE_READ', field: 'expectedRulesVersion' });

      await api()
        .post(`/competitions/${id}/transitions`)
        .set('authorization', officeAuth)
        .send({ to: 'open' })
        .expect(200);
      const refused = await api()
        .post(`/competitions/${id}/rules/preset`)
        .set('authorization', officeAuth)
        .send({ preset: 'dongguan' })
        .expect(409);
      expect(refused.body).toMatchObject({ reason: 'PRESET_ONLY_IN_DRAFT', field: 'preset' });
      expect(refused.body.message_zh).toContain('只有草稿状态的大赛可以套用预设评分构成');
      const stored = await db.getRepository(Competition).findOneByOrFail({ id });
      expect(stored.rulesVersion).toBe(1);
      expect(stored.rules.components).toBeUndefined();
      await api()
        .post(`/competitions/${id}/rules/preset`)
        .set('authorization', applicantAuth)
        .send({ preset: 'dongguan' })
        .expect(403);
    });
  });

  describe('PATCH /competitions/:id', () => {
    it('changes the title and deadline and audits only what changed', async () => {
      const { id, version } = await created();
      const deadline = new Date(Date.now() + 60 * 24 * 3600_000).toISOString();
      const response = await api()
        .patch(`/competitions/${id}`)
        .set('authorization', officeAuth)
        .send({ title: '2026年党建项目创投大赛（延期）', submissionDeadline: deadline, expectedVersion: version })
        .expect(200);
      expect(response.body).toMatchObject({ title: '2026年党建项目创投大赛（延期）', submissionDeadline: deadline });
      expect(response.body.version).toBe(version + 1);
      const event = (await auditOf(id)).find((e) => e.action === 'competition.update');
      expect(Object.keys(event?.after as object).sort()).toEqual(['submissionDeadline', 'title']);
    });

    it('refuses a pool smaller than the per-project cap, in yuan', async () => {
      const { id } = await created();
      const response = await api()
        .patch(`/competitions/${id}`)
        .set('authorization', officeAuth)
        .send({ poolFen: 4_000_000 })
        .expect(400);
      expect(response.body).toMatchObject({
        field: 'poolFen',
        message_zh: '资金池 ¥40,000.00 不能小于单个项目申请上限 ¥50,000.00',
      });
    });

    it('refuses a stale expectedVersion', async () => {
      const { id } = await created();
      const response = await api()
        .patch(`/competitions/${id}`)
        .set('authorization', officeAuth)
        .send({ title: '新标题', expectedVersion: 99 })
        .expect(409);
      expect(response.body.field).toBe('expectedVersion');
    });
  });
});
