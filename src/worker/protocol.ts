import type { Counterpart, ThemeComparison } from '../core/compare.ts';
import type { Recommendation, RecommendationGroup } from '../core/recommendations.ts';
import type { Mode, SearchResponse } from '../core/search.ts';
import type { Corpus } from '../core/types.ts';
import type { LibraryEntry, ReportDraft, ReportMeta } from './library.ts';

/** Theme metadata the page needs for labels, filters and the overview; seeds and keywords stay in the worker. */
export interface ThemeInfo {
  id: string;
  label: string;
  description: string;
}

export interface SearchQuery {
  query: string;
  mode: Mode;
  theme: string | null;
  /** Results per report. */
  k: number;
  /** The reports on screen, or every report in the library (grouped by report, those that discuss it first). */
  scope?: 'selection' | 'library';
}

export type CompareQuestion =
  | { kind: 'theme'; themeId: string }
  | { kind: 'counterparts'; chunkId: string; k: number }
  | { kind: 'recommendations' };

export type CompareAnswer =
  | { kind: 'theme'; comparison: ThemeComparison }
  | { kind: 'counterparts'; chunkId: string; counterparts: Counterpart[]; minSimilarity: number }
  | { kind: 'recommendations'; recommendations: Recommendation[]; groups: RecommendationGroup[] };

/** The reports shown side by side, by id, left to right: two (a pair) or more (a council's inspections over time). */
export type Selection = readonly string[];

export type LibraryOp =
  | { kind: 'inspect'; sourceName: string; text: string }
  | { kind: 'add'; sourceName: string; text: string; meta: ReportMeta }
  | { kind: 'delete'; reportId: string }
  | { kind: 'export' }
  | { kind: 'import'; json: string };

export type LibraryReply =
  | { kind: 'draft'; draft: ReportDraft }
  | { kind: 'added'; reportId: string }
  | { kind: 'deleted' }
  | { kind: 'exported'; json: string }
  | { kind: 'imported'; added: string[]; skipped: string[] };

export type Request =
  | { type: 'init'; siteBase: string; selection: Selection | null }
  | { type: 'select'; selection: Selection }
  | { type: 'library'; id: number; op: LibraryOp }
  | { type: 'compare'; id: number; question: CompareQuestion }
  | { type: 'search'; id: number; search: SearchQuery }
  /**
   * Loads the model and the semantic index. The page sends it once it has painted its first answer, so the model's
   * download and compilation never hold up keyword results, and again to retry after a failure.
   */
  | { type: 'start-semantic' }
  | { type: 'clear-storage'; id: number }
  /** Another tab added, deleted or imported reports (announced on a BroadcastChannel, not sent by the page). */
  | { type: 'library-changed' };

/** Where the semantic index came from: this device's storage, the site's prepared file, or embedding here. */
export type IndexSource = 'indexeddb' | 'bundled' | 'built';

export type SemanticState =
  | { phase: 'waiting' }
  | { phase: 'loading-model'; model: string; file: string; loaded: number; total: number }
  | { phase: 'embedding'; done: number; total: number }
  | { phase: 'ready'; source: IndexSource; model: string }
  | { phase: 'failed'; message: string };

/** Per chunk id, its theme ids (primary first). */
export type ThemeMap = Record<string, string[]>;

export type Event =
  | { type: 'corpus'; corpus: Corpus; themes: ThemeInfo[] }
  /** Every report this browser has; `selection` is on screen; `missing` names requested reports it lacks. */
  | { type: 'library'; reports: LibraryEntry[]; selection: Selection; defaultSelection: Selection; missing: string[] }
  | { type: 'reply'; id: number; reply: LibraryReply }
  | { type: 'semantic'; state: SemanticState }
  | { type: 'themes'; themes: ThemeMap }
  /** Something the reader should know that does not stop the app (storage unavailable, quota exceeded...). */
  | { type: 'notice'; message: string }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; response: SearchResponse; notice: string | null }
  | { type: 'compared'; id: number; answer: CompareAnswer }
  | { type: 'error'; id: number; message: string }
  | { type: 'cleared'; id: number };
