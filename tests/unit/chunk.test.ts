import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError, decodeReport, parseReport, parseReportText } from '../../src/core/chunk.ts';

const seeds = join(import.meta.dirname, '../../seeds');
const ID_2012 = '2012-redcar-cleveland-safeguarding-and-looked-after-children';
const ID_2022 = '2022-redcar-cleveland-ilacs';
const parse = (id: string) => parseReport(readFileSync(join(seeds, `${id}.txt`), 'utf8'), { id });
const r2012 = parse(ID_2012);
const r2022 = parse(ID_2022);
const para = (parsed: typeof r2012, n: number) => parsed.chunks.find((c) => c.paragraph === n)!;
const numbers = (parsed: typeof r2012) => parsed.chunks.flatMap((c) => (c.paragraph === null ? [] : [c.paragraph]));
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('numbered paragraphs', () => {
  it('gives each numbered paragraph exactly one chunk, in order, with no gaps', () => {
    expect(numbers(r2012)).toEqual(range(153));
    expect(numbers(r2022)).toEqual(range(49));
    expect(r2012.warnings).toEqual([]);
    expect(r2022.warnings).toEqual([]);
  });

  it('makes stable, unique ids', () => {
    expect(para(r2012, 32).id).toBe('2012-p32');
    expect(para(r2022, 49).id).toBe('2022-p49');
    const ids = [...r2012.chunks, ...r2022.chunks].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('mends paragraphs cut by page breaks', () => {
    expect(para(r2012, 97).text).toContain(
      'However, it is not always clear from the health reviews whether these are being considered',
    );
    expect(para(r2012, 97).text).toMatch(
      / health reviews whether these are being considered and used effectively as a basis for planning to meet individual needs\.$/,
    );
    expect(para(r2022, 24).text).toMatch(
      /However, children who return to their parents' care under supervision orders benefit/,
    );
    expect(para(r2022, 35).text).toContain('workloads in the assessment teams, to complete work');
    expect(para(r2012, 21).text).toContain('including those with learning disabilities, have made a good contribution');
    expect(para(r2012, 66).text).toMatch(
      /Resources are used effectively to ensure that the most vulnerable children who need to be protected and safeguarded are secure\.$/,
    );
  });

  it('keeps a paragraph’s own bullet list and table inside it', () => {
    expect(para(r2012, 2).text.split('\n- ')).toHaveLength(6);
    expect(para(r2012, 3).text).toContain('\nInadequate (Grade 4): A service that does not meet minimum requirements');
  });

  it('drops boilerplate from covers, contents and back pages', () => {
    const all = [...r2012.chunks, ...r2022.chunks].map((c) => c.text).join('\n');
    for (const junk of [
      'Crown copyright',
      'www.ofsted.gov.uk',
      'Piccadilly Gate',
      'Open Government Licence',
      'Contents',
      '\t',
    ]) {
      expect(all).not.toContain(junk);
    }
    expect(para(r2022, 49).text).toMatch(/are motivated to do the best for children\.$/);
  });
});

describe('sections and grades', () => {
  it('gives 2012 paragraphs their heading path and the innermost grade', () => {
    expect(para(r2012, 1)).toMatchObject({ sectionPath: ['About this inspection'], grade: null });
    expect(para(r2012, 17)).toMatchObject({
      sectionPath: ['Safeguarding services', 'Overall effectiveness'],
      grade: 'Grade 3 (Adequate)',
    });
    expect(para(r2012, 32)).toMatchObject({
      sectionPath: [
        'Safeguarding services',
        'Safeguarding outcomes for children and young people',
        'Children and young people are safe and feel safe',
      ],
      grade: 'Grade 2 (good)',
    });
    expect(para(r2012, 49)).toMatchObject({
      sectionPath: [
        'Safeguarding services',
        'The contribution of health agencies to keeping children and young people safe',
      ],
      grade: 'Grade 2 (good)',
    });
    expect(para(r2012, 105)).toMatchObject({
      sectionPath: [
        'Services for looked after children',
        'How good are outcomes for looked after children and care leavers?',
        'Staying safe',
      ],
      grade: 'Grade 2 (Good)',
    });
    expect(para(r2012, 117)).toMatchObject({
      sectionPath: [
        'Services for looked after children',
        'How good are outcomes for looked after children and care leavers?',
        'Making a positive contribution, including user engagement',
      ],
      grade: 'Grade 2 (Good)',
    });
    expect(para(r2012, 130)).toMatchObject({
      sectionPath: ['Services for looked after children', 'Quality of provision'],
      grade: 'Grade 2 (good)',
    });
    expect(para(r2012, 153)).toMatchObject({
      sectionPath: ['Services for looked after children', 'Performance management and quality assurance'],
      grade: 'Grade 3 (adequate)',
    });
    expect(para(r2012, 25)).toMatchObject({
      sectionPath: ['Safeguarding services', 'Areas for improvement'],
      grade: null,
    });
  });

  it('gives 2022 paragraphs their judgement area and its grade', () => {
    const help = 'The experiences and progress of children who need help and protection';
    expect(para(r2022, 1)).toMatchObject({ sectionPath: [help], grade: 'Requires improvement to be good' });
    expect(para(r2022, 19).sectionPath).toEqual([help]);
    expect(para(r2022, 20).sectionPath).toEqual(['The experiences and progress of children in care and care leavers']);
    expect(para(r2022, 34).sectionPath).toEqual([
      'The impact of leaders on social work practice with children and families',
    ]);
  });

  it('lists every graded heading once', () => {
    expect(r2012.report.sectionGrades).toHaveLength(20);
    expect(r2012.report.sectionGrades[0]).toEqual({
      sectionPath: ['Safeguarding services', 'Overall effectiveness'],
      grade: 'Grade 3 (Adequate)',
    });
    expect(r2022.report.sectionGrades.map((g) => g.sectionPath[0])).toEqual([
      'The experiences and progress of children who need help and protection',
      'The experiences and progress of children in care and care leavers',
      'The impact of leaders on social work practice with children and families',
    ]);
  });
});

describe('recommendations and summary', () => {
  it('keeps each 2012 area for improvement as a chunk under its timescale', () => {
    const recs = r2012.chunks.filter((c) => c.id.startsWith('2012-r'));
    expect(recs.map((c) => c.sectionPath.slice(1).join(' / '))).toEqual([
      'Areas for improvement / Immediately',
      ...Array<string>(4).fill('Areas for improvement / Within three months'),
      ...Array<string>(2).fill('Areas for improvement / Within six months'),
      ...Array<string>(3).fill('Areas for improvement / Within three months'),
      ...Array<string>(3).fill('Areas for improvement / Within six months'),
    ]);
    expect(recs.every((c) => c.paragraph === null && c.grade === null)).toBe(true);
    expect(recs[0]!.text).toBe(
      'ensure that all assessments of children and families include risk and protective factors and the steps required to reduce risk',
    );
    expect(recs[7]!.sectionPath[0]).toBe('Services for looked after children');
  });

  it('keeps the 2022 summary and what needs to improve', () => {
    const summary = r2022.chunks.filter((c) => c.sectionPath[0] === 'Summary');
    expect(summary.map((c) => c.id)).toEqual(['2022-s1', '2022-s2', '2022-s3']);
    expect(summary[1]!.text).toMatch(/^The local authority's plans to improve services for children were stalled/);
    const recs = r2022.chunks.filter((c) => c.sectionPath[0] === 'What needs to improve?');
    expect(recs).toHaveLength(6);
    expect(recs[3]!.text).toBe(
      'The response to neglect, homeless 16 to 17-year-olds and return home interviews with children who have been missing.',
    );
  });
});

describe('kinds', () => {
  const kinds = (parsed: typeof r2012) => parsed.chunks.map((c) => [c.id, c.kind]);
  const text2012 = readFileSync(join(seeds, `${ID_2012}.txt`), 'utf8');

  it('keeps what the outline made each chunk: numbered paragraphs, the areas for improvement, the 2022 summary', () => {
    const paragraphs = (from: number, to: number) =>
      range(to - from + 1).map((n) => [`2012-p${from + n - 1}`, 'paragraph']);
    const recommendations = (from: number, to: number) =>
      range(to - from + 1).map((n) => [`2012-r${from + n - 1}`, 'recommendation']);
    expect(kinds(r2012)).toEqual([
      ...paragraphs(1, 25),
      ...recommendations(1, 7),
      ...paragraphs(26, 91),
      ...recommendations(8, 13),
      ...paragraphs(92, 153),
    ]);
    expect(kinds(r2022)).toEqual([
      ...range(3).map((n) => [`2022-s${n}`, 'summary']),
      ...range(6).map((n) => [`2022-r${n}`, 'recommendation']),
      ...range(49).map((n) => [`2022-p${n}`, 'paragraph']),
    ]);
  });

  it('makes unbulleted text under a recommendations heading a recommendation, and unnumbered elsewhere', () => {
    // The 2012 report as a PDF without bullet marks gives it: the areas for improvement are lines of text.
    const parsed = parseReport(text2012.replace(/^-\s+/gm, ''), { id: ID_2012 });
    const unnumbered = parsed.chunks.filter((c) => c.paragraph === null);
    expect(unnumbered.map((c) => [c.id, c.kind, c.sectionPath.at(-1)])).toEqual([
      ['2012-u1', 'recommendation', 'Immediately'],
      ['2012-u2', 'recommendation', 'Within three months'],
      ['2012-u3', 'recommendation', 'Within six months'],
      ['2012-u4', 'recommendation', 'Within three months'],
      ['2012-u5', 'recommendation', 'Within six months'],
    ]);
    expect(unnumbered[0]!.text).toMatch(/^ensure that all assessments of children and families include risk/);
  });

  it('gives blocks under the areas for improvement of a report split at blank lines the kind recommendation', () => {
    const parsed = parseReportText(text2012.replace(/^(\s*)\d+\.\s+/gm, '$1'), { id: 'x', chunkPrefix: 'x' });
    expect(parsed.method).toBe('paragraphs');
    const recommendations = parsed.chunks.filter((c) => c.kind === 'recommendation');
    expect(recommendations.map((c) => c.id)).toEqual([
      ...range(8).map((n) => `x-b${n + 11}`),
      ...range(6).map((n) => `x-b${n + 40}`),
    ]);
    expect(new Set(recommendations.map((c) => c.sectionPath.join(' / ')))).toEqual(new Set(['Areas for improvement']));
    expect(parsed.chunks.filter((c) => c.kind !== 'recommendation').every((c) => c.kind === 'unnumbered')).toBe(true);
  });
});

describe('report metadata', () => {
  it('reads the 2012 title block and record of main findings', () => {
    const { judgements, sectionGrades: _, ...meta } = r2012.report;
    expect(meta).toEqual({
      id: ID_2012,
      year: 2012,
      title: 'Inspection of safeguarding and looked after children services',
      council: 'Redcar and Cleveland',
      inspectionDates: '21 May - 01 June 2012',
      publisher: 'Ofsted',
      published: '10 July 2012',
    });
    expect(judgements).toHaveLength(27);
    expect(judgements.slice(0, 3)).toEqual([
      { area: 'Safeguarding services', grade: null },
      { area: 'Overall effectiveness', grade: 'Adequate' },
      { area: 'Capacity for improvement', grade: 'Good' },
    ]);
    expect(judgements.filter((j) => j.grade === 'Adequate').map((j) => j.area)).toEqual([
      'Overall effectiveness',
      'Quality of provision',
      'Performance management and quality assurance',
      'Performance management and quality assurance',
    ]);
  });

  it('reads the 2022 judgement table', () => {
    expect(r2022.report).toMatchObject({
      year: 2022,
      title: "Inspection of Redcar and Cleveland local authority children's services",
      council: 'Redcar and Cleveland',
      inspectionDates: '20 June to 1 July 2022',
      publisher: 'Ofsted',
      published: null,
    });
    expect(r2022.report.judgements).toEqual([
      {
        area: 'The impact of leaders on social work practice with children and families',
        grade: 'Requires improvement to be good',
      },
      {
        area: 'The experiences and progress of children who need help and protection',
        grade: 'Requires improvement to be good',
      },
      {
        area: 'The experiences and progress of children in care and care leavers',
        grade: 'Requires improvement to be good',
      },
      { area: 'Overall effectiveness', grade: 'Requires improvement to be good' },
    ]);
  });
});

describe('bad input', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('rejects an empty file, naming it', () => {
    expect(() => decodeReport(new Uint8Array(), 'empty.txt')).toThrow(
      new ReportError('empty.txt', 'the file is empty'),
    );
    expect(() => parseReport('  \n\n', { id: 'blank' })).toThrow('blank: the file is empty');
  });
  it('rejects bytes that are not UTF-8', () => {
    expect(() => decodeReport(new Uint8Array([0x49, 0x6e, 0xff, 0xfe, 0x20]), 'latin.txt')).toThrow(
      /latin\.txt: the file is not valid UTF-8/,
    );
    expect(decodeReport(bytes('Caf\u00e9'), 'ok.txt')).toBe('Caf\u00e9');
  });
  it('rejects a report with no numbered paragraphs', () => {
    const text = 'Inspection of somewhere\n\nInspection dates: 1 May 2020\n\nSome text without numbers.\n';
    expect(() => parseReport(text, { id: 'x', source: 'plain.txt' })).toThrow(/plain\.txt: no numbered paragraphs/);
  });
  it('rejects text that is not an inspection report', () => {
    expect(() => parseReport('Shopping list\n1. eggs\n2. milk\n', { id: 'x', source: 'list.txt' })).toThrow(
      /list\.txt: no "Inspection dates:" line/,
    );
  });
  it('reports a skipped paragraph number instead of hiding it', () => {
    const text = 'Inspection of X\n\nInspection dates: 1 May 2020\n\nAbout\n\n1. One.\n2. Two.\n4. Four.\n';
    const parsed = parseReport(text, { id: 'x' });
    expect(parsed.warnings).toEqual(['paragraph numbers jump from 2 to 4']);
    expect(parsed.chunks.map((c) => c.paragraph)).toEqual([null, 1, 2, 4]);
  });
});
