import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ScoreComponents } from '@app/application';
import { COMPETITION_PRESETS, CompetitionRules } from '@app/domain';
import { AuditEvent, ComponentValue } from '@app/persistence';
import { votePointsOf } from '@app/scoring';
import { createIsolatedDatabase, type IsolatedDatabase } from '@app/testing';
import { ResultRowDto } from '../src/results/dto/results-response.dto';
import { ScoredCompetition as Scored, scoredCompetition as scoredCompetitionOf } from './components.factory';
import { bearer, finishedRun as finishedRunOf } from './roadshow.factory';
import { scoringVerify as verify } from './scoring-verify';
import { startTestApp } from './test-app';
import { WorkerProcess, startWorkerProcess } from './worker-process';

const PREFIX = `components-${randomUUID().slice(0, 8)}`;

describe('score components from the rules to the results table, the CSV and the bundle', () => {
  let database: IsolatedDatabase;
  let app: NestFastifyApplication;
  let worker: WorkerProcess;
  let db: DataSource;

  const http = () => request(app.getHttpServer());

  const scoredCompetition = (rules: CompetitionRules, totals: readonly (readonly number[])[], ownCommunity?: string) =>
    scoredCompetitionOf(app, rules, totals, { seed: PREFIX, ownCommunity });

  const finishedRun = (scored: Scored) => finishedRunOf(app, scored.fixture.competition.id, scored.fixture.officeToken);

  beforeAll(async () => {
    database = await createIsolatedDatabase(process.env.DATABASE_URL as string, 'components');
    app = await startTestApp({ DATABASE_URL: database.url, QUEUE_PREFIX: PREFIX });
    db = app.get(DataSource);
    worker = await startWorkerProcess({ DATABASE_URL: database.url, QUEUE_PREFIX: PREFIX });
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await app?.close();
    await database?.drop();
  });

  describe('东莞 2011: 60% on-site panel + 20% directed donations + 20% online vote', () => {
    // Trimmed means of the panel: 84, 76, 91, 68.
    const TOTALS = [
      [80, 82, 84, 86, 88],
      [70, 75, 76, 77, 90],
      [88, 90, 91, 92, 99],
      [60, 65, 68, 71, 80],
    ];
    let scored: Scored;
    const url = (path = '') => `/competitions/${scored.fixture.competition.id}/components${path}`;
    const office = () => bearer(scored.fixture.officeToken);

    beforeAll(async () => {
      scored = await scoredCompetition(COMPETITION_PRESETS.dongguan, TOTALS);
    }, 120_000);

    it('refuses a run while a component has projects without a value, then while values are unlocked', async () => {
      const competitionId = scored.fixture.competition.id;
      const missing = await http().post(`/competitions/${competitionId}/runs`).set(office()).expect(409);
      expect(missing.body).toMatchObject({ reason: 'COMPONENT_VALUES_MISSING' });
      expect(missing.body.message_zh).toBe('评分构成「定向捐赠」还有 4 个项目没有分数，补齐并锁定后才能排名');

      // Donations in fen, one point per ¥1,000 up to 100: ¥70,000 → 70, ¥23,500.50 → 23.5005, ¥120,000 → 100.
      const entered = await http()
        .post(url('/donations/values'))
        .set(office())
        .send({
          values: [
            { projectId: scored.ids[0], donationFen: 7_000_000 },
            { projectId: scored.ids[1], donationFen: 2_350_050 },
            { projectId: scored.ids[2], donationFen: 12_000_000 },
            { projectId: scored.ids[3], donationFen: 0 },
          ],
        })
        .expect(200);
      expect(entered.body).toEqual({ componentKey: 'donations', written: 4, unchanged: 0 });

      // The vote's values arrive as its round closes: 300, 200, 100 and 0 valid votes.
      const tally = new Map([
        [scored.ids[0], 300],
        [scored.ids[1], 200],
        [scored.ids[2], 100],
        [scored.ids[3], 0],
      ]);
      const points = votePointsOf(tally, '100');
      await db.transaction((manager) =>
        app.get(ScoreComponents).recordComponentValues(
          manager,
          {
            competitionId,
            componentKey: 'vote',
            source: 'vote',
            values: [...points].map(([projectId, value]) => ({ projectId, value: value.toExactString() })),
          },
          { actorType: 'system', actorId: null },
        ),
      );

      const unlocked = await http().post(`/competitions/${competitionId}/runs`).set(office()).expect(409);
      expect(unlocked.body).toMatchObject({ reason: 'COMPONENT_VALUES_UNLOCKED' });

      const listed = await http().get(url()).set(office()).expect(200);
      const vote = (listed.body.components as { key: string; values: { projectId: string; value: string }[] }[]).find(
        (component) => component.key === 'vote',
      );
      expect(Object.fromEntries(vote?.values.map((v) => [v.projectId, v.value]) ?? [])).toEqual({
        [scored.ids[0]]: '100',
        [scored.ids[1]]: '200/3',
        [scored.ids[2]]: '100/3',
        [scored.ids[3]]: '0',
      });
    });

    it('refuses an office write to the vote, and any write once a component is locked', async () => {
      await http()
        .post(url('/vote/values'))
        .set(office())
        .send({ values: [{ projectId: scored.ids[0], value: '1' }] })
        .expect(400)
        .expect((response) => expect(response.body.reason).toBe('COMPONENT_SOURCE_MISMATCH'));
      for (const key of ['donations', 'vote']) {
        const locked = await http()
          .post(url(`/${key}/lock`))
          .set(office())
          .expect(200);
        expect((locked.body.components as { key: string; locked: boolean }[]).find((c) => c.key === key)?.locked).toBe(
          true,
        );
      }
      const refused = await http()
        .post(url('/donations/values'))
        .set(office())
        .send({ values: [{ projectId: scored.ids[0], donationFen: 1 }] })
        .expect(409);
      expect(refused.body).toMatchObject({ reason: 'COMPONENT_VALUES_LOCKED', field: 'componentKey' });
      const audited = await db.getRepository(AuditEvent).findBy({ subjectId: scored.fixture.competition.id });
      expect(audited.map((event) => event.action)).toEqual(
        expect.arrayContaining(['component-values.record', 'component-values.lock']),
      );
    });

    it('ranks by 0.6 × panel + 0.2 × donations + 0.2 × vote, as computed by hand', async () => {
      const run = await finishedRun(scored);
      const table = await http()
        .get(`/competitions/${scored.fixture.competition.id}/results`)
        .set(office())
        .expect(200);
      const rows = table.body.items as ResultRowDto[];
      // 五顶岗 50.4 + 14 + 20 = 84.4; 江根 54.6 + 20 + 20/3 = 81.2666…; 洲边 45.6 + 4.7001 + 40/3 = 63.6334…;
      // 云秀 40.8 + 0 + 0 = 40.8 (below the pass score of 60).
      expect(rows.map((row) => [row.community, row.score, row.status])).toEqual([
        ['五顶岗', '84.40', 'funded'],
        ['江根', '81.27', 'funded'],
        ['洲边', '63.63', 'funded'],
        ['云秀', '40.80', 'not-funded'],
      ]);
      expect((table.body.components as { labelZh: string }[]).map((c) => c.labelZh)).toEqual([
        '现场评审',
        '定向捐赠',
        '网络投票',
      ]);
      expect(rows[2].components).toEqual([
        { key: 'roadshow', value: '76', display: '76.00', points: '45.6' },
        { key: 'donations', value: '23.5005', display: '23.50', points: '4.7001' },
        { key: 'vote', value: '200/3', display: '66.67', points: '40/3' },
      ]);

      const csv = await http().get(`/runs/${run.id}/results.csv`).set(office()).expect(200);
      const [header, first] = csv.text.slice(1).split('\r\n');
      expect(header).toContain(
        '现场评审 / On-site panel,定向捐赠 / Directed donations,网络投票 / Online vote,得分 / Score',
      );
      expect(first).toContain(`${scored.ids[0]},五顶岗`);
      expect(first).toContain(',84.00,70.00,100.00,84.40,');

      const bundle = await http().get(`/runs/${run.id}/bundle.json`).set(office()).expect(200);
      expect(JSON.parse(bundle.text)).toMatchObject({ version: 2 });
      expect(verify(bundle.text)).toMatchObject({ status: 0 });
      const changed = JSON.parse(bundle.text) as { inputs: { componentValues: { value: string }[] } };
      changed.inputs.componentValues[0].value = '71';
      const refused = verify(JSON.stringify(changed));
      expect(refused.status).toBe(1);

      // The public notice, read by anyone, shows how each final score was made: the parts, Chinese first.
      await http().post(`/competitions/${scored.fixture.competition.id}/publication`).set(office()).expect(201);
      const notice = await http().get(`/competitions/${scored.fixture.competition.id}/publication`).expect(200);
      expect(
        (notice.body.components as { labelZh: string; weight: string }[]).map((c) => [c.labelZh, c.weight]),
      ).toEqual([
        ['现场评审', '0.6'],
        ['定向捐赠', '0.2'],
        ['网络投票', '0.2'],
      ]);
      const noticed = notice.body.results as { community: string; score: string; components: unknown[] }[];
      expect(noticed.find((row) => row.community === '洲边')).toMatchObject({
        score: '63.63',
        components: [
          { key: 'roadshow', value: '76', display: '76.00', points: '45.6' },
          { key: 'donations', value: '23.5005', display: '23.50', points: '4.7001' },
          { key: 'vote', value: '200/3', display: '66.67', points: '40/3' },
        ],
      });
      expect(noticed.map((row) => row.components.length)).toEqual([3, 3, 3, 3]);
    });
  });

  describe('青岛: 15% preliminary + 25% documents + 60% roadshow, the scores imported as CSV', () => {
    // Trimmed means of the panel: 87, 73, 92, 64. Judge 5 lives in 洲边 and is recused from its project,
    // where four judges are too few to drop the highest and lowest and keep three: the mean of all four.
    const TOTALS = [
      [85, 86, 88, 89, 87],
      [70, 72, 74, 76, 0],
      [90, 91, 93, 94, 92],
      [60, 62, 66, 68, 64],
    ];
    let scored: Scored;
    const url = (path = '') => `/competitions/${scored.fixture.competition.id}/components${path}`;
    const office = () => bearer(scored.fixture.officeToken);
    const csvOf = (rows: readonly (readonly string[])[]) =>
      `\uFEFF项目编号 / Project ID,项目名称 / Project,分数 / Value\r\n${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;

    beforeAll(async () => {
      scored = await scoredCompetition(COMPETITION_PRESETS.qingdao, TOTALS, '洲边');
    }, 120_000);

    it('refuses a CSV with wrong rows, naming each line, and writes nothing of it', async () => {
      const refused = await http()
        .post(url('/preliminary/import'))
        .set(office())
        .send({
          csv: csvOf([
            [scored.ids[0], '发挥先锋作用', '78.5'],
            ['五顶岗', '分享阅读书香', '90'],
            [scored.ids[2], '扶贫帮困', '六十'],
            [scored.ids[3], '为民生', '100'],
          ]),
        })
        .expect(400);
      expect(refused.body).toMatchObject({ reason: 'CSV_ROWS_INVALID', field: 'csv.lines.3.projectId' });
      expect((refused.body.details as { field: string }[]).map((d) => d.field)).toEqual([
        'csv.lines.3.projectId',
        'csv.lines.4.value',
      ]);
      expect(refused.body.details[1].message_zh).toBe('第 4 行：分数须为数字，最多 4 位小数（如 85 或 36.5）');

      const aboveMax = await http()
        .post(url('/preliminary/import'))
        .set(office())
        .send({
          csv: csvOf([
            [scored.ids[0], '', '78.5'],
            [scored.ids[1], '', '100.5'],
          ]),
        })
        .expect(400);
      expect(aboveMax.body.details).toEqual([
        expect.objectContaining({ field: 'csv.lines.3.value', message_zh: '第 3 行：「初评」的分数不能超过 100' }),
      ]);
      expect(await db.getRepository(ComponentValue).countBy({ competitionId: scored.fixture.competition.id })).toBe(0);
    });

    it('imports both scores, refuses to lock a component with a project missing, and ranks as computed by hand', async () => {
      await http()
        .post(url('/preliminary/import'))
        .set(office())
        .send({
          csv: csvOf([
            [scored.ids[0], '', '78.5'],
            [scored.ids[1], '', '90'],
            [scored.ids[2], '', '60'],
          ]),
        })
        .expect(200);
      const incomplete = await http().post(url('/preliminary/lock')).set(office()).expect(409);
      expect(incomplete.body).toMatchObject({ reason: 'COMPONENT_VALUES_INCOMPLETE' });
      await http()
        .post(url('/preliminary/values'))
        .set(office())
        .send({ values: [{ projectId: scored.ids[3], value: '100' }] })
        .expect(200);
      await http()
        .post(url('/documents/import'))
        .set(office())
        .send({
          csv: csvOf([
            [scored.ids[0], '', '90'],
            [scored.ids[1], '', '85.5'],
            [scored.ids[2], '', '70'],
            [scored.ids[3], '', '95'],
          ]),
        })
        .expect(200);
      for (const key of ['preliminary', 'documents'])
        await http()
          .post(url(`/${key}/lock`))
          .set(office())
          .expect(200);

      const board = await http().get(`/roadshows/${scored.roadshowId}/board`).expect(200);
      expect(board.body.announcedAs).toMatchObject({ part: 'roadshow-component', labelZh: '路演得分', weight: '0.6' });
      const stage = await http().get(`/roadshows/${scored.roadshowId}`).set(office()).expect(200);
      expect(stage.body.announcedAs).toEqual(board.body.announcedAs);
      const tablet = await http().get('/judge/roadshow').set(bearer(scored.judges[0].token)).expect(200);
      expect(tablet.body.announcedAs).toEqual(board.body.announcedAs);

      const run = await finishedRun(scored);
      const table = await http()
        .get(`/competitions/${scored.fixture.competition.id}/results`)
        .set(office())
        .expect(200);
      // 五顶岗 11.775 + 22.5 + 52.2 = 86.475; 江根 9 + 17.5 + 55.2 = 81.7; 洲边 13.5 + 21.375 + 43.8 = 78.675;
      // 云秀 15 + 23.75 + 38.4 = 77.15. The roadshow alone would have put 江根 first.
      expect((table.body.items as ResultRowDto[]).map((row) => [row.community, row.score])).toEqual([
        ['五顶岗', '86.48'],
        ['江根', '81.70'],
        ['洲边', '78.68'],
        ['云秀', '77.15'],
      ]);

      // The resident of 洲边 never scored its project, so there is nothing of theirs to compare: shown, not flagged.
      const statistics = await http().get(`/runs/${run.id}/statistics`).set(office()).expect(200);
      expect(statistics.body.agreement.affiliationBias).toMatchObject({
        threshold: '5',
        flaggedCount: 0,
        judges: [{ affiliation: '洲边', sameCount: 0, otherCount: 3, bias: null, flagged: false }],
      });

      const bundle = await http().get(`/runs/${run.id}/bundle.json`).set(office()).expect(200);
      expect(verify(bundle.text)).toMatchObject({ status: 0 });
    });
  });
});
