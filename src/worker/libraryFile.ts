import type { Corpus, Report } from '../core/types.ts';
import { hashString, sha256Hex } from '../core/hash.ts';
import { foldWords } from '../core/terms.ts';
import type { CatalogueEntry } from '../store/indexStore.ts';
import type { LibraryEntry, ReportMeta } from './protocol.ts';

export const LIBRARY_FORMAT = 'inspection-compare-library';

/** An exported library: the reports' text and the reader's corrections; indexes are rebuilt on import. */
export interface LibraryFile {
  format: typeof LIBRARY_FORMAT;
  version: 1;
  reports: (ReportMeta & { sourceName: string; text: string })[];
}

/**
 * The same report must not be added twice, whatever its line breaks, spacing or file name: the hash is of its
 * words only.
 */
export function contentHash(text: string): string {
  return hashString(foldWords(text));
}

/**
 * Added reports get ids of their own, distinct from the bundled ones and stable across machines, from their words:
 * 96 bits of SHA-256, so two reports never share an id, even reports made to. Reports stored before keep the ids they
 * were given (`u` and 8 hex digits), and links to them keep working.
 */
export const addedReportId = (words: string) => `u${sha256Hex(foldWords(words)).slice(0, 24)}`;

export function entryOfBundled(report: Report, corpus: Corpus): LibraryEntry {
  const chunks = corpus.chunks.filter((c) => c.reportId === report.id);
  return {
    ...pick(report),
    origin: 'bundled',
    paragraphs: chunks.filter((c) => c.paragraph !== null).length,
    method: 'numbered',
    sourceName: null,
  };
}

export function entryOfAdded(entry: CatalogueEntry): LibraryEntry {
  return {
    ...pick(entry.report),
    origin: 'added',
    paragraphs: entry.paragraphs,
    method: entry.method,
    sourceName: entry.sourceName,
  };
}

const pick = (r: Report) => ({
  id: r.id,
  year: r.year,
  title: r.title,
  council: r.council,
  inspectionDates: r.inspectionDates,
});

/** Reads an exported library file, refusing anything that is not one. */
export function parseLibraryFile(json: string): LibraryFile {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error('This file is not a library exported from this tool (it is not JSON).');
  }
  if (typeof data !== 'object' || data === null) throw new Error('This file is not a library exported from this tool.');
  const file = data as Partial<LibraryFile>;
  if (file.format !== LIBRARY_FORMAT || file.version !== 1 || !Array.isArray(file.reports)) {
    throw new Error('This file is not a library exported from this tool.');
  }
  for (const r of file.reports) {
    if (
      typeof r?.text !== 'string' ||
      typeof r.title !== 'string' ||
      typeof r.council !== 'string' ||
      !Number.isInteger(r.year) ||
      typeof r.sourceName !== 'string'
    ) {
      throw new Error('This library file is damaged: a report in it is incomplete.');
    }
  }
  // The page's fields give names on one line; a file can give any, and a line break would split a heading or a list
  // in an export.
  const reports = (file as LibraryFile).reports.map((r) => ({
    ...r,
    sourceName: singleLine(r.sourceName),
    title: singleLine(r.title),
    council: singleLine(r.council),
  }));
  return { ...(file as LibraryFile), reports };
}

// Unicode's next-line character ends a line too, and is no white space to JavaScript's \s.
const singleLine = (name: string) => name.replace(/[\s\u0085]+/g, ' ').trim();
