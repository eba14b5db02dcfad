import type { ReportResults, SearchResult } from './search.ts';
import { indexTerms } from './terms.ts';
import type { Chunk, Report } from './types.ts';

export interface RelevanceTuning {
  /** A semantic similarity at least this high counts as an answer on its own. */
  minSimilarity: number;
  /** Or the paragraph holds at least this share of the query's words, weighted by rarity (IDF). */
  minCoverage: number;
  /**
   * Or, from this similarity up, it is no more than `gap` below the best paragraph of all the reports searched
   * together: a report is judged against what the others say on the question, not by one fixed cosine.
   */
  floor: number;
  gap: number;
}

/** What made a paragraph rank, for the relevance bar. */
export interface Evidence {
  /** It holds the question word for word. */
  phrase: boolean;
  /** Share of the question's words it matched, weighted by rarity. */
  coverage: number;
  /** Similarity by meaning, or null in keyword mode. */
  similarity: number | null;
  /** Listed for a theme with no question: every paragraph listed belongs. */
  browsed: boolean;
}

/** One report's ranking before the relevance bar is applied across the reports searched together. */
export interface Searched {
  report: Report;
  results: { result: SearchResult; evidence: Evidence }[];
  /** Every paragraph's similarity to the question, or null without one. */
  similarities: Float32Array | null;
}

/**
 * The relevance bar, applied to the reports searched together. A report is silent on a question when none of its
 * paragraphs clears it; otherwise its paragraphs that clear it are strong matches and the others possible ones. A
 * silent report's paragraphs are still offered, as the closest, not as answers.
 */
export function judgeRelevance(searched: readonly Searched[], tuning: RelevanceTuning): ReportResults[] {
  let best = Number.NEGATIVE_INFINITY;
  for (const { similarities } of searched) if (similarities) for (const v of similarities) if (v > best) best = v;
  const bar = Math.max(tuning.floor, best - tuning.gap);
  const clears = ({ phrase, coverage, similarity, browsed }: Evidence) =>
    browsed ||
    phrase ||
    coverage >= tuning.minCoverage ||
    (similarity !== null && (similarity >= tuning.minSimilarity || similarity >= bar));
  return searched.map((s) => {
    const marked = s.results.map(({ result, evidence }) => ({ ...result, relevant: clears(evidence) }));
    const discussed = marked.some((r) => r.relevant);
    const results = marked.map((r) => ({
      ...r,
      strength: r.relevant ? ('strong' as const) : discussed ? ('possible' as const) : ('weak' as const),
    }));
    return { report: s.report, results, discussed };
  });
}

/**
 * Set with scripts/relevance-report.ts, which measures on tests/eval how many silent (question, report) pairs the bar
 * shows as silent and how many answers it wrongly hides; the figures are in docs/quality.md. The best
 * paragraphs are still ranked and offered when a report is called silent, only not presented as answers.
 */
export const RELEVANCE_TUNING: RelevanceTuning = { minSimilarity: 0.5, minCoverage: 0.6, floor: 0.3, gap: 0.15 };

/** Inverse document frequencies over the whole corpus, so a rare word ("homeless") outweighs a common one ("year"). */
export class TermWeights {
  private constructor(
    private readonly n: number,
    private readonly df: ReadonlyMap<string, number>,
  ) {}

  static of(chunks: readonly Chunk[]): TermWeights {
    const df = new Map<string, number>();
    for (const c of chunks)
      for (const t of indexTerms(`${c.sectionPath.join(' ')} ${c.text}`)) df.set(t, (df.get(t) ?? 0) + 1);
    return new TermWeights(chunks.length, df);
  }

  /** The weights of several reports' paragraphs together, from each report's own: what a search over them uses. */
  static combine(parts: readonly TermWeights[]): TermWeights {
    if (parts.length === 1) return parts[0]!;
    const df = new Map<string, number>();
    for (const part of parts) for (const [t, n] of part.df) df.set(t, (df.get(t) ?? 0) + n);
    return new TermWeights(
      parts.reduce((n, p) => n + p.n, 0),
      df,
    );
  }

  has(term: string): boolean {
    return this.df.has(term);
  }

  idf(term: string): number {
    return Math.log((this.n + 1) / ((this.df.get(term) ?? 0) + 0.5));
  }

  /** Share of the query's weight carried by the query terms a paragraph matched; 0 for a query with no terms. */
  coverage(queryTerms: readonly string[], matched: ReadonlySet<string>): number {
    let total = 0;
    let hit = 0;
    for (const t of queryTerms) {
      const w = this.idf(t);
      total += w;
      if (matched.has(t)) hit += w;
    }
    return total > 0 ? hit / total : 0;
  }
}
