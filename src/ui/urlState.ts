import { MODES, MAX_QUERY_CHARS, isMode, type Mode } from '../core/search.ts';

export const VIEWS = ['search', 'compare', 'recommendations', 'grades', 'pairs'] as const;
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
  /** Year whose report is being browsed section by section. */
  browse: number | null;
}

export const DEFAULT_STATE: ViewState = { view: 'search', query: '', mode: 'hybrid', theme: null, focus: null, browse: null };

export interface ParsedState {
  state: ViewState;
  /** What could not be used, in words for the reader. */
  problems: string[];
}

export interface Known {
  themes: readonly string[];
  chunkIds: ReadonlySet<string>;
  years: readonly number[];
}

const CHUNK_ID = /^\d{4}-[a-z]\d{1,4}$/;

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
    const year = Number(browse);
    if (known.years.includes(year)) state.browse = year;
    else problems.push('The link asks to browse a report that is not here.');
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
  if (state.query) params.set('q', state.query);
  if (state.mode !== DEFAULT_STATE.mode) params.set('mode', state.mode);
  if (state.theme) params.set('theme', state.theme);
  if (state.browse !== null) params.set('browse', String(state.browse));
  if (state.focus) params.set('p', state.focus);
  const s = params.toString();
  return s ? `?${s}` : '';
}
