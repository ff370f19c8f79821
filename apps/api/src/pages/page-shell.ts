import { type Bilingual, PLATFORM_NAME } from '@app/domain';
import { etagOf } from '../common/etag';

/** A link of the landing page, read as `中文 · English`. */
export interface PageLink {
  readonly href: string;
  readonly label: Bilingual;
}

/**
 * What a page's body holds before its module script takes over. Each kind is one shape the
 * pages' scripts and stylesheets expect: the console scripts fill `main#main`, the public pages
 * `main.public-main`, the tablets and the hall's screen `div#app`.
 */
export type PageBody =
  | { readonly kind: 'console'; readonly narrow?: true }
  | {
      readonly kind: 'public' | 'tablet' | 'screen';
      /** What the page needs JavaScript for, completing "请启用 JavaScript 后… / Enable JavaScript to …". */
      readonly task: Bilingual;
    }
  | { readonly kind: 'home'; readonly links: readonly PageLink[] };

export interface Page {
  /** Where the page is served, ending in `/`; `<path>index.html` serves it too. */
  readonly path: string;
  readonly title: Bilingual;
  /** After /shared/base.css, which every page loads first. */
  readonly stylesheets: readonly string[];
  readonly script?: string;
  /** For a page whose URL carries a secret: no Referer leaves it, even where a proxy drops the header that says so. */
  readonly noReferrer?: true;
  readonly body: PageBody;
}

export interface RenderedPage {
  readonly html: string;
  /** A strong validator of the HTML, quoted as the ETag header wants it. */
  readonly etag: string;
}

const BASE_STYLESHEET = '/shared/base.css';
const LOADING: Bilingual = { zh: '正在加载…', en: 'Loading…' };
const VIEWPORT = 'width=device-width, initial-scale=1';
/** The tablets fill the screen edge to edge and tint the browser's bar in the brand colour of base.css. */
const TABLET_VIEWPORT = `${VIEWPORT}, viewport-fit=cover`;
const TABLET_THEME_COLOR = '#b3261e';

/** HTML whose every inserted text was escaped; only `markup` makes it, so nothing unescaped slips in. */
class Markup {
  constructor(readonly text: string) {}
}

type Insert = string | Markup | readonly Markup[];

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

function textOf(insert: Insert): string {
  if (typeof insert === 'string') return escapeHtml(insert);
  if (insert instanceof Markup) return insert.text;
  return insert.map((markup) => markup.text).join('\n');
}

/**
 * A template whose inserted strings are escaped for text and for quoted attribute values alike.
 * Not named `html`, so that the formatter leaves the served document's lines as written here.
 */
function markup(strings: TemplateStringsArray, ...inserts: readonly Insert[]): Markup {
  return new Markup(strings.reduce((out, part, index) => out + textOf(inserts[index - 1]) + part));
}

const bilingual = (text: Bilingual, separator: string): string => `${text.zh}${separator}${text.en}`;

const noscript = (task: Bilingual): string => `请启用 JavaScript 后${task.zh}。 / Enable JavaScript to ${task.en}.`;

/**
 * `中文 · English — 公益创投大赛平台` in a browser tab; the tablets and the hall's screen run full
 * screen under their own name, and the landing page is the platform itself.
 */
export function pageTitle(page: Page): string {
  switch (page.body.kind) {
    case 'console':
    case 'public':
      return `${bilingual(page.title, ' · ')} — ${PLATFORM_NAME.zh}`;
    case 'tablet':
    case 'screen':
    case 'home':
      return bilingual(page.title, ' · ');
  }
}

function bodyOf(page: Page): Markup {
  const { body } = page;
  switch (body.kind) {
    case 'console':
      return markup`<main id="main" class="${body.narrow ? 'app-main narrow' : 'app-main'}" tabindex="-1">
      <p data-zh="${LOADING.zh}" data-en="${LOADING.en}">${LOADING.zh}</p>
    </main>`;
    case 'public':
      return markup`<main class="public-main">
      <noscript>${noscript(body.task)}</noscript>
    </main>`;
    case 'tablet':
    case 'screen':
      return markup`<div id="app">
      <noscript>${noscript(body.task)}</noscript>
    </div>`;
    case 'home':
      return markup`<main>
      <h1>${page.title.zh}<br /><small>${page.title.en}</small></h1>
      <nav>
${body.links.map((link) => markup`        <a href="${link.href}">${bilingual(link.label, ' · ')}</a>`)}
      </nav>
    </main>`;
  }
}

function headOf(page: Page): Markup[] {
  const tablet = page.body.kind === 'tablet';
  return [
    markup`<meta charset="utf-8" />`,
    markup`<meta name="viewport" content="${tablet ? TABLET_VIEWPORT : VIEWPORT}" />`,
    ...(tablet ? [markup`<meta name="theme-color" content="${TABLET_THEME_COLOR}" />`] : []),
    ...(page.noReferrer ? [markup`<meta name="referrer" content="no-referrer" />`] : []),
    markup`<title>${pageTitle(page)}</title>`,
    ...[BASE_STYLESHEET, ...page.stylesheets].map((href) => markup`<link rel="stylesheet" href="${href}" />`),
    ...(page.script ? [markup`<script type="module" src="${page.script}"></script>`] : []),
  ].map((line) => markup`    ${line}`);
}

/** The whole document of one page, rendered once at startup from the one layout every page shares. */
export function renderPage(page: Page): RenderedPage {
  const document = markup`<!doctype html>
<html lang="zh-CN">
  <head>
${headOf(page)}
  </head>
  <body>
    ${bodyOf(page)}
  </body>
</html>
`;
  return { html: document.text, etag: etagOf(document.text) };
}

/** The URLs a page answers: its folder, and the folder's index.html as the static files had it. */
export function pageUrls(page: Page): readonly string[] {
  return [page.path, `${page.path}index.html`];
}
