import type { Recommendation, RecurringPair } from '../core/recommendations.ts';
import type { Report } from '../core/types.ts';

/** What a recommendation's notes need to know of the reports on screen. */
export interface RecurringContext {
  byId: ReadonlyMap<string, Recommendation>;
  reports: readonly Pick<Report, 'id' | 'council'>[];
  /** What the page calls a report (see reportNames). */
  nameOf: (reportId: string) => string;
}

const councilOf = (ctx: RecurringContext, reportId: string) => ctx.reports.find((r) => r.id === reportId)?.council;

/** "Again" and "before" say the same council asked twice; between councils, each was only also asked for. */
export function sameCouncil(ctx: RecurringContext, a: string, b: string): boolean {
  const council = councilOf(ctx, a);
  return !!council && council === councilOf(ctx, b);
}

/** A recommendation as a reader cites it: its report and its number there. */
export const referenceOf = (ctx: RecurringContext, rec: Recommendation): string =>
  `${ctx.nameOf(rec.reportId)}, recommendation ${rec.number}`;

/** One line per pair a recommendation is in, naming the other recommendation ("Asked for again in 2022, …"). */
export function recurringNotes(ctx: RecurringContext, rec: Recommendation, pairs: readonly RecurringPair[]): string[] {
  return pairs.flatMap((p) => {
    if (p.earlier !== rec.id && p.later !== rec.id) return [];
    const other = ctx.byId.get(p.earlier === rec.id ? p.later : p.earlier)!;
    const verb = !sameCouncil(ctx, rec.reportId, other.reportId)
      ? 'Also asked for in'
      : p.earlier === rec.id
        ? 'Asked for again in'
        : 'Asked for before in';
    return [`${verb} ${referenceOf(ctx, other)}`];
  });
}
