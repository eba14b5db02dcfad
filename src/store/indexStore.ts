import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ThemeAssignment } from '../core/themes.ts';
import type { Chunk, Report } from '../core/types.ts';

/** Bump when the shape of a stored index changes: records of another version are rebuilt, not read. */
export const INDEX_FORMAT_VERSION = 2;

const DB_NAME = 'inspection-compare';
const DB_VERSION = 2;
/** Built indexes kept for the pairs of reports compared most recently; older ones are rebuilt when needed again. */
const KEEP_INDEXES = 6;

/** The built indexes of one corpus with one model, as kept between visits. */
export interface StoredIndex {
  key: string;
  corpusHash: string;
  modelId: string;
  formatVersion: number;
  savedAt: number;
  dim: number;
  /** All chunk vectors in one packed Float32 buffer: one record, not one per vector. */
  vectors: ArrayBuffer;
  sentenceVectors: ArrayBuffer;
  /** Int32: the chunk of each sentence vector. */
  sentenceOwner: ArrayBuffer;
  themeVectors: ArrayBuffer;
  assignments: ThemeAssignment[];
  /** The MiniSearch index as JSON. */
  keywordIndex: string;
  /** The reports the index covers, so deleting a report deletes its indexes. */
  reportIds: string[];
}

/** A report the reader added, parsed, with the text it came from so the library can be exported and re-parsed. */
export interface StoredReport {
  id: string;
  report: Report;
  chunks: Chunk[];
  /** How the text was split: by the report's own paragraph numbers, or by blank lines. */
  method: 'numbered' | 'paragraphs';
  /** Hash of the normalised text, to refuse the same report twice. */
  contentHash: string;
  sourceName: string;
  text: string;
  addedAt: number;
}

interface Schema extends DBSchema {
  indexes: { key: string; value: StoredIndex };
  reports: { key: string; value: StoredReport };
}

export function indexKey(corpusHash: string, modelId: string): string {
  return `v${INDEX_FORMAT_VERSION}:${modelId}:${corpusHash}`;
}

export type LoadOutcome =
  | { status: 'hit'; index: StoredIndex }
  | { status: 'miss' }
  | { status: 'invalid'; reason: string };

function isStoredIndex(value: unknown, key: string): value is StoredIndex {
  const v = value as Partial<StoredIndex> | undefined;
  return (
    !!v &&
    v.key === key &&
    v.formatVersion === INDEX_FORMAT_VERSION &&
    typeof v.dim === 'number' &&
    v.vectors instanceof ArrayBuffer &&
    v.vectors.byteLength % (4 * v.dim) === 0 &&
    v.sentenceVectors instanceof ArrayBuffer &&
    v.sentenceOwner instanceof ArrayBuffer &&
    v.themeVectors instanceof ArrayBuffer &&
    Array.isArray(v.assignments) &&
    typeof v.keywordIndex === 'string' &&
    Array.isArray(v.reportIds)
  );
}

/** IndexedDB through idb: one object store of built indexes, replaced whole when the corpus or model changes. */
export class IndexStore {
  private constructor(private readonly db: IDBPDatabase<Schema>) {}

  /** Resolves to null (after `onBlocked`) when storage is unavailable, e.g. disabled or in some private modes. */
  static async open(onBlocked?: () => void): Promise<IndexStore> {
    const db = await openDB<Schema>(DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion) {
        // Versioned upgrades: each step brings a database from the version before it.
        if (oldVersion < 1) database.createObjectStore('indexes', { keyPath: 'key' });
        if (oldVersion < 2) database.createObjectStore('reports', { keyPath: 'id' });
      },
      blocked: () => onBlocked?.(),
      blocking: () => db.close(),
    });
    return new IndexStore(db);
  }

  async load(key: string): Promise<LoadOutcome> {
    const value = await this.db.get('indexes', key);
    if (value === undefined) return { status: 'miss' };
    if (!isStoredIndex(value, key)) return { status: 'invalid', reason: 'the stored index is damaged or from an older version' };
    return { status: 'hit', index: value };
  }

  /**
   * Stores an index in one transaction, which also drops every index of another format version or model (they can
   * never be read again) and the least recently saved ones beyond the few pairs worth keeping.
   */
  async save(index: StoredIndex): Promise<void> {
    const tx = this.db.transaction('indexes', 'readwrite');
    const others = (await tx.store.getAll()).filter((r) => r.key !== index.key);
    const stale = others.filter((r) => r.formatVersion !== index.formatVersion || r.modelId !== index.modelId);
    const kept = others.filter((r) => !stale.includes(r)).sort((a, b) => b.savedAt - a.savedAt);
    for (const r of [...stale, ...kept.slice(KEEP_INDEXES - 1)]) await tx.store.delete(r.key);
    await tx.store.put(index);
    await tx.done;
  }

  /** Everything the app stores: indexes and added reports. */
  async clear(): Promise<void> {
    const tx = this.db.transaction(['indexes', 'reports'], 'readwrite');
    await Promise.all([tx.objectStore('indexes').clear(), tx.objectStore('reports').clear(), tx.done]);
  }

  listReports(): Promise<StoredReport[]> {
    return this.db.getAll('reports');
  }

  async addReport(report: StoredReport): Promise<void> {
    await this.db.add('reports', report);
  }

  /** Removes a report and every stored index built with it, in one transaction. */
  async deleteReport(id: string): Promise<void> {
    const tx = this.db.transaction(['reports', 'indexes'], 'readwrite');
    await tx.objectStore('reports').delete(id);
    const indexes = tx.objectStore('indexes');
    for (const r of await indexes.getAll()) if (r.reportIds?.includes(id)) await indexes.delete(r.key);
    await tx.done;
  }

  close(): void {
    this.db.close();
  }
}
