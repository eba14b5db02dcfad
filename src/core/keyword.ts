import MiniSearch, { type Options, type Query, type SearchOptions, type SearchResult } from 'minisearch';
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

/** The reader's words and the phrases searched beside them, as one MiniSearch query. */
function keywordQuery(query: string, known: KnownTerm, also: AlsoSearched): Query {
  const w = also.weight;
  const phrases = also.phrases.map((p) => ({
    queries: [p],
    combineWith: 'AND' as const,
    // The reports' own phrases are whole words: no prefix matching of their last word.
    prefix: false,
    boost: { text: w * (SEARCH.boost?.['text'] ?? 1), section: w * (SEARCH.boost?.['section'] ?? 1) },
  }));
  return { queries: [query, ...phrases], ...prefixMatching(known) };
}

const hitOf = (r: SearchResult): KeywordHit => ({
  id: String(r.id),
  score: r.score,
  terms: r.terms,
  queryTerms: r.queryTerms,
});

/** Best keyword matches in an index (one report's), best first. */
export function searchKeywords(
  index: KeywordIndex,
  query: string,
  known: KnownTerm,
  also: AlsoSearched = NOTHING_ELSE,
): KeywordHit[] {
  return index.search(keywordQuery(query, known, also)).map(hitOf);
}

const NOTHING_ELSE: AlsoSearched = { phrases: [], weight: 0 };

interface LibraryChunk extends IndexedChunk {
  reportId: string;
}

const LIBRARY_OPTIONS: Options<LibraryChunk> = { ...OPTIONS, storeFields: ['reportId'] };

/** What the shared index keeps of each report it holds. */
interface HeldReport {
  /** Its paragraph ids, to discard them. */
  chunkIds: readonly string[];
  /** The hash of the text it was indexed from: a report whose text changed is indexed again. */
  textHash: string;
}

const isHeldReport = (value: unknown): value is HeldReport => {
  const v = value as Partial<HeldReport> | null;
  return !!v && Array.isArray(v.chunkIds) && typeof v.textHash === 'string';
};

/**
 * One keyword index of every report in the library, for a search of all of them: one search instead of one per
 * report, and the vocabulary held once (a report's own index repeats it). Reports are added and discarded in place.
 * A match's score weighs its words by how rare they are in the whole library, not in its own report; each report's
 * hits are still its own paragraphs, best first.
 */
export class LibraryKeywords {
  private constructor(
    private readonly index: MiniSearch<LibraryChunk>,
    private readonly held: Map<string, HeldReport>,
  ) {}

  static empty(): LibraryKeywords {
    return new LibraryKeywords(new MiniSearch<LibraryChunk>(LIBRARY_OPTIONS), new Map());
  }

  /** As `toJSON` wrote it; throws on anything else. */
  static fromJSON(json: string): LibraryKeywords {
    const { index, held } = JSON.parse(json) as { index: unknown; held: Record<string, unknown> };
    if (!held || typeof held !== 'object' || !Object.values(held).every(isHeldReport))
      throw new Error('not a library keyword index');
    return new LibraryKeywords(
      MiniSearch.loadJS(index as Parameters<typeof MiniSearch.loadJS>[0], LIBRARY_OPTIONS),
      new Map(Object.entries(held as Record<string, HeldReport>)),
    );
  }

  toJSON(): string {
    return JSON.stringify({ index: this.index, held: Object.fromEntries(this.held) });
  }

  /** The reports indexed. */
  reports(): string[] {
    return [...this.held.keys()];
  }

  holds(reportId: string): boolean {
    return this.held.has(reportId);
  }

  /** The hash of the text a report was indexed from; undefined for a report not held. */
  textHashOf(reportId: string): string | undefined {
    return this.held.get(reportId)?.textHash;
  }

  /** Indexes a report's paragraphs (its text's hash given), replacing those it had. */
  add(reportId: string, chunks: readonly Chunk[], textHash: string): void {
    this.discard(reportId);
    this.index.addAll(chunks.map((c) => ({ ...toIndexed(c), reportId })));
    this.held.set(reportId, { chunkIds: chunks.map((c) => c.id), textHash });
  }

  discard(reportId: string): void {
    for (const id of this.held.get(reportId)?.chunkIds ?? []) this.index.discard(id);
    this.held.delete(reportId);
  }

  /** Best keyword matches of every report, by report, best first. */
  search(query: string, known: KnownTerm, also: AlsoSearched = NOTHING_ELSE): Map<string, KeywordHit[]> {
    const byReport = new Map<string, KeywordHit[]>();
    for (const r of this.index.search(keywordQuery(query, known, also))) {
      const reportId = r['reportId'] as string;
      let hits = byReport.get(reportId);
      if (!hits) byReport.set(reportId, (hits = []));
      hits.push(hitOf(r));
    }
    return byReport;
  }
}
