import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, siteAndBrowser } from './harness.ts';

const site = siteAndBrowser();
const dir = mkdtempSync(join(tmpdir(), 'adding-'));
const seed = (name: string) => readFileSync(join(root, 'seeds', name), 'utf8');
const BUNDLED_2022 = '2022-redcar-cleveland-ilacs';

/** The 2022 report's paragraphs under a cover a reader might save: the council above the title, the year alone. */
const ilacs = seed(`${BUNDLED_2022}.txt`).replaceAll('Redcar and Cleveland', 'Testshire');
const plain = join(dir, 'testshire.txt');
writeFileSync(
  plain,
  `Testshire\nInspection of children's services\n\n2019\n\n${ilacs.slice(ilacs.indexOf('For most children'))}`,
);
/** A cover with no year anywhere on it. */
const undated = join(dir, 'undated.txt');
writeFileSync(
  undated,
  'Testshire\nInspection of children’s services\n\n' +
    Array.from({ length: 6 }, (_, i) => `${i + 1}. Children seen by Ofsted inspectors were safe (${i + 1}).`).join(
      '\n\n',
    ),
);
/** The 2012 report of the same council, as Ofsted laid it out. */
const older = join(dir, 'testshire-2012.txt');
writeFileSync(
  older,
  seed('2012-redcar-cleveland-safeguarding-and-looked-after-children.txt').replaceAll(
    'Redcar and Cleveland',
    'Testshire',
  ),
);

describe('adding a report', () => {
  it('reads the cover, says in plain words what is missing, confirms, and offers what to compare it with', async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${site.url}?view=library`);
    const form = page.getByRole('form', { name: 'Confirm the report' });
    // A year the file does not give is left empty and marked, never 0.
    await page.getByLabel('Choose a file').setInputFiles(undated);
    await form.waitFor();
    expect(await page.getByLabel('Year of the inspection').inputValue()).toBe('');
    expect(await page.getByLabel('Year of the inspection').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#draft-year-note').textContent()).toBe('Not found in the file: please enter it.');
    expect(await page.locator('#draft-council-note').textContent()).toBe('');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByLabel('Choose a file').setInputFiles(plain);
    await form.waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe("Inspection of children's services");
    expect(await page.getByLabel('Council').inputValue()).toBe('Testshire');
    expect(await page.getByLabel('Year of the inspection').inputValue()).toBe('2019');

    // A field left empty is marked and explained, and nothing is added.
    await page.getByLabel('Title').fill('');
    await page.getByLabel('Year of the inspection').fill('');
    await page.getByRole('button', { name: 'Add to the library' }).click();
    expect(await page.locator('#draft-title-note').textContent()).toBe('Enter the report’s title.');
    expect(await page.locator('#draft-year-note').textContent()).toBe(
      'Enter the year of the inspection, for example 2019.',
    );
    expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Year of the inspection').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('draft-title');
    await page.getByLabel('Title').fill('Testshire ILACS');
    await page.getByLabel('Year of the inspection').fill('1890');
    await page.getByRole('button', { name: 'Add to the library' }).click();
    expect(await page.locator('#draft-year-note').textContent()).toBe(
      'The year of the inspection is a year from 1990 to 2100, for example 2019.',
    );
    await page.getByLabel('Year of the inspection').fill('2019');
    await page.getByRole('button', { name: 'Add to the library' }).click();

    // The confirmation names the report and takes focus; with no other Testshire report, the newest bundled is offered.
    const heading = page.locator('#added-heading');
    await heading.waitFor();
    expect(await heading.textContent()).toBe('Added “Testshire ILACS” (Testshire, 2019)');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('added-heading');
    expect(await page.getByLabel('Compare it with').inputValue()).toBe(BUNDLED_2022);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const card = page.locator('.report-card[data-year="2019"]');
    await card.waitFor();
    const params = new URL(page.url()).searchParams;
    expect(params.get('a')).toBe(BUNDLED_2022);
    const added = params.get('b')!;
    expect(added).toMatch(/^u[0-9a-f]{24}$/);
    // The card says what is known, and has no judgement table when the file gave none.
    expect(await card.locator('p').first().textContent()).toBe('Testshire · inspected in 2019 · Ofsted');
    expect(await card.locator('table').count()).toBe(0);

    // A second report of the same council is offered the first to compare with.
    await page.goto(`${site.url}?view=library`);
    await page.getByLabel('Choose a file').setInputFiles(older);
    await form.waitFor();
    expect(await page.getByLabel('Council').inputValue()).toBe('Testshire');
    expect(await page.getByLabel('Year of the inspection').inputValue()).toBe('2012');
    await page.getByRole('button', { name: 'Add to the library' }).click();
    await heading.waitFor();
    expect(await heading.textContent()).toBe(
      'Added “Inspection of safeguarding and looked after children services” (Testshire, 2012)',
    );
    expect(await page.getByLabel('Compare it with').inputValue()).toBe(added);
    await context.close();
  });
});
