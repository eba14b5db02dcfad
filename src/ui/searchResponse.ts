import type { ReportResults, SearchResponse, SearchResult } from '../core/search.ts';
import type { Chunk } from '../core/types.ts';
import type { SearchAnswer } from '../worker/protocol.ts';

/** The paragraphs on screen by id: views and answers look them up on every render. */
export const paragraphsById = (chunks: readonly Chunk[]): ReadonlyMap<string, Chunk> =>
  new Map(chunks.map((c) => [c.id, c]));

/**
 * The worker's answer as the views show it, each ranked id with its paragraph: those of the reports on screen are
 * the page's already, those of other reports (a search of every report) came with the answer. Null when it names a
 * paragraph the page does not have: an answer about reports no longer on screen, which a newer one replaces.
 */
export function withParagraphs(answer: SearchAnswer, onScreen: ReadonlyMap<string, Chunk>): SearchResponse | null {
  const sent = new Map(answer.paragraphs.map((c) => [c.id, c]));
  const reports: ReportResults[] = [];
  for (const { report, hits, discussed } of answer.reports) {
    const results: SearchResult[] = [];
    for (const hit of hits) {
      const chunk = sent.get(hit.id) ?? onScreen.get(hit.id);
      if (!chunk) return null;
      results.push({ ...chunk, ...hit });
    }
    reports.push({ report, results, discussed });
  }
  return { query: answer.query, mode: answer.mode, theme: answer.theme, reports };
}
