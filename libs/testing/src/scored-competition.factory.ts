import { randomUUID } from 'node:crypto';
import { DataSource, ObjectLiteral } from 'typeorm';
import {
  COMPETITION_PRESETS,
  CompetitionRules,
  CompetitionState,
  DEFAULT_TENANT_ID,
  JudgeGroup,
  OrganizationKind,
  RecusalSource,
  Role,
  ScreeningStatus,
  SlotState,
  SubmissionState,
} from '@app/domain';
import {
  AppUser,
  Competition,
  Judge,
  Organization,
  Recusal,
  Roadshow,
  RoadshowSlot,
  Score,
  Submission,
} from '@app/persistence';
import { seededRandom } from '@app/scoring';
import { sheetAddingUpTo } from './score-sheet.factory';

/** The party-building panel: three experts, two from departments, one from the media, one resident. */
export const PANEL_GROUPS: readonly JudgeGroup[] = [
  JudgeGroup.Expert,
  JudgeGroup.Expert,
  JudgeGroup.Expert,
  JudgeGroup.Department,
  JudgeGroup.Department,
  JudgeGroup.Media,
  JudgeGroup.Resident,
];

const CHUNK = 1000;

async function insertAll<T extends ObjectLiteral>(db: DataSource, entity: new () => T, rows: T[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const result = await db
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(start, start + CHUNK))
      .returning('id')
      .execute();
    ids.push(...(result.raw as { id: string }[]).map((row) => row.id));
  }
  return ids;
}

export interface ScoredCompetitionOptions {
  readonly projects: number;
  readonly judges: number;
  readonly seed?: number;
  readonly rules?: CompetitionRules;
  readonly poolFen?: number;
  readonly state?: CompetitionState;
  /** Recuse judge (p mod judges) from every `recuseEvery`-th project p. */
  readonly recuseEvery?: number;
}

export interface ScoredCompetition {
  readonly competitionId: string;
  readonly officeId: string;
  readonly roadshowId: string;
  /** In slot order. */
  readonly submissionIds: readonly string[];
  readonly organizationIds: readonly string[];
  /** In seat order. */
  readonly judgeIds: readonly string[];
  /** totals[p][j] in cents, null where recused. */
  readonly totals: readonly (readonly (number | null)[])[];
}

/**
 * A competition whose roadshow is over, written straight to the database: every project screened
 * in, every slot locked, every non-recused judge's sheet saved, the competition in scoring-closed.
 * Totals are drawn from a seeded generator between 55.00 and 97.99.
 */
export async function seedScoredCompetition(
  db: DataSource,
  options: ScoredCompetitionOptions,
): Promise<ScoredCompetition> {
  const random = seededRandom(options.seed ?? 20_260_520);
  const rules = options.rules ?? COMPETITION_PRESETS['party-building'];
  const tag = randomUUID().slice(0, 8);
  const office = await db.getRepository(AppUser).save({
    role: Role.Office,
    login: `office-${tag}`,
    displayName: '西南街道党工委 办公室',
    // Never signs in: tests issue tokens directly.
    passwordHash: 'seeded-user-without-password',
    organizationId: null,
    tenantId: DEFAULT_TENANT_ID,
  });
  const competition = await db.getRepository(Competition).save({
    tenantId: DEFAULT_TENANT_ID,
    title: `2026年 "红色核动力" 党建项目创投大赛（${options.projects} 个项目）`,
    state: options.state ?? CompetitionState.ScoringClosed,
    poolFen: options.poolFen ?? options.projects * 1_500_000,
    rules,
    rulesVersion: 1,
    rulesFrozenAt: new Date(),
    grantor: {
      name: '中共佛山市三水区西南街道工作委员会',
      address: '佛山市三水区西南街道广海大道西',
      representative: '王建国',
    },
    submissionDeadline: new Date(Date.now() - 24 * 3600 * 1000),
    createdBy: office.id,
  });
  const organizationIds = await insertAll(
    db,
    Organization,
    Array.from({ length: options.projects }, (_, p) =>
      db.getRepository(Organization).create({
        kind: OrganizationKind.Community,
        name: `第${p + 1}社区居民委员会`,
        community: `第${p + 1}社区`,
        district: '佛山市三水区西南街道',
        contactName: '李敏',
        contactPhone: '0757-87712345',
        creditCode: null,
      }),
    ),
  );
  const submittedFrom = Date.now() - 30 * 24 * 3600 * 1000;
  const submissionIds = await insertAll(
    db,
    Submission,
    organizationIds.map((organizationId, p) => {
      const requestedFen = 1_000_000 + Math.floor(random() * 40) * 100_000;
      return db.getRepository(Submission).create({
        competitionId: competition.id,
        organizationId,
        title: `社区服务项目 ${p + 1}`,
        category: ['convenience', 'education', 'poverty-relief', 'health', 'culture-sports'][p % 5],
        summary: '组织党员志愿者为辖区居民提供服务。',
        needAddressed: '辖区居民的日常服务需求。',
        beneficiaries: { who: '辖区居民', count: 100 },
        targets: ['每月服务不少于 40 户次'],
        requestedFen,
        matchingFen: 500_000,
        budgetTotalFen: requestedFen + 500_000,
        budgetLines: [{ item: '服务与物资', kind: '服务', amountFen: requestedFen + 500_000 }],
        milestones: [{ title: '中期评估', due: '2026-06-30' }],
        state: SubmissionState.Submitted,
        submittedAt: new Date(submittedFrom + p * 60_000),
        screening: ScreeningStatus.Passed,
        screeningReason: '材料齐全，符合申报条件',
        createdBy: office.id,
        version: 1,
      });
    }),
  );
  const roadshow = await db.getRepository(Roadshow).save({
    competitionId: competition.id,
    venue: '西南街道党群服务中心一楼报告厅',
    orderSeed: tag,
    orderDrawnAt: new Date(),
  });
  const lockedAt = new Date();
  const slotIds = await insertAll(
    db,
    RoadshowSlot,
    submissionIds.map((submissionId, p) =>
      db.getRepository(RoadshowSlot).create({
        roadshowId: roadshow.id,
        submissionId,
        position: p + 1,
        state: SlotState.Locked,
        pitchSeconds: 420,
        pitchStartedAt: lockedAt,
        lockedAt,
        rulesVersion: 1,
      }),
    ),
  );
  const appointedFrom = Date.now() - 3600 * 1000;
  const judgeIds = await insertAll(
    db,
    Judge,
    Array.from({ length: options.judges }, (_, j) =>
      db.getRepository(Judge).create({
        roadshowId: roadshow.id,
        name: `评委${j + 1}`,
        group: PANEL_GROUPS[j % PANEL_GROUPS.length],
        weight: '1',
        organizationId: null,
        community: null,
        codeDigest: `seeded-${tag}-${j}`,
        digestKeyId: 'seeded',
        // Appointment order is the seat: give each judge its own instant.
        createdAt: new Date(appointedFrom + j * 1000),
      }),
    ),
  );
  const totals: (number | null)[][] = [];
  const recusals: Recusal[] = [];
  const scores: Score[] = [];
  submissionIds.forEach((submissionId, p) => {
    const row: (number | null)[] = [];
    judgeIds.forEach((judgeId, j) => {
      if (options.recuseEvery && p % options.recuseEvery === 0 && j === p % judgeIds.length) {
        row.push(null);
        recusals.push(
          db.getRepository(Recusal).create({
            judgeId,
            submissionId,
            source: RecusalSource.Declared,
            reason: '本人是该社区居民议事会成员',
          }),
        );
        return;
      }
      const cents = 5500 + Math.floor(random() * 4300);
      row.push(cents);
      scores.push(
        db.getRepository(Score).create({
          slotId: slotIds[p],
          judgeId,
          submissionId,
          ...sheetAddingUpTo(rules, cents / 100),
          total: (cents / 100).toFixed(2),
          comment: null,
          revision: 1,
        }),
      );
    });
    totals.push(row);
  });
  if (recusals.length > 0) await insertAll(db, Recusal, recusals);
  await insertAll(db, Score, scores);
  return {
    competitionId: competition.id,
    officeId: office.id,
    roadshowId: roadshow.id,
    submissionIds,
    organizationIds,
    judgeIds,
    totals,
  };
}
