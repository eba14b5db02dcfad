import { indexTerm, indexTerms, tokenize } from './terms.ts';
import type { Chunk } from './types.ts';
import type { VectorMatrix } from './vectors.ts';

export interface ExpansionTuning {
  /** Corpus words added to the keyword query, at most. */
  max: number;
  /** A word must be at least this similar to the whole query. */
  minSimilarity: number;
  /** Term boost of an added word; the query's own words have 1. */
  boost: number;
}

/**
 * Measured on tests/eval (hybrid hit@3 / MRR@10; base 0.727 / 0.655): 2 words at 0.3 give 0.742 / 0.669, better on
 * both the paraphrase (0.244 / 0.158 -> 0.267 / 0.177) and literal (0.977 / 0.913 -> 0.989 / 0.923) questions and on
 * both halves of the set (even MRR 0.655 -> 0.673, odd 0.656 -> 0.665). Four or more words dilute the query
 * (hit@3 0.68-0.72); similarity 0.4 and 0.5 pick the same words; 0.6 drops useful ones.
 */
export const EXPANSION_TUNING: ExpansionTuning = { max: 2, minSimilarity: 0.5, boost: 0.3 };

/** The distinct words of the corpus, one embedding each: where a query's meaning lands in the reports' own words. */
export class Vocabulary {
  constructor(
    readonly words: readonly string[],
    readonly vectors: VectorMatrix,
  ) {
    if (words.length !== vectors.rows) throw new Error(`${words.length} words for ${vectors.rows} word vectors`);
  }

  /**
   * Corpus words closest in meaning to the whole query that the query does not already contain, with their boost.
   * Matching the whole-query vector rather than each query word keeps the sense the words share ("fostered
   * youngsters" -> teenagers, not "foster" -> promote); per-word neighbours measured no better (MRR 0.675 against
   * 0.669) and would need one embedding per query word.
   */
  expansions(query: string, queryVector: Float32Array, tuning: ExpansionTuning): Map<string, number> {
    const own = new Set(indexTerms(query));
    const similarity = this.vectors.similarities(queryVector);
    const candidates: number[] = [];
    similarity.forEach((s, i) => {
      if (s >= tuning.minSimilarity && !own.has(indexTerm(this.words[i]!) ?? '')) candidates.push(i);
    });
    candidates.sort((a, b) => similarity[b]! - similarity[a]!);
    return new Map(candidates.slice(0, tuning.max).map((i) => [this.words[i]!, tuning.boost]));
  }
}

/** Lower-case words of the corpus that the keyword index keeps (no stop words), in a stable order. */
export function corpusWords(chunks: readonly Chunk[]): string[] {
  const words = new Set<string>();
  for (const chunk of chunks) {
    for (const word of tokenize(`${chunk.sectionPath.join(' ')} ${chunk.text}`)) {
      const lower = word.toLowerCase();
      // Numbers and codes have no useful neighbours in a word-embedding space.
      if (/^\p{L}+$/u.test(lower) && indexTerm(lower)) words.add(lower);
    }
  }
  return [...words].sort();
}
