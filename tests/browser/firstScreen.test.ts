import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { siteAndBrowser, siteModel, waitForSemantic } from './harness.ts';

const site = siteAndBrowser();
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1366, height: 900 };

async function openPage(browser: Browser, viewport: typeof PHONE, query = ''): Promise<Page> {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${site.url}${query}`);
  await waitForSemantic(page);
  return page;
}

/** Waits until the results heading is on screen, near the top: the page moved to the results. */
const resultsInView = (page: Page) =>
  page.waitForFunction(() => {
    const top = document.querySelector('main .results-heading')?.getBoundingClientRect().top;
    return top !== undefined && top >= -1 && top < innerHeight / 3;
  });

describe('the first screen', () => {
  it('offers questions and the themes most said about, each opening its own permalink', async () => {
    const page = await openPage(site.browser, DESKTOP);
    const questions = page.getByRole('list', { name: 'Try a question' }).getByRole('link');
    expect(await questions.count()).toBeGreaterThanOrEqual(3);
    const first = questions.first();
    const asked = (await first.textContent())!;
    expect(new URL((await first.getAttribute('href'))!, site.url).searchParams.get('q')).toBe(asked);
    await first.click();
    await page.locator('.results-heading', { hasText: asked }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe(asked);

    await page.goto(site.url);
    const themes = page.getByRole('list', { name: 'Or a theme the reports say most about' }).getByRole('link');
    await themes.first().waitFor();
    expect(await themes.count()).toBe(6);
    const theme = (await themes.first().textContent())!;
    await themes.first().click();
    await page.locator('.results-heading', { hasText: `Then and now: ${theme}` }).waitFor();
    expect(new URL(page.url()).searchParams.get('view')).toBe('compare');
    await page.context().close();
  });

  it('shows the themes before the judgement tables, which are folded', async () => {
    const page = await openPage(site.browser, DESKTOP);
    const themesTop = await page.locator('#themes-heading').evaluate((e) => e.getBoundingClientRect().top);
    const reportsTop = await page.locator('#reports-heading').evaluate((e) => e.getBoundingClientRect().top);
    expect(themesTop).toBeLessThan(reportsTop);
    const table = page.locator('.report-card[data-year="2012"] table');
    expect(await table.isVisible()).toBe(false);
    await page.locator('.report-card[data-year="2012"] summary').click();
    expect(await table.isVisible()).toBe(true);
    await page.context().close();
  });

  it('names the ways of searching for what they do and says what runs where', async () => {
    const page = await openPage(site.browser, DESKTOP);
    for (const name of ['Best match', 'Exact words', 'Similar meaning'])
      expect(await page.getByRole('radio', { name }).isVisible()).toBe(true);
    expect(
      await page
        .getByRole('radio', { name: /Paragraphs that contain your words, or the words the reports use for them/ })
        .count(),
    ).toBe(1);
    expect(await page.locator('.status').textContent()).toContain('Ready to search by words and by meaning');
    await page.getByText('About this tool').click();
    const about = page.locator('#about');
    expect((await about.textContent())!.replace(/\s+/g, ' ')).toContain(
      'Nothing you type, and no report you add, leaves this device',
    );
    expect(await about.locator('[data-model]').textContent()).toContain(siteModel().label);
    await page.context().close();
  });
});

describe('on a phone', () => {
  it('folds the options, moves to the results after a search, and shows one report at a time with counts', async () => {
    const page = await openPage(site.browser, PHONE);
    expect(await page.getByRole('radio', { name: 'Best match' }).isVisible()).toBe(false);
    expect(await page.locator('.search summary').textContent()).toContain('Best match');
    await page.getByRole('searchbox').fill('return home interviews after going missing');
    await page.getByRole('searchbox').press('Enter');
    await page.locator('.results-heading', { hasText: 'return home interviews' }).waitFor();
    await resultsInView(page);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    // Focus follows, so the next Tab goes on into the results rather than back to the box above.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('results-heading'))).toBe(true);

    const tabs = page.getByRole('group', { name: 'Report shown' }).getByRole('button');
    expect(await tabs.count()).toBe(2);
    expect(await tabs.nth(0).textContent()).toMatch(/^2012 \d+ (strong|possible)/);
    expect(await tabs.nth(0).getAttribute('aria-pressed')).toBe('true');
    const column = (year: number) => page.locator(`section.column[data-year="${year}"]`);
    expect(await column(2012).isVisible()).toBe(true);
    expect(await column(2022).isVisible()).toBe(false);
    await tabs.nth(1).click();
    expect(await tabs.nth(1).getAttribute('aria-pressed')).toBe('true');
    expect(await column(2012).isVisible()).toBe(false);
    expect(await column(2022).isVisible()).toBe(true);
    // Each card says which report it is from, as the column beside it is not on screen.
    const titles = await column(2022).locator('.card-title').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(title).toMatch(/^2022 · /);
    await page.context().close();
  });

  it('names the report on every card of then and now, stacked', async () => {
    const page = await openPage(site.browser, PHONE, '?view=compare&theme=care-leavers');
    await page.locator('.pair').first().waitFor();
    // Each card's title names the report of the cell it stands in.
    const cards = await page
      .locator('.pair .cell')
      .evaluateAll((cells) =>
        cells.flatMap((c) =>
          [...c.querySelectorAll('.card-title')].map((t) => [c.getAttribute('data-year'), t.textContent] as const),
        ),
      );
    expect(cards.length).toBeGreaterThan(2);
    for (const [year, title] of cards)
      expect(title).toMatch(new RegExp(`^${year} · (Paragraph \\d+|Recommendation|Summary)`));
    await page.context().close();
  });
});

describe('on a wide screen', () => {
  it('shows the options and every column at once, with no report tabs, and keeps the box in view after Enter', async () => {
    const page = await openPage(site.browser, DESKTOP);
    await page.getByRole('searchbox').fill('care leavers');
    await page.getByRole('searchbox').press('Enter');
    await page.locator('.results-heading', { hasText: 'care leavers' }).waitFor();
    expect(await page.evaluate(() => [scrollY, document.activeElement?.id])).toEqual([0, 'q']);
    expect(await page.getByRole('radio', { name: 'Best match' }).isVisible()).toBe(true);
    expect(await page.getByRole('group', { name: 'Report shown' }).isVisible()).toBe(false);
    expect(await page.locator('section.column[data-year="2012"]').isVisible()).toBe(true);
    expect(await page.locator('section.column[data-year="2022"]').isVisible()).toBe(true);
    await page.context().close();
  });
});
