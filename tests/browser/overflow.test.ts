/**
 * No view is wider than a phone's screen (issue 25): at 320 and 375 px, with the bundled pair and with three reports,
 * the page never scrolls sideways. A failure names the elements that stick out, and by how much.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteAndBrowser } from './harness.ts';
import { addThirdReport, openView, PAIR_VIEWS, threeReportViews, type SiteView } from './views.ts';

const site = siteAndBrowser();
const WIDTHS = [320, 375];

/**
 * How wide the page is, and the elements that reach past the screen's right edge while their parent does not: the
 * ones that push the page wider, not everything inside them. Elements clipped by a scrolling or hidden-overflow
 * ancestor do not widen the page, so they are left out.
 */
const measure = (page: Page) =>
  page.evaluate(() => {
    const edge = window.innerWidth;
    const clipped = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      return false;
    };
    const sticksOut = (el: Element | null) => !!el && el.getBoundingClientRect().right > edge + 0.5;
    const describe = (el: Element) => {
      const classes = [...el.classList].map((c) => `.${c}`).join('');
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const box = el.getBoundingClientRect();
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${classes}> "${text}" ${Math.round(box.width)} px wide, ${Math.round(box.right - edge)} px past the edge`;
    };
    const culprits = [...document.body.querySelectorAll('*')].filter(
      (el) => sticksOut(el) && !sticksOut(el.parentElement === document.body ? null : el.parentElement) && !clipped(el),
    );
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: edge,
      widest: culprits.map(describe),
    };
  });

interface ReportSet {
  views: () => readonly SiteView[];
  context: () => BrowserContext;
}

function viewsFit(set: string, { views, context }: ReportSet) {
  describe(set, () => {
    for (const width of WIDTHS) {
      describe(`${width} px wide`, () => {
        // Named before the third report is added: only the views' addresses depend on its id.
        for (const [i, { name }] of views().entries()) {
          it(name, async () => {
            const page = await context().newPage();
            try {
              await page.setViewportSize({ width, height: 812 });
              await openView(page, site.url, views()[i]!);
              const m = await measure(page);
              expect(m.widest, `${name} at ${width} px is ${m.scrollWidth} px wide`).toEqual([]);
              expect(m.scrollWidth).toBeLessThanOrEqual(m.innerWidth);
            } finally {
              await page.close();
            }
          });
        }
      });
    }
  });
}

/** Tables that a phone shows as blocks, each with its column headings and a cell's name (its figure alone). */
const STACKED_TABLES = [
  {
    view: 'compare',
    table: '.coverage-table',
    headers: ['Theme', '2012 paragraphs', '2012 share', '2022 paragraphs', '2022 share'],
    cell: '8',
  },
  {
    view: 'grades',
    table: '.grades-table',
    headers: ['Area', '2012', '2022'],
    cell: 'Requires improvement to be good Overall effectiveness',
  },
  { view: 'library', table: 'table.library', headers: ['Year', 'Report', 'Paragraphs', 'Actions'], cell: '153' },
];

describe('no view is wider than the screen', () => {
  let pair: BrowserContext;
  let three: BrowserContext;
  let added = 'not-yet-added';

  beforeAll(async () => {
    pair = await site.browser.newContext({ serviceWorkers: 'block' });
    three = await site.browser.newContext({ serviceWorkers: 'block' });
    const page = await three.newPage();
    added = await addThirdReport(page, site.url);
    await page.close();
  });
  afterAll(async () => {
    await pair?.close();
    await three?.close();
  });

  viewsFit('the bundled pair', { views: () => PAIR_VIEWS, context: () => pair });
  viewsFit('three reports', { views: () => threeReportViews(added), context: () => three });

  describe('on a phone', () => {
    const phone = async (width: number, view: string) => {
      const page = await pair.newPage();
      await page.setViewportSize({ width, height: 812 });
      await openView(
        page,
        site.url,
        PAIR_VIEWS.find((v) => v.name === view)!,
      );
      return page;
    };

    for (const width of WIDTHS) {
      it(`draws no chart text under 12 px at ${width} px, and shows the figures as a table`, async () => {
        const page = await phone(width, 'compare');
        try {
          // As rendered: the font size times the scale the chart is drawn at.
          const sizes = await page
            .locator('svg.chart text')
            .evaluateAll((texts) =>
              texts
                .filter((t) => t.getClientRects().length > 0)
                .map((t) => parseFloat(getComputedStyle(t).fontSize) * (t.closest('svg')!.getScreenCTM()?.a ?? 1)),
            );
          expect(sizes.filter((px) => px < 12).map((px) => `${px.toFixed(1)} px`)).toEqual([]);
          expect(await page.locator('.coverage-table').isVisible()).toBe(true);
        } finally {
          await page.close();
        }
      });
    }

    // Laid out as blocks, a table must still be one to a screen reader: Chromium's own accessibility tree is asked.
    // The label drawn beside each figure is its column heading's, so the cell's name is the figure alone.
    for (const t of STACKED_TABLES) {
      it(`keeps the ${t.view} table a table, its rows laid out as blocks`, async () => {
        const page = await phone(320, t.view);
        try {
          const row = page.locator(`${t.table} tbody tr`).first();
          expect(await row.evaluate((tr) => getComputedStyle(tr).display)).not.toBe('table-row');
          const cdp = await page.context().newCDPSession(page);
          const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector('${t.table}')` });
          const named = async (role: string) =>
            (await cdp.send('Accessibility.queryAXTree', { objectId: result.objectId!, role })).nodes.map((n) =>
              String(n.name?.value ?? ''),
            );
          expect(await named('table')).toHaveLength(1);
          expect(await named('columnheader')).toEqual(t.headers);
          expect(await named('cell')).toContain(t.cell);
        } finally {
          await page.close();
        }
      });
    }
  });
});
