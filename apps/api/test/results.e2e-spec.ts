import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CompetitionState, Role } from '@app/domain';
import {
  AuditEvent,
  Competition,
  OutboxMessage,
  Publication,
  RankingRun,
  RoadshowSlot,
  RunResult,
} from '@app/persistence';
import { QueueName, redisOptionsFor } from '@app/queue';
import type { ScoreBreakdown } from '@app/scoring';
import {
  PANEL_GROUPS,
  createIsolatedDatabase,
  type IsolatedDatabase,
  seedScoredCompetition,
  until,
} from '@app/testing';
import { TokenService } from '../src/auth/token.service';
import { RunResponseDto } from '../src/results/dto/run-response.dto';
import { ResultRowDto, ResultsResponseDto } from '../src/results/dto/results-response.dto';
import { createJudgeActor, createUser } from './factories';
import { SseClient } from './live-sse-client';
import {
  RoadshowFixture,
  bearer,
  drawnRoadshow,
  finishedRun as finishedRunOf,
  partyBuildingSheet,
  roadshowCompetition,
  scoreEverySlot,
  trimmedMeanByHand,
} from './roadshow.factory';
import { scoringVerify as verify } from './scoring-verify';
import { startTestApp } from './test-app';
import { WorkerProcess, startWorkerProcess } from './worker-process';

const PREFIX = `results-${randomUUID().slice(0, 8)}`;
const PROJECTS = 20;
/** Judge j's total for project p: every trimmed mean differs, all pass the 60-point mark. */
function totalFor(p: number, j: number): string {
  return (60 + ((p * 7 + j * 11) % 30) + p * 0.37 + j * 0.05).toFixed(2);
}

describe('rank and allocate: 20 projects × 7 judges through the roadshow, the queue and the worker', () => {
  let database: IsolatedDatabase;
  let app: NestFastifyApplication;
  let worker: WorkerProcess;
  let ranking: Queue;
  let db: DataSource;
  let baseUrl: string;
  let fixture: RoadshowFixture;
  let roadshowId: string;

  const http = () => request(app.getHttpServer());
  const office = () => bearer(fixture.officeToken);
  const competitionId = () => fixture.competition.id;

  /** The trimmed mean of each project's non-recused totals, by hand (judge 7 lives in 洲边). */
  function announcedByHand(): Map<string, string> {
    const byHand = new Map<string, string>();
    fixture.submissions.forEach((submission, p) => {
      const recused = fixture.organizations[p].community === '洲边';
      const totals = PANEL_GROUPS.map((_, j) => totalFor(p, j)).filter((_, j) => !(recused && j === 6));
      byHand.set(submission.id, trimmedMeanByHand(totals));
    });
    return byHand;
  }

  /** The office presses "rank and allocate"; the worker takes the job from the queue and finishes it. */
  const finishedRun = (id = competitionId()) => finishedRunOf(app, id, fixture.officeToken);

  /** With the queue paused the run waits in it; the worker goes on once `body` is done. */
  async function whileQueued<T>(body: () => Promise<T>): Promise<T> {
    await ranking.pause();
    try {
      return await body();
    } finally {
      await ranking.resume();
    }
  }

  beforeAll(async () => {
    database = await createIsolatedDatabase(process.env.DATABASE_URL as string, 'results');
    app = await startTestApp({ DATABASE_URL: database.url, QUEUE_PREFIX: PREFIX });
    await app.listen(0, '127.0.0.1');
    baseUrl = await app.getUrl();
    db = app.get(DataSource);
    worker = await startWorkerProcess({ DATABASE_URL: database.url, QUEUE_PREFIX: PREFIX });
    ranking = new Queue(QueueName.Ranking, {
      connection: redisOptionsFor(process.env.REDIS_URL as string, 'worker'),
      prefix: PREFIX,
    });
    const roadshow = await drawnRoadshow(app, {
      projects: PROJECTS,
      seed: 'results-e2e',
      judges: PANEL_GROUPS.map((group, j) => ({
        name: `评委${j + 1}`,
        group,
        ...(j === 6 ? { community: '洲边' } : {}),
      })),
    });
    ({ fixture, roadshowId } = roadshow);
    await scoreEverySlot(app, roadshow, (p, j) =>
      j === 6 && fixture.organizations[p].community === '洲边' ? undefined : partyBuildingSheet(totalFor(p, j)),
    );
  }, 120_000);

  afterAll(async () => {
    await ranking?.close();
    await worker?.stop();
    await app?.close();
    await database?.drop();
  });

  it('queues a run with its outbox row and audit row, and refuses a second press while it waits', async () => {
    const runId = await whileQueued(async () => {
      const requested = await http().post(`/competitions/${competitionId()}/runs`).set(office()).expect(202);
      expect(requested.body).toMatchObject({
        competitionId: competitionId(),
        status: 'queued',
        trigger: 'office',
        progress: 0,
        inputHash: null,
        error: null,
      });
      const id = requested.body.id as string;
      const outbox = await db.getRepository(OutboxMessage).findOneByOrFail({ jobId: `run-${id}` });
      expect(outbox).toMatchObject({
        queueName: 'ranking',
        jobName: 'ranking.rank-and-allocate',
        payload: { runId: id },
      });
      await until('the relay to dispatch the job', async () =>
        (await db.getRepository(OutboxMessage).findOneByOrFail({ jobId: `run-${id}` })).dispatchedAt ? true : undefined,
      );
      expect(
        await db
          .getRepository(AuditEvent)
          .countBy({ subjectId: id, action: 'ranking-run.request', actorId: fixture.officeId }),
      ).toBe(1);

      const again = await http().post(`/competitions/${competitionId()}/runs`).set(office()).expect(409);
      expect(again.body.message_zh).toContain('排队');
      expect(again.body.message_en).toContain('already queued');
      return id;
    });
    await until('the queued run to finish', async () =>
      (await db.getRepository(RankingRun).findOneByOrFail({ id: runId })).status === 'succeeded' ? true : undefined,
    );
  });

  it('streams the progress live while a worker ranks and allocates, until the run succeeds', async () => {
    const { runId, stream } = await whileQueued(async () => {
      const requested = await http().post(`/competitions/${competitionId()}/runs`).set(office()).expect(202);
      const id = requested.body.id as string;
      const client = await SseClient.connect(baseUrl, `/runs/${id}/events`, office());
      expect(client.status).toBe(200);
      await client.untilEvents(1);
      expect(JSON.parse(client.events[0].data)).toEqual({ runId: id, status: 'queued', progress: 0 });
      return { runId: id, stream: client };
    });
    await stream.until((client) => client.ended, 30_000, 'the end of the stream');
    const updates = stream.events.map((event) => JSON.parse(event.data) as { status: string; progress: number });
    expect(stream.events.every((event) => event.type === 'progress')).toBe(true);
    expect(updates.at(-1)).toEqual({ runId, status: 'succeeded', progress: 100 });
    expect(updates.some((update) => update.status === 'running')).toBe(true);
    const progress = updates.map((update) => update.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const run = await http().get(`/runs/${runId}`).set(office()).expect(200);
    expect(run.body as RunResponseDto).toMatchObject({
      status: 'succeeded',
      progress: 100,
      rulesVersion: 1,
      totalFen: 28_000_000,
      inputHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      error: null,
    });
  });

  it('publishes the table: the top project’s announced score and grant match the hand calculation', async () => {
    const { id: runId } = await finishedRun();
    const byHand = announcedByHand();
    const [topId, topScore] = [...byHand.entries()].sort((a, b) => Number(b[1]) - Number(a[1]))[0];
    const table = (await http().get(`/competitions/${competitionId()}/results`).set(office()).expect(200))
      .body as ResultsResponseDto;
    expect(table).toMatchObject({ runId, view: 'office', poolFen: 30_000_000, totalFen: 28_000_000, rulesVersion: 1 });
    expect(table.items).toHaveLength(PROJECTS);
    const top = table.items[0];
    const p = fixture.submissions.findIndex((submission) => submission.id === topId);
    expect(top).toMatchObject({
      position: 1,
      rank: 1,
      submissionId: topId,
      projectTitle: fixture.submissions[p].title,
      community: fixture.organizations[p].community,
      organizationName: fixture.organizations[p].name,
      score: topScore,
      // requested ¥30,000, capped at 80% of the ¥35,000 budget
      grantFen: 2_800_000,
      status: 'partly-funded',
      reason: { code: 'cap-applied', zh: expect.stringContaining('资助上限') },
      tieBreak: { kind: 'score', zh: '得分高于下一名' },
    });
    // Every row's score is the one announced on stage when its slot locked.
    const slots = await db.getRepository(RoadshowSlot).findBy({ roadshowId });
    const announced = new Map(slots.map((slot) => [slot.submissionId, slot.announcedScore]));
    for (const row of table.items) {
      expect(row.score).toBe(announced.get(row.submissionId));
      expect(row.score).toBe(byHand.get(row.submissionId));
    }
    // ¥300,000 pool: ten grants of ¥28,000, then ¥20,000 is too little for the next cap.
    expect(table.items.slice(0, 10).every((row: ResultRowDto) => row.grantFen === 2_800_000)).toBe(true);
    expect(table.items.slice(10).map((row) => row.reason.code)).toEqual(Array(10).fill('pool-exhausted'));
    const judgesOnTop = (top.breakdown as ScoreBreakdown).judges;
    expect(
      judgesOnTop
        .filter((judge) => judge.dropped)
        .map((judge) => judge.dropped)
        .sort(),
    ).toEqual(['high', 'low']);
    expect((await db.getRepository(Competition).findOneByOrFail({ id: competitionId() })).state).toBe(
      CompetitionState.Allocated,
    );
  });

  it('reports judge agreement on the projects every judge scored', async () => {
    const { id: runId } = await finishedRun();
    const statistics = await http().get(`/runs/${runId}/statistics`).set(office()).expect(200);
    expect(statistics.body.agreement).toMatchObject({
      judgeCount: 7,
      projectCount: PROJECTS,
      recusalCount: 2,
      table: { projects: PROJECTS - 2, judges: 7, excludedProjects: 2 },
      icc: { forms: { 'ICC(2,1)': expect.stringMatching(/^-?\d\.\d{6}$/) } },
      kendallW: { W: expect.stringMatching(/^\d\.\d{6}$/), df: PROJECTS - 3 },
    });
    expect(statistics.body.allocation).toMatchObject({ rule: 'greedy', totalFen: 28_000_000, remainderFen: 2_000_000 });
  });

  it('exports the table as CSV that Excel reads as Chinese, and audits the download', async () => {
    const { id: runId } = await finishedRun();
    const csv = await http().get(`/runs/${runId}/results.csv`).set(office()).buffer(true).parse(textParser).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = csv.body as string;
    expect(text.startsWith('\uFEFF名次 / Rank,排序位 / Position,项目编号 / Project ID,社区 / Community')).toBe(true);
    const lines = text.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(PROJECTS + 1);
    const table = (await http().get(`/competitions/${competitionId()}/results`).set(office()))
      .body as ResultsResponseDto;
    expect(lines[1].split(',').slice(0, 8)).toEqual([
      '1',
      '1',
      table.items[0].submissionId,
      table.items[0].community,
      table.items[0].organizationName,
      table.items[0].projectTitle,
      table.items[0].category.labelZh,
      table.items[0].score,
    ]);
    expect(lines[1]).toContain(',30000.00,28000.00,部分资助 / partly funded,');
    expect(await db.getRepository(AuditEvent).countBy({ subjectId: runId, action: 'ranking-run.download' })).toBe(1);
  });

  it('exports a bundle that `scoring verify` recomputes: exit 0, and exit 1 naming a changed grant', async () => {
    const { id: runId } = await finishedRun();
    const response = await http()
      .get(`/runs/${runId}/bundle.json`)
      .set(office())
      .buffer(true)
      .parse(textParser)
      .expect(200);
    const text = response.body as string;
    const bundle = JSON.parse(text) as {
      format: string;
      version: number;
      inputs: { projects: unknown[]; judges: unknown[]; sheets: unknown[]; recusals: unknown[] };
      result: { inputHash: string; projects: { projectId: string; grantFen: number }[] };
    };
    expect(bundle).toMatchObject({ format: 'gongyi-chuangtou/result-bundle', version: 2 });
    expect(bundle.inputs.projects).toHaveLength(PROJECTS);
    expect(bundle.inputs.judges).toHaveLength(7);
    expect(bundle.inputs.sheets).toHaveLength(PROJECTS * 7 - 2);
    expect(bundle.inputs.recusals).toHaveLength(2);

    const ok = verify(text);
    expect(ok).toMatchObject({ status: 0, stdout: `OK: ${PROJECTS} projects, total ¥280,000.00\n` });

    bundle.result.projects[0].grantFen = 2_900_000;
    const changed = verify(JSON.stringify(bundle));
    expect(changed.status).toBe(1);
    expect(changed.stdout).toContain(
      `result.projects.0.grantFen (project ${bundle.result.projects[0].projectId}): expected 2800000, found 2900000`,
    );

    const malformed = verify('{"format":"gongyi-chuangtou/result-bundle","version":1}');
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('inputs');
  }, 60_000);

  it('gives byte-identical results when run again on unchanged inputs', async () => {
    const { id: firstId } = await finishedRun();
    const { id: secondId } = await finishedRun();
    const [first, second] = await Promise.all(
      [firstId, secondId].map((id) => db.getRepository(RankingRun).findOneByOrFail({ id })),
    );
    expect(second.inputHash).toBe(first.inputHash);
    expect(second.statistics).toEqual(first.statistics);
    const rows = async (id: string) =>
      (await db.getRepository(RunResult).find({ where: { runId: id }, order: { position: 'ASC' } })).map(
        ({ id: _id, runId: _runId, ...row }) => row,
      );
    expect(await rows(secondId)).toEqual(await rows(firstId));
    const table = (await http().get(`/competitions/${competitionId()}/results`).set(office()))
      .body as ResultsResponseDto;
    expect(table.runId).toBe(secondId);
    // Each run walks the competition through ranked to allocated, as the system.
    const walk = await db.getRepository(AuditEvent).find({
      where: { subjectId: competitionId(), action: 'competition.transition', actorType: 'system' },
      order: { id: 'ASC' },
    });
    expect(
      walk
        .map((event) => event.after as { state: string; runId: string })
        .filter((after) => [firstId, secondId].includes(after.runId))
        .map((after) => [after.runId, after.state]),
    ).toEqual([
      [firstId, 'ranked'],
      [firstId, 'allocated'],
      [secondId, 'ranked'],
      [secondId, 'allocated'],
    ]);
  });

  it('shows an applicant only its own row, and only once the results are under public notice', async () => {
    const scored = await seedScoredCompetition(db, { projects: 4, judges: 3 });
    const { id: runId } = await finishedRun(scored.competitionId);
    const p = 3;
    const organizationId = scored.organizationIds[p];
    const applicant = await createUser(db, Role.Applicant, organizationId);
    const tokens = app.get(TokenService);
    const { token } = tokens.issue({ kind: 'user', userId: applicant.id, role: Role.Applicant, organizationId });
    const results = `/competitions/${scored.competitionId}/results`;
    const early = await http().get(results).set(bearer(token)).expect(404);
    expect(early.body.message_zh).toBe('结果尚未公示');
    await db.getRepository(Publication).save({
      competitionId: scored.competitionId,
      runId,
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
      publishedBy: scored.officeId,
      supersededAt: null,
    });
    const own = (await http().get(results).set(bearer(token)).expect(200)).body as ResultsResponseDto;
    expect(own.view).toBe('applicant');
    expect(own.items.map((row) => row.submissionId)).toEqual([scored.submissionIds[p]]);
    expect(JSON.stringify(own.items[0].breakdown)).not.toContain('judgeId');
    for (const judgeId of scored.judgeIds) expect(JSON.stringify(own)).not.toContain(judgeId);

    await http().post(`/competitions/${scored.competitionId}/runs`).set(bearer(token)).expect(403);
    await http().get(`/runs/${runId}`).set(bearer(token)).expect(403);
    await http().get(`/runs/${runId}/bundle.json`).set(bearer(token)).expect(403);
    await http().get(`/runs/${runId}/results.csv`).set(bearer(token)).expect(403);
    await http().get(`/runs/${runId}/events`).set(bearer(token)).expect(403);
    await http().get(`/runs/${runId}`).expect(401);
    const judge = bearer(tokens.issue(await createJudgeActor(db, scored.roadshowId)).token);
    await http().post(`/competitions/${scored.competitionId}/runs`).set(judge).expect(403);
    await http().get(results).set(judge).expect(403);
    await http().get(`/runs/${runId}/statistics`).set(judge).expect(403);
  });

  it('refuses to rank outside the stages that allow it, or with slots still open, saying why in both languages', async () => {
    const live = await roadshowCompetition(app, 2);
    const early = await http().post(`/competitions/${live.competition.id}/runs`).set(office()).expect(409);
    expect(early.body.message_zh).toContain('不能排名');
    expect(early.body.message_zh).toContain('「评分结束」');
    expect(early.body.message_en).toContain('cannot be ranked');

    const unfinished = await seedScoredCompetition(db, { projects: 3, judges: 3 });
    await db
      .getRepository(RoadshowSlot)
      .update(
        { roadshowId: unfinished.roadshowId, position: 2 },
        { state: 'scoring' as RoadshowSlot['state'], lockedAt: null },
      );
    const open = await http().post(`/competitions/${unfinished.competitionId}/runs`).set(office()).expect(409);
    expect(open.body.message_zh).toContain('1 个出场位未锁定');
    expect(open.body.message_en).toContain('1 of 3 roadshow slots are not locked');

    await http().post(`/competitions/${randomUUID()}/runs`).set(office()).expect(404);
    await http().post('/competitions/not-a-uuid/runs').set(office()).expect(400);
  });

  it('fails a run whose rules cannot be ranked, once, with a readable reason, and does not retry it', async () => {
    const bad = await seedScoredCompetition(db, { projects: 3, judges: 5 });
    await db.query(`UPDATE competition SET rules = jsonb_set(rules, '{tieBreaks}', '["coin-toss"]') WHERE id = $1`, [
      bad.competitionId,
    ]);
    const requested = await http().post(`/competitions/${bad.competitionId}/runs`).set(office()).expect(202);
    const failed = await until('the run to fail', async () => {
      const run = (await http().get(`/runs/${requested.body.id}`).set(office())).body as RunResponseDto;
      return run.status === 'failed' ? run : undefined;
    });
    expect(failed.error).toMatchObject({
      code: 'SCORING_INVALID_RANKING',
      reason: 'SCORING_INVALID_RANKING',
      message_zh: '评分规则或数据无法计算：同分排序规则第 1 项有误，排名规则不成立',
      message_en: 'the rules or data cannot be computed: tie-break 1 is wrong; the ranking rules do not hold together',
      field: 'rules.tieBreaks.0',
    });
    // finishedOn is written with attemptsMade, so a job read before its failure was recorded is read again.
    const job = await until('the failed job', async () => {
      const found = await ranking.getJob(`run-${requested.body.id}`);
      return found?.finishedOn && (await found.isFailed()) ? found : undefined;
    });
    expect(job.attemptsMade).toBe(1);
    await http().get(`/runs/${requested.body.id}/statistics`).set(office()).expect(409);
  });
});

function textParser(res: request.Response, callback: (error: Error | null, body: string) => void): void {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => callback(null, text));
}
