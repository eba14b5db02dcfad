import { ReportError, parseReport, type ParseOptions, type ParsedReport } from './chunk.ts';
import type { Chunk, Report } from './types.ts';

export interface ReadReport extends ParsedReport {
  /** `numbered`: split by the report's own paragraph numbers; `paragraphs`: no numbers, split at blank lines. */
  method: 'numbered' | 'paragraphs';
}

/** Joins words hyphenated at line ends by text extraction ("assess-\nments"); "16-\n17" and "multi-\nAgency" keep theirs. */
export function joinHyphenation(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/(\p{Ll})-\n(\p{Ll})/gu, '$1$2');
}

// An Ofsted children's services report names both; a file that mentions neither is something else.
const looksLikeReport = (text: string) => /\b(ofsted|inspection|inspectors?)\b/i.test(text) && /\bchild(ren)?\b/i.test(text);

/**
 * Parses a report a reader adds: by its numbered paragraphs when it has them and a title block, otherwise block by
 * block at blank lines, with the title, council and year as best guesses for the reader to confirm.
 */
export function parseReportText(text: string, options: ParseOptions): ReadReport {
  const source = options.source ?? options.id;
  if (!text.trim()) throw new ReportError(source, 'the file is empty');
  const cleaned = joinHyphenation(text);
  if (!looksLikeReport(cleaned)) throw new ReportError(source, 'this does not look like an Ofsted inspection report (it mentions no inspection of children’s services)');
  if (/^Inspection dates?:/im.test(cleaned)) {
    try {
      return { ...parseReport(cleaned, options), method: 'numbered' };
    } catch (error) {
      if (!(error instanceof ReportError) || !/no numbered paragraphs/.test(error.message)) throw error;
    }
  }
  return splitParagraphs(cleaned, options);
}

function splitParagraphs(text: string, options: ParseOptions): ReadReport {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  const warnings = ['No numbered paragraphs were found, so the text was split at blank lines.'];
  const years = (text.slice(0, 3000).match(/\b(19|20)\d{2}\b/g) ?? []).map(Number);
  const year = years.length ? Math.max(...years) : 0;
  if (!year) warnings.push('No year was found: set the year of the inspection.');
  const title = blocks[0]!.slice(0, 200);
  const council = /Inspection of (.+?) local authority/i.exec(text)?.[1] ?? '';
  const prefix = options.chunkPrefix ?? String(year);
  const chunks: Chunk[] = [];
  let heading = 'Report text';
  for (const block of blocks.slice(1)) {
    // A short line without a full stop is a heading, not a paragraph.
    if (block.length < 90 && !/[.!?:]$/.test(block)) {
      heading = block;
      continue;
    }
    chunks.push({ id: `${prefix}-b${chunks.length + 1}`, reportId: options.id, year, paragraph: null, sectionPath: [heading], grade: null, text: block });
  }
  if (chunks.length === 0) throw new ReportError(options.source ?? options.id, 'no paragraphs of text were found');
  const report: Report = {
    id: options.id,
    year,
    title,
    council,
    inspectionDates: /Inspection dates?:\s*(.+)/i.exec(text)?.[1]?.trim() ?? '',
    publisher: /ofsted/i.test(text) ? 'Ofsted' : 'Unknown',
    published: null,
    judgements: [],
    sectionGrades: [],
  };
  return { report, chunks, warnings, method: 'paragraphs' };
}
