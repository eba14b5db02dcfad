import { describe, expect, it } from 'vitest';
import {
  addressOf,
  coverageHref,
  openReportHref,
  openReportState,
  pairsHref,
  pairsState,
  paragraphUrl,
  permalink,
  readingHref,
  themeHref,
  themeState,
  urlReports,
  viewHref,
  viewState,
} from '../../src/ui/links.ts';
import { DEFAULT_STATE, type ViewState } from '../../src/ui/urlState.ts';

const [OLD, NEW] = ['2012-redcar-cleveland-safeguarding-and-looked-after-children', '2022-redcar-cleveland-ilacs'];
const PAIR = [OLD, NEW] as const;
const ADDED = 'u1a2b3c4d';
/** A search of the bundled pair, in keyword mode, with a theme chosen. */
const search: ViewState = { ...DEFAULT_STATE, query: 'private fostering', mode: 'keyword', theme: 'early-help' };
/** The same, of an added report beside the 2022 one. */
const addedPair: ViewState = { ...search, reports: [NEW, ADDED] };

describe('links', () => {
  it('names the default pair by leaving it out, any other reports by id', () => {
    expect(urlReports(PAIR, PAIR)).toBeNull();
    expect(urlReports([NEW, OLD], PAIR)).toEqual([NEW, OLD]);
    expect(urlReports(PAIR, null)).toEqual([...PAIR]);
  });

  it('links a paragraph within the view, and on its own for exports', () => {
    expect(permalink(search, '2012-p32')).toBe('?q=private+fostering&mode=keyword&theme=early-help&p=2012-p32');
    expect(permalink(DEFAULT_STATE, '2012-p32')).toBe('?p=2012-p32');
    expect(paragraphUrl(search, '2012-p32', 'https://example.org/tool/?q=x')).toBe(
      'https://example.org/tool/?p=2012-p32',
    );
    expect(paragraphUrl(addedPair, `${ADDED}-p3`, 'https://example.org/tool/')).toBe(
      `https://example.org/tool/?a=${NEW}&b=${ADDED}&p=${ADDED}-p3`,
    );
  });

  it('opens a paragraph’s counterparts: the link without the mode, the click in the mode on screen', () => {
    expect(pairsHref(addedPair, `${ADDED}-p3`)).toBe(`?view=pairs&a=${NEW}&b=${ADDED}&p=${ADDED}-p3`);
    expect(pairsState(addedPair, `${ADDED}-p3`)).toEqual({
      ...DEFAULT_STATE,
      view: 'pairs',
      mode: 'keyword',
      focus: `${ADDED}-p3`,
      reports: [NEW, ADDED],
    });
  });

  it('moves between views keeping the mode and reports; the links keep the theme, the click only for a comparison', () => {
    expect(viewHref(addedPair, 'search')).toBe(`?a=${NEW}&b=${ADDED}&mode=keyword`);
    expect(viewHref(addedPair, 'compare')).toBe(`?view=compare&a=${NEW}&b=${ADDED}&mode=keyword&theme=early-help`);
    expect(viewHref(search, 'recommendations')).toBe('?view=recommendations&mode=keyword&theme=early-help');
    // The default address is not empty: an empty href would point at the view on screen, not the search.
    expect(viewHref(DEFAULT_STATE, 'search')).toBe('?');
    expect(viewState(search, 'compare')).toEqual({
      ...DEFAULT_STATE,
      view: 'compare',
      mode: 'keyword',
      theme: 'early-help',
    });
    expect(viewState(search, 'recommendations')).toEqual({
      ...DEFAULT_STATE,
      view: 'recommendations',
      mode: 'keyword',
    });
  });

  it('reads a theme then and now for two reports, in the columns of a search for more', () => {
    expect(themeState('leaving-care', 2)).toEqual({ view: 'compare', theme: 'leaving-care', query: '', focus: null });
    expect(themeHref(search, 'leaving-care', 2)).toBe('?view=compare&mode=keyword&theme=leaving-care');
    const three: ViewState = { ...search, reports: [OLD, NEW, ADDED] };
    expect(themeHref(three, 'leaving-care', 3)).toBe(`?r=${OLD}%2C${NEW}%2C${ADDED}&mode=keyword&theme=leaving-care`);
    expect(coverageHref(search, 'leaving-care', 2)).toBe('?view=compare&theme=leaving-care');
    expect(coverageHref(three, 'leaving-care', 3)).toBe(`?r=${OLD}%2C${NEW}%2C${ADDED}&theme=leaving-care`);
  });

  it('changes a search as the line on how it was read offers, dropping the paragraph in focus', () => {
    const focused = { ...search, focus: '2012-p32' };
    expect(readingHref(focused, { query: 'private fostering arrangements' })).toBe(
      '?q=private+fostering+arrangements&mode=keyword&theme=early-help',
    );
    expect(readingHref(focused, { expand: false })).toBe('?q=private+fostering&mode=keyword&expand=0&theme=early-help');
    expect(readingHref(DEFAULT_STATE, {})).toBe('?');
  });

  it('opens a report found in every report beside the one on the left, with the same search', () => {
    expect(openReportHref(search, PAIR, PAIR, ADDED, `${ADDED}-p3`)).toBe(
      `?a=${OLD}&b=${ADDED}&q=private+fostering&mode=keyword&theme=early-help&p=${ADDED}-p3`,
    );
    // The report on the left is the one found: it opens beside the next.
    expect(openReportState(search, PAIR, PAIR, OLD, null).reports).toEqual([NEW, OLD]);
    expect(openReportHref(search, [ADDED, OLD], PAIR, ADDED, null)).toBe(
      `?a=${OLD}&b=${ADDED}&q=private+fostering&mode=keyword&theme=early-help`,
    );
    // Nothing on screen yet: beside a report of the default pair.
    expect(openReportHref(DEFAULT_STATE, [], PAIR, ADDED, null)).toBe(`?a=${OLD}&b=${ADDED}`);
  });

  it('gives the history the bare path for the default view', () => {
    expect(addressOf(DEFAULT_STATE, '/tool/')).toBe('/tool/');
    expect(addressOf(search, '/tool/')).toBe('?q=private+fostering&mode=keyword&theme=early-help');
  });
});
