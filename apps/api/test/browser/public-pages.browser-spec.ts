import { join } from 'node:path';
import { Page } from 'playwright-core';
import request from 'supertest';
import { DEFAULT_TENANT_ID, Role } from '@app/domain';
import { Publication } from '@app/persistence';
import { createUser } from '../factories';
import { PAYEE, payFirstTranche, readyGrants } from '../grants.factory';
import { allocatedCompetition, bearerOf } from '../publicity.factory';
import { LABEL_CHECK, PHONE, expectAccessible, screenshotDir, servePages } from './browser-harness';

// What a resident reads on a phone without signing in: the notice (公示) and the projects' progress.
jest.setTimeout(60_000);

/** What the fixtures store about people and bank accounts; none of it may reach a public page. */
const PERSONAL = ['李敏', '0757-87712345', PAYEE.accountNumber, PAYEE.bankName];

describe('public notice and accountability pages on a phone in Chromium', () => {
  const served = servePages();
  const shots = screenshotDir();
  const http = () => request(served.app.getHttpServer());

  async function phonePage(): Promise<Page> {
    const context = await served.browser.newContext(PHONE);
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    return page;
  }

  /** Readable on a phone, for everyone: labelled, no sideways scrolling, axe finds nothing, nothing personal. */
  async function expectPublicAndReadable(page: Page, state: string) {
    await page.screenshot({ path: join(shots, `${state}.png`), fullPage: true });
    await expect(page.evaluate(LABEL_CHECK)).resolves.toEqual({ unlabelled: [], horizontalScroll: false });
    await expectAccessible(page, state);
    const text = await page.locator('body').innerText();
    for (const personal of PERSONAL) expect(text).not.toContain(personal);
  }

  async function publishedNotice() {
    const office = await createUser(served.db, Role.Office);
    const fixture = await allocatedCompetition(served.app, office.id, [3_000_000, 2_000_000], 1);
    const published = await http()
      .post(`/competitions/${fixture.competition.id}/publication`)
      .set(
        'authorization',
        bearerOf(served.app, { kind: 'user', userId: office.id, role: Role.Office, tenantId: DEFAULT_TENANT_ID }),
      )
      .expect(201);
    return { ...fixture, publicationId: published.body.id as string };
  }

  it('shows the notice with each result and why, the days left, and how to object, from the list of notices', async () => {
    const fixture = await publishedNotice();
    const page = await phonePage();
    await page.goto(`${served.baseUrl}/`);
    await page.getByRole('link', { name: /结果公示与项目进展/ }).click();
    const listed = page.getByTestId('public-competition').filter({ hasText: fixture.competition.title });
    await listed.waitFor();
    await expectPublicAndReadable(page, 'public-notices-list-phone');
    await listed.getByRole('link', { name: '结果公示' }).click();
    await page.getByRole('heading', { level: 1, name: fixture.competition.title }).waitFor();

    const rows = page.getByTestId('notice-row');
    await expect(rows.count()).resolves.toBe(3);
    const first = await rows.first().innerText();
    expect(first).toContain('第 1 名');
    expect(first).toContain(fixture.funded[0].submission.title);
    expect(first).toContain('¥30,000.00');
    expect(first).toContain('全额资助');
    await expect(rows.last().innerText()).resolves.toContain('不予资助');
    const period = page.getByTestId('notice-period');
    await expect(period.getAttribute('data-phase')).resolves.toBe('in-period');
    await expect(period.innerText()).resolves.toMatch(/公示中，还剩 \d+ 天/);
    const howTo = page.getByTestId('how-to-object');
    await expect(howTo.innerText()).resolves.toContain('申报单位');
    await expect(howTo.getByRole('link').getAttribute('href')).resolves.toBe('/apply/');
    await expectPublicAndReadable(page, 'public-notice-phone');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(howTo.locator('h2').innerText()).resolves.toBe('How to object');
    await expect(rows.first().innerText()).resolves.toContain('funded in full');
    await page.context().close();
  });

  it('says so when an upheld objection superseded the notice, and takes no more objections', async () => {
    const fixture = await publishedNotice();
    await served.db.getRepository(Publication).update(fixture.publicationId, { supersededAt: new Date() });
    const page = await phonePage();
    await page.goto(`${served.baseUrl}/notice/?competition=${fixture.competition.id}`);
    const period = page.getByTestId('notice-period');
    await period.filter({ hasText: '本公示已撤回' }).waitFor();
    await expect(period.getAttribute('data-phase')).resolves.toBe('superseded');
    await expect(page.getByTestId('how-to-object').innerText()).resolves.toContain('不再受理异议');
    await expect(page.getByTestId('how-to-object').getByRole('link').count()).resolves.toBe(0);
    await expectPublicAndReadable(page, 'public-notice-superseded-phone');
    await page.context().close();
  });

  it('follows each funded project: grant, share paid, reports and outcome, reached from the notice', async () => {
    const { fixture, grantIds } = await readyGrants(served.app, [3_000_000, 2_000_000]);
    await payFirstTranche(served.app, fixture, grantIds[0], `进展-${grantIds[0].slice(0, 8)}`);
    await http()
      .post(`/grants/${grantIds[1]}/terminate`)
      .set('authorization', fixture.clerks[0].auth)
      .send({ reason: '连续三个月考核低于 6 分，退出', basis: 'unspent' })
      .expect(200);
    const page = await phonePage();
    await page.goto(`${served.baseUrl}/notice/?competition=${fixture.competition.id}`);
    await page.getByRole('link', { name: '查看获资助项目的进展' }).click();
    await page.getByRole('heading', { level: 1, name: fixture.competition.title }).waitFor();

    const projects = page.getByTestId('accountability-project');
    await expect(projects.count()).resolves.toBe(2);
    const running = projects.filter({ hasText: fixture.funded[0].submission.title });
    await expect(running.getAttribute('data-outcome')).resolves.toBe('in-progress');
    const runningText = await running.innerText();
    expect(runningText).toContain('实施中');
    expect(runningText).toContain('¥15,000.00（50%）');
    expect(runningText).toContain('1 / 3 期');
    const exited = projects.filter({ hasText: fixture.funded[1].submission.title });
    await expect(exited.innerText()).resolves.toContain('已终止');
    await expect(running.getByRole('img', { name: '已拨付 50%' }).count()).resolves.toBe(1);
    await expectPublicAndReadable(page, 'public-accountability-phone');
    await page.context().close();
  });

  it('tells a resident when there is nothing to show, in words rather than a blank page', async () => {
    const office = await createUser(served.db, Role.Office);
    const allocated = await allocatedCompetition(served.app, office.id, [1_000_000]);
    const page = await phonePage();
    await page.goto(`${served.baseUrl}/accountability/?competition=${allocated.competition.id}`);
    await page.getByText('公示期满立项、签订协议后，在此公开各项目的进展。').waitFor();
    await page.goto(`${served.baseUrl}/notice/?competition=${allocated.competition.id}`);
    await page.getByRole('alert').filter({ hasText: '该大赛尚未公示结果' }).waitFor();
    await expectPublicAndReadable(page, 'public-notice-missing-phone');
    await page.context().close();
  });
});
