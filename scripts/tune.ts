import { buildKeyword, buildSemanticIndexes } from '../src/core/indexes.ts';
import { SearchEngine, SEARCH_TUNING, type SearchTuning } from '../src/core/search.ts';
import { loadCorpus, loadModel } from './lib/engine.ts';
import { evaluate, loadJudgements } from './eval.ts';
import type { Scores } from './lib/metrics.ts';

/**
 * Grid search of the hybrid settings on tests/eval, best first. Each row also scores the even and the odd questions
 * apart: a setting worth keeping wins on both halves, not on a few questions of one.
 */
const corpus = loadCorpus();
const embedder = await loadModel();
const judgements = loadJudgements();
const semantic = await buildSemanticIndexes(corpus, (t, k) => embedder.embed(t, k), embedder.dim);
const keyword = buildKeyword(corpus);
const halves = [judgements.filter((_, i) => i % 2 === 0), judgements.filter((_, i) => i % 2 === 1)];
const f = (x: number) => x.toFixed(3);
const cell = (s: Scores) => `${f(s.hitAt3)} ${f(s.mrrAt10)}`;

async function grid(title: string, settings: [string, SearchTuning][]): Promise<void> {
  const rows: [number, string][] = [];
  for (const [name, tuning] of settings) {
    const engine = new SearchEngine(corpus, keyword, semantic.index, semantic.assignments, semantic.vocabulary ?? null, tuning);
    const hybrid = async (js: typeof judgements) => (await evaluate({ corpus, engine, embedder }, js)).find((s) => s.mode === 'hybrid')!;
    const [all, even, odd] = await Promise.all([hybrid(judgements), hybrid(halves[0]!), hybrid(halves[1]!)]);
    const line = `${name.padEnd(28)} | ${cell(all.all)} | ${cell(all.paraphrase)} | ${cell(all.literal)} | ${cell(even.all)} | ${cell(odd.all)}`;
    rows.push([all.all.hitAt3 + all.all.mrrAt10, line]);
  }
  console.log(`\n${title}\nsetting                      | hit@3 MRR   | paraphrase  | literal     | even half   | odd half`);
  for (const [, line] of rows.sort((a, b) => b[0] - a[0])) console.log(line);
}

const blend: [string, SearchTuning][] = [];
for (const minSimilarity of [0.1, 0.2, 0.25, 0.3, 0.35])
  for (const alpha of [0.5, 0.6, 0.7, 0.8]) blend.push([`min ${minSimilarity} alpha ${alpha}`, { ...SEARCH_TUNING, minSimilarity, alpha }]);
await grid('blend (expansion as in SEARCH_TUNING)', blend);

const expansion: [string, SearchTuning][] = [];
for (const max of [0, 1, 2, 4])
  for (const boost of max === 0 ? [0] : [0.1, 0.2, 0.3, 0.4])
    for (const minSimilarity of max === 0 ? [0] : [0.4, 0.5, 0.6])
      expansion.push([`words ${max} boost ${boost} sim ${minSimilarity}`, { ...SEARCH_TUNING, expansion: { max, boost, minSimilarity } }]);
await grid('expansion (blend as in SEARCH_TUNING)', expansion);
