import type { Counterpart, ThemeComparison } from '../core/compare.ts';
import type { Recommendation, RecommendationGroup } from '../core/recommendations.ts';
import type { Mode, SearchResponse } from '../core/search.ts';
import type { Corpus } from '../core/types.ts';

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
  k: number;
}

export type CompareQuestion =
  | { kind: 'theme'; themeId: string }
  | { kind: 'counterparts'; chunkId: string; k: number }
  | { kind: 'recommendations' };

export type CompareAnswer =
  | { kind: 'theme'; comparison: ThemeComparison }
  | { kind: 'counterparts'; chunkId: string; counterparts: Counterpart[]; minSimilarity: number }
  | { kind: 'recommendations'; recommendations: Recommendation[]; groups: RecommendationGroup[] };

export type Request =
  | { type: 'init'; siteBase: string }
  | { type: 'compare'; id: number; question: CompareQuestion }
  | { type: 'search'; id: number; search: SearchQuery }
  | { type: 'retry-semantic' }
  | { type: 'clear-storage'; id: number };

export type SemanticState =
  | { phase: 'waiting' }
  | { phase: 'loading-model'; file: string; loaded: number; total: number }
  | { phase: 'embedding'; done: number; total: number }
  | { phase: 'ready'; source: 'built' | 'indexeddb' }
  | { phase: 'failed'; message: string };

/** Per chunk id, its theme ids (primary first). */
export type ThemeMap = Record<string, string[]>;

export type Event =
  | { type: 'corpus'; corpus: Corpus; themes: ThemeInfo[] }
  | { type: 'semantic'; state: SemanticState }
  | { type: 'themes'; themes: ThemeMap }
  /** Something the reader should know that does not stop the app (storage unavailable, quota exceeded...). */
  | { type: 'notice'; message: string }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; response: SearchResponse; notice: string | null }
  | { type: 'compared'; id: number; answer: CompareAnswer }
  | { type: 'error'; id: number; message: string }
  | { type: 'cleared'; id: number };
