import { Page, PageBody, escapeHtml, pageTitle, pageUrls, renderPage } from './page-shell';

const TASK = { zh: '查看公示', en: 'read the notice' };

function page(body: PageBody, extra: Partial<Page> = {}): Page {
  return {
    path: '/office/',
    title: { zh: '管理控制台', en: 'Office console' },
    stylesheets: ['/shared/console.css', '/office/office.css'],
    script: '/office/main.js',
    body,
    ...extra,
  };
}

/** The document with the whitespace between tags taken out, as a browser builds the same tree from either. */
function compact(html: string): string {
  return html.replace(/>\s+</g, '><').trim();
}

describe('the page shell', () => {
  it('gives every page the same head: doctype, Chinese as its language, UTF-8, the viewport and base.css first', () => {
    const html = compact(renderPage(page({ kind: 'console' })).html);
    expect(html).toMatch(
      /^<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" \/><meta name="viewport" content="width=device-width, initial-scale=1" \/>/,
    );
    expect(html).toContain(
      '<link rel="stylesheet" href="/shared/base.css" /><link rel="stylesheet" href="/shared/console.css" />' +
        '<link rel="stylesheet" href="/office/office.css" /><script type="module" src="/office/main.js"></script></head>',
    );
    expect(html).toMatch(/<\/body><\/html>$/);
  });

  it('titles a console or public page "中文 · English — 公益创投大赛平台", a tablet, the screen and the landing page without the suffix', () => {
    expect(pageTitle(page({ kind: 'console' }))).toBe('管理控制台 · Office console — 公益创投大赛平台');
    expect(pageTitle(page({ kind: 'public', task: TASK }))).toBe('管理控制台 · Office console — 公益创投大赛平台');
    expect(pageTitle(page({ kind: 'tablet', task: TASK }))).toBe('管理控制台 · Office console');
    expect(pageTitle(page({ kind: 'screen', task: TASK }))).toBe('管理控制台 · Office console');
    expect(pageTitle(page({ kind: 'home', links: [] }))).toBe('管理控制台 · Office console');
    expect(renderPage(page({ kind: 'console' })).html).toContain(
      '<title>管理控制台 · Office console — 公益创投大赛平台</title>',
    );
  });

  it('opens a console page on "正在加载…" in main#main, which the console scripts fill and focus', () => {
    expect(compact(renderPage(page({ kind: 'console' })).html)).toContain(
      '<body><main id="main" class="app-main" tabindex="-1"><p data-zh="正在加载…" data-en="Loading…">正在加载…</p></main></body>',
    );
    expect(renderPage(page({ kind: 'console', narrow: true })).html).toContain('class="app-main narrow"');
  });

  it('tells a public page’s reader without JavaScript what to do, Chinese first', () => {
    expect(compact(renderPage(page({ kind: 'public', task: TASK })).html)).toContain(
      '<body><main class="public-main"><noscript>请启用 JavaScript 后查看公示。 / Enable JavaScript to read the notice.</noscript></main></body>',
    );
  });

  it('fits a tablet page to the whole screen in the brand colour, and gives the tablets and the screen div#app', () => {
    const tablet = compact(renderPage(page({ kind: 'tablet', task: TASK })).html);
    expect(tablet).toContain(
      '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" /><meta name="theme-color" content="#b3261e" />',
    );
    expect(tablet).toContain(
      '<body><div id="app"><noscript>请启用 JavaScript 后查看公示。 / Enable JavaScript to read the notice.</noscript></div></body>',
    );
    const screen = compact(renderPage(page({ kind: 'screen', task: TASK })).html);
    expect(screen).not.toContain('theme-color');
    expect(screen).toContain(
      '<body><div id="app"><noscript>请启用 JavaScript 后查看公示。 / Enable JavaScript to read the notice.</noscript></div></body>',
    );
  });

  it('heads the landing page with its own title and lists its links "中文 · English"', () => {
    const home = page(
      { kind: 'home', links: [{ href: '/apply/', label: { zh: '项目申报', en: 'Apply' } }] },
      { title: { zh: '公益创投大赛平台', en: 'Public-benefit venture competitions' }, script: undefined },
    );
    const html = compact(renderPage(home).html);
    expect(html).toContain(
      '<body><main><h1>公益创投大赛平台<br /><small>Public-benefit venture competitions</small></h1>' +
        '<nav><a href="/apply/">项目申报 · Apply</a></nav></main></body>',
    );
    expect(html).not.toContain('<script');
  });

  it('keeps a page’s URL out of the Referer only where it asks to', () => {
    const tag = '<meta name="referrer" content="no-referrer" />';
    expect(renderPage(page({ kind: 'public', task: TASK }, { noReferrer: true })).html).toContain(tag);
    expect(renderPage(page({ kind: 'public', task: TASK })).html).not.toContain(tag);
  });

  it('escapes every text it inserts, in text and in attribute values', () => {
    const hostile = page(
      { kind: 'home', links: [{ href: '/x/" onclick="alert(1)', label: { zh: '<b>粗</b>', en: "Tom's & Jerry's" } }] },
      {
        title: { zh: '</title><script>alert(1)</script>', en: 'A & B' },
        stylesheets: ['/a.css"><script>alert(2)</script>'],
      },
    );
    const { html } = renderPage(hostile);
    expect(html).not.toMatch(/<script>|<b>|" onclick=/);
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; · A &amp; B</title>');
    expect(html).toContain('href="/a.css&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"');
    expect(html).toContain(
      '<a href="/x/&quot; onclick=&quot;alert(1)">&lt;b&gt;粗&lt;/b&gt; · Tom&#39;s &amp; Jerry&#39;s</a>',
    );
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('gives each rendering a strong ETag that changes with the HTML', () => {
    const first = renderPage(page({ kind: 'console' }));
    expect(first.etag).toMatch(/^"[\w-]{22}"$/);
    expect(renderPage(page({ kind: 'console' })).etag).toBe(first.etag);
    expect(renderPage(page({ kind: 'console', narrow: true })).etag).not.toBe(first.etag);
  });

  it('serves a page at its folder and at the folder’s index.html', () => {
    expect(pageUrls(page({ kind: 'console' }))).toEqual(['/office/', '/office/index.html']);
  });
});
