import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_VERSION, INDEX_FORMAT_VERSION } from '../../src/store/indexStore.ts';
import { resultParagraphs, root, searchBox, siteAndBrowser, siteModel, waitForSemantic } from './harness.ts';

let url: string;
let browser: Browser;
const site = siteAndBrowser();

beforeAll(() => {
  ({ url, browser } = site);
});

/** A page that fails the test on any uncaught error, dialog or CSP violation. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const problems: string[] = [];
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('console', (m) => {
    if (m.text().startsWith('CSP violation')) problems.push(m.text());
  });
  return { page, problems };
}

const fresh = (options: Parameters<Browser['newContext']>[0] = {}) =>
  browser.newContext({ serviceWorkers: 'block', ...options });
const markupCount = (page: Page) =>
  page.locator('main script, main img, main iframe, main svg:not(.chart) , main [onerror], main [onload]').count();

describe('odd queries', () => {
  const paragraph = readFileSync(join(root, 'seeds/2022-redcar-cleveland-ilacs.txt'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('- 14.'))!;
  const queries: [string, string][] = [
    ['empty', ''],
    ['whitespace', '   \t  '],
    ['one character', 'a'],
    ['emoji and other scripts', '🙂 儿童 حماية الطفل دети'],
    ['regex and HTML metacharacters', `.*+?()[]{}|\\^$<>&"'`],
    ['a pasted paragraph', paragraph],
    ['a script tag', '<script>alert(1)</script><img src=x onerror=alert(2)>'],
  ];

  // Each query is typed into the page the one before it left, as a reader tries one after another: one load of the
  // page and its model serves them all, and a problem seen at any point fails every check from then on.
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    context = await fresh();
    ({ page, problems } = await watchedPage(context));
    await page.goto(url);
    await waitForSemantic(page);
  });
  afterAll(() => context.close());

  it.each(queries)('survives %s in every mode without rendering markup', async (_, query) => {
    // From the overview the page opens on, as a fresh page would be: a mode changed while an earlier query is on
    // screen would answer that query, and its heading would satisfy the wait below.
    await searchBox(page).fill('');
    await searchBox(page).press('Enter');
    await page.locator('#reports-heading').waitFor();
    for (const mode of ['Exact words', 'Similar meaning', 'Best match']) {
      await page.getByRole('radio', { name: mode }).check();
      await searchBox(page).fill(query);
      await searchBox(page).press('Enter');
      if (query.trim()) await page.locator('.results-heading', { hasText: mode }).waitFor();
      else await page.locator('#reports-heading').waitFor();
    }
    expect(await markupCount(page)).toBe(0);
    expect(problems).toEqual([]);
  });

  it('cuts a 100,000-character query and says so', async () => {
    await searchBox(page).fill('neglect '.repeat(12_500));
    await searchBox(page).press('Enter');
    await page.locator('.note', { hasText: 'The query was cut to its first' }).waitFor();
    expect((await resultParagraphs(page, 2022)).length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')!.length).toBeLessThanOrEqual(100_000);
    expect(problems).toEqual([]);
  });
});

describe('hostile and broken links', () => {
  it('loads, ignores what it cannot use, and runs no payload', async () => {
    const context = await fresh();
    const { page, problems } = await watchedPage(context);
    const payload = encodeURIComponent('<img src=x onerror=alert(1)>');
    await page.goto(
      `${url}?q=${payload}&mode=${payload}&theme=${encodeURIComponent('javascript:alert(1)')}&p=${payload}&view=${payload}&browse=${payload}`,
    );
    await page.locator('.notice', { hasText: 'Unknown search mode' }).waitFor();
    for (const text of [
      'theme that does not exist',
      'paragraph that is not in these reports',
      'view that does not exist',
      'browse a report that is not here',
    ]) {
      expect(await page.locator('.notice', { hasText: text }).count()).toBe(1);
    }
    expect(await searchBox(page).inputValue()).toBe('<img src=x onerror=alert(1)>');
    expect(await markupCount(page)).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('links that name a pair', () => {
  /** Counts the requests the page sends its worker, by type, from before the app starts. */
  async function countingRequests(page: Page): Promise<() => Promise<Record<string, number>>> {
    await page.addInitScript(() => {
      const counts: Record<string, number> = {};
      (window as unknown as { __requests: typeof counts }).__requests = counts;
      // The page's own method, called with the page's worker as `this`.
      const post = Object.getOwnPropertyDescriptor(Worker.prototype, 'postMessage')!.value as (
        this: Worker,
        ...args: unknown[]
      ) => void;
      Worker.prototype.postMessage = function (this: Worker, message: { type?: string }, ...rest: unknown[]) {
        counts[String(message?.type)] = (counts[String(message?.type)] ?? 0) + 1;
        post.call(this, message, ...rest);
      } as typeof Worker.prototype.postMessage;
    });
    return () => page.evaluate(() => ({ ...(window as unknown as { __requests: Record<string, number> }).__requests }));
  }

  const [OLD, NEW] = ['2012-redcar-cleveland-safeguarding-and-looked-after-children', '2022-redcar-cleveland-ilacs'];

  it('opens the bundled pair named explicitly once, with the query and mode of the link', async () => {
    const context = await fresh();
    const page = await context.newPage();
    const requests = await countingRequests(page);
    await page.goto(`${url}?a=${OLD}&b=${NEW}&q=private+fostering&mode=keyword`);
    await waitForSemantic(page);
    await page
      .locator('.results-heading', { hasText: 'private fostering' })
      .filter({ hasText: 'Exact words' })
      .waitFor();
    expect(await page.getByRole('radio', { name: 'Exact words' }).isChecked()).toBe(true);
    expect((await requests())['select'] ?? 0).toBe(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('private fostering');
    await context.close();
  });

  it('says so once when a link names the same report twice, and opens the default pair with its query', async () => {
    const context = await fresh();
    const page = await context.newPage();
    const requests = await countingRequests(page);
    await page.goto(`${url}?a=${NEW}&b=${NEW}&q=private+fostering`);
    await waitForSemantic(page);
    await page
      .locator('.results-heading', { hasText: 'private fostering' })
      .filter({ hasNotText: 'updating' })
      .waitFor();
    expect(await page.locator('.notice', { hasText: 'names the same report twice' }).count()).toBe(1);
    expect((await requests())['select'] ?? 0).toBe(0);
    expect(new URL(page.url()).searchParams.get('a')).toBeNull();
    await context.close();
  });
});

describe('links whose reports cannot be put side by side', () => {
  const [OLD, NEW] = ['2012-redcar-cleveland-safeguarding-and-looked-after-children', '2022-redcar-cleveland-ilacs'];
  const seven = Array.from({ length: 7 }, (_, i) => `u${String(i).repeat(24)}`).join(',');

  it('name what they ignore, open the default pair with the rest of the link, and leave that in the address', async () => {
    const context = await fresh();
    const { page, problems } = await watchedPage(context);
    for (const [reports, notice] of [
      [
        `r=${seven}`,
        'The link names 7 reports to compare, more than the 6 that fit side by side; showing the default pair.',
      ],
      [`r=${NEW}`, 'The link names only one report to compare; showing the default pair.'],
      [`a=${NEW}`, 'The link names only one report to compare; showing the default pair.'],
      [
        `a=${OLD}&b=${encodeURIComponent('<b>x')}`,
        'The link names a report by an id no report can have; showing the default pair.',
      ],
    ]) {
      await page.goto(`${url}?${reports}&q=private+fostering&mode=keyword`);
      await page.locator('.notice', { hasText: notice }).waitFor();
      await page
        .locator('.results-heading', { hasText: 'private fostering' })
        .filter({ hasText: 'Exact words' })
        .waitFor();
      // Service workers are blocked here, which the page notes too.
      const notices = await page.locator('.notice > span').allTextContents();
      expect(notices.filter((n) => n.startsWith('The link'))).toEqual([notice]);
      expect(page.url()).toBe(`${url}?q=private+fostering&mode=keyword`);
      expect(await page.locator('.column > h3').allTextContents()).toEqual([
        expect.stringMatching(/^2012/),
        expect.stringMatching(/^2022/),
      ]);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('storage', () => {
  async function firstVisit(context: BrowserContext) {
    const { page, problems } = await watchedPage(context);
    await page.goto(url);
    expect(await waitForSemantic(page)).toBe('bundled');
    return { page, problems };
  }

  it('rebuilds over a corrupted record, then stores a good one', async () => {
    const context = await fresh();
    const { page } = await firstVisit(context);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('inspection-compare');
          open.onsuccess = () => {
            const tx = open.result.transaction('reportIndexes', 'readwrite');
            const store = tx.objectStore('reportIndexes');
            const all = store.getAll();
            all.onsuccess = () => {
              for (const record of all.result) store.put({ ...record, vectors: 'garbage' });
            };
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error ?? new Error('the transaction failed'));
          };
        }),
    );
    await page.reload();
    expect(await waitForSemantic(page)).toBe('bundled');
    // One notice per damaged record: each report has its own.
    await page.locator('.notice', { hasText: 'could not be used' }).nth(1).waitFor();
    expect(await page.locator('.notice', { hasText: 'could not be used' }).count()).toBe(2);
    await page.reload();
    expect(await waitForSemantic(page)).toBe('indexeddb');
    await context.close();
  });

  it('replaces an index stored by an older format version', async () => {
    const context = await fresh();
    const { page } = await firstVisit(context);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('inspection-compare');
          open.onsuccess = () => {
            const tx = open.result.transaction('reportIndexes', 'readwrite');
            const store = tx.objectStore('reportIndexes');
            store.clear();
            store.put({
              reportId: '2012-redcar-cleveland-safeguarding-and-looked-after-children',
              formatVersion: 0,
              vectors: new ArrayBuffer(8),
            });
            tx.oncomplete = () => (open.result.close(), resolve());
          };
        }),
    );
    await page.reload();
    expect(await waitForSemantic(page)).toBe('bundled');
    const records = await page.evaluate(
      () =>
        new Promise<{ reportId: string; formatVersion: number; vectors: { key: string } | null }[]>((resolve) => {
          const open = indexedDB.open('inspection-compare');
          open.onsuccess = () => {
            const req = open.result.transaction('reportIndexes').objectStore('reportIndexes').getAll();
            req.onsuccess = () => (open.result.close(), resolve(req.result));
          };
        }),
    );
    expect(records.map((r) => r.reportId).sort()).toEqual([
      '2012-redcar-cleveland-safeguarding-and-looked-after-children',
      '2022-redcar-cleveland-ilacs',
    ]);
    for (const r of records) {
      expect(r.formatVersion).toBe(INDEX_FORMAT_VERSION);
      expect(r.vectors!.key.startsWith(`${siteModel().id}:`)).toBe(true);
    }
    await context.close();
  });

  it('gives way to another tab that upgrades the database, and keeps working from memory', async () => {
    const context = await fresh();
    const { page: first } = await firstVisit(context);
    const other = await context.newPage();
    await other.goto(`${url}favicon.svg`);
    // A newer version of the app in another tab: this tab must let go of its connection, not block the upgrade.
    const upgraded = await other.evaluate(
      (newer) =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open('inspection-compare', newer);
          open.onblocked = () => resolve('blocked');
          open.onsuccess = () => (open.result.close(), resolve('upgraded'));
          open.onerror = () => resolve(`error ${open.error?.name}`);
        }),
      DB_VERSION + 1,
    );
    expect(upgraded).toBe('upgraded');
    await searchBox(first).fill('private fostering');
    await searchBox(first).press('Enter');
    await first.locator('.results-heading', { hasText: 'Best match' }).waitFor();
    expect(await resultParagraphs(first, 2022)).toContain('15');
    // This older app cannot open the newer database: it says so and runs from memory.
    await first.reload();
    expect(await waitForSemantic(first)).toBe('bundled');
    await first.locator('.notice', { hasText: 'will not let the app store its index' }).waitFor();
    await context.close();
  });

  it('runs from memory and explains when the storage quota is exceeded, and that the offline copy was not saved', async () => {
    const context = await fresh({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(url).origin, quotaSize: 50_000 });
    await page.goto(url);
    expect(await waitForSemantic(page)).toBe('bundled');
    await page.locator('.notice', { hasText: 'out of storage space' }).waitFor();
    await page
      .locator('.device', { hasText: 'The offline copy could not be saved: the browser lets this site store only' })
      .waitFor();
    await searchBox(page).fill('homeless 16 and 17 year olds');
    await searchBox(page).press('Enter');
    await page.locator('.results-heading', { hasText: 'Best match' }).waitFor();
    expect(await resultParagraphs(page, 2022)).toContain('16');
    await context.close();
  });
});

describe('failures', () => {
  it('restarts a worker that dies and answers the query the reader typed', async () => {
    const context = await fresh();
    const { page } = await watchedPage(context);
    let crashes = 0;
    await page.route(/search\.worker-[^/]+\.js$/, (route) => {
      if (crashes++ === 0)
        return route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("simulated crash")' });
      return route.continue();
    });
    await page.goto(url);
    await searchBox(page).fill('private fostering');
    await searchBox(page).press('Enter');
    await page.locator('.notice', { hasText: 'was restarted' }).waitFor();
    await page.locator('.results-heading', { hasText: 'private fostering' }).waitFor();
    expect(await resultParagraphs(page, 2022)).toContain('15');
    expect(crashes).toBe(2);
    await context.close();
  });

  it('says plainly that it could not load when the network fails on a first visit', async () => {
    const context = await fresh();
    const page = await context.newPage();
    await page.route(/\/assets\/.*\.js$/, (route) => route.abort('internetdisconnected'));
    await page.goto(url);
    await page.locator('.boot', { hasText: 'the tool could not load' }).waitFor();

    const second = await context.newPage();
    await second.route(/\/data\/corpus\.json$/, (route) => route.abort('internetdisconnected'));
    await second.goto(url);
    await second.locator('.fatal', { hasText: 'The reports could not be loaded' }).waitFor();
    await context.close();
  });
});

describe('content security policy', () => {
  it('loads the built page under its policy, with no violation in any mode or view', async () => {
    const html = await (await fetch(url)).text();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;;/);
    const context = await fresh();
    const { page, problems } = await watchedPage(context);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    await waitForSemantic(page);
    for (const mode of ['Exact words', 'Similar meaning', 'Best match']) {
      await page.getByRole('radio', { name: mode }).check();
      await searchBox(page).fill('care leavers');
      await searchBox(page).press('Enter');
      await page.locator('.results-heading', { hasText: mode }).waitFor();
    }
    for (const view of ['compare', 'recommendations', 'grades']) {
      await page.goto(`${url}?view=${view}`);
      await waitForSemantic(page);
    }
    expect(problems).toEqual([]);
    const origin = new URL(url).origin;
    expect(
      requests.filter((r) => !r.startsWith(origin) && !r.startsWith(`blob:${origin}`) && !r.startsWith('data:')),
    ).toEqual([]);
    await context.close();
  });
});
