import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromCsv, fromMarkdown } from '../unit/exportParse.ts';
import { siteAndBrowser, waitForSemantic } from './harness.ts';

let url: string;
let browser: Browser;
const site = siteAndBrowser();
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ url, browser } = site);
  context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
    acceptDownloads: true,
  });
  page = await context.newPage();
  await page.goto(url);
  await waitForSemantic(page);
});

async function open(query: string): Promise<void> {
  await page.goto(`${url}${query}`);
  await waitForSemantic(page);
}

const counts = (selector: string) =>
  page
    .locator(selector)
    .evaluateAll((els) =>
      els.map(
        (e) =>
          `${e.closest('[data-theme]')?.getAttribute('data-theme')}:${e.getAttribute('data-year')}=${e.getAttribute('data-count')}`,
      ),
    );

describe('coverage by theme', () => {
  it('draws the same numbers as its table, and opens a theme from a bar', async () => {
    await page.getByRole('link', { name: 'Compare themes' }).click();
    await page.locator('svg.chart').waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('compare');
    // The link used is gone with the old view; focus lands on the new view's heading, not back at the top.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Coverage by theme, 2012 and 2022');
    const chart = await counts('svg.chart rect.bar');
    const table = await counts('.coverage-table td[data-count]');
    expect(chart).toHaveLength(50);
    expect(chart).toEqual(table);
    expect(chart).toContain('neglect:2012=0');
    await page.locator('svg.chart a[data-theme="care-leavers"]').click();
    await page.locator('.results-heading', { hasText: 'Then and now: Care leavers' }).waitFor();
    expect(new URL(page.url()).searchParams.get('theme')).toBe('care-leavers');
  });
});

describe('then and now', () => {
  it('shows what only 2022 discusses, from a permalink', async () => {
    for (const [theme, id] of [
      ['neglect', '2022-p14'],
      ['homeless-16-17', '2022-p16'],
    ]) {
      await open(`?view=compare&theme=${theme}`);
      await page.locator('ol.pairs').waitFor();
      const only2022 = await page
        .locator('li.pair[data-only="2022"] article.result')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
      expect(only2022).toContain(id);
      expect(await page.locator('li.pair[data-only="2012"]').count()).toBe(0);
    }
  });

  it('pairs matching paragraphs side by side', async () => {
    await open('?view=compare&theme=care-leavers');
    const first = page.locator('li.pair').first();
    expect(await first.locator('.badge').textContent()).toBe('Matched pair 1');
    expect(
      await first.locator('article.result').evaluateAll((els) => els.map((e) => e.getAttribute('data-year'))),
    ).toEqual(['2012', '2022']);
  });

  it('exports the view as CSV and Markdown that parse back to the rows on screen', async () => {
    await open('?view=compare&theme=missing-exploitation');
    await page.locator('ol.pairs').waitFor();
    const shown = await page
      .locator('ol.pairs article.result')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-year')}:${e.getAttribute('data-paragraph')}`));
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe('then-and-now-missing-exploitation.csv');
    const rows = fromCsv(readFileSync(await csvDownload.path(), 'utf8'));
    expect(rows.map((r) => `${r.year}:${r.paragraph ?? ''}`)).toEqual(shown);
    expect(rows.every((r) => r.permalink.startsWith(url) && r.permalink.includes('p='))).toBe(true);
    const [mdDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    const markdown = readFileSync(await mdDownload.path(), 'utf8');
    expect(fromMarkdown(markdown)).toEqual(rows);
    // The file says what it is of without the page: the theme, the reports, the day and the view's own link.
    const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
    expect(markdown.split('\n').slice(0, 7)).toEqual([
      '# Then and now: Missing children and exploitation',
      '',
      '- Theme: Missing children and exploitation',
      '- Reports: Redcar and Cleveland, 2012 and 2022',
      `- Exported: ${today}`,
      `- Link to this view: <${url}?view=compare&theme=missing-exploitation>`,
      '',
    ]);
    expect(rows.every((r) => r.report === String(r.year))).toBe(true);
  });

  it('prints the two reports side by side', async () => {
    await open('?view=compare&theme=care-leavers');
    await page.emulateMedia({ media: 'print' });
    const columns = await page
      .locator('li.pair .columns')
      .first()
      .evaluate((e) => getComputedStyle(e).gridTemplateColumns.split(' ').length);
    expect(columns).toBe(2);
    expect(await page.locator('.export').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('recommendations', () => {
  it('sets both lists side by side by theme, recurring concerns first', async () => {
    await open('?view=recommendations');
    await page.locator('.rec-group').first().waitFor();
    expect(await page.locator('.summary').first().textContent()).toMatch(
      /^13 recommendations in 2012, 6 recommendations in 2022\./,
    );
    const recurring = await page
      .locator('.rec-group[data-recurring="true"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-theme')));
    expect(recurring).toEqual(expect.arrayContaining(['assessment-quality', 'management-oversight', 'recording']));
    const first = await page.locator('.rec-group').first().getAttribute('data-recurring');
    expect(first).toBe('true');
    const immediately = page.locator('.rec-group [data-year="2012"] li', { hasText: 'Immediately' }).first();
    expect(await immediately.textContent()).toContain(
      'ensure that all assessments of children and families include risk and protective factors',
    );
  });
});

describe('grades', () => {
  it('sets the 2012 grades beside the 2022 judgements with the framework note', async () => {
    await open('?view=grades');
    await page.locator('.grades-table').waitFor();
    expect(await page.locator('.framework-note').textContent()).toContain('different frameworks');
    const overall = page.locator('tr[data-area="Overall effectiveness"]');
    expect(await overall.locator('td[data-year="2012"] .grade-word').allTextContents()).toEqual(['Adequate', 'Good']);
    expect(await overall.locator('td[data-year="2022"] .grade-word').allTextContents()).toEqual([
      'Requires improvement to be good',
    ]);
  });
});

describe('counterparts of a paragraph', () => {
  it('opens from a search result and from its permalink', async () => {
    await open('?q=missing+from+home+and+care&mode=keyword');
    await page
      .locator('article.result[data-id="2012-p32"]')
      .getByRole('link', { name: 'Compare with the other report' })
      .click();
    await page.locator('.results-heading', { hasText: 'Closest paragraphs to 2012 paragraph 32' }).waitFor();
    const link = page.url();
    await page.goto(link);
    await page.locator('li[data-similarity] article.result').first().waitFor();
    expect(await page.locator('li[data-similarity] article.result').first().getAttribute('data-id')).toBe('2022-p18');
  });

  it('says so when nothing in the other report is close', async () => {
    await open('?view=pairs&p=2022-p14');
    await page.locator('li[data-similarity]').first().waitFor();
    expect(await page.locator('.absent').textContent()).toContain('Nothing in the 2012 report says much the same');
  });
});
