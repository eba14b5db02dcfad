import { STRENGTH_LABELS, type SearchResponse, type SearchResult, type Strength } from '../../src/core/search.ts';

export interface JsonResult {
  id: string;
  paragraph: number | null;
  sectionPath: string[];
  grade: string | null;
  themes: string[];
  score: number;
  /** Whether it clears the relevance bar: an answer, not merely the closest. */
  relevant: boolean;
  strength: Strength;
  /** The sentence closest by meaning, when close enough. */
  sentence: string | null;
  text: string;
}

export interface JsonResponse {
  query: string;
  mode: string;
  theme: string | null;
  results: Record<string, JsonResult[]>;
  /** Whether each report discusses the question, keyed like `results`. */
  discussed: Record<string, boolean>;
  /** The reader's everyday phrases and the reports' words searched for them too. */
  expansion: { said: string; find: string[] }[];
  /** Words no report holds, and the word each was read as. */
  corrections: { word: string; suggestion: string }[];
}

/** The CLI's JSON shape: results keyed by the report's year. */
export function toJson(response: SearchResponse): JsonResponse {
  const results: Record<string, JsonResult[]> = {};
  const discussed: Record<string, boolean> = {};
  for (const { report, results: list, discussed: says } of response.reports) {
    discussed[String(report.year)] = says;
    results[String(report.year)] = list.map((r) => ({
      id: r.id,
      paragraph: r.paragraph,
      sectionPath: r.sectionPath,
      grade: r.grade,
      themes: r.themes,
      score: Number(r.score.toFixed(6)),
      relevant: r.relevant,
      strength: r.strength,
      sentence: r.sentence,
      text: r.text,
    }));
  }
  return {
    query: response.query,
    mode: response.mode,
    theme: response.theme,
    results,
    discussed,
    expansion: response.expansion,
    corrections: response.corrections,
  };
}

function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
      if (lines.length === maxLines) break;
    }
    line = line ? `${line} ${word}` : word.slice(0, width);
  }
  if (line && lines.length < maxLines) lines.push(line);
  else if (lines.length === maxLines) lines[maxLines - 1] = lines[maxLines - 1]!.slice(0, width - 1) + '…';
  return lines;
}

function card(r: SearchResult, rank: number, width: number): string[] {
  const where =
    r.paragraph === null
      ? r.sectionPath.join(' › ')
      : `¶${r.paragraph} · ${r.sectionPath[r.sectionPath.length - 1] ?? ''}`;
  return [
    ...wrap(`${rank}. ${where}`, width, 2),
    ...wrap(
      `${STRENGTH_LABELS[r.strength]} · score ${r.score.toFixed(3)}${r.grade ? ` · ${r.grade}` : ''}${r.themes.length ? ` · ${r.themes.join(', ')}` : ''}`,
      width,
      2,
    ),
    ...wrap(r.text, width, 3).map((l) => `  ${l}`.slice(0, width)),
    '',
  ];
}

/** Two columns, earlier report on the left; stacked when the terminal is narrow. */
export function formatSideBySide(response: SearchResponse, columns: number): string {
  const also = response.expansion.flatMap((b) => b.find);
  const heading = [
    `${response.mode} search: "${response.query}"${response.theme ? ` (theme ${response.theme})` : ''}`,
    ...(response.corrections.length
      ? [`Read as: ${response.corrections.map((c) => `${c.word} → ${c.suggestion}`).join(', ')}`]
      : []),
    ...(also.length ? [`Also searched for: ${also.join(', ')}`] : []),
  ].join('\n');
  const titles = response.reports.map(({ report, results, discussed }) =>
    discussed
      ? `${report.year}: best ${results.length} paragraphs`
      : `${report.year}: this report does not discuss it${results.length ? ' (closest paragraphs below)' : ''}`,
  );
  const cards = (results: SearchResult[], width: number) => results.flatMap((r, j) => card(r, j + 1, width));
  if (columns < 100 || response.reports.length !== 2) {
    const width = Math.min(columns, 100);
    return [
      heading,
      ...response.reports.flatMap(({ results }, i) => [
        '',
        titles[i]!,
        '-'.repeat(width),
        ...cards(results, width - 2),
      ]),
    ].join('\n');
  }
  const width = Math.floor((columns - 3) / 2);
  const [left, right] = response.reports.map(({ results }) => cards(results, width)) as [string[], string[]];
  const pad = (s: string) => s + ' '.repeat(Math.max(0, width - s.length));
  const out = [heading, '', `${pad(titles[0]!)} │ ${titles[1]!}`, `${'─'.repeat(width)}─┼─${'─'.repeat(width)}`];
  for (let i = 0; i < Math.max(left.length, right.length); i++) out.push(`${pad(left[i] ?? '')} │ ${right[i] ?? ''}`);
  return out.join('\n');
}
