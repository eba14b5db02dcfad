/**
 * The production build in headless Chromium: first and second visits, the search round trip through the worker,
 * bytes per asset, the JS heap and embedding throughput. Where each time is taken, so the driver's own round trips
 * count only where said: visit milestones from navigation start and keystroke to paint, in the page
 * (performance.now()); where a second visit's time goes, in the worker (its User Timing measures); embedding a
 * report, in this process, from the first 'embedding' status it sees to semantic search ready.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Page, Response } from 'playwright-core';
import { MODES, type Mode } from '../../src/core/search.ts';
import { MODE_LABELS } from '../../src/ui/modeLabels.ts';
import { chooseReportFile, confirmReport, waitForSemantic } from '../../tests/browser/reader.ts';
import { launchChromium } from '../lib/chromium.ts';
import { serveBuild, serveFolder } from '../lib/staticServer.ts';
import { quantile } from '../eval.ts';
import type { JudgedQuestion } from '../lib/metrics.ts';
import { latencyOf, runChecked, type Latency } from './measure.ts';

/** Typed on every visit as soon as the search box exists: a question whose answer is in both reports. */
const FIRST_QUERY = 'private fostering';
/** Questions timed per mode in the page. */
export const ROUND_TRIP_QUESTIONS = 24;
/** Few enough to be asked well within an added report's embedding. */
const TYPING_WHILE_EMBEDDING_QUESTIONS = 16;
/** Visits repeated, each in a fresh profile, and the median kept: on a shared machine one visit alone says little. */
const VISIT_RUNS = 5;
const TIMEOUT = 120_000;
const root = join(import.meta.dirname, '../..');

export interface VisitFigures {
  /** The search box is on the page (the app shell has run). */
  searchBoxMs: number;
  /** The first `article.result`: keyword results for FIRST_QUERY, typed the moment the box appeared. */
  firstResultsMs: number;
  /** Semantic and hybrid search available (`data-ready="true"`). */
  readyMs: number;
  /** Where the index came from: IndexSource in src/worker/protocol.ts ('bundled', 'built' or 'indexeddb'). */
  source: string;
}

export interface AssetFigures {
  path: string;
  raw: number;
  gzip: number;
  /** The build's precompressed .br copy (scripts/vite/precompress.ts); the raw size when there is none. */
  brotli: number;
  /** Times a host sent it over a first visit and a reload with the service worker (see deliveries). */
  fetches: number;
  /** What the server sent: gzip-encoded for text types (as `npm start` serves), raw otherwise. */
  served: number;
}

export interface HeapFigures {
  used: number;
  /**
   * ArrayBuffers outside the JS heap: packed vectors. onnxruntime's wasm memory, shared between its threads on a
   * cross-origin isolated page, is not counted here (`tabMemoryMb` is).
   */
  backing: number;
}

export interface BrowserFigures {
  viteBuildMs: number;
  visitRuns: number;
  /** Service workers blocked: the app alone, as a reader without the offline copy meets it. */
  appOnly: { cold: VisitFigures; warm: VisitFigures };
  /** Service worker allowed: the first visit also precaches the whole site; the second is served from that copy. */
  withServiceWorker: { cold: VisitFigures; warm: VisitFigures };
  /**
   * `firstPaint`: until results for the question are on screen (the exact-words answer, while one by meaning is made);
   * `latency`: until the answer in the mode asked for is.
   */
  roundTrip: { mode: Mode; firstPaint: Latency; latency: Latency; questions: number }[];
  assets: AssetFigures[];
  totals: { raw: number; gzip: number; brotli: number; served: number; sentByHost: number };
  /** After the first visit is ready, after a full collection. */
  /** `worker` is the search worker; the model runs in `modelWorker` (Transformers.js, the tokenizer, onnxruntime's JS). */
  heap: { page: HeapFigures; worker: HeapFigures; modelWorker: HeapFigures };
  /**
   * The tab's whole cost to the device at the same moment (after the collections above), model included: the
   * anonymous memory (Linux's smaps_rollup) of the largest renderer process, which runs the page and its workers.
   * Null off Linux.
   */
  tabMemoryMb: number | null;
  /** Where a second visit's time goes: the worker's own User Timing measures, in ms. */
  secondVisitWorker: Record<string, number>;
  /** Requests a host received over a first visit and a reload with the service worker, per path. */
  fetchedTwice: string[];
  embedding: EmbedThroughput[];
  addedReport: AddedReportFigures;
  /**
   * Keystroke to the first results painted, by exact words, while an added report is being embedded (the 2012 text
   * under another council's name, on one thread): what a reader typing meanwhile waits.
   */
  typingWhileEmbedding: { firstPaint: Latency; questions: number };
}

/**
 * The worker's User Timing measures that say where start-up goes: read-stored-index in src/worker/reportIndexCache.ts,
 * load-model and warm-up in src/worker/modelRunner.ts.
 */
const START_UP_MEASURES = ['read-stored-index', 'load-model', 'warm-up'];

/** Every duration the search worker has measured under `name` (User Timing, src/worker/), oldest first. */
export async function workerDurations(page: Page, name: string): Promise<number[]> {
  const worker = page.workers().find((w) => w.url().includes('search.worker'));
  if (!worker) throw new Error('the search worker is not running');
  return worker.evaluate((measure) => performance.getEntriesByName(measure, 'measure').map((e) => e.duration), name);
}

/** Runs in the page before its own scripts, on every navigation: types the query and stamps each milestone. */
function stampMilestones(query: string): void {
  const marks: Record<string, number | string> = {};
  (window as unknown as { __bench: typeof marks }).__bench = marks;
  new MutationObserver(() => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]');
    if (input && marks['searchBox'] === undefined) {
      marks['searchBox'] = performance.now();
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.form?.requestSubmit(); // a submit searches at once, without the typing delay
    }
    if (marks['firstResults'] === undefined && document.querySelector('article.result'))
      marks['firstResults'] = performance.now();
    const status = document.querySelector('[data-ready="true"]');
    if (status && marks['ready'] === undefined) {
      marks['ready'] = performance.now();
      marks['source'] = status.getAttribute('data-index-source') ?? '';
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

async function visit(page: Page, go: () => Promise<unknown>): Promise<VisitFigures> {
  await go();
  await page.waitForFunction(
    () => {
      const m = (window as unknown as { __bench?: Record<string, unknown> }).__bench;
      return m?.['ready'] !== undefined && m['firstResults'] !== undefined;
    },
    undefined,
    { timeout: TIMEOUT },
  );
  const m = await page.evaluate(() => (window as unknown as { __bench: Record<string, number | string> }).__bench);
  return {
    searchBoxMs: Number(m['searchBox']),
    firstResultsMs: Number(m['firstResults']),
    readyMs: Number(m['ready']),
    source: String(m['source']),
  };
}

/** Each milestone's median over runs; the index source must be the same in every run. */
function medianVisit(runs: VisitFigures[]): VisitFigures {
  const sources = new Set(runs.map((r) => r.source));
  if (sources.size !== 1) throw new Error(`visits disagree on where the index came from: ${[...sources].join(', ')}`);
  const median = (f: (v: VisitFigures) => number) => quantile(runs.map(f), 0.5);
  return {
    searchBoxMs: median((v) => v.searchBoxMs),
    firstResultsMs: median((v) => v.firstResultsMs),
    readyMs: median((v) => v.readyMs),
    source: runs[0]!.source,
  };
}

async function newPage(
  browser: Browser,
  serviceWorkers: 'allow' | 'block',
): Promise<{ context: BrowserContext; page: Page }> {
  // A new context is a new profile: empty HTTP cache, IndexedDB and service workers, as on a first visit.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers });
  await context.addInitScript(stampMilestones, FIRST_QUERY);
  return { context, page: await context.newPage() };
}

/**
 * Keystroke to paint per mode: timed in the page from the input that changes the question (submitted at once, so the
 * typing delay is not counted) to the frame that shows its results.
 */
export async function roundTrips(
  page: Page,
  questions: string[],
  modes: readonly Mode[] = MODES,
): Promise<BrowserFigures['roundTrip']> {
  const figures: BrowserFigures['roundTrip'] = [];
  for (const mode of modes) {
    await page.getByRole('radio', { name: MODE_LABELS[mode] }).check();
    await page.locator('.results-heading', { hasText: MODE_LABELS[mode] }).waitFor();
    const times = await page.evaluate(
      // No named helpers in here: tsx would wrap them in a `__name` call the page does not have.
      async ({ questions, label }) => {
        const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
        const times: { first: number; settled: number }[] = [];
        for (const q of questions) {
          const started = performance.now();
          let first: Promise<number> | null = null;
          const settled = await new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              const heading = document.querySelector('.results-heading')?.textContent ?? '';
              if (!heading.includes(`“${q}”`)) return;
              // The answer is in the DOM; it is on screen once the frame after it has been produced.
              first ??= new Promise((painted) =>
                requestAnimationFrame(() => setTimeout(() => painted(performance.now() - started))),
              );
              if (!heading.includes(label) || heading.includes('updating')) return;
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            input.value = q;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            input.form!.requestSubmit();
          });
          times.push({ first: await first!, settled });
        }
        return times;
      },
      { questions, label: MODE_LABELS[mode] },
    );
    figures.push({
      mode,
      firstPaint: latencyOf(times.map((t) => t.first)),
      latency: latencyOf(times.map((t) => t.settled)),
      questions: times.length,
    });
  }
  return figures;
}

/** Anonymous memory of the browser's largest renderer process, from /proc; null where there is none. */
async function tabMemoryMb(browser: Browser): Promise<number | null> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    const anonymousKb = processInfo
      .filter((p) => p.type === 'renderer' && existsSync(`/proc/${p.id}/smaps_rollup`))
      .map((p) => Number(/^Anonymous:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p.id}/smaps_rollup`, 'utf8'))?.[1] ?? 0));
    return anonymousKb.length ? Math.max(...anonymousKb) / 1024 : null;
  } finally {
    await session.detach();
  }
}

async function heapOf(session: CDPSession): Promise<HeapFigures> {
  await session.send('HeapProfiler.collectGarbage');
  const usage = await session.send('Runtime.getHeapUsage');
  return { used: usage.usedSize, backing: usage.backingStorageSize };
}

/**
 * A worker's heap, after a full collection, by its script's name. Playwright opens CDP sessions on pages only, so this
 * attaches to the worker target from the browser session and speaks CDP to it through Target.sendMessageToTarget.
 */
async function workerHeap(browser: Browser, script: 'search.worker' | 'model.worker'): Promise<HeapFigures> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'worker' && t.url.includes(script));
    if (!worker) throw new Error(`the ${script} is not running`);
    const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    let nextId = 1;
    const call = (method: string) =>
      new Promise<Record<string, number>>((resolve) => {
        const id = nextId++;
        session.on('Target.receivedMessageFromTarget', (e) => {
          const reply = JSON.parse(e.message) as { id?: number; result?: Record<string, number> };
          if (e.sessionId === sessionId && reply.id === id) resolve(reply.result ?? {});
        });
        void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    return { used: usage['usedSize']!, backing: usage['backingStorageSize']! };
  } finally {
    await session.detach();
  }
}

/** What a host serving the build's precompressed copies sends for a file: its .br copy where there is one. */
function brotliSize(file: string): number {
  return existsSync(`${file}.br`) ? statSync(`${file}.br`).size : existsSync(file) ? statSync(file).size : 0;
}

/** Bytes of every file the first visit fetched from the build: raw, gzip (node:zlib, default level), brotli. */
function assetSizes(outDir: string, fetched: Map<string, boolean>, fetches: string[]): AssetFigures[] {
  const assets: AssetFigures[] = [];
  for (const [path, gzipped] of fetched) {
    const rel = path === '/' ? 'index.html' : decodeURIComponent(path).replace(/^\//, '');
    const file = join(outDir, rel);
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    const body = readFileSync(file);
    const gzip = gzipSync(body).length;
    assets.push({
      path,
      raw: body.length,
      gzip,
      brotli: brotliSize(file),
      served: gzipped ? gzip : body.length,
      fetches: fetches.filter((f) => f === rel).length,
    });
  }
  return assets.sort((a, b) => b.raw - a.raw);
}

/**
 * What a host that serves the precompressed copies sends over a first visit and a reload with the service worker:
 * every request, counted at the host, and the bytes it sent (the .br copy where there is one).
 */
async function deliveries(browser: Browser, outDir: string): Promise<{ requests: string[]; bytes: number }> {
  const host = await serveFolder(() => outDir, '/', 'br');
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    await page.locator('[data-offline-ready="true"]').waitFor({ state: 'attached', timeout: TIMEOUT });
    await page.locator('[data-ready="true"]').waitFor({ timeout: TIMEOUT });
    await page.reload();
    await page.locator('[data-ready="true"]').waitFor({ timeout: TIMEOUT });
    return {
      requests: [...host.requests],
      bytes: host.requests.reduce((n, rel) => n + brotliSize(join(outDir, rel)), 0),
    };
  } finally {
    await context.close();
    await host.close();
  }
}

export interface EmbedThroughput {
  /** Whether the page was cross-origin isolated, so onnxruntime ran several threads. */
  threads: boolean;
  paragraphs: number;
  /** What the progress bar counts: paragraphs since their sentences are read within them (before: paragraphs and sentences). */
  texts: number;
  seconds: number;
  paragraphsPerSecond: number;
}

/**
 * Embedding in the browser, as for a report a reader adds: the bundled pair with its prepared vectors withheld, timed
 * from the first 'embedding' status to semantic search ready, on a host that isolates the page (threads) and one
 * that does not (the single-threaded path).
 */
export async function embedThroughput(
  browser: Browser,
  outDir: string,
  threads: boolean,
  paragraphs: number,
): Promise<EmbedThroughput> {
  const host = threads ? await serveBuild(outDir) : await serveFolder(() => outDir);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.route('**/data/embeddings.bin', (route) => route.fulfill({ status: 404 }));
    const page = await context.newPage();
    await page.goto(host.url);
    await page.locator('[data-phase="embedding"]').waitFor({ timeout: TIMEOUT });
    const started = performance.now();
    const texts = Number(
      await page.locator('progress[aria-label="Paragraphs read for search by meaning"]').getAttribute('max'),
    );
    await page.locator('[data-ready="true"]').waitFor({ timeout: 900_000 });
    const seconds = (performance.now() - started) / 1000;
    if ((await page.evaluate(() => self.crossOriginIsolated)) !== threads)
      throw new Error(`expected crossOriginIsolated ${threads}`);
    return { threads, paragraphs, texts, seconds, paragraphsPerSecond: paragraphs / seconds };
  } finally {
    await context.close();
    await ('server' in host ? host.server.close() : host.close());
  }
}

export interface AddedReportFigures {
  /** Paragraphs the Library read from the file (its confirmation says how many). */
  paragraphs: number;
  /** From "Add to the library" (the reader confirming it) to search by meaning ready with it on screen. */
  seconds: number;
}

/**
 * A fresh page of the Library with the 2012 text ready to add under another council's name ("Northshire"), on a
 * host without cross-origin isolation (one thread); `measure` runs from there, then everything is closed.
 */
async function withReportToAdd<T>(
  browser: Browser,
  outDir: string,
  measure: (page: Page, file: string) => Promise<T>,
): Promise<T> {
  const host = await serveFolder(() => outDir);
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const dir = mkdtempSync(join(tmpdir(), 'bench-added-'));
  try {
    const file = join(dir, 'northshire-2012.txt');
    const seed = readFileSync(
      join(root, 'seeds/2012-redcar-cleveland-safeguarding-and-looked-after-children.txt'),
      'utf8',
    );
    writeFileSync(file, seed.replaceAll('Redcar and Cleveland', 'Northshire'));
    const page = await context.newPage();
    await page.goto(`${host.url}?view=library`);
    await waitForSemantic(page);
    return await measure(page, file);
  } finally {
    await context.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Confirms the report chosen, dated 2013, and waits for it on screen: until it is, the ready status is still the
 * previous pair's.
 */
async function confirmAndShow(page: Page): Promise<void> {
  await confirmReport(page, 2013);
  await page.locator('.report-card h3', { hasText: 'Northshire' }).waitFor({ timeout: TIMEOUT });
}

/**
 * A report the reader adds, as the Library takes it (tests/browser/reader.ts, the tests' own steps): the 2012 report
 * under another council's name (the bundled pair's prepared vectors are used as usual), added once the model is
 * loaded, compared with what the confirmation offers at once, and timed on one thread (a host that does not isolate
 * the page, as most static hosts).
 */
export function addedReportThroughput(browser: Browser, outDir: string): Promise<AddedReportFigures> {
  return withReportToAdd(browser, outDir, async (page, file) => {
    const form = await chooseReportFile(page, file);
    const read = /(\d+) paragraphs\./.exec((await form.textContent()) ?? '');
    if (!read) throw new Error('the confirmation does not say how many paragraphs it read');
    const started = performance.now();
    await confirmAndShow(page);
    await waitForSemantic(page);
    return { paragraphs: Number(read[1]), seconds: (performance.now() - started) / 1000 };
  });
}

/** Keyword round trips typed while the added report is embedded; refused if the embedding ended first. */
export function typingWhileEmbedding(
  browser: Browser,
  outDir: string,
  questions: string[],
): Promise<BrowserFigures['typingWhileEmbedding']> {
  return withReportToAdd(browser, outDir, async (page, file) => {
    await chooseReportFile(page, file);
    await confirmAndShow(page);
    const embedding = page.locator('[data-phase="embedding"]');
    await embedding.waitFor({ timeout: TIMEOUT });
    const search = page.getByRole('searchbox', { name: /Search/ });
    await search.fill('private fostering');
    await search.press('Enter');
    await page.locator('.results-heading', { hasText: 'private fostering' }).waitFor({ timeout: TIMEOUT });
    const [trip] = await roundTrips(page, questions, ['keyword']);
    if ((await embedding.count()) === 0) throw new Error('the report was embedded before the questions were all asked');
    return { firstPaint: trip!.firstPaint, questions: questions.length };
  });
}

export interface SiteBuild {
  outDir: string;
  ms: number;
}

/**
 * The production build, into its own folder (dist/ may be in use by tests running alongside). Run first, so a
 * build that fails stops the benchmark in seconds, not after the Node figures.
 */
export function buildSite(): SiteBuild {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  try {
    return {
      outDir,
      ms: runChecked(join('node_modules', '.bin', 'vite'), [
        'build',
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--logLevel',
        'error',
      ]),
    };
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
}

/** Measures the build in Chromium, then removes it. */
export async function benchBrowser(
  { outDir, ms: viteBuildMs }: SiteBuild,
  judgements: JudgedQuestion[],
  paragraphs: number,
): Promise<{ figures: BrowserFigures; chromium: string }> {
  const { server, url } = await serveBuild(outDir);
  const browser = await launchChromium();
  try {
    const origin = new URL(url).origin;
    const fetched = new Map<string, boolean>();
    const record = (r: Response) => {
      if (r.url().startsWith(origin) && r.request().method() === 'GET' && r.status() === 200)
        fetched.set(new URL(r.url()).pathname, r.headers()['content-encoding'] === 'gzip');
    };
    const appOnly: { cold: VisitFigures; warm: VisitFigures }[] = [];
    const withSw: { cold: VisitFigures; warm: VisitFigures }[] = [];
    let heap: BrowserFigures['heap'] | undefined;
    let tabMemory: number | null = null;
    let roundTrip: BrowserFigures['roundTrip'] = [];
    const secondVisitWorker: Record<string, number> = {};
    for (let run = 0; run < VISIT_RUNS; run++) {
      // Assets, heap and round trips once, on the first run: they vary little, and each costs time.
      const { context, page } = await newPage(browser, 'block');
      if (run === 0) context.on('response', record);
      const cold = await visit(page, () => page.goto(url));
      if (run === 0) {
        heap = {
          page: await heapOf(await context.newCDPSession(page)),
          worker: await workerHeap(browser, 'search.worker'),
          modelWorker: await workerHeap(browser, 'model.worker'),
        };
        tabMemory = await tabMemoryMb(browser);
      }
      const warm = await visit(page, () => page.reload());
      if (run === 0)
        for (const name of START_UP_MEASURES) secondVisitWorker[name] = (await workerDurations(page, name))[0]!;
      if (run === 0)
        roundTrip = await roundTrips(
          page,
          judgements.slice(0, ROUND_TRIP_QUESTIONS).map((j) => j.query),
        );
      appOnly.push({ cold, warm });
      await context.close();

      const sw = await newPage(browser, 'allow');
      const swCold = await visit(sw.page, () => sw.page.goto(url));
      await sw.page.locator('[data-offline-ready="true"]').waitFor({ state: 'attached', timeout: TIMEOUT });
      withSw.push({ cold: swCold, warm: await visit(sw.page, () => sw.page.reload()) });
      await sw.context.close();
    }

    const delivered = await deliveries(browser, outDir);
    const embedding = [
      await embedThroughput(browser, outDir, true, paragraphs),
      await embedThroughput(browser, outDir, false, paragraphs),
    ];
    const assets = assetSizes(outDir, fetched, delivered.requests);
    const sum = (f: (a: AssetFigures) => number) => assets.reduce((n, a) => n + f(a), 0);
    return {
      figures: {
        viteBuildMs,
        visitRuns: VISIT_RUNS,
        appOnly: { cold: medianVisit(appOnly.map((v) => v.cold)), warm: medianVisit(appOnly.map((v) => v.warm)) },
        withServiceWorker: {
          cold: medianVisit(withSw.map((v) => v.cold)),
          warm: medianVisit(withSw.map((v) => v.warm)),
        },
        roundTrip,
        assets,
        totals: {
          raw: sum((a) => a.raw),
          gzip: sum((a) => a.gzip),
          brotli: sum((a) => a.brotli),
          served: sum((a) => a.served),
          sentByHost: delivered.bytes,
        },
        heap: heap!,
        tabMemoryMb: tabMemory,
        secondVisitWorker,
        fetchedTwice: [...new Set(delivered.requests.filter((r, i) => delivered.requests.indexOf(r) !== i))],
        embedding,
        addedReport: await addedReportThroughput(browser, outDir),
        typingWhileEmbedding: await typingWhileEmbedding(
          browser,
          outDir,
          judgements.slice(0, TYPING_WHILE_EMBEDDING_QUESTIONS).map((j) => j.query),
        ),
      },
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
