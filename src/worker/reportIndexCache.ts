import {
  buildReportIndex,
  buildSemanticIndexes,
  embedReport,
  packHash,
  partsOf,
  splitByReport,
  themeReference,
  type PassageEmbedder,
  type EmbedProgress,
  type ThemeReference,
} from '../core/buildIndexes.ts';
import { unpackSemanticIndexes } from '../core/indexPack.ts';
import { buildKeywordIndex, loadKeywordIndex, serialiseKeywordIndex, type KeywordIndex } from '../core/keyword.ts';
import { ReportIndex, type ReportSemantic } from '../core/reportIndex.ts';
import type { Chunk, Corpus, Report } from '../core/types.ts';
import { VectorMatrix } from '../core/vectors.ts';
import type { Embedder } from '../embed/embedder.ts';
import type { IndexStore, StoredReportIndex } from '../store/indexStore.ts';
import { fromStoredVectors, textHashOf, toStoredKeyword, toStoredVectors } from '../store/storedRecords.ts';
import { messageOf, storageProblem } from './errors.ts';
import type { IndexSource } from './protocol.ts';

/** Built by scripts/embed-corpus.ts: the bundled reports' vectors, so a first visit embeds only queries. */
const BUNDLED_INDEXES = 'data/embeddings.bin';

export interface IndexSources {
  bundled: Corpus;
  /** Null when the browser will not store anything: indexes then live for the visit only. */
  store: IndexStore | null;
  modelId: string;
  fetchBytes(path: string): Promise<Uint8Array>;
  notice(message: string): void;
}

/** A report's vectors being made: one run, whose progress everyone who asked for it sees. */
interface EmbeddingRun {
  run: Promise<IndexSource>;
  listeners: Set<(p: EmbedProgress) => void>;
  last: EmbedProgress | null;
}

/** Thrown into the embedding of a report that was deleted (or of everything cleared) while it ran. */
export class ReportGone extends Error {}

interface Prepared {
  parts: Map<string, ReportSemantic>;
  themeVectors: Float32Array[];
  source: IndexSource;
}

/**
 * Each report's own indexes, loaded when a report is first searched and kept for the visit: read from IndexedDB when
 * they were saved for the report's text (and, for vectors, for this model), otherwise built and saved once. Knows
 * nothing of pairs or views: any set of reports is searched by combining these.
 */
export class ReportIndexCache {
  private readonly loaded = new Map<string, Promise<ReportIndex>>();
  /** The keyword index as stored, so saving the vectors later need not serialise it again. */
  private readonly records = new Map<string, StoredReportIndex>();
  private prepared: Promise<Prepared> | null = null;
  private readonly embedding = new Map<ReportIndex, EmbeddingRun>();
  private reference: Promise<ThemeReference> | null = null;
  /** The key the bundled reports' pack must have to be used. */
  private readonly packHash: string;
  /** Vectors and themes depend on the model and on the reference the themes are measured against. */
  private readonly vectorsKey: string;

  constructor(private readonly sources: IndexSources) {
    this.packHash = packHash(sources.bundled);
    this.vectorsKey = `${sources.modelId}:${this.packHash}`;
  }

  isBundled(id: string): boolean {
    return this.sources.bundled.reports.some((r) => r.id === id);
  }

  /** A report's index (its keyword side read when first searched), with its vectors if this device has them already. */
  get(id: string): Promise<ReportIndex> {
    let index = this.loaded.get(id);
    if (!index) {
      index = this.load(id);
      this.loaded.set(id, index);
      index.catch(() => this.loaded.delete(id));
    }
    return index;
  }

  /** The hash of a loaded report's text, as its stored record names it ('' for one not loaded). */
  textHash(id: string): string {
    return this.records.get(id)?.textHash ?? '';
  }

  /** Drops a deleted report from memory; its embedding, if one runs, stops and saves nothing. */
  forget(id: string): void {
    this.loaded.delete(id);
    this.records.delete(id);
  }

  forgetAll(): void {
    this.loaded.clear();
    this.records.clear();
  }

  /** A report just added, with the record that stored it: its first search need not read it back. */
  keep(index: ReportIndex, record: StoredReportIndex): void {
    this.loaded.set(index.report.id, Promise.resolve(index));
    this.records.set(index.report.id, record);
  }

  private async source(id: string): Promise<{ report: Report; chunks: Chunk[] }> {
    const bundled = partsOf(this.sources.bundled).find((p) => p.report.id === id);
    if (bundled) return bundled;
    const stored = await this.sources.store?.getReport(id);
    if (!stored) throw new Error(`there is no report ${id} in this library`);
    return { report: stored.report, chunks: stored.chunks };
  }

  private async load(id: string): Promise<ReportIndex> {
    const { report, chunks } = await this.source(id);
    const textHash = textHashOf(report, chunks);
    const stored = await this.readStored(id, report);
    if (stored && stored.textHash === textHash) {
      // Read on the first search of this report alone: a search of every report uses the library's shared index.
      const index = new ReportIndex(report, chunks, () => this.readKeyword(stored, report, chunks));
      this.records.set(id, stored);
      if (stored.vectors?.key === this.vectorsKey) index.withSemantic(fromStoredVectors(stored.vectors));
      return index;
    }
    const index = buildReportIndex(report, chunks);
    const record = toStoredKeyword(index, textHash);
    this.records.set(id, record);
    // Not awaited: the first answer need not wait for the write, and IndexedDB keeps writes to a store in order.
    void this.save(record);
    return index;
  }

  /** A report's stored keyword index; a damaged one is made again from the report's paragraphs, and saved. */
  private readKeyword(stored: StoredReportIndex, report: Report, chunks: readonly Chunk[]): KeywordIndex {
    try {
      return loadKeywordIndex(stored.keywordIndex);
    } catch {
      this.sources.notice(`The saved keyword index of ${report.title} was damaged; rebuilding it.`);
      const keyword = buildKeywordIndex(chunks);
      const current = this.records.get(report.id);
      if (current) {
        const record = { ...current, keywordIndex: serialiseKeywordIndex(keyword), savedAt: Date.now() };
        this.records.set(report.id, record);
        void this.save(record);
      }
      return keyword;
    }
  }

  private async readStored(id: string, report: Report): Promise<StoredReportIndex | null> {
    if (!this.sources.store) return null;
    try {
      const start = performance.now();
      const outcome = await this.sources.store.loadIndex(id);
      performance.measure('read-stored-index', { start });
      if (outcome.status === 'hit') return outcome.index;
      if (outcome.status === 'invalid')
        this.sources.notice(
          `The saved search index of ${report.title} could not be used (${outcome.reason}); rebuilding it.`,
        );
    } catch (error) {
      this.sources.notice(
        `The saved search index of ${report.title} could not be read (${messageOf(error)}); rebuilding it.`,
      );
    }
    return null;
  }

  private async save(record: StoredReportIndex): Promise<void> {
    if (!this.sources.store) return;
    try {
      await this.sources.store.saveIndex(record);
    } catch (error) {
      this.sources.notice(
        `The search index could not be saved (${storageProblem(error)}); it is kept in memory for this visit only.`,
      );
    }
  }

  /**
   * Gives a report its vectors with this model, from the site's prepared file (bundled reports) or by embedding it
   * here, and saves them; says where they came from. A report that has them already is left as it is.
   */
  embed(index: ReportIndex, embedder: Embedder, onProgress: (p: EmbedProgress) => void): Promise<IndexSource> {
    if (index.semantic) return Promise.resolve('indexeddb');
    // One run per report: the reports on screen and the background pass over the library may ask at once, and
    // whoever asks later still sees how far it is.
    let current = this.embedding.get(index);
    if (!current) {
      const started: EmbeddingRun = { run: Promise.resolve('indexeddb'), listeners: new Set(), last: null };
      const progress = (p: EmbedProgress) => {
        started.last = p;
        for (const listener of started.listeners) listener(p);
      };
      started.run = this.embedOnce(index, embedder, progress).finally(() => this.embedding.delete(index));
      this.embedding.set(index, started);
      current = started;
    }
    current.listeners.add(onProgress);
    if (current.last) onProgress(current.last);
    return current.run;
  }

  /** Whether a report is still in the library as this cache knows it: not deleted, nor everything cleared. */
  private kept(id: string): boolean {
    return this.records.has(id);
  }

  private async embedOnce(
    index: ReportIndex,
    embedder: Embedder,
    onProgress: (p: EmbedProgress) => void,
  ): Promise<IndexSource> {
    const id = index.report.id;
    const gone = () => new ReportGone(`${index.report.title} was deleted while it was being prepared`);
    let source: IndexSource;
    if (this.isBundled(id)) {
      const prepared = await this.prepare(embedder, onProgress);
      index.withSemantic(prepared.parts.get(id)!);
      source = prepared.source;
    } else {
      const reference = await this.themeReference(embedder, onProgress);
      const stillKept = <T>(work: () => Promise<T>): Promise<T> => (this.kept(id) ? work() : Promise.reject(gone()));
      const model: PassageEmbedder = {
        embed: (texts, kind) => stillKept(() => embedder.embed(texts, kind)),
        embedWithParts: (passages) => stillKept(() => embedder.embedWithParts(passages)),
      };
      index.withSemantic(await embedReport(index.chunks, model, embedder.dim, reference, onProgress));
      source = 'built';
    }
    // The record read or written when the report was loaded: gone if the report was deleted or storage cleared since.
    const keyword = this.records.get(id);
    if (!keyword) throw gone();
    const record = { ...keyword, vectors: toStoredVectors(index.semantic!, this.vectorsKey), savedAt: Date.now() };
    this.records.set(id, record);
    await this.save(record);
    return source;
  }

  /** The bundled reports' vectors and the theme centroids: from the site's file when this model made it, else made here. */
  private prepare(embedder: Embedder, onProgress: (p: EmbedProgress) => void): Promise<Prepared> {
    this.prepared ??= this.readPack()
      .then((pack) => pack ?? this.buildBundled(embedder, onProgress))
      .catch((error: unknown) => {
        this.prepared = null;
        throw error;
      });
    return this.prepared;
  }

  private async readPack(): Promise<Prepared | null> {
    const { bundled, modelId } = this.sources;
    try {
      const { key, semantic } = unpackSemanticIndexes(await this.sources.fetchBytes(BUNDLED_INDEXES));
      if (key.modelId !== modelId || key.indexHash !== this.packHash) return null;
      return { parts: splitByReport(bundled, semantic), themeVectors: semantic.themeVectors, source: 'bundled' };
    } catch (error) {
      this.sources.notice(
        `The prepared index of the bundled reports could not be used (${messageOf(error)}); building it on this device.`,
      );
      return null;
    }
  }

  /** What the build does (scripts/embed-corpus.ts), done on this device; the theme centroids are kept for later visits. */
  private async buildBundled(embedder: Embedder, onProgress: (p: EmbedProgress) => void): Promise<Prepared> {
    const { bundled } = this.sources;
    const semantic = await buildSemanticIndexes(bundled, embedder, embedder.dim, onProgress);
    try {
      await this.sources.store?.saveThemes({
        key: this.vectorsKey,
        dim: embedder.dim,
        vectors: VectorMatrix.fromRows(semantic.themeVectors, embedder.dim).data.buffer as ArrayBuffer,
      });
    } catch {
      // Only a later visit would use them, and it can make them again.
    }
    return { parts: splitByReport(bundled, semantic), themeVectors: semantic.themeVectors, source: 'built' };
  }

  /** The theme centroids and the bundled reports' yardstick, which every added report's themes are measured against. */
  private themeReference(embedder: Embedder, onProgress: (p: EmbedProgress) => void): Promise<ThemeReference> {
    this.reference ??= (async () => {
      const bundled = await Promise.all(this.sources.bundled.reports.map((r) => this.get(r.id)));
      for (const index of bundled) await this.embed(index, embedder, onProgress);
      const stored = await this.sources.store?.loadThemes(this.vectorsKey).catch(() => undefined);
      const themeVectors = stored
        ? Array.from(
            { length: stored.vectors.byteLength / 4 / stored.dim },
            (_, i) => new Float32Array(stored.vectors, i * stored.dim * 4, stored.dim),
          )
        : (await this.prepare(embedder, onProgress)).themeVectors;
      return themeReference(
        bundled.map((b) => b.semantic!),
        themeVectors,
      );
    })().catch((error: unknown) => {
      this.reference = null;
      throw error;
    });
    return this.reference;
  }
}
