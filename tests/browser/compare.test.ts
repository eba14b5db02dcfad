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
  /** The recommendations listed in each report's column, by id, left to right. */
  const listed = () =>
    page
      .locator('.rec-column')
      .evaluateAll((cols) =>
        cols.map((c) => [...c.querySelectorAll('ul.recs > li[data-id]')].map((li) => li.getAttribute('data-id'))),
      );
  const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

  it('shows each recommendation once, in a column per report, numbered and tagged with its themes', async () => {
    await open('?view=recommendations');
    await page.locator('ul.recs > li[data-id]').first().waitFor();
    // Once each, in its report's own order: not again under every theme it touches.
    expect(await page.locator('ul.recs > li[data-id]').count()).toBe(19);
    expect(await listed()).toEqual([range('2012-r', 13), range('2022-r', 6)]);
    expect(await page.locator('.rec-column h3 .col-label').allTextContents()).toEqual(['2012', '2022']);
    expect(await page.locator('.summary').first().textContent()).toMatch(
      /^\s*13 recommendations in 2012 and 6 recommendations in 2022\./,
    );
    // Each says which report it is from, stacked on a phone too, with its own number, timescale, part and themes.
    const first = page.locator('li[data-id="2012-r1"]');
    expect(await first.locator('.ref').textContent()).toMatch(
      /^\s*2012, recommendation 1\s+Immediately\s+Safeguarding services\s*$/,
    );
    expect(await first.locator('.text').textContent()).toContain('include risk and protective factors');
    expect(await page.locator('li[data-id="2022-r6"] .ref').textContent()).toMatch(/^\s*2022, recommendation 6\s*$/);
    expect(await page.locator('li[data-id="2022-r6"] .tags a').allTextContents()).toEqual(['Care leavers']);
  });

  it('shows a recommendation asked for again once, near the top, and marks it in both columns', async () => {
    await open('?view=recommendations');
    await page.locator('.recurring-pair').first().waitFor();
    const pairs = await page
      .locator('.recurring-pair')
      .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-earlier')} ${e.getAttribute('data-later')}`));
    expect(pairs).toContain('2012-r3 2022-r1');
    expect(new Set(pairs).size).toBe(pairs.length);
    // Sharing a theme is not enough: recruiting a named GP and referral thresholds are both partnership work.
    expect(pairs).not.toContain('2012-r6 2022-r2');
    const pair = page.locator('.recurring-pair[data-earlier="2012-r3"]');
    expect(await pair.locator('.pair-item .ref strong').allTextContents()).toEqual([
      '2012, recommendation 3',
      '2022, recommendation 1',
    ]);
    expect(await pair.locator('.strength').textContent()).toMatch(/^\s*Both on /);
    expect(await pair.locator('.strength').textContent()).not.toMatch(/\d\.\d/);
    // Above the columns, so it is read first.
    const above = await page.evaluate(
      () =>
        document.querySelector('.asked-again')!.getBoundingClientRect().bottom <=
        document.querySelector('.rec-columns')!.getBoundingClientRect().top,
    );
    expect(above).toBe(true);
    expect(await page.locator('li[data-id="2012-r3"] .again').allTextContents()).toEqual([
      'Recurring Asked for again in 2022, recommendation 1',
    ]);
    expect(await page.locator('li[data-id="2022-r1"] .again').allTextContents()).toEqual([
      'Recurring Asked for before in 2012, recommendation 3',
    ]);
    expect(await page.locator('li[data-id="2012-r6"]').getAttribute('data-recurring')).toBe('false');
  });

  it('filters by theme from the address, keeping the columns and saying how many of each are shown', async () => {
    await open('?view=recommendations');
    await page.locator('ul.recs > li[data-id]').first().waitFor();
    const filter = page.getByLabel('Show recommendations on');
    expect(await filter.locator('option').first().textContent()).toBe('All themes (19)');
    expect(await filter.locator('option[value="recording"]').textContent()).toBe('Recording quality (3)');
    await filter.selectOption('recording');
    await page.locator('.results-heading', { hasText: 'Recommendations on Recording quality' }).waitFor();
    expect(new URL(page.url()).searchParams.get('theme')).toBe('recording');
    const filtered = [['2012-r3'], ['2022-r1', '2022-r3']];
    expect(await listed()).toEqual(filtered);
    expect(await page.locator('.rec-column .count').allTextContents()).toEqual([
      '1 of 13 recommendations shown, those on Recording quality',
      '2 of 6 recommendations shown, those on Recording quality',
    ]);

    // The address is the permalink of the filtered view.
    await open(new URL(page.url()).search);
    await page.locator('ul.recs > li[data-id]').first().waitFor();
    expect(await listed()).toEqual(filtered);
    expect(await filter.inputValue()).toBe('recording');

    // A theme's tag filters by it; "Show all themes" lifts the filter.
    await page
      .locator('li[data-id="2022-r1"] .tags')
      .getByRole('link', { name: 'Management oversight and supervision' })
      .click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('theme') === 'management-oversight');
    await page.locator('.results-heading', { hasText: 'Management oversight' }).waitFor();
    const tags = await page
      .locator('ul.recs > li[data-id]')
      .evaluateAll((lis) => lis.map((li) => [...li.querySelectorAll('.tags a')].map((a) => a.textContent)));
    expect(tags.length).toBeGreaterThan(1);
    for (const t of tags) expect(t).toContain('Management oversight and supervision');
    expect((await listed()).flat()).toContain('2022-r1');
    await page.getByRole('link', { name: 'Show all themes' }).click();
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('theme'));
    await page.waitForFunction(() => document.querySelectorAll('ul.recs > li[data-id]').length === 19);
  });

  it('exports each recommendation once with its report, own number, themes and recurring pair', async () => {
    await open('?view=recommendations&theme=recording');
    await page.locator('.recurring-pair').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('recommendations-recording.csv');
    const rows = fromCsv(readFileSync(await download.path(), 'utf8'));
    expect(rows.map((r) => [r.report, r.recommendation, r.paragraph])).toEqual([
      ['2012', 3, null],
      ['2022', 1, null],
      ['2022', 3, null],
    ]);
    expect(rows.every((r) => r.themes.includes('Recording quality'))).toBe(true);
    expect(rows[0]!.recurring).toBe('Asked for again in 2022, recommendation 1');
    expect(rows[1]!.recurring).toBe('Asked for before in 2012, recommendation 3');
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    const markdown = readFileSync(await md.path(), 'utf8');
    expect(fromMarkdown(markdown)).toEqual(rows);
    expect(markdown).not.toContain('unnumbered');
    expect(markdown).toContain('- Theme: Recording quality');
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
