import { createRequire } from 'node:module';
import type { AxeResults, default as Axe } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteAndBrowser, waitForSemantic } from './harness.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let url: string;
let browser: Browser;
const site = siteAndBrowser();

beforeAll(() => {
  ({ url, browser } = site);
});

/** bypassCSP lets axe's inline script tag in past the page's own-origin policy. */
const newContext = (options: { width?: number; reducedMotion?: 'reduce' } = {}) =>
  browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    serviceWorkers: 'block',
    bypassCSP: true,
    reducedMotion: options.reducedMotion ?? null,
  });

async function runAxe(page: Page): Promise<AxeResults> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(() =>
    (window as unknown as { axe: typeof Axe }).axe.run(document, { resultTypes: ['violations'] }),
  );
}

/** One line per failing node, so a failure says what to fix and where. */
const serious = (results: AxeResults) =>
  results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}): ${String(n.target[0])} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
      ),
    );

const settled = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('.results-heading')?.textContent?.includes('updating'));

describe('axe-core finds no serious or critical violation', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newContext();
    page = await context.newPage();
  });
  afterAll(() => context.close());

  const VIEWS: { name: string; query: string; ready: string }[] = [
    { name: 'overview', query: '?', ready: '.theme-table td[data-count]:not([data-count=""])' },
    { name: 'search results', query: '?q=care+leavers', ready: 'article.result' },
    { name: 'theme results', query: '?theme=neglect', ready: 'article.result' },
    { name: 'browse', query: '?browse=2012', ready: '.browse .para' },
    { name: 'compare coverage', query: '?view=compare', ready: 'svg.chart a' },
    { name: 'then and now', query: '?view=compare&theme=care-leavers', ready: 'li.pair article.result' },
    { name: 'recommendations', query: '?view=recommendations', ready: '.recurring-pair' },
    { name: 'grades', query: '?view=grades', ready: '.grades-table tbody tr' },
    { name: 'counterparts', query: '?view=pairs&p=2012-p32', ready: 'li[data-similarity] article.result' },
    { name: 'linked paragraph', query: '?p=2022-p18', ready: '.linked article.result' },
  ];

  for (const view of VIEWS) {
    it(view.name, async () => {
      await page.goto(`${url}${view.query}`);
      await waitForSemantic(page);
      await page.locator(view.ready).first().waitFor();
      await settled(page);
      expect(serious(await runAxe(page))).toEqual([]);
    });
  }

  it('search results on a narrow screen', async () => {
    const narrow = await context.newPage();
    await narrow.setViewportSize({ width: 390, height: 844 });
    await narrow.goto(`${url}?q=care+leavers`);
    await waitForSemantic(narrow);
    await narrow.locator('article.result').first().waitFor();
    await settled(narrow);
    const results = await runAxe(narrow);
    expect(serious(results)).toEqual([]);
    // WCAG 2 AA contrast is among the rules run, and it found text to check.
    expect([...results.passes, ...results.violations].map((r) => r.id)).toContain('color-contrast');
    await narrow.close();
  });

  // Where a phone lays tables out as blocks, each row a card of labelled figures.
  for (const [name, query] of [
    ['compare coverage', '?view=compare'],
    ['grades', '?view=grades'],
    ['library', '?view=library'],
  ]) {
    it(`${name} on a narrow screen`, async () => {
      const narrow = await context.newPage();
      await narrow.setViewportSize({ width: 320, height: 812 });
      await narrow.goto(`${url}${query}`);
      await waitForSemantic(narrow);
      await narrow.locator('table tbody tr').first().waitFor();
      expect(serious(await runAxe(narrow))).toEqual([]);
      await narrow.close();
    });
  }
});

/** What has keyboard focus, and whether it is drawn: an outline, a box-shadow, or (in the SVG chart) the stroke of the row's hit area. */
const focusState = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', name: '', visible: false };
    const style = getComputedStyle(el);
    const hit = el.querySelector('.hit');
    const stroke = hit ? getComputedStyle(hit) : null;
    const visible =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
      style.boxShadow !== 'none' ||
      (stroke !== null && stroke.stroke !== 'none' && parseFloat(stroke.strokeWidth) > 0);
    const name =
      el.getAttribute('aria-label') ??
      (el instanceof HTMLInputElement && el.type === 'radio' ? el.value : (el.textContent?.trim() ?? ''));
    return { tag: el.tagName.toLowerCase(), name, visible };
  });

/** Presses Tab (or Shift+Tab) until the focused element matches, checking on the way that every stop shows its focus. */
async function tabTo(page: Page, selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const state = await focusState(page);
    expect(state.visible, `focus on <${state.tag}> "${state.name}" is not visible`).toBe(true);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${key} never reached ${selector}`);
}

describe('keyboard only', () => {
  it('searches, changes mode, expands a result and opens a theme from the chart', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(url);
    await waitForSemantic(page);

    await page.keyboard.press('Tab');
    expect(await focusState(page)).toEqual({ tag: 'a', name: 'Skip to the main content', visible: true });
    await tabTo(page, 'input#q');
    await page.keyboard.type('care leavers');
    await page.keyboard.press('Enter');
    await page.locator('.results-heading', { hasText: 'care leavers' }).waitFor();
    await settled(page);

    await tabTo(page, 'input[name="mode"]');
    expect(await focusState(page)).toEqual({ tag: 'input', name: 'hybrid', visible: true });
    await page.keyboard.press('ArrowRight');
    expect(await focusState(page)).toEqual({ tag: 'input', name: 'keyword', visible: true });
    await page.locator('.results-heading', { hasText: 'Exact words' }).waitFor();
    expect(await page.getByRole('radio', { name: 'Exact words' }).isChecked()).toBe(true);
    await settled(page);

    await tabTo(page, 'article.result button[aria-expanded]');
    const toggle = page.locator('article.result').first().locator('button[aria-expanded]');
    expect(await toggle.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await toggle.textContent()).toBe('Show context');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('article.result').first().locator('.context').count()).toBeGreaterThan(0);
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    await tabTo(page, 'nav.views a[href*="view=compare"]', 'Shift+Tab');
    expect((await focusState(page)).name).toBe('Compare themes');
    await page.keyboard.press('Enter');
    await page.locator('svg.chart a').first().waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('compare');

    await tabTo(page, 'svg.chart a');
    const theme = await page.evaluate(() => document.activeElement?.getAttribute('data-theme'));
    expect((await focusState(page)).name).toMatch(/: 2012 \d+ paragraphs/);
    await page.keyboard.press('Enter');
    await page.locator('ol.pairs').waitFor();
    expect(new URL(page.url()).searchParams.get('theme')).toBe(theme);
    await context.close();
  });
});

describe('reduced motion', () => {
  it('jumps to a focused paragraph without animating', async () => {
    const context = await newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${url}?q=care+leavers&mode=keyword`);
    await page.locator('article.result').first().waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');

    // Follow a paragraph link far down the list: the card scrolls into view at once, so the position seen on
    // the first frame after the focus change is already the one where the scroll ends (a smooth scroll would end
    // frames later, further down).
    const link = page.locator('article.result').last().getByRole('link', { name: 'Link to this paragraph' });
    const [before, first, last] = await link.evaluate(
      (a: HTMLElement) =>
        new Promise<number[]>((resolve) => {
          const start = scrollY;
          let atFocus: number | null = null;
          document.addEventListener(
            'scrollend',
            () => {
              const end = scrollY;
              const report = () => (atFocus === null ? requestAnimationFrame(report) : resolve([start, atFocus, end]));
              report();
            },
            { once: true },
          );
          a.click();
          const frame = () =>
            document.querySelector('article.result.focused')
              ? requestAnimationFrame(() => (atFocus = scrollY))
              : requestAnimationFrame(frame);
          frame();
        }),
    );
    expect(first).toBeGreaterThan(before!);
    expect(last).toBe(first);
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);

    await page.goto(`${url}?p=2022-p18`);
    await page.locator('.linked article.result.focused').waitFor();
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    await context.close();
  });
});
