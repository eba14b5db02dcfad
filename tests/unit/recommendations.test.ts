/** The recommendations view's pure parts, on plain inputs: numbering, pairing, filtering and the words around them. */
import { describe, expect, it } from 'vitest';
import {
  RECURRING_SIMILARITY,
  isOn,
  recommendationsOf,
  recurringPairs,
  themeCounts,
  type Recommendation,
} from '../../src/core/recommendations.ts';
import { SEARCH_TUNING } from '../../src/core/search.ts';
import { THEMES } from '../../src/core/taxonomy.ts';
import type { Chunk } from '../../src/core/types.ts';
import { recommendationRows, type ExportContext } from '../../src/ui/exportRows.ts';
import { recurringNotes, type RecurringContext } from '../../src/ui/recurringWords.ts';

const rec = (id: string, reportId: string, year: number, number: number, themes: string[]): Recommendation => ({
  id,
  reportId,
  year,
  number,
  text: `text of ${id}`,
  timescale: null,
  part: null,
  themes,
});

// Two inspections of one council, the later on the left: earlier is by year, not by column.
const old = { id: 'old', year: 2012, council: 'Testshire' };
const now = { id: 'now', year: 2022, council: 'Testshire' };
const recs = [
  rec('n1', 'now', 2022, 1, ['recording', 'management-oversight']),
  rec('n2', 'now', 2022, 2, ['front-door', 'partnership-working']),
  rec('o1', 'old', 2012, 1, ['recording']),
  rec('o2', 'old', 2012, 2, ['partnership-working']),
  rec('o3', 'old', 2012, 3, ['care-leavers']),
];
/** Similarities as a table: any pair not listed is far apart. */
const table = (entries: Record<string, number>) => (a: Recommendation, b: Recommendation) =>
  entries[`${a.id} ${b.id}`] ?? entries[`${b.id} ${a.id}`] ?? 0;

describe('recurring pairs', () => {
  it('takes the floor from the semantic search, not from the judged pairs', () => {
    expect(RECURRING_SIMILARITY).toBe(SEARCH_TUNING.minSimilarity);
  });

  it('pairs each later recommendation with the closest earlier one, when they share a theme', () => {
    // n2's closest is o3, on another subject: o2, on n2's theme but further away, is not taken instead.
    const similarity = table({ 'o1 n1': 0.62, 'o3 n1': 0.4, 'o2 n2': 0.3, 'o3 n2': 0.35 });
    expect(recurringPairs(recs, [now, old], similarity)).toEqual([
      { earlier: 'o1', later: 'n1', similarity: 0.62, themes: ['recording'] },
    ]);
  });

  it('pairs nothing below the floor, however close it is by comparison', () => {
    const pairs = (s: number) => recurringPairs(recs, [now, old], table({ 'o2 n2': s })).map((p) => p.earlier);
    expect(pairs(0.2)).toEqual(['o2']);
    expect(pairs(0.19)).toEqual([]);
  });

  it('lets several later recommendations ask again for one earlier one, in every later report, in time order', () => {
    const mid = { id: 'mid', year: 2017, council: 'Testshire' };
    const all = [...recs, rec('n3', 'now', 2022, 3, ['recording']), rec('m1', 'mid', 2017, 1, ['recording'])];
    const similarity = table({ 'o1 m1': 0.7, 'o1 n1': 0.6, 'o1 n3': 0.3, 'm1 n1': 0.8, 'o2 n2': 0.5 });
    expect(recurringPairs(all, [old, now, mid], similarity).map((p) => `${p.earlier} ${p.later}`)).toEqual([
      'o1 m1',
      'o1 n1',
      'o1 n3',
      'o2 n2',
      'm1 n1',
    ]);
  });

  it('takes reports of the same year in their order on screen', () => {
    const a = { id: 'a', year: 2022 };
    const b = { id: 'b', year: 2022 };
    const two = [rec('b1', 'b', 2022, 1, ['recording']), rec('a1', 'a', 2022, 1, ['recording'])];
    expect(recurringPairs(two, [a, b], () => 0.7).map((p) => [p.earlier, p.later])).toEqual([['a1', 'b1']]);
  });
});

describe('numbering and filtering', () => {
  const chunk = (
    id: string,
    reportId: string,
    sectionPath: string[],
    kind: Chunk['kind'] = 'recommendation',
  ): Chunk => ({
    id,
    reportId,
    year: reportId === 'old' ? 2012 : 2022,
    paragraph: null,
    kind,
    sectionPath,
    grade: null,
    text: 'improve the quality of written records',
  });

  it('numbers each report’s recommendations from 1 in the order it lists them', () => {
    const chunks = [
      chunk('old-p1', 'old', ['Safeguarding services'], 'paragraph'),
      chunk('old-r1', 'old', ['Safeguarding services', 'Areas for improvement', 'Immediately']),
      chunk('old-r2', 'old', ['Safeguarding services', 'Areas for improvement', 'Within three months']),
      chunk('now-r1', 'now', ['What needs to improve?']),
      chunk('old-r3', 'old', ['Services for looked after children', 'Areas for improvement', 'Within six months']),
    ];
    const listed = recommendationsOf(
      chunks,
      chunks.map(() => []),
    );
    expect(listed.map((r) => [r.id, r.number, r.part, r.timescale])).toEqual([
      ['old-r1', 1, 'Safeguarding services', 'Immediately'],
      ['old-r2', 2, 'Safeguarding services', 'Within three months'],
      ['now-r1', 1, null, null],
      ['old-r3', 3, 'Services for looked after children', 'Within six months'],
    ]);
    expect(listed[0]!.themes).toContain('recording');
  });

  it('counts the recommendations on each theme, in taxonomy order, only themes with any', () => {
    expect(
      themeCounts(
        recs,
        THEMES.map((t) => t.id),
      ),
    ).toEqual([
      { themeId: 'front-door', count: 1 },
      { themeId: 'care-leavers', count: 1 },
      { themeId: 'management-oversight', count: 1 },
      { themeId: 'recording', count: 2 },
      { themeId: 'partnership-working', count: 2 },
    ]);
    expect(recs.filter((r) => isOn(r, 'recording')).map((r) => r.id)).toEqual(['n1', 'o1']);
    expect(recs.filter((r) => isOn(r, null))).toHaveLength(5);
  });
});

describe('words and exports', () => {
  const byId = new Map(recs.map((r) => [r.id, r]));
  const names: Record<string, string> = { old: '2012', now: '2022' };
  const ctx: RecurringContext = { byId, reports: [now, old], nameOf: (id) => names[id]! };
  const pairs = [
    { earlier: 'o1', later: 'n1', similarity: 0.62, themes: ['recording'] },
    { earlier: 'o2', later: 'n1', similarity: 0.4, themes: ['partnership-working'] },
  ];

  it('names the other recommendation of each pair, as asked again or before within one council', () => {
    expect(recurringNotes(ctx, byId.get('o1')!, pairs)).toEqual(['Asked for again in 2022, recommendation 1']);
    expect(recurringNotes(ctx, byId.get('n1')!, pairs)).toEqual([
      'Asked for before in 2012, recommendation 1',
      'Asked for before in 2012, recommendation 2',
    ]);
    expect(recurringNotes(ctx, byId.get('o3')!, pairs)).toEqual([]);
    const otherCouncil = { ...ctx, reports: [now, { ...old, council: 'Elsewhere' }] };
    expect(recurringNotes(otherCouncil, byId.get('o1')!, pairs)).toEqual(['Also asked for in 2022, recommendation 1']);
  });

  it('exports each recommendation on the theme once, with its report, number, themes and pairs', () => {
    const chunkById = new Map(
      recs.map((r) => [
        r.id,
        {
          id: r.id,
          reportId: r.reportId,
          year: r.year,
          paragraph: null,
          kind: 'recommendation' as const,
          sectionPath: ['What needs to improve?'],
          grade: null,
          text: r.text,
        },
      ]),
    );
    const exportCtx: ExportContext = {
      chunkById,
      themeLabel: (id) => id.toUpperCase(),
      themesOf: () => [],
      permalink: (id) => `https://example.org/?p=${id}`,
      reportName: (id) => names[id]!,
    };
    const rows = recommendationRows(exportCtx, recs, pairs, ctx, 'recording');
    expect(rows.map((r) => [r.group, r.report, r.recommendation, r.paragraph, r.themes, r.recurring])).toEqual([
      [
        '2022',
        '2022',
        1,
        null,
        'RECORDING, MANAGEMENT-OVERSIGHT',
        'Asked for before in 2012, recommendation 1 · Asked for before in 2012, recommendation 2',
      ],
      ['2012', '2012', 1, null, 'RECORDING', 'Asked for again in 2022, recommendation 1'],
    ]);
    expect(recommendationRows(exportCtx, recs, [], ctx, null)).toHaveLength(5);
  });
});
