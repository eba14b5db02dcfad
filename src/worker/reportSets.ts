import type { ParagraphSimilarity } from '../core/compare.ts';
import { corpusOf } from '../core/buildIndexes.ts';
import type { ReportIndex } from '../core/reportIndex.ts';
import { SearchEngine } from '../core/search.ts';
import type { Corpus } from '../core/types.ts';
import type { Selection } from './protocol.ts';
import type { ReportIndexCache } from './reportIndexCache.ts';
import type { ReportLibrary } from './reportLibrary.ts';

/** One string per list of report ids, in order: ids hold no spaces. */
export const setKey = (ids: readonly string[]) => ids.join(' ');

/** Reports side by side, as a question names them, and what searching and comparing them needs. */
export interface ReportSet {
  ids: Selection;
  /** `setKey(ids)`: two sets are of the same reports when their keys are equal. */
  key: string;
  reports: ReportIndex[];
  corpus: Corpus;
  /** Reads each report's vectors as they arrive: semantic search needs no new engine. */
  readonly engine: SearchEngine;
  /** Made by the first comparison that needs it. */
  similarity: ParagraphSimilarity | null;
}

/** Enough for the views a reader goes back and forth between. */
const KEPT = 4;

/**
 * The sets of reports the page has asked about lately, by their ids: each question names its reports, and the
 * questions typed into one view name the same ones, so their engine is made once, over the cached indexes.
 */
export class ReportSets {
  private readonly kept = new Map<string, Promise<ReportSet>>();

  constructor(
    private readonly indexes: ReportIndexCache,
    private readonly library: ReportLibrary,
  ) {}

  /** The reports named, left to right; refused when one is no longer in the library (deleted, maybe in another tab). */
  get(ids: Selection): Promise<ReportSet> {
    const gone = ids.filter((id) => !this.library.exists(id));
    if (gone.length) return Promise.reject(new Error(`${gone.join(', ')} is no longer in the library.`));
    const key = setKey(ids);
    let set = this.kept.get(key);
    if (!set) {
      set = load(this.indexes, ids);
      set.catch(() => this.kept.delete(key));
    } else this.kept.delete(key);
    this.kept.set(key, set);
    for (const old of [...this.kept.keys()].slice(0, -KEPT)) this.kept.delete(old);
    return set;
  }

  /** The set asked about last, if any: the one on screen. */
  latest(): Promise<ReportSet> | undefined {
    return [...this.kept.values()].at(-1);
  }

  /** After the library changes: a report deleted and added again is read afresh. */
  clear(): void {
    this.kept.clear();
  }
}

async function load(indexes: ReportIndexCache, ids: Selection): Promise<ReportSet> {
  const reports = await Promise.all(ids.map((id) => indexes.get(id)));
  return {
    ids: [...ids],
    key: setKey(ids),
    reports,
    corpus: corpusOf(reports),
    engine: new SearchEngine(reports),
    similarity: null,
  };
}
