import type { Report } from '../core/types.ts';

/** What a report is called by: any report the page shows, or an entry of the library. */
export type NamedReport = Pick<Report, 'id' | 'year' | 'title' | 'council' | 'inspectionDates'>;

/**
 * What tells reports of the same year apart, in the order a reader would: the council (or the title, when the council
 * is not known), then the inspection dates, then the title.
 */
const QUALIFIERS: readonly ((r: NamedReport) => string)[] = [
  (r) => r.council || r.title,
  (r) => (r.inspectionDates ? `inspected ${r.inspectionDates}` : ''),
  (r) => r.title,
];
/** A short id is the last resort, for reports alike in all of the above; ids are unique, so a long enough one is. */
const SHORT_ID = 7;

/**
 * What the page calls each of the reports listed together: its year, which is how readers speak of inspections, with
 * its council when the reports are of more than one council (a card stacked on a phone, or a row of an export, must
 * say whose inspection it is); for reports still alike, the first of QUALIFIERS that sets them apart (two reports of
 * one council inspected in 2022), then the next for those still alike. Every list of reports (headings, columns, exports, the library) is
 * named by this one rule, so no two of them read the same.
 */
export function reportNames(reports: readonly NamedReport[]): Map<string, string> {
  const parts = new Map(reports.map((r) => [r.id, [] as string[]]));
  const nameOf = (r: NamedReport) => {
    const p = parts.get(r.id)!;
    return p.length ? `${r.year} (${p.join(', ')})` : String(r.year);
  };
  if (new Set(reports.map((r) => r.council).filter(Boolean)).size > 1)
    for (const r of reports) if (r.council) parts.get(r.id)!.push(r.council);
  for (const qualifier of QUALIFIERS) {
    for (const alike of sameName(reports, nameOf)) {
      const values = alike.map(qualifier);
      if (new Set(values).size > 1) alike.forEach((r, i) => values[i] && parts.get(r.id)!.push(values[i]));
    }
  }
  for (const alike of sameName(reports, nameOf)) {
    const longest = Math.max(...alike.map((r) => r.id.length));
    let length = SHORT_ID;
    while (length < longest && new Set(alike.map((r) => r.id.slice(0, length))).size < alike.length) length++;
    for (const r of alike) parts.get(r.id)!.push(`id ${r.id.slice(0, length)}`);
  }
  return new Map(reports.map((r) => [r.id, nameOf(r)]));
}

/** The groups of more than one report that would be called the same. */
function sameName(reports: readonly NamedReport[], nameOf: (r: NamedReport) => string): NamedReport[][] {
  const byName = new Map<string, NamedReport[]>();
  for (const r of reports) byName.set(nameOf(r), [...(byName.get(nameOf(r)) ?? []), r]);
  return [...byName.values()].filter((group) => group.length > 1);
}
