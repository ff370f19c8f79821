import { createHash, randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { CompetitionState, DEFAULT_TENANT_ID, Role, ScreeningStatus, SlotState } from '@app/domain';
import {
  AppUser,
  Competition,
  Organization,
  RankingRun,
  Roadshow,
  RoadshowSlot,
  RunResult,
  Submission,
} from '@app/persistence';
import { Actor } from '../src/auth/actor';
import { TokenService } from '../src/auth/token.service';
import { createCompetition, createOrganization, createSubmission, createUser } from './factories';
import { SANSHUI_PROJECTS } from './roadshow.factory';

export interface ProjectFixture {
  readonly organization: Organization;
  readonly applicant: AppUser;
  readonly applicantAuth: string;
  readonly submission: Submission;
  readonly result: RunResult;
}

export interface AllocatedFixture {
  readonly competition: Competition;
  readonly run: RankingRun;
  /** In rank order: the funded ones first. */
  readonly projects: readonly ProjectFixture[];
  readonly funded: readonly ProjectFixture[];
}

export function bearerOf(app: NestFastifyApplication, actor: Actor): string {
  return `Bearer ${app.get(TokenService).issue(actor).token}`;
}

/**
 * A competition as the ranking worker leaves it: a roadshow with every slot locked, allocated,
 * with a succeeded run whose results fund `grants.length` projects (a grant below the request is
 * partly funded) and leave `unfunded` more without money. Rows are written directly; no
 * ranking worker is needed.
 */
export async function allocatedCompetition(
  app: NestFastifyApplication,
  officeId: string,
  grants: readonly number[],
  unfunded = 2,
  tenantId = DEFAULT_TENANT_ID,
): Promise<AllocatedFixture> {
  const db = app.get(DataSource);
  const tag = randomUUID().slice(0, 6);
  const competition = await createCompetition(db, officeId, {
    tenantId,
    title: `2026年"红色核动力"党建项目创投大赛 ${tag}`,
    state: CompetitionState.Allocated,
    rulesFrozenAt: new Date(),
    submissionDeadline: new Date(Date.now() - 24 * 3600 * 1000),
  });
  const count = grants.length + unfunded;
  const roadshow = await db.getRepository(Roadshow).save({
    competitionId: competition.id,
    venue: '西南街道党群服务中心',
    orderSeed: tag,
    orderDrawnAt: new Date(),
    currentSlotId: null,
  });
  const projects: ProjectFixture[] = [];
  const run = await db.getRepository(RankingRun).save({
    competitionId: competition.id,
    status: 'succeeded',
    trigger: 'office',
    requestedBy: officeId,
    rulesVersion: competition.rulesVersion,
    inputHash: createHash('sha256').update(tag).digest('hex'),
    inputs: { tag },
    statistics: {},
    totalFen: grants.reduce((a, b) => a + b, 0),
    progress: 100,
    errorCode: null,
    errorMessage: null,
    startedAt: new Date(),
    finishedAt: new Date(),
  });
  for (let i = 0; i < count; i += 1) {
    const [community, category, title] = SANSHUI_PROJECTS[i % SANSHUI_PROJECTS.length];
    const organization = await createOrganization(db, {
      name: `佛山市三水区西南街道${community}社区居民委员会 ${tag}-${i}`,
      community,
      contactName: '李敏',
      contactPhone: '0757-87712345',
    });
    const applicant = await createUser(db, Role.Applicant, organization.id);
    const submission = await createSubmission(db, competition.id, organization.id, applicant.id, {
      title: i < SANSHUI_PROJECTS.length ? title : `${title}（${i}）`,
      category,
      screening: ScreeningStatus.Passed,
      milestones: [
        { title: '组建志愿服务队', due: '2027-03-31' },
        { title: '结项评估', due: '2027-10-31' },
      ],
    });
    await db.getRepository(RoadshowSlot).save({
      roadshowId: roadshow.id,
      submissionId: submission.id,
      position: i + 1,
      state: SlotState.Locked,
      pitchStartedAt: null,
      pitchSeconds: 420,
      lockedAt: new Date(),
      announcedScore: (95 - i * 1.5).toFixed(2),
      announcedBreakdown: {},
      rulesVersion: competition.rulesVersion,
    });
    const grant = grants[i] ?? 0;
    const result = await db.getRepository(RunResult).save({
      runId: run.id,
      submissionId: submission.id,
      position: i + 1,
      displayRank: i + 1,
      score: (95 - i * 1.5).toFixed(2),
      breakdown: {},
      decidedBy: { by: 'score' },
      grantFen: grant,
      status: grant === 0 ? 'not-funded' : grant < submission.requestedFen ? 'partly-funded' : 'funded',
      reason: grant === 0 ? 'pool-exhausted' : grant < submission.requestedFen ? 'partial-remainder' : 'funded-in-full',
    });
    projects.push({
      organization,
      applicant,
      applicantAuth: bearerOf(app, {
        kind: 'user',
        userId: applicant.id,
        role: Role.Applicant,
        organizationId: organization.id,
      }),
      submission,
      result,
    });
  }
  return { competition, run, projects, funded: projects.slice(0, grants.length) };
}

/** Moves the notice period into the past, as if its days had gone by. */
export async function endPublicityPeriod(db: DataSource, publicationId: string): Promise<void> {
  await db.query(
    `UPDATE publication SET starts_at = now() - interval '8 days', ends_at = now() - interval '1 minute' WHERE id = $1`,
    [publicationId],
  );
}
