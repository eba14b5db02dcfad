/**
 * More than two reports side by side, and a search of every report in the library, each with its permalink; on a
 * narrow screen one column at a time, chosen with a tab per report.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addReportFile, root, siteAndBrowser, waitForSemantic } from './harness.ts';

const site = siteAndBrowser();
const [OLD, NEW] = ['2012-redcar-cleveland-safeguarding-and-looked-after-children', '2022-redcar-cleveland-ilacs'];

describe('a library of several reports', () => {
  it('shows three reports side by side in date order, and searches every report, with permalinks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-'));
    const file = join(dir, 'redcar-2018.txt');
    // Another inspection of the same council: the 2022 report's text, dated 2018 by the reader.
    writeFileSync(
      file,
      readFileSync(join(root, 'seeds', `${NEW}.txt`), 'utf8').replaceAll(
        'Children who are aged 16 or 17',
        'Young people aged 16 or 17',
      ),
    );
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      const id = await addReportFile(page, site.url, file, 2018);

      // Ticked in any order, shown oldest first.
      await page.goto(`${site.url}?view=library`);
      const timeline = page.getByRole('region', { name: 'See several inspections side by side' });
      await timeline.getByRole('checkbox').nth(2).waitFor();
      for (const box of await timeline.getByRole('checkbox').all()) if (!(await box.isChecked())) await box.check();
      await timeline.getByRole('button', { name: 'Show 3 reports side by side' }).click();
      await page.waitForURL((u) => u.searchParams.get('r') === `${OLD},${id},${NEW}`);
      await waitForSemantic(page);
      await page.getByLabel('Search the 3 reports').fill('neglect');
      await page.getByLabel('Search the 3 reports').press('Enter');
      await page.locator('.results-heading', { hasText: 'neglect' }).filter({ hasNotText: 'updating' }).waitFor();
      expect(await page.locator('.column > h3').allTextContents()).toEqual([
        expect.stringContaining('2012'),
        expect.stringContaining('2018'),
        expect.stringContaining('2022'),
      ]);

      // The address reopens the same three columns and query.
      const permalink = page.url();
      const again = await context.newPage();
      await again.goto(permalink);
      await again.locator('.results-heading', { hasText: 'neglect' }).waitFor();
      expect(await again.locator('.column > h3').count()).toBe(3);

      // A narrow screen: one column at a time, chosen with a tab per report.
      await again.setViewportSize({ width: 380, height: 800 });
      const tabs = again.getByRole('group', { name: 'Report shown' }).getByRole('button');
      await tabs.first().waitFor();
      expect(await tabs.count()).toBe(3);
      expect(await again.locator('.column:visible').count()).toBe(1);
      await tabs.nth(1).click();
      expect(await tabs.nth(1).getAttribute('aria-pressed')).toBe('true');
      expect(await again.locator('.column:visible > h3').textContent()).toContain('2018');
      await again.close();

      // Every report: offered only where the library holds more than the reports on screen (here it is these three),
      // so from the bundled pair; which discuss it, grouped by report, best answer first; the silent one named.
      expect(await page.getByRole('radio', { name: /Every report/ }).count()).toBe(0);
      await page.goto(`${site.url}?q=neglect`);
      await page.locator('.results-heading', { hasText: 'neglect' }).waitFor();
      await page.getByRole('radio', { name: /Every report \(3\)/ }).check();
      await page.waitForURL((u) => u.searchParams.get('scope') === 'library');
      await page.locator('.library-report').first().waitFor();
      const discussing = await page.locator('.library-report h3').allTextContents();
      expect(discussing).toHaveLength(2);
      expect(discussing.join(' ')).toContain('2018');
      expect(discussing.join(' ')).toContain('2022');
      expect(await page.locator('.library-silent li').allTextContents()).toEqual([expect.stringContaining('2012')]);

      // Its address opens the same answer; a result opens its report side by side at that paragraph.
      const libraryLink = page.url();
      await page.goto(libraryLink);
      await page.locator('.library-report').first().waitFor();
      await page
        .locator('.library-report')
        .first()
        .getByRole('link', { name: 'Link to this paragraph' })
        .first()
        .click();
      await page.waitForURL((u) => u.searchParams.has('p') && u.searchParams.get('scope') === null);
      await page.locator('.result.focused').waitFor();
    } finally {
      await context.close();
    }
  });
});
