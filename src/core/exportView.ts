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

export const EXPORT_COLUMNS: readonly (keyof ExportRow)[] = ['group', 'year', 'paragraph', 'section', 'grade', 'themes', 'text', 'permalink'];

/**
 * A cell a spreadsheet would run as a formula: it starts with =, +, -, @, a tab or a carriage return. Papa Parse's
 * own pattern for this ends in `.*$`, which misses such a cell when it has a line break, as paragraphs may.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

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

/** A cell as it was before toCsv neutralised it. */
const unescapeFormula = (cell: string | undefined) => (cell?.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : (cell ?? ''));

export function fromCsv(csv: string): ExportRow[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`not a valid export: ${parsed.errors[0]!.message}`);
  return parsed.data.map((r) => ({
    group: unescapeFormula(r['group']),
    year: Number(r['year']),
    paragraph: r['paragraph'] ? Number(r['paragraph']) : null,
    section: unescapeFormula(r['section']),
    grade: unescapeFormula(r['grade']),
    themes: unescapeFormula(r['themes']),
    text: unescapeFormula(r['text']),
    permalink: unescapeFormula(r['permalink']),
  }));
}

/** Report text must not turn into markup or links when pasted: escape Markdown's inline syntax. */
const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

/**
 * A briefing-ready Markdown document: one heading per group, one quoted paragraph per row with its reference.
 * `fromMarkdown` reads it back, so an export can be checked against its rows.
 */
export function toMarkdown(title: string, rows: readonly ExportRow[]): string {
  const out = [`# ${escapeMd(title)}`, ''];
  let group: string | null = null;
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      if (group) out.push(`## ${escapeMd(group)}`, '');
    }
    const ref = `${r.year}, ${r.paragraph === null ? 'unnumbered' : `paragraph ${r.paragraph}`}`;
    out.push(`- **${ref}** (${escapeMd(r.section)}${r.grade ? `; ${escapeMd(r.grade)}` : ''}${r.themes ? `; themes: ${escapeMd(r.themes)}` : ''}) [link](<${r.permalink}>)`);
    out.push(...escapeMd(r.text).split('\n').map((l) => `  > ${l}`), '');
  }
  return out.join('\n');
}

const unescapeMd = (s: string) => s.replace(/\\(.)/g, '$1');

function quoteBelow(lines: readonly string[], from: number): string {
  const quoted: string[] = [];
  for (let i = from; i < lines.length && lines[i]!.startsWith('  > '); i++) quoted.push(lines[i]!.slice(4));
  return quoted.join('\n');
}

export function fromMarkdown(markdown: string): ExportRow[] {
  const rows: ExportRow[] = [];
  let group = '';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('## ')) group = unescapeMd(line.slice(3));
    const m = /^- \*\*(\d{4}), (?:paragraph (\d+)|unnumbered)\*\* \((.*)\) \[link\]\(<(.*)>\)$/.exec(line);
    if (!m) continue;
    const parts = m[3]!.split(/(?<!\\); /);
    const section = unescapeMd(parts[0] ?? '');
    const themesPart = parts.find((p) => p.startsWith('themes: '));
    const gradePart = parts.slice(1).find((p) => !p.startsWith('themes: '));
    rows.push({
      group,
      year: Number(m[1]),
      paragraph: m[2] ? Number(m[2]) : null,
      section,
      grade: gradePart ? unescapeMd(gradePart) : '',
      themes: themesPart ? unescapeMd(themesPart.slice('themes: '.length)) : '',
      text: unescapeMd(quoteBelow(lines, i + 1)),
      permalink: m[4]!,
    });
  }
  return rows;
}
