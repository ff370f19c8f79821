import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompetitionState, DEFAULT_TENANT_ID, Role, ScreeningStatus, SubmissionState } from '@app/domain';
import { AppUser, AuditEvent, Competition, Organization, Submission } from '@app/persistence';
import { TokenService } from '../src/auth/token.service';
import { createCompetition, createOrganization, createSubmission, createUser } from './factories';
import { startTestApp } from './test-app';

/** A property's API name (camelCase) inside a message a person reads: the label belongs there. */
const CAMEL_CASE = /\b[a-z]+[A-Z]\w*/;

/** 佛山三水西南街道 2017: 江根社区 · 扶贫帮困类. Party-building rules: cap ¥50,000, minimum ¥5,000, ≤ 80% of budget. */
function proposal(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '扶贫帮困献爱心·村企共建送关怀',
    category: 'poverty-relief',
    summary: '联合辖区企业为困难家庭提供节日慰问、助学和就业对接。\n每季度开展一次入户走访。',
    needAddressed: '江根村困难家庭 36 户，其中因病致贫 20 户，缺少持续的帮扶渠道。',
    beneficiaries: { who: '困难家庭', count: 36 },
    targets: ['走访困难家庭不少于 144 户次', '对接就业岗位 20 个'],
    requestedFen: 3_000_000,
    matchingFen: 1_000_000,
    budgetLines: [
      { item: '慰问物资', kind: '物资', amountFen: 2_500_000 },
      { item: '助学金', kind: '补助', amountFen: 1_000_000 },
      { item: '活动宣传', kind: '宣传', amountFen: 500_000 },
    ],
    milestones: [
      { title: '完成困难家庭摸底', due: '2026-04-30' },
      { title: '中期评估', due: '2026-07-31' },
    ],
    ...overrides,
  };
}

interface Applicant {
  readonly organization: Organization;
  readonly user: AppUser;
  readonly auth: string;
}

describe('submissions and screening', () => {
  let app: NestFastifyApplication;
  let db: DataSource;
  let office: AppUser;
  let officeAuth: string;
  let judgeAuth: string;

  const api = () => request(app.getHttpServer());
  const submissionsOf = (organizationId: string) => db.getRepository(Submission).countBy({ organizationId });
  const auditBy = (actorId: string) => db.getRepository(AuditEvent).countBy({ actorId });

  async function applicant(community = '江根'): Promise<Applicant> {
    const organization = await createOrganization(db, { name: `${community}社区居民委员会`, community });
    const user = await createUser(db, Role.Applicant, organization.id);
    const { token } = app.get(TokenService).issue({
      kind: 'user',
      userId: user.id,
      role: Role.Applicant,
      organizationId: organization.id,
    });
    return { organization, user, auth: `Bearer ${token}` };
  }

  function openCompetition(overrides: Partial<Competition> = {}): Promise<Competition> {
    return createCompetition(db, office.id, { state: CompetitionState.Open, ...overrides });
  }

  /** A new project posted by `who`; the answer, whatever it is. */
  function postProposal(competitionId: string, who: Applicant, body = proposal()): request.Test {
    return api().post(`/competitions/${competitionId}/submissions`).set('authorization', who.auth).send(body);
  }

  async function draft(
    competitionId: string,
    who: Applicant,
    body = proposal(),
  ): Promise<{ id: string; version: number }> {
    const response = await postProposal(competitionId, who, body).expect(201);
    return response.body as { id: string; version: number };
  }

  beforeAll(async () => {
    app = await startTestApp();
    db = app.get(DataSource);
    office = await createUser(db, Role.Office);
    const tokens = app.get(TokenService);
    officeAuth = `Bearer ${tokens.issue({ kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID }).token}`;
    judgeAuth = `Bearer ${tokens.issue({ kind: 'judge', role: Role.Judge, judgeId: randomUUID(), roadshowId: randomUUID(), sessionId: randomUUID() }).token}`;
  });

  afterAll(async () => {
    await app.close();
  });

  describe('drafting, editing and submitting', () => {
    it('creates a draft, edits it, submits it, and audits each step', async () => {
      const competition = await openCompetition();
      const jianggen = await applicant();
      const created = await postProposal(competition.id, jianggen).expect(201);
      expect(created.body).toMatchObject({
        competitionId: competition.id,
        organizationId: jianggen.organization.id,
        state: 'draft',
        screening: 'pending',
        screeningReason: null,
        submittedAt: null,
        requestedFen: 3_000_000,
        matchingFen: 1_000_000,
        budgetTotalFen: 4_000_000,
        version: 1,
      });
      const id = created.body.id as string;

      const edited = await api()
        .patch(`/submissions/${id}`)
        .set('authorization', jianggen.auth)
        .send({ title: '扶贫帮困献爱心·村企共建送关怀（修订）', expectedVersion: 1 })
        .expect(200);
      expect(edited.body).toMatchObject({ title: '扶贫帮困献爱心·村企共建送关怀（修订）', version: 2, state: 'draft' });

      const before = Date.now();
      const submitted = await api().post(`/submissions/${id}/submit`).set('authorization', jianggen.auth).expect(200);
      const after = Date.now();
      expect(submitted.body.state).toBe('submitted');
      // Stamped by this request, while it was answered.
      expect(Date.parse(submitted.body.submittedAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(submitted.body.submittedAt)).toBeLessThanOrEqual(after);

      const seenByOffice = await api().get(`/submissions/${id}`).set('authorization', officeAuth).expect(200);
      expect(seenByOffice.body).toEqual(submitted.body);

      const events = await db
        .getRepository(AuditEvent)
        .find({ where: { subjectType: 'submission', subjectId: id }, order: { id: 'ASC' } });
      expect(events.map((e) => [e.action, e.actorType, e.actorId])).toEqual([
        ['submission.create', 'applicant', jianggen.user.id],
        ['submission.update', 'applicant', jianggen.user.id],
        ['submission.submit', 'applicant', jianggen.user.id],
      ]);
      expect(events[1].before).toEqual({ title: '扶贫帮困献爱心·村企共建送关怀' });
      expect(events[1].after).toEqual({ title: '扶贫帮困献爱心·村企共建送关怀（修订）' });
    });

    it('lets a submitted project be revised before the deadline, re-checking the budget', async () => {
      const competition = await openCompetition();
      const who = await applicant();
      const { id } = await draft(competition.id, who);
      await api().post(`/submissions/${id}/submit`).set('authorization', who.auth).expect(200);
      const refused = await api()
        .patch(`/submissions/${id}`)
        .set('authorization', who.auth)
        .send({ matchingFen: 2_000_000 })
        .expect(400);
      expect(refused.body.field).toBe('budgetLines');
      const revised = await api()
        .patch(`/submissions/${id}`)
        .set('authorization', who.auth)
        .send({ matchingFen: 2_000_000, budgetLines: [{ item: '慰问物资', kind: '物资', amountFen: 5_000_000 }] })
        .expect(200);
      expect(revised.body).toMatchObject({ state: 'submitted', budgetTotalFen: 5_000_000 });
    });

    it.each([
      [
        'budget lines that do not add up',
        { matchingFen: 999_999 },
        'budgetLines',
        '预算明细合计 ¥40,000.00，与申请资助 ¥30,000.00 + 配套资金 ¥9,999.99 = ¥39,999.99 不一致',
        'the budget lines add up to ¥40,000.00, but the amount requested ¥30,000.00 + matching funds ¥9,999.99 = ¥39,999.99',
      ],
      [
        'a request above the cap',
        {
          requestedFen: 6_000_000,
          matchingFen: 2_000_000,
          budgetLines: [{ item: '综合', kind: '综合', amountFen: 8_000_000 }],
        },
        'requestedFen',
        '申请资助 ¥60,000.00 超过本大赛单个项目资助上限 ¥50,000.00',
        "the amount requested, ¥60,000.00, is above this competition's cap of ¥50,000.00 per project",
      ],
      [
        'a request below the minimum',
        {
          requestedFen: 400_000,
          matchingFen: 100_000,
          budgetLines: [{ item: '综合', kind: '综合', amountFen: 500_000 }],
        },
        'requestedFen',
        '低于本大赛单个项目最低额度 ¥5,000.00',
        "below this competition's minimum of ¥5,000.00 per project",
      ],
      [
        'a request above 80% of the budget',
        {
          requestedFen: 3_000_000,
          matchingFen: 500_000,
          budgetLines: [{ item: '综合', kind: '综合', amountFen: 3_500_000 }],
        },
        'requestedFen',
        '超过项目总预算 ¥35,000.00 的 80%，最多可申请 ¥28,000.00',
        'above 80% of the project budget of ¥35,000.00; at most ¥28,000.00 may be requested',
      ],
      [
        'a category the competition does not have',
        { category: 'elderly' },
        'category',
        '所选项目类别不是本大赛的类别；可选：便民利民类、宣传教育类、扶贫帮困类、卫生保健类、文体娱乐类',
        "the category chosen is not one of this competition's; choose one of: Convenience services",
      ],
    ])('refuses %s with the field and both messages, writing nothing', async (_, change, field, zh, en) => {
      const competition = await openCompetition();
      const who = await applicant();
      const response = await postProposal(competition.id, who, proposal(change)).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.field).toBe(field);
      expect(response.body.message_zh).toContain(zh);
      expect(response.body.message_en).toContain(en);
      expect(await submissionsOf(who.organization.id)).toBe(0);
      expect(await auditBy(who.user.id)).toBe(0);
    });

    it.each([
      ['fen as a string', { requestedFen: '3000000' }, 'requestedFen', '申请资助（分）必须是以分为单位的整数'],
      ['fractional fen', { requestedFen: 3_000_000.5 }, 'requestedFen', '申请资助（分）必须是以分为单位的整数'],
      ['negative matching funds', { matchingFen: -1 }, 'matchingFen', '配套资金（分）不能为负数'],
      ['an unsafe amount', { requestedFen: 2 ** 60 }, 'requestedFen', '申请资助（分）不能超过 ¥100,000,000,000.00'],
      [
        'a negative budget line',
        { budgetLines: [{ item: '慰问物资', kind: '物资', amountFen: -5 }] },
        'budgetLines.0.amountFen',
        '预算明细第 1 项的金额（分）不能少于 ¥0.01',
      ],
      [
        'a fractional budget line',
        { budgetLines: [{ item: '慰问物资', kind: '物资', amountFen: 0.5 }] },
        'budgetLines.0.amountFen',
        '预算明细第 1 项的金额（分）必须是以分为单位的整数',
      ],
      [
        'an unknown field in a budget line',
        { budgetLines: [{ item: '慰问物资', kind: '物资', amountFen: 4_000_000, vat: 0 }] },
        'budgetLines.0.vat',
        '本接口不接受这一项',
      ],
      ['an unknown top-level field', { state: 'submitted' }, 'state', '本接口不接受这一项'],
      ['a title of 101 emoji', { title: '🏮'.repeat(101) }, 'title', '项目名称最多 100 个字符'],
      ['a summary of 2001 CJK characters', { summary: '社'.repeat(2001) }, 'summary', '项目简介最多 2000 个字符'],
      ['a NUL in the summary', { summary: '慰问\u0000物资' }, 'summary', '此项含有空字符（U+0000）'],
      ['a blank summary', { summary: ' \n\t ' }, 'summary', '项目简介不能只有空白'],
      ['a target too long', { targets: ['标'.repeat(201)] }, 'targets', '项目目标最多 200 个字符'],
      [
        'too many targets',
        { targets: Array.from({ length: 21 }, (_, i) => `目标 ${i}`) },
        'targets',
        '项目目标最多 20 项',
      ],
      ['no targets', { targets: [] }, 'targets', '项目目标至少 1 项'],
      [
        'too many budget lines',
        { budgetLines: Array.from({ length: 101 }, () => ({ item: '物资', kind: '物资', amountFen: 1 })) },
        'budgetLines',
        '预算明细最多 100 项',
      ],
      ['a budget that is not a list', { budgetLines: 'all of it' }, 'budgetLines', '预算明细必须是一组值'],
      [
        'an impossible date',
        { milestones: [{ title: '中期', due: '2026-13-40' }] },
        'milestones.0.due',
        '必须是 ISO 8601',
      ],
      ['a head count as text', { beneficiaries: { who: '老人', count: 'many' } }, 'beneficiaries.count', '必须是整数'],
      ['a null title', { title: null }, 'title', '请填写项目名称'],
      ['a missing category', { category: undefined }, 'category', '请填写项目类别'],
    ])('refuses %s as a 400 naming the field, writing nothing', async (_, change, field, zh) => {
      const competition = await openCompetition();
      const who = await applicant();
      const response = await postProposal(competition.id, who, proposal(change)).expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', field });
      expect(response.body.message_zh).toContain(zh);
      expect(`${response.body.message_zh} ${response.body.message_en}`).not.toMatch(CAMEL_CASE);
      expect(await submissionsOf(who.organization.id)).toBe(0);
      expect(await auditBy(who.user.id)).toBe(0);
    });

    it('refuses a body over the size limit with 413 and writes nothing', async () => {
      const competition = await openCompetition();
      const who = await applicant();
      const response = await postProposal(
        competition.id,
        who,
        proposal({ summary: '居民点单'.repeat(400_000) }),
      ).expect(413);
      expect(response.body).toEqual({
        code: 'PAYLOAD_TOO_LARGE',
        reason: 'PAYLOAD_TOO_LARGE',
        message_zh: '请求体过大',
        message_en: 'request body too large',
      });
      expect(await submissionsOf(who.organization.id)).toBe(0);
    });

    it('refuses bad edits the same way and leaves the stored draft as it was', async () => {
      const competition = await openCompetition();
      const who = await applicant();
      const { id } = await draft(competition.id, who);
      const audits = await auditBy(who.user.id);
      for (const [body, field] of [
        [{ title: null }, 'title'],
        [{ requestedFen: -3 }, 'requestedFen'],
        [{ organizationId: randomUUID() }, 'organizationId'],
        [{ budgetLines: [{ item: '物资', kind: '物资', amountFen: 1 }] }, 'budgetLines'],
      ] as const) {
        const response = await api().patch(`/submissions/${id}`).set('authorization', who.auth).send(body).expect(400);
        expect(response.body.field).toBe(field);
      }
      const stored = await db.getRepository(Submission).findOneByOrFail({ id });
      expect([stored.title, stored.requestedFen, stored.version]).toEqual([
        '扶贫帮困献爱心·村企共建送关怀',
        3_000_000,
        1,
      ]);
      expect(await auditBy(who.user.id)).toBe(audits);
    });

    it('stores CJK, emoji, line breaks and SQL-looking text verbatim, at the length limits', async () => {
      const competition = await openCompetition();
      const who = await applicant();
      const body = proposal({
        title: '🏮'.repeat(99) + '社',
        summary: `${'居民点单—社区制单—社会组织承单—政府买单\n'.repeat(95)}`.slice(0, 2000),
        needAddressed: '\'; DROP TABLE submission; -- " OR 1=1 /* 👵🏻 */',
      });
      const { id } = await draft(competition.id, who, body);
      const stored = await db.getRepository(Submission).findOneByOrFail({ id });
      expect([stored.title, stored.summary, stored.needAddressed]).toEqual([
        body.title,
        body.summary,
        body.needAddressed,
      ]);
      const read = await api().get(`/submissions/${id}`).set('authorization', who.auth).expect(200);
      expect(read.body.title).toBe(body.title);
    });

    it('treats an edit that changes nothing as a no-op: same version, no audit row', async () => {
      const competition = await openCompetition();
      const who = await applicant();
      const { id } = await draft(competition.id, who);
      const audits = await auditBy(who.user.id);
      const response = await api()
        .patch(`/submissions/${id}`)
        .set('authorization', who.auth)
        .send({ title: '  扶贫帮困献爱心·村企共建送关怀 ', beneficiaries: { who: '困难家庭', count: 36 } })
        .expect(200);
      expect(response.body.version).toBe(1);
      expect(await auditBy(who.user.id)).toBe(audits);
    });

    it('refuses a stale expectedVersion with 409', async () => {
      const competition = await openCompetition();
      const who = await applicant();
      const { id } = await draft(competition.id, who);
      await api().patch(`/submissions/${id}`).set('authorization', who.auth).send({ title: '第一次修改' }).expect(200);
      const response = await api()
        .patch(`/submissions/${id}`)
        .set('authorization', who.auth)
        .send({ title: '第二次修改', expectedVersion: 1 })
        .expect(409);
      expect(response.body).toMatchObject({ code: 'CONFLICT', field: 'expectedVersion' });
    });

    it('checks a draft again on submit against rules the office changed meanwhile', async () => {
      const competition = await openCompetition();
      const who = await applicant();
      const { id } = await draft(competition.id, who);
      await api()
        .patch(`/competitions/${competition.id}/rules`)
        .set('authorization', officeAuth)
        .send({ maxRequestFen: 2_000_000 })
        .expect(200);
      const response = await api().post(`/submissions/${id}/submit`).set('authorization', who.auth).expect(400);
      expect(response.body).toMatchObject({
        field: 'requestedFen',
        message_zh: '申请资助 ¥30,000.00 超过本大赛单个项目资助上限 ¥20,000.00',
      });
      expect((await db.getRepository(Submission).findOneByOrFail({ id })).state).toBe('draft');
    });
  });

  describe('timing and state', () => {
    it('accepts nothing for a competition that is not open, and hides drafts', async () => {
      const who = await applicant();
      const closed = await openCompetition({ state: CompetitionState.Closed });
      const response = await postProposal(closed.id, who).expect(409);
      expect(response.body).toEqual({
        code: 'CONFLICT',
        reason: 'NOT_ACCEPTING_SUBMISSIONS',
        message_zh: '大赛当前为「征集截止」，不接受申报或修改',
        message_en:
          'the competition is in "Submissions closed", so projects can no longer be created, edited or submitted',
      });
      const unpublished = await openCompetition({ state: CompetitionState.Draft });
      await postProposal(unpublished.id, who).expect(404);
      await postProposal(randomUUID(), who).expect(404);
      const malformed = await api()
        .post('/competitions/not-a-uuid/submissions')
        .set('authorization', who.auth)
        .send(proposal())
        .expect(400);
      expect(malformed.body.field).toBe('id');
      expect(await submissionsOf(who.organization.id)).toBe(0);
    });

    it('refuses creating, editing and submitting after the deadline, saying when it was', async () => {
      const competition = await openCompetition();
      const who = await applicant();
      const { id } = await draft(competition.id, who);
      await db
        .getRepository(Competition)
        .update(competition.id, { submissionDeadline: new Date('2026-01-15T09:00:00Z') });
      const edit = await api()
        .patch(`/submissions/${id}`)
        .set('authorization', who.auth)
        .send({ title: '晚了' })
        .expect(409);
      expect(edit.body.message_zh).toBe('申报已于 2026-01-15 17:00（北京时间）截止，不能再新建、修改或提交');
      expect(edit.body.message_en).toContain('submissions closed at 2026-01-15T09:00:00.000Z');
      await api().post(`/submissions/${id}/submit`).set('authorization', who.auth).expect(409);
      const other = await applicant('洲边');
      await postProposal(competition.id, other).expect(409);
    });

    it('withdraws until the roadshow, once; a withdrawn project cannot be edited', async () => {
      const competition = await openCompetition();
      const who = await applicant();
      const { id } = await draft(competition.id, who);
      const withdrawn = await api().post(`/submissions/${id}/withdraw`).set('authorization', who.auth).expect(200);
      expect(withdrawn.body.state).toBe('withdrawn');
      const again = await api().post(`/submissions/${id}/withdraw`).set('authorization', who.auth).expect(409);
      expect(again.body.message_zh).toBe('该项目已撤回，无需再次撤回');
      await api().patch(`/submissions/${id}`).set('authorization', who.auth).send({ title: '复活' }).expect(409);
      await api().post(`/submissions/${id}/submit`).set('authorization', who.auth).expect(409);

      const inRoadshow = await openCompetition({ state: CompetitionState.Roadshow });
      const late = await createSubmission(db, inRoadshow.id, who.organization.id, who.user.id);
      const refused = await api().post(`/submissions/${late.id}/withdraw`).set('authorization', who.auth).expect(409);
      expect(refused.body.message_en).toContain('the roadshow lineup is fixed');
    });
  });

  describe('one project per organization', () => {
    it('refuses a second project while the first is not withdrawn, and allows one after', async () => {
      const competition = await openCompetition();
      const who = await applicant();
      const first = await draft(competition.id, who);
      const second = await postProposal(competition.id, who, proposal({ title: '第二个项目' })).expect(409);
      expect(second.body).toEqual({
        code: 'CONFLICT',
        reason: 'ONE_PER_ORGANIZATION',
        message_zh: '每个组织限报一个项目，本组织已申报「扶贫帮困献爱心·村企共建送关怀」；如需更换，请先撤回该项目',
        message_en:
          'one project per organization: yours already has "扶贫帮困献爱心·村企共建送关怀"; withdraw it first to enter another',
      });
      await api().post(`/submissions/${first.id}/withdraw`).set('authorization', who.auth).expect(200);
      await draft(competition.id, who, proposal({ title: '第二个项目' }));
      expect(await submissionsOf(who.organization.id)).toBe(2);
    });

    it('lets exactly one of several simultaneous first drafts through', async () => {
      const competition = await openCompetition();
      const who = await applicant();
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          api()
            .post(`/competitions/${competition.id}/submissions`)
            .set('authorization', who.auth)
            .send(proposal({ title: `同时提交 ${i}` })),
        ),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      expect(await submissionsOf(who.organization.id)).toBe(1);
      expect(await auditBy(who.user.id)).toBe(1);
    });

    it('allows several projects when the rules allow it', async () => {
      const competition = await openCompetition();
      await api()
        .patch(`/competitions/${competition.id}/rules`)
        .set('authorization', officeAuth)
        .send({ onePerOrganization: false })
        .expect(200);
      const who = await applicant();
      await draft(competition.id, who);
      await draft(competition.id, who, proposal({ title: '第二个项目' }));
    });
  });

  describe('who sees what', () => {
    it('answers another organization’s submission with 404 on every route, exactly like a missing one', async () => {
      const competition = await openCompetition();
      const jianggen = await applicant('江根');
      const yunxiu = await applicant('云秀');
      const { id } = await draft(competition.id, jianggen);
      const missing = await api().get(`/submissions/${randomUUID()}`).set('authorization', yunxiu.auth).expect(404);
      const foreign = await api().get(`/submissions/${id}`).set('authorization', yunxiu.auth).expect(404);
      expect(foreign.body).toEqual(missing.body);
      expect(foreign.body).toEqual({
        code: 'NOT_FOUND',
        reason: 'SUBMISSION_NOT_FOUND',
        message_zh: '未找到该申报项目',
        message_en: 'submission not found',
        field: 'id',
      });
      await api().patch(`/submissions/${id}`).set('authorization', yunxiu.auth).send({ title: '改' }).expect(404);
      await api().post(`/submissions/${id}/submit`).set('authorization', yunxiu.auth).expect(404);
      await api().post(`/submissions/${id}/withdraw`).set('authorization', yunxiu.auth).expect(404);
      const stored = await db.getRepository(Submission).findOneByOrFail({ id });
      expect([stored.state, stored.title, stored.version]).toEqual(['draft', '扶贫帮困献爱心·村企共建送关怀', 1]);

      const listed = await api()
        .get(`/competitions/${competition.id}/submissions`)
        .set('authorization', yunxiu.auth)
        .expect(200);
      expect(listed.body).toMatchObject({ items: [], total: 0 });
      const everywhere = await api()
        .get(`/submissions?competitionId=${competition.id}`)
        .set('authorization', yunxiu.auth)
        .expect(200);
      expect(everywhere.body.total).toBe(0);
    });

    it('keeps judges and anonymous callers out, and the office from writing for applicants', async () => {
      const competition = await openCompetition();
      const who = await applicant();
      const { id } = await draft(competition.id, who);
      await api().get(`/submissions/${id}`).set('authorization', judgeAuth).expect(403);
      await api().get(`/submissions/${id}`).expect(401);
      await api().get(`/competitions/${competition.id}/submissions`).set('authorization', judgeAuth).expect(403);
      await api().get(`/competitions/${competition.id}/submissions`).expect(401);
      await api()
        .post(`/competitions/${competition.id}/submissions`)
        .set('authorization', judgeAuth)
        .send(proposal())
        .expect(403);
      await api()
        .post(`/competitions/${competition.id}/submissions`)
        .set('authorization', officeAuth)
        .send(proposal())
        .expect(403);
      await api().patch(`/submissions/${id}`).set('authorization', officeAuth).send({ title: '代改' }).expect(403);
      await api()
        .post(`/submissions/${id}/screening`)
        .set('authorization', judgeAuth)
        .send({ decision: 'passed' })
        .expect(403);
      await api()
        .post(`/submissions/${id}/screening`)
        .set('authorization', who.auth)
        .send({ decision: 'passed' })
        .expect(403);
      await api().post(`/submissions/${id}/screening`).send({ decision: 'passed' }).expect(401);
    });

    it('lets the office filter and page a competition’s submissions', async () => {
      const competition = await openCompetition({ state: CompetitionState.Screening });
      const rows: Submission[] = [];
      for (const [community, category, screening] of [
        ['五顶岗', 'convenience', ScreeningStatus.Pending],
        ['洲边', 'education', ScreeningStatus.Passed],
        ['江根', 'poverty-relief', ScreeningStatus.Passed],
        ['云秀', 'poverty-relief', ScreeningStatus.Rejected],
      ] as const) {
        const who = await applicant(community);
        rows.push(
          await createSubmission(db, competition.id, who.organization.id, who.user.id, { category, screening }),
        );
      }
      const url = `/competitions/${competition.id}/submissions`;
      const passed = await api().get(`${url}?screening=passed`).set('authorization', officeAuth).expect(200);
      expect((passed.body.items as { id: string }[]).map((s) => s.id)).toEqual([rows[1].id, rows[2].id]);
      const relief = await api()
        .get(`${url}?category=poverty-relief&state=submitted`)
        .set('authorization', officeAuth)
        .expect(200);
      expect(relief.body.total).toBe(2);
      const page2 = await api().get(`${url}?page=2&pageSize=3`).set('authorization', officeAuth).expect(200);
      expect(page2.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect((page2.body.items as { id: string }[]).map((s) => s.id)).toEqual([rows[3].id]);
      const bad = await api().get(`${url}?screening=maybe`).set('authorization', officeAuth).expect(400);
      expect(bad.body.field).toBe('query.screening');
      const sneaky = await api()
        .get(`${url}?category=${encodeURIComponent("x' OR '1'='1")}`)
        .set('authorization', officeAuth)
        .expect(200);
      expect(sneaky.body.total).toBe(0);
    });
  });

  describe('screening (资格审查)', () => {
    async function inScreening(state: SubmissionState = SubmissionState.Submitted) {
      const competition = await openCompetition({ state: CompetitionState.Screening });
      const who = await applicant();
      const submission = await createSubmission(db, competition.id, who.organization.id, who.user.id, { state });
      return { competition, who, submission };
    }

    it('passes or rejects a submitted project; the applicant sees the decision and the reason', async () => {
      const { who, submission } = await inScreening();
      const passed = await api()
        .post(`/submissions/${submission.id}/screening`)
        .set('authorization', officeAuth)
        .send({ decision: 'passed' })
        .expect(200);
      expect(passed.body).toMatchObject({ screening: 'passed', screeningReason: null });
      const rejected = await api()
        .post(`/submissions/${submission.id}/screening`)
        .set('authorization', officeAuth)
        .send({ decision: 'rejected', reason: '申报主体不在本街道辖区，不符合申报条件' })
        .expect(200);
      expect(rejected.body.screening).toBe('rejected');
      const seen = await api().get(`/submissions/${submission.id}`).set('authorization', who.auth).expect(200);
      expect(seen.body).toMatchObject({
        screening: 'rejected',
        screeningReason: '申报主体不在本街道辖区，不符合申报条件',
      });
      const events = await db
        .getRepository(AuditEvent)
        .find({ where: { subjectId: submission.id, action: 'submission.screening' }, order: { id: 'ASC' } });
      expect(events.map((e) => [e.actorType, e.actorId, e.before, e.after])).toEqual([
        [
          'office',
          office.id,
          { screening: 'pending', screeningReason: null },
          { screening: 'passed', screeningReason: null },
        ],
        [
          'office',
          office.id,
          { screening: 'passed', screeningReason: null },
          { screening: 'rejected', screeningReason: '申报主体不在本街道辖区，不符合申报条件' },
        ],
      ]);
    });

    it('needs a reason to reject, and writes nothing without one', async () => {
      const { submission } = await inScreening();
      const audits = await auditBy(office.id);
      for (const body of [{ decision: 'rejected' }, { decision: 'rejected', reason: '   ' }]) {
        const response = await api()
          .post(`/submissions/${submission.id}/screening`)
          .set('authorization', officeAuth)
          .send(body)
          .expect(400);
        expect(response.body.field).toBe('reason');
      }
      const response = await api()
        .post(`/submissions/${submission.id}/screening`)
        .set('authorization', officeAuth)
        .send({ decision: 'rejected' })
        .expect(400);
      expect(response.body).toEqual({
        code: 'VALIDATION_FAILED',
        reason: 'SCREENING_REASON_REQUIRED',
        field: 'reason',
        message_zh: '资格审查不通过时必须填写理由，申报单位会看到',
        message_en: 'a rejection needs a reason; the applicant sees it',
      });
      const bad = await api()
        .post(`/submissions/${submission.id}/screening`)
        .set('authorization', officeAuth)
        .send({ decision: 'pending' })
        .expect(400);
      expect(bad.body.field).toBe('decision');
      expect((await db.getRepository(Submission).findOneByOrFail({ id: submission.id })).screening).toBe('pending');
      expect(await auditBy(office.id)).toBe(audits);
    });

    it('screens only submitted projects, only while the competition is in screening', async () => {
      const { submission: draftOne } = await inScreening(SubmissionState.Draft);
      const notSubmitted = await api()
        .post(`/submissions/${draftOne.id}/screening`)
        .set('authorization', officeAuth)
        .send({ decision: 'passed' })
        .expect(409);
      expect(notSubmitted.body.message_zh).toBe('该项目「草稿」，只能审查已提交的项目');

      const competition = await openCompetition();
      const who = await applicant();
      const early = await createSubmission(db, competition.id, who.organization.id, who.user.id);
      const response = await api()
        .post(`/submissions/${early.id}/screening`)
        .set('authorization', officeAuth)
        .send({ decision: 'passed' })
        .expect(409);
      expect(response.body.message_zh).toBe('大赛当前为「征集中」，只有在「资格审查」阶段才能审查');
      expect(response.body.message_en).toBe(
        'the competition is in "Open for submissions"; screening decisions are taken only in "Screening"',
      );
      await api()
        .post(`/submissions/${randomUUID()}/screening`)
        .set('authorization', officeAuth)
        .send({ decision: 'passed' })
        .expect(404);
    });
  });
});
