import type { Marks } from '../core/highlight.ts';
import type { ReportResults, SearchResponse, SearchResult } from '../core/search.ts';
import type { Chunk } from '../core/types.ts';
import type { SearchAnswer } from '../worker/protocol.ts';

/** The paragraphs on screen by id: views and answers look them up on every render. */
export const paragraphsById = (chunks: readonly Chunk[]): ReadonlyMap<string, Chunk> =>
  new Map(chunks.map((c) => [c.id, c]));

/**
 * The worker's answer as the views show it, each ranked id with its paragraph: those of the reports on screen are
 * the page's already, those of other reports (a search of every report) came with the answer.
 */
export function withParagraphs(answer: SearchAnswer, onScreen: ReadonlyMap<string, Chunk>): SearchResponse {
  const sent = new Map(answer.paragraphs.map((c) => [c.id, c]));
  const reports: ReportResults[] = [];
  for (const { report, hits, discussed } of answer.reports) {
    const results: SearchResult[] = [];
    for (const hit of hits) {
      const chunk = sent.get(hit.id) ?? onScreen.get(hit.id);
      if (!chunk) throw new Error(`the answer names paragraph ${hit.id}, which it neither sent nor is on screen`);
      results.push({ ...chunk, ...hit });
    }
    reports.push({ report, results, discussed });
  }
  const { query, mode, theme, expand, expansion, corrections } = answer;
  return { query, mode, theme, expand, expansion, corrections, reports };
}

/**
 * What a card marks: the words that matched, those matched through the expansion apart, and the sentence that
 * matched by meaning. A paragraph found by meaning alone still marks any word of the question it holds.
 */
export function marksOf(result: SearchResult, queryTerms: readonly string[]): Marks {
  return {
    terms: result.matchedTerms.length || result.expansionTerms.length ? result.matchedTerms : queryTerms,
    also: result.expansionTerms,
    sentence: result.sentence,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A column's count, honest about strength: "2 strong matches, 8 possible", best first. */
export function matchCount(results: readonly SearchResult[]): string {
  const strong = results.filter((r) => r.strength === 'strong').length;
  const possible = results.length - strong;
  if (!possible) return `${plural(strong, 'strong match', 'strong matches')}, best first`;
  if (!strong) return `${plural(possible, 'possible match', 'possible matches')}, best first`;
  return `${plural(strong, 'strong match', 'strong matches')}, ${possible} possible, best first`;
}

/**
 * The themes a question is closest to, read from the themes of its strong matches: each strong match gives its first
 * theme 1 / its rank, so the themes the best answers of every report share come first. At most two, and only themes
 * that at least two strong matches share, so one stray paragraph does not suggest a theme.
 */
export function closestThemes(response: SearchResponse, limit = 2): string[] {
  const score = new Map<string, { weight: number; count: number }>();
  for (const { results } of response.reports)
    results.forEach((r, rank) => {
      const theme = r.themes[0];
      if (r.strength !== 'strong' || !theme) return;
      const s = score.get(theme) ?? { weight: 0, count: 0 };
      score.set(theme, { weight: s.weight + 1 / (rank + 1), count: s.count + 1 });
    });
  return [...score]
    .filter(([, s]) => s.count >= 2)
    .sort((a, b) => b[1].weight - a[1].weight || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([id]) => id);
}

/** A change to a search that the line on how it was read offers: the corrected query, or the expansion off or on. */
export interface ReadingChange {
  query?: string;
  expand?: boolean;
}
