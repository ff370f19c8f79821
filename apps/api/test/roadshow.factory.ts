import { createHash } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  COMPETITION_PRESETS,
  CompetitionRules,
  CompetitionState,
  DEFAULT_TENANT_ID,
  OrganizationKind,
  Role,
  ScreeningStatus,
} from '@app/domain';
import { Competition, Organization, Submission } from '@app/persistence';
import { SheetMarks, sheetAddingUpTo, until } from '@app/testing';
import { TokenService } from '../src/auth/token.service';
import { RunResponseDto } from '../src/results/dto/run-response.dto';
import { DrawResponseDto, DrawnSlotDto } from '../src/roadshows/dto/draw-response.dto';
import { createCompetition, createOrganization, createSubmission, createUser } from './factories';

/** The ten winners of 佛山三水西南街道 2017 "红色核动力" (docs/product.md): community, category, project. */
export const SANSHUI_PROJECTS: readonly (readonly [string, string, string])[] = [
  ['五顶岗', 'convenience', '发挥先锋作用·真情服务群众'],
  ['洲边', 'education', '分享阅读书香·共享洲边文明'],
  ['江根', 'poverty-relief', '扶贫帮困献爱心·村企共建送关怀'],
  ['云秀', 'poverty-relief', '扶贫帮困为民生·心语家园齐共建'],
  ['文锋西', 'health', '养生保健真切为民·党群共建和谐家园'],
  ['月桂', 'poverty-relief', '亲和社群·红动家园'],
  ['康华', 'culture-sports', '红色文化凝心聚力·党群共促和谐发展'],
  ['桥头', 'culture-sports', '党群先锋齐发力·你我携手创文明'],
  ['沙头', 'health', '党群心连心·关爱母婴行'],
  ['布心', 'poverty-relief', '圆梦布心·幸福家园'],
];

export interface RoadshowFixture {
  readonly officeId: string;
  readonly officeToken: string;
  readonly competition: Competition;
  readonly organizations: readonly Organization[];
  /** Screened-in projects, in SANSHUI_PROJECTS order. */
  readonly submissions: readonly Submission[];
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

export async function officeToken(app: NestFastifyApplication): Promise<{ id: string; token: string }> {
  const office = await createUser(app.get(DataSource), Role.Office);
  const { token } = app
    .get(TokenService)
    .issue({ kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID });
  return { id: office.id, token };
}

/** The office asks for a ranking and allocation run of a competition whose scoring is closed; gives the run's id. */
export async function requestRun(app: NestFastifyApplication, competitionId: string, token: string): Promise<string> {
  const requested = await request(app.getHttpServer())
    .post(`/competitions/${competitionId}/runs`)
    .set(bearer(token))
    .expect(202);
  return requested.body.id as string;
}

/** The office asks for a run and waits for the worker to finish it; a failed run fails the test at once. */
export async function finishedRun(
  app: NestFastifyApplication,
  competitionId: string,
  token: string,
): Promise<RunResponseDto> {
  const runId = await requestRun(app, competitionId, token);
  return until('the run to succeed', async () => {
    const run = (await request(app.getHttpServer()).get(`/runs/${runId}`).set(bearer(token))).body as RunResponseDto;
    if (run.status === 'failed') throw new Error(`run failed: ${JSON.stringify(run.error)}`);
    return run.status === 'succeeded' ? run : undefined;
  });
}

/**
 * A competition already in its roadshow stage (rules frozen) with `count` screened-in projects,
 * one community each, plus one withdrawn and one rejected project that must never be drawn.
 */
export async function roadshowCompetition(
  app: NestFastifyApplication,
  count: number,
  rules: CompetitionRules = COMPETITION_PRESETS['party-building'],
): Promise<RoadshowFixture> {
  const db = app.get(DataSource);
  const office = await officeToken(app);
  const competition = await createCompetition(db, office.id, {
    state: CompetitionState.Roadshow,
    rules,
    rulesFrozenAt: new Date(),
  });
  const organizations: Organization[] = [];
  const submissions: Submission[] = [];
  for (let i = 0; i < count; i += 1) {
    const [community, category, title] = SANSHUI_PROJECTS[i % SANSHUI_PROJECTS.length];
    const organization = await createOrganization(db, {
      kind: OrganizationKind.Community,
      name: `${community}社区居民委员会`,
      community,
    });
    const applicant = await createUser(db, Role.Applicant, organization.id);
    organizations.push(organization);
    submissions.push(
      await createSubmission(db, competition.id, organization.id, applicant.id, {
        title: i < SANSHUI_PROJECTS.length ? title : `${title}（${i + 1}）`,
        category: rules.categories.some((c) => c.key === category) ? category : rules.categories[0].key,
        screening: ScreeningStatus.Passed,
        screeningReason: '材料齐全，符合申报条件',
      }),
    );
  }
  const outsider = await createOrganization(db, { name: '沙头社区居民委员会', community: '沙头' });
  const outsiderUser = await createUser(db, Role.Applicant, outsider.id);
  await createSubmission(db, competition.id, outsider.id, outsiderUser.id, {
    title: '未通过资格审查的项目',
    screening: ScreeningStatus.Rejected,
    screeningReason: '预算明细不全',
  });
  return { officeId: office.id, officeToken: office.token, competition, organizations, submissions };
}

export async function createRoadshow(app: NestFastifyApplication, fixture: RoadshowFixture): Promise<string> {
  const response = await request(app.getHttpServer())
    .post(`/competitions/${fixture.competition.id}/roadshow`)
    .set(bearer(fixture.officeToken))
    .send({ venue: '西南街道党群服务中心一楼报告厅' })
    .expect(201);
  return response.body.id as string;
}

export interface AddedJudge {
  readonly id: string;
  /** The roadshow the judge signs in to: the tablet's link names it beside the code. */
  readonly roadshowId: string;
  readonly code: string;
  readonly token: string;
}

/** Adds a judge through the API and signs them in with the code it returned. */
export async function addJudge(
  app: NestFastifyApplication,
  officeBearer: string,
  roadshowId: string,
  body: Record<string, unknown>,
): Promise<AddedJudge> {
  const added = await request(app.getHttpServer())
    .post(`/roadshows/${roadshowId}/judges`)
    .set(bearer(officeBearer))
    .send(body)
    .expect(201);
  const session = await request(app.getHttpServer())
    .post('/judge-sessions')
    .send({ code: added.body.code, roadshowId })
    .expect(201);
  return { id: added.body.judge.id, roadshowId, code: added.body.code, token: session.body.token };
}

export interface DrawnRoadshow {
  readonly fixture: RoadshowFixture;
  readonly roadshowId: string;
  /** In the order of the bodies they were added with. */
  readonly judges: readonly AddedJudge[];
  /** In stage order. */
  readonly slots: readonly DrawnSlotDto[];
}

/**
 * A roadshow of its own for one test: `projects` screened-in projects under `rules`, the judges
 * added through the API and the order drawn (with `seed` when given).
 */
export async function drawnRoadshow(
  app: NestFastifyApplication,
  options: {
    readonly projects: number;
    readonly judges: readonly Record<string, unknown>[];
    readonly seed?: string;
    readonly rules?: CompetitionRules;
  },
): Promise<DrawnRoadshow> {
  const fixture = await roadshowCompetition(app, options.projects, options.rules);
  const roadshowId = await createRoadshow(app, fixture);
  const judges: AddedJudge[] = [];
  for (const body of options.judges) judges.push(await addJudge(app, fixture.officeToken, roadshowId, body));
  const drawn = await request(app.getHttpServer())
    .post(`/roadshows/${roadshowId}/draw`)
    .set(bearer(fixture.officeToken))
    .send(options.seed === undefined ? {} : { seed: options.seed })
    .expect(200);
  return { fixture, roadshowId, judges, slots: (drawn.body as DrawResponseDto).slots };
}

/** A drawn roadshow (see drawnRoadshow) with the first slot on stage, scoring open unless `openScoring` is false. */
export async function roadshowUnderWay(
  app: NestFastifyApplication,
  options: {
    readonly projects: number;
    readonly judges: readonly Record<string, unknown>[];
    readonly seed?: string;
    readonly openScoring?: boolean;
  },
): Promise<DrawnRoadshow> {
  const roadshow = await drawnRoadshow(app, options);
  const office = bearer(roadshow.fixture.officeToken);
  const http = () => request(app.getHttpServer());
  const first = `/roadshows/${roadshow.roadshowId}/slots/${roadshow.slots[0].slotId}`;
  await http().post(`${first}/start`).set(office).expect(200);
  if (options.openScoring ?? true) await http().post(`${first}/open-scoring`).set(office).expect(200);
  return roadshow;
}

/**
 * Runs a drawn roadshow to its end through the API: each slot in stage order started, scored by
 * every judge `sheetOf(project, judge)` gives a sheet for (none for a recused judge; both are
 * indexes, the project's in the fixture), and locked; then scoring is closed.
 */
export async function scoreEverySlot(
  app: NestFastifyApplication,
  { fixture, roadshowId, judges, slots }: DrawnRoadshow,
  sheetOf: (project: number, judge: number) => SheetMarks | undefined,
): Promise<void> {
  const http = () => request(app.getHttpServer());
  const office = bearer(fixture.officeToken);
  for (const slot of slots) {
    const p = fixture.submissions.findIndex((submission) => submission.id === slot.submissionId);
    await http().post(`/roadshows/${roadshowId}/slots/${slot.slotId}/start`).set(office).expect(200);
    await http().post(`/roadshows/${roadshowId}/slots/${slot.slotId}/open-scoring`).set(office).expect(200);
    for (const [j, judge] of judges.entries()) {
      const sheet = sheetOf(p, j);
      if (!sheet) continue;
      await http()
        .put(`/judge/slots/${slot.slotId}/score`)
        .set(bearer(judge.token))
        .set('Idempotency-Key', `${slot.slotId}-${j}`)
        .send(sheet)
        .expect(200);
    }
    await http().post(`/roadshows/${roadshowId}/slots/${slot.slotId}/lock`).set(office).send({}).expect(200);
  }
  await http()
    .post(`/competitions/${fixture.competition.id}/transitions`)
    .set(office)
    .send({ to: CompetitionState.ScoringClosed })
    .expect(200);
}

/** Marks that add up to `total` on the party-building rubric (max 25/25/20/15/15), gate passed. */
export function partyBuildingSheet(total: string): SheetMarks {
  return sheetAddingUpTo(COMPETITION_PRESETS['party-building'], total);
}

/**
 * The published draw, re-implemented here from its description alone: whoever re-runs the
 * algorithm outside the platform must get the same order.
 */
export function redraw(submissionIds: readonly string[], seed: string): string[] {
  const order = [...submissionIds].sort();
  let n = 0;
  const next = () => createHash('sha256').update(`${seed}:${n++}`).digest().readUInt32BE(0);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const limit = 2 ** 32 - (2 ** 32 % (i + 1));
    let r = next();
    while (r >= limit) r = next();
    const j = r % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Drop the highest and lowest, average the rest, round half up to 2 decimals — in integer cents. */
export function trimmedMeanByHand(totals: readonly string[]): string {
  const cents = totals.map((t) => Math.round(Number(t) * 100)).sort((a, b) => a - b);
  const kept = cents.slice(1, -1);
  const sum = kept.reduce((a, b) => a + b, 0);
  const rounded = Math.floor((2 * sum + kept.length) / (2 * kept.length));
  return `${Math.floor(rounded / 100)}.${String(rounded % 100).padStart(2, '0')}`;
}
