import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { kindOf } from '../core/chunk/kind.ts';
import type { ThemeAssignment } from '../core/themes.ts';
import type { Chunk, Report } from '../core/types.ts';

/** Bump when the shape of a stored report index changes: records of another version are rebuilt, not read. */
export const INDEX_FORMAT_VERSION = 4;

const DB_NAME = 'inspection-compare';
/** The schema's version (exported for the upgrade test): a tab with a newer one asks this tab's connection to let go. */
export const DB_VERSION = 4;

/** A report's vectors with one model, as int8 rows (QuantisedMatrix), and the themes they gave its paragraphs. */
export interface StoredVectors {
  /** The model and the theme reference the vectors and assignments were made with (see ReportIndexCache). */
  key: string;
  dim: number;
  chunkRows: ArrayBuffer;
  sentenceRows: ArrayBuffer;
  /** Int32: the chunk of each sentence row. */
  sentenceOwner: ArrayBuffer;
  assignments: ThemeAssignment[];
}

/**
 * One report's own indexes, kept between visits: its keyword index from when it was first opened, its vectors from
 * when a model first embedded it. A pair, a timeline or the whole library is searched by combining reports' indexes,
 * so nothing is stored per combination.
 */
export interface StoredReportIndex {
  reportId: string;
  formatVersion: number;
  /** Hash of the report and its chunks: an index of other text is rebuilt. */
  textHash: string;
  /** The MiniSearch index as JSON. */
  keywordIndex: string;
  vectors: StoredVectors | null;
  savedAt: number;
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

/** An added report as IndexedDB holds it: one added before chunks carried their kind has chunks without it. */
type StoredReportRecord = Omit<StoredReport, 'chunks'> & {
  chunks: (Omit<Chunk, 'kind'> & Partial<Pick<Chunk, 'kind'>>)[];
};

const withKinds = (record: StoredReportRecord): StoredReport => ({
  ...record,
  chunks: record.chunks.map((chunk) => ({ ...chunk, kind: chunk.kind ?? kindOf(chunk) })),
});

/** What the library lists of an added report: everything but its text and paragraphs, read on every visit. */
export type CatalogueEntry = Omit<StoredReport, 'chunks' | 'text'> & { paragraphs: number };

/** Theme centroids made on this device, when the site's prepared ones were made by another model. */
export interface StoredThemes {
  key: string;
  dim: number;
  vectors: ArrayBuffer;
}

/**
 * The library's shared keyword index (LibraryKeywords), one record: made from the reports' paragraphs, so a damaged or
 * outdated one is made again and nothing is lost.
 */
export interface StoredLibraryKeywords {
  key: 'library';
  formatVersion: number;
  /** LibraryKeywords as JSON: it names each report it holds, with the hash of the text it was indexed from. */
  index: string;
  savedAt: number;
}

interface Schema extends DBSchema {
  reports: { key: string; value: StoredReportRecord };
  catalogue: { key: string; value: CatalogueEntry };
  reportIndexes: { key: string; value: StoredReportIndex };
  themes: { key: string; value: StoredThemes };
  libraryKeywords: { key: string; value: StoredLibraryKeywords };
}

export function catalogueEntry(stored: StoredReportRecord): CatalogueEntry {
  const { chunks, text: _text, ...entry } = stored;
  const paragraphs = stored.method === 'numbered' ? chunks.filter((c) => c.paragraph !== null).length : chunks.length;
  return { ...entry, paragraphs };
}

export type LoadOutcome =
  { status: 'hit'; index: StoredReportIndex } | { status: 'miss' } | { status: 'invalid'; reason: string };

function isStoredVectors(v: Partial<StoredVectors> | null | undefined): boolean {
  return (
    v === null ||
    (!!v &&
      typeof v.key === 'string' &&
      typeof v.dim === 'number' &&
      v.dim > 0 &&
      v.chunkRows instanceof ArrayBuffer &&
      v.chunkRows.byteLength % v.dim === 0 &&
      v.sentenceRows instanceof ArrayBuffer &&
      v.sentenceRows.byteLength % v.dim === 0 &&
      v.sentenceOwner instanceof ArrayBuffer &&
      v.sentenceOwner.byteLength === (v.sentenceRows.byteLength / v.dim) * 4 &&
      Array.isArray(v.assignments) &&
      v.assignments.length === v.chunkRows.byteLength / v.dim)
  );
}

function isStoredReportIndex(value: unknown, reportId: string): value is StoredReportIndex {
  const v = value as Partial<StoredReportIndex> | undefined;
  return (
    !!v &&
    v.reportId === reportId &&
    v.formatVersion === INDEX_FORMAT_VERSION &&
    typeof v.textHash === 'string' &&
    typeof v.keywordIndex === 'string' &&
    isStoredVectors(v.vectors)
  );
}

/** Versioned upgrades: each step brings a database from the version before it. */
async function upgradeFrom(
  oldVersion: number,
  database: IDBPDatabase<Schema>,
  tx: IDBPTransaction<Schema, StoreNames<Schema>[], 'versionchange'>,
): Promise<void> {
  if (oldVersion < 2) database.createObjectStore('reports', { keyPath: 'id' });
  if (oldVersion < 3) {
    // Version 2 kept one index per pair of reports compared: they are dropped and each report's own index is
    // built when the report is next opened. The reader's reports stay, and are listed in the new catalogue.
    if ((database.objectStoreNames as DOMStringList).contains('indexes'))
      database.deleteObjectStore('indexes' as never);
    const catalogue = database.createObjectStore('catalogue', { keyPath: 'id' });
    database.createObjectStore('reportIndexes', { keyPath: 'reportId' });
    database.createObjectStore('themes', { keyPath: 'key' });
    for (const report of await tx.objectStore('reports').getAll()) await catalogue.put(catalogueEntry(report));
  }
  if (oldVersion < 4) database.createObjectStore('libraryKeywords', { keyPath: 'key' });
}

/**
 * IndexedDB through idb. Added reports (text and paragraphs), a catalogue of them that is cheap to list, and each
 * report's own indexes, bundled reports' too. Every change that spans stores is one transaction, so a reload or a
 * second tab never leaves a report half written.
 */
export class IndexStore {
  private constructor(private readonly db: IDBPDatabase<Schema>) {}

  static async open(onBlocked?: () => void): Promise<IndexStore> {
    const db = await openDB<Schema>(DB_NAME, DB_VERSION, {
      upgrade(database, oldVersion, _newVersion, tx) {
        // idb does not wait for this: a step that fails must abort the upgrade, or a half-made schema is committed.
        upgradeFrom(oldVersion, database, tx).catch(() => {
          try {
            tx.abort();
          } catch {
            // A failed request has aborted it already.
          }
        });
      },
      blocked: () => onBlocked?.(),
      blocking: () => db.close(),
    });
    return new IndexStore(db);
  }

  async loadIndex(reportId: string): Promise<LoadOutcome> {
    const value = await this.db.get('reportIndexes', reportId);
    if (value === undefined) return { status: 'miss' };
    if (!isStoredReportIndex(value, reportId))
      return { status: 'invalid', reason: 'the stored index is damaged or from an older version' };
    return { status: 'hit', index: value };
  }

  async saveIndex(index: StoredReportIndex): Promise<void> {
    await this.db.put('reportIndexes', index);
  }

  async loadThemes(key: string): Promise<StoredThemes | undefined> {
    const value = await this.db.get('themes', key);
    return value && value.vectors instanceof ArrayBuffer && value.vectors.byteLength % (4 * value.dim) === 0
      ? value
      : undefined;
  }

  async saveThemes(themes: StoredThemes): Promise<void> {
    await this.db.put('themes', themes);
  }

  /** The library's shared keyword index as last saved; undefined when there is none, or it is not one. */
  async loadLibraryKeywords(): Promise<StoredLibraryKeywords | undefined> {
    const value = (await this.db.get('libraryKeywords', 'library')) as Partial<StoredLibraryKeywords> | undefined;
    const valid = !!value && value.formatVersion === INDEX_FORMAT_VERSION && typeof value.index === 'string';
    return valid ? (value as StoredLibraryKeywords) : undefined;
  }

  async saveLibraryKeywords(value: StoredLibraryKeywords): Promise<void> {
    await this.db.put('libraryKeywords', value);
  }

  /** Everything the app stores. */
  async clear(): Promise<void> {
    const tx = this.db.transaction([...this.db.objectStoreNames], 'readwrite');
    await Promise.all([...tx.objectStoreNames].map((name) => tx.objectStore(name).clear()).concat(tx.done));
  }

  listReports(): Promise<CatalogueEntry[]> {
    return this.db.getAll('catalogue');
  }

  async getReport(id: string): Promise<StoredReport | undefined> {
    const record = await this.db.get('reports', id);
    return record && withKinds(record);
  }

  /** The reports' text, for an export. */
  async allReports(): Promise<StoredReport[]> {
    return (await this.db.getAll('reports')).map(withKinds);
  }

  /** A report, its catalogue entry and its keyword index, all or none; a ConstraintError when it is already stored. */
  async addReport(report: StoredReport, index: StoredReportIndex): Promise<void> {
    const tx = this.db.transaction(['reports', 'catalogue', 'reportIndexes'], 'readwrite');
    const writes: Promise<unknown>[] = [];
    try {
      writes.push(tx.objectStore('reports').add(report), tx.objectStore('catalogue').put(catalogueEntry(report)));
      writes.push(tx.objectStore('reportIndexes').put(index));
      await Promise.all([...writes, tx.done]);
    } catch (error) {
      // A write refused before it was even queued (a value IndexedDB cannot key or clone) does not abort the
      // transaction by itself: the writes queued before it would be committed without it.
      for (const pending of [...writes, tx.done]) pending.catch(() => {});
      try {
        tx.abort();
      } catch {
        // Already aborted by the failed request.
      }
      throw error;
    }
  }

  /**
   * Removes a report and its indexes, in one transaction; the library's shared keyword index goes too, holding the
   * report's words (the next search of every report makes it again).
   */
  async deleteReport(id: string): Promise<void> {
    const tx = this.db.transaction(['reports', 'catalogue', 'reportIndexes', 'libraryKeywords'], 'readwrite');
    await Promise.all([
      tx.objectStore('reports').delete(id),
      tx.objectStore('catalogue').delete(id),
      tx.objectStore('reportIndexes').delete(id),
      tx.objectStore('libraryKeywords').delete('library'),
      tx.done,
    ]);
  }

  close(): void {
    this.db.close();
  }
}
