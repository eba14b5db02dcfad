import { RELEVANCE_TUNING } from './relevance.ts';
import type { ReportIndex } from './reportIndex.ts';
import { RECOMMENDATIONS_HEADING, TIMESCALE } from './reportPatterns.ts';
import { THEMES } from './taxonomy.ts';
import { isConfident, keywordHits, type ThemeAssignment } from './themes.ts';
import type { Chunk, Report } from './types.ts';

export interface Recommendation {
  id: string;
  reportId: string;
  year: number;
  /** Its place in its report's list, from 1: the reports print their recommendations as bullets, not numbers. */
  number: number;
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
  const counts = new Map<string, number>();
  return chunks.flatMap((chunk, i) => {
    if (chunk.kind !== 'recommendation') return [];
    const at = chunk.sectionPath.findIndex((h) => RECOMMENDATIONS_HEADING.test(h));
    const below = chunk.sectionPath[at + 1];
    const themes = THEMES.filter(
      (t) => keywordHits(chunk.text, t.keywords) > 0 || isConfident(assignments[i]!, t.id),
    ).map((t) => t.id);
    const number = (counts.get(chunk.reportId) ?? 0) + 1;
    counts.set(chunk.reportId, number);
    return [
      {
        id: chunk.id,
        reportId: chunk.reportId,
        year: chunk.year,
        number,
        text: chunk.text,
        timescale: below && TIMESCALE.test(below) ? below : null,
        part: at > 0 ? chunk.sectionPath[0]! : null,
        themes,
      },
    ];
  });
}

/** A recommendation of an earlier report that a later one makes again. */
export interface RecurringPair {
  earlier: string;
  later: string;
  /** Cosine of the two recommendations' vectors. */
  similarity: number;
  /** The themes both are on, in taxonomy order. */
  themes: string[];
}

/**
 * Two recommendations ask for the same thing at or above this similarity by meaning: the bar at which search takes a
 * paragraph's similarity to a question as an answer on its own (RELEVANCE_TUNING). The earlier recommendation is the
 * question; a later one that would answer it that strongly asks for it again. Not fitted to the judged pairs
 * (docs/quality.md, "Recommendations asked for again", has the figures on them).
 */
export const RECURRING_SIMILARITY = RELEVANCE_TUNING.minSimilarity;

/**
 * Recommendations of an earlier report made again by a later one: similar by meaning and on a theme in common.
 * Similarity alone would pair items that share only the form of a recommendation ("ensure that... is recorded");
 * a theme alone pairs items that share only a field (recruiting a named GP, referral thresholds). Earlier is by
 * year, then left to right for reports of the same year. Pairs are many to many, as one later item often gathers
 * several earlier ones; they come in the earlier report's order, then the later one's.
 */
export function recurringPairs(
  recommendations: readonly Recommendation[],
  reports: readonly Pick<Report, 'id' | 'year'>[],
  similarity: (a: Recommendation, b: Recommendation) => number,
  minSimilarity = RECURRING_SIMILARITY,
): RecurringPair[] {
  const inTime = reports.map((r, column) => ({ ...r, column })).sort((a, b) => a.year - b.year || a.column - b.column);
  const byReport = inTime.map((r) => recommendations.filter((x) => x.reportId === r.id));
  const pairs: RecurringPair[] = [];
  byReport.forEach((earlier, i) => {
    for (const a of earlier)
      for (const later of byReport.slice(i + 1))
        for (const b of later) {
          const themes = a.themes.filter((t) => b.themes.includes(t));
          if (!themes.length) continue;
          const s = similarity(a, b);
          if (s >= minSimilarity) pairs.push({ earlier: a.id, later: b.id, similarity: s, themes });
        }
  });
  return pairs;
}

/**
 * The cosine of two recommendations' vectors, from their reports' own semantic indexes; null while a report's
 * vectors are not there yet (an added report before the model has embedded it).
 */
export function vectorSimilarity(
  reports: readonly ReportIndex[],
): ((a: Recommendation, b: Recommendation) => number) | null {
  if (reports.some((r) => !r.semantic)) return null;
  const byId = new Map(reports.map((r) => [r.report.id, r]));
  const place = (rec: Recommendation) => {
    const report = byId.get(rec.reportId)!;
    return { vectors: report.semantic!.index.chunks, row: report.position(rec.id)! };
  };
  return (a, b) => {
    const [x, y] = [place(a), place(b)];
    return x.vectors.similarity(x.row, y.vectors.row(y.row));
  };
}

/** How close a recurring pair is, in words: the upper half of the range above the bar is "very close". */
export function pairStrength(similarity: number, minSimilarity = RECURRING_SIMILARITY): string {
  return similarity >= (1 + minSimilarity) / 2 ? 'very close match' : 'close match';
}

/** Whether a recommendation is shown under a theme filter (null: all themes). */
export const isOn = (rec: Recommendation, theme: string | null): boolean =>
  theme === null || rec.themes.includes(theme);

/** Per theme, how many of the recommendations are on it: the themes with any, in taxonomy order. */
export function themeCounts(recommendations: readonly Recommendation[]): { themeId: string; count: number }[] {
  return THEMES.map((t) => ({
    themeId: t.id,
    count: recommendations.filter((r) => r.themes.includes(t.id)).length,
  })).filter((t) => t.count > 0);
}
