import { fuse, type Fusion, type Ranked } from './fuse.ts';
import { searchKeywords, type KeywordIndex } from './keyword.ts';
import { isConfident, type ThemeAssignment } from './themes.ts';
import type { Chunk, Corpus, Report } from './types.ts';
import type { SemanticIndex } from './semantic.ts';
import { RELEVANCE_TUNING, TermWeights, type RelevanceTuning } from './relevance.ts';
import { foldWords, indexTerms } from './terms.ts';

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

/** Text for phrase matching: its folded words, padded so that a phrase matches whole words only. */
const fold = (text: string) => ` ${foldWords(text)} `;

export function normaliseQuery(raw: string): { query: string; truncated: boolean } {
  const query = raw.replace(/\s+/g, ' ').trim();
  if (query.length <= MAX_QUERY_CHARS) return { query, truncated: false };
  return { query: query.slice(0, MAX_QUERY_CHARS).replace(/\s+\S*$/, ''), truncated: true };
}

/** Per-report rankings over one corpus, from a keyword index, chunk vectors and theme assignments. */
export class SearchEngine {
  private readonly position = new Map<string, number>();
  private readonly weights: TermWeights;
  /** Each chunk's text folded for phrase matching (see fold). */
  private readonly folded: string[];

  constructor(
    readonly corpus: Corpus,
    private readonly keyword: KeywordIndex,
    /** Null while embeddings are not ready (or the model failed): only keyword search is possible. */
    private readonly semantic: SemanticIndex | null,
    private readonly assignments: readonly ThemeAssignment[] | null,
    private readonly tuning: SearchTuning = SEARCH_TUNING,
  ) {
    corpus.chunks.forEach((c, i) => this.position.set(c.id, i));
    this.folded = corpus.chunks.map((c) => fold(c.text));
    this.weights = new TermWeights(corpus.chunks);
    if (semantic && semantic.chunks.rows !== corpus.chunks.length) throw new Error(`${semantic.chunks.rows} vectors for ${corpus.chunks.length} chunks`);
  }

  get semanticReady(): boolean {
    return this.semantic !== null;
  }

  search(request: SearchRequest): SearchResponse {
    const { query } = normaliseQuery(request.query);
    const k = request.k ?? 10;
    const theme = request.theme ?? null;
    const { mode } = request;
    const similarity = query && mode !== 'keyword' ? this.similarities(request.queryVector) : null;
    const queryTerms = indexTerms(query);
    const phrase = fold(query);
    // A paragraph that holds the query word for word answers it, whatever the similarity says: its report is never
    // called silent, in any mode, and it is among the report's results.
    const phraseHits = new Set(phrase.trim() ? this.corpus.chunks.filter((_, i) => this.folded[i]!.includes(phrase)).map((c) => c.id) : []);
    const reports = this.corpus.reports.map((report) => {
      const keep = (id: string) => this.chunk(id).reportId === report.id && (theme === null || this.hasTheme(id, theme));
      const phraseInReport = [...phraseHits].filter(keep);
      const matched = new Map<string, string[]>();
      const relevant = new Set<string>();
      let ranking: Ranked[] = [];
      if (!query) {
        if (theme !== null) ranking = this.themeRanking(theme, report.id);
        for (const { id } of ranking) relevant.add(id);
      } else {
        const keywordHits =
          mode === 'semantic'
            ? []
            : searchKeywords(this.keyword, query, report.id, Number.MAX_SAFE_INTEGER, (t) => this.weights.has(t))
                .filter((h) => keep(h.id))
                .map((h) => ({ ...h, coverage: this.weights.coverage(queryTerms, new Set(h.queryTerms)) }));
        for (const id of phraseInReport) relevant.add(id);
        for (const hit of keywordHits) {
          matched.set(hit.id, hit.terms);
          if (hit.coverage >= this.tuning.relevance.minCoverage) relevant.add(hit.id);
        }
        const semanticHits = new Map<string, number>();
        similarity?.forEach((score, i) => {
          const id = this.corpus.chunks[i]!.id;
          if (score >= this.tuning.minSimilarity && keep(id)) semanticHits.set(id, score);
          if (score >= this.tuning.relevance.minSimilarity) relevant.add(id);
        });
        ranking =
          mode === 'keyword'
            ? keywordHits
            : mode === 'semantic'
              ? [...semanticHits].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score)
              : fuse(keywordHits, semanticHits, this.tuning.fusion);
      }
      const shown = ranking.slice(0, k);
      if (phraseInReport.length && k > 0 && !shown.some(({ id }) => phraseHits.has(id))) {
        const best = ranking.find(({ id }) => phraseHits.has(id)) ?? { id: phraseInReport[0]!, score: similarity?.[this.position.get(phraseInReport[0]!)!] ?? 0 };
        shown.splice(Math.min(shown.length, k - 1), 1, best);
      }
      const results = shown.map(({ id, score }) => ({
        ...this.chunk(id),
        score,
        themes: (this.assignments?.[this.position.get(id)!] ?? []).map((t) => t.id),
        matchedTerms: matched.get(id) ?? [],
        relevant: relevant.has(id),
      }));
      return { report, results, discussed: results.some((r) => r.relevant) };
    });
    return { query, mode, theme, reports };
  }

  /** The chunks of one report that belong to a theme, most typical first. */
  themeRanking(themeId: string, reportId: string): Ranked[] {
    if (!this.assignments) return [];
    return this.corpus.chunks
      .flatMap((chunk, i) => {
        const found = this.assignments![i]!.find((t) => t.id === themeId);
        return chunk.reportId === reportId && found && isConfident(this.assignments![i]!, themeId) ? [{ id: chunk.id, score: found.score }] : [];
      })
      .sort((a, b) => b.score - a.score);
  }

  private similarities(queryVector: Float32Array | null | undefined): Float32Array {
    if (!this.semantic) throw new Error('semantic search needs the embeddings, which are not ready');
    if (!queryVector) throw new Error('semantic search needs the embedded query');
    return this.semantic.scores(queryVector, this.tuning.sentenceWeight);
  }

  private hasTheme(id: string, themeId: string): boolean {
    const assignment = this.assignments?.[this.position.get(id)!];
    return !!assignment && isConfident(assignment, themeId);
  }

  chunk(id: string): Chunk {
    const i = this.position.get(id);
    if (i === undefined) throw new Error(`unknown chunk ${id}`);
    return this.corpus.chunks[i]!;
  }
}
