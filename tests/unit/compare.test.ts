import { beforeAll, describe, expect, it } from 'vitest';
import { ParagraphSimilarity, compareTheme } from '../../src/core/compare.ts';
import { toCsv, toMarkdown, type ExportAbout, type ExportRow } from '../../src/core/exportView.ts';
import { fromCsv, fromMarkdown } from './exportParse.ts';
import { frameworkOf, gradesByArea } from '../../src/core/gradeAreas.ts';
import type { SemanticIndexes } from '../../src/core/buildIndexes.ts';
import { recommendationsOf, recurringPairs, vectorSimilarity } from '../../src/core/recommendations.ts';
import type { Corpus, Report } from '../../src/core/types.ts';
import { reportIndexesOf } from '../../src/core/buildIndexes.ts';
import { corpusIndexes, loadCorpus, loadModel } from '../../scripts/lib/engine.ts';

let corpus: Corpus;
let semantic: SemanticIndexes;
let similarity: ParagraphSimilarity;
let reports: [Report, Report];

beforeAll(async () => {
  corpus = loadCorpus();
  const embedder = await loadModel();
  semantic = await corpusIndexes(corpus, embedder);
  similarity = new ParagraphSimilarity(corpus.chunks);
  reports = corpus.reports as [Report, Report];
});

describe('counterparts', () => {
  // Pairs judged by reading both paragraphs: each pair is about the same practice.
  it.each([
    ['2012-p32', '2022-p18'], // children missing from home and care; return home interviews
    ['2012-p33', '2022-p7'], // allegations against professionals and the LADO
    ['2012-p127', '2022-p32'], // care leavers' pathway plans
    ['2012-p74', '2022-p47'], // supervision of social workers
    ['2012-p29', '2022-p15'], // private fostering
    ['2012-p129', '2022-p31'], // care leavers' accommodation
  ])('%s finds %s first', (from, to) => {
    const other = corpus.chunks.find((c) => c.id === to)!.reportId;
    const [best] = similarity.counterparts(from, other, 3);
    expect(best!.id).toBe(to);
    expect(best!.similarity).toBeGreaterThanOrEqual(0.2);
  });

  it('finds nothing close in 2012 for what 2012 never discusses', () => {
    for (const id of ['2022-p14', '2022-p16', '2022-p28'])
      expect(similarity.counterparts(id, reports[0].id, 1)[0]!.similarity).toBeLessThan(0.2);
  });
});

describe('then and now by theme', () => {
  const ids = (rows: { ids: (string | null)[] }[], side: 0 | 1, only: boolean) =>
    rows.filter((r) => (only ? r.ids[1 - side] === null : true) && r.ids[side] !== null).map((r) => r.ids[side]);

  it('puts the neglect and homeless 16-17-year-olds paragraphs "only in 2022"', () => {
    const neglect = compareTheme(similarity, semantic.assignments, reports, 'neglect');
    expect(ids(neglect.rows, 0, false)).toEqual([]);
    expect(ids(neglect.rows, 1, true)).toContain('2022-p14');
    const homeless = compareTheme(similarity, semantic.assignments, reports, 'homeless-16-17');
    expect(ids(homeless.rows, 1, true)).toContain('2022-p16');
  });

  it('pairs matching paragraphs and orders rows by relevance to the theme', () => {
    const missing = compareTheme(similarity, semantic.assignments, reports, 'missing-exploitation');
    const pairs = missing.rows.filter((r) => r.similarity !== null && !r.shared);
    expect(pairs.map((r) => r.ids.join(' / '))).toContain('2012-p32 / 2022-p18');
    const relevance = missing.rows.map((r) => r.relevance);
    expect(relevance).toEqual([...relevance].sort((a, b) => b - a));
    // Pairs are one to one; a left-over paragraph close to an already paired one says so instead of "only in".
    const paired = pairs.flatMap((r) => r.ids);
    expect(new Set(paired).size).toBe(paired.length);
    for (const r of missing.rows.filter((x) => x.shared))
      expect(r.ids.filter((id) => paired.includes(id))).toHaveLength(1);
    expect(missing.rows.find((r) => r.ids[0] === '2012-p108')).toMatchObject({
      ids: ['2012-p108', '2022-p18'],
      shared: true,
    });
  });
});

describe('recommendations', () => {
  it('lists the 2012 areas for improvement with their timescales, and the 2022 list, each numbered in its report', () => {
    const recs = recommendationsOf(corpus.chunks, semantic.assignments);
    const words = (t: string) => t.split(' ').slice(0, 5).join(' ');
    const S = 'Safeguarding services';
    const L = 'Services for looked after children';
    expect(recs.map((r) => [r.year, r.number, r.part, r.timescale, words(r.text)])).toEqual([
      [2012, 1, S, 'Immediately', 'ensure that all assessments of'],
      [2012, 2, S, 'Within three months', 'ensure that assessments reflect the'],
      [2012, 3, S, 'Within three months', 'ensure that reflective discussions and'],
      [2012, 4, S, 'Within three months', 'ensure that assessments, core group'],
      [2012, 5, S, 'Within three months', "NHS Tees, police and children's"],
      [2012, 6, S, 'Within six months', 'NHS Tees should recruit to'],
      [2012, 7, S, 'Within six months', 'evaluate early intervention and prevention'],
      [2012, 8, L, 'Within three months', 'ensure that the strategic plan'],
      [2012, 9, L, 'Within three months', 'revise the approach to corporate'],
      [2012, 10, L, 'Within three months', 'ensure that all care plans'],
      [2012, 11, L, 'Within six months', 'improve the organisation and management'],
      [2012, 12, L, 'Within six months', 'NHS Tees and South Tees'],
      [2012, 13, L, 'Within six months', 'NHS Tees and South Tees'],
      [2022, 1, null, null, 'The effectiveness and consistent recording'],
      [2022, 2, null, null, 'Work with the local safeguarding'],
      [2022, 3, null, null, 'The quality of written records'],
      [2022, 4, null, null, 'The response to neglect, homeless'],
      [2022, 5, null, null, 'The use of unlawful and'],
      [2022, 6, null, null, 'The corporate parent response to'],
    ]);
  });

  it('pairs recommendations by the vectors the worker holds, not by a shared theme alone', () => {
    // As the worker has them: each report's own (int8) index, and the themes it gives.
    const indexes = reportIndexesOf(corpus, semantic);
    const recs = recommendationsOf(
      corpus.chunks,
      indexes.flatMap((r) => r.semantic!.assignments),
    );
    const pairs = recurringPairs(recs, reports, vectorSimilarity(indexes)!);
    const byId = new Map(recs.map((r) => [r.id, r]));
    for (const p of pairs) {
      expect([byId.get(p.earlier)!.year, byId.get(p.later)!.year]).toEqual([2012, 2022]);
      expect(p.themes.length).toBeGreaterThan(0);
    }
    // The example: recruiting a named GP and referral thresholds share the partnership theme, nothing more.
    expect(byId.get('2012-r6')!.themes.filter((t) => byId.get('2022-r2')!.themes.includes(t))).not.toEqual([]);
    expect(pairs.find((p) => p.earlier === '2012-r6' && p.later === '2022-r2')).toBeUndefined();
    expect(vectorSimilarity([{ ...indexes[0]!, semantic: null } as (typeof indexes)[0], indexes[1]!])).toBeNull();
  });
});

describe('grades by area', () => {
  it('sets the 2012 grades beside the 2022 judgements', () => {
    const areas = gradesByArea(reports);
    expect(areas.map((a) => a.label)).toEqual([
      'Overall effectiveness',
      'Help and protection',
      'Children in care and care leavers',
      'Leadership, management and capacity',
      'Other graded areas',
    ]);
    // Rows of 2012's judgement tables that no area claims are shown, not dropped.
    expect(areas[4]!.byReport).toEqual([
      [
        { area: 'Safeguarding services › Equality and diversity', grade: 'Good' },
        { area: 'Services for looked after children › Equality and diversity', grade: 'Good' },
      ],
      [],
    ]);
    expect(areas[0]!.byReport).toEqual([
      [
        { area: 'Safeguarding services › Overall effectiveness', grade: 'Grade 3 (Adequate)' },
        { area: 'Services for looked after children › Overall effectiveness', grade: 'Grade 2 (good)' },
      ],
      [{ area: 'Overall effectiveness', grade: 'Requires improvement to be good' }],
    ]);
    expect(areas[2]!.byReport[0]).toHaveLength(6);
    expect(areas[3]!.byReport[1]).toEqual([
      {
        area: 'The impact of leaders on social work practice with children and families',
        grade: 'Requires improvement to be good',
      },
    ]);
  });

  it('reads the framework from the report, not its year', () => {
    // An ILACS inspection of 2023, and one of 2022 beside it: both graded by the same areas.
    const later = { ...reports[1], id: 'u1a2b3c4d', year: 2023 };
    expect(frameworkOf(later)).toBe('ilacs');
    const areas = gradesByArea([reports[1], later]);
    // Graded areas on both sides, so the check below compares grades, not empty lists.
    expect(areas.filter((area) => area.byReport[0]!.length > 0).length).toBeGreaterThanOrEqual(4);
    for (const area of areas) expect(area.byReport[1]).toEqual(area.byReport[0]);
    expect(areas[0]!.byReport[1]).toEqual([
      { area: 'Overall effectiveness', grade: 'Requires improvement to be good' },
    ]);
    // A framework the list does not know: its graded rows stand apart, whole.
    const unknown = {
      ...reports[1],
      id: 'u00000000',
      judgements: [{ area: 'Quality of practice', grade: 'Good' }],
      sectionGrades: [],
    };
    expect(frameworkOf(unknown)).toBe('other');
    expect(gradesByArea([unknown]).at(-1)).toEqual({
      label: 'Other graded areas',
      byReport: [[{ area: 'Quality of practice', grade: 'Good' }]],
    });
  });
});

describe('export', () => {
  const rows: ExportRow[] = [
    {
      group: 'Neglect',
      report: '2022 (Testshire)',
      year: 2022,
      paragraph: 14,
      recommendation: null,
      section: 'Help and protection',
      grade: 'Requires improvement to be good',
      themes: 'Neglect',
      strength: 'strong match',
      recurring: '',
      text: 'Line one, with "quotes" and *stars*;\n- a list item [link](x) <b>',
      permalink: 'https://example.org/?p=2022-p14',
    },
    {
      group: 'Neglect',
      report: '2012',
      year: 2012,
      paragraph: null,
      recommendation: 2,
      section: 'Areas for improvement › Within three months',
      grade: '',
      themes: '',
      strength: '',
      recurring:
        'Asked for again in 2022, recommendation 3 (strong match) · Asked for again in 2022, recommendation 4 (possible match)',
      text: 'plain | pipes _under_ `code`',
      permalink: 'https://example.org/?p=2012-r2',
    },
  ];
  const about: ExportAbout = {
    details: [
      ['Search', '“neglect”'],
      ['Mode', 'Hybrid'],
    ],
    link: 'https://example.org/?q=neglect',
    exported: '2026-12-02',
  };
  it('round-trips through CSV, every row saying what the file is of', () => {
    const csv = toCsv(about, rows);
    expect(fromCsv(csv)).toEqual(rows);
    expect(csv.split('\n')[0]).toBe(
      'group,report,year,paragraph,recommendation,section,grade,themes,strength,recurring,text,permalink,view,view_link,exported',
    );
    expect(
      csv
        .trimEnd()
        .endsWith(
          ',2,Areas for improvement › Within three months,,,,"Asked for again in 2022, recommendation 3 (strong match) · Asked for again in 2022, recommendation 4 (possible match)",plain | pipes _under_ `code`,https://example.org/?p=2012-r2,Search: “neglect” · Mode: Hybrid,https://example.org/?q=neglect,2026-12-02',
        ),
    ).toBe(true);
  });
  it('opens a Markdown export with what was asked, when, and the link that opens it again', () => {
    expect(toMarkdown('Search: neglect', about, rows).split('\n').slice(0, 11)).toEqual([
      '# Search: neglect',
      '',
      '- Search: “neglect”',
      '- Mode: Hybrid',
      '- Exported: 2026-12-02',
      '- Link to this view: <https://example.org/?q=neglect>',
      '',
      '## Neglect',
      '',
      '- **2022 (Testshire), paragraph 14** (Help and protection; Requires improvement to be good; themes: Neglect; match: strong match) [link](<https://example.org/?p=2022-p14>)',
      '  > Line one, with "quotes" and \\*stars\\*;',
    ]);
    expect(toMarkdown('x', about, rows)).toContain(
      '- **2012, recommendation 2** (Areas for improvement › Within three months; recurring: Asked for again in 2022, recommendation 3 (strong match) · Asked for again in 2022, recommendation 4 (possible match))',
    );
  });
  it('neutralises cells a spreadsheet would run as formulas, and reads them back as they were', () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","x")',
      '+1+1',
      '-2+3',
      '@SUM(A1)',
      '\tTabbed',
      "=cmd|' /C calc'!A0\nsecond line",
    ];
    const cells = hostile.map((text, i) => ({ ...rows[0]!, group: i === 0 ? '=1+1' : 'Neglect', text }));
    const csv = toCsv(about, cells);
    const textCells = csv.split('\n').slice(1).join('\n');
    for (const text of hostile) expect(csv).toContain(`"'${text.replace(/"/g, '""')}"`);
    expect(textCells).toContain(`"'=1+1"`);
    expect(fromCsv(csv)).toEqual(cells);
  });
  it('keeps line breaks in names and text from starting headings, lists or quotes of their own in Markdown', () => {
    const breaking = '\n# Injected heading\r## Another\r\n- a list\u2028> quote';
    const hostile: ExportRow = {
      ...rows[0]!,
      group: `2022 (Testshire${breaking})`,
      report: `2022 (Testshire${breaking})`,
      section: `Help${breaking}`,
      grade: `Good${breaking}`,
      themes: `Neglect${breaking}`,
      text: 'First line\r# not a heading\r\n## nor this ~~struck~~ &amp; #',
    };
    const flat = String.raw` \# Injected heading \#\# Another - a list \> quote`;
    // Split as a Markdown reader splits lines: at \n, \r\n and a lone \r.
    expect(toMarkdown(`Title${breaking}`, { ...about, details: [] }, [hostile]).split(/\r\n|\r|\n/)).toEqual([
      `# Title${flat}`,
      '',
      '- Exported: 2026-12-02',
      '- Link to this view: <https://example.org/?q=neglect>',
      '',
      `## 2022 (Testshire${flat})`,
      '',
      `- **2022 (Testshire${flat}), paragraph 14** (Help${flat}; Good${flat}; themes: Neglect${flat}; match: strong match) [link](<https://example.org/?p=2022-p14>)`,
      '  > First line',
      String.raw`  > \# not a heading`,
      String.raw`  > \#\# nor this \~\~struck\~\~ \&amp; \#`,
      '',
    ]);
  });
  it('round-trips through Markdown and escapes markup', () => {
    const md = toMarkdown('Then and now: neglect', about, rows);
    expect(md).toContain('\\*stars\\*');
    expect(md).not.toContain('<b>');
    expect(fromMarkdown(md)).toEqual(rows);
  });
});
