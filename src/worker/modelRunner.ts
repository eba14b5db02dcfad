import type { EmbedProgress } from '../core/buildIndexes.ts';
import type { Embedder } from '../embed/embedder.ts';
import type { ModelConfig } from '../embed/models.ts';
import type { FileProgress } from '../embed/modelFetch.ts';
import type { ServiceDeps } from './deps.ts';
import { messageOf } from './errors.ts';
import type { Event, IndexSource, ThemeMap } from './protocol.ts';
import { ReportGone, type ReportIndexCache } from './reportIndexCache.ts';
import type { ReportLibrary } from './reportLibrary.ts';
import type { ReportSet } from './reportSets.ts';

/**
 * The model and what it is run on: loaded once, it embeds the reports the page asked about last, then, in the
 * background, the rest of the library, so that a search of every report can be by meaning. Failures leave keyword
 * search working and are reported.
 */
export class ModelRunner {
  private loaded: Embedder | null = null;
  private loading: Promise<Embedder> | null = null;
  /** The run embedding each set of reports asked about, by the set's key. */
  private readonly runs = new Map<string, Promise<void>>();
  /** Reports just added, newest first: the pass over the library embeds them before the rest. */
  private readonly firstInLine: string[] = [];
  /** Embedding the rest of the library for library-wide search, after the reports asked about. */
  private libraryRun: Promise<void> | null = null;
  /** The reports the page asked about last: embedded first, and their themes sent once they have vectors. */
  private wanted: ReportSet | null = null;
  /** Whether the page has let the model load ('start-semantic'): until then questions are answered by keyword. */
  private started = false;

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
  private readyFor(set: ReportSet | null): boolean {
    return this.loaded !== null && (set?.engine.semanticReady ?? true);
  }

  /**
   * Reports the page opened: embedded next, once the model may load. Other reports than last time: their themes at
   * once when the model and their vectors are ready, else the page is told to wait for them.
   */
  opened(set: ReportSet): void {
    const before = this.wanted;
    if (before?.key === set.key) return;
    this.wanted = set;
    if (this.readyFor(set)) return this.postThemes(set, 'indexeddb');
    if (before) this.deps.post({ type: 'semantic', state: { phase: 'waiting' } });
    if (this.started) void this.start();
  }

  /**
   * Reports a search or comparison is about. A worker restarted since the page opened them has opened nothing: these
   * are then the reports to embed first. Otherwise the reports opened last are, even if this question was sent before.
   */
  askedAbout(set: ReportSet): void {
    if (!this.wanted) this.opened(set);
  }

  /**
   * Loads the model and the vectors of the reports asked about last. A run for reports asked about before does not
   * hold this one up: it stops at its next report, and the one it is busy with is shared, progress and all.
   */
  start(): Promise<void> {
    this.started = true;
    const set = this.wanted;
    if (this.readyFor(set)) return Promise.resolve();
    const key = set?.key ?? '';
    let run = this.runs.get(key);
    if (!run) {
      run = this.embedWanted(set).finally(() => this.runs.delete(key));
      this.runs.set(key, run);
    }
    return run;
  }

  /**
   * A report was added: once the model is loaded it is embedded at once, in the background, so that it is ready, or
   * nearly, by the time the reader chooses what to compare it with.
   */
  added(ids: readonly string[]): void {
    this.firstInLine.unshift(...ids);
    if (this.loaded) this.embedRestOfLibrary(this.loaded);
  }

  /** The pass over the library, started unless one is under way; a pass sees reports added while it runs. */
  private embedRestOfLibrary(embedder: Embedder): void {
    this.libraryRun ??= this.embedLibrary(embedder).finally(() => (this.libraryRun = null));
  }

  /** The model, loaded once; after a failure the next run tries again. */
  private loadOnce(): Promise<Embedder> {
    this.loading ??= this.load().then(
      (embedder) => (this.loaded = embedder),
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }

  private async embedWanted(set: ReportSet | null): Promise<void> {
    // Progress and failures of a run for reports no longer asked about would describe what the page is not showing.
    const post = (event: Event) => {
      if (this.wanted === set) this.deps.post(event);
    };
    let embedder: Embedder;
    try {
      embedder = await this.loadOnce();
    } catch (error) {
      const message = `The language model could not be loaded (${messageOf(error)}). Searching by exact words still works.`;
      post({ type: 'semantic', state: { phase: 'failed', message } });
      return;
    }
    const sources: IndexSource[] = [];
    try {
      for (const report of set?.reports ?? []) {
        // The rest are embedded by the pass over the library, or when they are asked about again.
        if (this.wanted !== set) return;
        const progress = (p: EmbedProgress) => post({ type: 'semantic', state: { phase: 'embedding', ...p } });
        sources.push(await this.indexes.embed(report, embedder, progress));
      }
    } catch (error) {
      // The page opens other reports when one on screen is deleted; this run's end is not news.
      if (error instanceof ReportGone) return;
      const message = `The paragraphs could not be embedded (${messageOf(error)}). Searching by exact words still works.`;
      post({ type: 'semantic', state: { phase: 'failed', message } });
      return;
    }
    const source = (['built', 'bundled', 'indexeddb'] as const).find((s) => sources.includes(s)) ?? 'indexeddb';
    if (this.wanted === set) {
      if (set) this.postThemes(set, source);
      else this.postReady(source);
    }
    this.embedRestOfLibrary(embedder);
  }

  private postThemes(set: ReportSet, source: IndexSource): void {
    const themes: ThemeMap = {};
    for (const r of set.reports) {
      r.chunks.forEach((c, i) => (themes[c.id] = r.semantic?.assignments[i]?.map((t) => t.id) ?? []));
    }
    this.deps.post({ type: 'themes', reports: set.ids, themes });
    this.postReady(source);
  }

  private postReady(source: IndexSource): void {
    this.deps.post({ type: 'semantic', state: { phase: 'ready', source, model: this.model.label } });
  }

  /**
   * The model's thread stopped after it loaded (the browser ran out of memory, say): searches go on by exact words,
   * and the page offers to load it again, which starts a new thread.
   */
  private lost(message: string): void {
    this.loaded = null;
    this.loading = null;
    const text = `The language model stopped (${message}). Searching by exact words still works.`;
    this.deps.post({ type: 'semantic', state: { phase: 'failed', message: text } });
  }

  private async load(): Promise<Embedder> {
    const post = (event: Event) => this.deps.post(event);
    const label = this.model.label;
    post({ type: 'semantic', state: { phase: 'loading-model', model: label, file: '', loaded: 0, total: 0 } });
    // Files download in parallel; the reader wants one figure for the whole model.
    const files = new Map<string, FileProgress>();
    const start = performance.now();
    const embedder = await this.deps.loadEmbedder(
      this.model,
      (p) => {
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
      },
      (message) => this.lost(message),
    );
    performance.measure('load-model', { start });
    // A session's first run costs three to four times a later one (measured 48-80 ms against 15-20 ms): paid
    // here, before semantic search is offered, not on the reader's first question.
    const warmStart = performance.now();
    try {
      await embedder.embed(['warm up'], 'query');
    } catch (error) {
      // Not kept, so not released later: a model that cannot run is let go now, and a retry loads it afresh.
      await embedder.dispose();
      throw error;
    }
    performance.measure('warm-up', { start: warmStart });
    // A turn of the event loop before each batch: a search the reader sends meanwhile is answered (with keyword
    // results) at once, not after the whole report. A model run in this thread (Node; the browser runs it in its own
    // worker) resolves without one, so without this a 5,000-paragraph report kept every search waiting for minutes.
    return {
      model: embedder.model,
      dim: embedder.dim,
      dispose: () => embedder.dispose(),
      embed: async (texts, kind) => {
        if (kind === 'passage') await nextTurn();
        return embedder.embed(texts, kind);
      },
      embedWithParts: async (passages) => {
        await nextTurn();
        return embedder.embedWithParts(passages);
      },
    };
  }

  /**
   * Gives every report of the library its vectors, one at a time, once those asked about have theirs. A report embedded
   * here is embedded once: its vectors are saved.
   */
  private async embedLibrary(embedder: Embedder): Promise<void> {
    const tried = new Set<string>();
    for (let next = this.nextToEmbed(tried); next; next = this.nextToEmbed(tried)) {
      tried.add(next);
      try {
        await this.indexes.embed(await this.indexes.get(next), embedder, () => {});
      } catch {
        // Searched by keyword until a later visit manages; the reports asked about are not affected.
      }
    }
  }

  /** A report of the library, as it is now, that this pass has not tried yet: one just added first. */
  private nextToEmbed(tried: ReadonlySet<string>): string | undefined {
    const waiting = (id: string) => !tried.has(id) && this.library.exists(id);
    return this.firstInLine.find(waiting) ?? this.library.allIds().find(waiting);
  }
}

const nextTurn = () => new Promise((resolve) => setTimeout(resolve));

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
