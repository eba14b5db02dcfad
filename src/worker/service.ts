import { parseReportText } from '../core/chunk.ts';
import { MIN_COUNTERPART_SIMILARITY, ParagraphSimilarity, compareTheme } from '../core/compare.ts';
import { CORPUS_FORMAT_VERSION } from '../core/corpus.ts';
import { buildReportIndex, corpusOf } from '../core/indexes.ts';
import { compareRecommendations, recommendationsOf } from '../core/recommendations.ts';
import type { ReportIndex } from '../core/reportIndex.ts';
import { SearchEngine, normaliseQuery, type ReportResults, type SearchResponse } from '../core/search.ts';
import { THEMES } from '../core/taxonomy.ts';
import type { Corpus, Report } from '../core/types.ts';
import type { Embedder, ModelConfig } from '../embed/embedder.ts';
import type { FileProgress } from '../embed/modelFetch.ts';
import { DEFAULT_MODEL, modelFromConfig } from '../embed/embedder.ts';
import { MAX_REPORT_BYTES } from '../import/pdfText.ts';
import { catalogueEntry, type CatalogueEntry, type IndexStore, type StoredReport } from '../store/indexStore.ts';
import { LIBRARY_FORMAT, addedReportId, contentHash, entryOfAdded, entryOfBundled, parseLibraryFile, type LibraryFile, type ReportDraft, type ReportMeta } from './library.ts';
import type { CompareAnswer, CompareQuestion, Event, IndexSource, LibraryOp, LibraryReply, Request, SearchQuery, Selection, ThemeMap } from './protocol.ts';
import { toStoredKeyword } from './persist.ts';
import { ReportIndexes } from './reportIndexes.ts';

/** The most reports shown side by side: a council's inspections over a decade or so. */
export const MAX_COLUMNS = 6;

/** What the service needs from its surroundings: the browser worker and the Node tests supply their own. */
export interface ServiceDeps {
  /** Reads a file of the site, relative to its base (e.g. `data/corpus.json`). */
  fetchText(path: string): Promise<string>;
  fetchBytes(path: string): Promise<Uint8Array>;
  openStore(): Promise<IndexStore>;
  loadEmbedder(model: ModelConfig, onProgress: (p: FileProgress) => void): Promise<Embedder>;
  post(event: Event): void;
  /** Tells this app's other tabs that the stored library changed; they answer with 'library-changed'. */
  announceLibraryChange(): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A storage failure in words a reader understands, not IndexedDB's. */
function storageProblem(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return 'the browser has no more room for this site';
  if (name === 'InvalidStateError' || name === 'UnknownError') return 'the browser’s storage is not available just now; try again';
  return 'the browser’s storage refused the change';
}

/** The reports on screen, side by side, and what comparing them needs. */
interface SelectionState {
  ids: Selection;
  reports: ReportIndex[];
  corpus: Corpus;
  /** Reads each report's vectors as they arrive: semantic search needs no new engine. */
  readonly engine: SearchEngine;
  similarity: ParagraphSimilarity | null;
}

/**
 * Owns the library of reports, the reports on screen, the model, and answers typed requests with typed events. Each
 * report has its own indexes (ReportIndexes); the reports on screen, or every report, are searched by combining them.
 * Keyword search answers as soon as the reports' keyword indexes are read; semantic search follows when the model and
 * their vectors are ready.
 */
export class SearchService {
  private bundled: Corpus | null = null;
  private added: CatalogueEntry[] = [];
  private selection: SelectionState | null = null;
  private indexes: ReportIndexes | null = null;
  private embedder: Embedder | null = null;
  private model: ModelConfig = DEFAULT_MODEL;
  private store: IndexStore | null = null;
  private ready: Promise<void> | null = null;
  /** The reports being switched to: requests that follow a switch wait for it, so they never see the old ones. */
  private selecting: Promise<void> = Promise.resolve();
  private semanticRun: Promise<void> | null = null;
  /** Embedding the rest of the library for library-wide search, after the reports on screen. */
  private libraryRun: Promise<void> | null = null;
  /** Every report of the library, indexed: read from storage the first time, then held for the visit. */
  private libraryEngine: { ids: string; engine: SearchEngine } | null = null;

  constructor(private readonly deps: ServiceDeps) {}

  async handle(request: Request): Promise<void> {
    switch (request.type) {
      case 'init':
        this.ready ??= this.init(request.selection);
        return this.ready;
      case 'select':
        await this.ready;
        this.selecting = this.selecting
          .then(() => this.select(request.selection))
          .catch((error: unknown) => this.deps.post({ type: 'notice', message: `Those reports could not be opened (${message(error)}).` }));
        return this.selecting;
      case 'search':
        return this.search(request.id, request.search);
      case 'library-changed':
        await this.ready;
        this.selecting = this.selecting.then(() => this.libraryChangedElsewhere());
        return this.selecting;
      case 'compare':
        try {
          await this.ready;
          await this.selecting;
          this.deps.post({ type: 'compared', id: request.id, answer: this.compare(request.question) });
        } catch (error) {
          this.deps.post({ type: 'error', id: request.id, message: message(error) });
        }
        return;
      case 'library':
        try {
          await this.ready;
          await this.selecting;
          const reply = await this.library(request.op);
          if (reply.kind === 'added' || reply.kind === 'deleted' || (reply.kind === 'imported' && reply.added.length)) this.deps.announceLibraryChange();
          this.deps.post({ type: 'reply', id: request.id, reply });
        } catch (error) {
          this.deps.post({ type: 'error', id: request.id, message: message(error) });
        }
        return;
      case 'start-semantic':
        await this.ready;
        await this.selecting;
        return this.startSemantic();
      case 'clear-storage':
        try {
          await (await this.deps.openStore()).clear();
          this.added = [];
          this.indexes?.forgetAll();
          this.deps.post({ type: 'cleared', id: request.id });
          if (this.selection && !this.selection.ids.every((id) => this.exists(id))) await this.select(this.defaultSelection());
          else this.postLibrary([]);
        } catch (error) {
          this.deps.post({ type: 'error', id: request.id, message: storageProblem(error) });
        }
        return;
    }
  }

  private async init(requested: Selection | null): Promise<void> {
    try {
      const corpus = JSON.parse(await this.deps.fetchText('data/corpus.json')) as Corpus;
      if (corpus.formatVersion !== CORPUS_FORMAT_VERSION) throw new Error(`unexpected corpus format ${String(corpus.formatVersion)}`);
      this.bundled = corpus;
    } catch (error) {
      this.deps.post({ type: 'fatal', message: `The reports could not be loaded (${message(error)}). Check your connection and reload the page.` });
      throw error;
    }
    this.model = modelFromConfig(await this.deps.fetchText('config.json').catch(() => null));
    try {
      this.store = await this.deps.openStore();
    } catch (error) {
      this.deps.post({ type: 'notice', message: `This browser will not let the app store its index (${message(error)}), so it is rebuilt on each visit.` });
    }
    if (this.store) {
      try {
        this.added = await this.store.listReports();
      } catch (error) {
        this.deps.post({ type: 'notice', message: `The reports you added could not be read (${message(error)}).` });
      }
    }
    this.indexes = new ReportIndexes({
      bundled: this.bundled,
      store: this.store,
      modelId: this.model.id,
      fetchBytes: (path) => this.deps.fetchBytes(path),
      notice: (text) => this.deps.post({ type: 'notice', message: text }),
    });
    const missing = (requested ?? []).filter((id) => !this.exists(id));
    // Semantic search waits for the page's 'start-semantic': the first answer is the keyword one.
    await this.select(requested && missing.length === 0 && isSelection(requested) ? requested : this.defaultSelection(), missing, false);
  }

  private defaultSelection(): Selection {
    return this.bundled!.reports.slice(0, 2).map((r) => r.id);
  }

  private exists(id: string): boolean {
    return this.bundled!.reports.some((r) => r.id === id) || this.added.some((r) => r.id === id);
  }

  /** Every report, bundled first, then the reader's in the order they were added. */
  private allIds(): string[] {
    return [...this.bundled!.reports.map((r) => r.id), ...[...this.added].sort((a, b) => a.addedAt - b.addedAt).map((r) => r.id)];
  }

  private postLibrary(missing: string[]): void {
    const reports = [...this.bundled!.reports.map((r) => entryOfBundled(r, this.bundled!)), ...this.added.map(entryOfAdded)];
    this.deps.post({ type: 'library', reports, selection: this.selection!.ids, defaultSelection: this.defaultSelection(), missing });
  }

  /** Puts reports side by side: keyword search at once, semantic search when their vectors are ready. */
  private async select(ids: Selection, missing: string[] = [], startSemantic = true): Promise<void> {
    if (!isSelection(ids) || !ids.every((id) => this.exists(id))) {
      this.deps.post({ type: 'notice', message: 'Those reports cannot be compared; showing the default pair.' });
      ids = this.defaultSelection();
    }
    const reports = await Promise.all(ids.map((id) => this.indexes!.get(id)));
    const corpus = corpusOf(reports);
    this.selection = { ids: [...ids], reports, corpus, engine: new SearchEngine(reports), similarity: null };
    this.postLibrary(missing);
    this.deps.post({ type: 'corpus', corpus, themes: THEMES.map(({ id, label, description }) => ({ id, label, description })) });
    if (reports.every((r) => r.semantic) && this.embedder) this.postThemes(this.selection, 'indexeddb');
    else if (startSemantic) void this.startSemantic();
  }

  private postThemes(selection: SelectionState, source: IndexSource): void {
    if (this.selection !== selection) return;
    const themes: ThemeMap = {};
    for (const r of selection.reports) r.chunks.forEach((c, i) => (themes[c.id] = r.semantic!.assignments[i]!.map((t) => t.id)));
    this.deps.post({ type: 'themes', themes });
    this.deps.post({ type: 'semantic', state: { phase: 'ready', source, model: this.model.label } });
  }

  /** Loads the model and the vectors of the reports on screen; failures leave keyword search working and are reported. */
  private startSemantic(): Promise<void> {
    const selection = this.selection;
    if (!selection || (this.embedder && selection.reports.every((r) => r.semantic))) return Promise.resolve();
    // One run at a time: a run still busy with reports no longer shown is followed by one for those on screen.
    if (this.semanticRun) return this.semanticRun.then(() => this.startSemantic());
    this.semanticRun = this.loadSemantic(selection).finally(() => {
      this.semanticRun = null;
    });
    return this.semanticRun;
  }

  private async loadEmbedder(): Promise<Embedder> {
    const post = this.deps.post;
    post({ type: 'semantic', state: { phase: 'loading-model', model: this.model.label, file: '', loaded: 0, total: 0 } });
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
      post({ type: 'semantic', state: { phase: 'loading-model', model: this.model.label, file: p.file, loaded, total } });
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

  private async loadSemantic(selection: SelectionState): Promise<void> {
    const post = (event: Event) => {
      if (this.selection === selection) this.deps.post(event);
    };
    try {
      this.embedder ??= await this.loadEmbedder();
    } catch (error) {
      post({ type: 'semantic', state: { phase: 'failed', message: `The language model could not be loaded (${message(error)}). Keyword search still works.` } });
      return;
    }
    const sources: IndexSource[] = [];
    try {
      for (const report of selection.reports) {
        sources.push(await this.indexes!.embed(report, this.embedder, (p) => post({ type: 'semantic', state: { phase: 'embedding', ...p } })));
      }
    } catch (error) {
      post({ type: 'semantic', state: { phase: 'failed', message: `The paragraphs could not be embedded (${message(error)}). Keyword search still works.` } });
      return;
    }
    const source = (['built', 'bundled', 'indexeddb'] as const).find((s) => sources.includes(s)) ?? 'indexeddb';
    this.postThemes(selection, source);
    this.libraryRun ??= this.embedLibrary().finally(() => (this.libraryRun = null));
  }

  /**
   * Gives every report of the library its vectors, one at a time, once those on screen have theirs, so that a search
   * of every report can be by meaning. A report embedded here is embedded once: its vectors are saved.
   */
  private async embedLibrary(): Promise<void> {
    for (const id of this.allIds()) {
      if (!this.embedder || !this.exists(id)) continue;
      try {
        await this.indexes!.embed(await this.indexes!.get(id), this.embedder, () => {});
      } catch {
        // Searched by keyword until a later visit manages; the reports on screen are not affected.
      }
    }
  }

  /**
   * Reads a report as the chunker sees it, refusing one already in the library: the comparison is of its paragraph
   * texts, so a report saved again under another name, or with other line breaks, is still recognised.
   */
  private read(sourceName: string, text: string): { id: string; hash: string; parsed: ReturnType<typeof parseReportText>; draft: ReportDraft } {
    // The limit the page applies to a file, applied here to the text, so reports from an imported library meet it too.
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > MAX_REPORT_BYTES) {
      throw new Error(`${sourceName} holds ${(bytes / 1_048_576).toFixed(1)} MB of text; reports over ${MAX_REPORT_BYTES / 1_048_576} MB are not accepted.`);
    }
    const hash = contentHash(parseReportText(text, { id: 'new', source: sourceName }).chunks.map((c) => c.text).join(' '));
    const known = [
      ...this.bundled!.reports.map((r) => ({ title: r.title, year: r.year, hash: this.bundledHash(r.id) })),
      ...this.added.map((r) => ({ title: r.report.title, year: r.report.year, hash: r.contentHash })),
    ];
    const same = known.find((k) => k.hash === hash);
    if (same) throw new Error(`This report is already in your library (${same.year}: ${same.title}).`);
    const id = addedReportId(hash);
    const parsed = parseReportText(text, { id, source: sourceName, chunkPrefix: id });
    const { report } = parsed;
    const paragraphs = parsed.method === 'numbered' ? parsed.chunks.filter((c) => c.paragraph !== null).length : parsed.chunks.length;
    return {
      id,
      hash,
      parsed,
      draft: { sourceName, title: report.title, council: report.council, year: report.year, inspectionDates: report.inspectionDates, method: parsed.method, paragraphs, warnings: parsed.warnings },
    };
  }

  private bundledHashes: Map<string, string> | null = null;

  private bundledHash(id: string): string {
    this.bundledHashes ??= new Map(this.bundled!.reports.map((r) => [r.id, contentHash(this.bundled!.chunks.filter((c) => c.reportId === r.id).map((c) => c.text).join(' '))]));
    return this.bundledHashes.get(id)!;
  }

  private async addReport(sourceName: string, text: string, meta: ReportMeta): Promise<string> {
    if (!this.store) throw new Error('This browser will not let the app store reports, so a report cannot be added.');
    const { id, hash, parsed } = this.read(sourceName, text);
    const title = meta.title.trim() || sourceName;
    if (!Number.isInteger(meta.year) || meta.year < 1990 || meta.year > 2100) throw new Error('Give the year of the inspection, for example 2019.');
    const report: Report = { ...parsed.report, title, council: meta.council.trim(), year: meta.year };
    const stored: StoredReport = {
      id,
      report,
      chunks: parsed.chunks.map((c) => ({ ...c, year: meta.year })),
      method: parsed.method,
      contentHash: hash,
      sourceName,
      text,
      addedAt: Date.now(),
    };
    // The report and its keyword index in one transaction: a reload or another tab never finds one without the other.
    const index = buildReportIndex(report, stored.chunks);
    const record = toStoredKeyword(index);
    try {
      await this.store.addReport(stored, record);
    } catch (error) {
      // Another tab added it since this one last read the library.
      if (error instanceof Error && error.name === 'ConstraintError') {
        await this.libraryChangedElsewhere();
        throw new Error(`This report is already in your library (${meta.year}: ${title}); it was added in another tab.`);
      }
      throw new Error(`The report could not be stored on this device (${storageProblem(error)}).`);
    }
    this.added = [...this.added, catalogueEntry(stored)];
    this.indexes!.keep(index, record);
    return id;
  }

  /**
   * Reads the library again after another tab changed it. A report compared here that was deleted there is no longer
   * searched: the default pair is opened, and the reader told why.
   */
  private async libraryChangedElsewhere(): Promise<void> {
    if (!this.store) return;
    const before = this.allIds();
    this.added = await this.store.listReports();
    for (const id of before) if (!this.exists(id)) this.indexes!.forget(id);
    if (this.selection && this.selection.ids.some((id) => !this.exists(id))) {
      this.deps.post({ type: 'notice', message: 'A report you were comparing was deleted in another tab of this app; showing the default pair.' });
      await this.select(this.defaultSelection());
    } else this.postLibrary([]);
  }

  private async library(op: LibraryOp): Promise<LibraryReply> {
    switch (op.kind) {
      case 'inspect':
        return { kind: 'draft', draft: this.read(op.sourceName, op.text).draft };
      case 'add': {
        const reportId = await this.addReport(op.sourceName, op.text, op.meta);
        this.postLibrary([]);
        return { kind: 'added', reportId };
      }
      case 'delete': {
        if (!this.added.some((r) => r.id === op.reportId)) throw new Error('Only reports you added can be deleted.');
        await this.store!.deleteReport(op.reportId);
        this.added = this.added.filter((r) => r.id !== op.reportId);
        this.indexes!.forget(op.reportId);
        if (this.selection!.ids.includes(op.reportId)) await this.select(this.defaultSelection());
        else this.postLibrary([]);
        return { kind: 'deleted' };
      }
      case 'export': {
        const file: LibraryFile = {
          format: LIBRARY_FORMAT,
          version: 1,
          reports: (await this.store!.allReports()).map((r) => ({ sourceName: r.sourceName, text: r.text, title: r.report.title, council: r.report.council, year: r.report.year })),
        };
        return { kind: 'exported', json: JSON.stringify(file) };
      }
      case 'import': {
        const file = parseLibraryFile(op.json);
        const added: string[] = [];
        const skipped: string[] = [];
        for (const r of file.reports) {
          try {
            added.push(await this.addReport(r.sourceName, r.text, r));
          } catch (error) {
            skipped.push(`${r.title}: ${message(error)}`);
          }
        }
        this.postLibrary([]);
        return { kind: 'imported', added, skipped };
      }
    }
  }

  private compare(question: CompareQuestion): CompareAnswer {
    const selection = this.selection!;
    const { corpus, reports } = selection;
    selection.similarity ??= new ParagraphSimilarity(corpus.chunks);
    // Without vectors, themes come from keywords alone (recommendations) or are not known yet.
    const semanticReady = reports.every((r) => r.semantic);
    const assignments = reports.flatMap((r) => r.semantic?.assignments ?? r.chunks.map(() => []));
    switch (question.kind) {
      case 'theme': {
        if (!semanticReady) throw new Error('The theme comparison appears once the semantic index is ready.');
        if (corpus.reports.length !== 2) throw new Error(TWO_REPORTS);
        return { kind: 'theme', comparison: compareTheme(selection.similarity, assignments, corpus.reports as [Report, Report], question.themeId) };
      }
      case 'counterparts': {
        const chunk = corpus.chunks.find((c) => c.id === question.chunkId);
        if (!chunk) throw new Error(`There is no paragraph ${question.chunkId} in the reports being compared.`);
        if (corpus.reports.length !== 2) throw new Error(TWO_REPORTS);
        const other = corpus.reports.find((r) => r.id !== chunk.reportId)!;
        return {
          kind: 'counterparts',
          chunkId: chunk.id,
          counterparts: selection.similarity.counterparts(chunk.id, other.id, question.k),
          minSimilarity: MIN_COUNTERPART_SIMILARITY,
        };
      }
      case 'recommendations': {
        const recommendations = recommendationsOf(corpus.chunks, assignments);
        return { kind: 'recommendations', recommendations, groups: compareRecommendations(recommendations, corpus.reports) };
      }
    }
  }

  /**
   * Timed, as are ranking, loading the model and reading the stored index, by User Timing measures, which DevTools
   * traces show and `npm run bench` reads from the worker.
   */
  private async embedQuery(query: string): Promise<Float32Array> {
    const start = performance.now();
    const [vector] = await this.embedder!.embed([query], 'query');
    performance.measure('embed-query', { start });
    return vector!;
  }

  private async wholeLibrary(): Promise<SearchEngine> {
    const ids = this.allIds();
    if (this.libraryEngine?.ids !== ids.join(' ')) {
      this.libraryEngine = { ids: ids.join(' '), engine: new SearchEngine(await Promise.all(ids.map((id) => this.indexes!.get(id)))) };
    }
    return this.libraryEngine.engine;
  }

  private async search(id: number, search: SearchQuery): Promise<void> {
    try {
      await this.ready;
      await this.selecting;
      const library = search.scope === 'library';
      const engine = library ? await this.wholeLibrary() : this.selection!.engine;
      const { query, truncated } = normaliseQuery(search.query);
      let mode = search.mode;
      let notice: string | null = truncated ? `The query was cut to its first ${query.length} characters.` : null;
      // A query needs the model to embed it; a theme list needs only the reports' vectors, which storage may hold.
      const needsVectors = mode !== 'keyword' || (!query && search.theme !== null);
      const needsModel = !!query && mode !== 'keyword';
      if ((needsVectors && !engine.semanticReady) || (needsModel && !this.embedder)) {
        const waiting = library && this.embedder ? engine.reports.filter((r) => !r.semantic).length : 0;
        const why = waiting ? `${waiting} of ${engine.reports.length} reports are still being prepared for it` : 'it is not available yet';
        if (query) {
          mode = 'keyword';
          notice = `${search.mode === 'semantic' ? 'Semantic' : 'Hybrid'} search is not available yet, so these are keyword results.`;
          if (waiting) notice = `${search.mode === 'semantic' ? 'Semantic' : 'Hybrid'} search of every report waits until ${why}, so these are keyword results.`;
        } else {
          notice = waiting ? `Theme lists of every report appear once ${why}.` : 'Theme lists appear once the semantic index is ready.';
        }
      }
      const queryVector = query && mode !== 'keyword' ? await this.embedQuery(query) : null;
      const start = performance.now();
      const response = engine.search({ query, mode, k: search.k, theme: search.theme, queryVector });
      performance.measure('rank', { start });
      this.deps.post({ type: 'result', id, response: library ? byRelevance(response) : response, notice });
    } catch (error) {
      this.deps.post({ type: 'error', id, message: message(error) });
    }
  }
}

const TWO_REPORTS = 'This comparison is of two reports; choose two in the Library to see it.';

/**
 * A search of every report, answered as which reports discuss it: those that do, best answer first, with their
 * paragraphs; then those that do not, named only (their closest paragraphs are not worth sending).
 */
function byRelevance(response: SearchResponse): SearchResponse {
  const best = (r: ReportResults) => Math.max(...r.results.filter((x) => x.relevant).map((x) => x.score));
  const discussed = response.reports.filter((r) => r.discussed).sort((a, b) => best(b) - best(a) || b.report.year - a.report.year);
  const silent = response.reports.filter((r) => !r.discussed).map((r) => ({ ...r, results: [] }));
  return { ...response, reports: [...discussed, ...silent] };
}

/** Two reports or more, each once, and not more than fit on a screen. */
function isSelection(ids: readonly string[]): boolean {
  return ids.length >= 2 && ids.length <= MAX_COLUMNS && new Set(ids).size === ids.length;
}
