/**
 * `npm run screenshots`: full-page pictures of every view at a phone's size and a laptop's, with the bundled pair
 * and with a third report added as a reader adds one, into screenshots/ (git-ignored), to see how the site reads.
 * Serves the build in dist/ (`npx vite build` first). Each picture is taken once its view has drawn, never after a
 * fixed pause.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { addThirdReport, openView, PAIR_VIEWS, threeReportViews, type SiteView } from '../tests/browser/views.ts';
import { launchChromium } from './lib/chromium.ts';
import { serveBuild } from './lib/staticServer.ts';

const out = join(import.meta.dirname, '..', 'screenshots');
const SIZES = [
  { width: 375, height: 812 },
  { width: 1366, height: 900 },
];
/** A ceiling for a hang, not a pause: adding a report waits for the page to embed it, minutes on a busy machine. */
const WAIT = 10 * 60_000;

/** One picture per view and size, named `<set>-<width>-<view>.png`. */
async function shoot(context: BrowserContext, url: string, set: string, views: readonly SiteView[]): Promise<void> {
  for (const size of SIZES) {
    const page = await context.newPage();
    await page.setViewportSize(size);
    for (const view of views) {
      await openView(page, url, view);
      const file = join(out, `${set}-${size.width}-${view.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await page.close();
  }
}

mkdirSync(out, { recursive: true });
const { server, url } = await serveBuild();
const browser = await launchChromium();
try {
  // Service workers as a reader's browser has them (the tests block them), so no view shows the notice that the tool
  // cannot be kept offline.
  const pair = await browser.newContext();
  pair.setDefaultTimeout(WAIT);
  await shoot(pair, url, 'pair', PAIR_VIEWS);
  await pair.close();

  const three = await browser.newContext();
  three.setDefaultTimeout(WAIT);
  const added = await addThirdReport(await three.newPage(), url);
  await shoot(three, url, 'three', threeReportViews(added));
  await three.close();
} finally {
  await browser.close();
  await server.close();
}
