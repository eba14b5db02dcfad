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
  private firstRows: Int32Array | null = null;

  constructor(
    readonly chunks: Vectors,
    readonly sentences: Vectors,
    /** Chunk position of each sentence row. */
    readonly sentenceOwner: Int32Array,
  ) {
    if (sentenceOwner.length !== sentences.rows)
      throw new Error(`${sentenceOwner.length} sentence owners for ${sentences.rows} sentence vectors`);
  }

  /**
   * `sentenceWeight` is the best sentence's share: 0 is the paragraph alone, 1 its best sentence alone. Only the
   * `shortlist` paragraphs closest as a whole have their sentences scanned (sentences are four in five of the rows);
   * the others keep their whole-paragraph score, which is what decides they are not among the closest.
   */
  scores(query: Float32Array, sentenceWeight: number, shortlist = Number.POSITIVE_INFINITY): Float32Array {
    const whole = this.chunks.similarities(query);
    if (sentenceWeight === 0 || this.sentences.rows === 0) return whole;
    const owners = this.sentenceOwner;
    const best = new Float32Array(this.chunks.rows).fill(-1);
    if (shortlist >= this.chunks.rows) {
      const bySentence = this.sentences.similarities(query);
      for (let i = 0; i < bySentence.length; i++)
        if (bySentence[i]! > best[owners[i]!]!) best[owners[i]!] = bySentence[i]!;
    } else {
      const cut = [...whole].sort((a, b) => b - a)[Math.max(0, shortlist - 1)]!;
      for (let i = 0; i < owners.length; i++) {
        const owner = owners[i]!;
        if (whole[owner]! < cut) continue;
        const s = this.sentences.similarity(i, query);
        if (s > best[owner]!) best[owner] = s;
      }
    }
    for (let i = 0; i < whole.length; i++)
      if (best[i]! >= -0.5) whole[i] = (1 - sentenceWeight) * whole[i]! + sentenceWeight * best[i]!;
    return whole;
  }

  /** A paragraph's sentence closest to the query: its place among the paragraph's sentences, and how close. */
  bestSentence(chunk: number, query: Float32Array): { index: number; similarity: number } | null {
    if (!this.firstRows) {
      this.firstRows = new Int32Array(this.chunks.rows + 1).fill(-1);
      for (let s = this.sentenceOwner.length - 1; s >= 0; s--) this.firstRows[this.sentenceOwner[s]!] = s;
    }
    const first = this.firstRows[chunk]!;
    if (first < 0) return null;
    let best: { index: number; similarity: number } | null = null;
    for (let s = first; s < this.sentenceOwner.length && this.sentenceOwner[s] === chunk; s++) {
      const similarity = this.sentences.similarity(s, query);
      if (!best || similarity > best.similarity) best = { index: s - first, similarity };
    }
    return best;
  }
}
