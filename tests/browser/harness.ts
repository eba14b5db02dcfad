import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { modelFromConfig, type ModelConfig } from '../../src/embed/embedder.ts';
import { launchChromium } from '../chromium.ts';

export const root = join(import.meta.dirname, '../..');

/** Serves the production build (dist/) the way `npm start` does, on a free loopback port. */
export async function serveBuild(
  outDir = join(root, 'dist'),
  base = '/',
): Promise<{ server: PreviewServer; url: string }> {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`no build in ${outDir}: run \`npm run build\` first`);
  const server = await preview({
    root,
    base,
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { server, url: `http://127.0.0.1:${address.port}${base}` };
}

export { launchChromium };

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

export async function waitForSemantic(page: Page, timeout = 120_000): Promise<string> {
  await page.locator('[data-ready="true"]').waitFor({ timeout });
  return (await page.locator('[data-index-source]').getAttribute('data-index-source')) ?? '';
}

export const searchBox = (page: Page) => page.getByRole('searchbox', { name: /Search/ });

export const resultParagraphs = (page: Page, year: number) =>
  page
    .locator(`article.result[data-year="${year}"]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-paragraph')));

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
};

/**
 * How a static host sends files: as they are; gzip-compressed on the fly with a Content-Length (the encoded size,
 * as nginx and many CDNs send it); the same without a length (chunked); or the build's precompressed `.br` copies
 * with their Content-Length (nginx `brotli_static`, object stores).
 */
export type HostEncoding = 'plain' | 'gzip' | 'gzip-chunked' | 'br';

export interface FolderHost {
  url: string;
  /** Every path requested, in order, with the base removed (index.html for the folder itself). */
  requests: string[];
  close: () => Promise<void>;
}

/**
 * A plain static host that reads files on every request, so a test can deploy a new build into the folder
 * while it runs (Vite's preview server indexes the folder once at start).
 */
export async function serveFolder(
  dir: () => string,
  base = '/',
  encoding: HostEncoding = 'plain',
): Promise<FolderHost> {
  const requests: string[] = [];
  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) return void res.writeHead(404).end();
    const normalised = normalize(path.slice(base.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    const rel = normalised.endsWith('/') || normalised === '.' ? 'index.html' : normalised;
    requests.push(rel);
    try {
      const file = join(dir(), rel);
      // As `npm start` and most hosts: files named by content hash are kept, the rest revalidated.
      const caching = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      const headers: Record<string, string> = {
        'Content-Type': TYPES[extname(rel)] ?? 'application/octet-stream',
        'Cache-Control': caching,
      };
      const accepts = String(req.headers['accept-encoding'] ?? '');
      let body = await readFile(file);
      if (encoding === 'br' && accepts.includes('br')) {
        const compressed = await readFile(`${file}.br`).catch(() => null);
        if (compressed) [body, headers['Content-Encoding']] = [compressed, 'br'];
      } else if ((encoding === 'gzip' || encoding === 'gzip-chunked') && accepts.includes('gzip')) {
        [body, headers['Content-Encoding']] = [gzipSync(body), 'gzip'];
      }
      if (encoding === 'gzip-chunked') {
        res.writeHead(200, headers);
        // Written in pieces with no length: Node sends it chunked.
        for (let at = 0; at < body.length; at += 65_536) res.write(body.subarray(at, at + 65_536));
        return void res.end();
      }
      res.writeHead(200, { ...headers, 'Content-Length': String(body.length) }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  };
  const server = createServer((req, res) => void respond(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Waits until a service worker controls the page and has finished precaching (the app says "Works offline"). */
export async function waitForOffline(page: Page, timeout = 120_000): Promise<void> {
  await page.locator('[data-offline-ready="true"]').waitFor({ state: 'attached', timeout });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout });
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
 * Adds a report to the library as a reader does (Library tab, choose the file, confirm with the year given) and
 * returns its id, read from the address of the pair the page then opens.
 */
export async function addReportFile(page: Page, siteUrl: string, file: string, year: number): Promise<string> {
  await page.goto(`${siteUrl}?view=library`);
  await page.getByLabel('Choose a file').setInputFiles(file);
  await page.getByRole('form', { name: 'Confirm the report' }).waitFor();
  await page.getByLabel('Year of the inspection').fill(String(year));
  await page.getByRole('button', { name: 'Add to the library' }).click();
  const id = await page.waitForFunction(() => new URLSearchParams(location.search).get('b'));
  return (await id.jsonValue()) as string;
}
