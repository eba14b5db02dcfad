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
 * Prefix and typo matching only for words the reports do not use as they stand. A complete word must not turn into a
 * longer or nearby one ("homes" into "homeless", "kids" into "kidnap"): that is how an everyday question used to match
 * paragraphs that only shared a fragment of a word. Only the last word can still be half-typed.
 */
function looseMatching(known: KnownTerm): Pick<SearchOptions, 'prefix' | 'fuzzy'> {
  return {
    prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3 && !known(term),
    fuzzy: (term) => (term.length >= 6 && !known(term) ? 0.15 : false),
  };
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

/** Best keyword matches in an index (one report's), best first. */
export function searchKeywords(index: KeywordIndex, query: string, known: KnownTerm): KeywordHit[] {
  return index
    .search({ queries: [query], ...looseMatching(known) })
    .map((r) => ({ id: String(r.id), score: r.score, terms: r.terms, queryTerms: r.queryTerms }));
}
