import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  recordRequests,
  resultParagraphs,
  root,
  searchBox,
  serveBuild,
  serveFolder,
  siteModel,
  storedOnDevice,
  waitForOffline,
  waitForSemantic,
} from './harness.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function searchIn(
  page: Page,
  mode: 'Best match' | 'Exact words' | 'Similar meaning',
  query: string,
): Promise<void> {
  await page.getByRole('radio', { name: mode }).check();
  await searchBox(page).fill(query);
  await searchBox(page).press('Enter');
  await page.locator('.results-heading', { hasText: mode }).filter({ hasText: query }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.results-heading')?.textContent?.includes('updating'));
}

/**
 * Waits for the page to run the given deployment. A timeout says what the page and its service worker registration
 * were doing, since an update that never takes over leaves nothing else to go on.
 */
async function untilVersion(page: Page, id: string, timeout?: number): Promise<void> {
  try {
    await page.getByText(`Version ${id}`).waitFor({ timeout });
  } catch (error) {
    const state = await page
      .evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        const worker = (w: ServiceWorker | null | undefined) =>
          w ? `${w.state} ${new URL(w.scriptURL).pathname}` : 'none';
        return {
          version: document.querySelector('.site-footer')?.textContent?.match(/Version (\S+)/)?.[1],
          // Set by the test that marks its tabs; gone once the page reloads.
          marked: document.documentElement.dataset['stayed'] ?? null,
          updateBar: !!document.querySelector('.update'),
          controller: worker(navigator.serviceWorker.controller),
          installing: worker(registration?.installing),
          waiting: worker(registration?.waiting),
          active: worker(registration?.active),
        };
      })
      .catch((e: unknown) => `page not readable: ${String(e)}`);
    throw new Error(`${String(error)}\nwhile waiting for version ${id}: ${JSON.stringify(state)}`, { cause: error });
  }
}

describe('offline after the first load', () => {
  let server: Awaited<ReturnType<typeof serveBuild>>;
  let context: BrowserContext;
  let requests: string[];

  beforeAll(async () => {
    server = await serveBuild();
    context = await browser.newContext();
    requests = recordRequests(context);
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForSemantic(page);
    await waitForOffline(page);
    await context.setOffline(true);
  });
  afterAll(async () => {
    await context?.close();
    await server?.server.close();
  });

  it('reloads and searches in every mode with the network off', async () => {
    const page = await context.newPage();
    await page.goto(server.url);
    expect(await waitForSemantic(page)).toBe('indexeddb');
    // A later visit knows its offline copy is saved, not only the visit that saved it.
    await page.locator('.device', { hasText: 'Works offline on this device.' }).waitFor();
    for (const mode of ['Exact words', 'Similar meaning', 'Best match'] as const) {
      await searchIn(page, mode, 'return home interviews after going missing');
      expect((await resultParagraphs(page, 2022)).length).toBeGreaterThan(0);
    }
    expect(await resultParagraphs(page, 2022)).toContain('18');
    await page.close();
  });

  it('opens a permalink and a paragraph link in a new page while offline', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}?q=care+leavers&mode=keyword&theme=care-leavers`);
    await page.locator('.results-heading', { hasText: 'care leavers' }).waitFor();
    expect(await page.getByLabel('Theme').inputValue()).toBe('care-leavers');
    await page.goto(`${server.url}?p=2022-p16`);
    await page.locator('.linked article.result[data-id="2022-p16"]').waitFor();
    expect(await page.locator('.linked .text').textContent()).toMatch(
      /^Children who are aged 16 or 17 years old who present as homeless/,
    );
    await page.close();
  });

  it('made no request to any other host', () => {
    const origin = new URL(server.url).origin;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith(`blob:${origin}`))).toEqual([]);
  });
});

describe('removing what the tool stores', () => {
  it('removes the stored index, the offline copy and the service worker, and says so', async () => {
    const server = await serveBuild();
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await waitForSemantic(page);
      await waitForOffline(page);
      const stored = () => storedOnDevice(page, 'reportIndexes');
      const before = await stored();
      expect([before.records, before.workers]).toEqual([2, 1]);
      expect(before.caches).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Remove everything this tool stores on this device' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Remove everything' }).click();
      await page.locator('.notice', { hasText: 'Everything this tool stored on this device was removed' }).waitFor();
      expect(await stored()).toEqual({ records: 0, caches: 0, workers: 0 });
      expect(await page.locator('[data-offline-ready]').getAttribute('data-offline-ready')).toBe('false');
    } finally {
      await context.close();
      await server.server.close();
    }
  });
});

describe('hosting', () => {
  it('works under a sub-path', async () => {
    const { server, url } = await serveBuild(join(root, 'dist'), '/some/path/');
    const context = await browser.newContext();
    const requests = recordRequests(context);
    const page = await context.newPage();
    await page.goto(url);
    expect(await waitForSemantic(page)).toBe('bundled');
    await waitForOffline(page);
    await searchIn(page, 'Best match', 'private fostering');
    expect(await resultParagraphs(page, 2022)).toContain('15');
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${url}sw.js`);
    expect(requests.every((r) => r.startsWith(url) || r.startsWith('blob:'))).toBe(true);
    await context.close();
    await server.close();
  });

  it('serves .wasm, .mjs and .onnx with their content types from `npm start`', async () => {
    const { server, url } = await serveBuild();
    const html = await (await fetch(url)).text();
    expect(html).toContain('manifest.webmanifest');
    const types = async (path: string) => (await fetch(new URL(path, url))).headers.get('content-type');
    const sw = await (await fetch(new URL('sw.js', url))).text();
    const wasm = /assets\/ort-wasm[^"]+\.wasm/.exec(sw)![0];
    const mjs = /assets\/ort-wasm[^"]+\.mjs/.exec(sw)![0];
    expect(await types(wasm)).toBe('application/wasm');
    expect(await types(mjs)).toMatch(/^text\/javascript/);
    expect(await types(`models/${siteModel().id}/onnx/model_quantized.onnx`)).toBe('application/octet-stream');
    await server.close();
  });
});

describe('updates', () => {
  /**
   * Two production builds, made by the first test that needs them and shared (each test deploys them into its own
   * folder), which is why those tests have the time of two builds.
   */
  let builds: Promise<{ work: string; first: string; second: string }> | null = null;
  const twoBuilds = () =>
    (builds ??= (async () => {
      const work = mkdtempSync(join(tmpdir(), 'deploy-'));
      const buildVersion = async (id: string) => {
        const outDir = join(work, id);
        process.env['BUILD_ID'] = id;
        await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
        delete process.env['BUILD_ID'];
        return outDir;
      };
      return { work, first: await buildVersion('first-build'), second: await buildVersion('second-build') };
    })());
  afterAll(async () => {
    if (builds) rmSync((await builds).work, { recursive: true, force: true });
  });
  const deployer = (site: string) => (from: string) => {
    rmSync(site, { recursive: true, force: true });
    cpSync(from, site, { recursive: true });
  };

  it('switches to a new deployment as a whole, when the reader accepts', async () => {
    const { work, first, second } = await twoBuilds();
    const site = join(work, 'site');
    const deploy = deployer(site);
    deploy(first);
    const host = await serveFolder(() => site);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.url);
    await waitForOffline(page);
    await page.getByText('Version first-build').waitFor();

    deploy(second);
    await page.reload();
    // The old version keeps running, whole, until the reader says otherwise.
    await page.getByRole('button', { name: 'Reload to update' }).waitFor({ timeout: 120_000 });
    // A fetch that reaches the old service worker as the new one takes over leaves the new one waiting until the old
    // one next falls idle; Chromium does not stop a worker DevTools is attached to (Playwright attaches to every
    // one), so here that wait lasts minutes. The page's worker is done fetching before the reader accepts.
    await waitForSemantic(page);
    expect(await page.getByText('Version first-build').count()).toBe(1);
    await searchIn(page, 'Exact words', 'private fostering');
    await page.getByRole('button', { name: 'Reload to update' }).click();
    await untilVersion(page, 'second-build', 60_000);
    await context.setOffline(true);
    await page.reload();
    await page.getByText('Version second-build').waitFor();
    await searchIn(page, 'Exact words', 'LADO');
    expect(await resultParagraphs(page, 2022)).toContain('7');
    await context.close();
    await host.close();
  }, 300_000);

  it('switches in the tab where the app was first installed, and reloads no tab whose reader did not ask', async () => {
    const { work, first, second } = await twoBuilds();
    const site = join(work, 'first-install-site');
    const deploy = deployer(site);
    deploy(first);
    const host = await serveFolder(() => site);
    const context = await browser.newContext();
    try {
      // Loaded with no service worker: the one it installs takes control of it without a reload.
      const page = await context.newPage();
      await page.goto(host.url);
      await waitForOffline(page);
      await page.getByText('Version first-build').waitFor();
      const other = await context.newPage();
      await other.goto(host.url);
      await other.getByText('Version first-build').waitFor();
      // A tab hears of updates once it has registered with the service worker, after its first answer: under load
      // that can come after the first tab has already switched, and this test is of a tab that was listening.
      await waitForOffline(other);
      // Both tabs' workers are done fetching before the update (see the first test of updates).
      await waitForSemantic(page);
      await waitForSemantic(other);
      const mark = (p: Page) => p.evaluate(() => (document.documentElement.dataset['stayed'] = 'yes'));
      const stayed = (p: Page) => p.evaluate(() => document.documentElement.dataset['stayed'] ?? 'reloaded');
      await mark(page);
      await mark(other);

      deploy(second);
      // Found with no reload, as the browser's own periodic check finds it.
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())!.update();
      });
      await page.getByRole('button', { name: 'Reload to update' }).click({ timeout: 120_000 });
      await untilVersion(page, 'second-build', 120_000);
      expect(await stayed(page)).toBe('reloaded');

      // The other tab keeps its version, whole, until its own reader accepts.
      await other.getByRole('button', { name: 'Reload to update' }).waitFor({ timeout: 60_000 });
      expect(await stayed(other)).toBe('yes');
      expect(await other.getByText('Version first-build').count()).toBe(1);
      await other.getByRole('button', { name: 'Reload to update' }).click();
      await untilVersion(other, 'second-build', 60_000);
    } finally {
      await context.close();
      await host.close();
    }
  }, 300_000);

  it('keeps the old version working when an update fails to download', async () => {
    const work = mkdtempSync(join(tmpdir(), 'deploy-'));
    const site = join(work, 'site');
    for (const id of ['good-build', 'broken-build']) {
      process.env['BUILD_ID'] = id;
      await build({ root, logLevel: 'silent', build: { outDir: join(work, id), emptyOutDir: true } });
      delete process.env['BUILD_ID'];
    }
    cpSync(join(work, 'good-build'), site, { recursive: true });
    const host = await serveFolder(() => site);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(host.url);
    await waitForOffline(page);
    await waitForSemantic(page);

    // The new deployment lost its new script on the way, so its service worker cannot finish precaching.
    rmSync(site, { recursive: true, force: true });
    cpSync(join(work, 'broken-build'), site, { recursive: true });
    for (const f of readdirSync(join(site, 'assets'))) if (/^index-.*\.js$/.test(f)) rmSync(join(site, 'assets', f));
    await page.reload();
    await page.getByText('Version good-build').waitFor();
    await waitForSemantic(page);
    // The definite signal: the new worker's install ends, and it ends redundant (a check started here, so its
    // end is seen whatever the reload's own check did).
    const installEnded = await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      const found = new Promise<ServiceWorker>((resolve) =>
        registration.addEventListener('updatefound', () => resolve(registration.installing!), { once: true }),
      );
      await registration.update().catch(() => undefined);
      const worker = registration.installing ?? (await found);
      return new Promise<string>((resolve) => {
        const settled = () => worker.state === 'redundant' || worker.state === 'installed';
        if (settled()) resolve(worker.state);
        worker.addEventListener('statechange', () => settled() && resolve(worker.state));
      });
    });
    expect(installEnded).toBe('redundant');
    expect(await page.getByRole('button', { name: 'Reload to update' }).count()).toBe(0);
    await context.setOffline(true);
    await page.reload();
    await page.getByText('Version good-build').waitFor();
    expect(await waitForSemantic(page)).toBe('indexeddb');
    await searchIn(page, 'Similar meaning', 'teenagers with nowhere to live');
    expect(await resultParagraphs(page, 2022)).toContain('16');
    await context.close();
    await host.close();
    rmSync(work, { recursive: true, force: true });
  });
});

describe('when the model cannot be downloaded', () => {
  it('keeps keyword search, says what is missing, and offers a retry', async () => {
    const { server, url } = await serveBuild();
    // Routes see no request a service worker answers, so this test runs without one.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    let blocked = true;
    await page.route(/\/models\/|ort-wasm/, (route) =>
      blocked ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(url);
    await page.locator('[data-phase="failed"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('.status').textContent()).toContain('The language model could not be loaded');
    expect(await page.locator('.status').textContent()).toContain('Searching by exact words still works');
    await searchBox(page).fill('private fostering');
    await searchBox(page).press('Enter');
    // Hybrid was asked for; keyword results are what can be given, and the page says so.
    await page
      .locator('.results-heading', { hasText: 'Exact words' })
      .filter({ hasText: 'private fostering' })
      .waitFor();
    expect(await page.getByRole('radio', { name: 'Best match' }).isChecked()).toBe(true);
    expect(await page.locator('.note', { hasText: 'your exact words' }).count()).toBe(1);
    expect(await resultParagraphs(page, 2022)).toContain('15');
    blocked = false;
    await page.getByRole('button', { name: 'Try searching by meaning again' }).click();
    expect(await waitForSemantic(page)).toBe('bundled');
    await context.close();
    await server.close();
  });
});
