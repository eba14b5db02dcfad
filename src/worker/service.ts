import { MIN_COUNTERPART_SIMILARITY, ParagraphSimilarity, compareTheme } from '../core/compare.ts';
import { CORPUS_FORMAT_VERSION } from '../core/corpus.ts';
import { hashString } from '../core/hash.ts';
import { buildKeyword, buildSemanticIndexes, createEngine, type SemanticIndexes } from '../core/indexes.ts';
import { loadKeywordIndex, serialiseKeywordIndex, type KeywordIndex } from '../core/keyword.ts';
import { compareRecommendations, recommendationsOf } from '../core/recommendations.ts';
import { normaliseQuery, type SearchEngine } from '../core/search.ts';
import { THEMES } from '../core/taxonomy.ts';
import { THEME_TUNING } from '../core/themes.ts';
import type { Corpus, Report } from '../core/types.ts';
import type { Embedder, LoadProgress, ModelConfig } from '../embed/embedder.ts';
import { DEFAULT_MODEL, KNOWN_MODELS } from '../embed/embedder.ts';
import { indexKey, type IndexStore, type StoredIndex } from '../store/indexStore.ts';
import { fromStored, toStored } from './persist.ts';
import type { CompareAnswer, CompareQuestion, Event, Request, SearchQuery, ThemeMap } from './protocol.ts';

/** What the service needs from its surroundings: the browser worker and the Node tests supply their own. */
export interface ServiceDeps {
  /** Reads a file of the site, relative to its base (e.g. `data/corpus.json`). */
  fetchText(path: string): Promise<string>;
  openStore(): Promise<IndexStore>;
  loadEmbedder(model: ModelConfig, onProgress: (p: LoadProgress) => void): Promise<Embedder>;
  post(event: Event): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A model id from the site's config.json: the bundled model unless a deployer configured another. */
export function modelFromConfig(configText: string | null): ModelConfig {
  if (!configText) return DEFAULT_MODEL;
  const id = (JSON.parse(configText) as { model?: unknown }).model;
  if (typeof id !== 'string' || !id) return DEFAULT_MODEL;
  return KNOWN_MODELS[id] ?? { id, maxTokens: 512, dtype: 'q8' };
}

/**
 * Owns the corpus, the indexes and the model; answers typed requests with typed events.
 * Keyword search answers as soon as the corpus is parsed; semantic search follows when the model and the
 * embeddings are ready, from IndexedDB when a previous visit stored them.
 */
export class SearchService {
  private corpus: Corpus | null = null;
  private sourceHash = '';
  private keyword: KeywordIndex | null = null;
  private engine: SearchEngine | null = null;
  private embedder: Embedder | null = null;
  private semantic: SemanticIndexes | null = null;
  private similarity: ParagraphSimilarity | null = null;
  private model: ModelConfig = DEFAULT_MODEL;
  private store: IndexStore | null = null;
  private stored: StoredIndex | null = null;
  private ready: Promise<void> | null = null;
  private semanticRun: Promise<void> | null = null;

  constructor(private readonly deps: ServiceDeps) {}

  async handle(request: Request): Promise<void> {
    switch (request.type) {
      case 'init':
        this.ready ??= this.init();
        return this.ready;
      case 'search':
        return this.search(request.id, request.search);
      case 'compare':
        try {
          await this.ready;
          this.deps.post({ type: 'compared', id: request.id, answer: this.compare(request.question) });
        } catch (error) {
          this.deps.post({ type: 'error', id: request.id, message: message(error) });
        }
        return;
      case 'retry-semantic':
        return this.startSemantic();
      case 'clear-storage':
        try {
          await (await this.deps.openStore()).clear();
          this.deps.post({ type: 'cleared', id: request.id });
        } catch (error) {
          this.deps.post({ type: 'error', id: request.id, message: `Could not clear the stored index: ${message(error)}` });
        }
        return;
    }
  }

  private async init(): Promise<void> {
    let text: string;
    try {
      text = await this.deps.fetchText('data/corpus.json');
      const corpus = JSON.parse(text) as Corpus;
      if (corpus.formatVersion !== CORPUS_FORMAT_VERSION) throw new Error(`unexpected corpus format ${String(corpus.formatVersion)}`);
      this.corpus = corpus;
    } catch (error) {
      this.deps.post({ type: 'fatal', message: `The reports could not be loaded (${message(error)}). Check your connection and reload the page.` });
      throw error;
    }
    // Theme assignments are stored too, so a changed taxonomy or tuning must not reuse them.
    this.sourceHash = hashString(text + JSON.stringify({ THEMES, THEME_TUNING }));
    this.model = modelFromConfig(await this.deps.fetchText('config.json').catch(() => null));
    await this.openStored();
    this.keyword = this.restoreKeyword() ?? buildKeyword(this.corpus);
    this.engine = createEngine(this.corpus, this.keyword, null);
    this.deps.post({ type: 'corpus', corpus: this.corpus, themes: THEMES.map(({ id, label, description }) => ({ id, label, description })) });
    void this.startSemantic();
  }

  /** Loads the model and the semantic index; failures leave keyword search working and are reported. */
  private startSemantic(): Promise<void> {
    if (!this.corpus || !this.keyword || this.semantic) return Promise.resolve();
    if (this.semanticRun) return this.semanticRun;
    this.semanticRun = this.loadSemantic().finally(() => {
      this.semanticRun = null;
    });
    return this.semanticRun;
  }

  /** Opens IndexedDB and reads this corpus and model's record; any failure means building in memory instead. */
  private async openStored(): Promise<void> {
    const post = this.deps.post;
    try {
      this.store = await this.deps.openStore();
    } catch (error) {
      post({ type: 'notice', message: `This browser will not let the app store its index (${message(error)}), so it is rebuilt on each visit.` });
      return;
    }
    try {
      const outcome = await this.store.load(indexKey(this.sourceHash, this.model.id));
      if (outcome.status === 'hit') this.stored = outcome.index;
      else if (outcome.status === 'invalid') post({ type: 'notice', message: `The saved search index could not be used (${outcome.reason}); rebuilding it.` });
    } catch (error) {
      post({ type: 'notice', message: `The saved search index could not be read (${message(error)}); rebuilding it.` });
    }
  }

  private restoreKeyword(): KeywordIndex | null {
    if (!this.stored) return null;
    try {
      return loadKeywordIndex(this.stored.keywordIndex);
    } catch {
      this.stored = null;
      this.deps.post({ type: 'notice', message: 'The saved keyword index was damaged; rebuilding it.' });
      return null;
    }
  }

  private async loadSemantic(): Promise<void> {
    const corpus = this.corpus!;
    const post = this.deps.post;
    try {
      if (!this.embedder) {
        post({ type: 'semantic', state: { phase: 'loading-model', file: '', loaded: 0, total: 0 } });
        // Files download in parallel; the reader wants one figure for the whole model.
        const files = new Map<string, LoadProgress>();
        this.embedder = await this.deps.loadEmbedder(this.model, (p) => {
          files.set(p.file, p);
          let loaded = 0;
          let total = 0;
          for (const f of files.values()) {
            loaded += f.loaded;
            total += f.total;
          }
          post({ type: 'semantic', state: { phase: 'loading-model', file: p.file, loaded, total } });
        });
      }
    } catch (error) {
      post({ type: 'semantic', state: { phase: 'failed', message: `The language model could not be loaded (${message(error)}). Keyword search still works.` } });
      return;
    }
    const embedder = this.embedder;

    let source: 'built' | 'indexeddb' = 'indexeddb';
    if (this.stored) {
      try {
        this.semantic = fromStored(this.stored, corpus.chunks.length);
      } catch (error) {
        post({ type: 'notice', message: `The saved search index was damaged (${message(error)}); rebuilding it.` });
        this.stored = null;
      }
    }
    if (!this.stored) {
      source = 'built';
      try {
        this.semantic = await buildSemanticIndexes(corpus, (texts, kind) => embedder.embed(texts, kind), embedder.dim, (p) =>
          post({ type: 'semantic', state: { phase: 'embedding', ...p } }),
        );
      } catch (error) {
        post({ type: 'semantic', state: { phase: 'failed', message: `The paragraphs could not be embedded (${message(error)}). Keyword search still works.` } });
        return;
      }
      if (this.store) {
        try {
          const key = indexKey(this.sourceHash, this.model.id);
          await this.store.save(toStored(this.semantic, serialiseKeywordIndex(this.keyword!), key, this.sourceHash, this.model.id));
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
    }
    this.engine = createEngine(corpus, this.keyword!, this.semantic);
    const themes: ThemeMap = {};
    corpus.chunks.forEach((c, i) => (themes[c.id] = this.semantic!.assignments[i]!.map((t) => t.id)));
    post({ type: 'themes', themes });
    post({ type: 'semantic', state: { phase: 'ready', source } });
  }

  private compare(question: CompareQuestion): CompareAnswer {
    const corpus = this.corpus!;
    this.similarity ??= new ParagraphSimilarity(corpus.chunks);
    // Without the semantic index, themes come from keywords alone (recommendations) or are not known yet.
    const assignments = this.semantic?.assignments ?? corpus.chunks.map(() => []);
    switch (question.kind) {
      case 'theme': {
        if (!this.semantic) throw new Error('The theme comparison appears once the semantic index is ready.');
        if (corpus.reports.length !== 2) throw new Error('A theme comparison needs exactly two reports.');
        return { kind: 'theme', comparison: compareTheme(this.similarity, assignments, corpus.reports as [Report, Report], question.themeId) };
      }
      case 'counterparts': {
        const chunk = corpus.chunks.find((c) => c.id === question.chunkId);
        if (!chunk) throw new Error(`There is no paragraph ${question.chunkId}.`);
        const other = corpus.reports.find((r) => r.id !== chunk.reportId)!;
        return {
          kind: 'counterparts',
          chunkId: chunk.id,
          counterparts: this.similarity.counterparts(chunk.id, other.id, question.k),
          minSimilarity: MIN_COUNTERPART_SIMILARITY,
        };
      }
      case 'recommendations': {
        const recommendations = recommendationsOf(corpus.chunks, assignments);
        return { kind: 'recommendations', recommendations, groups: compareRecommendations(recommendations, corpus.reports) };
      }
    }
  }

  private async search(id: number, search: SearchQuery): Promise<void> {
    try {
      await this.ready;
      const engine = this.engine!;
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
      const queryVector = query && mode !== 'keyword' ? (await this.embedder!.embed([query], 'query'))[0]! : null;
      const response = engine.search({ query, mode, k: search.k, theme: search.theme, queryVector });
      this.deps.post({ type: 'result', id, response, notice });
    } catch (error) {
      this.deps.post({ type: 'error', id, message: message(error) });
    }
  }
}
