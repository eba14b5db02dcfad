import { MAX_PLAUSIBLE_PARAGRAPH } from './limits.ts';
import type { Chunk } from './types.ts';
import { splitAtBlankLines } from './chunk/blocks.ts';
import { readHeader } from './chunk/header.ts';
import { toLines } from './chunk/lines.ts';
import { splitNumbered, type ParsedReport } from './chunk/numbered.ts';
import { ReportError } from './chunk/reportError.ts';

export { joinHyphenatedWords } from './chunk/lines.ts';
export { ReportError, type ParsedReport };

/** A report a reader adds, with how it was split (see `parseReportText`). */
export interface ReadReport extends ParsedReport {
  /**
   * `numbered`: by the report's own paragraph numbers; `paragraphs`: at blank lines, the report having too few
   * numbers.
   */
  method: 'numbered' | 'paragraphs';
}

export interface ParseOptions {
  /** Report id, e.g. the file name without extension. */
  id: string;
  /** Named in error messages; defaults to the id. */
  source?: string;
  /** Prefix of chunk ids; defaults to the inspection year, giving ids like `2012-p32`. */
  chunkPrefix?: string;
}

/** Decodes a report file strictly: a report with broken bytes would silently lose text otherwise. */
export function decodeReport(bytes: Uint8Array, source: string): string {
  if (bytes.length === 0) throw new ReportError(source, 'the file is empty');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReportError(source, 'the file is not valid UTF-8 text (save it as UTF-8 and try again)');
  }
}

/**
 * Turns the plain text of an Ofsted children's services report into its metadata and one chunk per
 * paragraph. Paragraphs cut by page breaks are joined, recommendation lists become one chunk per item,
 * and cover, contents and back-page boilerplate is dropped, as are page numbers, running titles and words
 * hyphenated at line ends when the text comes from a PDF.
 */
export function parseReport(rawText: string, options: ParseOptions): ParsedReport {
  const source = options.source ?? options.id;
  if (!rawText.trim()) throw new ReportError(source, 'the file is empty');
  const lines = toLines(rawText);
  const header = readHeader(lines, source, null);
  const parsed = splitNumbered(lines, header, options.id, options.chunkPrefix ?? String(header.year), rawText);
  if (!parsed.chunks.some((c) => c.paragraph !== null)) {
    throw new ReportError(
      source,
      'no numbered paragraphs found ("1. ..."), so the report cannot be split into paragraphs',
    );
  }
  return parsed;
}

// The least a report must have: an "Inspection dates:" line, or a mention of Ofsted or an inspection and this many
// lines about children or young people.
const MIN_LINES_ABOUT_CHILDREN = 5;

function looksLikeReport(lines: string[]): boolean {
  const text = lines.join('\n');
  if (/^Inspection dates?:/im.test(text)) return true;
  if (!/\b(ofsted|inspect(ion|ions|ors?|ed)?)\b/i.test(text)) return false;
  return lines.filter((l) => /\b(child(ren)?|young (people|person))\b/i.test(l)).length >= MIN_LINES_ABOUT_CHILDREN;
}

const textLength = (chunks: Chunk[]) => chunks.reduce((n, c) => n + c.text.length, 0);

const OPENING_WORDS = 6;
const OPENING_CHARACTERS = 60;

/** A chunk's first words, so that blocks in the same section, even of the same length, can be told apart. */
function opening(text: string): string {
  const words = text.split(/\s+/).slice(0, OPENING_WORDS + 1);
  // Counted in code points, so a cut never leaves half a character; a block may be one long word.
  const start = [...words.slice(0, OPENING_WORDS).join(' ')];
  const cut = start.slice(0, OPENING_CHARACTERS).join('');
  return cut + (words.length > OPENING_WORDS || start.length > OPENING_CHARACTERS ? '…' : '');
}

function implausiblyLong(chunks: Chunk[]): string[] {
  const limit = MAX_PLAUSIBLE_PARAGRAPH.toLocaleString('en-GB');
  // Blocks are counted apart from numbered paragraphs, which have their own numbers.
  const blocks = chunks.filter((c) => c.paragraph === null);
  const nameOf = (c: Chunk) =>
    c.paragraph !== null
      ? `Paragraph ${c.paragraph}`
      : `Block ${blocks.indexOf(c) + 1} (in "${c.sectionPath.at(-1)}", beginning "${opening(c.text)}")`;
  return chunks
    .filter((c) => c.text.length > MAX_PLAUSIBLE_PARAGRAPH)
    .map(
      (c) =>
        `${nameOf(c)} is ${c.text.length.toLocaleString('en-GB')} characters long, far longer than a report's ` +
        `paragraphs are (under ${limit}): the file's numbering or layout was probably not read correctly, so search ` +
        'in it will be poor.',
    );
}

/**
 * Parses a report a reader adds. It is split by its own paragraph numbers when the numbered paragraphs hold at least
 * half its text (as every Ofsted report since 2009 does), otherwise at blank lines, and `method` says which. The
 * title, council and year are best guesses for the reader to confirm: one that cannot be found is blank, with a
 * warning. Text that is clearly something else (see `looksLikeReport`) is refused.
 */
export function parseReportText(rawText: string, options: ParseOptions): ReadReport {
  const source = options.source ?? options.id;
  if (!rawText.trim()) throw new ReportError(source, 'the file is empty');
  const lines = toLines(rawText);
  if (!looksLikeReport(lines)) {
    throw new ReportError(
      source,
      'this does not look like an Ofsted inspection report: it has no "Inspection dates:" line, and fewer than ' +
        `${MIN_LINES_ABOUT_CHILDREN} lines about children in a text that mentions Ofsted or an inspection`,
    );
  }
  const guesses: string[] = [];
  const header = readHeader(lines, source, guesses);
  const prefix = options.chunkPrefix ?? String(header.year);
  const numbered = splitNumbered(lines, header, options.id, prefix, rawText);
  const byNumber = numbered.chunks.filter((c) => c.paragraph !== null);
  if (byNumber.length && 2 * textLength(byNumber) >= textLength(numbered.chunks)) {
    const warnings = [...implausiblyLong(numbered.chunks), ...guesses, ...numbered.warnings];
    return { ...numbered, warnings, method: 'numbered' };
  }
  const chunks = splitAtBlankLines(lines.slice(header.bodyStart), options.id, header.year, prefix);
  if (!chunks.length) throw new ReportError(source, 'no paragraphs of text were found');
  const why = byNumber.length
    ? `Only ${byNumber.length} numbered paragraphs were found, holding less than half the text, so the text was ` +
      'split at blank lines.'
    : 'No numbered paragraphs were found, so the text was split at blank lines.';
  return {
    report: { ...numbered.report, judgements: [], sectionGrades: [] },
    chunks,
    warnings: [why, ...implausiblyLong(chunks), ...guesses],
    method: 'paragraphs',
  };
}
