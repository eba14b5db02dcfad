import { cleanLine } from '../runningLines.ts';
import {
  GRADED_ROW,
  GRADE_LINE,
  INLINE_GRADE,
  JUDGEMENT_HEADER,
  OUTCOME_AREA,
  RECOMMENDATIONS_HEADING,
  RECORD_OF_FINDINGS,
  SUMMARY_SECTION,
  TIMESCALE,
  TOP_LEVEL,
} from '../reportPatterns.ts';
import type { Chunk, Judgement, Report, SectionGrade } from '../types.ts';
import type { Header } from './header.ts';
import { kindOf } from './kind.ts';
import { BULLET, ENDS_SENTENCE, boilerplateLines } from './lines.ts';

export interface ParsedReport {
  report: Report;
  chunks: Chunk[];
  /** Oddities a reader of the source should know about (e.g. a paragraph number that was skipped). */
  warnings: string[];
}

// PDF text can leave a paragraph number alone on its line, the text starting on the next. Any number of digits: a long
// report runs past paragraph 999 (only the next few numbers are taken, see `numberedStart`).
const NUMBERED = /^(?:-\s*)?(\d+)\.(?:\s+(\S.*))?$/;
// The title of the contents list, which is boilerplate but says that the entries follow.
const CONTENTS_TITLE = /^contents$/i;
const CONTENTS_ENTRY = /^(.+?)\t+\d+$/;
// Text from a PDF has no tabs: inside the contents list an entry is a title followed by its page number.
const CONTENTS_ENTRY_SPACED = /^(\D.*?)\s+\d{1,3}$/;

const normalise = (s: string): string => cleanLine(s).replace(/:$/, '').toLowerCase();

// Splitting by the report's own numbers: each body line is classified in the light of the lines before it (the
// contents list names the headings, the judgement table the graded ones, the numbers so far the next paragraph), then
// read into the outline and the chunk being written.

interface Heading {
  title: string;
  level: number;
  grade: string | null;
}

/**
 * How a chunk began, which gives its id's letter: summary text stands before any heading, unnumbered text sits
 * inside a section.
 */
type Opening = 'numbered' | 'recommendation' | 'summary' | 'unnumbered';

interface OpenChunk {
  kind: Opening;
  paragraph: number | null;
  parts: string[];
  sectionPath: string[];
  grade: string | null;
}

type WrittenChunk = Omit<OpenChunk, 'parts'> & { text: string };

/** A body line with text that is not boilerplate, but for the contents list's title, which opens the list. */
interface BodyLine {
  /** Untrimmed, so a table row keeps its empty cells. */
  line: string;
  text: string;
  afterBlank: boolean;
}

/** What a body line is, given what the lines before it established. */
type LineKind =
  | { kind: 'contents-title' }
  | { kind: 'contents-entry'; title: string }
  | { kind: 'judgement-header' }
  | { kind: 'judgement'; judgement: Judgement }
  | { kind: 'grade'; grade: string }
  | { kind: 'heading'; heading: Heading }
  | { kind: 'start'; chunk: Opening; paragraph: number | null; text: string }
  | { kind: 'continuation'; part: string }
  /** A table's header row, or a row with no paragraph to go into. */
  | { kind: 'stray-row' };

/** What the body lines read so far have established. */
interface Reading {
  /** The headings the contents list names, normalised. */
  contents: Set<string>;
  inContents: boolean;
  /** The record of main findings is the last section and only a table. */
  inRecord: boolean;
  sawJudgementHeader: boolean;
  lastNumber: number;
  /** Numbers of lines that read like paragraphs but do not follow on, which went into the open chunk. */
  strays: string[];
  path: Heading[];
  judgements: Judgement[];
  sectionGrades: SectionGrade[];
  warnings: string[];
  open: OpenChunk | null;
  written: WrittenChunk[];
}

function bodyLines(lines: string[]): BodyLine[] {
  const boilerplate = boilerplateLines(lines);
  return lines.flatMap((line, i) => {
    const text = line.trim();
    const kept = text !== '' && (!boilerplate[i] || CONTENTS_TITLE.test(text));
    return kept ? [{ line, text, afterBlank: i > 0 && !lines[i - 1]!.trim() }] : [];
  });
}

const titlesOf = (path: Heading[]): string[] => path.map((h) => h.title);
const innermostGrade = (path: Heading[]): string | null => [...path].reverse().find((h) => h.grade)?.grade ?? null;
const inRecommendations = (path: Heading[]): boolean => path.some((h) => RECOMMENDATIONS_HEADING.test(h.title));
const blockKind = (path: Heading[]): Opening => (path.length ? 'unnumbered' : 'summary');
const nothingWritten = (r: Reading): boolean => r.written.length === 0 && r.open === null;
const lastPart = (chunk: OpenChunk): string => chunk.parts[chunk.parts.length - 1]!.trimEnd();

function gradedRow(text: string): Judgement | null {
  const row = GRADED_ROW.exec(text);
  return row ? { area: cleanLine(row[1]!), grade: cleanLine(row[2]!) } : null;
}

/** A tabbed row: the judgement table above the first paragraph and in the record, otherwise part of a paragraph. */
function tableRow(line: string, r: Reading): LineKind {
  const cells = line.split('\t').map(cleanLine);
  const [area = '', grade = ''] = cells;
  if (r.inRecord || nothingWritten(r)) {
    if (/^judgement$/i.test(area)) return { kind: 'stray-row' };
    return { kind: 'judgement', judgement: { area, grade: grade || null } };
  }
  return r.open ? { kind: 'continuation', part: '\n' + cells.filter(Boolean).join(': ') } : { kind: 'stray-row' };
}

function headingOf(line: string, r: Reading): Heading | null {
  let title = cleanLine(line).replace(/:$/, '');
  let grade: string | null = null;
  const inline = INLINE_GRADE.exec(title);
  if (inline && r.contents.has(normalise(inline[1]!))) {
    title = inline[1]!;
    grade = inline[2]!;
  }
  const key = title.toLowerCase();
  // ILACS headings read "<judgement area>: <grade>", echoing the judgement table.
  const judged = r.judgements.find((j) => j.grade && key.startsWith(j.area.toLowerCase() + ':'));
  if (judged) return { title: judged.area, level: 1, grade: judged.grade };
  if (TIMESCALE.test(title) && inRecommendations(r.path)) {
    return { title, level: r.path.findIndex((h) => RECOMMENDATIONS_HEADING.test(h.title)) + 2, grade: null };
  }
  if (!(r.contents.has(key) || RECOMMENDATIONS_HEADING.test(title) || RECORD_OF_FINDINGS.test(title))) return null;
  const level = TOP_LEVEL.test(title) ? 1 : OUTCOME_AREA.test(title) ? 3 : 2;
  return { title, level, grade };
}

/** The next paragraph number, or one of the two after it, starts a numbered paragraph. */
function numberedStart(text: string, lastNumber: number): LineKind | null {
  const numbered = NUMBERED.exec(text);
  const n = numbered ? Number(numbered[1]) : NaN;
  if (!numbered || !(n > lastNumber && n <= lastNumber + 3)) return null;
  return { kind: 'start', chunk: 'numbered', paragraph: n, text: numbered[2] ?? '' };
}

/** A bullet is a recommendation, an item of the open chunk's list or its running text, or starts a block. */
function bulletLine(text: string, r: Reading): LineKind | null {
  const item = BULLET.exec(text)?.[1];
  if (item === undefined) return null;
  if (inRecommendations(r.path)) return { kind: 'start', chunk: 'recommendation', paragraph: null, text: item };
  if (!r.open) return { kind: 'start', chunk: blockKind(r.path), paragraph: null, text: item };
  const inList = /:$/.test(lastPart(r.open)) || r.open.parts.some((p) => p.startsWith('\n- '));
  return { kind: 'continuation', part: (inList ? '\n- ' : ' ') + cleanLine(item) };
}

/**
 * Text goes on with the open chunk, but for a capital after a blank line and a finished sentence, which starts a block
 * (a numbered paragraph, cut by a page break, goes on).
 */
function textLine({ text, afterBlank }: BodyLine, r: Reading): LineKind {
  const open = r.open;
  const newBlock = open !== null && afterBlank && ENDS_SENTENCE.test(lastPart(open)) && /^[A-Z]/.test(text);
  if (open && (open.kind === 'numbered' || !newBlock)) return { kind: 'continuation', part: ' ' + cleanLine(text) };
  return { kind: 'start', chunk: blockKind(r.path), paragraph: null, text };
}

/** The checks run in this order, the first that matches deciding. */
function classify(body: BodyLine, r: Reading): LineKind {
  const { line, text } = body;
  if (CONTENTS_TITLE.test(text)) return { kind: 'contents-title' };
  const entry = CONTENTS_ENTRY.exec(text) ?? (r.inContents ? CONTENTS_ENTRY_SPACED.exec(text) : null);
  if (entry && !r.inRecord) return { kind: 'contents-entry', title: normalise(entry[1]!) };
  if (line.includes('\t')) return tableRow(line, r);
  // Every row of the record is a judgement, its group headings included, which would otherwise read as headings.
  if (r.inRecord) return { kind: 'judgement', judgement: gradedRow(text) ?? { area: cleanLine(text), grade: null } };
  // A judgement table whose tabs were lost on the way out of a PDF.
  if (JUDGEMENT_HEADER.test(text) && r.written.length === 0) return { kind: 'judgement-header' };
  const row = gradedRow(text);
  if (row && r.sawJudgementHeader && nothingWritten(r)) return { kind: 'judgement', judgement: row };
  if (GRADE_LINE.test(text.replace(/\*+/g, ''))) return { kind: 'grade', grade: cleanLine(text) };
  const heading = headingOf(text, r);
  if (heading) return { kind: 'heading', heading };
  return numberedStart(text, r.lastNumber) ?? bulletLine(text, r) ?? textLine(body, r);
}

/** "7", "7 and 20", "7, 20 and 100". */
function listed(items: string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Says which numbered lines went into the chunk, the reader otherwise never learning that paragraphs were merged. */
function strayWarning(chunk: OpenChunk, strays: string[], lastNumber: number): string {
  const one = strays.length === 1;
  const section = chunk.sectionPath.at(-1);
  const into =
    chunk.paragraph !== null
      ? `paragraph ${chunk.paragraph}`
      : section
        ? `the text under "${section}"`
        : 'the text before the first heading';
  const why = lastNumber
    ? `${one ? 'it does' : 'they do'} not follow on from paragraph ${lastNumber}`
    : "the report's paragraph numbers start at 1";
  return (
    `${one ? 'The line' : 'The lines'} numbered ${listed(strays)} ${one ? 'was' : 'were'} read as part of ${into}, ` +
    `not as ${one ? 'a paragraph of its own' : 'paragraphs of their own'}, because ${why}.`
  );
}

function closeChunk(r: Reading): void {
  if (!r.open) return;
  const { parts, ...chunk } = r.open;
  const text = parts.join('').trim();
  if (text) r.written.push({ ...chunk, text });
  if (r.strays.length) r.warnings.push(strayWarning(r.open, r.strays, r.lastNumber));
  r.strays = [];
  r.open = null;
}

/** A line that reads like a numbered paragraph but is taken as text of the open chunk is noted for its warning. */
function noteStray(r: Reading, text: string, line: LineKind): void {
  const number = NUMBERED.exec(text)?.[1];
  const asText = line.kind === 'continuation' || (line.kind === 'start' && line.paragraph === null);
  if (number !== undefined && asText && r.open) r.strays.push(number);
}

function gradeSection(r: Reading, grade: string): void {
  const inner = r.path[r.path.length - 1];
  if (!inner) return;
  r.path = [...r.path.slice(0, -1), { ...inner, grade }];
  r.sectionGrades.push({ sectionPath: titlesOf(r.path), grade });
}

function enterHeading(r: Reading, heading: Heading): void {
  closeChunk(r);
  r.path = [...r.path.filter((h) => h.level < heading.level), { ...heading, grade: null }];
  if (heading.grade) gradeSection(r, heading.grade);
  r.inRecord = RECORD_OF_FINDINGS.test(heading.title);
}

function startChunk(r: Reading, { chunk: kind, paragraph, text }: Extract<LineKind, { kind: 'start' }>): void {
  closeChunk(r);
  if (paragraph !== null) {
    if (paragraph !== r.lastNumber + 1) r.warnings.push(`paragraph numbers jump from ${r.lastNumber} to ${paragraph}`);
    r.lastNumber = paragraph;
  }
  const [sectionPath, grade] = [titlesOf(r.path), innermostGrade(r.path)];
  r.open = { kind, paragraph, parts: [cleanLine(text)], sectionPath, grade };
}

/** Takes a classified line into the outline, the judgement tables and the chunks. */
function read(r: Reading, line: LineKind): void {
  r.inContents = line.kind === 'contents-title' || (line.kind === 'contents-entry' && r.inContents);
  switch (line.kind) {
    case 'contents-entry':
      r.contents.add(line.title);
      return;
    case 'judgement-header':
      r.sawJudgementHeader = true;
      return;
    case 'judgement':
      r.judgements.push(line.judgement);
      return;
    case 'grade':
      closeChunk(r);
      gradeSection(r, line.grade);
      return;
    case 'heading':
      enterHeading(r, line.heading);
      return;
    case 'start':
      startChunk(r, line);
      return;
    case 'continuation':
      r.open?.parts.push(line.part);
      return;
  }
}

/** Numbered paragraphs by their number, other chunks by their kind's initial and their count. */
function withIds(written: WrittenChunk[], prefix: string, reportId: string, year: number): Chunk[] {
  const counts = { recommendation: 0, summary: 0, unnumbered: 0 };
  return written.map(({ kind, paragraph, sectionPath, grade, text }) => {
    const path = kind === 'summary' ? [SUMMARY_SECTION] : sectionPath;
    return {
      id: kind === 'numbered' ? `${prefix}-p${paragraph}` : `${prefix}-${kind[0]}${++counts[kind]}`,
      reportId,
      year,
      paragraph,
      kind: kindOf({ paragraph, sectionPath: path }),
      sectionPath: path,
      grade,
      text,
    };
  });
}

const startReading = (): Reading => ({
  contents: new Set(),
  inContents: false,
  inRecord: false,
  sawJudgementHeader: false,
  lastNumber: 0,
  strays: [],
  path: [],
  judgements: [],
  sectionGrades: [],
  warnings: [],
  open: null,
  written: [],
});

/** Splits the body of a report by its own paragraph numbers; chunk ids begin with `prefix`. */
export function splitNumbered(
  lines: string[],
  header: Header,
  id: string,
  prefix: string,
  rawText: string,
): ParsedReport {
  const r = startReading();
  for (const body of bodyLines(lines.slice(header.bodyStart))) {
    const line = classify(body, r);
    read(r, line);
    noteStray(r, body.text, line);
  }
  closeChunk(r);
  const { title, council, inspectionDates, published, year } = header;
  const publisher = /ofsted/i.test(rawText) ? 'Ofsted' : 'Unknown';
  const { judgements, sectionGrades } = r;
  return {
    report: { id, year, title, council, inspectionDates, publisher, published, judgements, sectionGrades },
    chunks: withIds(r.written, prefix, id, year),
    warnings: r.warnings,
  };
}
