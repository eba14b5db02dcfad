import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchBox, siteAndBrowser, waitForSemantic } from './harness.ts';
import { MODE_LABELS } from '../../src/ui/modeLabels.ts';

const site = siteAndBrowser();
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  page = await context.newPage();
  await page.goto(site.url);
  await waitForSemantic(page);
});

afterAll(async () => {
  await context.close();
});

async function search(query: string): Promise<void> {
  await searchBox(page).fill(query);
  await searchBox(page).press('Enter');
  await page.locator('.results-heading', { hasText: query }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.results-heading')?.textContent?.includes('updating'));
}

const column = (year: number) => page.locator(`section.column[data-year="${year}"]`);

describe('everyday questions in the browser', () => {
  for (const query of ['runaways', 'staff turnover'])
    it(`"${query}" is answered in both columns, with the reports' words it added named`, async () => {
      await search(query);
      const reading = page.getByTestId('reading');
      await expect(reading.locator('.also-searched').textContent()).resolves.toMatch(/Also searched for: \S/);
      for (const year of [2012, 2022]) {
        expect(await column(year).locator('[data-absent]').count(), `${year}`).toBe(0);
        expect(await column(year).locator('.strength.strong').count(), `${year}`).toBeGreaterThan(0);
        await expect(column(year).locator('.count').textContent()).resolves.toMatch(/strong match/);
      }
      // Words matched through the bridge are marked apart from the reader's own.
      expect(await page.locator('.columns mark.also').count()).toBeGreaterThan(0);
    });

  it('turning the added words off is in the address, and Back turns them on again', async () => {
    await search('runaways');
    await page.getByRole('link', { name: 'Search only my words' }).click();
    await page.waitForURL(/expand=0/);
    await page.getByRole('link', { name: "Also search the reports' words for them" }).waitFor();
    expect(await page.locator('.also-searched').textContent()).toMatch(/Only your own words/);
    await page.reload();
    await page.getByRole('link', { name: "Also search the reports' words for them" }).waitFor();
    await page.goBack();
    await page.locator('.also-searched', { hasText: 'Also searched for' }).waitFor();
    expect(page.url()).not.toMatch(/expand=0/);
  });

  it('marks the sentence that matched by meaning on a card that shares no word with the question', async () => {
    await page.getByRole('radio', { name: MODE_LABELS.semantic }).check();
    await search('refugee minors who arrive in the country alone');
    const card = column(2022).locator('article[data-paragraph="28"]');
    await card.waitFor();
    const marked = await card.locator('.sentence, mark.in-sentence').allTextContents();
    expect(marked.join('').length).toBeGreaterThan(20);
    expect(await card.locator('.text').textContent()).toContain(marked.join('').trim().slice(0, 20));
    await page.getByRole('radio', { name: MODE_LABELS.hybrid }).check();
  });

  it('says how it read a misspelt word, and offers the corrected search', async () => {
    await search('fostr');
    const line = page.locator('.did-you-mean');
    await expect(line.textContent()).resolves.toMatch(/No report uses “fostr”. Did you mean/);
    await line.getByRole('link', { name: 'foster' }).click();
    await page.waitForURL(/q=foster(&|$)/);
  });
});
