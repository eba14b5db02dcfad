import type { Report } from '../core/types.ts';

/**
 * What the page calls each report of the pair on screen: its year, which is how readers speak of inspections, or,
 * when both reports are of the same year (two councils inspected in 2022), the year and the council (or title).
 */
export function reportNames(reports: readonly Report[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of reports) {
    const shared = reports.some((other) => other.id !== r.id && other.year === r.year);
    names.set(r.id, shared ? `${r.year} (${r.council || r.title})` : String(r.year));
  }
  return names;
}
