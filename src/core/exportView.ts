import Papa from 'papaparse';

/** One paragraph of an exported view. */
export interface ExportRow {
  /** What the row belongs to within the view: a theme, a recommendation group, or empty. */
  group: string;
  year: number;
  paragraph: number | null;
  section: string;
  grade: string;
  themes: string;
  text: string;
  permalink: string;
}

export const EXPORT_COLUMNS: readonly (keyof ExportRow)[] = [
  'group',
  'year',
  'paragraph',
  'section',
  'grade',
  'themes',
  'text',
  'permalink',
];

/**
 * A cell a spreadsheet would run as a formula: it starts with =, +, -, @, a tab or a carriage return. Papa Parse's
 * own pattern for this ends in `.*$`, which misses such a cell when it has a line break, as paragraphs may.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV through Papa Parse, which quotes commas, quotes and line breaks in report text correctly, and puts a `'` before
 * a text cell that starts like a formula, so text from an added report is never run by a spreadsheet.
 */
export function toCsv(rows: readonly ExportRow[]): string {
  return Papa.unparse(
    { fields: [...EXPORT_COLUMNS], data: rows.map((r) => EXPORT_COLUMNS.map((c) => r[c] ?? '')) },
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

/** A briefing-ready Markdown document: one heading per group, one quoted paragraph per row with its reference. */
export function toMarkdown(title: string, rows: readonly ExportRow[]): string {
  const out = [`# ${inlineMd(title)}`, ''];
  let group: string | null = null;
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      if (group) out.push(`## ${inlineMd(group)}`, '');
    }
    const ref = `${r.year}, ${r.paragraph === null ? 'unnumbered' : `paragraph ${r.paragraph}`}`;
    out.push(
      `- **${ref}** (${inlineMd(r.section)}${r.grade ? `; ${inlineMd(r.grade)}` : ''}${r.themes ? `; themes: ${inlineMd(r.themes)}` : ''}) [link](<${r.permalink}>)`,
    );
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
