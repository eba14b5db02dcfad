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
const NUMBERED = /^(?:-\s*)?(\d{1,3})\.\s+(\S.*)$/;
const BULLET = /^-\s+(\S.*)$/;
const CONTENTS_ENTRY = /^(.+?)\t+\d+$/;
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

function readHeader(lines: string[], source: string): Header {
  const text = lines.join('\n');
  const dates = /^Inspection dates?:\s*(.+)$/im.exec(text)?.[1]?.trim();
  if (!dates) throw new ReportError(source, 'no "Inspection dates:" line, so this does not look like an inspection report');
  const years = dates.match(/\b(19|20)\d{2}\b/g);
  const year = years ? Number(years[years.length - 1]) : NaN;
  if (!Number.isFinite(year)) throw new ReportError(source, `no year in the inspection dates "${dates}"`);

  const firstLines: number[] = [];
  for (let i = 0; i < lines.length && firstLines.length < 2; i++) {
    if (lines[i]!.trim()) firstLines.push(i);
  }
  const titleIndex = firstLines[0]!;
  const title = clean(lines[titleIndex]!);
  const secondIndex = firstLines[1];
  const second = secondIndex === undefined ? '' : clean(lines[secondIndex]!);
  const named = /^Inspection of (.+?) local authority children'?s services/i.exec(title)?.[1];
  const secondIsCouncil = !named && second !== '' && !/:/.test(second);
  const council = named ?? (secondIsCouncil ? second : '');
  return {
    title,
    council,
    inspectionDates: dates,
    published: /^Published:\s*(.+)$/im.exec(text)?.[1]?.trim() ?? null,
    year,
    bodyStart: (secondIsCouncil ? secondIndex! : titleIndex) + 1,
  };
}

/**
 * Turns the plain text of an Ofsted children's services report into its metadata and one chunk per
 * paragraph. Paragraphs cut by page breaks are joined, recommendation lists become one chunk per item,
 * and cover, contents and back-page boilerplate is dropped.
 */
export function parseReport(rawText: string, options: ParseOptions): ParsedReport {
  const source = options.source ?? options.id;
  if (!rawText.trim()) throw new ReportError(source, 'the file is empty');
  const lines = rawText
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/ +$/, ''));
  const header = readHeader(lines, source);
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
      continue;
    }
    const wasBlank = blankBefore;
    blankBefore = false;
    const trimmed = line.trim();
    if (BOILERPLATE.some((re) => re.test(trimmed))) continue;

    const entry = CONTENTS_ENTRY.exec(trimmed);
    if (entry && !inRecord) {
      contents.add(normalise(entry[1]!));
      continue;
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
      start('numbered', n, numbered[2]!);
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
    if (inRecord) continue;
    start(path.length ? 'unnumbered' : 'summary', null, trimmed);
  }
  close();

  if (lastNumber === 0) throw new ReportError(source, 'no numbered paragraphs found ("1. ..."), so the report cannot be split into paragraphs');

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
