import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRequests, resultParagraphs, searchBox, siteAndBrowser, siteModel, waitForSemantic } from './harness.ts';

let url: string;
let browser: Browser;
const site = siteAndBrowser();

beforeAll(() => {
  ({ url, browser } = site);
});

/** Every semantic phase the status bar shows, in order, recorded from the first paint. */
async function trackPhases(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __phases: string[] };
    w.__phases = [];
    new MutationObserver(() => {
      const phase = document.querySelector('[data-phase]')?.getAttribute('data-phase');
      if (phase && w.__phases[w.__phases.length - 1] !== phase) w.__phases.push(phase);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase'] });
  });
}
const phases = (page: Page) => page.evaluate(() => (window as unknown as { __phases: string[] }).__phases);

async function freshPage(
  options: { width?: number } = {},
): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  // These tests are about the app, not offline use; routes see no request a service worker answers.
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    serviceWorkers: 'block',
  });
  const requests = recordRequests(context);
  const page = await context.newPage();
  return { context, page, requests };
}

async function search(page: Page, query: string): Promise<void> {
  await searchBox(page).fill(query);
  await searchBox(page).press('Enter');
  await page.locator('.results-heading', { hasText: query }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.results-heading')?.textContent?.includes('updating'));
}

describe('first visit', () => {
  it('answers with keyword results before the semantic index is ready, then upgrades', async () => {
    const { context, page, requests } = await freshPage();
    await trackPhases(page);
    // Hold the model back so the order of events is certain, not a race.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/models/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(url);
    await search(page, 'private fostering');
    expect(await page.locator('[data-ready]').getAttribute('data-ready')).toBe('false');
    await expect(page.locator('.note', { hasText: 'your exact words' }).count()).resolves.toBe(1);
    expect(await resultParagraphs(page, 2022)).toContain('15');
    release();
    // The bundled reports come with their vectors, computed at build time: the browser embeds only the query.
    expect(await waitForSemantic(page)).toBe('bundled');
    expect(await phases(page)).toEqual(['waiting', 'loading-model', 'ready']);
    expect(await page.locator('[data-model]').textContent()).toContain(siteModel().label);
    await page.locator('.results-heading', { hasText: 'Best match' }).waitFor();
    expect(await page.locator('.note', { hasText: 'your exact words' }).count()).toBe(0);
    expect(requests.every((r) => r.startsWith(url) || r.startsWith('blob:' + new URL(url).origin))).toBe(true);
    await context.close();
  });
});

describe('searching', () => {
  let context: BrowserContext;
  let page: Page;
  let requests: string[];

  beforeAll(async () => {
    ({ context, page, requests } = await freshPage());
    await page.goto(url);
    await waitForSemantic(page);
  });
  afterAll(() => context.close());

  it('shows the best paragraphs of both reports side by side', async () => {
    await search(page, 'return home interviews after going missing');
    const y2012 = await resultParagraphs(page, 2012);
    const y2022 = await resultParagraphs(page, 2022);
    expect(y2012.length).toBeGreaterThan(0);
    expect(y2022[0]).toBe('18');
    // The library is the two reports on screen (the worker names it before it answers): "every report" would be the
    // same search.
    expect(await page.getByRole('radio', { name: /Every report/ }).count()).toBe(0);
    expect(await page.locator('article.result[data-year="2022"]').first().locator('mark').allTextContents()).toEqual(
      expect.arrayContaining(['missing', 'return', 'home', 'interviews']),
    );
  });

  it('shows the exact-words answer at once, then the best match in its place, keeping the cards both share', async () => {
    // Every heading the results show, in order; the cards on screen while the exact-words answer stands in are marked;
    // and what the results said when each search was asked of the worker.
    await page.evaluate(() => {
      const w = window as unknown as { __headings: string[]; __early: Set<string>; __asked: string[] };
      w.__headings = [];
      w.__early = new Set();
      w.__asked = [];
      const post = Reflect.get(Worker.prototype, 'postMessage') as (this: Worker, message: unknown) => void;
      Object.assign(w, { __post: post });
      Worker.prototype.postMessage = function (this: Worker, message: unknown) {
        const search = (message as { search?: { mode: string } }).search;
        if (search) w.__asked.push(`${search.mode}: ${document.querySelector('.results-heading')?.textContent ?? ''}`);
        post.call(this, message);
      };
      new MutationObserver(() => {
        const heading = document.querySelector('.results-heading')?.textContent ?? '';
        if (w.__headings.at(-1) !== heading) w.__headings.push(heading);
        if (!heading.includes('updating with similar meaning')) return;
        for (const card of document.querySelectorAll<HTMLElement>('article.result')) {
          card.dataset['early'] = 'yes';
          w.__early.add(card.dataset['id']!);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await search(page, 'private fostering arrangements');
    const headings = await page.evaluate(() => (window as unknown as { __headings: string[] }).__headings);
    const asked = headings.filter((h) => h.includes('private fostering arrangements'));
    expect(asked[0]).toMatch(/Exact words · updating with similar meaning/);
    expect(asked.at(-1)).toMatch(/Best match$/);
    // The question by meaning is asked once the exact-words answer is on screen (a run the typing pause started
    // before Enter may have asked in exact words first, and been overtaken).
    const posted = await page.evaluate(() => {
      const w = window as unknown as { __asked: string[]; __post: Worker['postMessage'] };
      Worker.prototype.postMessage = w.__post;
      return w.__asked;
    });
    const byMeaning = posted.filter((p) => p.startsWith('hybrid:'));
    expect(byMeaning.length).toBeGreaterThan(0);
    for (const p of byMeaning)
      expect(p).toMatch(/private fostering arrangements.*Exact words · updating with similar meaning/);
    const cards = await page.locator('article.result').evaluateAll((all) =>
      all.map((c) => ({
        id: (c as HTMLElement).dataset['id']!,
        early: (c as HTMLElement).dataset['early'] === 'yes',
      })),
    );
    const early = await page.evaluate(() => [...(window as unknown as { __early: Set<string> }).__early]);
    const shared = cards.filter((c) => early.includes(c.id));
    expect(shared.length).toBeGreaterThan(0);
    // Refined in place: a paragraph in both answers keeps its card (and the reader's place in it).
    expect(shared.every((c) => c.early)).toBe(true);
    expect(cards.some((c) => !c.early)).toBe(true);
  });

  it('ranks differently in keyword, semantic and hybrid mode', async () => {
    await search(page, 'kids running away from foster homes');
    const rankings: Record<string, (string | null)[]> = {};
    for (const mode of ['Exact words', 'Similar meaning', 'Best match']) {
      await page.getByRole('radio', { name: mode }).check();
      await page.locator('.results-heading', { hasText: mode }).waitFor();
      await page.waitForFunction(() => !document.querySelector('.results-heading')?.textContent?.includes('updating'));
      rankings[mode] = [...(await resultParagraphs(page, 2012)), ...(await resultParagraphs(page, 2022))];
    }
    expect(rankings['Exact words']).not.toEqual(rankings['Similar meaning']);
    expect(rankings['Best match']).not.toEqual(rankings['Similar meaning']);
    expect(new URL(page.url()).searchParams.get('mode')).toBeNull();
  });

  it('lists a theme from both reports, and says plainly when a report is silent', async () => {
    await page.getByLabel('Theme').selectOption('care-leavers');
    await searchBox(page).fill('');
    await searchBox(page).press('Enter');
    await page.locator('.results-heading', { hasText: 'Theme: Care leavers' }).waitFor();
    expect((await resultParagraphs(page, 2012)).length).toBeGreaterThan(0);
    expect((await resultParagraphs(page, 2022)).length).toBeGreaterThan(0);
    await page.getByLabel('Theme').selectOption('neglect');
    await page.locator('.results-heading', { hasText: 'Theme: Neglect' }).waitFor();
    await expect(page.locator('.column[data-year="2012"] .absent').textContent()).resolves.toBe(
      'The 2012 report does not discuss this theme.',
    );
    expect(await resultParagraphs(page, 2022)).toContain('14');
  });

  it("offers a silent report's closest paragraphs on request, and only for the answer they were asked of", async () => {
    await page.locator('.theme-filter select').selectOption('');
    await search(page, 'unaccompanied asylum seeking children');
    const silent = page.locator('.column[data-year="2012"]');
    const offer = silent.getByRole('button', { name: /^Show the \d+ closest paragraphs anyway$/ });
    await offer.waitFor();
    expect(await silent.locator('article.result').count()).toBe(0);
    await offer.click();
    await silent.locator('.count', { hasText: 'Closest paragraphs, which may not be relevant' }).waitFor();
    expect(await silent.locator('article.result').count()).toBeGreaterThan(0);
    expect(await offer.count()).toBe(0);
    // A new answer in which the report is silent again hides them behind the offer again.
    await search(page, 'asylum seekers');
    await offer.waitFor();
    expect(await silent.locator('article.result').count()).toBe(0);
  });

  it('moves between searches with Back and Forward', async () => {
    await page.getByLabel('Theme').selectOption('');
    await search(page, 'care leavers accommodation');
    await search(page, 'LADO allegations');
    await page.goBack();
    await page.locator('.results-heading', { hasText: 'care leavers accommodation' }).waitFor();
    expect(await searchBox(page).inputValue()).toBe('care leavers accommodation');
    await page.goForward();
    await page.locator('.results-heading', { hasText: 'LADO allegations' }).waitFor();
    expect(await searchBox(page).inputValue()).toBe('LADO allegations');
  });

  it('never renders markup from the query', async () => {
    await search(page, '<img src=x onerror="window.__pwned=1"> care');
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('makes no request to any other host', () => {
    const origin = new URL(url).origin;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith(`blob:${origin}`))).toEqual([]);
  });
});

describe('permalinks and storage', () => {
  it('restores query, mode, theme and focused paragraph from a link', async () => {
    const { context, page } = await freshPage();
    await page.goto(
      `${url}?q=${encodeURIComponent('return home interviews')}&mode=keyword&theme=missing-exploitation&p=2022-p18`,
    );
    await page.locator('.results-heading', { hasText: 'return home interviews' }).waitFor();
    expect(await searchBox(page).inputValue()).toBe('return home interviews');
    expect(await page.getByRole('radio', { name: 'Exact words' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Theme').inputValue()).toBe('missing-exploitation');
    await page.locator('article.result.focused[data-id="2022-p18"]').waitFor();
    await context.close();
  });

  it('ignores a broken link and says what it could not use', async () => {
    const { context, page } = await freshPage();
    await page.goto(`${url}?q=care%ZZ&mode=bogus&theme=nope&p=2099-p1`);
    await page.locator('.notice', { hasText: 'Unknown search mode' }).waitFor();
    expect(await page.locator('.notice', { hasText: 'theme that does not exist' }).count()).toBe(1);
    expect(await page.locator('.notice', { hasText: 'paragraph that is not in these reports' }).count()).toBe(1);
    expect(await page.getByRole('radio', { name: 'Best match' }).isChecked()).toBe(true);
    await context.close();
  });

  it('loads the index from IndexedDB on the next visit and embeds nothing', async () => {
    const { context, page } = await freshPage();
    await page.goto(url);
    expect(await waitForSemantic(page)).toBe('bundled');
    await trackPhases(page);
    await page.reload();
    expect(await waitForSemantic(page)).toBe('indexeddb');
    expect(await phases(page)).not.toContain('embedding');
    await search(page, 'private fostering');
    expect(await resultParagraphs(page, 2022)).toContain('15');
    await context.close();
  });

  it('rebuilds when the configured model changes', async () => {
    const { context, page } = await freshPage();
    await page.goto(url);
    expect(await waitForSemantic(page)).toBe('bundled');
    // A deployer switches model: same files under a new id, so only the id differs, and the prepared vectors, made
    // with the other id, no longer fit: the browser embeds the reports itself.
    await page.route('**/config.json', (route) => route.fulfill({ json: { model: 'other-model' } }));
    await page.route('**/models/other-model/**', async (route) => {
      const response = await route.fetch({
        url: route.request().url().replace('/models/other-model/', `/models/${siteModel().id}/`),
      });
      await route.fulfill({ response });
    });
    await page.reload();
    expect(await waitForSemantic(page)).toBe('built');
    expect(await page.locator('[data-model]').textContent()).toMatch(/^other-model,/);
    await context.close();
  });
});

describe('layout', () => {
  it('shows one column at a time on a narrow screen, the whole width of it', async () => {
    const { context, page } = await freshPage({ width: 390 });
    await page.goto(`${url}?q=care+leavers&mode=keyword`);
    await page.locator('article.result').first().waitFor();
    const shown = await page
      .locator('.column')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect).filter((r) => r.height > 0));
    expect(shown.length).toBe(1);
    expect(shown[0]!.width).toBeGreaterThan(300);
    await context.close();
  });
});
