import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textToPdf } from '../unit/pdfFixtures.ts';
import { launchChromium, resultParagraphs, root, searchBox, serveBuild, waitForSemantic } from './harness.ts';

let server: PreviewServer;
let url: string;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'library-'));
const seed = (name: string) => readFileSync(join(root, 'seeds', name), 'utf8');

/** Reports of other councils: the bundled reports with the council renamed. */
const testshire = join(dir, 'testshire-ilacs.txt');
writeFileSync(testshire, seed('2022-redcar-cleveland-ilacs.txt').replaceAll('Redcar and Cleveland', 'Testshire'));
const northshire = join(dir, 'northshire-2012.txt');
writeFileSync(
  northshire,
  seed('2012-redcar-cleveland-safeguarding-and-looked-after-children.txt').replaceAll(
    'Redcar and Cleveland',
    'Northshire',
  ),
);

beforeAll(async () => {
  ({ server, url } = await serveBuild());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Each test starts from a browser profile of its own (its own IndexedDB) on the Library page, and adds the reports it
 * needs, so no test depends on another having run before it.
 */
async function freshLibrary(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${url}?view=library`);
  return { context, page };
}

async function choose(page: Page, path: string): Promise<void> {
  await page.getByLabel('Choose a file').setInputFiles(path);
}

/** Adds a text report under the given title and year, and waits until the library lists it. */
async function add(page: Page, path: string, title: string, year: number): Promise<void> {
  await page.goto(`${url}?view=library`);
  await choose(page, path);
  await page.getByRole('form', { name: 'Confirm the report' }).waitFor();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Year of the inspection').fill(String(year));
  await page.getByRole('button', { name: 'Add to the library' }).click();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.locator('.report-card h3', { hasText: title }).waitFor();
}

describe('bring your own reports', () => {
  it('adds a text report after the reader confirms its details, compares it, and keeps it after a reload', async () => {
    const { context, page } = await freshLibrary();
    await waitForSemantic(page);
    await choose(page, testshire);
    const form = page.getByRole('form', { name: 'Confirm the report' });
    await form.waitFor();
    expect(await form.textContent()).toContain('Split by the report’s own numbered paragraphs: 49 paragraphs.');
    expect(await page.getByLabel('Council').inputValue()).toBe('Testshire');
    await page.getByLabel('Title').fill('Testshire ILACS');
    await page.getByLabel('Year of the inspection').fill('2023');
    await page.getByRole('button', { name: 'Add to the library' }).click();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.locator('.report-card h3', { hasText: 'Testshire ILACS' }).waitFor();
    await waitForSemantic(page);
    const params = new URL(page.url()).searchParams;
    expect(params.get('a')).toBeTruthy();
    expect(params.get('b')).toMatch(/^u[0-9a-f]{24}$/);
    await searchBox(page).fill('private fostering');
    await searchBox(page).press('Enter');
    await page.locator('.results-heading', { hasText: 'Best match' }).waitFor();
    expect(await page.locator('.column h3').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Testshire ILACS')]),
    );
    expect(await resultParagraphs(page, 2023)).toContain('15');

    // Stored on this device: a reload keeps it, and the permalink reopens the comparison in a new tab.
    const link = page.url();
    await page.reload();
    await waitForSemantic(page);
    expect(await page.locator('.column h3').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Testshire ILACS')]),
    );
    const fresh = await context.newPage();
    await fresh.goto(link);
    await waitForSemantic(fresh);
    expect(await resultParagraphs(fresh, 2023)).toContain('15');
    await context.close();
  });

  it('shows how far an added report is when it was added while the model was still loading', async () => {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    // The model's weights are held until the report is added: a slow first download, ended by a signal.
    const held: Route[] = [];
    let modelAsked!: () => void;
    const asked = new Promise<void>((resolve) => (modelAsked = resolve));
    await context.route(/model_quantized\.onnx$/, (route) => {
      held.push(route);
      modelAsked();
    });
    const page = await context.newPage();
    await page.goto(`${url}?view=library`);
    await asked;
    await choose(page, testshire);
    await page.getByRole('form', { name: 'Confirm the report' }).waitFor();
    await page.getByLabel('Title').fill('Testshire ILACS');
    await page.getByLabel('Year of the inspection').fill('2023');
    await page.getByRole('button', { name: 'Add to the library' }).click();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.locator('.report-card h3', { hasText: 'Testshire ILACS' }).waitFor();
    expect(new URL(page.url()).searchParams.get('b')).toMatch(/^u[0-9a-f]{24}$/);
    for (const route of held) await route.continue();
    await page.getByText(/Preparing search by meaning: \d+ of \d+ paragraphs read/).waitFor();
    expect(await waitForSemantic(page)).toBe('built');
    await context.close();
  });

  it('reads PDFs in the browser: refuses a PDF of a bundled report, adds another and compares it', async () => {
    const { context, page } = await freshLibrary();
    const id = '2012-redcar-cleveland-safeguarding-and-looked-after-children';
    const [same, other] = await textToPdf([
      { title: id, text: seed(`${id}.txt`) },
      { title: 'northshire-2012-inspection', text: seed(`${id}.txt`).replaceAll('Redcar and Cleveland', 'Northshire') },
    ]);
    const samePath = join(dir, 'redcar-2012.pdf');
    const otherPath = join(dir, 'northshire-2012.pdf');
    writeFileSync(samePath, same!);
    writeFileSync(otherPath, other!);
    await waitForSemantic(page);
    // The bundled 2012 report printed to PDF reads back to the same paragraphs, so it is recognised.
    await choose(page, samePath);
    await page
      .locator('.notice[role="alert"]', { hasText: 'This report is already in your library (2012: ' })
      .waitFor();
    await choose(page, otherPath);
    const form = page.getByRole('form', { name: 'Confirm the report' });
    await form.waitFor();
    expect(await form.textContent()).toContain('Split by the report’s own numbered paragraphs: 153 paragraphs.');
    expect(await page.getByLabel('Year of the inspection').inputValue()).toBe('2012');
    expect(await page.getByLabel('Council').inputValue()).toBe('Northshire');
    await page.getByLabel('Title').fill('Northshire 2012 (from PDF)');
    await page.getByRole('button', { name: 'Add to the library' }).click();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.locator('.report-card h3', { hasText: 'Northshire 2012 (from PDF)' }).waitFor();
    await waitForSemantic(page);
    await page.goto(`${url}?view=library`);
    await waitForSemantic(page);
    const added = await page
      .getByLabel('Left column')
      .locator('option', { hasText: 'Northshire 2012 (from PDF)' })
      .getAttribute('value');
    await page.getByLabel('Left column').selectOption(added);
    await page.getByLabel('Right column').selectOption('2022-redcar-cleveland-ilacs');
    await page.getByRole('button', { name: 'Compare these two' }).click();
    await page.locator('.report-card h3', { hasText: 'Northshire 2012 (from PDF)' }).waitFor();
    await waitForSemantic(page);
    await searchBox(page).fill('return home interviews');
    await searchBox(page).press('Enter');
    await page.locator('.results-heading', { hasText: 'Best match' }).waitFor();
    expect(await resultParagraphs(page, 2022)).toContain('18');
    expect(await resultParagraphs(page, 2012)).toContain('32');
    expect(await page.locator('.column h3').first().textContent()).toContain('Northshire 2012 (from PDF)');
    await context.close();
  });

  it('refuses bad files with a clear message and changes nothing', async () => {
    const { context, page } = await freshLibrary();
    await add(page, testshire, 'Testshire ILACS', 2023);
    await page.goto(`${url}?view=library`);
    await page.locator('table.library tr[data-origin="added"]', { hasText: 'Testshire ILACS' }).waitFor();
    const rows = await page.locator('table.library tbody tr').count();
    const cases: [string, string | Buffer, RegExp][] = [
      ['empty.txt', '', /empty\.txt is empty\./],
      ['latin1.txt', Buffer.from([0x49, 0x6e, 0xe9, 0x20, 0x62]), /not valid UTF-8/],
      ['notes.txt', 'Shopping list\n\neggs, milk, bread\n', /not look like an Ofsted inspection report/],
      [
        'again.txt',
        seed('2022-redcar-cleveland-ilacs.txt').replaceAll('Redcar and Cleveland', 'Testshire'),
        /already in your library \(2023: Testshire ILACS\)/,
      ],
      [
        'seed.txt',
        seed('2012-redcar-cleveland-safeguarding-and-looked-after-children.txt'),
        /already in your library \(2012: /,
      ],
    ];
    for (const [name, content, message] of cases) {
      const path = join(dir, name);
      writeFileSync(path, content);
      await choose(page, path);
      await page.locator('.notice[role="alert"]', { hasText: message }).waitFor();
    }
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, Buffer.alloc(21 * 1024 * 1024, 'a'));
    await choose(page, huge);
    await page.locator('.notice[role="alert"]', { hasText: 'reports over 20 MB are not accepted' }).waitFor();
    expect(await page.locator('table.library tbody tr').count()).toBe(rows);
    await context.close();
  });

  it('says so when a link names a report this browser does not have', async () => {
    const other = await browser.newContext({ serviceWorkers: 'block' });
    const p = await other.newPage();
    await p.goto(`${url}?a=2012-redcar-cleveland-safeguarding-and-looked-after-children&b=u0badbad0`);
    await p.locator('.notice', { hasText: 'does not have (u0badbad0)' }).waitFor();
    await p.getByRole('button', { name: 'Add a report' }).click();
    await p.getByLabel('Choose a file').waitFor();
    await other.close();
  });

  it('exports the library, deletes the report, and imports it again', async () => {
    const { context, page } = await freshLibrary();
    await add(page, testshire, 'Testshire ILACS', 2023);
    await add(page, northshire, 'Northshire 2012', 2012);
    await page.goto(`${url}?view=library`);
    await page.locator('table.library tr[data-origin="added"]').nth(1).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export added reports' }).click(),
    ]);
    const file = join(dir, 'library.json');
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { reports: { title: string }[] };
    expect(exported.reports.map((r) => r.title).sort()).toEqual(['Northshire 2012', 'Testshire ILACS']);
    await page.getByRole('button', { name: 'Delete Testshire ILACS (2023)' }).click();
    await page
      .locator('table.library tr[data-origin="added"]', { hasText: 'Testshire' })
      .waitFor({ state: 'detached' });
    expect(await page.locator('table.library tr[data-origin="added"]').count()).toBe(1);
    await page.getByLabel('Import a library file').setInputFiles(file);
    await page
      .locator('.ok', {
        hasText: 'Imported 1 report. Skipped: Northshire 2012: This report is already in your library',
      })
      .waitFor();
    expect(await page.locator('table.library tr[data-origin="added"]').count()).toBe(2);
    await context.close();
  });
});
