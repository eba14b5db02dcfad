import { indexTerm, tokenize } from './terms.ts';
import type { Theme } from './taxonomy.ts';
import type { Chunk } from './types.ts';
import type { VectorMatrix } from './vectors.ts';

export interface ThemeScore {
  id: string;
  score: number;
}

/** A chunk's themes, strongest first; the first is its primary theme. */
export type ThemeAssignment = ThemeScore[];

export interface ThemeTuning {
  /** Added to the cosine similarity for each distinct theme keyword found, up to `maxKeywordHits`. */
  keywordBonus: number;
  maxKeywordHits: number;
  /** A theme needs this score to be assigned at all (besides the primary theme, which every chunk gets). */
  minScore: number;
  /** A secondary theme needs at least this share of the primary theme's score. */
  secondaryShare: number;
  maxThemes: number;
  /** Without any keyword evidence a theme needs this similarity: embeddings alone blur neighbouring themes. */
  minSimilarityWithoutKeywords: number;
}

export const THEME_TUNING: ThemeTuning = {
  keywordBonus: 0.12,
  maxKeywordHits: 3,
  minScore: 0.3,
  secondaryShare: 0.75,
  maxThemes: 3,
  minSimilarityWithoutKeywords: 0.45,
};

const stems = (text: string): string[] => tokenize(text).flatMap((w) => indexTerm(w) ?? []);

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** How many of a theme's keywords (stemmed; phrases as consecutive words) a text contains. */
export function keywordHits(text: string, keywords: readonly string[]): number {
  const words = stems(text);
  return keywords.filter((k) => containsRun(words, stems(k))).length;
}

/**
 * Assigns each chunk its themes from embedding similarity to the theme's centroid, plus keyword evidence.
 * `themeVectors[t]` is the unit centroid of theme t's seed phrases, in the order of `themes`.
 */
export function assignThemes(
  chunks: readonly Chunk[],
  chunkVectors: VectorMatrix,
  themes: readonly Theme[],
  themeVectors: readonly Float32Array[],
  tuning: ThemeTuning = THEME_TUNING,
): ThemeAssignment[] {
  const similarity = themeVectors.map((v) => chunkVectors.similarities(v));
  return chunks.map((chunk, c) => {
    const text = `${chunk.sectionPath.join(' ')} ${chunk.text}`;
    const scored = themes.map((theme, t) => {
      const cos = similarity[t]![c]!;
      const hits = Math.min(keywordHits(text, theme.keywords), tuning.maxKeywordHits);
      return { id: theme.id, score: cos + tuning.keywordBonus * hits, cos, hits };
    });
    scored.sort((a, b) => b.score - a.score);
    const primary = scored[0]!;
    const rest = scored
      .slice(1)
      .filter(
        (s) =>
          s.score >= tuning.minScore &&
          s.score >= primary.score * tuning.secondaryShare &&
          (s.hits > 0 || s.cos >= tuning.minSimilarityWithoutKeywords),
      )
      .slice(0, tuning.maxThemes - 1);
    return [primary, ...rest].map(({ id, score }) => ({ id, score }));
  });
}

/** Whether a chunk really belongs to a theme (not only as its least-bad primary theme). */
export function isConfident(assignment: ThemeAssignment, themeId: string, tuning: ThemeTuning = THEME_TUNING): boolean {
  const found = assignment.find((t) => t.id === themeId);
  return !!found && found.score >= tuning.minScore;
}
