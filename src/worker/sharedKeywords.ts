import { LibraryKeywords } from '../core/keyword.ts';
import type { ReportIndex } from '../core/reportIndex.ts';
import { INDEX_FORMAT_VERSION, type IndexStore } from '../store/indexStore.ts';

const SAVE_DELAY_MS = 2000;

/**
 * The library's shared keyword index, for searches of every report: read from storage on the first such search of a
 * visit, brought in step with the library report by report (a report deleted or changed is discarded, one added is
 * indexed), and saved when it changed. One that cannot be read is made again from the reports' paragraphs: it holds
 * nothing they do not.
 */
export class SharedKeywords {
  private keywords: Promise<LibraryKeywords> | null = null;
  private saving: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly store: IndexStore | null) {}

  /** The index brought in step with exactly these reports, each given with the hash of its text. */
  async inStepWith(reports: readonly { index: ReportIndex; textHash: string }[]): Promise<LibraryKeywords> {
    const keywords = await (this.keywords ??= this.read());
    const wanted = new Map(reports.map((r) => [r.index.report.id, r]));
    let changed = false;
    for (const id of keywords.reports()) {
      if (wanted.get(id)?.textHash === keywords.textHashOf(id)) continue;
      keywords.discard(id);
      changed = true;
    }
    for (const [id, { index, textHash }] of wanted) {
      if (keywords.holds(id)) continue;
      keywords.add(id, index.chunks, textHash);
      changed = true;
    }
    if (changed) this.saveSoon(keywords);
    return keywords;
  }

  /**
   * Writing the index out holds the worker for a moment on a large library: it waits until searching has paused (the
   * answer asked for by meaning follows its exact-words answer), and changes meanwhile make one write.
   */
  private saveSoon(keywords: LibraryKeywords): void {
    if (this.saving !== null) clearTimeout(this.saving);
    this.saving = setTimeout(() => {
      this.saving = null;
      void this.save(keywords);
    }, SAVE_DELAY_MS);
  }

  private async read(): Promise<LibraryKeywords> {
    try {
      const stored = await this.store?.loadLibraryKeywords();
      if (stored) return LibraryKeywords.fromJSON(stored.index);
    } catch {
      // Made again below, from the reports' paragraphs.
    }
    return LibraryKeywords.empty();
  }

  private async save(keywords: LibraryKeywords): Promise<void> {
    try {
      await this.store?.saveLibraryKeywords({
        key: 'library',
        formatVersion: INDEX_FORMAT_VERSION,
        index: keywords.toJSON(),
        savedAt: Date.now(),
      });
    } catch {
      // Only a later visit would read it, and it can make it again.
    }
  }
}
