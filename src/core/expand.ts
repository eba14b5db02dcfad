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
 * From the grid in scripts/tune.ts (hybrid hit@3 / recall@5 / MRR@10; without expansion 0.727 / 0.610 / 0.655): one
 * word at boost 0.3, similarity 0.5 gives 0.742 / 0.606 / 0.662, better at hit@3 and MRR on the paraphrase
 * (0.244 / 0.158 -> 0.267 / 0.162) and literal (0.977 / 0.913 -> 0.989 / 0.921) questions; by halves of the set, odd
 * 0.706 / 0.656 -> 0.735 / 0.672, even 0.750 / 0.655 -> 0.750 / 0.652. Two words also win the even half (0.662) but
 * cost more recall@5 (0.602, against 0.599 for keyword search alone); four dilute the query (hit@3 0.68-0.73);
 * similarity 0.6 drops useful neighbours.
 */
export const EXPANSION_TUNING: ExpansionTuning = { max: 1, minSimilarity: 0.5, boost: 0.3 };

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
   * Neighbours of the whole-query vector need nothing but the query vector search already has; neighbours of each
   * query word needed one more embedding per word and measured within one question of these (hybrid 0.750 / 0.674
   * against 0.742 / 0.668 before the report guard in searchKeywords), with more noise words per query.
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
