/** A judged question: the report's own paragraph numbers that answer it, per report year. */
export interface JudgedQuestion {
  id: string;
  query: string;
  relevant: Record<string, number[]>;
  paraphrase: boolean;
}

export interface Scores {
  hitAt3: number;
  recallAt5: number;
  mrrAt10: number;
  /** Number of (question, report) pairs with at least one relevant paragraph. */
  pairs: number;
}

/** One report's ranking (paragraph numbers, best first) against that report's relevant paragraphs. */
export function scoreRanking(
  ranking: readonly (number | null)[],
  relevant: readonly number[],
): { hit3: number; recall5: number; rr10: number } {
  const isRelevant = (p: number | null) => p !== null && relevant.includes(p);
  const first = ranking.slice(0, 10).findIndex(isRelevant);
  return {
    hit3: ranking.slice(0, 3).some(isRelevant) ? 1 : 0,
    recall5: new Set(ranking.slice(0, 5).filter(isRelevant)).size / relevant.length,
    rr10: first === -1 ? 0 : 1 / (first + 1),
  };
}

/** Averages over (question, report) pairs that have something relevant; empty pairs cannot be hit. */
export function aggregate(rows: { hit3: number; recall5: number; rr10: number }[]): Scores {
  const n = rows.length || 1;
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0) / n;
  return {
    hitAt3: sum((r) => r.hit3),
    recallAt5: sum((r) => r.recall5),
    mrrAt10: sum((r) => r.rr10),
    pairs: rows.length,
  };
}
