import { MODES, MAX_QUERY_CHARS, isMode, type Mode } from '../core/search.ts';

export const VIEWS = ['search', 'compare', 'recommendations', 'grades', 'pairs', 'library'] as const;
/** search: overview and results; compare: theme coverage, or one theme then and now; pairs: a paragraph's counterparts. */
export type View = (typeof VIEWS)[number];

/** Everything a view needs to be reopened from its address. */
export interface ViewState {
  view: View;
  query: string;
  mode: Mode;
  theme: string | null;
  /** Chunk id of the paragraph the reader focused, e.g. `2012-p32`. */
  focus: string | null;
  /** The report being browsed section by section, by id. */
  browse: string | null;
  /** The two reports compared (left, right); null for the bundled pair. */
  pair: [string, string] | null;
}

export const DEFAULT_STATE: ViewState = { view: 'search', query: '', mode: 'hybrid', theme: null, focus: null, browse: null, pair: null };

export interface ParsedState {
  state: ViewState;
  /** What could not be used, in words for the reader. */
  problems: string[];
}

export interface Known {
  themes: readonly string[];
  chunkIds: ReadonlySet<string>;
  /** The reports on screen: a link may browse one, by id or (older links) by year. */
  reports: readonly { id: string; year: number }[];
}

/** Chunk ids: `2012-p32` for bundled reports, `u1a2b3c4d-p12` for added ones. */
const CHUNK_ID = /^[a-z0-9]{4,12}-[a-z]\d{1,4}$/;
const REPORT_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function samePair(a: readonly [string, string] | null, b: readonly [string, string] | null): boolean {
  return a === b || (!!a && !!b && a[0] === b[0] && a[1] === b[1]);
}

/** Reads only the pair of reports a link names, before the reports themselves are known. */
export function parsePair(search: string): [string, string] | null {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return null;
  }
  const [a, b] = [params.get('a'), params.get('b')];
  return a && b && REPORT_ID.test(a) && REPORT_ID.test(b) ? [a, b] : null;
}

/**
 * Reads the view from a query string. Anything malformed is dropped and named, never thrown: a shared
 * link that is half broken should still open the part that works.
 */
export function parseState(search: string, known: Known): ParsedState {
  const problems: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
    // URLSearchParams tolerates bad percent-encoding silently; decode once more to notice it.
    decodeURIComponent(search.replace(/\+/g, ' '));
  } catch {
    problems.push('The link contains broken percent-encoding; the parts that could be read were used.');
    params = new URLSearchParams(search.replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  }
  const state: ViewState = { ...DEFAULT_STATE };

  const view = params.get('view');
  if (view !== null && view !== '') {
    if ((VIEWS as readonly string[]).includes(view)) state.view = view as View;
    else problems.push('The link asks for a view that does not exist; showing the overview.');
  }
  const q = params.get('q');
  if (q !== null) {
    state.query = q.slice(0, MAX_QUERY_CHARS);
    if (q.length > MAX_QUERY_CHARS) problems.push(`The query in the link was cut to ${MAX_QUERY_CHARS} characters.`);
  }
  const mode = params.get('mode');
  if (mode !== null) {
    if (isMode(mode)) state.mode = mode;
    else problems.push(`Unknown search mode in the link; using hybrid (modes: ${MODES.join(', ')}).`);
  }
  const theme = params.get('theme');
  if (theme !== null && theme !== '') {
    if (known.themes.includes(theme)) state.theme = theme;
    else problems.push('The link names a theme that does not exist; showing all themes.');
  }
  const focus = params.get('p');
  if (focus !== null && focus !== '') {
    if (CHUNK_ID.test(focus) && known.chunkIds.has(focus)) state.focus = focus;
    else problems.push('The link points to a paragraph that is not in these reports.');
  }
  const browse = params.get('browse');
  if (browse !== null && browse !== '') {
    // A report id; links made before reports had ids of their own name a year, which still works when it is unique.
    const byYear = known.reports.filter((r) => String(r.year) === browse);
    const found = known.reports.find((r) => r.id === browse) ?? (byYear.length === 1 ? byYear[0] : undefined);
    if (found) state.browse = found.id;
    else problems.push('The link asks to browse a report that is not here.');
  }
  state.pair = parsePair(search);
  if (state.pair && state.pair[0] === state.pair[1]) {
    problems.push('The link names the same report twice; showing the default pair.');
    state.pair = null;
  }
  if (state.view === 'pairs' && !state.focus) {
    state.view = 'search';
    problems.push('The link asks for the counterparts of a paragraph but names none; showing the overview.');
  }
  return { state, problems };
}

/** The query string for a view: defaults are left out so links stay short. */
export function formatState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.view !== DEFAULT_STATE.view) params.set('view', state.view);
  if (state.pair) {
    params.set('a', state.pair[0]);
    params.set('b', state.pair[1]);
  }
  if (state.query) params.set('q', state.query);
  if (state.mode !== DEFAULT_STATE.mode) params.set('mode', state.mode);
  if (state.theme) params.set('theme', state.theme);
  if (state.browse !== null) params.set('browse', state.browse);
  if (state.focus) params.set('p', state.focus);
  const s = params.toString();
  return s ? `?${s}` : '';
}
