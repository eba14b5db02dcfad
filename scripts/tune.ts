import { reportIndexesOf } from '../src/core/buildIndexes.ts';
import type { Fusion } from '../src/core/fuse.ts';
import { SearchEngine, SEARCH_TUNING, type SearchTuning } from '../src/core/search.ts';
import type { Embedder } from '../src/embed/embedder.ts';
import { corpusIndexes, loadCorpus, loadModel } from './lib/engine.ts';
import { evaluate, loadJudgedQuestions } from './eval.ts';
import type { Scores } from './lib/metrics.ts';

/**
 * Grid search of the search settings on tests/eval, best first. Each row also scores the even and the odd questions
 * apart: a setting worth keeping wins on both halves, not on a few questions of one. Query vectors are computed once.
 */
const corpus = loadCorpus();
const model = await loadModel();
const cache = new Map<string, Float32Array[]>();
const embedder: Embedder = {
  ...model,
  model: model.model,
  dim: model.dim,
  embed: async (texts, kind) => {
    const key = `${kind}\u0000${texts.join('\u0000')}`;
    if (!cache.has(key)) cache.set(key, await model.embed(texts, kind));
    return cache.get(key)!;
  },
  dispose: () => model.dispose(),
};
const judgements = loadJudgedQuestions();
const semantic = await corpusIndexes(corpus, model);
const reports = reportIndexesOf(corpus, semantic);
const halves = [judgements.filter((_, i) => i % 2 === 0), judgements.filter((_, i) => i % 2 === 1)];
const f = (x: number) => x.toFixed(3);
const cell = (s: Scores) => `${f(s.hitAt3)} ${f(s.recallAt5)} ${f(s.mrrAt10)}`;
const mode = process.argv.includes('--semantic') ? 'semantic' : 'hybrid';

async function grid(title: string, settings: [string, SearchTuning][]): Promise<void> {
  const rows: [number, string][] = [];
  for (const [name, tuning] of settings) {
    const engine = new SearchEngine(reports, tuning);
    const run = async (js: typeof judgements) => (await evaluate({ corpus, engine, embedder }, js, [mode]))[0]!;
    const [all, even, odd] = [await run(judgements), await run(halves[0]!), await run(halves[1]!)];
    const line = `${name.padEnd(34)} | ${cell(all.all)} | ${cell(all.paraphrase)} | ${cell(all.literal)} | ${cell(even.all)} | ${cell(odd.all)}`;
    rows.push([all.all.hitAt3 + all.all.recallAt5 + all.all.mrrAt10, line]);
  }
  console.log(
    `\n${title} (${mode})\nsetting                            | hit@3 rec@5 MRR   | paraphrase        | literal           | even half         | odd half`,
  );
  for (const [, line] of rows.sort((a, b) => b[0] - a[0])) console.log(line);
}

const fusions: [string, Fusion][] = [
  ...[0.1, 0.2, 0.3, 0.4, 0.5, 0.7].map((alpha): [string, Fusion] => [`blend ${alpha}`, { method: 'blend', alpha }]),
  ...[5, 60].map((k): [string, Fusion] => [`rrf ${k}`, { method: 'rrf', k }]),
];
const fusion: [string, SearchTuning][] = [];
for (const minSimilarity of [0, 0.2, 0.3])
  for (const sentenceWeight of mode === 'semantic' ? [0, 0.3, 0.5, 0.7, 1] : [0.3, 0.5, 0.7])
    for (const [name, fu] of mode === 'semantic' ? fusions.slice(0, 1) : fusions)
      fusion.push([
        `min ${minSimilarity} sent ${sentenceWeight} ${mode === 'semantic' ? '' : name}`,
        { ...SEARCH_TUNING, minSimilarity, sentenceWeight, fusion: fu },
      ]);
await grid('similarity floor, sentence weight and fusion', fusion);
