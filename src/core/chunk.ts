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
  /** `numbered`: by the report's own paragraph numbers; `paragraphs`: at blank lines, the report having too few numbers. */
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

/** Whether a line is boilerplate, or carries on a boilerplate sentence that a PDF wrapped (see `wrapsOn`). */
const isBoilerplate = (line: string, wrapped: boolean): boolean => wrapped || BOILERPLATE.some((re) => re.test(line));
// A long line that ends no sentence was wrapped at the page width, so its sentence goes on in the next line.
const wrapsOn = (line: string): boolean => line.length >= 60 && !ENDS_SENTENCE.test(line);

const RECOMMENDATIONS = /^(areas for improvement|what needs to improve\??)$/i;
const TIMESCALE = /^(immediately|within [a-z0-9 ]+ (weeks?|months?))$/i;
const RECORD_OF_FINDINGS = /^record of main findings$/i;
const GRADE_LINE = /^Grade \d\s*\([A-Za-z ]+\)$/i;
const INLINE_GRADE = /^(.*?)\s+(Grade \d\s*\([A-Za-z ]+\))$/i;
// PDF text can leave a paragraph number alone on its line, the text starting on the next.
// Any number of digits: a long report runs past paragraph 999 (only the next few numbers are taken, see splitNumbered).
const NUMBERED = /^(?:-\s*)?(\d+)\.(?:\s+(\S.*))?$/;
const BULLET = /^-\s+(\S.*)$/;
const CONTENTS_ENTRY = /^(.+?)\t+\d+$/;
// Text from a PDF has no tabs: inside the contents list an entry is a title followed by its page number.
const CONTENTS_ENTRY_SPACED = /^(\D.*?)\s+\d{1,3}$/;
// A judgement-table row from a PDF: the area, then one of Ofsted's grades.
const GRADED_ROW = /^(.+?)\s+(Outstanding|Good|Adequate|Inadequate|Requires improvement to be good)$/i;
const JUDGEMENT_HEADER = /^judgement\s+grade$/i;
const ENDS_SENTENCE = /[.!?]["'”’)]?$/;

// The 2012 safeguarding and looked after children framework nests its outcome areas under a parent
// heading; the text gives no indentation, so the outline is stated here.
const TOP_LEVEL =
  /^(about this inspection|the inspection judgements and what they mean|service information|safeguarding services|services for looked after children|record of main findings|what needs to improve\??)$/i;
const OUTCOME_AREA =
  /^(children and young people are safe and feel safe|being healthy|staying safe|enjoying and achieving|making a positive contribution.*|economic well-being)$/i;

interface Heading {
  title: string;
  level: number;
  grade: string | null;
}

interface OpenChunk {
  /** Summary text stands before any heading; unnumbered text sits inside a section. */
  kind: 'numbered' | 'recommendation' | 'summary' | 'unnumbered';
  paragraph: number | null;
  parts: string[];
  sectionPath: string[];
  grade: string | null;
}

const clean = (s: string): string =>
  s
    .replace(/\*+/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const normalise = (s: string): string => clean(s).replace(/:$/, '').toLowerCase();

interface Header {
  title: string;
  council: string;
  inspectionDates: string;
  published: string | null;
  year: number;
  /** Index of the first line after the title block. */
  bodyStart: number;
}

/**
 * The title block and inspection dates. `guesses` collects warnings instead of errors: a reader adding a report
 * confirms its title, council and year, so a missing one is left blank (the year 0) for them to fill in.
 */
function readHeader(lines: string[], source: string, guesses: string[] | null): Header {
  const text = lines.join('\n');
  const dates = /^Inspection dates?:\s*(.+)$/im.exec(text)?.[1]?.trim() ?? '';
  if (!dates && !guesses) throw new ReportError(source, 'no "Inspection dates:" line, so this does not look like an inspection report');
  if (!dates) guesses?.push('No "Inspection dates:" line was found: check the title, council and year.');
  // Without dates, the latest year on the cover is the likeliest year of the inspection.
  const years = dates ? dates.match(/\b(19|20)\d{2}\b/g) : [...(text.slice(0, 3000).match(/\b(19|20)\d{2}\b/g) ?? [])].sort();
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
  const title = clean(lines[titleIndex]!).slice(0, 200);
  const secondIndex = firstLines[1];
  const second = secondIndex === undefined ? '' : clean(lines[secondIndex]!);
  const named = COUNCIL_IN_TITLE.exec(title)?.[1];
  const secondIsCouncil = !named && second !== '' && !/:/.test(second) && second.length < 80 && !ENDS_SENTENCE.test(second);
  const council = named ?? (secondIsCouncil ? second : guesses ? (COUNCIL_IN_TITLE.exec(text.slice(0, 3000))?.[1] ?? '') : '');
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

const COUNCIL_IN_TITLE = /Inspection of (.+?) local authority children['’]?s services/i;

// Running headers and footers of a printed report, wherever its text was copied from.
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$/i;
const OFSTED_ADDRESS = /^(?:https?:\/\/)?(?:www\.)?(?:gov\.uk\/ofsted|(?:reports\.)?ofsted\.gov\.uk)\/?$/i;

/**
 * Drops page furniture from text taken out of a PDF: page numbers ("12", "Page 3 of 12"), Ofsted's web address alone
 * on a line, the title repeated below the title block, and any line met three times or more within two lines of a
 * page number (a running title or footer). Plain text has no page marks, so a line that merely recurs, such as the
 * timescale "Within three months", is kept.
 */
function withoutRunningLines(lines: string[]): string[] {
  const key = (l: string) => clean(l).toLowerCase();
  const mark = lines.map((l) => PAGE_NUMBER.test(l.trim()) || OFSTED_ADDRESS.test(l.trim()));
  const filled = lines.flatMap((l, i) => (l.trim() ? [i] : []));
  const nearMark = new Set<number>();
  filled.forEach((i, k) => {
    if (mark[i]) for (const j of filled.slice(Math.max(0, k - 2), k + 3)) nearMark.add(j);
  });
  const counts = new Map<string, number>();
  for (const i of nearMark) if (!mark[i]) counts.set(key(lines[i]!), (counts.get(key(lines[i]!)) ?? 0) + 1);
  const titleIndex = filled[0] ?? 0;
  const title = key(lines[titleIndex] ?? '');
  return lines.filter((l, i) => !(mark[i] || (i > titleIndex && key(l) === title) || (nearMark.has(i) && (counts.get(key(l)) ?? 0) >= 3)));
}

// Words Ofsted writes with a hyphen whatever follows.
const HYPHENATED_PREFIXES = new Set(['anti', 'co', 'cross', 'decision', 'face', 'multi', 'non', 'self', 'semi', 'well']);
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
    const hyphen =
      spelt.has(`${h}-${t}`) || (mark === '-' && !spelt.has(h + t) && (HYPHENATED_PREFIXES.has(h) || (words.has(h) && words.has(t))));
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
  return joinHyphenatedWords(withoutRunningLines(lines).join('\n')).split('\n');
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
    throw new ReportError(source, 'no numbered paragraphs found ("1. ..."), so the report cannot be split into paragraphs');
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

/**
 * Longer than any paragraph of an inspection report (the longest of the bundled ones is under 2,000 characters): a
 * chunk this long means numbers or blank lines were missed, and the reader is told which one.
 */
export const MAX_PLAUSIBLE_PARAGRAPH = 20_000;

function implausiblyLong(chunks: Chunk[]): string[] {
  return chunks
    .filter((c) => c.text.length > MAX_PLAUSIBLE_PARAGRAPH)
    .map(
      (c) =>
        `${c.paragraph !== null ? `Paragraph ${c.paragraph}` : `A block in "${c.sectionPath.at(-1)}"`} is ${c.text.length.toLocaleString('en-GB')} characters long, ` +
        `far longer than a report's paragraphs are (under ${MAX_PLAUSIBLE_PARAGRAPH.toLocaleString('en-GB')}): the file's numbering or layout was probably not read correctly, so search in it will be poor.`,
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
      `this does not look like an Ofsted inspection report: it has no "Inspection dates:" line, and fewer than ${MIN_LINES_ABOUT_CHILDREN} lines about children in a text that mentions Ofsted or an inspection`,
    );
  }
  const guesses: string[] = [];
  const header = readHeader(lines, source, guesses);
  const numbered = splitNumbered(lines, header, options, rawText);
  const byNumber = numbered.chunks.filter((c) => c.paragraph !== null);
  if (byNumber.length && 2 * textLength(byNumber) >= textLength(numbered.chunks)) {
    return { ...numbered, warnings: [...implausiblyLong(numbered.chunks), ...guesses, ...numbered.warnings], method: 'numbered' };
  }
  const chunks = splitAtBlankLines(lines.slice(header.bodyStart), options.id, header.year, options.chunkPrefix ?? String(header.year));
  if (!chunks.length) throw new ReportError(source, 'no paragraphs of text were found');
  const why = byNumber.length
    ? `Only ${byNumber.length} numbered paragraphs were found, holding less than half the text, so the text was split at blank lines.`
    : 'No numbered paragraphs were found, so the text was split at blank lines.';
  return { report: { ...numbered.report, judgements: [], sectionGrades: [] }, chunks, warnings: [why, ...implausiblyLong(chunks), ...guesses], method: 'paragraphs' };
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
    if (previous !== undefined && !ENDS_SENTENCE.test(previous) && /^\p{Ll}/u.test(text)) blocks[blocks.length - 1] = `${previous} ${text}`;
    else blocks.push(text);
  };
  let unfinished = false;
  for (const line of lines) {
    const trimmed = line.trim();
    const boilerplate: boolean = trimmed !== '' && isBoilerplate(trimmed, unfinished);
    unfinished = boilerplate && wrapsOn(trimmed);
    if (!trimmed) flush();
    else if (!boilerplate) {
      const bullet = BULLET.exec(trimmed);
      parts.push(bullet ? '\n- ' + clean(bullet[1]!) : ' ' + clean(trimmed));
    }
  }
  flush();
  const chunks: Chunk[] = [];
  let heading = 'Report text';
  for (const text of blocks) {
    if (text.length < 90 && !/[.!?:]$/.test(text) && !text.includes('\n')) heading = text;
    else chunks.push({ id: `${prefix}-b${chunks.length + 1}`, reportId, year, paragraph: null, sectionPath: [heading], grade: null, text });
  }
  return chunks;
}

function splitNumbered(lines: string[], header: Header, options: ParseOptions, rawText: string): ParsedReport {
  const prefix = options.chunkPrefix ?? String(header.year);

  const contents = new Set<string>();
  const judgements: Judgement[] = [];
  const sectionGrades: SectionGrade[] = [];
  const chunks: Chunk[] = [];
  const warnings: string[] = [];
  const path: Heading[] = [];
  let open: OpenChunk | null = null;
  let lastNumber = 0;
  let inRecord = false;
  let blankBefore = false;
  let inContents = false;
  let unfinishedBoilerplate = false;
  let sawJudgementHeader = false;
  const unnumberedCount = { recommendation: 0, summary: 0, unnumbered: 0 };

  const currentPath = () => path.map((h) => h.title);
  const currentGrade = () => [...path].reverse().find((h) => h.grade)?.grade ?? null;
  const inRecommendations = () => path.some((h) => RECOMMENDATIONS.test(h.title));

  const close = () => {
    if (!open) return;
    const text = open.parts.join('').trim();
    if (text) {
      const id = open.kind === 'numbered' ? `${prefix}-p${open.paragraph}` : `${prefix}-${open.kind[0]}${++unnumberedCount[open.kind]}`;
      chunks.push({
        id,
        reportId: options.id,
        year: header.year,
        paragraph: open.paragraph,
        sectionPath: open.kind === 'summary' ? ['Summary'] : open.sectionPath,
        grade: open.grade,
        text,
      });
    }
    open = null;
  };

  const start = (kind: OpenChunk['kind'], paragraph: number | null, text: string) => {
    close();
    open = { kind, paragraph, parts: [clean(text)], sectionPath: currentPath(), grade: currentGrade() };
  };

  const gradeInnermost = (grade: string) => {
    const inner = path[path.length - 1];
    if (!inner) return;
    inner.grade = grade;
    sectionGrades.push({ sectionPath: currentPath(), grade });
  };

  const headingOf = (line: string): Heading | null => {
    let title = clean(line).replace(/:$/, '');
    let grade: string | null = null;
    const inline = INLINE_GRADE.exec(title);
    if (inline && contents.has(normalise(inline[1]!))) {
      title = inline[1]!;
      grade = inline[2]!;
    }
    const key = title.toLowerCase();
    // ILACS headings read "<judgement area>: <grade>", echoing the judgement table.
    const judged = judgements.find((j) => j.grade && key.startsWith(j.area.toLowerCase() + ':'));
    if (judged) return { title: judged.area, level: 1, grade: judged.grade };
    if (TIMESCALE.test(title) && inRecommendations()) {
      const rec = path.findIndex((h) => RECOMMENDATIONS.test(h.title));
      return { title, level: rec + 2, grade: null };
    }
    if (!(contents.has(key) || RECOMMENDATIONS.test(title) || RECORD_OF_FINDINGS.test(title))) return null;
    const level = TOP_LEVEL.test(title) ? 1 : OUTCOME_AREA.test(title) ? 3 : 2;
    return { title, level, grade };
  };

  const enter = (heading: Heading) => {
    close();
    while (path.length && path[path.length - 1]!.level >= heading.level) path.pop();
    path.push({ ...heading, grade: null });
    if (heading.grade) gradeInnermost(heading.grade);
    inRecord = RECORD_OF_FINDINGS.test(heading.title);
  };

  for (let i = header.bodyStart; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) {
      blankBefore = true;
      unfinishedBoilerplate = false;
      continue;
    }
    const wasBlank = blankBefore;
    blankBefore = false;
    const trimmed = line.trim();
    if (/^contents$/i.test(trimmed)) inContents = true;
    const boilerplate = isBoilerplate(trimmed, unfinishedBoilerplate);
    unfinishedBoilerplate = boilerplate && wrapsOn(trimmed);
    if (boilerplate) continue;

    const entry = CONTENTS_ENTRY.exec(trimmed) ?? (inContents ? CONTENTS_ENTRY_SPACED.exec(trimmed) : null);
    if (entry && !inRecord) {
      contents.add(normalise(entry[1]!));
      continue;
    }
    inContents = false;

    // The record of main findings is the last section and only a table: every line is a row (its group headings
    // included, which would otherwise read as the report's own headings).
    if (inRecord && !line.includes('\t')) {
      const row = GRADED_ROW.exec(trimmed);
      judgements.push(row ? { area: clean(row[1]!), grade: clean(row[2]!) } : { area: clean(trimmed), grade: null });
      continue;
    }

    // Judgement tables whose tabs were lost on the way out of a PDF.
    if (!line.includes('\t')) {
      const row = GRADED_ROW.exec(trimmed);
      const atTop = chunks.length === 0 && !open && sawJudgementHeader;
      if (JUDGEMENT_HEADER.test(trimmed) && chunks.length === 0) {
        sawJudgementHeader = true;
        continue;
      }
      if (row && atTop) {
        judgements.push({ area: clean(row[1]!), grade: clean(row[2]!) });
        continue;
      }
    }

    if (line.includes('\t')) {
      const cells = line.split('\t').map(clean);
      const [area = '', grade = ''] = cells;
      if (inRecord || (chunks.length === 0 && !open)) {
        if (!/^judgement$/i.test(area)) judgements.push({ area, grade: grade || null });
      } else if (open) {
        (open as OpenChunk).parts.push('\n' + cells.filter(Boolean).join(': '));
      }
      continue;
    }

    if (GRADE_LINE.test(trimmed.replace(/\*+/g, ''))) {
      close();
      gradeInnermost(clean(trimmed));
      continue;
    }

    const heading = headingOf(trimmed);
    if (heading) {
      enter(heading);
      continue;
    }

    const numbered = NUMBERED.exec(trimmed);
    const n = numbered ? Number(numbered[1]) : NaN;
    if (numbered && n > lastNumber && n <= lastNumber + 3) {
      if (n !== lastNumber + 1) warnings.push(`paragraph numbers jump from ${lastNumber} to ${n}`);
      lastNumber = n;
      start('numbered', n, numbered[2] ?? '');
      continue;
    }

    const bullet = BULLET.exec(trimmed);
    const current = open as OpenChunk | null;
    if (bullet) {
      if (inRecommendations()) {
        start('recommendation', null, bullet[1]!);
        continue;
      }
      if (current) {
        const inList = /:$/.test(lastPart(current)) || current.parts.some((p) => p.startsWith('\n- '));
        current.parts.push(inList ? '\n- ' + clean(bullet[1]!) : ' ' + clean(bullet[1]!));
      } else {
        start(path.length ? 'unnumbered' : 'summary', null, bullet[1]!);
      }
      continue;
    }

    if (current && (current.kind === 'numbered' || !(wasBlank && ENDS_SENTENCE.test(lastPart(current)) && /^[A-Z]/.test(trimmed)))) {
      current.parts.push(' ' + clean(trimmed));
      continue;
    }
    start(path.length ? 'unnumbered' : 'summary', null, trimmed);
  }
  close();

  const report: Report = {
    id: options.id,
    year: header.year,
    title: header.title,
    council: header.council,
    inspectionDates: header.inspectionDates,
    publisher: /ofsted/i.test(rawText) ? 'Ofsted' : 'Unknown',
    published: header.published,
    judgements,
    sectionGrades,
  };
  return { report, chunks, warnings };
}

function lastPart(chunk: OpenChunk): string {
  return chunk.parts[chunk.parts.length - 1]!.trimEnd();
}
