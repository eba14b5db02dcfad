import { beforeAll, describe, expect, it } from 'vitest';
import { blendScores, reciprocalRankFusion } from '../../src/core/fuse.ts';
import { normaliseQuery, type Mode, type SearchResponse } from '../../src/core/search.ts';
import { VectorMatrix, centroid } from '../../src/core/vectors.ts';
import { evaluate, loadJudgedQuestions, type ModeScores } from '../../scripts/eval.ts';
import { ask, loadSearch, type NodeSearch } from '../../scripts/lib/engine.ts';

let search: NodeSearch;
const judgements = loadJudgedQuestions();

beforeAll(async () => {
  search = await loadSearch();
});

async function run(
  query: string,
  mode: Mode,
  k = 3,
  theme: string | null = null,
  expand = true,
): Promise<SearchResponse> {
  return ask(search, { query, mode, k, theme, expand });
}
const paragraphs = (r: SearchResponse, year: number) =>
  r.reports.find((x) => x.report.year === year)!.results.map((x) => x.paragraph);

/**
 * Scores this close are a tie: the model's int8 rounding of weights and activations moves a similarity by about this
 * much (docs/model.md), so a judged paragraph this close to the third counts as in the top 3.
 */
const TIE = 0.001;

describe('judged questions', () => {
  // Literal questions from tests/eval/questions.json that every mode must answer in its top 3, in both reports.
  const literal = ['q01', 'q10', 'q18', 'q29', 'q44', 'q53'];
  for (const id of literal) {
    const j = judgements.find((q) => q.id === id)!;
    // Each report has its own keyword index, so BM25 weighs a word by its rarity in that report alone: for "quality of
    // case recording" 2022's ¶48 is then the keyword mode's 4th, behind ¶3 on "case records" (npm run eval: keyword
    // hit@3 0.705 with one index for the pair, 0.682 with one per report; hybrid unchanged at 0.758).
    const modes = id === 'q53' ? (['semantic', 'hybrid'] as const) : (['keyword', 'semantic', 'hybrid'] as const);
    for (const mode of modes) {
      it(`${mode}: "${j.query}" finds a judged paragraph of each report in its top 3, ties included`, async () => {
        const r = await run(j.query, mode, 6);
        for (const year of [2012, 2022]) {
          const results = r.reports.find((x) => x.report.year === year)!.results;
          const third = results[2]?.score ?? 0;
          const judged = results.filter((x) => x.paragraph !== null && j.relevant[String(year)]!.includes(x.paragraph));
          expect(
            judged[0]?.score ?? -1,
            `${year}: ${results.map((x) => x.paragraph).join(', ')}`,
          ).toBeGreaterThanOrEqual(third - TIE);
        }
      });
    }
  }

  it('semantic and hybrid find paraphrases that share no words with the answer, and keyword through the vocabulary', async () => {
    // Unaccompanied asylum-seeking children are 2022 paragraph 28, which has none of these words.
    const query = 'refugee minors who arrive in the country alone';
    expect(paragraphs(await run(query, 'semantic'), 2022)).toContain(28);
    expect(paragraphs(await run(query, 'hybrid'), 2022)).toContain(28);
    expect(paragraphs(await run(query, 'keyword', 3, null, false), 2022)).not.toContain(28);
    expect(paragraphs(await run(query, 'keyword'), 2022)).toContain(28);
  });

  it('hybrid is at least as good as keyword-only and semantic-only on every metric, and better on recall and MRR', async () => {
    const scores = await evaluate(search, judgements);
    const by = (mode: string) => scores.find((s: ModeScores) => s.mode === mode)!.all;
    for (const other of ['keyword', 'semantic']) {
      expect(by('hybrid').hitAt3).toBeGreaterThanOrEqual(by(other).hitAt3);
      expect(by('hybrid').recallAt5).toBeGreaterThan(by(other).recallAt5);
      expect(by('hybrid').mrrAt10).toBeGreaterThan(by(other).mrrAt10);
    }
  });
});

describe('per-report answers', () => {
  it('ranks each report separately and carries the fields a view needs', async () => {
    const r = await run('return home interviews after going missing', 'hybrid', 5);
    expect(r.reports.map((x) => x.report.year)).toEqual([2012, 2022]);
    const top = r.reports[1]!.results[0]!;
    expect(top).toMatchObject({ id: '2022-p18', paragraph: 18, year: 2022, relevant: true });
    expect(top.matchedTerms).toEqual(expect.arrayContaining(['return', 'home', 'interview', 'miss']));
    expect(top.themes[0]).toBe('missing-exploitation');
    expect(r.reports.every((x) => x.results.length === 5)).toBe(true);
  });

  it('says a report is silent instead of passing off its closest paragraphs as answers', async () => {
    for (const mode of ['hybrid', 'semantic', 'keyword'] as const) {
      const r = await run('neglect', mode);
      expect(r.reports[0]!.discussed).toBe(false);
      expect(r.reports[1]!.discussed).toBe(true);
      expect(paragraphs(r, 2022)).toContain(14);
    }
  });

  it('never calls a report silent when it holds the query word for word, in any mode', async () => {
    // 2022 paragraph 18: "... return home interviews are not held consistently ..., limiting full
    // information-gathering ... do not consistently align with the child's overarching plan". Without the phrase
    // rule, semantic search called 2022 silent on the last two, and hybrid on "information-gathering".
    for (const query of ['Return home interviews', 'overarching plan', 'information-gathering'])
      for (const mode of ['hybrid', 'semantic', 'keyword'] as const) {
        const newer = (await run(query, mode, 10)).reports.find((x) => x.report.year === 2022)!;
        expect(newer.discussed, `${mode}: ${query}`).toBe(true);
        expect(newer.results.find((x) => x.paragraph === 18)?.relevant, `${mode}: ${query}`).toBe(true);
      }
  });

  it('browses a theme best first, and shows its absence from a report', async () => {
    const r = await run('', 'hybrid', 50, 'homeless-16-17');
    expect(paragraphs(r, 2012)).toEqual([]);
    expect(paragraphs(r, 2022)).toContain(16);
    const scores = r.reports[1]!.results.map((x) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('filters a query by theme', async () => {
    const r = await run('quality of assessments', 'hybrid', 10, 'assessment-quality');
    // Both reports discuss assessments: an empty column would make the check below pass on nothing.
    expect(r.reports.map((x) => x.results.length > 0)).toEqual([true, true]);
    for (const report of r.reports)
      for (const result of report.results) expect(result.themes).toContain('assessment-quality');
    // And the filter does filter: without it, results outside the theme are among the answers.
    const unfiltered = await run('quality of assessments', 'hybrid', 10);
    expect(
      unfiltered.reports.some((x) => x.results.some((result) => !result.themes.includes('assessment-quality'))),
    ).toBe(true);
  });
});

describe('everyday questions', () => {
  it('answers "runaways" and "staff turnover" in both reports, through the reports words for them', async () => {
    for (const query of ['runaways', 'staff turnover']) {
      const r = await run(query, 'hybrid', 10);
      expect(r.expansion.length, query).toBeGreaterThan(0);
      expect(
        r.reports.map((x) => x.discussed),
        query,
      ).toEqual([true, true]);
      // Without the bridge neither word is in the reports as the reader means it.
      const own = await run(query, 'keyword', 10, null, false);
      expect(own.expansion).toEqual([]);
    }
    const runaways = await run('runaways', 'hybrid', 3);
    for (const report of runaways.reports) expect(report.results[0]!.text.toLowerCase()).toMatch(/missing/);
  });

  it('does not read "foster parents" as corporate parenting', async () => {
    const r = await run('foster parents', 'hybrid', 5);
    for (const report of r.reports)
      for (const result of report.results.slice(0, 2)) {
        expect(result.text).toMatch(/foster/i);
        expect(result.matchedTerms).not.toContain('parenting');
      }
    // Before the stemmer was told, "parents" matched "parenting" and a corporate parenting paragraph came first.
    const keyword = await run('parents', 'keyword', 50, null, false);
    for (const report of keyword.reports)
      for (const result of report.results) expect(result.matchedTerms).not.toContain('parenting');
  });

  it('reads a short misspelling as the reports word, and says so', async () => {
    const r = await run('fostr', 'keyword', 5);
    expect(r.corrections).toEqual([{ word: 'fostr', suggestion: 'foster' }]);
    expect(r.reports.every((x) => x.results.length > 0)).toBe(true);
    expect(r.reports[0]!.results[0]!.matchedTerms).toContain('foster');
  });

  it('marks the sentence that matched by meaning, taken from the paragraph itself', async () => {
    const r = await run('refugee minors who arrive in the country alone', 'semantic', 3);
    const found = r.reports[1]!.results.find((x) => x.paragraph === 28)!;
    expect(found.sentence).not.toBeNull();
    expect(found.text).toContain(found.sentence);
  });

  it('marks no filler word as matched', async () => {
    const r = await run('what happens when children go missing off the radar', 'hybrid', 10);
    for (const report of r.reports)
      for (const result of report.results)
        for (const t of ['when', 'go', 'off', 'happen']) expect(result.matchedTerms).not.toContain(t);
  });

  it('labels every paragraph by strength, strong only where it clears the bar', async () => {
    const r = await run('return home interviews after going missing', 'hybrid', 10);
    for (const report of r.reports)
      for (const result of report.results)
        expect(result.strength).toBe(result.relevant ? 'strong' : report.discussed ? 'possible' : 'weak');
  });
});

describe('pure pieces', () => {
  it('normalises and cuts queries', () => {
    expect(normaliseQuery('  care \n leavers ')).toEqual({ query: 'care leavers', truncated: false });
    const long = normaliseQuery('word '.repeat(1000));
    expect(long.truncated).toBe(true);
    expect(long.query.length).toBeLessThanOrEqual(1000);
    expect(long.query.endsWith('word')).toBe(true);
  });

  it('blends scaled keyword scores, weighted by the share of the query matched, with similarities', () => {
    const blended = blendScores(
      [
        { id: 'a', score: 10, coverage: 1 },
        { id: 'b', score: 5, coverage: 1 },
        { id: 'd', score: 8, coverage: 0.25 },
      ],
      new Map([
        ['b', 0.9],
        ['c', 0.8],
      ]),
      0.5,
    );
    expect(blended.map((x) => x.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(blended.map((x) => Number(x.score.toFixed(3)))).toEqual([0.7, 0.5, 0.4, 0.1]);
  });

  it('fuses rankings by reciprocal rank', () => {
    const fused = reciprocalRankFusion(
      [
        { id: 'a', score: 10 },
        { id: 'b', score: 5 },
      ],
      new Map([
        ['b', 0.9],
        ['c', 0.8],
      ]),
      1,
    );
    expect(fused.map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(fused.map((x) => Number(x.score.toFixed(3)))).toEqual([0.833, 0.5, 0.333]);
  });

  it('computes cosine similarities over packed rows', () => {
    const m = VectorMatrix.fromRows(
      [new Float32Array([1, 0]), new Float32Array([0, 1]), new Float32Array([Math.SQRT1_2, Math.SQRT1_2])],
      2,
    );
    expect([...m.similarities(new Float32Array([1, 0]))].map((x) => Number(x.toFixed(4)))).toEqual([1, 0, 0.7071]);
    expect(
      [...centroid([new Float32Array([1, 0]), new Float32Array([0, 1])])].map((x) => Number(x.toFixed(4))),
    ).toEqual([0.7071, 0.7071]);
    expect(() => new VectorMatrix(3, new Float32Array(4))).toThrow('not a whole number of 3-dimensional rows');
  });
});
