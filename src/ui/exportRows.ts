import { counterpartStrength, type ThemeComparison } from '../core/compare.ts';
import type { ExportRow } from '../core/exportView.ts';
import { isOn, type Recommendation, type RecurringPair } from '../core/recommendations.ts';
import { STRENGTH_LABELS, type SearchResponse } from '../core/search.ts';
import type { Chunk } from '../core/types.ts';
import { reportNames } from './reportNames.ts';
import { recurringNotes, type RecurringContext } from './recurringWords.ts';

export interface ExportContext {
  chunkById: ReadonlyMap<string, Chunk>;
  themeLabel: (id: string) => string;
  themesOf: (id: string) => readonly string[];
  /** Absolute link to one paragraph. */
  permalink: (id: string) => string;
  /** What the page calls a report (see reportNames). */
  reportName: (reportId: string) => string;
}

/** A paragraph not on screen (a search of every report) brings its own text and themes. */
function row(
  ctx: ExportContext,
  group: string,
  id: string,
  c: Chunk = ctx.chunkById.get(id)!,
  themes: readonly string[] = ctx.themesOf(id),
): ExportRow {
  return {
    group,
    report: ctx.reportName(c.reportId),
    year: c.year,
    paragraph: c.paragraph,
    recommendation: null,
    section: c.sectionPath.join(' › '),
    grade: c.grade ?? '',
    themes: themes.map(ctx.themeLabel).join(', '),
    strength: '',
    recurring: '',
    text: c.text,
    permalink: ctx.permalink(id),
  };
}

export function searchRows(ctx: ExportContext, response: SearchResponse): ExportRow[] {
  // A search of every report names reports that are not on screen.
  const names = reportNames(response.reports.map((r) => r.report));
  const named = { ...ctx, reportName: (id: string) => names.get(id)! };
  return response.reports.flatMap(({ report, results }) =>
    results.map((r) => ({
      ...row(named, names.get(report.id)!, r.id, r, r.themes),
      strength: STRENGTH_LABELS[r.strength],
    })),
  );
}

/** One group per row of the comparison, as on screen: a paragraph already exported in its pair is not repeated. */
/** `names`: what the page calls the left and the right report (see reportNames). */
export function themeRows(ctx: ExportContext, comparison: ThemeComparison, names: readonly string[]): ExportRow[] {
  const paired = new Set(comparison.rows.filter((r) => r.similarity !== null && !r.shared).flatMap((r) => r.ids));
  return comparison.rows.flatMap((r, i) => {
    const group =
      r.similarity === null
        ? `Only in ${r.ids[0] ? names[0] : names[1]}`
        : r.shared
          ? 'Also close to a paragraph paired above'
          : `Pair ${i + 1}`;
    const strength = r.similarity === null ? '' : STRENGTH_LABELS[counterpartStrength(r.similarity)];
    return r.ids.flatMap((id) => (id && !(r.shared && paired.has(id)) ? [{ ...row(ctx, group, id), strength }] : []));
  });
}

/**
 * The recommendations on screen, each once, grouped by report left to right as the columns show them: each with its
 * number in its report, its part and timescale (its section), its themes, and the recommendations of other reports that ask for it again.
 */
export function recommendationRows(
  ctx: ExportContext,
  recommendations: readonly Recommendation[],
  recurring: readonly RecurringPair[],
  recurringContext: RecurringContext,
  theme: string | null,
): ExportRow[] {
  return recommendations
    .filter((r) => isOn(r, theme))
    .map((r) => ({
      ...row(ctx, ctx.reportName(r.reportId), r.id, undefined, r.themes),
      recommendation: r.number,
      recurring: recurringNotes(recurringContext, r, recurring).join(' · '),
    }));
}
