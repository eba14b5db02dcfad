import type { Vectors } from './vectors.ts';

/** Sentence boundaries: end punctuation, then space, then a capital or digit. Abbreviations rarely end a line here. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=["'‘“(]?[A-Z0-9])|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Similarity of a query to each chunk: a weighted mean of the whole-paragraph cosine and the best single sentence's.
 * A long paragraph's vector is a blur of several statements; the best sentence keeps the one that answers the
 * question visible, while the whole paragraph keeps its context (see SEARCH_TUNING for the weight).
 */
export class SemanticIndex {
  constructor(
    readonly chunks: Vectors,
    readonly sentences: Vectors,
    /** Chunk position of each sentence row. */
    readonly sentenceOwner: Int32Array,
  ) {
    if (sentenceOwner.length !== sentences.rows) throw new Error(`${sentenceOwner.length} sentence owners for ${sentences.rows} sentence vectors`);
  }

  /** `sentenceWeight` is the best sentence's share: 0 is the paragraph alone, 1 its best sentence alone. */
  scores(query: Float32Array, sentenceWeight: number): Float32Array {
    const whole = this.chunks.similarities(query);
    const best = new Float32Array(this.chunks.rows).fill(-1);
    const bySentence = this.sentences.similarities(query);
    const owners = this.sentenceOwner;
    for (let i = 0; i < bySentence.length; i++) {
      const owner = owners[i]!;
      if (bySentence[i]! > best[owner]!) best[owner] = bySentence[i]!;
    }
    for (let i = 0; i < whole.length; i++) if (best[i]! >= -0.5) whole[i] = (1 - sentenceWeight) * whole[i]! + sentenceWeight * best[i]!;
    return whole;
  }
}
