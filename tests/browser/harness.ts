import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { modelFromConfig, type ModelConfig } from '../../src/embed/models.ts';
import { launchChromium as launch } from '../../scripts/lib/chromium.ts';
import { serveBuild } from '../../scripts/lib/staticServer.ts';
import { MODEL_WAIT } from './reader.ts';

export const root = join(import.meta.dirname, '../..');

/**
 * How long one action or wait may take before the test fails: a ceiling for a hang, far above what a busy machine
 * needs, because every wait ends as soon as what it waits for happens.
 */
const WAIT = 5 * 60_000;

/** Chromium whose contexts wait up to the ceiling above, not Playwright's 30 s, for what a test waits for. */
export async function launchChromium(): Promise<Browser> {
  const browser = await launch();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(WAIT);
    return context;
  };
  return browser;
}
export { serveBuild, serveFolder, type FolderHost, type HostEncoding } from '../../scripts/lib/staticServer.ts';
export { addReportFile, waitForSemantic } from './reader.ts';

/** Records every request, so a test can check that nothing leaves the page's own origin. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** The model the build chose, as the site names it in dist/config.json. */
export function siteModel(): ModelConfig {
  return modelFromConfig(readFileSync(join(root, 'dist/config.json'), 'utf8'));
}

export const searchBox = (page: Page) => page.getByRole('searchbox', { name: /Search/ });

export const resultParagraphs = (page: Page, year: number) =>
  page
    .locator(`article.result[data-year="${year}"]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-paragraph')));

/** Waits until a service worker controls the page and has finished precaching (the app says "Works offline"). */
export async function waitForOffline(page: Page): Promise<void> {
  await page.locator('[data-offline-ready="true"]').waitFor({ state: 'attached', timeout: MODEL_WAIT });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: MODEL_WAIT });
}

/** The production build served and Chromium launched for one test file, both closed after it. */
export function siteAndBrowser(): { url: string; browser: Browser } {
  const site = {} as { url: string; browser: Browser; server: PreviewServer };
  beforeAll(async () => {
    ({ server: site.server, url: site.url } = await serveBuild());
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * What this browser holds for the site: the records of one IndexedDB store, the caches and the service workers, so a
 * test can check what was stored or removed.
 */
export const storedOnDevice = (page: Page, store: 'reports' | 'reportIndexes') =>
  page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('inspection-compare');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('the database did not open'));
    });
    const count = await new Promise<number>((resolve) => {
      const request = db.transaction(name).objectStore(name).count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return {
      records: count,
      caches: (await caches.keys()).length,
      workers: (await navigator.serviceWorker.getRegistrations()).length,
    };
  }, store);
