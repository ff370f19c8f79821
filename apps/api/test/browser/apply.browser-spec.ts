import { BrowserContextOptions, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { CompetitionState, Role } from '@app/domain';
import { Submission } from '@app/persistence';
import { createCompetition, createUser } from '../factories';
import { LAPTOP, expectAccessibleShot, servePages } from './browser-harness';

const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};

/** Shown as text, never run: a title that would execute if it went through innerHTML. */
const INJECTION = '<img src=x onerror=alert(1)>';
const TITLE = `${INJECTION}党群心连心·关爱母婴行——沙头社区孕产妇与婴幼儿家庭全周期关爱服务与志愿者培育计划`;

interface LayoutProblems {
  horizontalScroll: boolean;
  unlabelled: string[];
  smallTargets: string[];
  overflowing: string[];
}

/**
 * What a phone user would trip over: sideways scrolling, controls without a label, targets under
 * 44 px, text running off the screen. Runs in the page; kept as source text because the test
 * project is compiled without the DOM types.
 */
const LAYOUT_PROBLEMS = `(() => {
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const describe = (element) =>
    element.tagName.toLowerCase() + '#' + element.id + '[' + (element.textContent || '').trim().slice(0, 20) + ']';
  const controls = [...document.querySelectorAll('input, select, textarea')].filter(visible);
  const unlabelled = controls
    .filter((control) => !(control.labels && control.labels.length > 0) && !control.getAttribute('aria-label'))
    .map(describe);
  const targets = [...document.querySelectorAll('button, a.button, .tabs a, summary, input:not([type=checkbox]), select')]
    .filter(visible);
  const smallTargets = targets
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return box.height < 44 || box.width < 44;
    })
    .map(describe);
  const width = document.documentElement.clientWidth;
  const overflowing = [...document.querySelectorAll('h1, h2, p, td, dd, label, .title')]
    .filter(visible)
    .filter((element) => element.getBoundingClientRect().right > width + 1 && !element.closest('.table-wrap'))
    .map(describe);
  return {
    horizontalScroll: document.documentElement.scrollWidth > width,
    unlabelled,
    smallTargets,
    overflowing,
  };
})()`;

async function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate<LayoutProblems>(LAYOUT_PROBLEMS);
}

async function expectUsable(page: Page): Promise<void> {
  await expect(layoutProblems(page)).resolves.toEqual({
    horizontalScroll: false,
    unlabelled: [],
    smallTargets: [],
    overflowing: [],
  });
}

/** Fills the registration form as a community's contact person would, the login's owner being that person. */
async function fillRegistration(
  page: Page,
  who: { community: string; contact: string; phone: string; login: string; password: string },
): Promise<void> {
  await page.getByLabel('组织名称').fill(`${who.community}社区居民委员会`);
  await page.getByLabel('服务社区').fill(who.community);
  await page.getByLabel('所在街道/区').fill('佛山市三水区西南街道');
  await page.getByLabel('联系人').fill(who.contact);
  await page.getByLabel('联系电话').fill(who.phone);
  await page.getByLabel('登录名').fill(who.login);
  await page.getByLabel('您的姓名').fill(who.contact);
  await page.getByLabel('密码', { exact: true }).fill(who.password);
  await page.getByLabel('再次输入密码').fill(who.password);
}

// A browser session of many steps; each step waits for what a person would see, up to 10 s.
jest.setTimeout(120_000);

describe('applicant pages in Chromium', () => {
  const served = servePages();
  let competitionId: string;
  // Earlier runs leave their competitions in the shared database: find this run's by its title.
  const competitionTitle = `2026年西南街道"红色核动力"党建项目创投大赛（申报测试 ${Date.now()}）`;
  /** From the applicant's home, opens a new proposal in this run's competition. */
  const startProposal = async (page: Page) => {
    await page
      .getByTestId('open-competition')
      .filter({ hasText: competitionTitle })
      .getByRole('link', { name: '申报项目' })
      .click();
    await page.getByRole('heading', { name: '申报新项目' }).waitFor();
  };

  beforeAll(async () => {
    const office = await createUser(served.db, Role.Office);
    const competition = await createCompetition(served.db, office.id, {
      state: CompetitionState.Open,
      title: competitionTitle,
    });
    competitionId = competition.id;
  });

  it('registers on a phone, drafts three budget lines with a live sum, fixes a cap warning and submits', async () => {
    const context = await served.browser.newContext(PHONE);
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(served.baseUrl) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) {
        outside.push(r.url());
      }
    });
    const login = `shatou-${Date.now()}`;

    await page.goto(`${served.baseUrl}/apply/`);
    await page.getByRole('heading', { name: '申报单位登录' }).waitFor();
    await expectUsable(page);
    await page.getByRole('link', { name: '注册组织并申报' }).click();
    await page.getByRole('heading', { name: '注册组织与申报账号' }).waitFor();
    await page.getByLabel('组织类型').selectOption('community');
    await fillRegistration(page, {
      community: '沙头',
      contact: '何丽娟',
      phone: '0757-87765432',
      login,
      password: '沙头社区申报密码2026',
    });
    // One wrong character: the server's GB 32100-2015 check is shown under the field.
    await page.getByLabel('统一社会信用代码（选填）').fill('52440607MJL123454A');
    await page.getByRole('button', { name: '注册并登录' }).click();
    const creditError = page.locator(
      '#' + (await page.getByLabel('统一社会信用代码（选填）').getAttribute('id')) + '-error',
    );
    await creditError.filter({ hasText: '校验' }).waitFor();
    await expect(page.getByLabel('统一社会信用代码（选填）').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectUsable(page);
    await expectAccessibleShot(page, 'apply-01-register-credit-code-error');
    await page.getByLabel('统一社会信用代码（选填）').fill('');
    await page.getByRole('button', { name: '注册并登录' }).click();

    await page.getByRole('heading', { name: '我的申报' }).waitFor();
    await expectUsable(page);
    await expectAccessibleShot(page, 'apply-02-home');
    await startProposal(page);

    await page.getByLabel('项目名称').fill(TITLE);
    await page.getByLabel('项目类别').selectOption('health');
    await page.getByLabel('项目简介').fill('为辖区孕产妇和 0–3 岁婴幼儿家庭提供上门探访、育儿讲座和志愿陪伴。');
    await page.getByLabel('回应的需求').fill('沙头社区新生儿家庭 86 户，缺少产后照护与育儿支持。');
    await page.getByLabel('受益对象').fill('孕产妇与婴幼儿家庭');
    await page.getByLabel('受益人数').fill('86');
    await page.getByLabel('项目目标（每行一条）').fill('上门探访不少于 120 户次\n举办育儿讲座 6 场');

    await page.getByLabel('第 1 项 名称').fill('育儿讲座专家费');
    await page.getByLabel('金额（元）').first().fill('12000');
    await page.getByRole('button', { name: '添加一行预算' }).click();
    await page.getByLabel('第 2 项 名称').fill('探访物资（母婴包）');
    await page.getByLabel('金额（元）').nth(1).fill('30000.50');
    await page.getByRole('button', { name: '添加一行预算' }).click();
    await page.getByLabel('第 3 项 名称').fill('志愿者培训与宣传');
    await page.getByLabel('类别', { exact: true }).nth(2).fill('培训');
    await page.getByLabel('金额（元）').nth(2).fill('18000');
    // 12,000 + 30,000.50 + 18,000 summed live in fen: no float drift.
    await expect(page.getByTestId('lines-total').innerText()).resolves.toBe('¥60,000.50');
    await expect(page.getByTestId('budget-line').count()).resolves.toBe(3);

    await page.getByLabel('配套资金（元）').fill('0');
    await page.getByLabel('申请资助（元）').fill('60000.50');
    const warnings = page.getByTestId('cap-warnings');
    await expect(warnings.innerText()).resolves.toContain('超过本大赛单个项目资助上限 ¥50,000.00');
    await expect(warnings.innerText()).resolves.toContain('最多可申请 ¥48,000.40');
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.getByText('请先处理预算中的提示，再提交。').waitFor();
    await expectUsable(page);
    await expectAccessibleShot(page, 'apply-03-editor-cap-warning');

    await page.getByLabel('配套资金（元）').fill('15000.50');
    await page.getByLabel('申请资助（元）').fill('45000');
    await expect(warnings.isHidden()).resolves.toBe(true);
    await expect(page.getByTestId('budget-summary').innerText()).resolves.toContain('✓ 一致');
    await expectUsable(page);
    await expectAccessibleShot(page, 'apply-04-editor-fixed');
    await page.getByRole('button', { name: '提交申报' }).click();

    await page.getByTestId('project-title').waitFor();
    await expect(page.getByTestId('submission-state').innerText()).resolves.toBe('已提交');
    await expect(page.getByTestId('screening').innerText()).resolves.toContain('等待街道办审查');
    await expect(page.getByTestId('project-title').innerText()).resolves.toBe(TITLE);
    await expect(page.locator('main img').count()).resolves.toBe(0);
    await expect(page.getByTestId('requested').innerText()).resolves.toBe('¥45,000.00');
    await expectUsable(page);
    await expectAccessibleShot(page, 'apply-05-submitted');

    const stored = await served.app
      .get(DataSource)
      .getRepository(Submission)
      .findOneByOrFail({ competitionId, title: TITLE });
    expect(stored).toMatchObject({ state: 'submitted', requestedFen: 4_500_000, matchingFen: 1_500_050 });
    expect(stored.budgetLines.map((line) => line.amountFen)).toEqual([1_200_000, 3_000_050, 1_800_000]);

    // Visible focus: the keyboard user sees where they are.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate<string>('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');

    // The English switch relabels the page in place.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.getByTestId('submission-state').innerText()).resolves.toBe('Submitted');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expectAccessibleShot(page, 'apply-06-submitted-english');

    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('on a PC: shows every field the server refuses, saves a draft and submits it later', async () => {
    const context = await served.browser.newContext(LAPTOP);
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/apply/`);
    await page.getByRole('link', { name: '注册组织并申报' }).click();
    await fillRegistration(page, {
      community: '洲边',
      contact: '陈志强',
      phone: '0757-87711111',
      login: `zhoubian-${Date.now()}`,
      password: '洲边社区申报密码2026',
    });
    await page.getByRole('button', { name: '注册并登录' }).click();
    await page.getByRole('heading', { name: '我的申报' }).waitFor();
    await startProposal(page);
    await page.getByLabel('项目名称').fill('分享阅读书香·共享洲边文明');
    await page.getByLabel('受益人数').fill('300');
    await page.getByLabel('金额（元）').first().fill('8000');
    await page.getByLabel('申请资助（元）').fill('6000');
    await page.getByLabel('配套资金（元）').fill('2000');
    await page.getByRole('button', { name: '保存草稿' }).click();
    // The server names every empty required field at once; each message sits under its field.
    const summary = page.getByLabel('项目简介');
    await page.locator(`#${await summary.getAttribute('id')}-error:not([hidden])`).waitFor();
    await expect(summary.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('第 1 项 名称').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByLabel('项目名称').getAttribute('aria-invalid')).resolves.toBeNull();
    await expectUsable(page);
    await expectAccessibleShot(page, 'apply-07-editor-pc-field-errors');

    // Fixed, saved as a draft, left, and finished later from the project's page.
    await page.getByLabel('项目简介').fill('每月两次亲子共读与图书漂流，建立社区书香角。');
    await page.getByLabel('回应的需求').fill('洲边社区缺少公共阅读空间，双职工家庭子女课后无处可去。');
    await page.getByLabel('受益对象').fill('社区儿童及家长');
    await page.getByLabel('项目目标（每行一条）').fill('开展共读活动 24 场');
    await page.getByLabel('第 1 项 名称').fill('图书采购');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存（第 1 版）').waitFor();
    await page.getByRole('link', { name: '← 我的申报' }).click();
    const draft = page.getByTestId('my-submission').filter({ hasText: '分享阅读书香·共享洲边文明' });
    await draft.getByTestId('submission-state').filter({ hasText: '草稿' }).waitFor();
    await draft.getByRole('link').click();
    await page.getByRole('link', { name: '继续编辑并提交' }).click();
    await page.getByRole('heading', { name: '修改申报草稿' }).waitFor();
    await expect(page.getByLabel('受益人数').inputValue()).resolves.toBe('300');
    await expect(page.getByTestId('lines-total').innerText()).resolves.toBe('¥8,000.00');
    await page.getByRole('button', { name: '提交申报' }).click();
    await page.getByTestId('submission-state').filter({ hasText: '已提交' }).waitFor();
    await expectUsable(page);
    await expectAccessibleShot(page, 'apply-08-pc-submitted');
    await context.close();
  });
});
