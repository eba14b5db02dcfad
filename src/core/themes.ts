import { termSequence } from './terms.ts';
import type { Theme } from './taxonomy.ts';
import type { Chunk } from './types.ts';
import type { Vectors } from './vectors.ts';

export interface ThemeScore {
  id: string;
  score: number;
}

/** A chunk's themes, strongest first; the first is its primary theme. */
export type ThemeAssignment = ThemeScore[];

export interface ThemeTuning {
  /**
   * Added to a chunk's standardised similarity to a theme for each distinct theme keyword it contains, up to
   * `maxKeywordHits`: with `minScore` this makes the rule "keyword evidence or a high similarity", each keyword
   * lowering the similarity a chunk needs by `keywordBonus` standard deviations.
   */
  keywordBonus: number;
  maxKeywordHits: number;
  /** A theme is confidently assigned at this score; the primary theme is assigned to every chunk regardless. */
  minScore: number;
  maxThemes: number;
}

/**
 * Set with scripts/themes-report.ts. By similarity alone the closest chunks of a report that never discusses a theme
 * (2012 on homeless 16 and 17-year-olds, neglect or asylum) stay below `minScore`; each keyword's bonus lowers the
 * similarity a paragraph needs, and three suffice on their own: a paragraph naming three of a theme's terms discusses
 * it even when it is mostly about another. Re-measured on all-MiniLM-L6-v2 and kept (docs/quality.md, "Themes").
 */
export const THEME_TUNING: ThemeTuning = {
  keywordBonus: 1.75,
  maxKeywordHits: 3,
  minScore: 2.5,
  maxThemes: 3,
};

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** How many of a theme's keywords (stemmed, phrases as consecutive words) a text contains; keywords that stem alike count once. */
export function keywordHits(text: string, keywords: readonly string[]): number {
  const words = termSequence(text);
  const distinct = new Map(keywords.map((k) => termSequence(k)).map((s) => [s.join(' '), s]));
  return [...distinct.values()].filter((s) => containsRun(words, s)).length;
}

/**
 * How similar paragraphs are to a theme, on average and in spread, over a reference set of paragraphs. Raw cosines
 * sit high and close together, and each theme's centroid has its own baseline, so what marks a paragraph out is how
 * unusually similar it is compared with paragraphs in general. The reference is the bundled reports (see
 * themeReference in buildIndexes.ts): every report is measured with the same yardstick, so a report's themes do not
 * depend on which other reports it is shown with.
 */
export interface ThemeNorm {
  mean: number;
  sd: number;
}

export function themeNorms(reference: readonly Vectors[], themeVectors: readonly Float32Array[]): ThemeNorm[] {
  return themeVectors.map((v) => {
    const similarities = reference.flatMap((vectors) => [...vectors.similarities(v)]);
    const n = similarities.length;
    const mean = similarities.reduce((a, b) => a + b, 0) / n;
    return { mean, sd: Math.sqrt(similarities.reduce((a, b) => a + (b - mean) ** 2, 0) / n) };
  });
}

const standardise = (similarities: Float32Array, { mean, sd }: ThemeNorm) =>
  similarities.map((s) => (sd === 0 ? 0 : (s - mean) / sd));

/**
 * Assigns each chunk its themes from its standardised similarity to each theme's centroid plus keyword evidence.
 * `themeVectors[t]` is the unit centroid of theme t's seed phrases, in the order of `themes`, and `norms[t]` its
 * yardstick. A score is in standard deviations (plus keyword bonuses), so it ranks a theme's chunks and compares with
 * `minScore`, not with cosines.
 */
export function assignThemes(
  chunks: readonly Chunk[],
  chunkVectors: Vectors,
  themes: readonly Theme[],
  themeVectors: readonly Float32Array[],
  norms: readonly ThemeNorm[],
  tuning: ThemeTuning = THEME_TUNING,
): ThemeAssignment[] {
  const similarity = themeVectors.map((v, t) => standardise(chunkVectors.similarities(v), norms[t]!));
  return chunks.map((chunk, c) => {
    // Keywords are sought in the paragraph only: a heading such as "children in care and care leavers" spans several
    // themes and would lend every paragraph under it the same evidence. The embedding already has the heading.
    const scored = themes.map((theme, t) => ({
      id: theme.id,
      score:
        similarity[t]![c]! +
        tuning.keywordBonus * Math.min(keywordHits(chunk.text, theme.keywords), tuning.maxKeywordHits),
    }));
    scored.sort((a, b) => b.score - a.score);
    const [primary, ...rest] = scored;
    return [primary!, ...rest.filter((s) => s.score >= tuning.minScore).slice(0, tuning.maxThemes - 1)];
  });
}

/** Whether a chunk really belongs to a theme (not only as its least-bad primary theme). */
export function isConfident(assignment: ThemeAssignment, themeId: string, tuning: ThemeTuning = THEME_TUNING): boolean {
  const found = assignment.find((t) => t.id === themeId);
  return !!found && found.score >= tuning.minScore;
}
