import { indexTerms } from './terms.ts';
import type { Chunk } from './types.ts';

export interface RelevanceTuning {
  /** A semantic similarity at least this high counts as an answer on its own. */
  minSimilarity: number;
  /** Or the paragraph holds at least this share of the query's words, weighted by rarity (IDF). */
  minCoverage: number;
}

/**
 * Set with scripts/relevance-report.ts, which measures on tests/eval how many silent (question, report) pairs the bar
 * shows as silent and how many answers it wrongly hides; the figures are in the README ("Measured quality"). The best
 * paragraphs are still ranked and offered when a report is called silent, only not presented as answers.
 */
export const RELEVANCE_TUNING: RelevanceTuning = { minSimilarity: 0.45, minCoverage: 0.4 };

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
