/**
 * A report is its id, not its year: two councils inspected in the same year can be compared, and every view tells
 * them apart, with no two elements sharing an id.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fromCsv } from '../unit/exportParse.ts';
import { addReportFile, root, searchBox, siteAndBrowser, waitForSemantic } from './harness.ts';

const site = siteAndBrowser();
const BUNDLED_2022 = '2022-redcar-cleveland-ilacs';

/** Ids that more than one element of the page carries. */
const duplicateIds = (page: Page) =>
  page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  });

describe('two reports of the same year', () => {
  it('compares them in every view, naming each by year and council', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'same-year-'));
    const file = join(dir, 'testshire-2022.txt');
    writeFileSync(
      file,
      readFileSync(join(root, 'seeds', `${BUNDLED_2022}.txt`), 'utf8').replaceAll('Redcar and Cleveland', 'Testshire'),
    );
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const id = await addReportFile(page, site.url, file, 2022);
      await page.locator('.report-card h3', { hasText: 'Testshire' }).waitFor();
      expect(id).toMatch(/^u[0-9a-f]{24}$/);

      const pair = `a=${BUNDLED_2022}&b=${id}`;
      const names = ['2022 (Redcar and Cleveland)', '2022 (Testshire)'];
      await page.goto(`${site.url}?${pair}&q=private+fostering`);
      await waitForSemantic(page);
      await page
        .locator('.results-heading', { hasText: 'private fostering' })
        .filter({ hasNotText: 'updating' })
        .waitFor();
      expect(await page.locator('h1').textContent()).toContain('2022 (Redcar and Cleveland) and 2022 (Testshire)');
      const headings = await page.locator('.column > h3').allTextContents();
      expect(headings).toHaveLength(2);
      for (const [i, name] of names.entries()) expect(headings[i]).toContain(name);
      expect(await duplicateIds(page)).toEqual([]);

      await page.goto(`${site.url}?${pair}&view=compare`);
      await page.locator('.results-heading', { hasText: `Coverage by theme, ${names.join(' and ')}` }).waitFor();
      await page.locator('svg.chart, table').first().waitFor();
      expect(await duplicateIds(page)).toEqual([]);

      await page.goto(`${site.url}?${pair}&view=recommendations`);
      await page.locator('.results-heading', { hasText: `Recommendations, ${names.join(' and ')}` }).waitFor();
      await page.locator('.rec-column ul.recs > li').first().waitFor();
      expect(await page.locator('.rec-column .col-label').allTextContents()).toEqual(names);
      expect(await page.locator('.rec-column ul.recs > li .ref strong').first().textContent()).toBe(
        `${names[0]}, recommendation 1`,
      );
      expect(await duplicateIds(page)).toEqual([]);

      await page.goto(`${site.url}?${pair}&view=grades`);
      await page.locator('.grades-table thead th').first().waitFor();
      expect(await page.locator('.grades-table thead th').allTextContents()).toEqual(['Area', ...names]);
      // Both are ILACS inspections: the same grades in the same areas, and no note about different frameworks.
      const cells = await page
        .locator('.grades-table tbody tr')
        .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
      expect(cells.length).toBeGreaterThan(0);
      for (const [left, right] of cells) expect(right).toBe(left);
      expect(await page.locator('.framework-note').count()).toBe(0);

      await page.goto(`${site.url}?${pair}&view=pairs&p=${id}-p15`);
      await page
        .locator('.results-heading', { hasText: 'Closest paragraphs to 2022 (Testshire) paragraph 15' })
        .waitFor();
      await page.locator('h3', { hasText: 'Closest in 2022 (Redcar and Cleveland)' }).waitFor();

      await page.goto(`${site.url}?${pair}&browse=${id}`);
      await page.locator('#browse-heading', { hasText: '2022 (Testshire):' }).waitFor();
      await searchBox(page).waitFor();
      expect(await duplicateIds(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('names two inspections of one council in one year apart by their dates, in headings, exports and the library', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'same-council-'));
    const text = readFileSync(join(root, 'seeds', `${BUNDLED_2022}.txt`), 'utf8').replaceAll(
      'Redcar and Cleveland',
      'Testshire',
    );
    const [summer, autumn] = [join(dir, 'summer.txt'), join(dir, 'autumn.txt')];
    writeFileSync(summer, text);
    // A later inspection, not the same report again (which the library refuses): other dates, and a paragraph changed.
    writeFileSync(
      autumn,
      text
        .replace('20 June to 1 July 2022', '3 to 14 October 2022')
        .replace('Social workers strive to identify', 'Social workers now identify'),
    );
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const ids = [
        await addReportFile(page, site.url, summer, 2022),
        await addReportFile(page, site.url, autumn, 2022),
      ];
      const names = ['2022 (inspected 20 June to 1 July 2022)', '2022 (inspected 3 to 14 October 2022)'];

      await page.goto(`${site.url}?a=${ids[0]}&b=${ids[1]}&q=private+fostering&mode=keyword`);
      await page
        .locator('.results-heading', { hasText: 'private fostering' })
        .filter({ hasText: 'Exact words' })
        .waitFor();
      expect(await page.locator('h1').textContent()).toBe(
        `What changed? Testshire children's services inspections, ${names.join(' and ')}`,
      );
      const headings = await page.locator('.column > h3').allTextContents();
      expect(headings.map((h) => names.find((n) => h.startsWith(n)))).toEqual(names);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      const rows = fromCsv(readFileSync(await download.path(), 'utf8'));
      expect([...new Set(rows.map((r) => r.group))]).toEqual(names);

      await page.goto(`${site.url}?a=${ids[0]}&b=${ids[1]}&view=library`);
      const listed = page.getByRole('group', { name: 'Testshire' }).locator('label');
      await listed.nth(1).waitFor();
      expect((await listed.allTextContents()).map((t) => t.trim()).sort()).toEqual(
        names.map((n) => `${n} · Inspection of Testshire local authority children's services`).sort(),
      );
      expect(await duplicateIds(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
