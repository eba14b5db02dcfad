import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteAndBrowser } from './harness.ts';

const site = siteAndBrowser();

describe('a report whose blocks are all over-long', () => {
  it('shows the draft with a warning for each block, even when the blocks are the same length', async () => {
    // No numbered paragraphs, so the text is split at blank lines; the two blocks differ in one word of equal length.
    const first = 'Children in care are visited often. '.repeat(700).trim();
    const second = first.replaceAll('visited', 'watched');
    expect(second.length).toBe(first.length);
    const file = join(mkdtempSync(join(tmpdir(), 'long-blocks-')), 'long-blocks.txt');
    writeFileSync(
      file,
      [
        'Inspection of Testshire local authority children’s services',
        '',
        'Inspection dates: 3 to 14 May 2021',
        '',
        first,
        '',
        second,
      ].join('\n'),
    );
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${site.url}?view=library`);
    await page.getByLabel('Choose a file').setInputFiles(file);
    const form = page.getByRole('form', { name: 'Confirm the report' });
    // A page error leaves nothing on screen to wait for, so it ends the wait at once.
    const crashed = new Promise<never>((_, reject) => page.on('pageerror', reject));
    await Promise.race([form.waitFor(), crashed]);
    expect(await form.textContent()).toContain('Split at blank lines: 2 blocks.');
    const length = first.length.toLocaleString('en-GB');
    expect(await form.locator('.note').allTextContents()).toEqual([
      'No numbered paragraphs were found, so the text was split at blank lines.',
      `Block 1 (in "Report text", beginning "Children in care are visited often.…") is ${length} characters long, ` +
        "far longer than a report's paragraphs are (under 20,000): the file's numbering or layout was probably not " +
        'read correctly, so search in it will be poor.',
      `Block 2 (in "Report text", beginning "Children in care are watched often.…") is ${length} characters long, ` +
        "far longer than a report's paragraphs are (under 20,000): the file's numbering or layout was probably not " +
        'read correctly, so search in it will be poor.',
    ]);
    expect(await page.getByLabel('Council').inputValue()).toBe('Testshire');
    expect(problems).toEqual([]);
    await context.close();
  });
});
