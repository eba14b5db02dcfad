import {
  SearchEngine,
  normaliseQuery,
  queryVectorFor,
  type ReportResults,
  type SearchResponse,
  type SearchResult,
} from '../core/search.ts';
import type { Chunk } from '../core/types.ts';
import type { Hit, SearchAnswer, SearchQuery } from './protocol.ts';
import type { ReportIndexCache } from './reportIndexCache.ts';
import type { ReportLibrary } from './reportLibrary.ts';
import { setKey, type ReportSets } from './reportSets.ts';
import { embedQuery, type ModelRunner } from './modelRunner.ts';
import type { SharedKeywords } from './sharedKeywords.ts';

/**
 * Answers searches of the reports on screen (those the question names), or of every report. Keyword search answers as soon as the reports'
 * keyword indexes are read; semantic search follows when the model and their vectors are ready, with keyword results
 * and a notice until then.
 */
export class SearchAnswers {
  /** Every report of the library, indexed: read from storage the first time, then held for the visit. */
  private libraryEngine: { key: string; engine: SearchEngine } | null = null;

  constructor(
    private readonly library: ReportLibrary,
    private readonly indexes: ReportIndexCache,
    private readonly sets: ReportSets,
    private readonly semantic: ModelRunner,
    /** The library's shared keyword index, kept in step with the library report by report. */
    private readonly sharedKeywords: SharedKeywords,
  ) {}

  async answer(search: SearchQuery): Promise<SearchAnswer> {
    const onScreen = await this.sets.get(search.reports);
    this.semantic.askedAbout(onScreen);
    const wholeLibrary = search.scope === 'library';
    const engine = wholeLibrary ? await this.wholeLibrary() : onScreen.engine;
    const embedder = this.semantic.embedder;
    const { query, truncated } = normaliseQuery(search.query);
    let mode = search.mode;
    let notice: string | null = truncated ? `The query was cut to its first ${query.length} characters.` : null;
    // A query needs the model to embed it; a theme list needs only the reports' vectors, which storage may hold.
    const needsVectors = mode !== 'keyword' || (!query && search.theme !== null);
    const needsModel = !!query && mode !== 'keyword';
    if ((needsVectors && !engine.semanticReady) || (needsModel && !embedder)) {
      const waiting = wholeLibrary && embedder ? engine.reports.filter((r) => !r.semantic).length : 0;
      if (query) {
        mode = 'keyword';
        notice = waiting
          ? libraryWaitNote(true, waiting, engine.reports.length)
          : `Searching by meaning is not ready yet, so these results contain your exact words.`;
      } else {
        notice = waiting
          ? libraryWaitNote(false, waiting, engine.reports.length)
          : 'Theme lists appear once searching by meaning is ready.';
      }
    }
    const plan = engine.plan(query, search.expand ?? true);
    const queryVector =
      query && mode !== 'keyword' && embedder
        ? await queryVectorFor(plan, (texts) => embedQuery(embedder, texts))
        : null;
    const start = performance.now();
    const response = engine.search(
      {
        query,
        mode,
        k: search.k,
        theme: search.theme,
        queryVector,
        expand: search.expand,
      },
      plan,
    );
    performance.measure('rank', { start });
    return toAnswer(wholeLibrary ? byRelevance(response) : response, new Set(onScreen.ids), notice);
  }

  private async wholeLibrary(): Promise<SearchEngine> {
    const ids = this.library.allIds();
    if (this.libraryEngine?.key !== setKey(ids)) {
      const reports = await Promise.all(ids.map((id) => this.indexes.get(id)));
      // In place: a report added or deleted since costs its own paragraphs, not the whole library's.
      const keywords = await this.sharedKeywords.inStepWith(
        reports.map((index) => ({ index, textHash: this.indexes.textHash(index.report.id) })),
      );
      this.libraryEngine = { key: setKey(ids), engine: new SearchEngine(reports, undefined, keywords) };
    }
    return this.libraryEngine.engine;
  }
}

/**
 * What a search of every report waits for, as a count that goes down while reports are prepared: a search of a query
 * by meaning (answered by exact words meanwhile), or a theme list. `waiting` is at least 1.
 */
export function libraryWaitNote(query: boolean, waiting: number, total: number): string {
  const still = `${waiting} of ${total} ${waiting === 1 ? 'is' : 'are'} still being prepared`;
  return query
    ? `Searching every report by meaning starts once every report is prepared for it; ${still}, so these results contain your exact words.`
    : `Theme lists of every report appear once every report is prepared for searching by meaning; ${still}.`;
}

/**
 * A search of every report, answered as which reports discuss it: those that do, best answer first, with their
 * paragraphs; then those that do not, named only (their closest paragraphs are not worth sending).
 */
function byRelevance(response: SearchResponse): SearchResponse {
  const best = (r: ReportResults) => Math.max(...r.results.filter((x) => x.relevant).map((x) => x.score));
  const discussed = response.reports
    .filter((r) => r.discussed)
    .sort((a, b) => best(b) - best(a) || b.report.year - a.report.year);
  const silent = response.reports.filter((r) => !r.discussed).map((r) => ({ ...r, results: [] }));
  return { ...response, reports: [...discussed, ...silent] };
}

/**
 * The answer as the page receives it on every keystroke: ranked ids, with the text only of paragraphs it does not
 * hold, those of reports not on screen.
 */
function toAnswer(response: SearchResponse, onScreen: ReadonlySet<string>, notice: string | null): SearchAnswer {
  const { query, mode, theme, expand, expansion, corrections, reports } = response;
  return {
    query,
    mode,
    theme,
    expand,
    expansion,
    corrections,
    reports: reports.map(({ report, results, discussed }) => ({ report, discussed, hits: results.map(hitOf) })),
    paragraphs: reports.flatMap(({ report, results }) => (onScreen.has(report.id) ? [] : results.map(paragraphOf))),
    notice,
  };
}

const hitOf = ({
  id,
  score,
  themes,
  matchedTerms,
  expansionTerms,
  sentence,
  relevant,
  strength,
}: SearchResult): Hit => ({ id, score, themes, matchedTerms, expansionTerms, sentence, relevant, strength });

const paragraphOf = ({ id, reportId, year, paragraph, kind, sectionPath, grade, text }: SearchResult): Chunk => ({
  id,
  reportId,
  year,
  paragraph,
  kind,
  sectionPath,
  grade,
  text,
});
