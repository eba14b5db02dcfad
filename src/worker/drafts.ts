import { parseReportText, type ReadReport } from '../core/chunk.ts';
import { sizeRefusal } from '../core/limits.ts';
import { addedReportId, contentHash } from './libraryFile.ts';
import type { ReportDraft } from './protocol.ts';

/** A report's text, read once: what the chunker made of it, under the id its words give it. */
export interface ReadText {
  id: string;
  /** Of its paragraphs' words, so the same report with other line breaks or under another name is recognised. */
  hash: string;
  sourceName: string;
  text: string;
  parsed: ReadReport;
}

/** The chunker names chunks after the prefix it is given; the report's own id is known only once they are hashed. */
const UNNAMED = 'unnamed';

/**
 * Drafts kept for the reader to confirm. The page shows one at a time; a few more cover a file chosen again while
 * the last was being read. Each holds a report's text, up to 20 MB, so no more are kept.
 */
const MAX_DRAFTS = 3;

/** Reads a report's text as the chunker sees it, refusing text over the size limit. */
export function readText(sourceName: string, text: string): ReadText {
  // The limit the page applies to a file, applied here to the text, so reports from an imported library meet it too.
  const bytes = new TextEncoder().encode(text).length;
  const tooLarge = sizeRefusal(sourceName, bytes);
  if (tooLarge) throw new Error(tooLarge);
  const unnamed = parseReportText(text, { id: UNNAMED, source: sourceName, chunkPrefix: UNNAMED });
  const words = unnamed.chunks.map((c) => c.text).join(' ');
  const hash = contentHash(words);
  const id = addedReportId(words);
  const chunks = unnamed.chunks.map((c) => ({ ...c, id: id + c.id.slice(UNNAMED.length), reportId: id }));
  return { id, hash, sourceName, text, parsed: { ...unnamed, report: { ...unnamed.report, id }, chunks } };
}

/**
 * Reports read and waiting for the reader's corrections, by token (the id their words give them): adding one sends its
 * token, not its text again, and the text is not read again.
 */
export class Drafts {
  private readonly waiting = new Map<string, ReadText>();

  keep(read: ReadText): ReportDraft {
    this.waiting.delete(read.id);
    this.waiting.set(read.id, read);
    for (const token of [...this.waiting.keys()].slice(0, -MAX_DRAFTS)) this.waiting.delete(token);
    const { parsed, sourceName } = read;
    const { report } = parsed;
    const paragraphs =
      parsed.method === 'numbered' ? parsed.chunks.filter((c) => c.paragraph !== null).length : parsed.chunks.length;
    return {
      token: read.id,
      sourceName,
      title: report.title,
      council: report.council,
      year: report.year || null,
      inspectionDates: report.inspectionDates,
      method: parsed.method,
      paragraphs,
      warnings: parsed.warnings,
    };
  }

  /** The report a draft names; a worker restarted since, or other files read since, no longer has it. */
  get(token: string): ReadText {
    const read = this.waiting.get(token);
    if (!read) {
      throw new Error(
        'This report is no longer waiting to be added (other files were read since, or the page’s search engine ' +
          'restarted). Choose the file again.',
      );
    }
    return read;
  }

  /** Once added, a draft is done with. */
  drop(token: string): void {
    this.waiting.delete(token);
  }
}
