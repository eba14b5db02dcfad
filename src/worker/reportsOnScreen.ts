import type { ParagraphSimilarity } from '../core/compare.ts';
import { corpusOf } from '../core/buildIndexes.ts';
import type { ReportIndex } from '../core/reportIndex.ts';
import { SearchEngine } from '../core/search.ts';
import { isSelection } from '../core/sideBySide.ts';
import { THEMES } from '../core/taxonomy.ts';
import type { Corpus } from '../core/types.ts';
import type { Event, Selection } from './protocol.ts';
import type { ReportIndexCache } from './reportIndexCache.ts';
import type { ReportLibrary } from './reportLibrary.ts';
import type { ModelRunner } from './modelRunner.ts';

/** The reports on screen, side by side, and what searching and comparing them needs. */
export interface Shown {
  ids: Selection;
  reports: ReportIndex[];
  corpus: Corpus;
  /** Reads each report's vectors as they arrive: semantic search needs no new engine. */
  readonly engine: SearchEngine;
  /** Made by the first comparison that needs it. */
  similarity: ParagraphSimilarity | null;
}

interface Parts {
  post: (event: Event) => void;
  indexes: ReportIndexCache;
  library: ReportLibrary;
  semantic: ModelRunner;
}

/**
 * Which reports are on screen. Putting reports side by side sends the page their paragraphs and the library, then
 * their themes once the model and their vectors are ready.
 */
export class ReportsOnScreen {
  private constructor(
    private readonly parts: Parts,
    private current: Shown,
  ) {}

  /**
   * The first reports a visit shows, valid and in the library; `missing` names those a link asked for that it lacks.
   * Semantic search waits for the page's 'start-semantic': the first answer is the keyword one.
   */
  static async open(parts: Parts, ids: Selection, missing: string[]): Promise<ReportsOnScreen> {
    const screen = new ReportsOnScreen(parts, await load(parts.indexes, ids));
    screen.announce(missing, false);
    return screen;
  }

  get shown(): Shown {
    return this.current;
  }

  /** Puts reports side by side: keyword search at once, semantic search when their vectors are ready. */
  async select(ids: Selection): Promise<void> {
    const { library, post } = this.parts;
    if (!isSelection(ids) || !ids.every((id) => library.exists(id))) {
      post({ type: 'notice', message: 'Those reports cannot be compared; showing the default pair.' });
      ids = library.defaultSelection();
    }
    this.current = await load(this.parts.indexes, ids);
    this.announce([], true);
  }

  /** Shows the library as it now is; a report on screen that is no longer in it gives way to the default pair. */
  async refresh(notice?: string): Promise<void> {
    const { library, post } = this.parts;
    if (this.current.ids.every((id) => library.exists(id))) return this.postLibrary([]);
    if (notice) post({ type: 'notice', message: notice });
    await this.select(library.defaultSelection());
  }

  startSemantic(): Promise<void> {
    return this.parts.semantic.start(this);
  }

  private announce(missing: string[], startSemantic: boolean): void {
    this.postLibrary(missing);
    const themes = THEMES.map(({ id, label, description }) => ({ id, label, description }));
    this.parts.post({ type: 'corpus', corpus: this.current.corpus, themes });
    this.parts.semantic.shown(this, startSemantic);
  }

  private postLibrary(missing: string[]): void {
    const { library, post } = this.parts;
    const [reports, defaultSelection] = [library.entries(), library.defaultSelection()];
    post({ type: 'library', reports, selection: this.current.ids, defaultSelection, missing });
  }
}

async function load(indexes: ReportIndexCache, ids: Selection): Promise<Shown> {
  const reports = await Promise.all(ids.map((id) => indexes.get(id)));
  return { ids: [...ids], reports, corpus: corpusOf(reports), engine: new SearchEngine(reports), similarity: null };
}
