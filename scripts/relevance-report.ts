/**
 * Measures the relevance bar ("the report does not discuss this") on the tuning questions (tests/eval/questions.json;
 * never the held-out file), hybrid mode: for each setting, how many (question, report) pairs judged silent are shown
 * as silent, and how many pairs with an answer are wrongly shown as silent. Usage: npm run relevance-report
 */
import { SEARCH_TUNING, SearchEngine, queryVectorFor } from '../src/core/search.ts';
import type { RelevanceTuning } from '../src/core/relevance.ts';
import { loadSearch } from './lib/engine.ts';
import { loadJudgedQuestions, type Silence } from './eval.ts';

const search = await loadSearch();
const judgements = loadJudgedQuestions();
const reports = search.engine.reports;
const vectors = new Map<string, Float32Array>();
for (const j of judgements)
  vectors.set(
    j.query,
    await queryVectorFor(search.engine.plan(j.query), (texts) => search.embedder.embed(texts, 'query')),
  );

function measure(relevance: RelevanceTuning): Silence {
  const engine = new SearchEngine(reports, { ...SEARCH_TUNING, relevance });
  const s: Silence = { silent: 0, shownSilent: 0, answered: 0, wronglySilent: 0 };
  for (const j of judgements) {
    const response = engine.search({ query: j.query, mode: 'hybrid', k: 10, queryVector: vectors.get(j.query)! });
    for (const { report, discussed } of response.reports) {
      const relevant = j.relevant[String(report.year)];
      if (!relevant) continue;
      if (relevant.length === 0) {
        s.silent++;
        if (!discussed) s.shownSilent++;
      } else {
        s.answered++;
        if (!discussed) s.wronglySilent++;
      }
    }
  }
  return s;
}

console.log('similarity  coverage  floor     gap      | silent shown silent | answered shown silent');
for (const minSimilarity of [0.45, 0.5, 0.55, 0.6])
  for (const minCoverage of [0.4, 0.5, 0.6, 0.7])
    for (const floor of [0.25, 0.3, 0.35])
      for (const gap of [0.1, 0.15, 0.2, 1]) {
        const s = measure({ minSimilarity, minCoverage, floor, gap });
        console.log(
          `${[minSimilarity, minCoverage, floor, gap].map((x) => String(x).padEnd(9)).join(' ')} | ${`${s.shownSilent} of ${s.silent}`.padEnd(19)} | ${s.wronglySilent} of ${s.answered}`,
        );
      }
