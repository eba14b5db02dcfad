import { MAX_PLAUSIBLE_PARAGRAPH } from './limits.ts';
import { cleanLine, withoutRunningLines } from './runningLines.ts';
import type { Chunk, Judgement, Report, SectionGrade } from './types.ts';

/** A report that cannot be turned into chunks; the message names the file. */
export class ReportError extends Error {
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = 'ReportError';
  }
}

export interface ParsedReport {
  report: Report;
  chunks: Chunk[];
  /** Oddities a reader of the source should know about (e.g. a paragraph number that was skipped). */
  warnings: string[];
}

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

// Lines that PDF extraction carries over from covers, footers and back pages; never report content.
const BOILERPLATE = [
  /^©/,
  /crown copyright/i,
  /^website:/i,
  /may be reproduced in whole or in part/i,
  /^further copies of this report/i,
  /^age group:/i,
  /^published:/i,
  /^(reporting|lead) inspector:/i,
  /^inspection dates?:/i,
  /^the office for standards in education, children's services and skills/i,
  /^if you would like a copy of this document/i,
  /^you may reuse this information/i,
  /^this report is available at/i,
  /^interested in our work\?/i,
  /^piccadilly gate/i,
  /^t: \d/i,
  /^textphone:/i,
  /^contents$/i,
];

const RECOMMENDATIONS = /^(areas for improvement|what needs to improve\??)$/i;
const TIMESCALE = /^(immediately|within [a-z0-9 ]+ (weeks?|months?))$/i;
const RECORD_OF_FINDINGS = /^record of main findings$/i;
const GRADE_LINE = /^Grade \d\s*\([A-Za-z ]+\)$/i;
const INLINE_GRADE = /^(.*?)\s+(Grade \d\s*\([A-Za-z ]+\))$/i;
// PDF text can leave a paragraph number alone on its line, the text starting on the next. Any number of digits: a long
// report runs past paragraph 999 (only the next few numbers are taken, see `numberedStart`).
const NUMBERED = /^(?:-\s*)?(\d+)\.(?:\s+(\S.*))?$/;
const BULLET = /^-\s+(\S.*)$/;
// The title of the contents list, which is boilerplate but says that the entries follow.
const CONTENTS_TITLE = /^contents$/i;
const CONTENTS_ENTRY = /^(.+?)\t+\d+$/;
// Text from a PDF has no tabs: inside the contents list an entry is a title followed by its page number.
const CONTENTS_ENTRY_SPACED = /^(\D.*?)\s+\d{1,3}$/;
// A judgement-table row from a PDF: the area, then one of Ofsted's grades.
const GRADED_ROW = /^(.+?)\s+(Outstanding|Good|Adequate|Inadequate|Requires improvement to be good)$/i;
const JUDGEMENT_HEADER = /^judgement\s+grade$/i;
const ENDS_SENTENCE = /[.!?]["'”’)]?$/;

// The 2012 safeguarding and looked after children framework nests its outcome areas under a parent
// heading; the text gives no indentation, so the outline is stated here.
const TOP_LEVEL = new RegExp(
  '^(about this inspection|the inspection judgements and what they mean|service information|safeguarding services|' +
    'services for looked after children|record of main findings|what needs to improve\\??)$',
  'i',
);
const OUTCOME_AREA = new RegExp(
  '^(children and young people are safe and feel safe|being healthy|staying safe|enjoying and achieving|' +
    'making a positive contribution.*|economic well-being)$',
  'i',
);

const normalise = (s: string): string => cleanLine(s).replace(/:$/, '').toLowerCase();

// A long line that ends no sentence was wrapped at the page width, so its sentence goes on in the next line.
const wrapsOn = (line: string): boolean => line.length >= 60 && !ENDS_SENTENCE.test(line);

/** Which lines are boilerplate, counting the lines a PDF wrapped a boilerplate sentence onto. */
function boilerplateLines(lines: string[]): boolean[] {
  let wrapped = false;
  return lines.map((line) => {
    const text = line.trim();
    const boilerplate = text !== '' && (wrapped || BOILERPLATE.some((re) => re.test(text)));
    wrapped = boilerplate && wrapsOn(text);
    return boilerplate;
  });
}

interface Header {
  title: string;
  council: string;
  inspectionDates: string;
  published: string | null;
  year: number;
  /** Index of the first line after the title block. */
  bodyStart: number;
}

const COUNCIL_IN_TITLE = /Inspection of (.+?) local authority children['’]?s services/i;

/**
 * The title block and inspection dates. `guesses` collects warnings instead of errors: a reader adding a report
 * confirms its title, council and year, so a missing one is left blank (the year 0) for them to fill in.
 */
function readHeader(lines: string[], source: string, guesses: string[] | null): Header {
  const text = lines.join('\n');
  const dates = /^Inspection dates?:\s*(.+)$/im.exec(text)?.[1]?.trim() ?? '';
  if (!dates && !guesses) {
    throw new ReportError(source, 'no "Inspection dates:" line, so this does not look like an inspection report');
  }
  if (!dates) guesses?.push('No "Inspection dates:" line was found: check the title, council and year.');
  // Without dates, the latest year on the cover is the likeliest year of the inspection.
  const years = dates
    ? dates.match(/\b(19|20)\d{2}\b/g)
    : [...(text.slice(0, 3000).match(/\b(19|20)\d{2}\b/g) ?? [])].sort();
  let year = years?.length ? Number(years[years.length - 1]) : NaN;
  if (!Number.isFinite(year)) {
    if (!guesses) throw new ReportError(source, `no year in the inspection dates "${dates}"`);
    guesses.push('No year was found: set the year of the inspection.');
    year = 0;
  }

  const firstLines: number[] = [];
  for (let i = 0; i < lines.length && firstLines.length < 2; i++) {
    if (lines[i]!.trim()) firstLines.push(i);
  }
  const titleIndex = firstLines[0]!;
  const title = cleanLine(lines[titleIndex]!).slice(0, 200);
  const secondIndex = firstLines[1];
  const second = secondIndex === undefined ? '' : cleanLine(lines[secondIndex]!);
  const named = COUNCIL_IN_TITLE.exec(title)?.[1];
  const secondIsCouncil =
    !named && second !== '' && !/:/.test(second) && second.length < 80 && !ENDS_SENTENCE.test(second);
  const guessed = guesses ? (COUNCIL_IN_TITLE.exec(text.slice(0, 3000))?.[1] ?? '') : '';
  const council = named ?? (secondIsCouncil ? second : guessed);
  if (!council) guesses?.push('No council was found: enter the council.');
  return {
    title,
    council,
    inspectionDates: dates,
    published: /^Published:\s*(.+)$/im.exec(text)?.[1]?.trim() ?? null,
    year,
    bodyStart: (secondIsCouncil ? secondIndex! : titleIndex) + 1,
  };
}

// Words Ofsted writes with a hyphen whatever follows.
const HYPHENATED_PREFIXES = new Set([
  'anti',
  'co',
  'cross',
  'decision',
  'face',
  'multi',
  'non',
  'self',
  'semi',
  'well',
]);
// A hyphen (ASCII, Unicode or soft) at a line end, with the word going on in lower case after it.
const LINE_END_HYPHEN = /(\p{L}+)([-\u00ad\u2010])[ \t]*\n\s*(\p{Ll}+)(\S*)/gu;

/**
 * Mends words that a PDF broke across lines at a hyphen ("assess-\nments", "multi-\nagency"), putting the whole
 * word, with any punctuation after it, at the end of the first line. The report's own spelling elsewhere decides
 * first: "xxx-yyy" keeps the hyphen, "xxxyyy" drops it. Otherwise a soft hyphen or U+2010 (which typesetters put in
 * when they break a word) goes; a plain hyphen stays when xxx is a prefix Ofsted hyphenates (multi, self,
 * decision...) or both halves are words the report uses on their own ("needs-based"), and goes when a half is no word
 * of the report ("ments"). A capital or digit after the break ("16-\n17-year-olds") and a dash after a space are
 * left alone.
 */
export function joinHyphenatedWords(text: string): string {
  const rest = text.replace(LINE_END_HYPHEN, ' ');
  const spelt = new Set((rest.match(/[\p{L}-]+/gu) ?? []).map((w) => w.toLowerCase()));
  const words = new Set((rest.match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase()));
  return text.replace(LINE_END_HYPHEN, (_, head: string, mark: string, tail: string, trailing: string) => {
    const [h, t] = [head.toLowerCase(), tail.toLowerCase()];
    const compound = HYPHENATED_PREFIXES.has(h) || (words.has(h) && words.has(t));
    const hyphen = spelt.has(`${h}-${t}`) || (mark === '-' && !spelt.has(h + t) && compound);
    return (hyphen ? `${head}-${tail}` : head + tail) + trailing + '\n';
  });
}

function toLines(rawText: string): string[] {
  const lines = rawText
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?|\f/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/ +$/, ''));
  return joinHyphenatedWords(withoutRunningLines([lines])[0]!.join('\n')).split('\n');
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
  const parsed = splitNumbered(lines, header, options, rawText);
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

function implausiblyLong(chunks: Chunk[]): string[] {
  const limit = MAX_PLAUSIBLE_PARAGRAPH.toLocaleString('en-GB');
  const nameOf = (c: Chunk) =>
    c.paragraph !== null ? `Paragraph ${c.paragraph}` : `A block in "${c.sectionPath.at(-1)}"`;
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
  const numbered = splitNumbered(lines, header, options, rawText);
  const byNumber = numbered.chunks.filter((c) => c.paragraph !== null);
  if (byNumber.length && 2 * textLength(byNumber) >= textLength(numbered.chunks)) {
    const warnings = [...implausiblyLong(numbered.chunks), ...guesses, ...numbered.warnings];
    return { ...numbered, warnings, method: 'numbered' };
  }
  const prefix = options.chunkPrefix ?? String(header.year);
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

/**
 * One chunk per block of text between blank lines, its wrapped lines joined. A short block that ends without
 * punctuation is a heading, giving the section of the blocks after it; a block in lower case after one that ends no
 * sentence was cut by a page break and is put back.
 */
function splitAtBlankLines(lines: string[], reportId: string, year: number, prefix: string): Chunk[] {
  const blocks: string[] = [];
  let parts: string[] = [];
  const flush = () => {
    const text = parts.join('').trim();
    parts = [];
    if (!text) return;
    const previous = blocks[blocks.length - 1];
    const cutByPage = previous !== undefined && !ENDS_SENTENCE.test(previous) && /^\p{Ll}/u.test(text);
    if (cutByPage) blocks[blocks.length - 1] = `${previous} ${text}`;
    else blocks.push(text);
  };
  const boilerplate = boilerplateLines(lines);
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed) flush();
    else if (!boilerplate[i]) {
      const bullet = BULLET.exec(trimmed);
      parts.push(bullet ? '\n- ' + cleanLine(bullet[1]!) : ' ' + cleanLine(trimmed));
    }
  });
  flush();
  const chunks: Chunk[] = [];
  let heading = 'Report text';
  for (const text of blocks) {
    if (text.length < 90 && !/[.!?:]$/.test(text) && !text.includes('\n')) heading = text;
    else {
      const id = `${prefix}-b${chunks.length + 1}`;
      chunks.push({ id, reportId, year, paragraph: null, sectionPath: [heading], grade: null, text });
    }
  }
  return chunks;
}

// Splitting by the report's own numbers: each body line is classified in the light of the lines before it (the
// contents list names the headings, the judgement table the graded ones, the numbers so far the next paragraph), then
// read into the outline and the chunk being written.

interface Heading {
  title: string;
  level: number;
  grade: string | null;
}

/** Summary text stands before any heading; unnumbered text sits inside a section. */
type ChunkKind = 'numbered' | 'recommendation' | 'summary' | 'unnumbered';

interface OpenChunk {
  kind: ChunkKind;
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
  | { kind: 'start'; chunk: ChunkKind; paragraph: number | null; text: string }
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
const inRecommendations = (path: Heading[]): boolean => path.some((h) => RECOMMENDATIONS.test(h.title));
const blockKind = (path: Heading[]): ChunkKind => (path.length ? 'unnumbered' : 'summary');
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
    return { title, level: r.path.findIndex((h) => RECOMMENDATIONS.test(h.title)) + 2, grade: null };
  }
  if (!(r.contents.has(key) || RECOMMENDATIONS.test(title) || RECORD_OF_FINDINGS.test(title))) return null;
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

function closeChunk(r: Reading): void {
  if (!r.open) return;
  const { parts, ...chunk } = r.open;
  const text = parts.join('').trim();
  if (text) r.written.push({ ...chunk, text });
  r.open = null;
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
  return written.map(({ kind, paragraph, sectionPath, grade, text }) => ({
    id: kind === 'numbered' ? `${prefix}-p${paragraph}` : `${prefix}-${kind[0]}${++counts[kind]}`,
    reportId,
    year,
    paragraph,
    sectionPath: kind === 'summary' ? ['Summary'] : sectionPath,
    grade,
    text,
  }));
}

const startReading = (): Reading => ({
  contents: new Set(),
  inContents: false,
  inRecord: false,
  sawJudgementHeader: false,
  lastNumber: 0,
  path: [],
  judgements: [],
  sectionGrades: [],
  warnings: [],
  open: null,
  written: [],
});

function splitNumbered(lines: string[], header: Header, options: ParseOptions, rawText: string): ParsedReport {
  const r = startReading();
  for (const line of bodyLines(lines.slice(header.bodyStart))) read(r, classify(line, r));
  closeChunk(r);
  const { id, chunkPrefix } = options;
  const { title, council, inspectionDates, published, year } = header;
  const publisher = /ofsted/i.test(rawText) ? 'Ofsted' : 'Unknown';
  const { judgements, sectionGrades } = r;
  return {
    report: { id, year, title, council, inspectionDates, publisher, published, judgements, sectionGrades },
    chunks: withIds(r.written, chunkPrefix ?? String(year), id, year),
    warnings: r.warnings,
  };
}
