import { fuse, type Fusion, type KeywordRanked, type Ranked } from './fuse.ts';
import { searchKeywords } from './keyword.ts';
import { isConfident } from './themes.ts';
import type { Chunk, Report } from './types.ts';
import { RELEVANCE_TUNING, TermWeights, type RelevanceTuning } from './relevance.ts';
import { foldForPhrase, type ReportIndex } from './reportIndex.ts';
import { indexTerms } from './terms.ts';

export const MODES = ['hybrid', 'keyword', 'semantic'] as const;
export type Mode = (typeof MODES)[number];

export const isMode = (value: unknown): value is Mode => MODES.includes(value as Mode);

/** Longer queries are cut: no question needs more, and the keyword index cost grows with every term. */
export const MAX_QUERY_CHARS = 1000;

export interface SearchTuning {
  /** Semantic matches below this similarity are not relevant enough to show as answers. */
  minSimilarity: number;
  /** Share of a paragraph's best sentence in its similarity; the rest is the whole paragraph's (semantic.ts). */
  sentenceWeight: number;
  /**
   * Paragraphs per report, closest as a whole first, whose sentences are scanned (semantic.ts): the scan of every
   * sentence is most of the cost of searching a whole library. `npm run eval` gives the same figures with 40 as with
   * every paragraph (hybrid 0.758 / 0.678 / 0.707 against 0.758 / 0.678 / 0.706); 25 loses a little (0.672 recall@5).
   */
  sentenceShortlist: number;
  /** How hybrid search combines the keyword and the semantic ranking. */
  fusion: Fusion;
  /** When a paragraph counts as an answer, not merely the closest one (relevance.ts). */
  relevance: RelevanceTuning;
}

/**
 * From the grid in scripts/tune.ts (`npm run tune` prints every setting's scores, on both halves of the questions; the
 * README, "Measured quality" and "How it is built", has the choice and the figures). A light keyword weight keeps a
 * paragraph that shares one common word from outranking the one that means the same; the blend beat reciprocal rank
 * fusion at every weight tried; the similarity floor keeps unrelated paragraphs out of the semantic column without
 * cutting answers. Query expansion with neighbouring words, which helped word vectors, no longer helped and was
 * removed.
 */
export const SEARCH_TUNING: SearchTuning = {
  minSimilarity: 0.2,
  sentenceWeight: 0.7,
  sentenceShortlist: 40,
  fusion: { method: 'blend', alpha: 0.2 },
  relevance: RELEVANCE_TUNING,
};

export interface SearchRequest {
  query: string;
  mode: Mode;
  /** Results per report. */
  k?: number;
  /** Restrict to one theme; with an empty query, browse that theme. */
  theme?: string | null;
  /** The embedded query, needed by semantic and hybrid modes. */
  queryVector?: Float32Array | null;
}

export interface SearchResult extends Chunk {
  score: number;
  /** Theme ids, primary first. */
  themes: string[];
  /** Index terms (stems) the chunk shares with the query, for highlighting. */
  matchedTerms: string[];
  /** Whether the paragraph clears the relevance bar (see relevance.ts), rather than being merely the closest. */
  relevant: boolean;
}

export interface ReportResults {
  report: Report;
  results: SearchResult[];
  /** False when no result clears the relevance bar: the report is silent on this, and its results are only the closest. */
  discussed: boolean;
}

export interface SearchResponse {
  query: string;
  mode: Mode;
  theme: string | null;
  reports: ReportResults[];
}

export function normaliseQuery(raw: string): { query: string; truncated: boolean } {
  const query = raw.replace(/\s+/g, ' ').trim();
  if (query.length <= MAX_QUERY_CHARS) return { query, truncated: false };
  return { query: query.slice(0, MAX_QUERY_CHARS).replace(/\s+\S*$/, ''), truncated: true };
}

/**
 * Rankings of each of a set of reports (a pair, a council's inspections over time, the whole library), each from the
 * report's own index. Only the term weights behind the relevance bar are shared by the set; they are combined from
 * each report's.
 */
export class SearchEngine {
  private readonly weights: TermWeights;

  constructor(
    readonly reports: readonly ReportIndex[],
    private readonly tuning: SearchTuning = SEARCH_TUNING,
  ) {
    this.weights = TermWeights.combine(reports.map((r) => r.weights));
  }

  /** Whether every report's vectors are ready: semantic and hybrid search need them. */
  get semanticReady(): boolean {
    return this.reports.every((r) => r.semantic !== null);
  }

  search(request: SearchRequest): SearchResponse {
    const { query } = normaliseQuery(request.query);
    const k = request.k ?? 10;
    const theme = request.theme ?? null;
    const { mode } = request;
    if (query && mode !== 'keyword') {
      if (!request.queryVector) throw new Error('semantic search needs the embedded query');
      if (!this.semanticReady) throw new Error('semantic search needs the embeddings, which are not ready');
    }
    const queryTerms = indexTerms(query);
    const phrase = foldForPhrase(query);
    const reports = this.reports.map((r) =>
      this.searchReport(r, { query, mode, k, theme, queryVector: request.queryVector ?? null }, queryTerms, phrase),
    );
    return { query, mode, theme, reports };
  }

  private searchReport(
    r: ReportIndex,
    { query, mode, k, theme, queryVector }: Required<SearchRequest>,
    queryTerms: string[],
    phrase: string,
  ): ReportResults {
    const keep = (i: number) => theme === null || hasTheme(r, i, theme);
    // A paragraph that holds the query word for word answers it, whatever the similarity says: its report is never
    // called silent, in any mode, and it is among the report's results.
    const phraseHits = new Set(
      phrase.trim() ? r.chunks.flatMap((c, i) => (r.folded[i]!.includes(phrase) && keep(i) ? [c.id] : [])) : [],
    );
    const similarity =
      query && mode !== 'keyword'
        ? r.semantic!.index.scores(queryVector!, this.tuning.sentenceWeight, this.tuning.sentenceShortlist)
        : null;
    const matched = new Map<string, string[]>();
    const relevant = new Set<string>(phraseHits);
    let ranking: Ranked[] = [];
    if (!query) {
      if (theme !== null) ranking = themeRanking(r, theme);
      for (const { id } of ranking) relevant.add(id);
    } else {
      // Hits share a handful of combinations of query words: each combination's coverage is worked out once.
      const coverageOf = new Map<string, number>();
      const keywordHits: KeywordRanked[] = [];
      if (mode !== 'semantic') {
        for (const hit of searchKeywords(r.keyword, query, (t) => this.weights.has(t))) {
          if (theme !== null && !keep(r.position(hit.id)!)) continue;
          const key = hit.queryTerms.join(' ');
          let coverage = coverageOf.get(key);
          if (coverage === undefined)
            coverageOf.set(key, (coverage = this.weights.coverage(queryTerms, new Set(hit.queryTerms))));
          keywordHits.push({ id: hit.id, score: hit.score, coverage });
          matched.set(hit.id, hit.terms);
          if (coverage >= this.tuning.relevance.minCoverage) relevant.add(hit.id);
        }
      }
      const semanticHits = new Map<string, number>();
      if (similarity) {
        const { minSimilarity, relevance } = this.tuning;
        for (let i = 0; i < similarity.length; i++) {
          const score = similarity[i]!;
          if (score >= minSimilarity && (theme === null || keep(i))) semanticHits.set(r.chunks[i]!.id, score);
          if (score >= relevance.minSimilarity) relevant.add(r.chunks[i]!.id);
        }
      }
      ranking =
        mode === 'keyword'
          ? keywordHits
          : mode === 'semantic'
            ? [...semanticHits].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score)
            : fuse(keywordHits, semanticHits, this.tuning.fusion);
    }
    const shown = ranking.slice(0, k);
    if (phraseHits.size && k > 0 && !shown.some(({ id }) => phraseHits.has(id))) {
      const first = [...phraseHits][0]!;
      const best = ranking.find(({ id }) => phraseHits.has(id)) ?? {
        id: first,
        score: similarity?.[r.position(first)!] ?? 0,
      };
      shown.splice(Math.min(shown.length, k - 1), 1, best);
    }
    const results = shown.map(({ id, score }) => {
      const i = r.position(id)!;
      return {
        ...r.chunks[i]!,
        score,
        themes: (r.semantic?.assignments[i] ?? []).map((t) => t.id),
        matchedTerms: matched.get(id) ?? [],
        relevant: relevant.has(id),
      };
    });
    return { report: r.report, results, discussed: results.some((x) => x.relevant) };
  }
}

/** The chunks of one report that belong to a theme, most typical first. */
export function themeRanking(r: ReportIndex, themeId: string): Ranked[] {
  const assignments = r.semantic?.assignments;
  if (!assignments) return [];
  return r.chunks
    .flatMap((chunk, i) => {
      const found = assignments[i]!.find((t) => t.id === themeId);
      return found && isConfident(assignments[i]!, themeId) ? [{ id: chunk.id, score: found.score }] : [];
    })
    .sort((a, b) => b.score - a.score);
}

function hasTheme(r: ReportIndex, i: number, themeId: string): boolean {
  const assignment = r.semantic?.assignments[i];
  return !!assignment && isConfident(assignment, themeId);
}
