import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportIndexesOf, type SemanticIndexes } from '../src/core/buildIndexes.ts';
import {
  RECURRING_SIMILARITY,
  recommendationsOf,
  recurringPairs,
  vectorSimilarity,
  type Recommendation,
} from '../src/core/recommendations.ts';
import type { Corpus } from '../src/core/types.ts';
import { UsageError, corpusIndexes, loadCorpus, loadModel, root } from './lib/engine.ts';

/**
 * Every pair of a 2012 and a 2022 recommendation, judged by reading whether the later asks again for what the
 * earlier asked for: judged test data, read as data because scripts import no code from tests/.
 */
const JUDGEMENTS_FILE = join(root, 'tests/eval/recurring-recommendations.json');

interface Judgements {
  about: string;
  judge: string;
  pairs: { a: string; b: string; same: boolean; why: string }[];
}

export interface JudgedPair {
  earlier: string;
  later: string;
  same: boolean;
  similarity: number;
  sharedThemes: string[];
  /** Whether the view pairs them. */
  paired: boolean;
}

export interface Scores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Of the pairs a rule marks, the share judged the same; 1 when it marks none. */
  precision: number;
  /** Of the pairs judged the same, the share it marks. */
  recall: number;
}

export interface RecurringReport {
  judged: JudgedPair[];
  /** The view's rule: each later item's closest earlier one, on a theme in common, above the floor. */
  rule: Scores;
  /** What the view did before: a theme in common alone. */
  themeAlone: Scores;
  /** Each later item's closest earlier one above the floor, with no theme asked for. */
  closestAlone: Scores;
}

function score(judged: readonly JudgedPair[], marks: (p: JudgedPair) => boolean): Scores {
  const tp = judged.filter((p) => marks(p) && p.same).length;
  const fp = judged.filter((p) => marks(p) && !p.same).length;
  const fn = judged.filter((p) => !marks(p) && p.same).length;
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
  };
}

/** Pairs recommendations as the worker does (each report's own int8 vectors and themes) and scores the judged pairs. */
export function measureRecurring(corpus: Corpus, semantic: SemanticIndexes): RecurringReport {
  const judgements = JSON.parse(readFileSync(JUDGEMENTS_FILE, 'utf8')) as Judgements;
  const indexes = reportIndexesOf(corpus, semantic);
  const recs = recommendationsOf(
    corpus.chunks,
    indexes.flatMap((r) => r.semantic!.assignments),
  );
  const similarity = vectorSimilarity(indexes)!;
  const pairsOf = (list: readonly Recommendation[]) =>
    new Set(recurringPairs(list, corpus.reports, similarity).map((p) => `${p.earlier} ${p.later}`));
  const paired = pairsOf(recs);
  // Every recommendation on one theme: the theme asks for nothing, and the closest item is all that is left.
  const closest = pairsOf(recs.map((r) => ({ ...r, themes: ['any'] })));
  const byId = new Map<string, Recommendation>(recs.map((r) => [r.id, r]));
  const judged = judgements.pairs.map(({ a, b, same }) => {
    const [x, y] = [byId.get(a), byId.get(b)];
    if (!x || !y) throw new UsageError(`${JUDGEMENTS_FILE} judges ${a} and ${b}, which are not both recommendations`);
    return {
      earlier: a,
      later: b,
      same,
      similarity: similarity(x, y),
      sharedThemes: x.themes.filter((t) => y.themes.includes(t)),
      paired: paired.has(`${a} ${b}`),
    };
  });
  return {
    judged,
    rule: score(judged, (p) => p.paired),
    themeAlone: score(judged, (p) => p.sharedThemes.length > 0),
    closestAlone: score(judged, (p) => closest.has(`${p.earlier} ${p.later}`)),
  };
}

const line = (name: string, s: Scores) =>
  `${name.padEnd(44)} precision ${s.precision.toFixed(2)}  recall ${s.recall.toFixed(2)}  (${s.truePositives} right, ${s.falsePositives} wrongly paired, ${s.falseNegatives} missed)`;

export function formatRecurringReport(report: RecurringReport): string {
  const rows = [...report.judged]
    .sort((p, q) => q.similarity - p.similarity)
    .map(
      (p) =>
        `${`${p.earlier} ${p.later}`.padEnd(17)} ${p.similarity.toFixed(3)} ${p.same ? 'same' : '    '} ${p.paired ? 'paired' : '      '} ${p.sharedThemes.join(', ')}`,
    );
  return [
    `${report.judged.length} judged pairs, ${report.judged.filter((p) => p.same).length} judged the same; floor ${RECURRING_SIMILARITY}`,
    line('the closest, on a theme in common (the view)', report.rule),
    line('the closest alone, no theme asked for', report.closestAlone),
    line('a theme in common alone (the old view)', report.themeAlone),
    '',
    'pair              cosine judged view   themes in common',
    ...rows,
  ].join('\n');
}

if (process.argv[1]?.endsWith('recurring-report.ts')) {
  try {
    const corpus = loadCorpus();
    const semantic = await corpusIndexes(corpus, await loadModel());
    console.log(formatRecurringReport(measureRecurring(corpus, semantic)));
  } catch (error) {
    console.error(error instanceof UsageError ? `recurring-report: ${error.message}` : error);
    process.exit(2);
  }
}
