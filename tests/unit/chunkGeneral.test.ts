import { describe, expect, it } from 'vitest';
import { joinHyphenatedWords, parseReport, parseReportText } from '../../src/core/chunk.ts';

const TITLE = 'Inspection of Testshire local authority children’s services';

/** A short ILACS report as text extraction leaves it: wrapped lines, page furniture, hyphens at line ends. */
const fromPdf = [
  TITLE,
  '',
  'Inspection dates: 3 to 14 May 2021',
  '',
  'Judgement Grade',
  'The experiences and progress of children who need help and protection Good',
  'Overall effectiveness Good',
  '',
  'What needs to improve?',
  '',
  '- The quality of assess-',
  'ments for children who go missing.',
  '',
  'The experiences and progress of children who need help and protection: good',
  '',
  '1. Children who need help receive it quickly. Social workers visit',
  'regularly and know the children well, and multi-',
  'agency meetings are timely.',
  '',
  'Page 1 of 3',
  'www.gov.uk/ofsted',
  '',
  TITLE,
  '',
  'Most children have plans that are reviewed on time and are',
  'clear about what needs to change.',
  '',
  '- 2. Managers over-',
  'see practice closely.',
  '',
  '3.',
  'Decision-making in the front door is prompt.',
  '',
  '2',
  '',
  TITLE,
].join('\n');

describe('numbered reports as PDF text gives them', () => {
  const r = parseReportText(fromPdf, { id: 't', chunkPrefix: 't' });

  it('splits by number, joining wrapped lines and paragraphs cut by a page break, with "- 12." and a bare "12."', () => {
    expect(r.method).toBe('numbered');
    expect(r.warnings).toEqual([]);
    const protection = ['The experiences and progress of children who need help and protection'];
    expect(r.chunks.map((c) => [c.id, c.sectionPath, c.grade, c.text])).toEqual([
      ['t-r1', ['What needs to improve?'], null, 'The quality of assessments for children who go missing.'],
      [
        't-p1',
        protection,
        'Good',
        'Children who need help receive it quickly. Social workers visit regularly and know the children well, and multi-agency meetings are timely. Most children have plans that are reviewed on time and are clear about what needs to change.',
      ],
      ['t-p2', protection, 'Good', 'Managers oversee practice closely.'],
      ['t-p3', protection, 'Good', 'Decision-making in the front door is prompt.'],
    ]);
  });

  it('drops page numbers, the Ofsted address and the running title', () => {
    const all = r.chunks.map((c) => c.text).join('\n');
    for (const furniture of ['Page 1', 'gov.uk', 'Testshire local authority']) expect(all).not.toContain(furniture);
    expect(r.report).toMatchObject({
      title: TITLE,
      council: 'Testshire',
      year: 2021,
      inspectionDates: '3 to 14 May 2021',
    });
    expect(r.report.judgements).toEqual([
      { area: 'The experiences and progress of children who need help and protection', grade: 'Good' },
      { area: 'Overall effectiveness', grade: 'Good' },
    ]);
  });

  it('drops a line that recurs three times next to page numbers, but keeps one that recurs elsewhere', () => {
    const page = (n: number) => [
      `${n}. Children are seen${n === 1 ? ' ' + 'and helped. '.repeat(3) : '.'}`,
      '',
      'Testshire, May 2021',
      `Page ${n} of 3`,
      '',
    ];
    const text = [
      'Report',
      'Inspection dates: May 2021',
      '',
      ...page(1),
      ...page(2),
      ...page(3),
      'Within three months',
      'Within three months',
      'Within three months',
    ];
    const chunks = parseReportText(text.join('\n'), { id: 'x' }).chunks;
    expect(chunks.map((c) => c.text).join(' ')).not.toContain('Testshire');
    expect(chunks[chunks.length - 1]!.text).toBe(
      'Children are seen. Within three months Within three months Within three months',
    );
  });
});

describe('reports without numbered paragraphs', () => {
  const plain = [
    TITLE,
    '',
    'Inspection dates: 3 to 14 May 2021',
    '',
    'Help and protection',
    '',
    'Children who need help receive it quickly. Social workers visit',
    'regularly and know the children well.',
    '',
    'Children in care',
    '',
    'Most children in care live in stable homes. Their assess-',
    'ments are thorough and',
    '',
    'up to date, and they say that:',
    '- they feel safe',
    '- they are listened to',
  ].join('\n');

  it('falls back to blocks at blank lines, joining wrapped lines, hyphenated words and page-cut blocks, and says so', () => {
    const r = parseReportText(plain, { id: 't', chunkPrefix: 't' });
    expect(r.method).toBe('paragraphs');
    expect(r.warnings).toEqual(['No numbered paragraphs were found, so the text was split at blank lines.']);
    expect(r.report).toMatchObject({
      title: TITLE,
      council: 'Testshire',
      year: 2021,
      inspectionDates: '3 to 14 May 2021',
      judgements: [],
    });
    expect(r.chunks.map((c) => [c.id, c.sectionPath, c.paragraph, c.text])).toEqual([
      [
        't-b1',
        ['Help and protection'],
        null,
        'Children who need help receive it quickly. Social workers visit regularly and know the children well.',
      ],
      [
        't-b2',
        ['Children in care'],
        null,
        'Most children in care live in stable homes. Their assessments are thorough and up to date, and they say that:\n- they feel safe\n- they are listened to',
      ],
    ]);
  });

  it('keeps throwing from parseReport, which the bundled reports go through', () => {
    expect(() => parseReport(plain, { id: 'x', source: 'plain.txt' })).toThrow(
      'plain.txt: no numbered paragraphs found',
    );
  });

  it('splits at blank lines when a few numbered items hold less than half the text', () => {
    const long =
      'Children in care are visited often by social workers who know them well and plan for them carefully. ';
    const text = [
      TITLE,
      '',
      'Inspection dates: May 2021',
      '',
      long.repeat(3),
      '',
      long.repeat(3),
      '',
      '1. Act now.',
      '2. Act soon.',
    ].join('\n');
    const r = parseReportText(text, { id: 't', chunkPrefix: 't' });
    expect(r.method).toBe('paragraphs');
    expect(r.warnings[0]).toBe(
      'Only 2 numbered paragraphs were found, holding less than half the text, so the text was split at blank lines.',
    );
    expect(r.chunks.map((c) => c.text.slice(0, 12))).toEqual(['Children in ', 'Children in ', '1. Act now. ']);
  });
});

describe('long reports', () => {
  const sentence = (n: number) =>
    `${n}. Children in care number ${n} are visited often by social workers who know them.`;

  it('recognises paragraph numbers past 999', () => {
    const text = [
      TITLE,
      '',
      'Inspection dates: May 2021',
      '',
      ...Array.from({ length: 5000 }, (_, i) => sentence(i + 1)),
    ].join('\n');
    const r = parseReportText(text, { id: 't', chunkPrefix: 't' });
    expect(r.method).toBe('numbered');
    expect(r.chunks).toHaveLength(5000);
    expect(r.chunks.at(-1)).toMatchObject({
      paragraph: 5000,
      text: 'Children in care number 5000 are visited often by social workers who know them.',
    });
    expect(r.warnings).toEqual([]);
  });

  it('says plainly which paragraph is implausibly long', () => {
    const huge = 'The service was reviewed again and again without any change to what children experienced. '.repeat(
      300,
    );
    const text = [TITLE, '', 'Inspection dates: May 2021', '', sentence(1), `2. ${huge}`, sentence(3)].join('\n');
    const r = parseReportText(text, { id: 't', chunkPrefix: 't' });
    expect(r.warnings).toEqual([
      `Paragraph 2 is ${r.chunks[1]!.text.length.toLocaleString('en-GB')} characters long, far longer than a report's paragraphs are (under 20,000): the file's numbering or layout was probably not read correctly, so search in it will be poor.`,
    ]);
  });
});

describe('over-long blocks', () => {
  const warning = (name: string, length: number) =>
    `${name} is ${length.toLocaleString('en-GB')} characters long, far longer than a report's paragraphs are (under 20,000): the file's numbering or layout was probably not read correctly, so search in it will be poor.`;

  it('names each block by its place and first words, so blocks of the same length read apart', () => {
    const first = 'Children in care are visited often. '.repeat(700).trim();
    const second = first.replaceAll('visited', 'watched');
    const r = parseReportText([TITLE, '', 'Inspection dates: May 2021', '', first, '', second].join('\n'), {
      id: 't',
      chunkPrefix: 't',
    });
    expect(r.method).toBe('paragraphs');
    expect(r.warnings).toEqual([
      'No numbered paragraphs were found, so the text was split at blank lines.',
      warning('Block 1 (in "Report text", beginning "Children in care are visited often.…")', first.length),
      warning('Block 2 (in "Report text", beginning "Children in care are watched often.…")', first.length),
    ]);
  });

  it('cuts a block that is one long word on a whole character', () => {
    const word = '😀'.repeat(12_000);
    const r = parseReportText([TITLE, '', 'Inspection dates: May 2021', '', `${word}.`].join('\n'), { id: 't' });
    expect(r.warnings[1]).toBe(warning(`Block 1 (in "Report text", beginning "${'😀'.repeat(60)}…")`, word.length + 1));
  });
});

describe('lines no report has', () => {
  // Each of these once hung the page's worker for hours or stopped it with a stack overflow.
  it('reads a line of millions of letters, or of spaces, without a break', () => {
    const head = [TITLE, '', 'Inspection dates: May 2021', ''].join('\n');
    const letters = parseReportText(`${head}\n${'x'.repeat(5_000_000)}`, { id: 't', chunkPrefix: 't' });
    expect(letters.chunks.map((c) => c.text.length)).toEqual([5_000_000]);
    const spaces = parseReportText(`${head}\n1. Children are seen.\n${' '.repeat(5_000_000)}x\n`, { id: 't' });
    expect(spaces.chunks.map((c) => c.text)).toEqual(['Children are seen. x']);
  });

  it('still joins a word hyphenated at a line end next to a line of millions of letters', () => {
    expect(joinHyphenatedWords(`assess-\nments ${'x'.repeat(5_000_000)}`)).toBe(
      `assessments\n ${'x'.repeat(5_000_000)}`,
    );
  });
});

describe('paragraph numbers that do not follow on', () => {
  const numbered = (n: number | string, what: string) => `${n}. Children ${what} are visited often by social workers.`;

  it('says which numbered lines were read as part of which paragraph', () => {
    const text = [
      TITLE,
      '',
      'Inspection dates: May 2021',
      '',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => numbered(n, `in group ${n}`)),
      numbered(7, 'again in group 7'),
      numbered(20, 'in group 20'),
      numbered(9, 'in group 9'),
      numbered(100, 'in group 100'),
      numbered(1000, 'in group 1000'),
      numbered(10, 'in group 10'),
    ].join('\n');
    const r = parseReportText(text, { id: 't', chunkPrefix: 't' });
    expect(r.chunks.map((c) => c.paragraph)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.chunks[7]!.text).toBe(
      'Children in group 8 are visited often by social workers. 7. Children again in group 7 are visited often by ' +
        'social workers. 20. Children in group 20 are visited often by social workers.',
    );
    expect(r.warnings).toEqual([
      'The lines numbered 7 and 20 were read as part of paragraph 8, not as paragraphs of their own, because they ' +
        'do not follow on from paragraph 8.',
      'The lines numbered 100 and 1000 were read as part of paragraph 9, not as paragraphs of their own, because ' +
        'they do not follow on from paragraph 9.',
    ]);
  });

  it('keeps the warning for a small jump, and names text before the first paragraph', () => {
    const text = [
      TITLE,
      '',
      'Inspection dates: May 2021',
      '',
      numbered(5, 'first'),
      '',
      ...[1, 2, 3, 4, 5, 6, 9].map((n) => numbered(n, `in group ${n}`)),
      numbered(3, 'again in group 3'),
    ].join('\n');
    const r = parseReportText(text, { id: 't', chunkPrefix: 't' });
    expect(r.chunks.map((c) => c.paragraph)).toEqual([null, 1, 2, 3, 4, 5, 6, 9]);
    expect(r.warnings).toEqual([
      'The line numbered 5 was read as part of the text before the first heading, not as a paragraph of its own, ' +
        "because the report's paragraph numbers start at 1.",
      'paragraph numbers jump from 6 to 9',
      'The line numbered 3 was read as part of paragraph 9, not as a paragraph of its own, because it does not ' +
        'follow on from paragraph 9.',
    ]);
  });
});

describe('metadata for the reader to confirm', () => {
  const body = [
    'Ofsted inspected help for children in 2019.',
    '',
    'Children are seen quickly.',
    '',
    'Children in care are safe.',
    '',
    'Children leaving care have homes.',
    '',
    'Children are heard.',
  ];

  it('guesses the year from the cover and leaves what it cannot find blank, with warnings', () => {
    const r = parseReportText(['Children’s services in Testshire', '', ...body].join('\n'), { id: 'x' });
    expect(r.method).toBe('paragraphs');
    expect(r.report).toMatchObject({
      title: 'Children’s services in Testshire',
      council: '',
      year: 2019,
      inspectionDates: '',
    });
    expect(r.warnings).toEqual([
      'No numbered paragraphs were found, so the text was split at blank lines.',
      'No "Inspection dates:" line was found: check the title, council and year.',
    ]);
  });

  it('sets the year to 0 when there is none, where parseReport refuses', () => {
    const text = [
      TITLE,
      '',
      'Inspection dates: to be confirmed',
      '',
      '1. Children are seen quickly by social workers who know them.',
    ].join('\n');
    const r = parseReportText(text, { id: 'x', chunkPrefix: 'x' });
    expect(r.report).toMatchObject({ year: 0, council: 'Testshire', inspectionDates: 'to be confirmed' });
    expect(r.warnings).toEqual([]);
    expect(r.chunks.map((c) => c.id)).toEqual(['x-p1']);
    expect(() => parseReport(text, { id: 'x' })).toThrow('x: no year in the inspection dates "to be confirmed"');
  });
});

describe('text that is not a report', () => {
  const refuse =
    /^list\.txt: this does not look like an Ofsted inspection report: it has no "Inspection dates:" line, and fewer than 5 lines about children/;

  it('refuses text with no inspection dates, few lines about children, or no mention of Ofsted or an inspection', () => {
    expect(() => parseReportText('Shopping list\n\neggs, milk, bread\n', { id: 'x', source: 'list.txt' })).toThrow(
      refuse,
    );
    const ofstedFewChildren =
      'Ofsted inspection of a school\n\nChildren enjoy lessons.\n\nThe building is old.\n\nParking is limited.';
    expect(() => parseReportText(ofstedFewChildren, { id: 'x', source: 'list.txt' })).toThrow(refuse);
    const childrenNoInspection = Array.from({ length: 8 }, (_, i) => `Children’s party game ${i + 1}.`).join('\n\n');
    expect(() => parseReportText(childrenNoInspection, { id: 'x', source: 'list.txt' })).toThrow(refuse);
  });

  it('refuses an empty or blank file', () => {
    expect(() => parseReportText('', { id: 'x', source: 'blank.txt' })).toThrow('blank.txt: the file is empty');
    expect(() => parseReportText(' \n\t\n', { id: 'x', source: 'blank.txt' })).toThrow('blank.txt: the file is empty');
  });
});

describe('words hyphenated at line ends', () => {
  it('joins a word split by line breaking and keeps real compounds', () => {
    expect(joinHyphenatedWords('Their assess-\nments are good.')).toBe('Their assessments\n are good.');
    expect(joinHyphenatedWords('good multi-\nagency work')).toBe('good multi-agency\n work');
    expect(joinHyphenatedWords('decision-\nmaking')).toBe('decision-making\n');
  });

  it('follows the report’s own spelling first', () => {
    expect(joinHyphenatedWords('wellbeing matters; well-\nbeing')).toBe('wellbeing matters; wellbeing\n');
    expect(joinHyphenatedWords('care-experienced adults; care-\nexperienced')).toBe(
      'care-experienced adults; care-experienced\n',
    );
  });

  it('keeps the hyphen between two words the report uses, drops typesetters’ hyphens', () => {
    expect(joinHyphenatedWords('needs are based on need; needs-\nbased')).toBe(
      'needs are based on need; needs-based\n',
    );
    expect(joinHyphenatedWords('needs are based on need; needs\u2010\nbased')).toBe(
      'needs are based on need; needsbased\n',
    );
    expect(joinHyphenatedWords('circum\u00ad\nstances')).toBe('circumstances\n');
  });

  it('moves punctuation with the word and leaves capitals, digits and dashes alone', () => {
    expect(joinHyphenatedWords('core assess-\nments. Audits')).toBe('core assessments.\n Audits');
    const untouched = '16-\n17-year-olds, multi-\nAgency, and then -\nafter';
    expect(joinHyphenatedWords(untouched)).toBe(untouched);
  });
});
