import type { Selection } from '../worker/protocol.ts';
import type { ReadingChange } from './searchResponse.ts';
import { DEFAULT_STATE, formatState, sameReports, type View, type ViewState } from './urlState.ts';

/**
 * Every address the page links to or moves to, built from the view on screen: one place, so a link and the click it
 * stands for open the same thing. Pure: the page's own location is passed in where an address must be absolute.
 */

/** An address as a link's href: the page itself (`?`) when every setting is the default. */
const href = (state: ViewState) => formatState(state) || '?';

/** The reports as an address names them: null for the bundled default pair. */
export const urlReports = (ids: Selection, defaultSelection: Selection | null): string[] | null =>
  sameReports(ids, defaultSelection) ? null : [...ids];

/** A paragraph in the view on screen: the card's own link. */
export const permalink = (view: ViewState, id: string): string => href({ ...view, focus: id });

/** A paragraph's own address, for exports and recommendation links: it must outlive the current view. */
export const paragraphUrl = (view: ViewState, id: string, base: string): string =>
  new URL(formatState({ ...DEFAULT_STATE, focus: id, reports: view.reports }), base).href;

/** A paragraph's closest paragraphs in the other report, as a link names them. */
export const pairsHref = (view: ViewState, id: string): string =>
  href({ ...DEFAULT_STATE, view: 'pairs', focus: id, reports: view.reports });

/** A paragraph's closest paragraphs, as following the link opens them: in the search mode on screen. */
export const pairsState = (view: ViewState, id: string): ViewState => ({
  ...DEFAULT_STATE,
  mode: view.mode,
  view: 'pairs',
  focus: id,
  reports: view.reports,
});

/** Another view of the same reports, as the navigation links name it. */
export const viewHref = (view: ViewState, target: View): string =>
  href({
    ...DEFAULT_STATE,
    view: target,
    mode: view.mode,
    reports: view.reports,
    theme: target === 'search' ? null : view.theme,
  });

/** Another view of the same reports, as following a navigation link opens it: only a comparison keeps the theme. */
export const viewState = (view: ViewState, target: View): ViewState => ({
  ...DEFAULT_STATE,
  view: target,
  mode: view.mode,
  reports: view.reports,
  theme: target === 'compare' ? view.theme : null,
});

/** A question asked of the reports on screen, as the first screen's suggestions ask it. */
export const questionState = (query: string) =>
  ({ view: 'search', query, theme: null, focus: null, browse: null }) as const;

export const questionHref = (view: ViewState, query: string): string => href({ ...view, ...questionState(query) });

/** A theme read side by side: then and now for two reports; in the columns of a search for more. */
export const themeState = (id: string, columns: number) =>
  ({ view: columns > 2 ? 'search' : 'compare', theme: id, query: '', focus: null }) as const;

/** A theme read side by side, from the view on screen (the line on how a search was read). */
export const themeHref = (view: ViewState, id: string, columns: number): string =>
  href({ ...view, ...themeState(id, columns) });

/** A theme of the coverage chart, read side by side in the reports on screen. */
export const coverageHref = (view: ViewState, id: string, columns: number): string =>
  formatState({ ...DEFAULT_STATE, view: columns > 2 ? 'search' : 'compare', theme: id, reports: view.reports });

/** The search on screen, changed as the line on how it was read offers. */
export const readingHref = (view: ViewState, change: ReadingChange): string =>
  href({ ...view, ...change, focus: null });

/**
 * Where a report found by a search of every report opens: side by side with the report on the left now (or the
 * one after it, when it is that report), at the paragraph given, with the same query searched in the two.
 */
export function openReportState(
  view: ViewState,
  shown: Selection,
  defaultSelection: Selection | null,
  reportId: string,
  chunkId: string | null,
): ViewState {
  const other = shown.find((id) => id !== reportId) ?? defaultSelection?.find((id) => id !== reportId);
  const ids = other ? [other, reportId] : [reportId];
  return {
    ...DEFAULT_STATE,
    query: view.query,
    mode: view.mode,
    expand: view.expand,
    theme: view.theme,
    focus: chunkId,
    reports: ids.length >= 2 ? urlReports(ids, defaultSelection) : null,
  };
}

export const openReportHref = (...args: Parameters<typeof openReportState>): string => href(openReportState(...args));

/** The address of the view on screen, for the history: the bare path when every setting is the default. */
export const addressOf = (view: ViewState, pathname: string): string => formatState(view) || pathname;
