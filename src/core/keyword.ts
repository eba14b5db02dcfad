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
  reportId: string;
  text: string;
  section: string;
}

export type KeywordIndex = MiniSearch<IndexedChunk>;

const SEARCH: SearchOptions = {
  // Headings say what a whole section is about, but a paragraph that uses the words itself is the better answer.
  boost: { text: 1, section: 0.5 },
  combineWith: 'OR',
  // Only the last word can still be half-typed.
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
  fuzzy: (term) => (term.length >= 6 ? 0.15 : false),
};

const OPTIONS: Options<IndexedChunk> = {
  fields: ['text', 'section'],
  storeFields: ['reportId'],
  tokenize,
  processTerm: indexTerm,
  searchOptions: SEARCH,
};

const toIndexed = (c: Chunk): IndexedChunk => ({ id: c.id, reportId: c.reportId, text: c.text, section: c.sectionPath.join(' / ') });

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

/**
 * Best keyword matches within one report, best first. `expansions` are extra words, each with its own term boost
 * (below the 1 of the query's own words), matched exactly: they are spelled as the corpus spells them. They only
 * re-rank a report that the query's own words reach: a report that never uses those words must still read as not
 * discussing the subject, not show its nearest neighbour's paragraphs as the best keyword hits.
 */
export function searchKeywords(index: KeywordIndex, query: string, reportId: string, limit: number, expansions: ReadonlyMap<string, number> = new Map()): KeywordHit[] {
  const boosts = new Map<string, number>();
  for (const [word, boost] of expansions) {
    const term = indexTerm(word);
    if (term) boosts.set(term, Math.max(boost, boosts.get(term) ?? 0));
  }
  const extra = { queries: [[...expansions.keys()].join(' ')], prefix: false, fuzzy: false, boostTerm: (term: string) => boosts.get(term) ?? 0 };
  const results = index.search(boosts.size === 0 ? query : { combineWith: 'OR', queries: [query, extra] }, { filter: (r) => r['reportId'] === reportId });
  if (!results.some((r) => r.queryTerms.some((t) => !boosts.has(t)))) return [];
  return results.slice(0, limit).map((r) => ({ id: String(r.id), score: r.score, terms: r.terms, queryTerms: r.queryTerms }));
}
