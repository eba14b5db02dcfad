import { MODES, MAX_QUERY_CHARS, isMode, normaliseQuery, type Mode } from '../core/search.ts';
import { MAX_COLUMNS } from '../core/sideBySide.ts';

export const VIEWS = ['search', 'compare', 'recommendations', 'grades', 'pairs', 'library'] as const;
/** search: overview and results; compare: theme coverage, or one theme then and now; pairs: a paragraph's counterparts. */
export type View = (typeof VIEWS)[number];

/** Everything a view needs to be reopened from its address. */
export interface ViewState {
  view: View;
  query: string;
  mode: Mode;
  /** Whether the reports' words for the reader's everyday ones are searched too (`expand=0` in a link turns it off). */
  expand: boolean;
  theme: string | null;
  /** Chunk id of the paragraph the reader focused, e.g. `2012-p32`. */
  focus: string | null;
  /** The report being browsed section by section, by id. */
  browse: string | null;
  /** The reports side by side, left to right (two, or a council's inspections over time); null for the bundled pair. */
  reports: string[] | null;
  /** What a search covers: the reports side by side, or every report in the library. */
  scope: Scope;
}

export type Scope = 'selection' | 'library';

export const DEFAULT_STATE: ViewState = {
  view: 'search',
  query: '',
  mode: 'hybrid',
  expand: true,
  theme: null,
  focus: null,
  browse: null,
  reports: null,
  scope: 'selection',
};

export interface ParsedState {
  state: ViewState;
  /** What could not be used, in words for the reader. */
  problems: string[];
}

export interface Known {
  themes: readonly string[];
  chunkIds: { has(id: string): boolean };
  /** The reports on screen: a link may browse one, by id or (older links) by year. */
  reports: readonly { id: string; year: number }[];
}

/**
 * Chunk ids: `2012-p32` for bundled reports; for added ones `u` and 24 hex digits, or 8 for reports added before ids
 * were widened, then e.g. `-p12`. The number is the paragraph's own, or a block's count, however long the report: any
 * whole number JavaScript counts exactly.
 */
const CHUNK_ID = /^[a-z0-9]{4,25}-[a-z]\d{1,16}$/;
const REPORT_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function sameReports(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return a === b || (!!a && !!b && a.length === b.length && a.every((id, i) => id === b[i]));
}

/**
 * Reads only the reports a link puts side by side, before the reports themselves are known: `a` and `b` for a pair
 * (as links have always named it), `r=id,id,id` for more. Null for the default pair, also when the link's reports
 * cannot be used (parseState names why).
 */
export function parseReports(search: string): string[] | null {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return null;
  }
  return readReports(params).ids;
}

/** The reports a link names, or why they cannot be shown, in words for the reader. */
function readReports(params: URLSearchParams): { ids: string[] | null; problem: string | null } {
  const [a, b, r] = [params.get('a') || null, params.get('b') || null, params.get('r') || null];
  const ids = r ? r.split(',') : a || b ? [a, b].filter((id) => id !== null) : null;
  if (!ids) return { ids: null, problem: null };
  const problem =
    ids.length < 2
      ? 'The link names only one report to compare; showing the default pair.'
      : ids.length > MAX_COLUMNS
        ? `The link names ${ids.length} reports to compare, more than the ${MAX_COLUMNS} that fit side by side; showing the default pair.`
        : !ids.every((id) => REPORT_ID.test(id))
          ? 'The link names a report by an id no report can have; showing the default pair.'
          : new Set(ids).size < ids.length
            ? 'The link names the same report twice; showing the default pair.'
            : null;
  return problem ? { ids: null, problem } : { ids, problem: null };
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
    state.query = cutQuery(q);
    if (q.length > MAX_QUERY_CHARS) problems.push(`The query in the link was cut to ${MAX_QUERY_CHARS} characters.`);
  }
  const mode = params.get('mode');
  if (mode !== null) {
    if (isMode(mode)) state.mode = mode;
    else problems.push(`Unknown search mode in the link; using hybrid (modes: ${MODES.join(', ')}).`);
  }
  const expand = params.get('expand');
  if (expand === '0') state.expand = false;
  else if (expand !== null && expand !== '1')
    problems.push('The link has an unknown "expand" setting; everyday words are widened as usual.');
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
  const reports = readReports(params);
  state.reports = reports.ids;
  if (reports.problem) problems.push(reports.problem);
  const scope = params.get('scope');
  if (scope === 'library') state.scope = 'library';
  else if (scope !== null && scope !== '')
    problems.push('Unknown search scope in the link; searching the reports side by side.');
  if (state.view === 'pairs' && !state.focus) {
    state.view = 'search';
    problems.push('The link asks for the counterparts of a paragraph but names none; showing the overview.');
  }
  return { state, problems };
}

/**
 * A query as the address holds it: as typed, or, over the limit, as the search cut it, so a link stays short enough
 * for any host and opens the search that was made.
 */
const cutQuery = (query: string) => (query.length > MAX_QUERY_CHARS ? normaliseQuery(query).query : query);

/** The query string for a view: defaults are left out so links stay short. */
export function formatState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.view !== DEFAULT_STATE.view) params.set('view', state.view);
  if (state.reports?.length === 2) {
    params.set('a', state.reports[0]!);
    params.set('b', state.reports[1]!);
  } else if (state.reports) params.set('r', state.reports.join(','));
  if (state.scope !== DEFAULT_STATE.scope) params.set('scope', state.scope);
  if (state.query) params.set('q', cutQuery(state.query));
  if (state.mode !== DEFAULT_STATE.mode) params.set('mode', state.mode);
  if (!state.expand) params.set('expand', '0');
  if (state.theme) params.set('theme', state.theme);
  if (state.browse !== null) params.set('browse', state.browse);
  if (state.focus) params.set('p', state.focus);
  const s = params.toString();
  return s ? `?${s}` : '';
}
