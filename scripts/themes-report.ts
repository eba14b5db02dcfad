import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { THEMES } from '../src/core/taxonomy.ts';
import { isConfident, THEME_TUNING, type ThemeAssignment, type ThemeTuning } from '../src/core/themes.ts';
import type { Corpus } from '../src/core/types.ts';
import { UsageError, corpusIndexes, loadCorpus, loadModel, root } from './lib/engine.ts';

/**
 * Paragraph numbers per theme and report year that a careful reader assigns to the theme, only clear-cut cases: judged
 * test data, read as data because scripts import no code from tests/.
 */
const THEME_EXAMPLES_FILE = join(root, 'tests/eval/themeExamples.json');
type ThemeExamples = Record<string, Record<string, number[]>>;

export interface ReportThemeStats {
  year: number;
  /** Paragraph numbers (or chunk ids, for unnumbered text) confidently assigned the theme. */
  confident: (number | string)[];
  examples: number[];
  /** Examples among the confident chunks. */
  found: number[];
  /** Examples whose primary theme it is. */
  primary: number[];
}

export interface ThemeStats {
  id: string;
  reports: ReportThemeStats[];
}

export interface ThemesReport {
  themes: ThemeStats[];
  /** Found examples over all examples, every theme and report pooled. */
  exampleRecall: number;
  /** Per report year: chunks no theme is confidently assigned to. */
  unthemed: Record<number, string[]>;
  chunks: Record<number, number>;
}

/** Measures theme assignments against the hand-judged examples (tests/eval/themeExamples.json). */
export function measureThemes(
  corpus: Corpus,
  assignments: readonly ThemeAssignment[],
  tuning: ThemeTuning = THEME_TUNING,
): ThemesReport {
  const themeExamples = JSON.parse(readFileSync(THEME_EXAMPLES_FILE, 'utf8')) as ThemeExamples;
  const years = corpus.reports.map((r) => r.year);
  const unthemed: Record<number, string[]> = {};
  const chunks: Record<number, number> = {};
  for (const year of years) {
    unthemed[year] = [];
    chunks[year] = 0;
  }
  corpus.chunks.forEach((chunk, i) => {
    chunks[chunk.year]!++;
    if (!assignments[i]!.some((t) => isConfident(assignments[i]!, t.id, tuning))) unthemed[chunk.year]!.push(chunk.id);
  });
  let examples = 0;
  let found = 0;
  const themes = THEMES.map((theme) => ({
    id: theme.id,
    reports: years.map((year) => {
      const stats: ReportThemeStats = {
        year,
        confident: [],
        examples: themeExamples[theme.id]?.[String(year)] ?? [],
        found: [],
        primary: [],
      };
      corpus.chunks.forEach((chunk, i) => {
        if (chunk.year !== year || !isConfident(assignments[i]!, theme.id, tuning)) return;
        stats.confident.push(chunk.paragraph ?? chunk.id);
        if (chunk.paragraph === null || !stats.examples.includes(chunk.paragraph)) return;
        stats.found.push(chunk.paragraph);
        if (assignments[i]![0]!.id === theme.id) stats.primary.push(chunk.paragraph);
      });
      examples += stats.examples.length;
      found += stats.found.length;
      return stats;
    }),
  }));
  return { themes, exampleRecall: examples ? found / examples : 1, unthemed, chunks };
}

const ratio = (n: number, d: number) => (d === 0 ? '   -' : (n / d).toFixed(2));

export function formatThemesReport(report: ThemesReport): string {
  const years = Object.keys(report.chunks).map(Number);
  const head = `theme                                  | ${years.map((y) => `${y}: conf  share  recall  primary`).join(' | ')}`;
  const lines = [head, '-'.repeat(head.length)];
  const misses: string[] = [];
  const empty: string[] = [];
  for (const theme of report.themes) {
    const cells = theme.reports.map((r) => {
      const share = `${Math.round((100 * r.confident.length) / report.chunks[r.year]!)}%`;
      if (r.confident.length === 0) empty.push(`${theme.id} (${r.year})`);
      const missed = r.examples.filter((p) => !r.found.includes(p));
      if (missed.length) misses.push(`${theme.id} ${r.year}: missed ¶${missed.join(', ¶')}`);
      return `${String(r.confident.length).padStart(10)} ${share.padStart(6)} ${ratio(r.found.length, r.examples.length).padStart(7)} ${ratio(r.primary.length, r.examples.length).padStart(8)}`;
    });
    lines.push(`${theme.id.padEnd(38)} | ${cells.join(' | ')}`);
  }
  lines.push(
    '',
    `example recall, all themes and reports: ${report.exampleRecall.toFixed(3)}`,
    `themes with no confident chunk: ${empty.join(', ') || 'none'}`,
    ...years.map(
      (y) =>
        `${y}: ${report.unthemed[y]!.length} of ${report.chunks[y]} chunks have no confident theme${report.unthemed[y]!.length ? ` (${report.unthemed[y]!.join(' ')})` : ''}`,
    ),
  );
  if (misses.length) lines.push('', 'examples not confidently assigned their theme:', ...misses.map((m) => `  ${m}`));
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('themes-report.ts')) {
  try {
    const corpus = loadCorpus();
    const embedder = await loadModel();
    const { assignments } = await corpusIndexes(corpus, embedder);
    console.log(
      "conf: chunks confidently assigned; share: of the report's chunks; recall / primary: share of the judged examples found / found as primary theme\n",
    );
    console.log(formatThemesReport(measureThemes(corpus, assignments)));
  } catch (error) {
    console.error(error instanceof UsageError ? `themes-report: ${error.message}` : error);
    process.exit(2);
  }
}
