/** A result card is titled by its chunk's kind, as the chunker found it in the seed reports. */
import { describe, expect, it } from 'vitest';
import { searchBox, siteAndBrowser } from './harness.ts';

const site = siteAndBrowser();

describe('result cards', () => {
  it('title a numbered paragraph, a recommendation and the summary by what they are', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(site.url);
    const query = 'risk and protective factors plans to improve services stalled';
    await searchBox(page).fill(query);
    await searchBox(page).press('Enter');
    await page.locator('.results-heading', { hasText: query }).waitFor();
    const label = (id: string) => page.locator(`article.result[data-id="${id}"]`).getAttribute('aria-label');
    await page.locator('article.result[data-id="2012-r1"]').waitFor();
    expect(await label('2012-r1')).toBe('2012, Recommendation');
    expect(await label('2022-s2')).toBe('2022, Summary');
    const numbered = page.locator('article.result[data-year="2012"][data-paragraph]:not([data-paragraph=""])').first();
    const paragraph = await numbered.getAttribute('data-paragraph');
    expect(await numbered.getAttribute('aria-label')).toBe(`2012, Paragraph ${paragraph}`);
    await context.close();
  }, 120_000);
});
