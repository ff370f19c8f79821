import { randomUUID } from 'node:crypto';
import { Locator, Page } from 'playwright-core';
import request from 'supertest';
import { ScoreComponents } from '@app/application';
import { COMPETITION_PRESETS, DEFAULT_TENANT_ID, Role } from '@app/domain';
import { AppUser, Judge } from '@app/persistence';
import { IsolatedDatabase, createIsolatedDatabase } from '@app/testing';
import { TokenService } from '../../src/auth/token.service';
import { createUser } from '../factories';
import { scoredCompetition } from '../components.factory';
import { RoadshowFixture, bearer, roadshowCompetition } from '../roadshow.factory';
import { WorkerEnvironment, WorkerProcess, startWorkerProcess } from '../worker-process';
import {
  BIG_SCREEN,
  LABEL_CHECK,
  LAPTOP,
  PHONE,
  expectAccessibleShot,
  layoutProblems,
  servePages,
  signInOn,
} from './browser-harness';

jest.setTimeout(180_000);

/**
 * Five judges' totals per project (五顶岗, 洲边, 江根). Trimmed means: 74, 82, 62. The fifth judge
 * marks 五顶岗 22 points above the rest of the panel and the others 5 below.
 */
const TOTALS = [
  [70, 72, 74, 76, 95],
  [80, 82, 84, 86, 78],
  [60, 62, 64, 66, 58],
];

function csv(rows: readonly (readonly string[])[]): Buffer {
  return Buffer.from(
    `\uFEFF项目编号 / Project ID,分数 / Value\r\n${rows.map((row) => row.join(',')).join('\r\n')}\r\n`,
  );
}

describe('score components in the office console and the applicant’s result, in Chromium', () => {
  let database: IsolatedDatabase;
  let worker: WorkerProcess;
  let environment: Pick<WorkerEnvironment, 'DATABASE_URL' | 'QUEUE_PREFIX'>;
  const served = servePages(async () => {
    database = await createIsolatedDatabase(process.env.DATABASE_URL as string, 'components_pages');
    environment = { DATABASE_URL: database.url, QUEUE_PREFIX: `components-pages-${randomUUID().slice(0, 8)}` };
    return environment;
  });
  const http = () => request(served.app.getHttpServer());

  const see = (locator: Locator, text: string) => locator.filter({ hasText: text }).first().waitFor();
  /** No sideways scroll and every control labelled, on a 360 px phone; the viewport is put back after. */
  const expectFitsPhone = async (page: Page) => {
    const size = page.viewportSize();
    await page.setViewportSize({ width: 360, height: 780 });
    await expect(page.evaluate(LABEL_CHECK)).resolves.toEqual({ unlabelled: [], horizontalScroll: false });
    if (size) await page.setViewportSize(size);
  };
  const expectTouchable = async (page: Page) =>
    expect(layoutProblems(page)).resolves.toEqual({ overflow: false, small: [] });
  /** Controls under `selector` smaller than 44 × 44 px (the rules editor's older checkboxes sit in their labels). */
  const smallTargetsIn = (page: Page, selector: string) =>
    page.evaluate<string[]>(`
      [...document.querySelectorAll(${JSON.stringify(selector)})]
        .filter((element) => element.getClientRects().length > 0)
        .filter((element) => element.getBoundingClientRect().height < 44 || element.getBoundingClientRect().width < 44)
        .map((element) => element.getAttribute('aria-label') || element.textContent.trim() || element.id)
    `);

  beforeAll(async () => {
    worker = await startWorkerProcess(environment);
  });

  afterAll(async () => {
    await worker?.stop();
    await database?.drop();
  });

  it('creates a competition from the 青岛 preset and edits its components, the server’s refusal at the field', async () => {
    const office = await createUser(served.db, Role.Office);
    const { context, page } = await signInOn(served, 'office', office, LAPTOP);
    try {
      await page.getByRole('link', { name: '＋ 新建大赛' }).click();
      await page.getByLabel('预设规则').selectOption('qingdao');
      await page.getByLabel('大赛名称').fill('2027年 青岛式社区公益创投（评分构成测试）');
      await page.getByLabel('资金池（元）').fill('200000');
      await page.getByLabel('申报截止时间（北京时间）').fill('2031-03-31T17:00');
      await page.getByLabel('单位名称').fill('青岛市市南区八大峡街道办事处');
      await page.getByLabel('地址').fill('青岛市市南区西藏路');
      await page.getByLabel('法定代表人/负责人').fill('刘海涛');
      await page.getByRole('button', { name: '创建大赛' }).click();
      await page.getByTestId('competition-title').waitFor();
      const competitionId = /#\/competitions\/([0-9a-f-]{36})/.exec(page.url())?.[1] as string;

      await page.getByRole('navigation').getByRole('link', { name: '评审与分配规则', exact: true }).click();
      const rows = page.getByTestId('component-row');
      await rows.nth(2).waitFor();
      const labels = await Promise.all([0, 1, 2].map((i) => rows.nth(i).getByLabel('中文名称').inputValue()));
      expect(labels).toEqual(['初评', '材料评审', '路演']);
      // The roadshow's part has no maximum of its own: the rubric gives it.
      await expect(rows.nth(2).getByLabel('最高分').isVisible()).resolves.toBe(false);
      await expect(rows.nth(0).getByLabel('最高分').inputValue()).resolves.toBe('100');
      await expectFitsPhone(page);
      const editor =
        '#components button, #components input, #components select, [data-field^="aggregation.normalization"]';
      await expect(smallTargetsIn(page, editor)).resolves.toEqual([]);
      await expectAccessibleShot(page, 'components-01-qingdao-rules');

      // 0.15 + 0.3 + 0.6 is not a whole: refused, in Chinese first, under the components.
      const documentsWeight = rows.nth(1).getByLabel('权重或加分上限');
      await documentsWeight.fill('0.3');
      await page.getByRole('button', { name: '保存规则' }).click();
      await see(page.locator('#components-error'), '评分构成的权重合计须为 1（现为 1.05），加分项不计入');
      await expectAccessibleShot(page, 'components-02-weights-refused');

      // Put right, the document review moved first and the roadshow normalized per judge (population SD).
      await documentsWeight.fill('0.25');
      await page.getByRole('button', { name: '构成 2 上移' }).click();
      await expect(page.getByLabel('标准差口径').isVisible()).resolves.toBe(false);
      await page.getByLabel('标准化方式').selectOption('z-score');
      await page.getByLabel('标准差口径').selectOption('population');
      await page.getByRole('button', { name: '保存规则' }).click();
      await page.getByText('规则已保存为第 2 版').waitFor();

      const saved = await http()
        .get(`/competitions/${competitionId}`)
        .set(
          bearer(
            served.app
              .get(TokenService)
              .issue({ kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID }).token,
          ),
        )
        .expect(200);
      expect(saved.body.rules.aggregation).toMatchObject({
        normalization: { kind: 'z-score', sd: 'population', minProjectsPerJudge: 3 },
        biasThreshold: '5',
      });
      expect(
        (saved.body.rules.components as { key: string; weight: string }[]).map(({ key, weight }) => [key, weight]),
      ).toEqual([
        ['documents', '0.25'],
        ['preliminary', '0.15'],
        ['roadshow', '0.6'],
      ]);
    } finally {
      await context.close();
    }
  });

  it('puts the 东莞 preset’s score composition on a draft from the rules editor, after a second question', async () => {
    const office = await createUser(served.db, Role.Office);
    const token = served.app
      .get(TokenService)
      .issue({ kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID }).token;
    const created = await http()
      .post('/competitions')
      .set(bearer(token))
      .send({
        preset: 'community-micro',
        title: '2027年 社区公益微创投（预设评分构成测试）',
        poolFen: 20_000_000,
        submissionDeadline: '2031-03-31T17:00:00+08:00',
        grantor: { name: '青岛市市南区八大峡街道办事处', address: '青岛市市南区西藏路', representative: '刘海涛' },
      })
      .expect(201);
    const competitionId = created.body.id as string;
    const { context, page } = await signInOn(served, 'office', office, LAPTOP);
    try {
      await page.goto(`${served.baseUrl}/office/#/competitions/${competitionId}/rules`);
      const card = page.getByTestId('score-preset');
      await card.getByLabel('预设').selectOption('dongguan');
      await expect(page.getByTestId('component-row').count()).resolves.toBe(0);
      await card.getByRole('button', { name: '套用预设' }).click();
      await see(card, '套用后现有评分构成将被替换');
      await expectAccessibleShot(page, 'components-00-preset-confirm');
      await card.getByRole('button', { name: '确认套用' }).click();
      const rows = page.getByTestId('component-row');
      await rows.nth(2).waitFor();
      const labels = await Promise.all([0, 1, 2].map((i) => rows.nth(i).getByLabel('中文名称').inputValue()));
      expect(labels).toEqual(['现场评审', '定向捐赠', '网络投票']);
      await page.getByText('当前为第 2 版规则').waitFor();
      await expectAccessibleShot(page, 'components-00-preset-applied');

      // Once the competition opens for submissions the editor no longer offers a preset.
      await http()
        .post(`/competitions/${competitionId}/transitions`)
        .set(bearer(token))
        .send({ to: 'open' })
        .expect(200);
      await page.reload();
      await rows.nth(2).waitFor();
      await expect(page.getByTestId('score-preset').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });

  it('imports a CSV with an error then a correct one, enters and locks values, ranks, and shows each component to the office and the applicant', async () => {
    const fixture = await scoredQingdaoCompetition();
    const competitionId = fixture.competition.id;
    const [wudinggang, zhoubian, jianggen] = fixture.submissions.map((submission) => submission.id);
    const office = await served.db.getRepository(AppUser).findOneByOrFail({ id: fixture.officeId });
    const { context, page } = await signInOn(served, 'office', office, LAPTOP);
    try {
      await page.goto(`${served.baseUrl}/office/#/competitions/${competitionId}/components`);
      const preliminary = page.getByTestId('component-card').filter({ hasText: '初评 / Preliminary round' });
      const documents = page.getByTestId('component-card').filter({ hasText: '材料评审 / Document review' });
      await see(preliminary.getByTestId('component-state'), '3 个项目还没有分数');
      /** The office choosing a CSV of `rows` for the preliminary round and importing it. */
      const importPreliminary = async (rows: readonly (readonly string[])[]) => {
        await preliminary.getByLabel('导入 CSV 文件（UTF-8）').setInputFiles({
          name: 'preliminary.csv',
          mimeType: 'text/csv',
          buffer: csv(rows),
        });
        await preliminary.getByRole('button', { name: '导入', exact: true }).click();
      };

      // A CSV with two wrong lines: each named by its line, nothing imported.
      await importPreliminary([
        [wudinggang, '80'],
        [zhoubian, '九十'],
        ['not-a-project', '70'],
      ]);
      await see(preliminary.locator('.field-error'), '第 3 行');
      await see(preliminary.locator('.field-error'), '第 4 行');
      await expectAccessibleShot(page, 'components-03-csv-errors');
      await see(preliminary.getByTestId('component-state'), '3 个项目还没有分数');

      await importPreliminary([
        [wudinggang, '80'],
        [zhoubian, '90'],
        [jianggen, '70'],
      ]);
      await page.getByText('已导入：3 个项目的分数写入，0 个不变').waitFor();
      await see(preliminary.getByTestId('component-state'), '全部项目都有分数');

      // The document review typed in; a value above the maximum is refused beside it.
      const documentsCard = () => page.getByTestId('component-card').filter({ hasText: '材料评审 / Document review' });
      await documentsCard().getByLabel(`${fixture.submissions[0].title} 的分数`).fill('85');
      await documentsCard().getByLabel(`${fixture.submissions[1].title} 的分数`).fill('175.5');
      await documentsCard().getByLabel(`${fixture.submissions[2].title} 的分数`).fill('95');
      await documentsCard().getByRole('button', { name: '保存分数' }).click();
      await documentsCard()
        .getByLabel(`${fixture.submissions[1].title} 的分数`)
        .and(page.locator('[aria-invalid="true"]'))
        .waitFor();
      await documentsCard().getByLabel(`${fixture.submissions[1].title} 的分数`).fill('75.5');
      await documentsCard().getByRole('button', { name: '保存分数' }).click();
      await page.getByText('已保存 3 个项目的分数').waitFor();
      await expectFitsPhone(page);
      await expectTouchable(page);

      // Locking asks first; once locked the values cannot be typed over.
      for (const card of [preliminary, documents]) {
        await card.getByRole('button', { name: '锁定', exact: true }).click();
        await card.getByText('后不能再修改分数').waitFor();
        await card.getByRole('button', { name: '确认锁定' }).click();
        await see(card.getByTestId('component-state'), '已锁定');
      }
      await expect(documentsCard().getByLabel(`${fixture.submissions[0].title} 的分数`).isDisabled()).resolves.toBe(
        true,
      );
      await expectAccessibleShot(page, 'components-04-locked');

      // The run: a column per component (Chinese first), then the final score.
      await page.getByRole('navigation').getByRole('link', { name: '排名与分配', exact: true }).click();
      await page.getByRole('button', { name: '开始排名与资金分配' }).click();
      await page.getByText('排名与分配已完成').waitFor();
      const table = page.getByTestId('results-table');
      // The table renders after the run's message: read its header once it is there.
      await table.locator('thead th').first().waitFor();
      await expect(table.locator('thead th').allInnerTexts()).resolves.toEqual([
        '名次',
        '社区',
        '项目',
        '初评（权重 0.15）',
        '材料评审（权重 0.25）',
        '路演（权重 0.6）',
        '总分',
        '得分构成',
        '排序依据',
        '资助金额',
        '说明',
      ]);
      // 洲边 13.5 + 18.875 + 49.2 = 81.575; 五顶岗 12 + 21.25 + 44.4 = 77.65; 江根 10.5 + 23.75 + 37.2 = 71.45.
      const rows = table.getByTestId('result-row');
      const cells = (component: string) => rows.locator(`[data-component="${component}"]`).allInnerTexts();
      await expect(rows.getByTestId('final-score').allInnerTexts()).resolves.toEqual(['81.58', '77.65', '71.45']);
      await expect(cells('preliminary')).resolves.toEqual(['90.00\n计入 13.5', '80.00\n计入 12', '70.00\n计入 10.5']);
      await expect(cells('roadshow')).resolves.toEqual(['82.00\n计入 49.2', '74.00\n计入 44.4', '62.00\n计入 37.2']);

      // The judge who favoured their own community is flagged in words, beside the agreement figures.
      const bias = page.getByTestId('affiliation-bias');
      await see(bias.getByTestId('bias-summary'), '共提示 1 位');
      await expect(bias.getByTestId('bias-flag').innerText()).resolves.toBe('⚠ 超过阈值 5 分：请关注，分数照常计入');
      await expectFitsPhone(page);
      await expectAccessibleShot(page, 'components-05-results');

      await http().post(`/competitions/${competitionId}/publication`).set(bearer(fixture.officeToken)).expect(201);
    } finally {
      await context.close();
    }

    // The applicant of 洲边 reads its result on a phone: each component, then the final score.
    const applicant = await served.db
      .getRepository(AppUser)
      .findOneByOrFail({ organizationId: fixture.organizations[1].id });
    const phone = await signInOn(served, 'apply', applicant, PHONE);
    try {
      await phone.page.goto(`${served.baseUrl}/apply/#/submissions/${zhoubian}`);
      const result = phone.page.getByTestId('result');
      await result.getByTestId('final-score').waitFor();
      await expect(result.locator('dt').allInnerTexts()).resolves.toEqual(
        expect.arrayContaining(['初评（权重 0.15）', '材料评审（权重 0.25）', '路演（权重 0.6）', '总分']),
      );
      await expect(result.locator('[data-component]').allInnerTexts()).resolves.toEqual(['90.00', '75.50', '82.00']);
      await expect(result.getByTestId('final-score').innerText()).resolves.toBe('81.58');
      await expectFitsPhone(phone.page);
      await expectAccessibleShot(phone.page, 'components-06-applicant');
    } finally {
      await phone.context.close();
    }

    // A resident reads the public notice alone, signed in nowhere, and sees how each final score was made.
    const resident = await served.browser.newContext(PHONE);
    try {
      const notice = await resident.newPage();
      await notice.goto(`${served.baseUrl}/notice/?competition=${competitionId}`);
      const first = notice.getByTestId('notice-row').first();
      await first.locator('[data-component]').first().waitFor();
      await expect(first.locator('dt').allInnerTexts()).resolves.toEqual([
        '类别',
        '初评（权重 0.15）',
        '材料评审（权重 0.25）',
        '路演（权重 0.6）',
        '总分',
        '资助金额',
        '结果',
        '说明',
      ]);
      await expect(first.locator('[data-component]').allInnerTexts()).resolves.toEqual(['90.00', '75.50', '82.00']);
      await expect(first.innerText()).resolves.toContain('81.58');
      await expectFitsPhone(notice);
      await expectAccessibleShot(notice, 'components-07-public-notice');
    } finally {
      await resident.close();
    }
  });

  it('the hall’s screen and the office’s stage call the announced score 路演得分 when the roadshow is only a part of the final score', async () => {
    const { roadshowId, officeId, competition } = await scoredQingdaoCompetition();
    const context = await served.browser.newContext(BIG_SCREEN);
    try {
      const screen = await context.newPage();
      await screen.goto(`${served.baseUrl}/screen/?roadshow=${roadshowId}`);
      await screen.locator('#announced-score').waitFor();
      await expect(screen.locator('#announced-label').innerText()).resolves.toBe('路演得分');
      await expect(screen.locator('#ranking-table thead th').allInnerTexts()).resolves.toEqual([
        '名次',
        '项目',
        '路演得分',
      ]);
      await expectAccessibleShot(screen, 'components-07-screen');
      await screen.goto(`${served.baseUrl}/screen/?roadshow=${roadshowId}&lang=en`);
      await screen.locator('#announced-label', { hasText: 'Roadshow score' }).waitFor();
    } finally {
      await context.close();
    }
    const office = await served.db.getRepository(AppUser).findOneByOrFail({ id: officeId });
    const desk = await signInOn(served, 'office', office, LAPTOP);
    try {
      await desk.page.goto(`${served.baseUrl}/office/#/competitions/${competition.id}/roadshow`);
      await see(desk.page.getByTestId('announced'), '公布路演得分：');
      await expect(desk.page.locator('table:has([data-testid="slot-row"]) thead th').last().innerText()).resolves.toBe(
        '路演得分',
      );
    } finally {
      await desk.context.close();
    }
  });

  it('enters 东莞’s directed donations in yuan and shows the vote’s points read-only, from the round', async () => {
    const fixture = await roadshowCompetition(served.app, 2, COMPETITION_PRESETS.dongguan);
    const [first, second] = fixture.submissions;
    // The vote's values arrive through the one use-case as its round closes: 300 and 200 valid votes.
    await served.db.transaction((manager) =>
      served.app.get(ScoreComponents).recordComponentValues(
        manager,
        {
          competitionId: fixture.competition.id,
          componentKey: 'vote',
          source: 'vote',
          values: [
            { projectId: first.id, value: '100' },
            { projectId: second.id, value: '200/3' },
          ],
        },
        { actorType: 'system', actorId: null },
      ),
    );
    const office = await served.db.getRepository(AppUser).findOneByOrFail({ id: fixture.officeId });
    const { context, page } = await signInOn(served, 'office', office, LAPTOP);
    try {
      await page.goto(`${served.baseUrl}/office/#/competitions/${fixture.competition.id}/components`);
      const donations = page.getByTestId('component-card').filter({ hasText: '定向捐赠 / Directed donations' });
      const vote = page.getByTestId('component-card').filter({ hasText: '网络投票 / Online vote' });
      await see(donations, '按定向捐赠折算：每 1000 元 1 分');
      await see(vote, '分数来自网络投票');
      await expect(vote.locator('input').count()).resolves.toBe(0);
      await expect(vote.getByTestId('component-value-row').locator('td.num').allInnerTexts()).resolves.toEqual([
        '100',
        '66.666666…',
      ]);

      // ¥70,000 is 70 points; ¥123,456.78 is capped at the maximum of 100.
      await donations.getByLabel(`${first.title} 的捐赠金额（元）`).fill('70,000');
      await donations.getByLabel(`${second.title} 的捐赠金额（元）`).fill('123456.78');
      await donations.getByRole('button', { name: '保存分数' }).click();
      await page.getByText('已保存 2 个项目的分数').waitFor();
      await expect(donations.getByTestId('component-value-row').locator('td.num').allInnerTexts()).resolves.toEqual([
        '70',
        '100',
      ]);
      await see(donations.getByTestId('component-state'), '全部项目都有分数');

      // The vote too is locked by the office before a run, after a second question.
      await vote.getByRole('button', { name: '锁定', exact: true }).click();
      await vote.getByRole('button', { name: '确认锁定' }).click();
      await see(vote.getByTestId('component-state'), '已锁定');
      await expectFitsPhone(page);
      await expectTouchable(page);
      await expectAccessibleShot(page, 'components-08-dongguan');
    } finally {
      await context.close();
    }
  });

  /**
   * A 青岛-rules competition whose three projects five judges scored through the API, scoring
   * closed. The fifth judge's community (五顶岗) is recorded only after the roadshow, so no automatic
   * recusal kept them from its project: the run measures how far they favoured it.
   */
  async function scoredQingdaoCompetition(): Promise<RoadshowFixture & { readonly roadshowId: string }> {
    const { fixture, roadshowId, judges } = await scoredCompetition(served.app, COMPETITION_PRESETS.qingdao, TOTALS, {
      seed: 'qingdao',
    });
    await served.db
      .getRepository(Judge)
      .update({ id: judges[4].id }, { community: fixture.organizations[0].community });
    return { ...fixture, roadshowId };
  }
});
