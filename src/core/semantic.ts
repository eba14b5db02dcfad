import type { VectorMatrix } from './vectors.ts';

/** Sentence boundaries: end punctuation, then space, then a capital or digit. Abbreviations rarely end a line here. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=["'‘“(]?[A-Z0-9])|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Similarity of a query to each chunk: the mean of the whole-paragraph cosine and the best single sentence.
 * Averaged word vectors blur a long paragraph towards "generic report prose"; the best sentence keeps the one
 * statement that answers the question visible. Measured on tests/eval: semantic hit@3 0.47 -> 0.57.
 */
export class SemanticIndex {
  constructor(
    readonly chunks: VectorMatrix,
    readonly sentences: VectorMatrix,
    /** Chunk position of each sentence row. */
    readonly sentenceOwner: Int32Array,
  ) {
    if (sentenceOwner.length !== sentences.rows) throw new Error(`${sentenceOwner.length} sentence owners for ${sentences.rows} sentence vectors`);
  }

  scores(query: Float32Array): Float32Array {
    const whole = this.chunks.similarities(query);
    const best = new Float32Array(this.chunks.rows).fill(-1);
    const bySentence = this.sentences.similarities(query);
    bySentence.forEach((s, i) => {
      const owner = this.sentenceOwner[i]!;
      if (s > best[owner]!) best[owner] = s;
    });
    return whole.map((w, i) => (best[i]! < -0.5 ? w : (w + best[i]!) / 2));
  }
}
