import { indexTerms } from './terms.ts';
import type { Chunk } from './types.ts';

export interface RelevanceTuning {
  /** A semantic similarity at least this high counts as an answer on its own. */
  minSimilarity: number;
  /** Or the paragraph holds at least this share of the query's words, weighted by rarity (IDF). */
  minCoverage: number;
}

/**
 * Measured with scripts/relevance-report.ts on the 144 (question, report) pairs of tests/eval, all-MiniLM-L6-v2, hybrid
 * mode: with 0.45 / 0.4, 8 of the 12 pairs where a report is silent are shown as silent, and 10 of the 132 pairs with
 * an answer are wrongly called silent (averaged GloVe vectors at 0.5 / 0.4: 8 and 13). The best paragraphs are still
 * ranked and offered in that case, only no longer presented as answers. 0.5 finds two more silent pairs for 12 more
 * answers lost (22); 0.4 finds only 4 of the 12.
 */
export const RELEVANCE_TUNING: RelevanceTuning = { minSimilarity: 0.45, minCoverage: 0.4 };

/** Inverse document frequencies over the whole corpus, so a rare word ("homeless") outweighs a common one ("year"). */
export class TermWeights {
  private readonly df = new Map<string, number>();
  private readonly n: number;

  constructor(chunks: readonly Chunk[]) {
    this.n = chunks.length;
    for (const c of chunks) for (const t of indexTerms(`${c.sectionPath.join(' ')} ${c.text}`)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
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
