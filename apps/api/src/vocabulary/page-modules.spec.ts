import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { Context, Script, SourceTextModule, createContext } from 'node:vm';
import { LiveEventType } from '@app/domain';
import { Page, renderPage } from '../pages/page-shell';
import { PAGES } from '../pages/page-table';
import { PAGE_VOCABULARY, VOCABULARY_PATH, renderVocabulary } from './vocabulary-source';

/**
 * The pages are plain ES modules the API serves from apps/api/web, with no build step to catch a
 * broken import: these tests load them as the browser does (URL paths, /vocabulary.js served by
 * the API) in Node's module loader.
 */
const WEB = join(__dirname, '../../web');

function webPath(file: string): string {
  return `/${relative(WEB, file).split(sep).join('/')}`;
}

function webFiles(dir = WEB): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? webFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function sourceOf(path: string): string {
  return path === VOCABULARY_PATH ? renderVocabulary(PAGE_VOCABULARY).text : readFileSync(join(WEB, path), 'utf8');
}

/** A module path as the browser resolves an import specifier against the importing module's URL. */
function resolve(specifier: string, from: string): string {
  return specifier.startsWith('/') ? specifier : posix.join(posix.dirname(from), specifier);
}

/** Every page module of one context, linked as the browser would link them. */
function moduleLoader(context: Context): (path: string) => Promise<SourceTextModule> {
  const modules = new Map<string, SourceTextModule>();
  const get = (path: string) => {
    let module = modules.get(path);
    if (!module) {
      module = new SourceTextModule(sourceOf(path), { context, identifier: path });
      modules.set(path, module);
    }
    return module;
  };
  return async (path) => {
    const module = get(path);
    if (module.status === 'unlinked')
      await module.link((specifier, referrer) => get(resolve(specifier, referrer.identifier)));
    return module;
  };
}

/**
 * What a page loads: the module scripts and stylesheets of the HTML the API serves for it, then
 * every module they import, recursively.
 */
function importClosure(page: Page): Set<string> {
  const { html } = renderPage(page);
  const entries = [
    ...[...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]),
    ...[...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((match) => match[1]),
  ];
  const closure = new Set<string>([page.path]);
  const context = createContext({});
  const visit = (path: string) => {
    if (closure.has(path)) return;
    closure.add(path);
    if (!path.endsWith('.js')) return;
    const module = new SourceTextModule(sourceOf(path), { context, identifier: path });
    for (const request of module.moduleRequests) visit(resolve(request.specifier, path));
  };
  entries.forEach(visit);
  return closure;
}

describe('the pages as ES modules', () => {
  it.each(
    webFiles()
      .filter((file) => file.endsWith('.js'))
      .map(webPath),
  )('%s links: every name it imports exists where it imports it from, the vocabulary included', async (path) => {
    const load = moduleLoader(createContext({}));
    await expect(load(path)).resolves.toMatchObject({ status: 'linked' });
  });

  it.each(PAGES.map((page) => [page.path, page] as const))(
    '%s loads only files the API serves: its stylesheets, its script and all they import',
    (path, page) => {
      const missing = [...importClosure(page)].filter(
        (file) => file !== path && file !== VOCABULARY_PATH && !existsSync(join(WEB, file)),
      );
      expect(missing).toEqual([]);
    },
  );

  it('listen to every live event type the API sends: an EventSource only hears the names it subscribed to', async () => {
    const listened: string[] = [];
    class FakeEventSource {
      static readonly CLOSED = 2;
      readonly readyState = 0;
      addEventListener(type: string): void {
        if (!['open', 'error'].includes(type)) listened.push(type);
      }
      close(): void {}
    }
    const load = moduleLoader(createContext({ EventSource: FakeEventSource, setTimeout, clearTimeout }));
    const live = await load('/shared/live.js');
    await live.evaluate();
    const { connectLive } = live.namespace as { connectLive: (id: string, handlers: object) => { close(): void } };
    connectLive('roadshow', { onEvent: () => undefined }).close();
    expect(listened.sort()).toEqual(Object.values(LiveEventType).sort());
  });

  it("keep the judge tablet working offline: the service worker caches exactly the page's import closure", () => {
    const context = createContext({ self: { addEventListener: () => undefined } });
    new Script(readFileSync(join(WEB, 'judge/sw.js'), 'utf8')).runInContext(context);
    const cached = new Script('FILES').runInContext(context) as string[];
    const judge = PAGES.find((page) => page.path === '/judge/');
    if (!judge) throw new Error('the page table has no judge page');
    const closure = importClosure(judge);
    expect(closure).toContain(VOCABULARY_PATH);
    expect([...cached].sort()).toEqual([...closure].sort());
  });
});
