import { parseReportText } from '../core/chunk.ts';
import { MIN_COUNTERPART_SIMILARITY, ParagraphSimilarity, compareTheme } from '../core/compare.ts';
import { CORPUS_FORMAT_VERSION } from '../core/corpus.ts';
import { buildKeyword, buildSemanticIndexes, createEngine, indexHash, pairCorpus, reusingKnownVectors, vectorsByText, type SemanticIndexes } from '../core/indexes.ts';
import { unpackSemanticIndexes } from '../core/indexPack.ts';
import { loadKeywordIndex, serialiseKeywordIndex, type KeywordIndex } from '../core/keyword.ts';
import { compareRecommendations, recommendationsOf } from '../core/recommendations.ts';
import { normaliseQuery, type SearchEngine } from '../core/search.ts';
import { THEMES } from '../core/taxonomy.ts';
import type { Corpus, Report } from '../core/types.ts';
import type { Embedder, ModelConfig } from '../embed/embedder.ts';
import type { FileProgress } from '../embed/modelFetch.ts';
import { DEFAULT_MODEL, modelFromConfig } from '../embed/embedder.ts';
import { MAX_REPORT_BYTES } from '../import/pdfText.ts';
import { indexKey, type IndexStore, type StoredIndex, type StoredReport } from '../store/indexStore.ts';
import { LIBRARY_FORMAT, addedReportId, contentHash, entryOfAdded, entryOfBundled, parseLibraryFile, type LibraryFile, type ReportDraft, type ReportMeta } from './library.ts';
import { fromStored, toStored } from './persist.ts';
import type { CompareAnswer, CompareQuestion, Event, IndexSource, LibraryOp, LibraryReply, Pair, Request, SearchQuery, ThemeMap } from './protocol.ts';

/** Built by scripts/embed-corpus.ts: the default pair's vectors, so a first visit embeds only queries. */
const BUNDLED_INDEXES = 'data/embeddings.bin';

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

/** The bundled pair's prepared indexes, and their vectors by passage text (built when first needed). */
interface BundledIndexes {
  semantic: SemanticIndexes;
  vectors(): Map<string, Float32Array>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A storage failure in words a reader understands, not IndexedDB's. */
function storageProblem(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return 'the browser has no more room for this site';
  if (name === 'InvalidStateError' || name === 'UnknownError') return 'the browser’s storage is not available just now; try again';
  return 'the browser’s storage refused the change';
}

/** The two reports being compared and everything built for them. */
interface PairState {
  ids: Pair;
  corpus: Corpus;
  /** Keys the stored index: the pair's text, the taxonomy and the tuning (assignments are stored too). */
  hash: string;
  keyword: KeywordIndex;
  engine: SearchEngine;
  semantic: SemanticIndexes | null;
  stored: StoredIndex | null;
  similarity: ParagraphSimilarity | null;
}

/**
 * Owns the library of reports, the pair being compared, its indexes and the model; answers typed requests with
 * typed events. Keyword search answers as soon as a pair is chosen; semantic search follows when the model and
 * the embeddings are ready, from IndexedDB when this pair was compared before.
 */
export class SearchService {
  private bundled: Corpus | null = null;
  private added: StoredReport[] = [];
  private pair: PairState | null = null;
  private embedder: Embedder | null = null;
  private model: ModelConfig = DEFAULT_MODEL;
  private store: IndexStore | null = null;
  private ready: Promise<void> | null = null;
  /** The pair being switched to: requests that follow a switch wait for it, so they never see the old pair. */
  private selecting: Promise<void> = Promise.resolve();
  private semanticRun: Promise<void> | null = null;
  private bundledPack: Promise<BundledIndexes | null> | null = null;

  constructor(private readonly deps: ServiceDeps) {}

  async handle(request: Request): Promise<void> {
    switch (request.type) {
      case 'init':
        this.ready ??= this.init(request.pair);
        return this.ready;
      case 'select-pair':
        await this.ready;
        this.selecting = this.selecting
          .then(() => this.select(request.pair))
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
          this.deps.post({ type: 'cleared', id: request.id });
          if (this.pair && !this.pair.ids.every((id) => this.reportById(id))) await this.select(this.defaultPair());
          else this.postLibrary([]);
        } catch (error) {
          this.deps.post({ type: 'error', id: request.id, message: storageProblem(error) });
        }
        return;
    }
  }

  private async init(requested: Pair | null): Promise<void> {
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
    const missing = (requested ?? []).filter((id) => !this.reportById(id));
    // Semantic search waits for the page's 'start-semantic': the first answer is the keyword one.
    await this.select(requested && missing.length === 0 && requested[0] !== requested[1] ? requested : this.defaultPair(), missing, false);
  }

  private defaultPair(): Pair {
    const [a, b] = this.bundled!.reports;
    return [a!.id, b!.id];
  }

  private reportById(id: string): { report: Report; chunks: Corpus['chunks'] } | null {
    const report = this.bundled!.reports.find((r) => r.id === id);
    if (report) return { report, chunks: this.bundled!.chunks.filter((c) => c.reportId === id) };
    const added = this.added.find((r) => r.id === id);
    return added ? { report: added.report, chunks: added.chunks } : null;
  }

  private postLibrary(missing: string[]): void {
    const reports = [...this.bundled!.reports.map((r) => entryOfBundled(r, this.bundled!)), ...this.added.map(entryOfAdded)];
    this.deps.post({ type: 'library', reports, pair: this.pair!.ids, defaultPair: this.defaultPair(), missing });
  }

  /** Makes a pair of reports the corpus: keyword search at once, semantic search when its index is ready. */
  private async select(ids: Pair, missing: string[] = [], startSemantic = true): Promise<void> {
    const parts = ids.map((id) => this.reportById(id));
    if (parts.some((p) => !p) || ids[0] === ids[1]) {
      this.deps.post({ type: 'notice', message: 'Those two reports cannot be compared; showing the default pair.' });
      ids = this.defaultPair();
    }
    const [left, right] = ids.map((id) => this.reportById(id)!);
    const corpus = pairCorpus(left!, right!);
    const hash = indexHash(corpus);
    const start = performance.now();
    const stored = await this.loadStored(hash);
    performance.measure('read-stored-index', { start });
    const restored = this.restoreKeyword(stored);
    const keyword = restored ?? buildKeyword(corpus);
    this.pair = {
      ids,
      corpus,
      hash,
      keyword,
      engine: createEngine(corpus, keyword, null),
      semantic: null,
      // A record whose keyword index is damaged is not used at all, so the whole index is saved again, repaired.
      stored: stored && restored ? stored : null,
      similarity: null,
    };
    this.postLibrary(missing);
    this.deps.post({ type: 'corpus', corpus, themes: THEMES.map(({ id, label, description }) => ({ id, label, description })) });
    if (startSemantic) void this.startSemantic();
  }

  private async loadStored(hash: string): Promise<StoredIndex | null> {
    if (!this.store) return null;
    try {
      const outcome = await this.store.load(indexKey(hash, this.model.id));
      if (outcome.status === 'hit') return outcome.index;
      if (outcome.status === 'invalid') this.deps.post({ type: 'notice', message: `The saved search index could not be used (${outcome.reason}); rebuilding it.` });
    } catch (error) {
      this.deps.post({ type: 'notice', message: `The saved search index could not be read (${message(error)}); rebuilding it.` });
    }
    return null;
  }

  private restoreKeyword(stored: StoredIndex | null): KeywordIndex | null {
    if (!stored) return null;
    try {
      return loadKeywordIndex(stored.keywordIndex);
    } catch {
      this.deps.post({ type: 'notice', message: 'The saved keyword index was damaged; rebuilding it.' });
      return null;
    }
  }

  /** Loads the model and the semantic index; failures leave keyword search working and are reported. */
  private startSemantic(): Promise<void> {
    const pair = this.pair;
    if (!pair || pair.semantic) return Promise.resolve();
    // One run at a time: a run still busy with a pair no longer shown is followed by one for the current pair.
    if (this.semanticRun) return this.semanticRun.then(() => this.startSemantic());
    this.semanticRun = this.loadSemantic(pair).finally(() => {
      this.semanticRun = null;
    });
    return this.semanticRun;
  }

  private async loadEmbedder(): Promise<Embedder> {
    const post = this.deps.post;
    post({ type: 'semantic', state: { phase: 'loading-model', model: this.model.label, file: '', loaded: 0, total: 0 } });
    // Files download in parallel; the reader wants one figure for the whole model.
    const files = new Map<string, FileProgress>();
    return this.deps.loadEmbedder(this.model, (p) => {
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
  }

  private async loadSemantic(pair: PairState): Promise<void> {
    const post = (event: Event) => {
      if (this.pair === pair) this.deps.post(event);
    };
    try {
      if (!this.embedder) {
        const start = performance.now();
        const embedder = await this.loadEmbedder();
        performance.measure('load-model', { start });
        // A session's first run costs three to four times a later one (measured 48-80 ms against 15-20 ms): paid
        // here, before semantic search is offered, not on the reader's first question.
        const warmStart = performance.now();
        await embedder.embed(['warm up'], 'query');
        performance.measure('warm-up', { start: warmStart });
        this.embedder = embedder;
      }
    } catch (error) {
      post({ type: 'semantic', state: { phase: 'failed', message: `The language model could not be loaded (${message(error)}). Keyword search still works.` } });
      return;
    }
    const embedder = this.embedder;
    let source: IndexSource = 'indexeddb';
    let semantic: SemanticIndexes | null = null;
    if (pair.stored) {
      try {
        semantic = fromStored(pair.stored, pair.corpus.chunks.length);
      } catch (error) {
        post({ type: 'notice', message: `The saved search index was damaged (${message(error)}); rebuilding it.` });
      }
    }
    const bundled = semantic ? null : await this.bundledIndexes(pair, post);
    if (bundled && this.isDefaultPair(pair.ids)) {
      semantic = bundled.semantic;
      source = 'bundled';
    }
    if (!semantic) {
      source = 'built';
      // A bundled report compared with another keeps its prepared vectors, and the themes theirs: only text the
      // prepared index does not hold is embedded here.
      const embed = async (texts: string[], kind: 'query' | 'passage') => {
        // A turn of the event loop before each batch: a search the reader sends meanwhile is answered (with keyword
        // results) at once, not after the whole report. onnxruntime's runs resolve without one, so without this a
        // 5,000-paragraph report kept every search waiting for minutes.
        await new Promise((resolve) => setTimeout(resolve));
        return embedder.embed(texts, kind);
      };
      try {
        semantic = await buildSemanticIndexes(
          pair.corpus,
          bundled ? reusingKnownVectors(embed, bundled.vectors()) : embed,
          embedder.dim,
          (p) => post({ type: 'semantic', state: { phase: 'embedding', ...p } }),
          bundled?.semantic.themeVectors,
        );
      } catch (error) {
        post({ type: 'semantic', state: { phase: 'failed', message: `The paragraphs could not be embedded (${message(error)}). Keyword search still works.` } });
        return;
      }
    }
    // Stored with the pair's keyword index, so the next visit reads one record whichever way this one got its vectors.
    if (source !== 'indexeddb') await this.save(pair, semantic, post);
    pair.semantic = semantic;
    pair.engine = createEngine(pair.corpus, pair.keyword, semantic);
    const themes: ThemeMap = {};
    pair.corpus.chunks.forEach((c, i) => (themes[c.id] = semantic.assignments[i]!.map((t) => t.id)));
    post({ type: 'themes', themes });
    post({ type: 'semantic', state: { phase: 'ready', source, model: this.model.label } });
  }

  private isDefaultPair(ids: Pair): boolean {
    const [a, b] = this.defaultPair();
    return ids[0] === a && ids[1] === b;
  }

  /**
   * The default pair's indexes as the build computed them (scripts/embed-corpus.ts), fetched once, if they were made
   * by this model from this text; with their vectors by passage text, for pairs that share a bundled report.
   */
  private async bundledIndexes(pair: PairState, post: (e: Event) => void): Promise<BundledIndexes | null> {
    if (!pair.ids.some((id) => this.bundled!.reports.some((r) => r.id === id))) return null;
    this.bundledPack ??= this.deps.fetchBytes(BUNDLED_INDEXES).then((bytes) => {
      const { key, semantic } = unpackSemanticIndexes(bytes);
      const [a, b] = this.defaultPair();
      const corpus = pairCorpus(this.reportById(a)!, this.reportById(b)!);
      if (key.modelId !== this.model.id || key.indexHash !== indexHash(corpus)) return null;
      let vectors: Map<string, Float32Array> | null = null;
      return { semantic, vectors: () => (vectors ??= vectorsByText(corpus, semantic)) };
    });
    try {
      return await this.bundledPack;
    } catch (error) {
      this.bundledPack = null; // fetched again on the next try: the network may be back
      post({ type: 'notice', message: `The prepared index of the bundled reports could not be used (${message(error)}); building it on this device.` });
      return null;
    }
  }

  private async save(pair: PairState, semantic: SemanticIndexes, post: (e: Event) => void): Promise<void> {
    if (!this.store) return;
    try {
      const key = indexKey(pair.hash, this.model.id);
      await this.store.save(toStored(semantic, serialiseKeywordIndex(pair.keyword), key, pair.hash, this.model.id, [...pair.ids]));
    } catch (error) {
      const full = error instanceof DOMException && error.name === 'QuotaExceededError';
      post({
        type: 'notice',
        message: full
          ? 'The device is out of storage space for this site, so the search index is kept in memory for this visit only.'
          : `The search index could not be saved (${message(error)}); it is kept in memory for this visit only.`,
      });
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
    try {
      await this.store.addReport(stored);
    } catch (error) {
      // Another tab added it since this one last read the library.
      if (error instanceof Error && error.name === 'ConstraintError') {
        await this.libraryChangedElsewhere();
        throw new Error(`This report is already in your library (${meta.year}: ${title}); it was added in another tab.`);
      }
      throw new Error(`The report could not be stored on this device (${storageProblem(error)}).`);
    }
    this.added = [...this.added, stored];
    return id;
  }

  /**
   * Reads the library again after another tab changed it. A report compared here that was deleted there is no longer
   * searched: the default pair is opened, and the reader told why.
   */
  private async libraryChangedElsewhere(): Promise<void> {
    if (!this.store) return;
    this.added = await this.store.listReports();
    if (this.pair && this.pair.ids.some((id) => !this.reportById(id))) {
      this.deps.post({ type: 'notice', message: 'A report you were comparing was deleted in another tab of this app; showing the default pair.' });
      await this.select(this.defaultPair());
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
        if (this.pair!.ids.includes(op.reportId)) await this.select(this.defaultPair());
        else this.postLibrary([]);
        return { kind: 'deleted' };
      }
      case 'export': {
        const file: LibraryFile = {
          format: LIBRARY_FORMAT,
          version: 1,
          reports: this.added.map((r) => ({ sourceName: r.sourceName, text: r.text, title: r.report.title, council: r.report.council, year: r.report.year })),
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
    const pair = this.pair!;
    const { corpus } = pair;
    pair.similarity ??= new ParagraphSimilarity(corpus.chunks);
    // Without the semantic index, themes come from keywords alone (recommendations) or are not known yet.
    const assignments = pair.semantic?.assignments ?? corpus.chunks.map(() => []);
    switch (question.kind) {
      case 'theme': {
        if (!pair.semantic) throw new Error('The theme comparison appears once the semantic index is ready.');
        return { kind: 'theme', comparison: compareTheme(pair.similarity, assignments, corpus.reports as [Report, Report], question.themeId) };
      }
      case 'counterparts': {
        const chunk = corpus.chunks.find((c) => c.id === question.chunkId);
        if (!chunk) throw new Error(`There is no paragraph ${question.chunkId} in the reports being compared.`);
        const other = corpus.reports.find((r) => r.id !== chunk.reportId)!;
        return {
          kind: 'counterparts',
          chunkId: chunk.id,
          counterparts: pair.similarity.counterparts(chunk.id, other.id, question.k),
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

  private async search(id: number, search: SearchQuery): Promise<void> {
    try {
      await this.ready;
      await this.selecting;
      const { engine } = this.pair!;
      const { query, truncated } = normaliseQuery(search.query);
      let mode = search.mode;
      let notice: string | null = truncated ? `The query was cut to its first ${query.length} characters.` : null;
      const needsSemantic = mode !== 'keyword' || (!query && search.theme !== null);
      if (needsSemantic && !engine.semanticReady) {
        if (query) {
          mode = 'keyword';
          notice = `${search.mode === 'semantic' ? 'Semantic' : 'Hybrid'} search is not available yet, so these are keyword results.`;
        } else {
          notice = 'Theme lists appear once the semantic index is ready.';
        }
      }
      const queryVector = query && mode !== 'keyword' ? await this.embedQuery(query) : null;
      const start = performance.now();
      const response = engine.search({ query, mode, k: search.k, theme: search.theme, queryVector });
      performance.measure('rank', { start });
      this.deps.post({ type: 'result', id, response, notice });
    } catch (error) {
      this.deps.post({ type: 'error', id, message: message(error) });
    }
  }
}
