/**
 * How the site reaches the reader: on every kind of static host the model loads, and what a first visit
 * downloads, it downloads once (the page's own loads come from the offline copy the service worker saves).
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  root,
  searchBox,
  serveFolder,
  siteModel,
  waitForOffline,
  waitForSemantic,
  type HostEncoding,
} from './harness.ts';

let browser: Browser;
const dist = () => join(root, 'dist');
const modelFile = () => `models/${siteModel().id}/onnx/model_quantized.onnx`;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('static hosts', () => {
  it.each<HostEncoding>(['plain', 'gzip', 'gzip-chunked', 'br'])(
    'semantic search becomes ready when the host sends files %s',
    async (encoding) => {
      const host = await serveFolder(dist, '/', encoding);
      // No service worker: the page loads the model itself, through whatever the host sends.
      const context = await browser.newContext({ serviceWorkers: 'block' });
      try {
        const page = await context.newPage();
        const encodings: string[] = [];
        page.on('response', (r) => {
          if (r.url().endsWith('.onnx')) encodings.push(r.headers()['content-encoding'] ?? 'identity');
        });
        await page.goto(host.url);
        expect(await waitForSemantic(page)).toBe('bundled');
        expect(encodings).toEqual([{ plain: 'identity', gzip: 'gzip', 'gzip-chunked': 'gzip', br: 'br' }[encoding]]);
        await page.getByRole('radio', { name: 'Similar meaning' }).check();
        await searchBox(page).fill('children who go missing from home');
        await searchBox(page).press('Enter');
        await page.locator('.results-heading', { hasText: 'Similar meaning' }).filter({ hasText: 'missing' }).waitFor();
        expect(await page.locator('article.result').count()).toBeGreaterThan(0);
        // Read once, whole: no probing requests before the download.
        expect(host.requests.filter((p) => p === modelFile())).toHaveLength(1);
      } finally {
        await context.close();
        await host.close();
      }
    },
  );
});

describe('each file downloaded once', () => {
  it('a first visit and a reload fetch the model, the runtime and the prepared vectors once, for the page and the offline copy alike', async () => {
    const host = await serveFolder(dist, '/', 'br');
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      await page.goto(host.url);
      await waitForOffline(page);
      expect(await waitForSemantic(page)).toBe('bundled');
      await page.reload();
      expect(await waitForSemantic(page)).toBe('indexeddb');
      const large = [modelFile(), `models/${siteModel().id}/tokenizer.json`, 'data/embeddings.bin'];
      for (const path of large)
        expect(
          host.requests.filter((p) => p === path),
          path,
        ).toHaveLength(1);
      const wasm = host.requests.filter((p) => p.endsWith('.wasm'));
      expect(wasm).toHaveLength(1);
    } finally {
      await context.close();
      await host.close();
    }
  });
});

describe('the first answer', () => {
  it('is on screen before the offline copy starts downloading, which then completes', async () => {
    const host = await serveFolder(dist, '/', 'br');
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    try {
      const page = await context.newPage();
      // The service worker's script is the offline copy's first request; it is held while the page is looked at.
      const onScreenAtStart: number[] = [];
      await context.route('**/sw.js', async (route) => {
        onScreenAtStart.push(await page.locator('article.result').count());
        await route.continue();
      });
      await page.goto(`${host.url}?q=private+fostering`);
      await waitForOffline(page);
      expect(onScreenAtStart.length).toBeGreaterThan(0);
      expect(onScreenAtStart[0]).toBeGreaterThan(0);
    } finally {
      await context.close();
      await host.close();
    }
  });
});
