import { buildReportIndex } from '../core/buildIndexes.ts';
import type { Corpus, Report } from '../core/types.ts';
import { catalogueEntry, type CatalogueEntry, type IndexStore, type StoredReport } from '../store/indexStore.ts';
import { readText, type ReadText } from './drafts.ts';
import { messageOf, storageProblem } from './errors.ts';
import {
  LIBRARY_FORMAT,
  contentHash,
  entryOfAdded,
  entryOfBundled,
  parseLibraryFile,
  type LibraryFile,
} from './libraryFile.ts';
import { toStoredKeyword } from '../store/storedRecords.ts';
import type { ImportOutcome, LibraryEntry, ReportMeta, Selection } from './protocol.ts';
import type { ReportIndexCache } from './reportIndexCache.ts';

/**
 * The reports of this browser: the bundled ones and those the reader added, which it adds, deletes, exports and
 * imports. A report already in it, under whatever name or line breaks, is refused.
 */
export class ReportLibrary {
  private bundledHashes: Map<string, string> | null = null;

  constructor(
    private readonly bundled: Corpus,
    /** Null when the browser will not store anything: then nothing can be added. */
    private readonly store: IndexStore | null,
    private readonly indexes: ReportIndexCache,
    private added: CatalogueEntry[],
  ) {}

  exists(id: string): boolean {
    return this.bundled.reports.some((r) => r.id === id) || this.added.some((r) => r.id === id);
  }

  /** Every report, bundled first, then the reader's in the order they were added. */
  allIds(): string[] {
    const added = [...this.added].sort((a, b) => a.addedAt - b.addedAt);
    return [...this.bundled.reports.map((r) => r.id), ...added.map((r) => r.id)];
  }

  defaultSelection(): Selection {
    return this.bundled.reports.slice(0, 2).map((r) => r.id);
  }

  entries(): LibraryEntry[] {
    return [...this.bundled.reports.map((r) => entryOfBundled(r, this.bundled)), ...this.added.map(entryOfAdded)];
  }

  /**
   * Refuses a report already in the library: the comparison is of its paragraph texts, so a report saved again under
   * another name, or with other line breaks, is still recognised.
   */
  refuseKnown(read: ReadText): ReadText {
    const known = [
      ...this.bundled.reports.map((r) => ({ title: r.title, year: r.year, hash: this.bundledHash(r.id) })),
      ...this.added.map((r) => ({ title: r.report.title, year: r.report.year, hash: r.contentHash })),
    ];
    const same = known.find((k) => k.hash === read.hash);
    if (same) throw new Error(`This report is already in your library (${same.year}: ${same.title}).`);
    return read;
  }

  private bundledHash(id: string): string | undefined {
    const { reports, chunks } = this.bundled;
    const textOf = (reportId: string) => chunks.filter((c) => c.reportId === reportId).map((c) => c.text);
    this.bundledHashes ??= new Map(reports.map((r) => [r.id, contentHash(textOf(r.id).join(' '))]));
    return this.bundledHashes.get(id);
  }

  /** Stores a report read from its text, with the reader's corrections; says its id. */
  async add(read: ReadText, meta: ReportMeta): Promise<string> {
    if (!this.store) throw new Error('This browser will not let the app store reports, so a report cannot be added.');
    const { id, hash, parsed, sourceName, text } = this.refuseKnown(read);
    const title = meta.title.trim() || sourceName;
    if (!Number.isInteger(meta.year) || meta.year < 1990 || meta.year > 2100) {
      throw new Error('Give the year of the inspection, for example 2019.');
    }
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
        await this.reload();
        const message = `This report is already in your library (${meta.year}: ${title}); it was added in another tab.`;
        throw new Error(message, { cause: error });
      }
      throw new Error(`The report could not be stored on this device (${storageProblem(error)}).`, { cause: error });
    }
    this.added = [...this.added, catalogueEntry(stored)];
    this.indexes.keep(index, record);
    return id;
  }

  async delete(id: string): Promise<void> {
    if (!this.store || !this.added.some((r) => r.id === id)) throw new Error('Only reports you added can be deleted.');
    // Forgotten first: an embedding of it that ends while the record is being deleted then writes nothing back.
    this.indexes.forget(id);
    await this.store.deleteReport(id);
    this.added = this.added.filter((r) => r.id !== id);
  }

  /** The reader's reports as a library file: their text and corrections; indexes are rebuilt on import. */
  async exportFile(): Promise<string> {
    const reports = (await this.store?.allReports()) ?? [];
    const file: LibraryFile = {
      format: LIBRARY_FORMAT,
      version: 1,
      reports: reports.map(({ sourceName, text, report }) => ({
        sourceName,
        text,
        title: report.title,
        council: report.council,
        year: report.year,
      })),
    };
    return JSON.stringify(file);
  }

  /** Adds the reports of a library file, each read once; those that cannot be added are named with the reason. */
  async importFile(json: string): Promise<ImportOutcome> {
    const file = parseLibraryFile(json);
    const outcome: ImportOutcome = { added: [], skipped: [] };
    for (const r of file.reports) {
      try {
        outcome.added.push(await this.add(readText(r.sourceName, r.text), r));
      } catch (error) {
        outcome.skipped.push(`${r.title}: ${messageOf(error)}`);
      }
    }
    return outcome;
  }

  /** Reads the catalogue again after another tab changed it; the indexes of reports deleted there are dropped. */
  async reload(): Promise<void> {
    if (!this.store) return;
    const before = this.allIds();
    this.added = await this.store.listReports();
    for (const id of before) if (!this.exists(id)) this.indexes.forget(id);
  }

  /** After the stored data was cleared: the bundled reports are all that is left. */
  forgetAdded(): void {
    this.added = [];
    this.indexes.forgetAll();
  }
}
