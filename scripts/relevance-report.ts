/**
 * Measures the relevance bar ("the report does not discuss this") on tests/eval, hybrid mode: for each setting, how
 * many (question, report) pairs judged silent are shown as silent, and how many pairs with an answer are wrongly
 * shown as silent. Usage: npm run relevance-report
 */
import { buildSemanticIndexes, reportIndexesOf } from '../src/core/indexes.ts';
import { SEARCH_TUNING, SearchEngine } from '../src/core/search.ts';
import { loadCorpus, loadModel } from './lib/engine.ts';
import { loadJudgements } from './eval.ts';

const corpus = loadCorpus();
const embedder = await loadModel();
const judgements = loadJudgements();
const semantic = await buildSemanticIndexes(corpus, (t, k) => embedder.embed(t, k), embedder.dim);
const reports = reportIndexesOf(corpus, semantic);
const vectors = new Map<string, Float32Array>();
for (const j of judgements) vectors.set(j.query, (await embedder.embed([j.query], 'query'))[0]!);

console.log('min similarity  min coverage | silent pairs shown silent | answered pairs shown silent');
for (const minSimilarity of [0.4, 0.45, 0.5, 0.55, 0.6])
  for (const minCoverage of [0.4, 0.5, 0.6]) {
    const engine = new SearchEngine(reports, { ...SEARCH_TUNING, relevance: { minSimilarity, minCoverage } });
    let silent = 0;
    let silentFound = 0;
    let answered = 0;
    let answeredMissed = 0;
    for (const j of judgements) {
      const response = engine.search({ query: j.query, mode: 'hybrid', k: 10, queryVector: vectors.get(j.query)! });
      for (const { report, discussed } of response.reports) {
        const relevant = j.relevant[String(report.year)];
        if (!relevant) continue;
        if (relevant.length === 0) {
          silent++;
          if (!discussed) silentFound++;
        } else {
          answered++;
          if (!discussed) answeredMissed++;
        }
      }
    }
    console.log(
      `${String(minSimilarity).padEnd(15)} ${String(minCoverage).padEnd(12)} | ${silentFound} of ${silent}`.padEnd(56) +
        `| ${answeredMissed} of ${answered}`,
    );
  }
