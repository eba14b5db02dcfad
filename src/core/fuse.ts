export interface Ranked {
  id: string;
  score: number;
}

/** A keyword hit with how much of the query it matched (IDF-weighted share of the query's terms, 0 to 1). */
export interface KeywordRanked extends Ranked {
  coverage: number;
}

/** How hybrid search combines its two rankings; both are kept so scripts/tune.ts can measure one against the other. */
export type Fusion = { method: 'blend'; alpha: number } | { method: 'rrf'; k: number };

/**
 * Hybrid score: `alpha` times the keyword score scaled to the best keyword hit and weighted by the share of the query
 * it matched, plus the rest times the semantic similarity. Weighting by coverage is what lets an everyday question
 * be answered by meaning: a paragraph that shares one common word with it is the "best keyword hit" of a paraphrase,
 * yet matched a tenth of what was asked, so it no longer outranks the paragraph that means the same thing.
 */
export function blendScores(
  keyword: readonly KeywordRanked[],
  semantic: ReadonlyMap<string, number>,
  alpha: number,
): Ranked[] {
  const top = keyword[0]?.score ?? 0;
  const scaled = new Map(keyword.map((h) => [h.id, top > 0 ? (h.score / top) * h.coverage : 0]));
  const ids = new Set([...scaled.keys(), ...semantic.keys()]);
  return sortRanked(
    [...ids].map((id) => ({
      id,
      score: alpha * (scaled.get(id) ?? 0) + (1 - alpha) * Math.max(0, semantic.get(id) ?? 0),
    })),
  );
}

/** Reciprocal rank fusion (Cormack et al. 2009): each ranking adds 1 / (k + rank); scores are ignored. */
export function reciprocalRankFusion(
  keyword: readonly Ranked[],
  semantic: ReadonlyMap<string, number>,
  k: number,
): Ranked[] {
  const fused = new Map<string, number>();
  const add = (ranking: readonly Ranked[]) =>
    ranking.forEach(({ id }, rank) => fused.set(id, (fused.get(id) ?? 0) + 1 / (k + rank + 1)));
  add(keyword);
  add(sortRanked([...semantic].map(([id, score]) => ({ id, score }))));
  return sortRanked([...fused].map(([id, score]) => ({ id, score })));
}

export function fuse(
  keyword: readonly KeywordRanked[],
  semantic: ReadonlyMap<string, number>,
  fusion: Fusion,
): Ranked[] {
  return fusion.method === 'blend'
    ? blendScores(keyword, semantic, fusion.alpha)
    : reciprocalRankFusion(keyword, semantic, fusion.k);
}

/** Best first; ties by id, so equal scores always come out in the same order. */
function sortRanked(ranked: Ranked[]): Ranked[] {
  return ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}
