import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Browser, BrowserContextOptions, chromium } from 'playwright-core';
import { startTestApp } from '../test-app';

/** Debian's Chromium, headless, with the flags that keep it off the (closed) network. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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

/** Screenshots of every page go here; the tests print the folder so a person can look. */
export function screenshotDir(): string {
  const dir = resolve(process.env.TEST_RESULTS_DIR ?? join(__dirname, '../../../../.data/test-results'), 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}
