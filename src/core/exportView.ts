import Papa from 'papaparse';

/** One paragraph of an exported view. */
export interface ExportRow {
  /** What the row belongs to within the view: a theme, a recommendation group, or empty. */
  group: string;
  /** The report, as the page names it: its year, and what tells it apart from the others exported. */
  report: string;
  year: number;
  /** The report's own paragraph number. */
  paragraph: number | null;
  /** A recommendation's place in its report's list of recommendations. */
  recommendation: number | null;
  section: string;
  grade: string;
  themes: string;
  /** How well the paragraph answers the search, in the words the results use; empty outside a search. */
  strength: string;
  /** A recommendation's pairs with those of other reports that ask for the same thing; empty otherwise. */
  recurring: string;
  text: string;
  permalink: string;
}

/** What an exported file is of, so that it stands alone: read without the page, it says what was asked and when. */
export interface ExportAbout {
  /** What was asked, each as a label and its value ("Search", "“care leavers”"; "Mode", "Hybrid"). */
  details: readonly (readonly [string, string])[];
  /** The address that opens the view again. */
  link: string;
  /** The day it was exported, as YYYY-MM-DD. */
  exported: string;
}

export const EXPORT_COLUMNS: readonly (keyof ExportRow)[] = [
  'group',
  'report',
  'year',
  'paragraph',
  'recommendation',
  'section',
  'grade',
  'themes',
  'strength',
  'recurring',
  'text',
  'permalink',
];

/** Columns after the rows' own in CSV, the same on every row, so a spreadsheet keeps what the file is of. */
export const ABOUT_COLUMNS = ['view', 'view_link', 'exported'] as const;

const aboutLine = (about: ExportAbout) => about.details.map(([label, value]) => `${label}: ${value}`).join(' · ');

/**
 * A cell a spreadsheet would run as a formula: it starts with =, +, -, @, a tab or a carriage return. Papa Parse's
 * own pattern for this ends in `.*$`, which misses such a cell when it has a line break, as paragraphs may.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV through Papa Parse, which quotes commas, quotes and line breaks in report text correctly, and puts a `'` before
 * a text cell that starts like a formula, so text from an added report is never run by a spreadsheet.
 */
export function toCsv(about: ExportAbout, rows: readonly ExportRow[]): string {
  const view = [aboutLine(about), about.link, about.exported];
  return Papa.unparse(
    {
      fields: [...EXPORT_COLUMNS, ...ABOUT_COLUMNS],
      data: rows.map((r) => [...EXPORT_COLUMNS.map((c) => r[c] ?? ''), ...view]),
    },
    { newline: '\n', escapeFormulae: FORMULA_START },
  );
}

/**
 * Report text must not turn into markup, links or entities when pasted: escape Markdown's inline syntax, and `#` too,
 * which would close a heading early.
 */
const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>|~#&])/g, '\\$1');

/**
 * A name, a section or a title on one line: a line break in one (possible in an imported library) would start a
 * heading or a list of its own.
 */
const inlineMd = (s: string) => escapeMd(s.replace(/\s+/g, ' ').trim());

/** How a row names its place in its report: "paragraph 14", "recommendation 3" or "unnumbered". */
export function referenceOf(r: Pick<ExportRow, 'paragraph' | 'recommendation'>): string {
  if (r.recommendation !== null) return `recommendation ${r.recommendation}`;
  return r.paragraph === null ? 'unnumbered' : `paragraph ${r.paragraph}`;
}

/**
 * A briefing-ready Markdown document: what it is of, then one heading per group, one quoted paragraph per row with
 * its report, reference and link.
 */
export function toMarkdown(title: string, about: ExportAbout, rows: readonly ExportRow[]): string {
  const out = [`# ${inlineMd(title)}`, ''];
  for (const [label, value] of about.details) out.push(`- ${inlineMd(label)}: ${inlineMd(value)}`);
  out.push(`- Exported: ${about.exported}`, `- Link to this view: <${about.link}>`, '');
  let group: string | null = null;
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      if (group) out.push(`## ${inlineMd(group)}`, '');
    }
    const ref = `${inlineMd(r.report)}, ${referenceOf(r)}`;
    const notes = [
      inlineMd(r.section),
      ...(r.grade ? [inlineMd(r.grade)] : []),
      ...(r.themes ? [`themes: ${inlineMd(r.themes)}`] : []),
      ...(r.strength ? [`match: ${inlineMd(r.strength)}`] : []),
      ...(r.recurring ? [`recurring: ${inlineMd(r.recurring)}`] : []),
    ];
    out.push(`- **${ref}** (${notes.join('; ')}) [link](<${r.permalink}>)`);
    // Every line of the paragraph stays in its quote, whichever line ending (a lone \r too) a reader splits it at.
    out.push(
      ...escapeMd(r.text)
        .split(/\r\n|\r|\n/)
        .map((l) => `  > ${l}`),
      '',
    );
  }
  return out.join('\n');
}
