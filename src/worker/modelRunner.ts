import type { EmbedProgress } from '../core/buildIndexes.ts';
import type { Embedder, ModelConfig } from '../embed/embedder.ts';
import type { FileProgress } from '../embed/modelFetch.ts';
import type { ServiceDeps } from './deps.ts';
import { messageOf } from './errors.ts';
import type { Event, IndexSource, ThemeMap } from './protocol.ts';
import type { ReportIndexCache } from './reportIndexCache.ts';
import type { ReportLibrary } from './reportLibrary.ts';
import type { Shown } from './reportsOnScreen.ts';

/** Whichever reports are on screen when a run reaches them: a run for reports no longer shown says nothing. */
interface Screen {
  readonly shown: Shown;
}

/**
 * The model and what it is run on: loaded once, it embeds the reports on screen, then, in the background, the rest
 * of the library, so that a search of every report can be by meaning. Failures leave keyword search working and are
 * reported.
 */
export class ModelRunner {
  private loaded: Embedder | null = null;
  private run: Promise<void> | null = null;
  /** Embedding the rest of the library for library-wide search, after the reports on screen. */
  private libraryRun: Promise<void> | null = null;

  constructor(
    private readonly deps: Pick<ServiceDeps, 'post' | 'loadEmbedder'>,
    private readonly model: ModelConfig,
    private readonly indexes: ReportIndexCache,
    private readonly library: ReportLibrary,
  ) {}

  /** Null until the model is loaded: queries are embedded by it. */
  get embedder(): Embedder | null {
    return this.loaded;
  }

  /** Whether semantic search of these reports needs nothing more: the model is loaded and each has its vectors. */
  private readyFor(shown: Shown): boolean {
    return this.loaded !== null && shown.reports.every((r) => r.semantic);
  }

  /** Reports just put on screen: their themes at once when the model and their vectors are ready, else a run. */
  shown(screen: Screen, start: boolean): void {
    const { shown } = screen;
    if (this.readyFor(shown)) this.postThemes(screen, shown, 'indexeddb');
    else if (start) void this.start(screen);
  }

  /** Loads the model and the vectors of the reports on screen. */
  start(screen: Screen): Promise<void> {
    const { shown } = screen;
    if (this.readyFor(shown)) return Promise.resolve();
    // One run at a time: a run still busy with reports no longer shown is followed by one for those on screen.
    if (this.run) return this.run.then(() => this.start(screen));
    this.run = this.embedShown(screen, shown).finally(() => {
      this.run = null;
    });
    return this.run;
  }

  private async embedShown(screen: Screen, shown: Shown): Promise<void> {
    const post = (event: Event) => {
      if (screen.shown === shown) this.deps.post(event);
    };
    let embedder: Embedder;
    try {
      embedder = this.loaded ??= await this.load();
    } catch (error) {
      const message = `The language model could not be loaded (${messageOf(error)}). Keyword search still works.`;
      post({ type: 'semantic', state: { phase: 'failed', message } });
      return;
    }
    const sources: IndexSource[] = [];
    try {
      for (const report of shown.reports) {
        const progress = (p: EmbedProgress) => post({ type: 'semantic', state: { phase: 'embedding', ...p } });
        sources.push(await this.indexes.embed(report, embedder, progress));
      }
    } catch (error) {
      const message = `The paragraphs could not be embedded (${messageOf(error)}). Keyword search still works.`;
      post({ type: 'semantic', state: { phase: 'failed', message } });
      return;
    }
    const source = (['built', 'bundled', 'indexeddb'] as const).find((s) => sources.includes(s)) ?? 'indexeddb';
    this.postThemes(screen, shown, source);
    this.libraryRun ??= this.embedLibrary(embedder).finally(() => (this.libraryRun = null));
  }

  private postThemes(screen: Screen, shown: Shown, source: IndexSource): void {
    if (screen.shown !== shown) return;
    const themes: ThemeMap = {};
    for (const r of shown.reports) {
      r.chunks.forEach((c, i) => (themes[c.id] = r.semantic?.assignments[i]?.map((t) => t.id) ?? []));
    }
    this.deps.post({ type: 'themes', themes });
    this.deps.post({ type: 'semantic', state: { phase: 'ready', source, model: this.model.label } });
  }

  private async load(): Promise<Embedder> {
    const post = (event: Event) => this.deps.post(event);
    const label = this.model.label;
    post({ type: 'semantic', state: { phase: 'loading-model', model: label, file: '', loaded: 0, total: 0 } });
    // Files download in parallel; the reader wants one figure for the whole model.
    const files = new Map<string, FileProgress>();
    const start = performance.now();
    const embedder = await this.deps.loadEmbedder(this.model, (p) => {
      files.set(p.file, p);
      let loaded = 0;
      let total = 0;
      for (const f of files.values()) {
        loaded += f.loaded;
        total += f.total;
      }
      // One file of unknown size (a compressing host) makes the whole unknown: a total that is too small would lie.
      if ([...files.values()].some((f) => f.total === 0)) total = 0;
      post({ type: 'semantic', state: { phase: 'loading-model', model: label, file: p.file, loaded, total } });
    });
    performance.measure('load-model', { start });
    // A session's first run costs three to four times a later one (measured 48-80 ms against 15-20 ms): paid
    // here, before semantic search is offered, not on the reader's first question.
    const warmStart = performance.now();
    await embedder.embed(['warm up'], 'query');
    performance.measure('warm-up', { start: warmStart });
    // A turn of the event loop before each batch: a search the reader sends meanwhile is answered (with keyword
    // results) at once, not after the whole report. onnxruntime's runs resolve without one, so without this a
    // 5,000-paragraph report kept every search waiting for minutes.
    return {
      model: embedder.model,
      dim: embedder.dim,
      dispose: () => embedder.dispose(),
      embed: async (texts, kind) => {
        if (kind === 'passage') await new Promise((resolve) => setTimeout(resolve));
        return embedder.embed(texts, kind);
      },
    };
  }

  /**
   * Gives every report of the library its vectors, one at a time, once those on screen have theirs. A report embedded
   * here is embedded once: its vectors are saved.
   */
  private async embedLibrary(embedder: Embedder): Promise<void> {
    for (const id of this.library.allIds()) {
      if (!this.library.exists(id)) continue;
      try {
        await this.indexes.embed(await this.indexes.get(id), embedder, () => {});
      } catch {
        // Searched by keyword until a later visit manages; the reports on screen are not affected.
      }
    }
  }
}

/**
 * Timed, as are ranking, loading the model and reading the stored index, by User Timing measures, which DevTools
 * traces show and `npm run bench` reads from the worker.
 */
export async function embedQuery(embedder: Embedder, texts: string[]): Promise<Float32Array[]> {
  const start = performance.now();
  const vectors = await embedder.embed(texts, 'query');
  performance.measure('embed-query', { start });
  return vectors;
}
