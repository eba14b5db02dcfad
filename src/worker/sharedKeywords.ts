import { LibraryKeywords } from '../core/keyword.ts';
import type { ReportIndex } from '../core/reportIndex.ts';
import { INDEX_FORMAT_VERSION, type IndexStore } from '../store/indexStore.ts';

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

  constructor(private readonly store: IndexStore | null) {}

  /** The index of exactly these reports, each given with the hash of its text. */
  async of(reports: readonly { index: ReportIndex; textHash: string }[]): Promise<LibraryKeywords> {
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
    // After the answer: writing it out takes a moment on a large library.
    if (changed) setTimeout(() => void this.save(held));
    return held.keywords;
  }

  private async read(): Promise<Held> {
    try {
      const stored = await this.store?.loadLibraryKeywords();
      if (stored)
        return { keywords: LibraryKeywords.fromJSON(stored.index), hashes: new Map(Object.entries(stored.reports)) };
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
