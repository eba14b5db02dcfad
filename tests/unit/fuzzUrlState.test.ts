import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, MODES } from '../../src/core/search.ts';
import { MAX_COLUMNS } from '../../src/core/sideBySide.ts';
import {
  coverageHref,
  openReportHref,
  openReportState,
  pairsHref,
  paragraphUrl,
  permalink,
  readingHref,
  themeHref,
  themeState,
  viewHref,
} from '../../src/ui/links.ts';
import {
  DEFAULT_STATE,
  VIEWS,
  formatState,
  parseReports,
  parseState,
  type Known,
  type ViewState,
} from '../../src/ui/urlState.ts';

/** Seeded and bounded in time as well as in runs: a failure reproduces, and a busy machine runs fewer cases. */
const RUNS = { seed: 24, numRuns: 500, interruptAfterTimeLimit: 10_000 } as const;

const chunkId = fc.stringMatching(/^[a-z0-9]{4,25}-[a-z]\d{1,16}$/);
const reportId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/);
const reportIds = fc.uniqueArray(reportId, { minLength: 2, maxLength: MAX_COLUMNS });
const query = fc.string({ unit: 'grapheme', maxLength: 60 }).filter((q) => q.length <= MAX_QUERY_CHARS);
const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 });

/** Any view the page can be in: a paragraph's counterparts always name the paragraph. */
const viewState: fc.Arbitrary<ViewState> = fc
  .record({
    view: fc.constantFrom(...VIEWS),
    query,
    mode: fc.constantFrom(...MODES),
    expand: fc.boolean(),
    theme: fc.option(text),
    focus: fc.option(chunkId),
    browse: fc.option(text),
    reports: fc.option(reportIds),
    scope: fc.constantFrom('selection' as const, 'library' as const),
  })
  .filter((s) => s.view !== 'pairs' || s.focus !== null);

/** What the page knows: everything the view names, and some more. */
function knownFor(state: ViewState, ...more: (string | null)[]): Known {
  const ids = [state.focus, ...more].filter((id): id is string => id !== null);
  return {
    themes: ['neglect', ...(state.theme ? [state.theme] : []), ...more.filter((t): t is string => t !== null)],
    chunkIds: new Set(ids),
    reports: [{ id: 'bundled', year: 2012 }, ...(state.browse ? [{ id: state.browse, year: 2020 }] : [])],
  };
}

const reads = (address: string, known: Known) => parseState(new URL(address, 'https://example.org/').search, known);

/** Query strings of every kind: any text, and the page's own parameters with any values, broken encoding included. */
const param = fc.constantFrom('view', 'q', 'mode', 'expand', 'theme', 'p', 'browse', 'a', 'b', 'r', 'scope', 'x');
const value = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({
    unit: fc.oneof(
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.constant('😀'),
    ),
    maxLength: 4,
  }),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%ED%A0%80', '%00', '+', ',', ',,', '2012-p32', 'pairs', 'library', '0'),
  fc.array(reportId, { maxLength: 8 }).map((ids) => ids.join(',')),
  fc.string({ unit: 'grapheme', minLength: 990, maxLength: 1100 }),
);
const queryString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc
    .tuple(fc.array(fc.tuple(param, value), { maxLength: 8 }), fc.constantFrom('&', ';', '&&'))
    .map(([pairs, and]) => '?' + pairs.map(([k, v]) => `${k}=${v}`).join(and)),
);

describe('fuzzing the address', () => {
  it('reads any query string into a view the page can show, naming what it could not use', () => {
    const known: Known = {
      themes: ['neglect'],
      chunkIds: new Set(['2012-p32']),
      reports: [{ id: '2012-redcar', year: 2012 }],
    };
    fc.assert(
      fc.property(queryString, (search) => {
        const ids = parseReports(search);
        if (ids) expect(new Set(ids).size).toBeLessThanOrEqual(MAX_COLUMNS);
        const { state, problems } = parseState(search, known);
        expect(VIEWS).toContain(state.view);
        expect(MODES).toContain(state.mode);
        expect(state.query.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
        if (state.view === 'pairs') expect(state.focus).not.toBeNull();
        if (state.focus !== null) expect(known.chunkIds.has(state.focus)).toBe(true);
        if (state.reports) {
          expect(state.reports.length).toBeGreaterThanOrEqual(2);
          expect(new Set(state.reports).size).toBe(state.reports.length);
        }
        for (const problem of problems) expect(problem).toMatch(/^\S.*\.$/);
        // The address the page then shows opens the same view, with nothing more to say.
        expect(parseState(formatState(state), known)).toEqual({ state, problems: [] });
      }),
      RUNS,
    );
  });

  it('opens every view from its address as it was', () => {
    fc.assert(
      fc.property(viewState, (state) => {
        expect(parseState(formatState(state), knownFor(state))).toEqual({ state, problems: [] });
      }),
      RUNS,
    );
  });

  it('opens what each link of the page stands for', () => {
    fc.assert(
      fc.property(
        viewState,
        chunkId,
        text,
        fc.integer({ min: 2, max: MAX_COLUMNS }),
        fc.record({ query, expand: fc.boolean() }, { requiredKeys: [] }),
        (view, id, theme, columns, change) => {
          const known = knownFor(view, id, theme);
          const opens = (address: string) => reads(address, known);
          expect(opens(permalink(view, id))).toEqual({ state: { ...view, focus: id }, problems: [] });
          const reports = view.reports;
          const paragraph = new URL(paragraphUrl(view, id, 'https://example.org/app/')).search;
          expect(parseState(paragraph, known).state).toEqual({ ...DEFAULT_STATE, focus: id, reports });
          expect(opens(pairsHref(view, id)).state).toEqual({ ...DEFAULT_STATE, view: 'pairs', focus: id, reports });
          for (const target of VIEWS.filter((v) => v !== 'pairs')) {
            expect(opens(viewHref(view, target)).state).toEqual({
              ...DEFAULT_STATE,
              view: target,
              mode: view.mode,
              reports,
              theme: target === 'search' ? null : view.theme,
            });
          }
          expect(opens(themeHref(view, theme, columns)).state).toEqual({ ...view, ...themeState(theme, columns) });
          expect(opens(coverageHref(view, theme, columns)).state).toEqual({
            ...DEFAULT_STATE,
            view: columns > 2 ? 'search' : 'compare',
            theme,
            reports,
          });
          if (view.view !== 'pairs') {
            expect(opens(readingHref(view, change)).state).toEqual({ ...view, ...change, focus: null });
          }
        },
      ),
      RUNS,
    );
  });

  it('opens a report found in the library beside the report on screen', () => {
    fc.assert(
      fc.property(viewState, reportIds, reportId, fc.option(chunkId), (view, shown, found, id) => {
        const defaults = ['bundled-2012', 'bundled-2022'];
        const state = openReportState(view, shown, defaults, found, id);
        expect(reads(openReportHref(view, shown, defaults, found, id), knownFor(state)).state).toEqual(state);
      }),
      RUNS,
    );
  });
});
