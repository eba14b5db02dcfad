import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODES, type Mode } from '../src/core/search.ts';
import { aggregate, scoreRanking, type Judgement, type Scores } from './lib/metrics.ts';
import { UsageError, loadSearch, root, type NodeSearch } from './lib/engine.ts';

export const QUESTIONS_FILE = join(root, 'tests/eval/questions.json');

export function loadJudgements(file = QUESTIONS_FILE): Judgement[] {
  return JSON.parse(readFileSync(file, 'utf8')) as Judgement[];
}

export interface ModeScores {
  mode: Mode;
  /** Milliseconds per query, embedding included, model loaded and warm. */
  latency: { median: number; p95: number };
  all: Scores;
  paraphrase: Scores;
  literal: Scores;
}

/** Scores every mode on the judged questions: per report, over pairs with something relevant. */
export async function evaluate(
  { engine, embedder }: NodeSearch,
  judgements: Judgement[],
  modes: readonly Mode[] = MODES,
): Promise<ModeScores[]> {
  const results: ModeScores[] = [];
  for (const mode of modes) {
    const times: number[] = [];
    const rows: { paraphrase: boolean; hit3: number; recall5: number; rr10: number }[] = [];
    for (const j of judgements) {
      const started = performance.now();
      const queryVector = mode === 'keyword' ? null : (await embedder.embed([j.query], 'query'))[0]!;
      const response = engine.search({ query: j.query, mode, k: 10, queryVector });
      times.push(performance.now() - started);
      for (const { report, results: list } of response.reports) {
        const relevant = j.relevant[String(report.year)] ?? [];
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

if (process.argv[1]?.endsWith('eval.ts')) {
  try {
    const judgements = loadJudgements();
    const search = await loadSearch();
    const scores = await evaluate(search, judgements);
    console.log(
      `${judgements.length} questions, ${scores[0]!.all.pairs} (question, report) pairs with a relevant paragraph\n`,
    );
    console.log(formatScores(scores));
  } catch (error) {
    console.error(error instanceof UsageError ? `eval: ${error.message}` : error);
    process.exit(2);
  }
}
