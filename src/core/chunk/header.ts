import { cleanLine } from '../runningLines.ts';
import { ENDS_SENTENCE } from './lines.ts';
import { ReportError } from './reportError.ts';

export interface Header {
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
export function readHeader(lines: string[], source: string, guesses: string[] | null): Header {
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
