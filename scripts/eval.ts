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
  all: Scores;
  paraphrase: Scores;
  literal: Scores;
}

/** Scores every mode on the judged questions: per report, over pairs with something relevant. */
export async function evaluate({ engine, embedder }: NodeSearch, judgements: Judgement[]): Promise<ModeScores[]> {
  const vectors = await embedder.embed(
    judgements.map((j) => j.query),
    'query',
  );
  return MODES.map((mode) => {
    const rows = judgements.flatMap((j, i) => {
      const response = engine.search({ query: j.query, mode, k: 10, queryVector: vectors[i]! });
      return response.reports.flatMap(({ report, results }) => {
        const relevant = j.relevant[String(report.year)] ?? [];
        if (relevant.length === 0) return [];
        return [{ paraphrase: j.paraphrase, ...scoreRanking(results.map((r) => r.paragraph), relevant) }];
      });
    });
    return {
      mode,
      all: aggregate(rows),
      paraphrase: aggregate(rows.filter((r) => r.paraphrase)),
      literal: aggregate(rows.filter((r) => !r.paraphrase)),
    };
  });
}

const pct = (x: number) => x.toFixed(3);

export function formatScores(scores: ModeScores[]): string {
  const lines = ['mode      | hit@3 | recall@5 | MRR@10 | paraphrase hit@3 / MRR@10 | literal hit@3 / MRR@10', '----------|-------|----------|--------|---------------------------|-----------------------'];
  for (const s of scores) {
    lines.push(
      `${s.mode.padEnd(9)} | ${pct(s.all.hitAt3)} | ${pct(s.all.recallAt5).padEnd(8)} | ${pct(s.all.mrrAt10).padEnd(6)} | ${pct(s.paraphrase.hitAt3)} / ${pct(s.paraphrase.mrrAt10).padEnd(17)} | ${pct(s.literal.hitAt3)} / ${pct(s.literal.mrrAt10)}`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('eval.ts')) {
  try {
    const judgements = loadJudgements();
    const search = await loadSearch();
    const scores = await evaluate(search, judgements);
    console.log(`${judgements.length} questions, ${scores[0]!.all.pairs} (question, report) pairs with a relevant paragraph\n`);
    console.log(formatScores(scores));
  } catch (error) {
    console.error(error instanceof UsageError ? `eval: ${error.message}` : error);
    process.exit(2);
  }
}
