import request from 'supertest';
import { escapeHtml, pageTitle, pageUrls } from '../src/pages/page-shell';
import { PAGES } from '../src/pages/page-table';
import { serveApp } from './test-app';

/** What a browser gets at each page's address: the HTML the API renders from the page table. */
describe('the pages', () => {
  const served = serveApp();
  const http = () => request(served.app.getHttpServer());

  it.each(PAGES.flatMap((page) => pageUrls(page).map((url) => [url, page] as const)))(
    '%s opens as an HTML page under its title, in Chinese, revalidated on every use',
    async (url, page) => {
      const response = await http().get(url).expect(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('public, max-age=0');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.text).toMatch(/^<!doctype html>\s*<html lang="zh-CN">/);
      expect(response.text).toContain(`<title>${escapeHtml(pageTitle(page))}</title>`);
    },
  );

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await http().get('/office/').expect(200);
    const head = await http().head('/office/').expect(200);
    expect(head.text ?? '').toBe('');
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers.etag).toBe(get.headers.etag);
  });

  it('answers a revalidation with its ETag by 304 and no body, so a tablet reloads nothing unchanged', async () => {
    const first = await http().get('/judge/').expect(200);
    const again = await http().get('/judge/index.html').set('If-None-Match', first.headers.etag).expect(304);
    expect(again.text).toBe('');
    await http().get('/judge/').set('If-None-Match', '"stale"').expect(200);
  });

  it('gives an address that is not a page the JSON 404, a folder without its slash included', async () => {
    for (const url of ['/nope/', '/office', '/office/nope.html', '/judge/index.htm']) {
      const response = await http().get(url).expect(404);
      expect(response.body).toMatchObject({ code: 'NOT_FOUND', message_zh: '未找到', message_en: 'not found' });
    }
  });

  it("still serves the pages' scripts and stylesheets as files", async () => {
    const script = await http().get('/judge/sw.js').expect(200);
    expect(script.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    const style = await http().get('/shared/base.css').expect(200);
    expect(style.headers['content-type']).toMatch(/^text\/css/);
  });
});
