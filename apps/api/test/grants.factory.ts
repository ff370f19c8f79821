import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompetitionRules, CompetitionState, DEFAULT_TENANT_ID, Role } from '@app/domain';
import { addDays, beijingDate } from '@app/grants';
import { Agreement, AppUser, Competition, Publication } from '@app/persistence';
import { createUser } from './factories';
import { AllocatedFixture, ProjectFixture, allocatedCompetition, bearerOf } from './publicity.factory';

export const PAYEE = {
  accountName: '佛山市三水区西南街道五顶岗社区居民委员会',
  bankName: '中国农业银行佛山三水西南支行',
  accountNumber: '44520101040012345',
};

/** A PNG's first bytes: what a phone photo of a sign-in sheet starts with. */
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512, 7)]);

/**
 * 沙头 · 卫生保健类 as an applicant posts it: a grantee's proposal for the next year's round (what
 * eligibility is checked on), and any valid proposal where only who may post it matters.
 */
export const SHATOU_PROPOSAL = {
  title: '党群心连心·关爱母婴行',
  category: 'health',
  summary: '为辖区孕产妇提供健康讲座和上门探访。',
  needAddressed: '沙头社区新生儿家庭 80 户，缺少产后支持。',
  beneficiaries: { who: '孕产妇家庭', count: 80 },
  targets: ['开展健康讲座 12 场'],
  requestedFen: 2_000_000,
  matchingFen: 500_000,
  budgetLines: [
    { item: '讲座场地与物料', kind: '物资', amountFen: 1_500_000 },
    { item: '上门探访交通', kind: '交通', amountFen: 1_000_000 },
  ],
  milestones: [{ title: '完成首轮探访', due: '2027-09-30' }],
};

export interface OfficeClerk {
  readonly user: AppUser;
  readonly auth: string;
}

export interface SignedProject extends ProjectFixture {
  readonly agreement: Agreement;
}

export interface SignedFixture extends Omit<AllocatedFixture, 'funded'> {
  readonly funded: readonly SignedProject[];
  /** Two office accounts: one approves, the other pays. */
  readonly clerks: readonly [OfficeClerk, OfficeClerk];
}

export interface SignedOptions {
  /** The project period starts this many days before today (the project year already under way). */
  readonly startedDaysAgo?: number;
  readonly rules?: (rules: CompetitionRules) => CompetitionRules;
  /** Leave the agreements generated, not yet signed. */
  readonly unsigned?: boolean;
}

export async function officeClerk(app: NestFastifyApplication): Promise<OfficeClerk> {
  const user = await createUser(app.get(DataSource), Role.Office);
  return {
    user,
    auth: bearerOf(app, { kind: 'user', userId: user.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID }),
  };
}

/**
 * An awarded competition whose funded projects each have a signed Chinese agreement waiting for the
 * office to accept it (rows written directly, as the worker and the grantee's upload leave them).
 */
export async function signedCompetition(
  app: NestFastifyApplication,
  grants: readonly number[],
  options: SignedOptions = {},
): Promise<SignedFixture> {
  const db = app.get(DataSource);
  const clerks = [await officeClerk(app), await officeClerk(app)] as const;
  const allocated = await allocatedCompetition(app, clerks[0].user.id, grants, 1);
  const rules = options.rules ? options.rules(allocated.competition.rules) : allocated.competition.rules;
  const competition = await db.getRepository(Competition).save({
    ...allocated.competition,
    state: CompetitionState.Awarded,
    rules,
  });
  await db.getRepository(Publication).save({
    competitionId: competition.id,
    runId: allocated.run.id,
    startsAt: new Date(Date.now() - 8 * 24 * 3600 * 1000),
    endsAt: new Date(Date.now() - 24 * 3600 * 1000),
    publishedBy: clerks[0].user.id,
    supersededAt: null,
  });
  const start = addDays(beijingDate(new Date()), -(options.startedDaysAgo ?? 0));
  const funded: SignedProject[] = [];
  for (const [i, project] of allocated.funded.entries()) {
    const pdf = Buffer.from(`%PDF-1.7\n% agreement ${i + 1}\n`);
    const agreement = await db.getRepository(Agreement).save({
      competitionId: competition.id,
      submissionId: project.submission.id,
      runId: allocated.run.id,
      sequence: i + 1,
      number: `GYCT-2026-${String(i + 1).padStart(4, '0')}`,
      version: 1,
      status: options.unsigned ? 'generated' : 'signed',
      locale: 'zh',
      grantFen: project.result.grantFen,
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      sizeBytes: pdf.length,
      signedScan: options.unsigned ? null : PNG,
      signedAt: options.unsigned ? null : new Date(),
      periodStart: start,
      periodEnd: addDays(start, 364),
    });
    funded.push({ ...project, agreement });
  }
  return { ...allocated, competition, funded, clerks };
}

/** Accepts every signed agreement as the first clerk; returns the grants' ids in agreement order. */
export async function acceptAll(app: NestFastifyApplication, fixture: SignedFixture): Promise<string[]> {
  const ids: string[] = [];
  for (const project of fixture.funded) {
    const response = await request(app.getHttpServer())
      .post(`/agreements/${project.agreement.id}/grant`)
      .set('authorization', fixture.clerks[0].auth)
      .expect(201);
    ids.push(response.body.id as string);
  }
  return ids;
}

/** Every agreement accepted and each grantee's account entered: the first tranches are eligible. */
export async function readyGrants(
  app: NestFastifyApplication,
  grants: readonly number[] = [3_000_001],
  options: SignedOptions = {},
): Promise<{ fixture: SignedFixture; grantIds: string[] }> {
  const fixture = await signedCompetition(app, grants, options);
  const grantIds = await acceptAll(app, fixture);
  for (const [i, id] of grantIds.entries()) {
    await request(app.getHttpServer())
      .put(`/grants/${id}/payee`)
      .set('authorization', fixture.funded[i].applicantAuth)
      .send(PAYEE)
      .expect(200);
  }
  return { fixture, grantIds };
}

/** Pays a grant's first tranche with the two signatures: the first clerk approves, the second pays. */
export async function payFirstTranche(
  app: NestFastifyApplication,
  fixture: SignedFixture,
  grantId: string,
  voucher: string,
): Promise<void> {
  const api = () => request(app.getHttpServer());
  const grant = await api().get(`/grants/${grantId}`).set('authorization', fixture.clerks[0].auth).expect(200);
  const [first] = grant.body.tranches as { id: string }[];
  await api().post(`/tranches/${first.id}/approve`).set('authorization', fixture.clerks[0].auth).expect(200);
  await api()
    .post(`/tranches/${first.id}/pay`)
    .set('authorization', fixture.clerks[1].auth)
    .send({ voucherNumber: voucher, paidOn: beijingDate(new Date()) })
    .expect(200);
}

/** A PDF's text as pdftotext reads it, with the spaces of the layout removed. */
export function pdfWords(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'grants-e2e-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A binary response body as a Buffer (supertest parses only text and JSON by itself). */
export function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
