import type { Chunk, Report } from '../core/types.ts';
import type { ThemeMap } from '../worker/protocol.ts';

export interface ThemeCoverage {
  /** Paragraphs of each report on the theme, keyed by report id. */
  counts: Record<string, number>;
  /** Grades of the sections those paragraphs sit in, most frequent first, per report id. */
  grades: Record<string, { grade: string; count: number }[]>;
}

/** "Grade 2 (good)" and "Good" read the same to a reader: compare grades by their words. */
export function gradeLabel(grade: string): string {
  const words = /\(([^)]+)\)/.exec(grade)?.[1] ?? grade;
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

export function themeCoverage(
  themeId: string,
  chunks: readonly Chunk[],
  reports: readonly Report[],
  themeMap: ThemeMap,
): ThemeCoverage {
  const counts: Record<string, number> = {};
  const gradeCounts: Record<string, Map<string, number>> = {};
  for (const r of reports) {
    counts[r.id] = 0;
    gradeCounts[r.id] = new Map();
  }
  for (const chunk of chunks) {
    if (!themeMap[chunk.id]?.includes(themeId)) continue;
    counts[chunk.reportId] = (counts[chunk.reportId] ?? 0) + 1;
    if (chunk.grade) {
      const g = gradeCounts[chunk.reportId]!;
      const label = gradeLabel(chunk.grade);
      g.set(label, (g.get(label) ?? 0) + 1);
    }
  }
  const grades: ThemeCoverage['grades'] = {};
  for (const [id, g] of Object.entries(gradeCounts))
    grades[id] = [...g].map(([grade, count]) => ({ grade, count })).sort((a, b) => b.count - a.count);
  return { counts, grades };
}

/** The paragraphs before and after a chunk in its own report. */
export type Context = { before: Chunk[]; after: Chunk[] };

/**
 * The paragraphs around each paragraph in its report, looked up by id in constant time and computed once per
 * paragraph: a card shown again for a new answer gets the very same object, so nothing of it is re-rendered.
 */
export function contextLookup(chunks: readonly Chunk[], radius = 1): (id: string) => Context {
  const position = new Map(chunks.map((c, i) => [c.id, i]));
  const known = new Map<string, Context>();
  return (id) => {
    let context = known.get(id);
    if (context) return context;
    const i = position.get(id);
    if (i === undefined) return { before: [], after: [] };
    const same = (c: Chunk) => c.reportId === chunks[i]!.reportId;
    context = {
      before: chunks.slice(Math.max(0, i - radius), i).filter(same),
      after: chunks.slice(i + 1, i + 1 + radius).filter(same),
    };
    known.set(id, context);
    return context;
  };
}
