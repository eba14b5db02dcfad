import { TermWeights } from './relevance.ts';
import type { Strength } from './search.ts';
import { termSequence } from './terms.ts';
import { isConfident, type ThemeAssignment } from './themes.ts';
import type { Chunk, Report } from './types.ts';

export interface Counterpart {
  id: string;
  similarity: number;
}

/**
 * Paragraph-to-paragraph similarity: the cosine of TF-IDF vectors of their stemmed words. Chosen on ten pairs judged
 * by reading (the pairs and the figures are in docs/quality.md, "Closest paragraphs"). The transformer's vectors rank the judged counterparts about as well, but cannot tell "no counterpart": the closest 2012
 * paragraphs to 2022's neglect, homeless 16-17-year-olds and asylum paragraphs, which 2012 never discusses, score as
 * high as judged pairs, while TF-IDF keeps them apart (below). So the similarity stays TF-IDF alone, which also needs
 * no model and works before it loads.
 */
export class ParagraphSimilarity {
  private readonly vectors: Map<string, number>[];

  constructor(readonly chunks: readonly Chunk[]) {
    const weights = TermWeights.of(chunks);
    this.vectors = chunks.map((c) => {
      const v = new Map<string, number>();
      for (const t of termSequence(c.text)) v.set(t, (v.get(t) ?? 0) + 1);
      let norm = 0;
      for (const [t, n] of v) {
        const x = n * weights.idf(t);
        v.set(t, x);
        norm += x * x;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [t, x] of v) v.set(t, x / norm);
      return v;
    });
  }

  between(i: number, j: number): number {
    const [a, b] =
      this.vectors[i]!.size <= this.vectors[j]!.size
        ? [this.vectors[i]!, this.vectors[j]!]
        : [this.vectors[j]!, this.vectors[i]!];
    let dot = 0;
    for (const [t, x] of a) dot += x * (b.get(t) ?? 0);
    return dot;
  }

  /** The paragraphs of another report closest to one paragraph, most similar first. */
  counterparts(chunkId: string, otherReportId: string, k: number): Counterpart[] {
    const i = this.chunks.findIndex((c) => c.id === chunkId);
    if (i === -1) throw new Error(`unknown paragraph ${chunkId}`);
    return this.chunks
      .flatMap((c, j) => (c.reportId === otherReportId ? [{ id: c.id, similarity: this.between(i, j) }] : []))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, k);
  }
}

/**
 * Two paragraphs of different reports say the same thing at or above this similarity: above the closest paragraphs
 * of a subject the other report never discusses, below nearly every judged pair (docs/quality.md, "Closest
 * paragraphs").
 */
export const MIN_COUNTERPART_SIMILARITY = 0.2;

/**
 * Two paragraphs' similarity in the words the search results use: a strong match at the bar above, where judged
 * pairs score, else not an answer. No bar for "possible" was measured, so none is shown.
 */
export const counterpartStrength = (similarity: number, bar = MIN_COUNTERPART_SIMILARITY): Strength =>
  similarity >= bar ? 'strong' : 'weak';

export interface ThemeRow {
  /** Paragraph ids, one per report in report order; null where the paragraph has no counterpart in that report. */
  ids: [string | null, string | null];
  /** Similarity of the paired paragraphs; null for a paragraph found in one report only. */
  similarity: number | null;
  /**
   * The other paragraph already stands in a closer pair: this paragraph is close to it too, so it is not "only in"
   * its report, but the pairing is one to one.
   */
  shared: boolean;
  /** How central the row is to the theme: the better theme score of its paragraphs. */
  relevance: number;
}

export interface ThemeComparison {
  themeId: string;
  rows: ThemeRow[];
}

/**
 * "Then and now" for one theme across two reports: pairs of theme paragraphs are taken greedily, most similar
 * first, while they are similar enough. A paragraph left over is shown beside its closest counterpart when that is
 * similar enough but already paired (`shared`), and is "only in" its report when nothing is. Rows follow relevance
 * to the theme, because the two reports follow different inspection frameworks and their own order says nothing
 * about each other.
 */
export function compareTheme(
  similarity: ParagraphSimilarity,
  assignments: readonly ThemeAssignment[],
  reports: readonly [Report, Report],
  themeId: string,
  minSimilarity = MIN_COUNTERPART_SIMILARITY,
): ThemeComparison {
  const { chunks } = similarity;
  const members = reports.map((report) =>
    chunks.flatMap((c, i) =>
      c.reportId === report.id && isConfident(assignments[i]!, themeId)
        ? [{ i, score: assignments[i]!.find((t) => t.id === themeId)!.score }]
        : [],
    ),
  );
  const [left, right] = members as [{ i: number; score: number }[], { i: number; score: number }[]];
  const candidates: { a: number; b: number; similarity: number }[] = [];
  left.forEach((x, a) =>
    right.forEach((y, b) => {
      const s = similarity.between(x.i, y.i);
      if (s >= minSimilarity) candidates.push({ a, b, similarity: s });
    }),
  );
  candidates.sort((p, q) => q.similarity - p.similarity);
  const pairedA = new Set<number>();
  const pairedB = new Set<number>();
  const rows: ThemeRow[] = [];
  for (const pair of candidates) {
    if (pairedA.has(pair.a) || pairedB.has(pair.b)) continue;
    pairedA.add(pair.a);
    pairedB.add(pair.b);
    const [x, y] = [left[pair.a]!, right[pair.b]!];
    rows.push({
      ids: [chunks[x.i]!.id, chunks[y.i]!.id],
      similarity: pair.similarity,
      shared: false,
      relevance: Math.max(x.score, y.score),
    });
  }
  // Candidates are sorted, so the first one naming an unpaired paragraph is its closest counterpart.
  const closest = (side: 'a' | 'b', n: number) => candidates.find((c) => c[side] === n);
  left.forEach((x, a) => {
    if (pairedA.has(a)) return;
    const c = closest('a', a);
    rows.push({
      ids: [chunks[x.i]!.id, c ? chunks[right[c.b]!.i]!.id : null],
      similarity: c?.similarity ?? null,
      shared: !!c,
      relevance: x.score,
    });
  });
  right.forEach((y, b) => {
    if (pairedB.has(b)) return;
    const c = closest('b', b);
    rows.push({
      ids: [c ? chunks[left[c.a]!.i]!.id : null, chunks[y.i]!.id],
      similarity: c?.similarity ?? null,
      shared: !!c,
      relevance: y.score,
    });
  });
  rows.sort((p, q) => q.relevance - p.relevance);
  return { themeId, rows };
}
