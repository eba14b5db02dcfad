/**
 * "Asked for again" against 78 pairs judged by reading (tests/eval/recurring-recommendations.json: each of the 13
 * recommendations of 2012 read against each of the 6 of 2022), through the real pipeline: the shipped corpus and
 * vectors (public/data), split and quantised per report as the worker holds them. Prints precision and recall.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatRecurringReport, measureRecurring, type RecurringReport } from '../../scripts/recurring-report.ts';
import { corpusIndexes, loadCorpus, loadModel } from '../../scripts/lib/engine.ts';

let report: RecurringReport;

beforeAll(async () => {
  const corpus = loadCorpus();
  report = measureRecurring(corpus, await corpusIndexes(corpus, await loadModel()));
  console.log(formatRecurringReport(report).split('\n').slice(0, 4).join('\n'));
});

describe('recurring recommendations, measured on judged pairs', () => {
  it('judges every pair of a 2012 and a 2022 recommendation', () => {
    expect(report.judged).toHaveLength(78);
    expect(new Set(report.judged.map((p) => `${p.earlier} ${p.later}`)).size).toBe(78);
  });

  it('scores the rule as measured (docs/quality.md), and pairs fewer items wrongly than a shared theme did', () => {
    // The first rule, a cosine of 0.5 and a theme in common, found none of it: 0 right, 2 wrong, 1 missed.
    expect(report.rule).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 0 });
    expect(report.themeAlone).toMatchObject({ truePositives: 1, falsePositives: 8, falseNegatives: 0 });
    expect(report.rule.falsePositives).toBeLessThan(report.themeAlone.falsePositives);
  });
});
