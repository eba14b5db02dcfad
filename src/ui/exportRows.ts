import { counterpartStrength, type ThemeComparison } from '../core/compare.ts';
import type { ExportRow } from '../core/exportView.ts';
import type { Recommendation, RecommendationGroup } from '../core/recommendations.ts';
import { STRENGTH_LABELS, type SearchResponse } from '../core/search.ts';
import type { Chunk } from '../core/types.ts';
import { reportNames } from './reportNames.ts';

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

export function recommendationRows(
  ctx: ExportContext,
  recommendations: readonly Recommendation[],
  groups: readonly RecommendationGroup[],
): ExportRow[] {
  const byId = new Map(recommendations.map((r) => [r.id, r]));
  /** Numbered in the order its report lists them: the report gives them no numbers of its own. */
  const number = new Map(
    recommendations.map((r) => [r.id, recommendations.filter((o) => o.reportId === r.reportId).indexOf(r) + 1]),
  );
  return groups.flatMap((g) => {
    const label = `${ctx.themeLabel(g.themeId)}${g.recurring ? ' (recurring concern)' : ''}`;
    return g.byReport.flat().map((id) => {
      const base = { ...row(ctx, label, id), recommendation: number.get(id) ?? null };
      const timescale = byId.get(id)?.timescale;
      return timescale ? { ...base, section: `${base.section} (${timescale})` } : base;
    });
  });
}
