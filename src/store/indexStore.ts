import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ThemeAssignment } from '../core/themes.ts';

/** Bump when the shape of a stored index changes: records of another version are rebuilt, not read. */
export const INDEX_FORMAT_VERSION = 1;

const DB_NAME = 'inspection-compare';
const DB_VERSION = 1;

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
  /** Corpus words and their packed vectors, for query expansion. */
  vocabularyWords: string[];
  vocabularyVectors: ArrayBuffer;
  assignments: ThemeAssignment[];
  /** The MiniSearch index as JSON. */
  keywordIndex: string;
}

interface Schema extends DBSchema {
  indexes: { key: string; value: StoredIndex };
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
    Array.isArray(v.vocabularyWords) &&
    v.vocabularyVectors instanceof ArrayBuffer &&
    Array.isArray(v.assignments) &&
    typeof v.keywordIndex === 'string'
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

  /** Replaces every stored index with this one in a single transaction: never a mix of old and new. */
  async save(index: StoredIndex): Promise<void> {
    const tx = this.db.transaction('indexes', 'readwrite');
    await Promise.all([tx.store.clear(), tx.store.put(index), tx.done]);
  }

  async clear(): Promise<void> {
    await this.db.clear('indexes');
  }

  close(): void {
    this.db.close();
  }
}
