import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, type Mode } from '../src/core/search.ts';
import { aggregate, scoreRanking, type JudgedQuestion, type Scores } from './lib/metrics.ts';
import { UsageError, ask, loadSearch, root, type NodeSearch } from './lib/engine.ts';

export const QUESTIONS_FILE = join(root, 'tests/eval/questions.json');
/**
 * Everyday questions held out from tuning: written and judged from the report texts alone, read here and by the
 * bench for figures, never by a script that chooses a setting (tune.ts, relevance-report.ts).
 */
export const HELD_OUT_FILE = join(root, 'tests/eval/heldout.json');

export function loadJudgedQuestions(file = QUESTIONS_FILE): JudgedQuestion[] {
  return JSON.parse(readFileSync(file, 'utf8')) as JudgedQuestion[];
}

export interface ModeScores {
  mode: Mode;
  /** Milliseconds per query, embedding included, model loaded and warm. */
  latency: { median: number; p95: number };
  all: Scores;
  paraphrase: Scores;
  literal: Scores;
  silence: Silence;
}

/** The relevance bar on judged pairs: whether a report shown as silent truly says nothing on the question. */
export interface Silence {
  /** Pairs judged silent (an empty list), and how many of them the column showed as silent. */
  silent: number;
  shownSilent: number;
  /** Pairs with an answer, and how many of them were wrongly shown as silent. */
  answered: number;
  wronglySilent: number;
}

/** Scores every mode on the judged questions: per report, over pairs with something relevant. */
export async function evaluate(
  { engine, embedder }: NodeSearch,
  judgements: JudgedQuestion[],
  modes: readonly Mode[] = MODES,
): Promise<ModeScores[]> {
  const results: ModeScores[] = [];
  for (const mode of modes) {
    const times: number[] = [];
    const rows: { paraphrase: boolean; hit3: number; recall5: number; rr10: number }[] = [];
    const silence: Silence = { silent: 0, shownSilent: 0, answered: 0, wronglySilent: 0 };
    for (const j of judgements) {
      const started = performance.now();
      const response = await ask({ engine, embedder }, { query: j.query, mode, k: 10 });
      times.push(performance.now() - started);
      for (const { report, results: list, discussed } of response.reports) {
        const judged = j.relevant[String(report.year)];
        if (judged && judged.length === 0) {
          silence.silent++;
          if (!discussed) silence.shownSilent++;
        } else if (judged) {
          silence.answered++;
          if (!discussed) silence.wronglySilent++;
        }
        const relevant = judged ?? [];
        if (relevant.length)
          rows.push({
            paraphrase: j.paraphrase,
            ...scoreRanking(
              list.map((r) => r.paragraph),
              relevant,
            ),
          });
      }
    }
    results.push({
      mode,
      latency: { median: quantile(times, 0.5), p95: quantile(times, 0.95) },
      all: aggregate(rows),
      paraphrase: aggregate(rows.filter((r) => r.paraphrase)),
      literal: aggregate(rows.filter((r) => !r.paraphrase)),
      silence,
    });
  }
  return results;
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const pct = (x: number) => x.toFixed(3);

export function formatScores(scores: ModeScores[]): string {
  const lines = [
    'mode      | hit@3 | recall@5 | MRR@10 | paraphrase hit@3 / MRR@10 | literal hit@3 / MRR@10 | ms/query median / p95',
    '----------|-------|----------|--------|---------------------------|------------------------|----------------------',
  ];
  for (const s of scores) {
    lines.push(
      `${s.mode.padEnd(9)} | ${pct(s.all.hitAt3)} | ${pct(s.all.recallAt5).padEnd(8)} | ${pct(s.all.mrrAt10).padEnd(6)} | ${pct(s.paraphrase.hitAt3)} / ${pct(s.paraphrase.mrrAt10).padEnd(17)} | ${pct(s.literal.hitAt3)} / ${pct(s.literal.mrrAt10).padEnd(14)} | ${s.latency.median.toFixed(2)} / ${s.latency.p95.toFixed(2)}`,
    );
  }
  return lines.join('\n');
}

/** The three sets every figure is given for: report-worded and everyday (tuning), and everyday held out. */
export function evaluationSets(): { name: string; judgements: JudgedQuestion[] }[] {
  const tuning = loadJudgedQuestions();
  return [
    { name: 'report-worded', judgements: tuning.filter((j) => !j.paraphrase) },
    { name: 'everyday (tuning)', judgements: tuning.filter((j) => j.paraphrase) },
    { name: 'everyday (held out)', judgements: loadJudgedQuestions(HELD_OUT_FILE) },
  ];
}

const share = (n: number, of: number) => `${n} of ${of} (${of ? Math.round((100 * n) / of) : 0} %)`;

export function formatSilence(scores: ModeScores[]): string {
  return scores
    .map(
      ({ mode, silence: s }) =>
        `${mode.padEnd(9)} | silent pairs shown silent ${share(s.shownSilent, s.silent).padEnd(16)} | answered pairs wrongly shown silent ${share(s.wronglySilent, s.answered)}`,
    )
    .join('\n');
}

if (process.argv[1]?.endsWith('eval.ts')) {
  try {
    const search = await loadSearch();
    // --tuning leaves the held-out questions out: what a session looks at while it chooses settings.
    const tuningOnly = process.argv.includes('--tuning');
    for (const { name, judgements } of evaluationSets().filter((s) => !tuningOnly || !s.name.includes('held out'))) {
      const scores = await evaluate(search, judgements);
      console.log(
        `\n${name}: ${judgements.length} questions, ${scores[0]!.all.pairs} (question, report) pairs with a relevant paragraph\n`,
      );
      console.log(formatScores(scores));
      console.log(formatSilence(scores));
    }
  } catch (error) {
    console.error(error instanceof UsageError ? `eval: ${error.message}` : error);
    process.exit(2);
  }
}
