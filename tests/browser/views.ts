/**
 * Every view of the site, with the bundled pair and with a third report added, and how to tell that one has finished
 * drawing: shared by the overflow test and `npm run screenshots`, so both look at the same pages.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addReportFile, waitForSemantic } from './reader.ts';

const root = join(import.meta.dirname, '../..');
const BUNDLED = {
  old: '2012-redcar-cleveland-safeguarding-and-looked-after-children',
  new: '2022-redcar-cleveland-ilacs',
} as const;

export interface SiteView {
  /** Also the screenshot's file name. */
  name: string;
  /** The address after the site's own, from `?`. */
  query: string;
  /** An element that is there only once the view has drawn what it is for. */
  ready: string;
}

/** The views of the bundled pair. */
export const PAIR_VIEWS: readonly SiteView[] = [
  { name: 'overview', query: '?', ready: '.theme-table td[data-count]:not([data-count=""])' },
  { name: 'search', query: '?q=return+home+interviews', ready: 'article.result' },
  { name: 'theme', query: '?theme=neglect', ready: '.columns .column' },
  { name: 'compare', query: '?view=compare', ready: '.coverage-table tbody tr' },
  { name: 'then-and-now', query: '?view=compare&theme=care-leavers', ready: 'li.pair article.result' },
  { name: 'recommendations', query: '?view=recommendations', ready: '.rec-columns' },
  { name: 'grades', query: '?view=grades', ready: '.grades-table tbody tr' },
  { name: 'pairs', query: '?view=pairs&p=2012-p32', ready: 'li[data-similarity] article.result' },
  { name: 'library', query: '?view=library', ready: 'table.library tbody tr' },
];

/**
 * The views of three reports side by side (the bundled pair and `added`, in date order), the library holding all
 * three, and a search of every report, which is offered only then. A theme of three reports is read in the search
 * view, so there is no "then and now" of three.
 */
export function threeReportViews(added: string): SiteView[] {
  const r = `r=${BUNDLED.old},${added},${BUNDLED.new}`;
  return [
    { name: 'overview', query: `?${r}`, ready: '.theme-table td[data-count]:not([data-count=""])' },
    // A column, not a card: on a phone the column shown first may be of a report silent on the question.
    { name: 'search', query: `?q=return+home+interviews&${r}`, ready: '.columns .column' },
    { name: 'theme', query: `?theme=neglect&${r}`, ready: '.columns .column' },
    { name: 'compare', query: `?view=compare&${r}`, ready: '.coverage-table tbody tr' },
    { name: 'recommendations', query: `?view=recommendations&${r}`, ready: '.rec-columns' },
    { name: 'grades', query: `?view=grades&${r}`, ready: '.grades-table tbody tr' },
    // Closest paragraphs are of two reports: with three the page says so instead.
    {
      name: 'pairs',
      query: `?view=pairs&p=2012-p32&${r}`,
      ready: '.notice:has-text("This comparison is of two reports")',
    },
    { name: 'library', query: `?view=library&${r}`, ready: 'table.library tbody tr:nth-child(3)' },
    { name: 'every-report', query: '?q=return+home+interviews&scope=library', ready: '.library-report' },
  ];
}

/** The year the third report is given, between the bundled two so that it stands in the middle column. */
const ADDED_YEAR = 2019;

/**
 * Adds a third report as a reader does: the 2022 report's text for another council (a longer name than the bundled
 * one, so headings and pickers are tested with more to fit), dated between the bundled two. Returns its id.
 */
export async function addThirdReport(page: Page, siteUrl: string): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'third-report-')), 'north-east-testshire-2019.txt');
  const text = readFileSync(join(root, 'seeds', `${BUNDLED.new}.txt`), 'utf8');
  writeFileSync(file, text.replaceAll('Redcar and Cleveland', 'North East Testshire'));
  return addReportFile(page, siteUrl, file, ADDED_YEAR);
}

/** Opens a view and waits until it has drawn: the model ready, the view's content there, no search still updating. */
export async function openView(page: Page, siteUrl: string, view: SiteView): Promise<void> {
  await page.goto(`${siteUrl}${view.query}`);
  await waitForSemantic(page);
  // Visible: on a phone the columns of three reports are shown one at a time, and the others' cards are hidden.
  await page.locator(view.ready).filter({ visible: true }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.results-heading')?.textContent?.includes('updating'));
}
