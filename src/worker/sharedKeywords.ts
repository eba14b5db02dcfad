import { LibraryKeywords } from '../core/keyword.ts';
import type { ReportIndex } from '../core/reportIndex.ts';
import { INDEX_FORMAT_VERSION, type IndexStore } from '../store/indexStore.ts';

const SAVE_DELAY_MS = 2000;

interface Held {
  keywords: LibraryKeywords;
  /** Each report the index holds, with the hash of the text it was indexed from. */
  hashes: Map<string, string>;
}

/**
 * The library's shared keyword index, for searches of every report: read from storage on the first such search of a
 * visit, brought in step with the library report by report (a report deleted or changed is discarded, one added is
 * indexed), and saved when it changed. One that cannot be read is made again from the reports' paragraphs: it holds
 * nothing they do not.
 */
export class SharedKeywords {
  private held: Promise<Held> | null = null;
  private saving: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly store: IndexStore | null) {}

  /** The index brought in step with exactly these reports, each given with the hash of its text. */
  async inStepWith(reports: readonly { index: ReportIndex; textHash: string }[]): Promise<LibraryKeywords> {
    const held = await (this.held ??= this.read());
    const wanted = new Map(reports.map((r) => [r.index.report.id, r]));
    let changed = false;
    for (const [id, hash] of held.hashes) {
      if (wanted.get(id)?.textHash === hash) continue;
      held.keywords.discard(id);
      held.hashes.delete(id);
      changed = true;
    }
    for (const [id, { index, textHash }] of wanted) {
      if (held.hashes.has(id)) continue;
      held.keywords.add(id, index.chunks);
      held.hashes.set(id, textHash);
      changed = true;
    }
    if (changed) this.saveSoon(held);
    return held.keywords;
  }

  /**
   * Writing the index out holds the worker for a moment on a large library: it waits until searching has paused (the
   * answer asked for by meaning follows its exact-words answer), and changes meanwhile make one write.
   */
  private saveSoon(held: Held): void {
    if (this.saving !== null) clearTimeout(this.saving);
    this.saving = setTimeout(() => {
      this.saving = null;
      void this.save(held);
    }, SAVE_DELAY_MS);
  }

  private async read(): Promise<Held> {
    try {
      const stored = await this.store?.loadLibraryKeywords();
      if (stored) {
        const keywords = LibraryKeywords.fromJSON(stored.index);
        const hashes = new Map(Object.entries(stored.reports));
        // A report named but not indexed would be found silent on everything: the two lists must agree.
        const indexed = keywords.reports();
        if (indexed.length === hashes.size && indexed.every((id) => hashes.has(id))) return { keywords, hashes };
      }
    } catch {
      // Made again below, from the reports' paragraphs.
    }
    return { keywords: LibraryKeywords.empty(), hashes: new Map() };
  }

  private async save({ keywords, hashes }: Held): Promise<void> {
    try {
      await this.store?.saveLibraryKeywords({
        key: 'library',
        formatVersion: INDEX_FORMAT_VERSION,
        reports: Object.fromEntries(hashes),
        index: keywords.toJSON(),
        savedAt: Date.now(),
      });
    } catch {
      // Only a later visit would read it, and it can make it again.
    }
  }
}
