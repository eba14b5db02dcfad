/**
 * What a reader does on the site, with nothing of the test runner, so that scripts (`npm run screenshots`) drive the
 * page exactly as the tests do.
 */
import type { Locator, Page } from 'playwright-core';

/** Semantic search or the offline copy can wait on the whole pair being embedded in the page. */
export const MODEL_WAIT = 10 * 60_000;

export async function waitForSemantic(page: Page): Promise<string> {
  await page.locator('[data-ready="true"]').waitFor({ timeout: MODEL_WAIT });
  return (await page.locator('[data-index-source]').getAttribute('data-index-source')) ?? '';
}

/**
 * Chooses a report file on the Library page on screen, as a reader does, and returns the form that asks them to
 * confirm its details once the file is read.
 */
export async function chooseReportFile(page: Page, file: string): Promise<Locator> {
  await page.getByLabel('Choose a file').setInputFiles(file);
  const form = page.getByRole('form', { name: 'Confirm the report' });
  await form.waitFor({ timeout: MODEL_WAIT });
  return form;
}

/**
 * Confirms the chosen report with the year given and compares it as the confirmation offers; returns its id, read
 * from the address of the pair the page then opens.
 */
export async function confirmReport(page: Page, year: number): Promise<string> {
  await page.getByLabel('Year of the inspection').fill(String(year));
  await page.getByRole('button', { name: 'Add to the library' }).click();
  // The confirmation offers what to compare the new report with; its default opens a pair whose `b` is the new one.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const id = await page.waitForFunction(() => new URLSearchParams(location.search).get('b'));
  return (await id.jsonValue()) as string;
}

/** Adds a report to the library as a reader does (Library tab, choose the file, confirm with the year given). */
export async function addReportFile(page: Page, siteUrl: string, file: string, year: number): Promise<string> {
  await page.goto(`${siteUrl}?view=library`);
  await chooseReportFile(page, file);
  return confirmReport(page, year);
}
