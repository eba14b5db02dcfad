import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import {
  launchChromium,
  recordRequests,
  resultParagraphs,
  root,
  serveBuild,
  serveFolder,
  waitForSemantic,
  type FolderHost,
} from './harness.ts';

let browser: Browser;
let site: FolderHost;
/** Another origin that serves the same files: what the worker must never load from, whatever the page's address. */
let other: FolderHost;

beforeAll(async () => {
  const dist = () => join(root, 'dist');
  [site, other, browser] = await Promise.all([serveFolder(dist), serveFolder(dist), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), other?.close()]);
});

describe('the model’s origin', () => {
  it('is the page’s own, even at an address whose path names another host', async () => {
    // A host that reads `//other-host/…` as its root (as Node's `new URL(req.url, base)` does) serves the app there;
    // `new URL('models/', base).pathname` is then `//other-host/models/`, which a fetch reads as another site.
    const siteOrigin = new URL(site.url).origin;
    const otherHost = new URL(other.url).host;
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const requests = recordRequests(context);
    try {
      const page = await context.newPage();
      await page.goto(`${siteOrigin}//${otherHost}/?mode=keyword&q=private+fostering`);
      const refusal = page.getByText('The language model could not be loaded');
      await refusal.waitFor({ timeout: 60_000 });
      expect(requests.filter((r) => new URL(r).origin !== siteOrigin)).toEqual([]);
      expect(other.requests).toEqual([]);
      expect(await refusal.textContent()).toMatch(/another site.*Searching by exact words still works\.$/);

      // Keyword search still answers.
      await page.locator('.results-heading', { hasText: 'Exact words' }).waitFor();
      expect((await resultParagraphs(page, 2022)).length).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it('is checked on every fetch either worker makes', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      await waitForSemantic(page);
      // The search worker, and the model's worker it started (Transformers.js and onnxruntime fetch from there).
      const workers = ['search.worker', 'model.worker'].map((name) =>
        page.workers().find((w) => w.url().includes(name)),
      );
      expect(workers.every(Boolean)).toBe(true);
      const otherHost = new URL(other.url).host;
      const tries = [`${other.url}models/`, `//${otherHost}/models/`, new URL(site.url).href + 'config.json'];
      for (const worker of workers) {
        const outcomes = await worker!.evaluate(
          (urls) =>
            Promise.all(
              urls.map((u) =>
                fetch(u).then(
                  (r) => `HTTP ${r.status}`,
                  (e: Error) => e.message,
                ),
              ),
            ),
          tries,
        );
        expect(outcomes).toEqual([
          `refused to fetch ${other.url}models/: the app loads nothing from another site`,
          `refused to fetch ${other.url}models/: the app loads nothing from another site`,
          'HTTP 200',
        ]);
      }
      expect(other.requests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the worker’s own policy', () => {
  it('is sent as a header by `npm start`’s server, and semantic search works under it', async () => {
    const { server, url } = await serveBuild();
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const script = readdirSync(join(root, 'dist/assets')).find((f) => /^search\.worker-.*\.js$/.test(f));
      const page = await context.newPage();
      const workerResponse = page.waitForResponse((r) => r.url().endsWith(`/assets/${script}`));
      await page.goto(`${url}?q=missing+from+home&mode=semantic`);
      const policy = (await workerResponse).headers()['content-security-policy'];
      expect(policy).toContain("connect-src 'self' blob: data:");
      expect(policy).toBe(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'));
      await waitForSemantic(page);
      await page.locator('.results-heading', { hasText: 'Similar meaning' }).waitFor();
      expect((await resultParagraphs(page, 2022)).length).toBeGreaterThan(0);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
