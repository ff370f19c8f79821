import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BrowserContext, Locator, Page } from 'playwright-core';
import request from 'supertest';
import { DEFAULT_TENANT_ID, OrganizationKind, Role } from '@app/domain';
import { AppUser, Competition, Submission } from '@app/persistence';
import { IsolatedDatabase, createIsolatedDatabase } from '@app/testing';
import { TokenService } from '../../src/auth/token.service';
import { TEST_PASSWORD, createOrganization, createSubmission, createUser } from '../factories';
import { SANSHUI_PROJECTS, bearer, partyBuildingSheet } from '../roadshow.factory';
import { WorkerEnvironment, WorkerProcess, startWorkerProcess } from '../worker-process';
import { LABEL_CHECK, LAPTOP, PHONE, expectAccessibleShot, screenshotDir, servePages } from './browser-harness';

// A whole competition day in one browser session: each step waits for what the office would see.
jest.setTimeout(180_000);

const INJECTION_TITLE = '<img src=x onerror=alert(1)>红色文化凝心聚力';
const SEED = 'xinan-2026-05-20-fc3d-417';

/** Three projects that go on stage, and one that fails screening. Totals per judge, in stage order. */
const PROJECTS = [
  { community: '五顶岗', title: SANSHUI_PROJECTS[0][2], category: 'convenience', totals: ['88', '91', '86'] },
  { community: '康华', title: INJECTION_TITLE, category: 'culture-sports', totals: ['55', '58', '52'] },
  { community: '布心', title: SANSHUI_PROJECTS[9][2], category: 'poverty-relief', totals: ['82', '79', '84'] },
  { community: '沙头', title: SANSHUI_PROJECTS[8][2], category: 'health', totals: [] },
] as const;

const JUDGES = ['陈卫东', '林晓红', '黄志明'];

/** pdftotext splits lines and maps look-alike glyphs; compare without whitespace. */
function squash(text: string): string {
  return text.replace(/\s+/g, '').replace(/•/g, '·');
}

describe('office console in Chromium', () => {
  let database: IsolatedDatabase;
  let worker: WorkerProcess;
  let office: AppUser;
  let officeBearer: string;
  // The worker takes this file's jobs from its own queues, and awards only this file's competitions.
  let environment: Pick<WorkerEnvironment, 'DATABASE_URL' | 'QUEUE_PREFIX'>;
  const served = servePages(async () => {
    database = await createIsolatedDatabase(process.env.DATABASE_URL as string, 'office');
    environment = { DATABASE_URL: database.url, QUEUE_PREFIX: `office-${randomUUID().slice(0, 8)}` };
    return environment;
  });
  const shots = screenshotDir();
  // Downloaded files sit beside the screenshots, for a person to open.
  const downloads = resolve(shots, '..', 'downloads');
  const stamp = Date.now();
  const title = `2026年西南街道"红色核动力"党建项目创投大赛（控制台测试 ${stamp}）`;

  beforeAll(async () => {
    worker = await startWorkerProcess(environment);
    mkdirSync(downloads, { recursive: true });
    office = await createUser(served.db, Role.Office);
    officeBearer = served.app
      .get(TokenService)
      .issue({ kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID }).token;
  });

  afterAll(async () => {
    await worker?.stop();
    await database?.drop();
    process.stdout.write(`downloads: ${downloads}\n`);
  });

  const http = () => request(served.app.getHttpServer());
  /** A new tab (its own session) signed in to the applicant pages. */
  const applicantSignsIn = async (phone: BrowserContext, user: AppUser) => {
    const tab = await phone.newPage();
    await tab.goto(`${served.baseUrl}/apply/`);
    await tab.getByLabel('登录名').fill(user.login);
    await tab.getByLabel('密码').fill(TEST_PASSWORD);
    await tab.getByRole('button', { name: '登录' }).click();
    await tab.getByRole('heading', { name: '我的申报' }).waitFor();
    return tab;
  };
  /** Waits until the element shows the text: the page updates after the request returns. */
  const see = (locator: Locator, text: string) => locator.filter({ hasText: text }).first().waitFor();
  const expectLabelled = async (page: Page) =>
    expect(page.evaluate(LABEL_CHECK)).resolves.toEqual({ unlabelled: [], horizontalScroll: false });
  const tab = (page: Page, name: string) =>
    page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

  it('runs a competition from a preset to downloaded agreements', async () => {
    const context = await served.browser.newContext({ ...LAPTOP, acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    try {
      await officeDay(page);
    } catch (error) {
      // What the office saw when the step failed, for whoever reads the CI log.
      await expectAccessibleShot(page, 'office-failure').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });

  async function officeDay(page: Page): Promise<void> {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // Sign in.
    await page.goto(`${served.baseUrl}/office/`);
    await page.getByRole('heading', { name: '管理控制台登录' }).waitFor();
    await page.getByLabel('登录名').fill(office.login);
    await page.getByLabel('密码').fill('wrong password 12345');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('登录名或密码错误').waitFor();
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '公益创投大赛' }).waitFor();

    // Create from a preset: the pool typed in yuan is stored in exact fen.
    await page.getByRole('link', { name: '＋ 新建大赛' }).click();
    await page.getByLabel('预设规则').selectOption('party-building');
    await page.getByLabel('大赛名称').fill(title);
    await page.getByLabel('资金池（元）').fill('30,000.5x');
    await page.getByLabel('申报截止时间（北京时间）').fill('2031-03-31T17:00');
    await page.getByLabel('单位名称').fill('中共佛山市三水区西南街道工作委员会');
    await page.getByLabel('地址').fill('佛山市三水区西南街道广海大道西');
    await page.getByLabel('法定代表人/负责人').fill('王建国');
    await page.getByRole('button', { name: '创建大赛' }).click();
    await page.getByText('金额须为数字（元），最多两位小数').waitFor();
    // A pool smaller than the preset's ¥50,000 cap per project: the server's refusal sits under the pool.
    await page.getByLabel('资金池（元）').fill('30000');
    await page.getByRole('button', { name: '创建大赛' }).click();
    await page.getByText('不能超过资金池').waitFor();
    await expectAccessibleShot(page, 'office-01-create-field-error');
    await page.getByLabel('资金池（元）').fill('300,000.05');
    await page.getByRole('button', { name: '创建大赛' }).click();
    await page.getByTestId('competition-title').waitFor();
    await see(page.getByTestId('competition-state'), '草稿');
    const competitionId = /#\/competitions\/([0-9a-f-]{36})/.exec(page.url())![1];
    const stored = await served.db.getRepository(Competition).findOneByOrFail({ id: competitionId });
    expect(stored.poolFen).toBe(30_000_005);
    expect(stored.submissionDeadline.toISOString()).toBe('2031-03-31T09:00:00.000Z');
    await expectLabelled(page);
    await expectAccessibleShot(page, 'office-02-overview-draft');

    // Rules: a bad weight is refused with the field named, and shown next to that field.
    await tab(page, '评审与分配规则');
    await page.getByTestId('rubric-row').first().waitFor();
    const weight = page.getByTestId('rubric-row').nth(1).getByLabel('权重');
    await weight.fill('1.23456');
    await page.getByRole('button', { name: '保存规则' }).click();
    const weightError = page.locator(`#${await weight.getAttribute('id')}-error`);
    await see(weightError, '评分细则第 2 项的权重必须是数字');
    await expect(weight.getAttribute('aria-invalid')).resolves.toBe('true');
    await expectLabelled(page);
    await expectAccessibleShot(page, 'office-03-rules-field-error');
    // A valid change: the per-project cap, typed in yuan, saved as a new rules version.
    await weight.fill('1');
    await page.getByLabel('单个项目申请上限（元）').fill('45000');
    await page.getByRole('button', { name: '保存规则' }).click();
    await page.getByText('规则已保存为第 2 版').waitFor();
    expect(
      (await served.db.getRepository(Competition).findOneByOrFail({ id: competitionId })).rules.maxRequestFen,
    ).toBe(4_500_000);

    // Lifecycle: open, then the projects arrive (written directly: the applicant pages have their own test).
    await tab(page, '概况与状态');
    await page.getByRole('button', { name: '变为「征集中」' }).click();
    await see(page.getByTestId('competition-state'), '征集中');
    const submissions: Submission[] = [];
    const applicants: AppUser[] = [];
    for (const project of PROJECTS) {
      const organization = await createOrganization(served.db, {
        kind: OrganizationKind.Community,
        name: `${project.community}社区居民委员会`,
        community: project.community,
      });
      const applicant = await createUser(served.db, Role.Applicant, organization.id);
      applicants.push(applicant);
      submissions.push(
        await createSubmission(served.db, competitionId, organization.id, applicant.id, {
          title: project.title,
          category: project.category,
          requestedFen: 2_800_000,
          matchingFen: 700_000,
        }),
      );
    }
    await page.getByRole('button', { name: '变为「征集截止」' }).click();
    await page.getByRole('button', { name: '变为「资格审查」' }).click();
    await see(page.getByTestId('competition-state'), '资格审查');
    // Too early for the roadshow: the API's refusal is shown in both languages' terms.
    await page.getByRole('button', { name: '变为「路演」' }).click();
    await page.getByText('还有 4 个已提交项目未完成资格审查').waitFor();
    await page.getByText('finish screening before the roadshow').waitFor();
    await expectAccessibleShot(page, 'office-04-transition-refused');

    // Screening: pass three, reject one with a reason the applicant will read.
    await tab(page, '申报与资格审查');
    await see(page.getByTestId('submission-count'), '共 4 个项目');
    await expect(page.locator('main img').count()).resolves.toBe(0);
    await page.getByText(INJECTION_TITLE, { exact: true }).waitFor();
    for (const project of PROJECTS) {
      const row = page.getByTestId('submission-row').filter({ hasText: project.title });
      await row.locator('summary').click();
      if (project.totals.length === 0) {
        await row.getByLabel('审查意见（不通过时必填，申报单位可见）').fill('预算明细不全，缺少场地租赁报价');
        await row.getByRole('button', { name: '不通过' }).click();
      } else {
        await row.getByRole('button', { name: '通过', exact: true }).click();
      }
      await see(
        page.getByTestId('submission-row').filter({ hasText: project.title }).getByTestId('screening-status'),
        project.totals.length === 0 ? '资格审查未通过' : '资格审查通过',
      );
    }
    await page.getByLabel('资格审查', { exact: true }).selectOption('rejected');
    await see(page.getByTestId('submission-count'), '共 1 个项目');
    await page.getByText('预算明细不全，缺少场地租赁报价').waitFor();
    await expectLabelled(page);
    await expectAccessibleShot(page, 'office-05-screening-filtered');
    await tab(page, '概况与状态');
    await page.getByRole('button', { name: '变为「路演」' }).click();
    await see(page.getByTestId('competition-state'), '路演');

    // Roadshow: create, three judges with one-time codes, the published draw.
    await tab(page, '路演');
    await page.getByLabel('路演地点').fill('西南街道党群服务中心一楼报告厅');
    await page.getByRole('button', { name: '创建路演' }).click();
    const codes: string[] = [];
    for (const name of JUDGES) {
      await page.getByLabel('评委姓名').fill(name);
      await page.getByRole('button', { name: '添加评委并生成签到码' }).click();
      // The code shows once, on a slip with its QR code, ready to print.
      const slip = page.getByTestId('code-slip').filter({ hasText: name });
      await slip.locator('svg.qr path').waitFor();
      codes.push(await slip.getByTestId('judge-code').innerText());
    }
    expect(codes.every((code) => /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/.test(code))).toBe(true);
    await page.getByTestId('judge-row').nth(2).waitFor();
    await page.getByLabel('公开种子（选填；不填则随机生成）').fill(SEED);
    await page.getByRole('button', { name: '抽签' }).click();
    await see(page.getByTestId('order-seed'), SEED);
    await expect(page.getByTestId('slot-row').count()).resolves.toBe(3);
    await expectLabelled(page);
    await expectAccessibleShot(page, 'office-06-roadshow-judges-draw');

    // A recusal set in error (the wrong judge chosen) is taken back, with a reason, before the stage.
    const recusals = page.getByTestId('recusals');
    await recusals.getByText('还没有回避。').waitFor();
    await recusals.getByLabel('回避评委').selectOption({ label: JUDGES[2] });
    await recusals.getByLabel('回避项目').selectOption({ label: PROJECTS[0].title });
    await recusals.getByLabel('回避理由').fill('据报与项目负责人为亲属，待核实');
    await recusals.getByRole('button', { name: '指定回避' }).click();
    const recusalRow = recusals.getByTestId('recusal-row').filter({ hasText: JUDGES[2] });
    await see(recusalRow, '办公室指定');
    await see(recusalRow, PROJECTS[0].title);
    await recusalRow.getByRole('button', { name: `撤销 ${JUDGES[2]} 对 ${PROJECTS[0].title} 的回避` }).click();
    await recusals.getByLabel('撤销理由').fill('经核实并非亲属，撤销回避');
    await expectLabelled(page);
    await expectAccessibleShot(page, 'office-06b-recusal-withdraw');
    await recusals.getByRole('button', { name: '确认撤销回避' }).click();
    await recusals.getByText('还没有回避。').waitFor();

    const state = (await http().get(`/competitions/${competitionId}/roadshow`).set(bearer(officeBearer)).expect(200))
      .body as { roadshow: { id: string }; slots: { id: string; submissionId: string; position: number }[] };
    const tokens: string[] = [];
    for (const code of codes) {
      const session = await http().post('/judge-sessions').send({ code, roadshowId: state.roadshow.id }).expect(201);
      tokens.push(session.body.token as string);
    }

    for (const slot of state.slots) {
      const project = PROJECTS[submissions.findIndex((s) => s.id === slot.submissionId)];
      await page.getByRole('button', { name: `下一个项目上台：第 ${slot.position} 号` }).click();
      await see(page.getByTestId('on-stage-title'), project.title);
      await page
        .getByTestId('timer')
        .filter({ hasText: /^0[67]:\d\d$/ })
        .waitFor();
      await page.getByRole('button', { name: '陈述结束，开始评分' }).click();
      await see(page.getByTestId('slot-state'), '评分中');
      // On the first project the third judge never scores: the office locks without them.
      const scoring = slot.position === 1 ? 2 : 3;
      for (let j = 0; j < scoring; j += 1) {
        await http()
          .put(`/judge/slots/${slot.id}/score`)
          .set(bearer(tokens[j]))
          .set('Idempotency-Key', `browser-${slot.id}-${j}`)
          .send(partyBuildingSheet(project.totals[j]))
          .expect(200);
      }
      // Live: the count and the names arrive over server-sent events, no reload.
      await page
        .getByTestId('submitted-count')
        .filter({ hasText: `已提交 ${scoring} / 3 位评委` })
        .waitFor();
      await expect(page.locator('[data-testid="judge-progress"] li[data-status="submitted"]').count()).resolves.toBe(
        scoring,
      );
      if (slot.position === 1) await expectAccessibleShot(page, 'office-07-stage-live-progress');
      await page.getByRole('button', { name: '锁定并公布分数' }).click();
      if (scoring < 3) {
        const warning = page.getByTestId('lock-anyway');
        await expect(warning.innerText()).resolves.toContain(JUDGES[2]);
        await expectAccessibleShot(page, 'office-08-lock-missing-judge');
        await warning.getByLabel('我确认未提交评分的评委不计入本项目得分').check();
        await warning.getByRole('button', { name: '仍然锁定（未提交者不计入）' }).click();
      }
      await page
        .getByTestId('announced')
        .filter({ hasText: `第 ${slot.position} 号` })
        .waitFor();
    }
    await expectAccessibleShot(page, 'office-09-roadshow-all-locked');
    await tab(page, '概况与状态');
    await page.getByRole('button', { name: '变为「评分结束」' }).click();
    await see(page.getByTestId('competition-state'), '评分结束');

    // Rank and allocate on the worker, with its progress live.
    await tab(page, '排名与分配');
    await page.getByRole('button', { name: '开始排名与资金分配' }).click();
    await page.locator('[data-testid="progress"][aria-valuenow="100"]').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('run-status').innerText()).resolves.toBe('已完成');
    await page.getByTestId('results-table').waitFor();
    const rows = page.getByTestId('result-row');
    await expect(rows.count()).resolves.toBe(3);
    const firstRow = await rows.first().innerText();
    expect(firstRow).toContain(PROJECTS[0].title);
    expect(firstRow).toContain('五顶岗');
    const lastReason = await rows.nth(2).getByTestId('result-reason').innerText();
    expect(lastReason).toContain('得分低于合格分数线');
    await expect(page.locator('main img').count()).resolves.toBe(0);
    await page.getByTestId('leniency-chart').waitFor();
    await expect(page.locator('[data-testid="leniency-chart"] g[data-judge]').count()).resolves.toBe(3);
    await see(page.getByTestId('competition-state'), '资金已分配');
    await expectLabelled(page);
    await expectAccessibleShot(page, 'office-10-results-and-statistics');

    // English relabels the whole console in place.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Judge agreement' }).waitFor();
    await expectAccessibleShot(page, 'office-11-results-english');
    await page.getByRole('button', { name: '切换到中文' }).click();

    // Publish; an applicant objects; the office answers.
    await page.getByRole('button', { name: '公示结果' }).click();
    await page.getByTestId('notice').waitFor();
    await see(page.getByTestId('competition-state'), '公示中');
    // Two communities look on their phones: the one screened out reads why; a funded one reads its
    // grant and files an objection during the notice period.
    const phone = await page.context().browser()!.newContext(PHONE);
    phone.setDefaultTimeout(15_000);
    const rejected = await applicantSignsIn(phone, applicants[3]);
    await rejected.getByRole('link', { name: PROJECTS[3].title }).click();
    await see(rejected.getByTestId('screening'), '预算明细不全，缺少场地租赁报价');
    await expectLabelled(rejected);
    await expectAccessibleShot(rejected, 'office-apply-01-screening-reason');
    const objector = await applicantSignsIn(phone, applicants[2]);
    await objector.getByRole('link', { name: PROJECTS[2].title }).click();
    await see(objector.getByTestId('grant'), '¥28,000.00');
    await see(objector.getByTestId('grant-reason'), '全额资助');
    await objector.getByLabel('异议理由').fill('请核对第 3 号评委的评分记录。');
    await objector.getByRole('button', { name: '提出异议' }).click();
    await see(objector.getByTestId('my-objection'), '待答复');
    await expectLabelled(objector);
    await expectAccessibleShot(objector, 'office-apply-02-result-and-objection');
    await page.reload();
    const objection = page.getByTestId('objection');
    await objection.getByLabel('答复（申报单位可见）').fill('经核查，评分录入无误，维持原结果。');
    // Until the notice period ends the award waits, and the button says when it may be pressed.
    await expect(page.getByTestId('award').isDisabled()).resolves.toBe(true);
    await see(page.getByTestId('award-when'), '公示期至');
    await expectLabelled(page);
    await expectAccessibleShot(page, 'office-12-publicity-objection');
    await objection.getByRole('button', { name: '提交答复' }).click();
    await page.getByTestId('objection').filter({ hasText: '异议不成立' }).waitFor();

    // The notice period is days long: end it in the database, then award.
    await served.db.query(
      `UPDATE publication SET starts_at = now() - interval '8 days', ends_at = now() - interval '1 minute'
        WHERE competition_id = $1`,
      [competitionId],
    );
    await page.reload();
    // The worker's minute tick awards an ended notice on its own and may get there first: then the
    // console shows the competition awarded, or the API's refusal of a second award.
    await page.getByTestId('notice').waitFor();
    const award = page.getByRole('button', { name: '公示期满，立项并生成协议书' });
    if (await award.isVisible()) {
      await award.click();
      await page.getByRole('heading', { name: '资助协议书' }).or(page.locator('.message-box.error')).first().waitFor();
    }
    if (!(await page.getByRole('heading', { name: '资助协议书' }).isVisible())) await tab(page, '协议书');
    await page.getByRole('heading', { name: '资助协议书' }).waitFor();
    await see(page.getByTestId('competition-state'), '已立项');
    await page.getByTestId('agreements-progress').filter({ hasText: '已生成 2 / 2 份' }).waitFor({ timeout: 60_000 });
    await expectLabelled(page);
    await expectAccessibleShot(page, 'office-13-agreements');

    // One agreement, as the office downloads it.
    const row = page.getByTestId('agreement-row').filter({ hasText: PROJECTS[0].title });
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: /^下载 PDF：/ }).click(),
    ]);
    const pdfPath = join(downloads, 'office-agreement.pdf');
    await pdf.saveAs(pdfPath);
    const bytes = readFileSync(pdfPath);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    expect(squash(text)).toContain(squash(PROJECTS[0].title));
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);

    // All of them as one ZIP.
    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '打包下载全部（ZIP）' }).click(),
    ]);
    const zipPath = join(downloads, 'office-agreements.zip');
    await zip.saveAs(zipPath);
    expect(readFileSync(zipPath).subarray(0, 2).toString('latin1')).toBe('PK');
    writeFileSync(join(downloads, 'office-agreement.txt'), text);

    // The funded community sees the answer to its objection and downloads its own agreement.
    await objector.reload();
    await see(objector.getByTestId('my-objection'), '经核查，评分录入无误，维持原结果。');
    const [own] = await Promise.all([
      objector.waitForEvent('download'),
      objector.getByRole('button', { name: '下载协议书（PDF）' }).click(),
    ]);
    const ownPath = join(downloads, 'applicant-agreement.pdf');
    await own.saveAs(ownPath);
    expect(readFileSync(ownPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const ownText = execFileSync('pdftotext', ['-enc', 'UTF-8', ownPath, '-'], { encoding: 'utf8' });
    expect(squash(ownText)).toContain(squash(PROJECTS[2].title));
    await expectAccessibleShot(objector, 'office-apply-03-agreement');

    // It signs and stamps the paper, scans it and uploads the scan; the office downloads the same bytes.
    const scanPath = join(downloads, 'applicant-signed-scan.pdf');
    writeFileSync(scanPath, Buffer.concat([readFileSync(ownPath), Buffer.from('\n% 签字盖章 scanned\n')]));
    await objector.getByLabel('签字盖章扫描件').setInputFiles(scanPath);
    await objector.getByRole('button', { name: '上传扫描件' }).click();
    await see(objector.getByTestId('agreement-status'), '已签署');
    await objector.getByText(/已于 .* 上传签字盖章扫描件/).waitFor();
    await expectLabelled(objector);
    await expectAccessibleShot(objector, 'office-apply-04-signed');
    await phone.close();

    await page.reload();
    if (!(await page.getByRole('heading', { name: '资助协议书' }).isVisible())) await tab(page, '协议书');
    const signedRow = page.getByTestId('agreement-row').filter({ hasText: PROJECTS[2].title });
    await see(signedRow, '已签署');
    const [scan] = await Promise.all([
      page.waitForEvent('download'),
      signedRow.getByRole('button', { name: /^签字扫描件：/ }).click(),
    ]);
    const officeScanPath = join(downloads, 'office-signed-scan.pdf');
    await scan.saveAs(officeScanPath);
    expect(readFileSync(officeScanPath).equals(readFileSync(scanPath))).toBe(true);

    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  }
});
