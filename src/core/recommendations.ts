import { SEARCH_TUNING } from './search.ts';
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
 * A later recommendation's closest earlier one must be at least this similar by meaning: the floor below which search
 * shows no paragraph as related (SEARCH_TUNING), so a later item about something the earlier report never asked for
 * is paired with nothing.
 */
export const RECURRING_SIMILARITY = SEARCH_TUNING.minSimilarity;

/**
 * Recommendations of an earlier report that a later one makes again: for each later recommendation, the earlier
 * report's recommendation closest to it by meaning, when they are on a theme in common and above the floor.
 * By the closest, not by a fixed cosine: recommendations share a form ("ensure that... is recorded") that raises
 * every cosine between them: pairs judged different by reading reach 0.62, the one judged the same is at 0.36, so
 * no fixed bar tells them apart (docs/quality.md, "Recommendations asked for again"); which earlier
 * item a later one is closest to does not depend on that scale. The theme keeps a closest item on another subject
 * from counting, and a theme alone pairs items that share only a field (recruiting a named GP, referral thresholds).
 * Earlier is by year, then left to right for reports of the same year. An earlier item may be asked for again by
 * several later ones; pairs come in the earlier reports' order, then the later ones'.
 */
export function recurringPairs(
  recommendations: readonly Recommendation[],
  reports: readonly Pick<Report, 'id' | 'year'>[],
  similarity: (a: Recommendation, b: Recommendation) => number,
  minSimilarity = RECURRING_SIMILARITY,
): RecurringPair[] {
  const inTime = reports.map((r, column) => ({ ...r, column })).sort((a, b) => a.year - b.year || a.column - b.column);
  const byReport = inTime.map((r) => recommendations.filter((x) => x.reportId === r.id));
  const found: { pair: RecurringPair; order: number[] }[] = [];
  byReport.forEach((later, j) =>
    byReport.slice(0, j).forEach((earlier, i) => {
      for (const b of later) {
        let closest: { a: Recommendation; s: number } | null = null;
        for (const a of earlier) {
          const s = similarity(a, b);
          if (!closest || s > closest.s) closest = { a, s };
        }
        if (!closest || closest.s < minSimilarity) continue;
        const { a, s } = closest;
        const themes = a.themes.filter((t) => b.themes.includes(t));
        if (themes.length)
          found.push({
            pair: { earlier: a.id, later: b.id, similarity: s, themes },
            order: [i, a.number, j, b.number],
          });
      }
    }),
  );
  const before = (p: number[], q: number[]) => {
    const k = p.findIndex((x, n) => x !== q[n]);
    return k === -1 ? 0 : p[k]! - q[k]!;
  };
  return found.sort((p, q) => before(p.order, q.order)).map((f) => f.pair);
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

/** Whether a recommendation is shown under a theme filter (null: all themes). */
export const isOn = (rec: Recommendation, theme: string | null): boolean =>
  theme === null || rec.themes.includes(theme);

/**
 * Per theme, how many of the recommendations are on it: the themes with any, in the order given (the page has the
 * taxonomy's ids from the worker, so it need not hold the taxonomy itself).
 */
export function themeCounts(
  recommendations: readonly Recommendation[],
  themeIds: readonly string[],
): { themeId: string; count: number }[] {
  return themeIds
    .map((themeId) => ({ themeId, count: recommendations.filter((r) => r.themes.includes(themeId)).length }))
    .filter((t) => t.count > 0);
}
