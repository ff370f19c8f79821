import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ReportKind } from '@app/domain';
import { addDays, beijingDate, monthOf } from '@app/grants';
import { AuditEvent, GrantReport, ReportAttachment } from '@app/persistence';
import { PAYEE, PNG, SignedOptions, acceptAll, binary, signedCompetition } from './grants.factory';
import { serveApp } from './test-app';

interface Line {
  item: string;
  kind: string;
  grantFen: number;
  matchingFen: number;
}

const NARRATIVE = '本月开展便民服务日 2 次，党员志愿者上门为 12 户独居老人维修家电，陪诊 5 人次。';

describe('the grantee’s reports and budget changes (报告与预算调整)', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());
  const today = () => beijingDate(new Date());
  const auditOf = (subjectId: string) =>
    served.db.getRepository(AuditEvent).find({ where: { subjectId }, order: { id: 'ASC' } });

  /** One accepted grant of ¥30,000.00 (matching ¥5,000.00), its project period started `startedDaysAgo` days ago. */
  async function runningGrant(options: SignedOptions = {}) {
    const fixture = await signedCompetition(served.app, [3_000_000], options);
    const [grantId] = await acceptAll(served.app, fixture);
    const grantee = fixture.funded[0].applicantAuth;
    await api().put(`/grants/${grantId}/payee`).set('authorization', grantee).send(PAYEE).expect(200);
    return { fixture, grantId, grantee, office: fixture.clerks[0].auth };
  }

  async function startReport(grantId: string, grantee: string, kind: ReportKind, period?: string) {
    const response = await api()
      .post(`/grants/${grantId}/reports`)
      .set('authorization', grantee)
      .send({ kind, ...(period ? { period } : {}) })
      .expect(201);
    return response.body as { id: string; version: number; spending: unknown[] };
  }

  const spending = (lines: number, firstGrantFen: number) =>
    Array.from({ length: lines }, (_, i) => ({ grantFen: i === 0 ? firstGrantFen : 0, matchingFen: 0 }));

  it('the grantee drafts, attaches a sign-in sheet and submits; the office returns it with comments; it answers and the office accepts', async () => {
    const { grantId, grantee, office, fixture } = await runningGrant({ startedDaysAgo: 40 });
    const month = monthOf(addDays(today(), -40));
    const draft = await startReport(grantId, grantee, ReportKind.Monthly, month);
    expect(draft).toMatchObject({
      state: 'draft',
      period: month,
      narrative: '',
      spending: [{ item: '维修工具与耗材' }, {}, {}],
    });

    const incomplete = await api().post(`/reports/${draft.id}/submit`).set('authorization', grantee).expect(400);
    expect(incomplete.body).toMatchObject({ reason: 'REPORT_INCOMPLETE', field: 'narrative' });
    const saved = await api()
      .patch(`/reports/${draft.id}`)
      .set('authorization', grantee)
      .send({
        narrative: NARRATIVE,
        activities: [
          { date: addDays(today(), -35), place: '五顶岗社区党群服务中心', participants: 42, description: '便民服务日' },
        ],
        spending: spending(3, 120_000),
        expectedVersion: draft.version,
      })
      .expect(200);
    expect(saved.body).toMatchObject({ narrative: NARRATIVE, spending: [{ grantFen: 120_000 }, {}, {}] });
    const stale = await api()
      .patch(`/reports/${draft.id}`)
      .set('authorization', grantee)
      .send({ narrative: '旧版本', expectedVersion: draft.version })
      .expect(409);
    expect(stale.body.reason).toBe('REPORT_CHANGED_SINCE_READ');

    const upload = await api()
      .post(`/reports/${draft.id}/attachments`)
      .set('authorization', grantee)
      .attach('file', PNG, { filename: '签到表-便民服务日.png', contentType: 'image/png' })
      .expect(201);
    expect(upload.body).toMatchObject({
      filename: '签到表-便民服务日.png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
    });
    const file = await api()
      .get(`/attachments/${upload.body.id}`)
      .set('authorization', office)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((file.body as Buffer).equals(PNG)).toBe(true);
    expect(file.headers['x-content-sha256']).toBe(upload.body.sha256);

    const submitted = await api().post(`/reports/${draft.id}/submit`).set('authorization', grantee).expect(200);
    expect(submitted.body).toMatchObject({ state: 'submitted', attachments: [{ id: upload.body.id }] });
    await api().patch(`/reports/${draft.id}`).set('authorization', grantee).send({ narrative: '改' }).expect(409);
    const queue = await api().get('/reports?state=submitted').set('authorization', office).expect(200);
    expect((queue.body.items as { id: string }[]).map((r) => r.id)).toContain(draft.id);
    const ofThisCompetition = await api()
      .get(`/reports?state=submitted&competitionId=${fixture.competition.id}`)
      .set('authorization', office)
      .expect(200);
    expect((ofThisCompetition.body.items as { id: string }[]).map((r) => r.id)).toEqual([draft.id]);
    const ofAnother = await api()
      .get(`/reports?state=submitted&competitionId=${randomUUID()}`)
      .set('authorization', office)
      .expect(200);
    expect(ofAnother.body.items).toEqual([]);

    const returned = await api()
      .post(`/reports/${draft.id}/return`)
      .set('authorization', office)
      .send({ comments: '请补充宣传物料的支出票据' })
      .expect(200);
    expect(returned.body).toMatchObject({
      state: 'returned',
      review: [{ action: 'submit' }, { action: 'return', text: '请补充宣传物料的支出票据' }],
    });
    await api().post(`/reports/${draft.id}/accept`).set('authorization', office).send({}).expect(409);
    await api()
      .post(`/reports/${draft.id}/attachments`)
      .set('authorization', grantee)
      .attach('file', Buffer.from('%PDF-1.7\n% 票据\n'), {
        filename: '宣传物料发票.pdf',
        contentType: 'application/pdf',
      })
      .expect(201);
    await api().post(`/reports/${draft.id}/submit`).set('authorization', grantee).expect(200);
    const accepted = await api()
      .post(`/reports/${draft.id}/accept`)
      .set('authorization', office)
      .send({ comments: '同意' })
      .expect(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', attachments: [{}, {}] });
    expect((accepted.body.review as { action: string }[]).map((e) => e.action)).toEqual([
      'submit',
      'return',
      'submit',
      'accept',
    ]);

    const grant = (await api().get(`/grants/${grantId}`).set('authorization', grantee).expect(200)).body;
    expect(grant.budget.lines[0]).toMatchObject({ spentGrantFen: 120_000 });
    const due = (grant.reportSchedule as { period: string }[]).find((r) => r.period === month);
    expect(due).toMatchObject({ reportId: draft.id, state: 'accepted', dueOn: `${monthOf(addDays(today(), -10))}-10` });
    expect((await auditOf(draft.id)).map((e) => e.action)).toEqual([
      'report.create',
      'report.update',
      'report.attachment.add',
      'report.attachment.download',
      'report.submit',
      'report.return',
      'report.attachment.add',
      'report.submit',
      'report.accept',
    ]);
    await api().get(`/reports/${draft.id}`).set('authorization', fixture.projects[1].applicantAuth).expect(404);
  });

  it('refuses an attachment of the wrong type or over 10 MiB, naming the file, and stores nothing', async () => {
    const { grantId, grantee } = await runningGrant();
    const draft = await startReport(grantId, grantee, ReportKind.Monthly, monthOf(today()));
    const wrong = await api()
      .post(`/reports/${draft.id}/attachments`)
      .set('authorization', grantee)
      .attach('file', Buffer.from('PK\u0003\u0004 word document'), {
        filename: '签到表.docx',
        contentType: 'image/png',
      })
      .expect(400);
    expect(wrong.body).toMatchObject({
      reason: 'ATTACHMENT_TYPE',
      field: 'file',
      message_zh: '附件「签到表.docx」不是 PDF、JPEG 或 PNG 文件（按文件内容判断，不看扩展名）',
    });
    const big = await api()
      .post(`/reports/${draft.id}/attachments`)
      .set('authorization', grantee)
      .attach('file', Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]), {
        filename: '活动照片.png',
        contentType: 'image/png',
      })
      .expect(413);
    expect(big.body).toMatchObject({
      reason: 'ATTACHMENT_TOO_LARGE',
      field: 'file',
      message_zh: '附件「活动照片.png」超过 10 MiB，请压缩后再上传',
    });
    const none = await api()
      .post(`/reports/${draft.id}/attachments`)
      .set('authorization', grantee)
      .send({})
      .expect(400);
    expect(none.body.reason).toBe('ATTACHMENT_MISSING');
    expect(await served.db.getRepository(ReportAttachment).countBy({ reportId: draft.id })).toBe(0);
  });

  it('refuses a report the rules do not call for, a month outside the period or not begun, and a second one for a month', async () => {
    const { grantId, grantee } = await runningGrant({
      rules: (rules) => ({
        ...rules,
        grants: { ...rules.grants, reports: { ...rules.grants.reports, midTerm: false } },
      }),
    });
    const midTerm = await api()
      .post(`/grants/${grantId}/reports`)
      .set('authorization', grantee)
      .send({ kind: 'mid-term' })
      .expect(400);
    expect(midTerm.body).toMatchObject({ reason: 'REPORT_KIND_NOT_REQUIRED', field: 'kind' });
    const before = await api()
      .post(`/grants/${grantId}/reports`)
      .set('authorization', grantee)
      .send({ kind: 'monthly', period: monthOf(addDays(today(), -40)) })
      .expect(400);
    expect(before.body).toMatchObject({ reason: 'REPORT_PERIOD_INVALID', field: 'period' });
    const ahead = await api()
      .post(`/grants/${grantId}/reports`)
      .set('authorization', grantee)
      .send({ kind: 'monthly', period: monthOf(addDays(today(), 40)) })
      .expect(409);
    expect(ahead.body.reason).toBe('REPORT_NOT_OPEN_YET');
    const malformed = await api()
      .post(`/grants/${grantId}/reports`)
      .set('authorization', grantee)
      .send({ kind: 'monthly', period: '2027-13' })
      .expect(400);
    expect(malformed.body.field).toBe('period');
    await startReport(grantId, grantee, ReportKind.Monthly, monthOf(today()));
    const twice = await api()
      .post(`/grants/${grantId}/reports`)
      .set('authorization', grantee)
      .send({ kind: 'monthly', period: monthOf(today()) })
      .expect(409);
    expect(twice.body.reason).toBe('REPORT_ALREADY_EXISTS');
  });

  it('makes the tranche waiting for the mid-term report eligible when the office accepts it', async () => {
    const { grantId, grantee, office } = await runningGrant({
      startedDaysAgo: 250,
      rules: (rules) => ({
        ...rules,
        tranches: [
          { labelZh: '签约后拨付', labelEn: 'On signing', percent: 60, condition: { kind: 'on-signing' } },
          {
            labelZh: '中期报告通过后拨付',
            labelEn: 'After the mid-term report',
            percent: 40,
            condition: { kind: 'report-accepted', report: ReportKind.MidTerm },
          },
        ],
      }),
    });
    const report = await startReport(grantId, grantee, ReportKind.MidTerm);
    await api().patch(`/reports/${report.id}`).set('authorization', grantee).send({ narrative: NARRATIVE }).expect(200);
    await api().post(`/reports/${report.id}/submit`).set('authorization', grantee).expect(200);
    const lateness = (await api().get(`/reports/${report.id}`).set('authorization', office).expect(200)).body.daysLate;
    expect(lateness).toBeGreaterThan(0);
    await api().post(`/reports/${report.id}/accept`).set('authorization', office).send({}).expect(200);
    const grant = (await api().get(`/grants/${grantId}`).set('authorization', office).expect(200)).body;
    expect(grant.tranches[1]).toMatchObject({
      state: 'eligible',
      conditionEvidence: { kind: 'report', reportId: report.id },
    });
  });

  it('moves money between budget lines on an approved request, keeping every version; refusals name the problem', async () => {
    const { grantId, grantee, office, fixture } = await runningGrant();
    const grant = (await api().get(`/grants/${grantId}`).set('authorization', grantee).expect(200)).body;
    const current = (grant.budget.lines as Line[]).map(({ item, kind, grantFen, matchingFen }) => ({
      item,
      kind,
      grantFen,
      matchingFen,
    }));
    const moved = current.map((line, i) =>
      i === 2
        ? { ...line, grantFen: line.grantFen - 200_000 }
        : i === 1
          ? { ...line, grantFen: line.grantFen + 200_000 }
          : line,
    );
    const raised = current.map((line, i) => (i === 0 ? { ...line, grantFen: line.grantFen + 1 } : line));
    const bad = await api()
      .post(`/grants/${grantId}/budget-changes`)
      .set('authorization', grantee)
      .send({ lines: raised, reason: '多报一分' })
      .expect(400);
    expect(bad.body).toMatchObject({
      reason: 'BUDGET_CHANGE_INVALID',
      message_zh: '调整后资助资金合计须与资助金额相等',
    });
    const requested = await api()
      .post(`/grants/${grantId}/budget-changes`)
      .set('authorization', grantee)
      .send({ lines: moved, reason: '宣传物料由街道统一印制，节余 2,000 元转入志愿者培训' })
      .expect(201);
    expect(requested.body).toMatchObject({ state: 'pending', baseVersion: 1, currentLines: current });
    const second = await api()
      .post(`/grants/${grantId}/budget-changes`)
      .set('authorization', grantee)
      .send({ lines: moved, reason: '再申请' })
      .expect(409);
    expect(second.body.reason).toBe('BUDGET_CHANGE_PENDING');
    const pending = await api().get('/budget-changes?state=pending').set('authorization', office).expect(200);
    expect((pending.body.items as { id: string }[]).map((c) => c.id)).toContain(requested.body.id);
    const ofThisCompetition = await api()
      .get(`/budget-changes?state=pending&competitionId=${fixture.competition.id}`)
      .set('authorization', office)
      .expect(200);
    expect((ofThisCompetition.body.items as { id: string }[]).map((c) => c.id)).toEqual([requested.body.id]);
    const ofAnother = await api()
      .get(`/budget-changes?state=pending&competitionId=${randomUUID()}`)
      .set('authorization', office)
      .expect(200);
    expect(ofAnother.body.items).toEqual([]);

    const approved = await api()
      .post(`/budget-changes/${requested.body.id}/approve`)
      .set('authorization', office)
      .send({ reason: '同意' })
      .expect(200);
    expect(approved.body.state).toBe('approved');
    await api()
      .post(`/budget-changes/${requested.body.id}/refuse`)
      .set('authorization', office)
      .send({ reason: '改判' })
      .expect(409);
    const after = (await api().get(`/grants/${grantId}`).set('authorization', grantee).expect(200)).body;
    expect(after.budget.version).toBe(2);
    expect((after.budget.lines as Line[]).map((l) => l.grantFen)).toEqual(moved.map((l) => l.grantFen));
    expect(
      (after.budget.history as { version: number; changeId: string | null }[]).map((v) => [v.version, v.changeId]),
    ).toEqual([
      [1, null],
      [2, requested.body.id],
    ]);

    const again = await api()
      .post(`/grants/${grantId}/budget-changes`)
      .set('authorization', grantee)
      .send({ lines: current, reason: '恢复原预算' })
      .expect(201);
    const refused = await api()
      .post(`/budget-changes/${again.body.id}/refuse`)
      .set('authorization', office)
      .send({ reason: '培训已按新预算实施' })
      .expect(200);
    expect(refused.body).toMatchObject({ state: 'refused', decisionReason: '培训已按新预算实施' });
    expect((await api().get(`/grants/${grantId}`).set('authorization', grantee).expect(200)).body.budget.version).toBe(
      2,
    );
  });

  it('on termination refunds what was paid beyond the grant spending accepted reports show', async () => {
    const { fixture, grantId, grantee, office } = await runningGrant({ startedDaysAgo: 40 });
    const [first] = (await api().get(`/grants/${grantId}`).set('authorization', office).expect(200)).body.tranches;
    await api().post(`/tranches/${first.id}/approve`).set('authorization', office).expect(200);
    await api()
      .post(`/tranches/${first.id}/pay`)
      .set('authorization', fixture.clerks[1].auth)
      .send({ voucherNumber: `退款-${grantId.slice(0, 8)}`, paidOn: today() })
      .expect(200);
    const report = await startReport(grantId, grantee, ReportKind.Monthly, monthOf(addDays(today(), -40)));
    await api()
      .patch(`/reports/${report.id}`)
      .set('authorization', grantee)
      .send({ narrative: NARRATIVE, spending: spending(3, 400_000) })
      .expect(200);
    await api().post(`/reports/${report.id}/submit`).set('authorization', grantee).expect(200);
    await api().post(`/reports/${report.id}/accept`).set('authorization', office).send({}).expect(200);
    const ended = await api()
      .post(`/grants/${grantId}/terminate`)
      .set('authorization', office)
      .send({ reason: '社区换届，项目无法继续', basis: 'unspent' })
      .expect(200);
    expect(ended.body.refunds).toMatchObject([{ amountFen: 1_100_000, basis: 'unspent' }]);
    const closed = await api()
      .post(`/grants/${grantId}/reports`)
      .set('authorization', grantee)
      .send({ kind: 'monthly', period: monthOf(today()) })
      .expect(409);
    expect(closed.body.reason).toBe('GRANT_CLOSED');
    expect(await served.db.getRepository(GrantReport).countBy({ grantId })).toBe(1);
  });
});
