import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { indexTerm, tokenize } from './terms.ts';
import type { Chunk } from './types.ts';

export interface KeywordHit {
  id: string;
  score: number;
  /** Index terms (stems) of the chunk that matched the query. */
  terms: string[];
  /** The query's own terms that found a match (exactly, by prefix or fuzzily). */
  queryTerms: string[];
}

interface IndexedChunk {
  id: string;
  text: string;
  section: string;
}

export type KeywordIndex = MiniSearch<IndexedChunk>;

const SEARCH: SearchOptions = {
  // Headings say what a whole section is about, but a paragraph that uses the words itself is the better answer.
  boost: { text: 1, section: 0.5 },
  combineWith: 'OR',
};

/** Whether the corpus has a term (stem): a query word the reports use is meant as written. */
export type KnownTerm = (term: string) => boolean;

/**
 * Prefix matching only for the last word, half-typed, and only when the reports do not use it as it stands: a complete
 * word must not turn into a longer one ("homes" into "homeless", "kids" into "kidnap"). Misspelt words are read as the
 * reports' words before searching (spelling.ts), not matched fuzzily.
 */
function prefixMatching(known: KnownTerm): Pick<SearchOptions, 'prefix'> {
  return { prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3 && !known(term) };
}

const OPTIONS: Options<IndexedChunk> = {
  fields: ['text', 'section'],
  tokenize,
  processTerm: indexTerm,
  searchOptions: SEARCH,
};

const toIndexed = (c: Chunk): IndexedChunk => ({ id: c.id, text: c.text, section: c.sectionPath.join(' / ') });

export function buildKeywordIndex(chunks: readonly Chunk[]): KeywordIndex {
  const index = new MiniSearch<IndexedChunk>(OPTIONS);
  index.addAll(chunks.map(toIndexed));
  return index;
}

export function serialiseKeywordIndex(index: KeywordIndex): string {
  return JSON.stringify(index);
}

export function loadKeywordIndex(json: string): KeywordIndex {
  return MiniSearch.loadJSON<IndexedChunk>(json, OPTIONS);
}

/** Phrases searched beside the reader's words, each as a whole (all its words), at a lower weight. */
export interface AlsoSearched {
  phrases: readonly string[];
  /** Share of a word's score when it is matched through a phrase rather than typed. */
  weight: number;
}

/** Best keyword matches in an index (one report's), best first. */
export function searchKeywords(
  index: KeywordIndex,
  query: string,
  known: KnownTerm,
  also: AlsoSearched = { phrases: [], weight: 0 },
): KeywordHit[] {
  const w = also.weight;
  const phrases = also.phrases.map((p) => ({
    queries: [p],
    combineWith: 'AND' as const,
    // The reports' own phrases are whole words: no prefix matching of their last word.
    prefix: false,
    boost: { text: w * (SEARCH.boost?.['text'] ?? 1), section: w * (SEARCH.boost?.['section'] ?? 1) },
  }));
  return index
    .search({ queries: [query, ...phrases], ...prefixMatching(known) })
    .map((r) => ({ id: String(r.id), score: r.score, terms: r.terms, queryTerms: r.queryTerms }));
}
