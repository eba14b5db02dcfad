import { buildKeyword, buildSemanticIndexes } from '../src/core/indexes.ts';
import { SearchEngine, SEARCH_TUNING } from '../src/core/search.ts';
import { loadCorpus, loadModel } from './lib/engine.ts';
import { evaluate, formatScores, loadJudgements } from './eval.ts';

/** Grid search of the hybrid settings on tests/eval; prints hybrid rows best first. */
const corpus = loadCorpus();
const embedder = await loadModel();
const judgements = loadJudgements();
const semantic = await buildSemanticIndexes(corpus, (t, k) => embedder.embed(t, k), embedder.dim);
const keyword = buildKeyword(corpus);
const rows: [number, string][] = [];
for (const minSimilarity of [0.1, 0.2, 0.25, 0.3, 0.35]) {
  for (const alpha of [0.4, 0.5, 0.6, 0.7, 0.8]) {
    const engine = new SearchEngine(corpus, keyword, semantic.index, semantic.assignments, { ...SEARCH_TUNING, minSimilarity, alpha });
    const scores = await evaluate({ corpus, engine, embedder }, judgements);
    const hybrid = formatScores(scores.filter((s) => s.mode !== 'keyword')).split('\n').slice(2).join(' || ');
    rows.push([scores[0]!.all.hitAt3 + scores[0]!.all.mrrAt10, `min ${minSimilarity} alpha ${alpha}: ${hybrid}`]);
  }
}
for (const [, line] of rows.sort((a, b) => b[0] - a[0])) console.log(line);
