import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  COMPETITION_PRESETS,
  CompetitionState,
  DEFAULT_TENANT_ID,
  JudgeGroup,
  OrganizationKind,
  Role,
  ScreeningStatus,
  SubmissionState,
} from '@app/domain';
import { AppUser, Competition, Judge, JudgeSession, Organization, Roadshow, Submission } from '@app/persistence';
import { Actor } from '../src/auth/actor';
import { hashPassword } from '../src/auth/password-hasher';

/**
 * Rows written straight to the database, so a test of one feature does not depend on another
 * feature's endpoints. Realistic Chinese data (佛山三水西南街道 2017 党建项目创投大赛).
 */
export const TEST_PASSWORD = 'correct horse 电池 staple';
let passwordHash: Promise<string> | undefined;

function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createUser(
  db: DataSource,
  role: Role.Office | Role.Admin | Role.Applicant,
  organizationId: string | null = null,
): Promise<AppUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db.getRepository(AppUser).save({
    role,
    login: unique(role),
    displayName: role === Role.Office ? '西南街道党工委 办公室' : '申报人',
    passwordHash: await passwordHash,
    organizationId,
    tenantId: role === Role.Office ? DEFAULT_TENANT_ID : null,
  });
}

export async function createOrganization(db: DataSource, overrides: Partial<Organization> = {}): Promise<Organization> {
  return db.getRepository(Organization).save({
    kind: OrganizationKind.Community,
    name: '五顶岗社区居民委员会',
    community: '五顶岗',
    district: '佛山市三水区西南街道',
    contactName: '李敏',
    contactPhone: '0757-87712345',
    creditCode: null,
    ...overrides,
  });
}

export async function createCompetition(
  db: DataSource,
  createdBy: string,
  overrides: Partial<Competition> = {},
): Promise<Competition> {
  return db.getRepository(Competition).save({
    tenantId: DEFAULT_TENANT_ID,
    title: '2026年 "红色核动力" 党建项目创投大赛',
    state: CompetitionState.Open,
    poolFen: 30_000_000,
    rules: COMPETITION_PRESETS['party-building'],
    rulesVersion: 1,
    rulesFrozenAt: null,
    grantor: {
      name: '中共佛山市三水区西南街道工作委员会',
      address: '佛山市三水区西南街道广海大道西',
      representative: '王建国',
    },
    submissionDeadline: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    createdBy,
    ...overrides,
  });
}

export async function createSubmission(
  db: DataSource,
  competitionId: string,
  organizationId: string,
  createdBy: string,
  overrides: Partial<Submission> = {},
): Promise<Submission> {
  return db.getRepository(Submission).save({
    competitionId,
    organizationId,
    title: '发挥先锋作用·真情服务群众',
    category: 'convenience',
    summary: '组织党员志愿者为辖区老人提供上门维修、代购和陪诊服务。',
    needAddressed: '辖区独居老人 120 户，日常维修和就医陪同需求集中。',
    beneficiaries: { who: '独居老人', count: 120 },
    targets: ['每月上门服务不少于 40 户次', '建立 30 人党员志愿服务队'],
    requestedFen: 3_000_000,
    matchingFen: 500_000,
    budgetTotalFen: 3_500_000,
    budgetLines: [
      { item: '维修工具与耗材', kind: '物资', amountFen: 1_500_000 },
      { item: '志愿者培训', kind: '培训', amountFen: 1_000_000 },
      { item: '宣传物料', kind: '宣传', amountFen: 1_000_000 },
    ],
    milestones: [
      { title: '组建志愿服务队', due: '2026-03-31' },
      { title: '中期评估', due: '2026-06-30' },
    ],
    state: SubmissionState.Submitted,
    submittedAt: new Date(),
    screening: ScreeningStatus.Pending,
    screeningReason: null,
    createdBy,
    ...overrides,
  });
}

/**
 * A judge of the roadshow signed in on one tablet: the judge and session rows, and the actor a
 * token for them carries (a judge token is accepted only while its session is live).
 */
export async function createJudgeActor(db: DataSource, roadshowId: string): Promise<Actor> {
  const judge = await db.getRepository(Judge).save({
    roadshowId,
    name: '陈卫东',
    group: JudgeGroup.Expert,
    weight: '1',
    organizationId: null,
    community: null,
    codeDigest: unique('test-digest'),
    digestKeyId: 'test',
    codeIssuedAt: new Date(),
  });
  const session = await db.getRepository(JudgeSession).save({ judgeId: judge.id });
  return { kind: 'judge', role: Role.Judge, judgeId: judge.id, roadshowId, sessionId: session.id };
}

/** A judge of a roadshow of a competition of their own, for tests of what other roadshows' judges reach. */
export async function createOtherJudgeActor(db: DataSource, createdBy: string): Promise<Actor> {
  const competition = await createCompetition(db, createdBy);
  const roadshow = await db.getRepository(Roadshow).save({ competitionId: competition.id, venue: '云东海街道会议室' });
  return createJudgeActor(db, roadshow.id);
}
