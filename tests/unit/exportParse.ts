import Papa from 'papaparse';
import { FORMULA_START, type ExportRow } from '../../src/core/exportView.ts';

/**
 * Exports read back into rows, so a test can check a downloaded CSV or Markdown file against what was on screen.
 * The app only writes exports; reading them is the tests' business.
 */

/** A cell as it was before toCsv neutralised it. */
const unescapeFormula = (cell: string | undefined) =>
  cell?.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : (cell ?? '');

export function fromCsv(csv: string): ExportRow[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`not a valid export: ${parsed.errors[0]!.message}`);
  return parsed.data.map((r) => ({
    group: unescapeFormula(r['group']),
    report: unescapeFormula(r['report']),
    year: Number(r['year']),
    paragraph: r['paragraph'] ? Number(r['paragraph']) : null,
    recommendation: r['recommendation'] ? Number(r['recommendation']) : null,
    section: unescapeFormula(r['section']),
    grade: unescapeFormula(r['grade']),
    themes: unescapeFormula(r['themes']),
    strength: unescapeFormula(r['strength']),
    recurring: unescapeFormula(r['recurring']),
    text: unescapeFormula(r['text']),
    permalink: unescapeFormula(r['permalink']),
  }));
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
    const m =
      /^- \*\*((\d{4}).*), (?:paragraph (\d+)|recommendation (\d+)|unnumbered)\*\* \((.*)\) \[link\]\(<(.*)>\)$/.exec(
        line,
      );
    if (!m) continue;
    const parts = m[5]!.split(/(?<!\\); /);
    const section = unescapeMd(parts[0] ?? '');
    const labelled = (label: string) => {
      const part = parts.find((p) => p.startsWith(`${label}: `));
      return part ? unescapeMd(part.slice(label.length + 2)) : '';
    };
    const gradePart = parts.slice(1).find((p) => !/^(themes|match|recurring): /.test(p));
    rows.push({
      group,
      report: unescapeMd(m[1]!),
      year: Number(m[2]),
      paragraph: m[3] ? Number(m[3]) : null,
      recommendation: m[4] ? Number(m[4]) : null,
      section,
      grade: gradePart ? unescapeMd(gradePart) : '',
      themes: labelled('themes'),
      strength: labelled('match'),
      recurring: labelled('recurring'),
      text: unescapeMd(quoteBelow(lines, i + 1)),
      permalink: m[6]!,
    });
  }
  return rows;
}
