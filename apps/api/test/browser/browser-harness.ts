import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, BrowserContext, BrowserContextOptions, Page, chromium } from 'playwright-core';
import { DataSource } from 'typeorm';
import { AppUser } from '@app/persistence';
import { TEST_PASSWORD } from '../factories';
import { startTestApp } from '../test-app';

const cspViolations = new WeakMap<Browser, string[]>();
const pageErrors = new WeakMap<Browser, string[]>();

// Runs in every page before its own scripts, so no violation happens before the listener is there.
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) =>
  window.reportCspViolation(event.violatedDirective + ' refused ' + (event.blockedURI || 'inline code') +
    ' at ' + event.sourceFile + ':' + event.lineNumber));`;

/**
 * Debian's Chromium, headless, with the flags that keep it off the (closed) network. Every context
 * it opens reports the Content-Security-Policy violations its pages meet (takeCspViolations) and
 * their uncaught script errors (takePageErrors), so
 * both are checked on every page the browser tests visit, in every state they bring it to.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const violations: string[] = [];
  const errors: string[] = [];
  cspViolations.set(browser, violations);
  pageErrors.set(browser, errors);
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options?: BrowserContextOptions): Promise<BrowserContext> => {
    const context = await newContext(options);
    context.on('page', (page) => page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`)));
    await context.exposeBinding('reportCspViolation', ({ page }, text: string) => {
      violations.push(`${page.url()}: ${text}`);
    });
    await context.addInitScript({ content: REPORT_CSP_VIOLATIONS });
    return context;
  };
  return browser;
}

/** The violations reported since the last call; an empty list means the pages kept to the policy. */
export function takeCspViolations(browser: Browser): string[] {
  return cspViolations.get(browser)?.splice(0) ?? [];
}

/** The pages' uncaught script errors since the last call: a broken view must not pass unseen. */
export function takePageErrors(browser: Browser): string[] {
  return pageErrors.get(browser)?.splice(0) ?? [];
}

/** A fresh browser session (its own storage) signed in on the office console or the apply pages as `user`. */
export async function signInOn(
  served: ServedPages,
  path: 'office' | 'apply',
  user: AppUser,
  device: BrowserContextOptions,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await served.browser.newContext(device);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(`${served.baseUrl}/${path}/`);
  await page.getByLabel('登录名').fill(user.login);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: path === 'office' ? '公益创投大赛' : '我的申报' }).waitFor();
  return { context, page };
}

/** The production app listening on a free loopback port, for a real browser to load. */
export async function startServedApp(
  overrides: Record<string, string> = {},
): Promise<{ app: NestFastifyApplication; baseUrl: string }> {
  const app = await startTestApp(overrides);
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

export const TABLET: BrowserContextOptions = {
  viewport: { width: 820, height: 1180 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};

export const BIG_SCREEN: BrowserContextOptions = { viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' };

export const LAPTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' };

export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};

/** The narrowest phone the residents' pages are built for. */
export const SMALL_PHONE: BrowserContextOptions = { ...PHONE, viewport: { width: 360, height: 740 } };

/**
 * Controls without a label, and whether the page scrolls sideways; run in the page (the test
 * project is compiled without the DOM types, so it is source text).
 */
export const LABEL_CHECK = `(() => ({
  unlabelled: [...document.querySelectorAll('input, select, textarea')]
    .filter((c) => c.getClientRects().length > 0)
    .filter((c) => !(c.labels && c.labels.length > 0) && !c.getAttribute('aria-label'))
    .map((c) => c.outerHTML.slice(0, 80)),
  horizontalScroll: document.documentElement.scrollWidth > document.documentElement.clientWidth,
}))()`;

/** What a browser spec works with: the served app, its address, its database and one Chromium. */
export interface ServedPages {
  readonly app: NestFastifyApplication;
  readonly baseUrl: string;
  readonly db: DataSource;
  readonly browser: Browser;
}

/**
 * Registers the file's hooks: the served app (with the environment `environment` returns, when a
 * spec needs its own database or queues) and Chromium before its tests, the policy check after each
 * test with the pages' script errors (either fails the test whose pages caused it), both closed after the file, and the
 * screenshots' folder named. The returned
 * object is filled in before the first test runs.
 */
export function servePages(
  environment: () => Promise<Record<string, string>> = () => Promise.resolve({}),
): ServedPages {
  const served = {} as { -readonly [K in keyof ServedPages]: ServedPages[K] };
  beforeAll(async () => {
    const { app, baseUrl } = await startServedApp(await environment());
    Object.assign(served, { app, baseUrl, db: app.get(DataSource), browser: await launchBrowser() });
  }, 60_000);
  afterEach(() => {
    if (!served.browser) return;
    expect({ policy: takeCspViolations(served.browser), scripts: takePageErrors(served.browser) }).toEqual({
      policy: [],
      scripts: [],
    });
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.app?.close();
    process.stdout.write(`screenshots: ${screenshotDir()}\n`);
  });
  return served;
}

/** A control smaller than a finger needs, by its name and size in CSS pixels. */
export interface SmallTarget {
  readonly name: string;
  readonly width: number;
  readonly height: number;
}

/** Whether the page scrolls sideways, and every visible control smaller than 44 × 44 px (a tablet's touch target). */
export async function layoutProblems(page: Page): Promise<{ overflow: boolean; small: SmallTarget[] }> {
  const overflow = await page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');
  const small = await page.evaluate<SmallTarget[]>(`
    [...document.querySelectorAll('button, input, textarea, summary, select')]
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => {
        const box = element.getBoundingClientRect();
        const name = element.getAttribute('aria-label') || element.textContent.trim() || element.id;
        return { name, width: Math.round(box.width), height: Math.round(box.height) };
      })
      .filter((target) => target.width < 44 || target.height < 44)
  `);
  return { overflow, small };
}

/** Screenshots of every page go here; the tests print the folder so a person can look. */
export function screenshotDir(): string {
  const dir = resolve(process.env.TEST_RESULTS_DIR ?? join(__dirname, '../../../../.data/test-results'), 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * Runs axe-core in the page as it is now (evaluated over the DevTools protocol, so the pages'
 * content security policy does not get in the way) and fails with every rule it breaks, naming
 * the page state and the elements.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>(`
    window.axe.run(document, { resultTypes: ['violations'] }).then((results) =>
      results.violations.map((violation) => ({
        id: violation.id,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      })),
    )
  `);
  expect({ state, violations }).toEqual({ state, violations: [] });
}

/**
 * A page state a person can use, kept as a screenshot named `state`: every control labelled, no
 * sideways scroll, every control large enough for a finger, and nothing axe-core finds.
 */
export async function expectReadable(page: Page, state: string): Promise<void> {
  await expectAccessibleShot(page, state);
  await expect(page.evaluate(LABEL_CHECK)).resolves.toEqual({ unlabelled: [], horizontalScroll: false });
  await expect(layoutProblems(page)).resolves.toEqual({ overflow: false, small: [] });
}

/** A page state kept as a screenshot named `state`, failing on anything axe-core finds in it. */
export async function expectAccessibleShot(page: Page, state: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir(), `${state}.png`), fullPage: true });
  await expectAccessible(page, state);
}
