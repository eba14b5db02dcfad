import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportError, parseReportText } from '../../src/core/chunk.ts';
import { readText } from '../../src/worker/drafts.ts';

/**
 * Fuzzing of the chunker a reader's report goes through. Seeded, so a failure is reproduced by running again; bounded
 * in time as well as in runs, so a busy machine runs fewer cases rather than failing.
 */
const RUNS = { seed: 24, numRuns: 150, interruptAfterTimeLimit: 15_000 } as const;

const TITLE = 'Inspection of Testshire local authority children’s services';

// What the chunker drops or changes when it joins lines: spacing, emphasis marks, hyphens at line ends and bullets,
// and the colon it puts between a table row's cells.
const kept = (text: string) => text.replace(/[\s*\-\u00ad\u2010:]/g, '');

/** Whether `part` can be read off `whole` in order, from `from` on; the index after it, or -1. */
function readOff(whole: string, part: string, from: number): number {
  let at = from;
  for (const ch of part) {
    at = whole.indexOf(ch, at);
    if (at < 0) return -1;
    at += ch.length;
  }
  return at;
}

/** Asserts what must hold of any report the chunker accepts, and that it refuses only with its own error. */
function checkChunks(text: string): void {
  let parsed: ReturnType<typeof readText>['parsed'];
  try {
    parsed = readText('fuzz.txt', text).parsed;
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).message).toMatch(/^fuzz\.txt: \S/);
    return;
  }
  const { chunks } = parsed;
  expect(chunks.length).toBeGreaterThan(0);
  expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
  const input = kept(text);
  let at = 0;
  let lastParagraph = 0;
  for (const chunk of chunks) {
    expect(chunk.text.trim()).not.toBe('');
    // Every chunk is text of the input, and the chunks follow the input's order.
    at = readOff(input, kept(chunk.text), at);
    expect(at).toBeGreaterThanOrEqual(0);
    if (chunk.paragraph !== null) {
      expect(chunk.paragraph).toBeGreaterThan(lastParagraph);
      lastParagraph = chunk.paragraph;
      expect(chunk.id).toBe(`${chunk.reportId}-p${chunk.paragraph}`);
      // The number is one a line of the input starts with.
      expect(text).toMatch(new RegExp(`(^|[\\n\\r\\f])[ \\t\\u00a0]*(-\\s*)?0*${chunk.paragraph}\\.`));
    }
  }
  for (const warning of parsed.warnings) expect(warning.trim()).not.toBe('');
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const words = fc.array(fc.constantFrom('children', 'care', 'Social', 'workers', 'multi-', 'agency', 'assess-'), {
  minLength: 1,
  maxLength: 12,
});
const sentence = words.map((w) => w.join(' ') + '.');
const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: loneSurrogate, maxLength: 4 }),
  fc.constantFrom('\u0000', '\u200f', '\u202e', '\u00a0', '\ufeff', '\u00ad', '\t', '*', '😀', 'é'),
);

/** Lines such as reports and their PDF text have, and some that no report has. */
const reportLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 40 }), sentence).map(([n, s]) => `${n}. ${s}`) },
  { weight: 1, arbitrary: fc.constantFrom(7, 8, 20, 100, 1000, 10_033, 99_999_999_999).map((n) => `${n}.`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 40 }), sentence).map(([n, s]) => `- ${n}. ${s}`) },
  { weight: 4, arbitrary: sentence },
  { weight: 2, arbitrary: sentence.map((s) => `- ${s}`) },
  { weight: 2, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      TITLE,
      'Inspection dates: 3 to 14 May 2021',
      'Inspection date: 2012',
      'Contents',
      'Summary\t3',
      'What needs to improve?',
      'Recommendations',
      'Within three months:',
      'Record of main findings',
      'Judgement\tGrade',
      'Overall effectiveness\tGood',
      'Overall effectiveness Requires improvement to be good',
      'Grade 2: good',
      'Page 3 of 20',
      '12',
      'www.gov.uk/ofsted',
      '© Crown copyright 2021',
      'Published: 1 June 2021',
      '**Leadership**',
    ),
  },
  { weight: 1, arbitrary: fc.tuple(sentence, fc.integer({ min: 100, max: 1200 })).map(([s, n]) => s.repeat(n)) },
  { weight: 2, arbitrary: fc.tuple(sentence, oddText, sentence).map((parts) => parts.join('')) },
);
const lineBreak = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '\f', '\n\n');
const reportLike = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(reportLine, lineBreak), { maxLength: 120 }),
    fc.constantFrom('', '\n', '\uFEFF'),
  )
  .map(
    ([header, lines, edge]) =>
      edge + (header ? `${TITLE}\n\nInspection dates: 3 to 14 May 2021\n\n` : '') + lines.flat().join(''),
  );

/** Numbered paragraphs that mostly follow on, some jumping back or far ahead, among other report-like lines. */
const step = fc.oneof(
  { weight: 12, arbitrary: fc.constant(1) },
  { weight: 2, arbitrary: fc.constantFrom(2, 3, 4) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, -5, 12, 80, 900) },
);
const numberedReport = fc
  .array(fc.tuple(step, sentence, fc.option(reportLine, { freq: 3 }), lineBreak), { minLength: 1, maxLength: 150 })
  .map((paragraphs) => {
    let n = 0;
    const body = paragraphs.map(([by, text, other, end]) => {
      n = Math.max(0, n + by);
      return `${n}. ${text}${end}${other === null ? '' : other + end}`;
    });
    return `${TITLE}\n\nInspection dates: 3 to 14 May 2021\n\n${body.join('')}`;
  });

describe('fuzzing the chunker', () => {
  it('refuses arbitrary text with its own error, or reads it into chunks of the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.oneof(oddText, lineBreak) })), (text) =>
        checkChunks(text),
      ),
      RUNS,
    );
  });

  it('reads text made of report-like lines into chunks of the text, with the paragraph numbers it has', () => {
    fc.assert(fc.property(fc.oneof(reportLike, numberedReport), checkChunks), RUNS);
  });

  it('reads or refuses the same text the same way, whatever its line breaks', () => {
    fc.assert(
      fc.property(fc.oneof(reportLike, numberedReport), (text) => {
        const read = (t: string) => {
          try {
            return parseReportText(t, { id: 'x', chunkPrefix: 'x' }).chunks;
          } catch (error) {
            return (error as Error).message;
          }
        };
        expect(read(text.replace(/\r\n?|\f/g, '\n').replace(/\n/g, '\r\n'))).toEqual(read(text));
      }),
      RUNS,
    );
  });
});
