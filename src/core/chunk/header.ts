import { cleanLine } from '../runningLines.ts';
import { ENDS_SENTENCE } from './lines.ts';
import { ReportError } from './reportError.ts';

export interface Header {
  title: string;
  council: string;
  inspectionDates: string;
  published: string | null;
  /** 0 only for a report a reader adds whose year was not found: they fill it in before it is stored. */
  year: number;
  /** Index of the first line after the title block. */
  bodyStart: number;
}

const COUNCIL_IN_TITLE = /Inspection of (.+?) local authority children['’]?s services/i;
/** "Inspection of Testshire children's services", with or without "local authority", never the council-less title. */
const COUNCIL_IN_ANY_TITLE =
  /\bInspection of (?!(?:the )?(?:local authority )?children)(.+?) (?:local authority )?children['’]?s services/i;
const DATES = /^(?:Inspection dates?|Dates? of (?:the )?inspection):\s*(.+)$/im;
const LOCAL_AUTHORITY = /^(?:Local authority|Local authority area|Council):\s*(.+)$/im;
const YEAR = /\b(?:19|20)\d{2}\b/g;
const YEAR_ALONE = /^(?:19|20)\d{2}$/;
/** Cover lines that name a council by what it is ("Testshire County Council", "London Borough of Testham"). */
const COUNCIL_LINE = /\b(?:council|borough)\b|^(?:royal borough|city|county) of\b/i;
/** How a council's formal name ends, dropped so that its reports group under the name its inspections use. */
const COUNCIL_SUFFIX = /\s+(?:(?:metropolitan\s+)?(?:borough|county|city|district)\s+)?council$/i;
const TITLE_LINE = /\b(?:inspection|inspections|report|review)\b/i;
/** The cover: the lines before the first paragraph, however they are laid out. */
const COVER_LINES = 12;

/**
 * The title block and inspection dates. `guesses` collects warnings instead of errors: a reader adding a report
 * confirms its title, council and year, so a missing one is left blank (the year 0) for them to fill in, and the
 * cover is read in the layouts Ofsted's reports have used.
 */
export function readHeader(lines: string[], source: string, guesses: string[] | null): Header {
  if (guesses) return guessHeader(lines, guesses);
  const text = lines.join('\n');
  const dates = /^Inspection dates?:\s*(.+)$/im.exec(text)?.[1]?.trim() ?? '';
  if (!dates) {
    throw new ReportError(source, 'no "Inspection dates:" line, so this does not look like an inspection report');
  }
  const years = dates.match(YEAR);
  if (!years) throw new ReportError(source, `no year in the inspection dates "${dates}"`);

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
  return {
    title,
    council: named ?? (secondIsCouncil ? second : ''),
    inspectionDates: dates,
    published: /^Published:\s*(.+)$/im.exec(text)?.[1]?.trim() ?? null,
    year: Number(years[years.length - 1]),
    bodyStart: (secondIsCouncil ? secondIndex! : titleIndex) + 1,
  };
}

/** A short cover line that is neither a sentence, a labelled line ("Lead inspector: …") nor a number. */
const coverLine = (line: string) =>
  line !== '' && line.length < 200 && !/:/.test(line) && !ENDS_SENTENCE.test(line) && !/^[\d\s–-]+$/.test(line);

function guessHeader(lines: string[], guesses: string[]): Header {
  const text = lines.join('\n');
  const coverText = text.slice(0, 3000);
  const dates = DATES.exec(text)?.[1]?.trim() ?? '';
  if (!dates) guesses.push('No "Inspection dates:" line was found: check the title, council and year.');
  // Without dates: a year alone on a cover line, else the latest year on the cover, the likeliest year inspected.
  const cover: number[] = [];
  for (let i = 0; i < lines.length && cover.length < COVER_LINES; i++) {
    const line = cleanLine(lines[i]!);
    if (!line) continue;
    if (/^\d+\.\s/.test(line) || (line.length >= 200 && ENDS_SENTENCE.test(line))) break;
    cover.push(i);
  }
  const at = (i: number) => cleanLine(lines[i]!);
  const yearIndex = dates ? undefined : cover.find((i) => YEAR_ALONE.test(at(i)));
  const years = dates
    ? dates.match(YEAR)
    : yearIndex !== undefined
      ? [at(yearIndex)]
      : [...(coverText.match(YEAR) ?? [])].sort();
  const year = years?.length ? Number(years[years.length - 1]) : 0;
  const candidates = cover.filter((i) => coverLine(at(i)));
  const titleIndex =
    candidates.find((i) => /^Inspection of\b/i.test(at(i))) ??
    candidates.find((i) => TITLE_LINE.test(at(i)) && !COUNCIL_LINE.test(at(i))) ??
    candidates[0];
  const title = titleIndex === undefined ? '' : at(titleIndex).slice(0, 200);

  const labelled = LOCAL_AUTHORITY.exec(coverText)?.[1]?.trim();
  const inTitle = COUNCIL_IN_ANY_TITLE.exec(title)?.[1] ?? COUNCIL_IN_ANY_TITLE.exec(coverText)?.[1];
  const councilLine = candidates.find((i) => i !== titleIndex && COUNCIL_LINE.test(at(i)) && !TITLE_LINE.test(at(i)));
  // The 2009-2013 covers print the council alone on the line after the title, others on the line before it.
  const beside = (step: number) => {
    const i = titleIndex === undefined ? undefined : cover[cover.indexOf(titleIndex) + step];
    const line = i === undefined ? '' : at(i);
    const ok =
      coverLine(line) &&
      !/\bofsted\b/i.test(line) &&
      line.length < 80 &&
      !/\t/.test(lines[i!]!) &&
      !TITLE_LINE.test(line);
    return ok ? i : undefined;
  };
  const councilIndex = councilLine ?? beside(1) ?? beside(-1);
  const fromLine = councilIndex === undefined ? '' : at(councilIndex).replace(COUNCIL_SUFFIX, '');
  const council = (labelled || inTitle || fromLine).trim();

  const used = [titleIndex, councilIndex, yearIndex].filter((i) => i !== undefined);
  return {
    title,
    council,
    inspectionDates: dates,
    published: /^Published:\s*(.+)$/im.exec(text)?.[1]?.trim() ?? null,
    year,
    bodyStart: used.length ? Math.max(...used) + 1 : 0,
  };
}
