/**
 * "Remove everything this tool stores on this device" cannot be undone and takes the reader's own reports with it, so
 * it asks first, says what goes, and keeps everything unless the reader confirms.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { root, siteAndBrowser, storedOnDevice, waitForOffline } from './harness.ts';

const site = siteAndBrowser();

/** The reader's reports, the offline copy and its service worker, as this browser holds them. */
const stored = (page: Page) => storedOnDevice(page, 'reports');

describe('removing everything this tool stores', () => {
  it('asks first, naming what goes; Cancel, the choice focused, keeps everything; confirming removes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'removal-'));
    const file = join(dir, 'testshire.txt');
    writeFileSync(
      file,
      readFileSync(join(root, 'seeds', '2022-redcar-cleveland-ilacs.txt'), 'utf8').replaceAll(
        'Redcar and Cleveland',
        'Testshire',
      ),
    );
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(site.url);
      await waitForOffline(page);
      // The footer says the offline copy is saved in the page that saved it: the report is added without a reload.
      await page.locator('[data-offline-ready="true"]').waitFor();
      await page.getByRole('link', { name: 'Library' }).click();
      await page.getByLabel('Choose a file').setInputFiles(file);
      await page.getByLabel('Year of the inspection').fill('2023');
      await page.getByRole('button', { name: 'Add to the library' }).click();
      await page.getByRole('button', { name: 'Compare', exact: true }).click();
      await page.locator('.report-card h3', { hasText: 'Testshire' }).waitFor();
      const before = await stored(page);
      expect([before.records, before.workers]).toEqual([1, 1]);
      expect(before.caches).toBeGreaterThan(0);

      const trigger = page.getByRole('button', { name: 'Remove everything this tool stores on this device' });
      const dialog = page.getByRole('dialog', { name: 'Remove everything this tool stores on this device?' });
      const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
      // Opened from the keyboard; Escape, then Enter on the focused Cancel, keep everything.
      for (const key of ['Escape', 'Enter']) {
        await trigger.focus();
        await page.keyboard.press('Enter');
        await dialog.waitFor();
        expect(await focused()).toBe('Cancel');
        await page.keyboard.press(key);
        await dialog.waitFor({ state: 'hidden' });
        expect(await stored(page)).toEqual(before);
      }
      await trigger.click();
      await dialog.waitFor();
      expect((await dialog.locator('li').allTextContents()).map((t) => t.trim())).toEqual([
        'The report you added. It is not kept anywhere else: export the library first to keep it.',
        'The search index built on this device.',
        'The offline copy of the tool: the next visit downloads it again.',
      ]);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await stored(page)).toEqual(before);
      expect(await page.locator('.notice', { hasText: 'was removed' }).count()).toBe(0);

      await trigger.click();
      await dialog.getByRole('button', { name: 'Remove everything' }).click();
      await page.locator('.notice', { hasText: 'Everything this tool stored on this device was removed' }).waitFor();
      expect(await dialog.isVisible()).toBe(false);
      expect(await stored(page)).toEqual({ records: 0, caches: 0, workers: 0 });
    } finally {
      await context.close();
    }
  });
});
