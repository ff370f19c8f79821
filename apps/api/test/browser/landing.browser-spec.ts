import { join } from 'node:path';
import request from 'supertest';
import { LAPTOP, expectAccessible, screenshotDir, servePages } from './browser-harness';

describe('landing page in Chromium', () => {
  const served = servePages();

  it('links the five pages, in Chinese first, without any request leaving the machine', async () => {
    const context = await served.browser.newContext(LAPTOP);
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(served.baseUrl)) outside.push(r.url());
    });
    await page.goto(`${served.baseUrl}/`);
    await expect(page.locator('h1').innerText()).resolves.toContain('公益创投大赛平台');
    const links = await page.locator('nav a').allInnerTexts();
    expect(links.map((l) => l.split(' · ')[0])).toEqual([
      '管理控制台',
      '项目申报',
      '评委打分',
      '结果公示与项目进展',
      'API 文档',
    ]);
    const shot = join(screenshotDir(), 'landing.png');
    await page.screenshot({ path: shot, fullPage: true });
    await expectAccessible(page, 'landing');
    expect(outside).toEqual([]);
    await context.close();
  });

  it('shows the API documentation under its own, looser policy', async () => {
    const context = await served.browser.newContext(LAPTOP);
    const page = await context.newPage();
    await page.goto(`${served.baseUrl}/api/docs`);
    await expect(page.locator('.opblock-summary-path').first().innerText()).resolves.toMatch(/^\//);
    await expect(page.locator('.info .title').innerText()).resolves.toContain('公益创投');
    await context.close();
  });

  it('still answers unknown paths with the JSON 404, not a page', async () => {
    const response = await request(served.app.getHttpServer()).get('/no-such-page').expect(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });
});
