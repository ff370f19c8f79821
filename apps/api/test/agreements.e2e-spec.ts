import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue, QueueEvents } from 'bullmq';
import request from 'supertest';
import { DataSource, Not } from 'typeorm';
import { CompetitionState, DEFAULT_TENANT_ID, Role } from '@app/domain';
import { Agreement, AuditEvent, Competition, Publication } from '@app/persistence';
import { JOB_OPTIONS, JobName, QueueName, RenderAgreementsPayload, redisOptionsFor } from '@app/queue';
import { toChineseCapitalAmount } from '@app/reports';
import { IsolatedDatabase, createIsolatedDatabase, until } from '@app/testing';
import { createUser } from './factories';
import {
  AllocatedFixture,
  ProjectFixture,
  allocatedCompetition,
  bearerOf,
  endPublicityPeriod,
} from './publicity.factory';
import { startTestApp } from './test-app';
import { WorkerProcess, startWorkerProcess } from './worker-process';

/** A per-file queue namespace: parallel test files never take each other's jobs. */
const PREFIX = `agreements-${randomUUID().slice(0, 8)}`;
const GRANTS = [3_000_000, 3_000_000, 2_500_000, 1_284_550] as const;

function pdfText(pdf: Buffer): { text: string; qpdfStatus: number | null; qpdfOutput: string } {
  const dir = mkdtempSync(join(tmpdir(), 'agreement-e2e-'));
  try {
    const file = join(dir, 'agreement.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const qpdf = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    return { text, qpdfStatus: qpdf.status, qpdfOutput: `${qpdf.stdout}${qpdf.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Entry names and contents of a ZIP, read back with Info-ZIP as a person would. */
function unzip(zip: Buffer): { names: string[]; read: (name: string) => Buffer; test: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'agreements-zip-'));
  const file = join(dir, 'agreements.zip');
  writeFileSync(file, zip);
  const listing = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' });
  const test = spawnSync('unzip', ['-tq', file]).status;
  const entries = new Map<string, Buffer>();
  for (const name of listing.split('\n').filter(Boolean)) {
    entries.set(name, execFileSync('unzip', ['-p', file, name], { maxBuffer: 64 * 1024 * 1024 }));
  }
  rmSync(dir, { recursive: true, force: true });
  return { names: [...entries.keys()], read: (name) => entries.get(name) as Buffer, test };
}

const flatten = (text: string) => text.replace(/\s+/g, '');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('agreements (协议书): award → render → download → sign', () => {
  let database: IsolatedDatabase;
  let app: NestFastifyApplication;
  let worker: WorkerProcess;
  let queue: Queue;
  let events: QueueEvents;
  let db: DataSource;
  let officeId: string;
  let officeAuth: string;

  const api = () => request(app.getHttpServer());
  const current = (competitionId: string) =>
    db.getRepository(Agreement).find({
      where: { competitionId, status: Not('void') },
      order: { sequence: 'ASC' },
    });
  const downloadsOf = (agreementId: string) =>
    db
      .getRepository(AuditEvent)
      .findBy({ subjectType: 'agreement', subjectId: agreementId, action: 'agreement.download' });
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]);
  const uploadScan = (agreement: Agreement, by: ProjectFixture, file = png, filename = '协议书签字页.png') =>
    api()
      .post(`/agreements/${agreement.id}/signed-scan`)
      .set('authorization', by.applicantAuth)
      .attach('file', file, { filename, contentType: 'image/png' });

  /**
   * allocated → published → an objection, rejected → the period ends → the worker's tick awards →
   * the API relays the agreements job → the worker renders one agreement per funded project.
   */
  async function awardedCompetition(): Promise<AllocatedFixture & { agreements: Agreement[] }> {
    const fixture = await allocatedCompetition(app, officeId, GRANTS, 2);
    const publicationId = (
      await api()
        .post(`/competitions/${fixture.competition.id}/publication`)
        .set('authorization', officeAuth)
        .expect(201)
    ).body.id as string;
    const objection = await api()
      .post(`/publications/${publicationId}/objections`)
      .set('authorization', fixture.projects[4].applicantAuth)
      .send({ submissionId: fixture.projects[4].submission.id, reason: '我单位项目得分计算有误，请复核。' })
      .expect(201);
    await api()
      .post(`/objections/${objection.body.id}/answer`)
      .set('authorization', officeAuth)
      .send({ decision: 'rejected', answer: '经复核，得分计算无误，维持原结果。' })
      .expect(200);
    await endPublicityPeriod(db, publicationId);
    // The minute's scheduled tick may get there first; either way the worker awards it.
    const tick = await queue.add(JobName.ClosePublicity, {}, JOB_OPTIONS[JobName.ClosePublicity]);
    await tick.waitUntilFinished(events, 30_000);
    await until('the award', async () =>
      (await db.getRepository(Competition).findOneByOrFail({ id: fixture.competition.id })).state ===
      CompetitionState.Awarded
        ? true
        : undefined,
    );
    const agreements = await until(
      'every agreement',
      async () => {
        const rows = await current(fixture.competition.id);
        return rows.length === GRANTS.length ? rows : undefined;
      },
      { withinMs: 60_000, everyMs: 100 },
    );
    return { ...fixture, agreements };
  }

  beforeAll(async () => {
    database = await createIsolatedDatabase(process.env.DATABASE_URL as string, 'agreements');
    app = await startTestApp({ DATABASE_URL: database.url, QUEUE_PREFIX: PREFIX });
    worker = await startWorkerProcess({ DATABASE_URL: database.url, QUEUE_PREFIX: PREFIX });
    const connection = redisOptionsFor(process.env.REDIS_URL as string, 'worker');
    queue = new Queue(QueueName.Agreements, { connection, prefix: PREFIX });
    events = new QueueEvents(QueueName.Agreements, { connection, prefix: PREFIX });
    await events.waitUntilReady();
    db = app.get(DataSource);
    const office = await createUser(db, Role.Office);
    officeId = office.id;
    officeAuth = bearerOf(app, { kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID });
  }, 120_000);

  afterAll(async () => {
    await queue?.removeJobScheduler('publicity-close-expired');
    await events?.close();
    await queue?.close();
    await worker?.stop();
    await app?.close();
    await database?.drop();
  });

  it('renders one agreement per funded project, numbered GYCT-YYYY-0001..n in rank order without gaps', async () => {
    const fixture = await awardedCompetition();
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
      fixture.competition.createdAt,
    );
    const list = await api()
      .get(`/competitions/${fixture.competition.id}/agreements`)
      .set('authorization', officeAuth)
      .expect(200);
    expect(list.body).toMatchObject({ expected: GRANTS.length, rendered: GRANTS.length, runId: fixture.run.id });
    const items = list.body.items as {
      number: string;
      submissionId: string;
      grantFen: number;
      status: string;
      version: number;
      sha256: string;
    }[];
    expect(items.map((a) => [a.number, a.submissionId, a.grantFen, a.status, a.version])).toEqual(
      fixture.funded.map((p, i) => [
        `GYCT-${year}-${String(i + 1).padStart(4, '0')}`,
        p.submission.id,
        GRANTS[i],
        'generated',
        1,
      ]),
    );
    expect(items.every((a) => /^[0-9a-f]{64}$/.test(a.sha256))).toBe(true);
    const job = await until('the render job to complete', async () => {
      const found = await queue.getJob(`agreements-${fixture.run.id}-1`);
      return found && (await found.isCompleted()) ? found : undefined;
    });
    expect(job.progress).toMatchObject({ done: GRANTS.length, total: GRANTS.length });
  });

  it('the office downloads a PDF that reads back with the title, the amount and its 大写, and passes qpdf', async () => {
    const fixture = await awardedCompetition();
    const [, , , partly] = fixture.agreements;
    const response = await api()
      .get(`/agreements/${partly.id}/pdf`)
      .set('authorization', officeAuth)
      .buffer(true)
      .parse(binary)
      .expect(200)
      .expect('content-type', 'application/pdf');
    const pdf = response.body as Buffer;
    expect(sha256(pdf)).toBe(partly.sha256);
    expect(response.headers['x-content-sha256']).toBe(partly.sha256);
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${partly.number}-${fixture.funded[3].submission.title}.pdf`)}`,
    );
    const { text, qpdfStatus, qpdfOutput } = pdfText(pdf);
    expect({ qpdfStatus, qpdfOutput }).toMatchObject({ qpdfStatus: 0 });
    const flat = flatten(text);
    expect(flat).toContain(fixture.funded[3].submission.title);
    expect(flat).toContain('¥12,845.50');
    expect(toChineseCapitalAmount(1_284_550)).toBe('壹万贰仟捌佰肆拾伍元伍角整');
    expect(flat).toContain('人民币壹万贰仟捌佰肆拾伍元伍角整');
    expect(flat).toContain(partly.number);
    expect(flat).toContain(fixture.funded[3].organization.name.replace(/\s+/g, ''));
    expect(text).toMatch(/第 1 页 \/ 共 \d 页/);
    expect(await downloadsOf(partly.id)).toEqual([
      expect.objectContaining({
        actorType: 'office',
        actorId: officeId,
        after: expect.objectContaining({ via: 'pdf' }),
      }),
    ]);
  });

  it('streams a ZIP with one PDF per funded project, named <number>-<title>.pdf, each download audited', async () => {
    const fixture = await awardedCompetition();
    const { agreements } = fixture;
    const before = await Promise.all(agreements.map(async (a) => (await downloadsOf(a.id)).length));
    const response = await api()
      .get(`/competitions/${fixture.competition.id}/agreements.zip`)
      .set('authorization', officeAuth)
      .buffer(true)
      .parse(binary)
      .expect(200)
      .expect('content-type', 'application/zip');
    const zip = unzip(response.body as Buffer);
    expect(zip.test).toBe(0);
    expect(zip.names).toEqual(agreements.map((a, i) => `${a.number}-${fixture.funded[i].submission.title}.pdf`));
    for (const [i, agreement] of agreements.entries()) {
      expect(sha256(zip.read(zip.names[i]))).toBe(agreement.sha256);
      const downloads = await downloadsOf(agreement.id);
      expect(downloads).toHaveLength(before[i] + 1);
      expect(downloads.at(-1)).toMatchObject({ actorId: officeId, after: { via: 'zip', number: agreement.number } });
    }
  });

  it('a winning applicant downloads only its own agreement; others get 404, 403 or 401', async () => {
    const fixture = await awardedCompetition();
    const [mine, theirs] = fixture.agreements;
    const winner = fixture.funded[0];
    const loser = fixture.projects[5];
    await api().get(`/agreements/${theirs.id}/pdf`).set('authorization', winner.applicantAuth).expect(404);
    await api().get(`/agreements/${mine.id}/pdf`).set('authorization', loser.applicantAuth).expect(404);
    await api().get(`/agreements/${mine.id}`).set('authorization', loser.applicantAuth).expect(404);
    await api()
      .get(`/submissions/${winner.submission.id}/agreement`)
      .set('authorization', loser.applicantAuth)
      .expect(404);
    const judge = bearerOf(app, {
      kind: 'judge',
      role: Role.Judge,
      judgeId: randomUUID(),
      roadshowId: randomUUID(),
      sessionId: randomUUID(),
    });
    await api().get(`/agreements/${mine.id}/pdf`).set('authorization', judge).expect(403);
    await api().get(`/agreements/${mine.id}/pdf`).expect(401);
    await api().get(`/agreements/${randomUUID()}/pdf`).set('authorization', officeAuth).expect(404);
    for (const path of ['agreements', 'agreements.zip']) {
      await api()
        .get(`/competitions/${fixture.competition.id}/${path}`)
        .set('authorization', winner.applicantAuth)
        .expect(403);
    }
    await api()
      .post(`/competitions/${fixture.competition.id}/agreements/regenerate`)
      .set('authorization', winner.applicantAuth)
      .expect(403);
    // Refused attempts download nothing.
    expect(await downloadsOf(mine.id)).toEqual([]);

    const first = await api()
      .get(`/agreements/${mine.id}/pdf`)
      .set('authorization', winner.applicantAuth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(sha256(first.body as Buffer)).toBe(mine.sha256);
    const meta = await api()
      .get(`/submissions/${winner.submission.id}/agreement`)
      .set('authorization', winner.applicantAuth)
      .expect(200);
    expect(meta.body).toMatchObject({ id: mine.id, number: mine.number, status: 'downloaded', grantFen: GRANTS[0] });
    await api().get(`/agreements/${mine.id}/pdf`).set('authorization', winner.applicantAuth).expect(200);
    const downloads = await downloadsOf(mine.id);
    expect(downloads.filter((d) => d.actorId === winner.applicant.id)).toEqual([
      expect.objectContaining({ actorType: 'applicant', before: { status: 'generated' } }),
      expect.objectContaining({ actorType: 'applicant', before: null }),
    ]);
    await api()
      .get(`/submissions/${loser.submission.id}/agreement`)
      .set('authorization', loser.applicantAuth)
      .expect(404);
  });

  it('refuses a malformed upload as a 400 naming file, leaving the agreement and the audit log as they were', async () => {
    const fixture = await awardedCompetition();
    const [, , third] = fixture.agreements;
    const winner = fixture.funded[2];
    const audits = () => db.getRepository(AuditEvent).countBy({ subjectType: 'agreement', subjectId: third.id });
    const before = await audits();
    const part = (disposition: string, content: string) =>
      `--XX\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: application/pdf\r\n\r\n${content}`;
    const uploads: [string, string, string, string][] = [
      ['no boundary', 'multipart/form-data', '%PDF-1.7 签字盖章', 'MALFORMED_MULTIPART'],
      ['garbage', 'multipart/form-data; boundary=XX', 'not multipart at all', 'MALFORMED_MULTIPART'],
      [
        'cut short',
        'multipart/form-data; boundary=XX',
        part('name="file"; filename="scan.pdf"', '%PDF-1.7 签'),
        'MALFORMED_MULTIPART',
      ],
      [
        'a control character in the file name',
        'multipart/form-data; boundary=XX',
        `${part('name="file"; filename="scan\u0001.pdf"', '%PDF-1.7\n')}\r\n--XX--\r\n`,
        'INVALID_FILENAME',
      ],
    ];
    for (const [, contentType, body, reason] of uploads) {
      const response = await api()
        .post(`/agreements/${third.id}/signed-scan`)
        .set('authorization', winner.applicantAuth)
        .set('content-type', contentType)
        .send(body)
        .expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', reason, field: 'file' });
      expect(response.body.message_zh).toEqual(expect.any(String));
    }
    expect((await db.getRepository(Agreement).findOneByOrFail({ id: third.id })).status).toBe(third.status);
    expect(await audits()).toBe(before);
  });

  it('takes the signed scan (PDF/JPEG/PNG by content, ≤ 10 MiB) from the winner and marks the agreement signed', async () => {
    const fixture = await awardedCompetition();
    const [, second] = fixture.agreements;
    const winner = fixture.funded[1];
    const path = `/agreements/${second.id}/signed-scan`;

    const fake = await api()
      .post(path)
      .set('authorization', winner.applicantAuth)
      .attach('file', Buffer.from('MZ this is not a scan'), { filename: 'scan.pdf', contentType: 'application/pdf' })
      .expect(400);
    expect(fake.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    const huge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
    const tooLarge = await api()
      .post(path)
      .set('authorization', winner.applicantAuth)
      .attach('file', huge, { filename: 'scan.pdf', contentType: 'application/pdf' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.field).toBe('file');
    const none = await api().post(path).set('authorization', winner.applicantAuth).send({ file: 'x' }).expect(400);
    expect(none.body.field).toBe('file');
    await uploadScan(second, fixture.funded[0]).expect(404);
    await api().post(path).set('authorization', officeAuth).attach('file', png, 'scan.png').expect(403);

    // 199 UTF-16 units, then an emoji (a surrogate pair) across the 200 the audit log keeps.
    const longName = `${'协议书签字页'.repeat(33)}页🏮.png`;
    const signed = await uploadScan(second, winner, png, longName).expect(200);
    expect(signed.body).toMatchObject({ id: second.id, status: 'signed', signedAt: expect.any(String) });
    await uploadScan(second, winner, png, 'again.png').expect(409);
    const scan = await api()
      .get(path)
      .set('authorization', officeAuth)
      .buffer(true)
      .parse(binary)
      .expect(200)
      .expect('content-type', 'image/png');
    expect(sha256(scan.body as Buffer)).toBe(sha256(png));
    const [audit] = await db
      .getRepository(AuditEvent)
      .findBy({ subjectType: 'agreement', subjectId: second.id, action: 'agreement.sign' });
    expect(audit).toMatchObject({
      actorType: 'applicant',
      actorId: winner.applicant.id,
      after: {
        status: 'signed',
        scan: { contentType: 'image/png', sha256: sha256(png), filename: longName.slice(0, 199) },
      },
    });
  });

  it('a render job delivered again renders nothing new: one current agreement per funded project', async () => {
    const fixture = await awardedCompetition();
    const data: RenderAgreementsPayload = {
      competitionId: fixture.competition.id,
      runId: fixture.run.id,
      generation: 1,
    };
    const before = await db.getRepository(Agreement).countBy({ competitionId: fixture.competition.id });
    // As BullMQ redelivers a job whose worker stalled: the same payload under another delivery.
    const deliver = async (attempt: string) =>
      (
        await queue.add(JobName.RenderAgreements, data, {
          ...JOB_OPTIONS[JobName.RenderAgreements],
          jobId: `agreements-${fixture.run.id}-1-${attempt}`,
        })
      ).waitUntilFinished(events, 60_000) as Promise<{ total: number; rendered: number; skipped: number }>;
    const again = await deliver('again');
    const twice = await deliver('twice');
    expect(again).toMatchObject({ total: GRANTS.length, rendered: 0, skipped: GRANTS.length });
    expect(twice).toMatchObject({ rendered: 0, skipped: GRANTS.length });
    expect(await db.getRepository(Agreement).countBy({ competitionId: fixture.competition.id })).toBe(before);
    const perProject: { n: number }[] = await db.query(
      `SELECT submission_id, count(*)::int AS n FROM agreement WHERE competition_id = $1 AND status <> 'void' GROUP BY 1`,
      [fixture.competition.id],
    );
    expect(perProject).toHaveLength(GRANTS.length);
    expect(perProject.every((r) => r.n === 1)).toBe(true);
  });

  it('regenerates: voids the current versions (signed ones stay), renders version 2 under the same numbers', async () => {
    const fixture = await awardedCompetition();
    await uploadScan(fixture.agreements[1], fixture.funded[1]).expect(200);
    const before = await current(fixture.competition.id);
    const signed = before.filter((a) => a.status === 'signed');
    expect(signed).toHaveLength(1);
    const response = await api()
      .post(`/competitions/${fixture.competition.id}/agreements/regenerate`)
      .set('authorization', officeAuth)
      .expect(202);
    expect(response.body).toEqual({
      generation: 2,
      jobId: `agreements-${fixture.run.id}-2`,
      voided: GRANTS.length - 1,
      keptSigned: 1,
    });
    const after = await until('the new versions', async () => {
      const rows = await current(fixture.competition.id);
      return rows.length === GRANTS.length && rows.filter((a) => a.version === 2).length === GRANTS.length - 1
        ? rows
        : undefined;
    });
    expect(after.map((a) => a.number)).toEqual(before.map((a) => a.number));
    for (const agreement of after) {
      const previous = before.find((a) => a.submissionId === agreement.submissionId) as Agreement;
      expect(agreement.sequence).toBe(previous.sequence);
      if (previous.status === 'signed') {
        expect(agreement).toMatchObject({ id: previous.id, version: 1, status: 'signed' });
      } else {
        expect(agreement).toMatchObject({ version: 2, status: 'generated' });
      }
    }
    expect(await db.getRepository(Agreement).countBy({ competitionId: fixture.competition.id, status: 'void' })).toBe(
      GRANTS.length - 1,
    );
    const voided = before.find((a) => a.status !== 'signed') as Agreement;
    await api().get(`/agreements/${voided.id}/pdf`).set('authorization', fixture.funded[0].applicantAuth).expect(404);
    await api().get(`/agreements/${voided.id}/pdf`).set('authorization', officeAuth).expect(200);
  });

  it('renders the English agreement beside the Chinese one when the rules ask for it; the applicant signs the Chinese one', async () => {
    const bilingual = await allocatedCompetition(app, officeId, [1_284_550], 0);
    const rules = bilingual.competition.rules;
    await db.getRepository(Competition).save({
      ...bilingual.competition,
      state: CompetitionState.Awarded,
      rules: { ...rules, grants: { ...rules.grants, agreementLocales: ['zh', 'en'] } },
    });
    await db.getRepository(Publication).save({
      competitionId: bilingual.competition.id,
      runId: bilingual.run.id,
      startsAt: new Date(Date.now() - 8 * 24 * 3600 * 1000),
      endsAt: new Date(Date.now() - 24 * 3600 * 1000),
      publishedBy: officeId,
      supersededAt: null,
    });
    const render = await queue.add(
      JobName.RenderAgreements,
      { competitionId: bilingual.competition.id, runId: bilingual.run.id, generation: 1 },
      { ...JOB_OPTIONS[JobName.RenderAgreements], jobId: `bilingual-${bilingual.competition.id}` },
    );
    expect(await render.waitUntilFinished(events, 60_000)).toMatchObject({ total: 2, rendered: 2 });
    const list = await api()
      .get(`/competitions/${bilingual.competition.id}/agreements`)
      .set('authorization', officeAuth)
      .expect(200);
    expect(list.body).toMatchObject({ expected: 2, rendered: 2 });
    const items = list.body.items as { id: string; number: string; locale: string; projectTitle: string }[];
    expect(items.map((a) => [a.number, a.locale])).toEqual([
      [items[0].number, 'zh'],
      [items[0].number, 'en'],
    ]);
    const english = items[1];
    const pdf = await api()
      .get(`/agreements/${english.id}/pdf`)
      .set('authorization', officeAuth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const { text } = pdfText(pdf.body);
    expect(text).toContain('Project Funding Agreement');
    expect(text).toContain('In case of discrepancy the Chinese text prevails');
    const own = await api()
      .get(`/submissions/${bilingual.funded[0].submission.id}/agreement`)
      .set('authorization', bilingual.funded[0].applicantAuth)
      .expect(200);
    expect(own.body).toMatchObject({ locale: 'zh', id: items[0].id });
    const zip = await api()
      .get(`/competitions/${bilingual.competition.id}/agreements.zip`)
      .set('authorization', officeAuth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(unzip(zip.body).names.sort()).toEqual([
      `${english.number}-${english.projectTitle}-en.pdf`,
      `${english.number}-${english.projectTitle}.pdf`,
    ]);
  });

  it('refuses to regenerate before the award', async () => {
    const other = await allocatedCompetition(app, officeId, [3_000_000], 0);
    const response = await api()
      .post(`/competitions/${other.competition.id}/agreements/regenerate`)
      .set('authorization', officeAuth)
      .expect(409);
    expect(response.body.message_zh).toContain('只有已立项的大赛');
  });
});
