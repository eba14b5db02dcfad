/**
 * Smooth inverse frequency (Arora, Liang & Ma 2017, "A simple but tough-to-beat baseline for sentence embeddings"),
 * baked into the word table so that plain mean pooling in the pipeline yields SIF sentence vectors.
 * Both steps are linear per word, so doing them on the table equals doing them after pooling.
 */

/** The paper's recommended smoothing; smaller values push frequent words down harder. */
export const SIF_A = 1e-3;
/** Harmonic number of GloVe 6B's 400k-word vocabulary: normalises the Zipf estimate p(w) = 1 / (rank * H). */
export const ZIPF_H = Math.log(400_000) + 0.5772;

/** GloVe ships no counts, only frequency order, so the word probability is estimated from Zipf's law. */
export function zipfProbability(rank1: number): number {
  return 1 / (rank1 * ZIPF_H);
}

/**
 * Scales each row by a / (a + p(w)), then removes the p-weighted mean direction (the "common component" shared by
 * all text, which otherwise makes unrelated sentences look ~0.6 similar). Rows with p = 0 (special tokens) must be
 * zero already and stay zero. Works in place on `table` (rows * dim) and returns the removed unit direction.
 */
export function applySif(table: Float32Array, probabilities: Float64Array, dim: number): Float64Array {
  const rows = probabilities.length;
  const common = new Float64Array(dim);
  for (let r = 0; r < rows; r++) {
    const p = probabilities[r]!;
    const weight = p > 0 ? SIF_A / (SIF_A + p) : 0;
    const row = table.subarray(r * dim, (r + 1) * dim);
    for (let d = 0; d < dim; d++) {
      row[d] = row[d]! * weight;
      common[d] = common[d]! + p * row[d]!;
    }
  }
  normalizeInPlace(common);
  for (let r = 0; r < rows; r++) {
    const row = table.subarray(r * dim, (r + 1) * dim);
    let along = 0;
    for (let d = 0; d < dim; d++) along += row[d]! * common[d]!;
    for (let d = 0; d < dim; d++) row[d] = row[d]! - along * common[d]!;
  }
  return common;
}

function normalizeInPlace(v: Float64Array): void {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = v[i]! / norm;
}
