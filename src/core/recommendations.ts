import { RECOMMENDATIONS_HEADING, TIMESCALE } from './reportPatterns.ts';
import { THEMES } from './taxonomy.ts';
import { isConfident, keywordHits, type ThemeAssignment } from './themes.ts';
import type { Chunk, Report } from './types.ts';

export interface Recommendation {
  id: string;
  reportId: string;
  year: number;
  text: string;
  /** "Immediately", "Within three months"...; null where the report gives none (2022). */
  timescale: string | null;
  /** The part of the report the recommendation belongs to (2012: safeguarding or looked after children). */
  part: string | null;
  themes: string[];
}

/**
 * A recommendation's themes: those its own words name (theme keywords) and those the general assignment is
 * confident about. One-line recommendations carry too little text for similarity alone; their keywords are what
 * tells "supervision records" apart from "written records".
 */
export function recommendationsOf(chunks: readonly Chunk[], assignments: readonly ThemeAssignment[]): Recommendation[] {
  return chunks.flatMap((chunk, i) => {
    if (chunk.kind !== 'recommendation') return [];
    const at = chunk.sectionPath.findIndex((h) => RECOMMENDATIONS_HEADING.test(h));
    const below = chunk.sectionPath[at + 1];
    const themes = THEMES.filter(
      (t) => keywordHits(chunk.text, t.keywords) > 0 || isConfident(assignments[i]!, t.id),
    ).map((t) => t.id);
    return [
      {
        id: chunk.id,
        reportId: chunk.reportId,
        year: chunk.year,
        text: chunk.text,
        timescale: below && TIMESCALE.test(below) ? below : null,
        part: at > 0 ? chunk.sectionPath[0]! : null,
        themes,
      },
    ];
  });
}

export interface RecommendationGroup {
  themeId: string;
  /** Recommendation ids per report, in report order. */
  byReport: string[][];
  /** Both reports ask for improvement on this theme. */
  recurring: boolean;
}

/** Recommendations side by side, grouped by theme; recurring concerns first, then the rest in taxonomy order. */
export function compareRecommendations(
  recommendations: readonly Recommendation[],
  reports: readonly Report[],
): RecommendationGroup[] {
  const groups = THEMES.map((t) => {
    const byReport = reports.map((r) =>
      recommendations.filter((x) => x.reportId === r.id && x.themes.includes(t.id)).map((x) => x.id),
    );
    return { themeId: t.id, byReport, recurring: byReport.every((ids) => ids.length > 0) };
  }).filter((g) => g.byReport.some((ids) => ids.length > 0));
  return [...groups.filter((g) => g.recurring), ...groups.filter((g) => !g.recurring)];
}
