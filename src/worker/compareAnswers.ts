import { MIN_COUNTERPART_SIMILARITY, ParagraphSimilarity, compareTheme } from '../core/compare.ts';
import { recommendationsOf, recurringPairs, vectorSimilarity } from '../core/recommendations.ts';
import type { Report } from '../core/types.ts';
import type { CompareAnswer, CompareQuestion } from './protocol.ts';
import type { ReportSet } from './reportSets.ts';

const TWO_REPORTS = 'This comparison is of two reports; choose two in the Library to see it.';

/** Answers the comparison views' questions about the reports on screen. */
export function answerCompare(shown: ReportSet, question: CompareQuestion): CompareAnswer {
  const { corpus, reports } = shown;
  shown.similarity ??= new ParagraphSimilarity(corpus.chunks);
  // Without vectors, themes come from keywords alone (recommendations) or are not known yet.
  const { semanticReady } = shown.engine;
  const assignments = reports.flatMap((r) => r.semantic?.assignments ?? r.chunks.map(() => []));
  switch (question.kind) {
    case 'theme': {
      if (!semanticReady) throw new Error('The theme comparison appears once the semantic index is ready.');
      if (corpus.reports.length !== 2) throw new Error(TWO_REPORTS);
      const pair = corpus.reports as [Report, Report];
      return { kind: 'theme', comparison: compareTheme(shown.similarity, assignments, pair, question.themeId) };
    }
    case 'counterparts': {
      const chunk = corpus.chunks.find((c) => c.id === question.chunkId);
      if (!chunk) throw new Error(`There is no paragraph ${question.chunkId} in the reports being compared.`);
      const other = corpus.reports.length === 2 ? corpus.reports.find((r) => r.id !== chunk.reportId) : undefined;
      if (!other) throw new Error(TWO_REPORTS);
      return {
        kind: 'counterparts',
        chunkId: chunk.id,
        counterparts: shown.similarity.counterparts(chunk.id, other.id, question.k),
        minSimilarity: MIN_COUNTERPART_SIMILARITY,
      };
    }
    case 'recommendations': {
      const recommendations = recommendationsOf(corpus.chunks, assignments);
      const similarity = vectorSimilarity(reports);
      const recurring = similarity ? recurringPairs(recommendations, corpus.reports, similarity) : null;
      return { kind: 'recommendations', recommendations, recurring };
    }
  }
}
