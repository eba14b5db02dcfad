import { indexTerm, tokenize } from './terms.ts';
import type { Chunk } from './types.ts';
import { VectorMatrix } from './vectors.ts';

/** The distinct words of the corpus with one embedding each. */
export class Vocabulary {
  constructor(
    readonly words: readonly string[],
    readonly vectors: VectorMatrix,
  ) {
    if (words.length !== vectors.rows) throw new Error(`${words.length} words for ${vectors.rows} word vectors`);
  }

  /** Words of the corpus most similar to a vector, best first. */
  nearest(vector: Float32Array, minSimilarity: number, max: number, skip: (word: string) => boolean = () => false): { word: string; similarity: number }[] {
    const sims = this.vectors.similarities(vector);
    const out: { word: string; similarity: number }[] = [];
    sims.forEach((s, i) => {
      if (s >= minSimilarity && !skip(this.words[i]!)) out.push({ word: this.words[i]!, similarity: s });
    });
    return out.sort((a, b) => b.similarity - a.similarity).slice(0, max);
  }
}

export function corpusWords(chunks: readonly Chunk[]): string[] {
  const words = new Set<string>();
  for (const chunk of chunks) {
    for (const word of tokenize(`${chunk.sectionPath.join(' ')} ${chunk.text}`)) {
      const lower = word.toLowerCase();
      if (/^\p{L}+$/u.test(lower) && indexTerm(lower)) words.add(lower);
    }
  }
  return [...words].sort();
}
