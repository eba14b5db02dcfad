import { ReportError, parseReport } from './chunk.ts';
import type { Corpus } from './types.ts';

/**
 * Bumped whenever the shape of corpus.json changes: the page and the scripts refuse a corpus.json of another shape (an
 * older build's) rather than misread it.
 */
export const CORPUS_FORMAT_VERSION = 2;

export interface ReportSource {
  id: string;
  /** Named in error messages. */
  source: string;
  text: string;
}

/** Parses every report and checks that chunk ids stay unique across them. */
export function buildCorpus(sources: ReportSource[]): Corpus {
  const corpus: Corpus = { formatVersion: CORPUS_FORMAT_VERSION, reports: [], chunks: [] };
  const seen = new Set<string>();
  for (const { id, source, text } of sources) {
    const { report, chunks, warnings } = parseReport(text, { id, source });
    if (warnings.length) throw new ReportError(source, warnings.join('; '));
    for (const chunk of chunks) {
      if (seen.has(chunk.id)) throw new ReportError(source, `chunk id ${chunk.id} is already used by another report`);
      seen.add(chunk.id);
    }
    corpus.reports.push(report);
    corpus.chunks.push(...chunks);
  }
  corpus.reports.sort((a, b) => a.year - b.year);
  return corpus;
}
