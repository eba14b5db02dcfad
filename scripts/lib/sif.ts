/**
 * Smooth inverse frequency (Arora, Liang & Ma 2017, "A simple but tough-to-beat baseline for sentence embeddings"),
 * baked into the word table so that plain mean pooling in the pipeline yields SIF sentence vectors.
 * Both steps are linear per word, so doing them on the table equals doing them after pooling.
 */
import type { QuantizedTable } from './onnxWriter.ts';

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

/**
 * Symmetric int8 with one scale per row: rows differ in length by orders of magnitude after SIF, so a single
 * global scale would flatten the rare, informative words to a handful of levels.
 */
export function quantizeRows(table: Float32Array, rows: number, dim: number): QuantizedTable {
  const codes = new Int8Array(rows * dim);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let maxAbs = 0;
    for (let d = 0; d < dim; d++) maxAbs = Math.max(maxAbs, Math.abs(table[r * dim + d]!));
    const scale = maxAbs / 127;
    scales[r] = scale;
    if (scale === 0) continue; // an all-zero row (padding, unknown) stays zero
    for (let d = 0; d < dim; d++) codes[r * dim + d] = Math.round(table[r * dim + d]! / scale);
  }
  return { codes, scales, rows, dim };
}

function normalizeInPlace(v: Float64Array): void {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = v[i]! / norm;
}
