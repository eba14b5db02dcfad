import type { SemanticIndexes } from '../core/indexes.ts';
import { SemanticIndex } from '../core/semantic.ts';
import { VectorMatrix } from '../core/vectors.ts';
import { INDEX_FORMAT_VERSION, type StoredIndex } from '../store/indexStore.ts';

const copy = (a: Float32Array | Int32Array): ArrayBuffer => a.slice().buffer as ArrayBuffer;

/** Packs built indexes into one IndexedDB record. */
export function toStored(semantic: SemanticIndexes, keywordIndex: string, key: string, corpusHash: string, modelId: string, reportIds: string[]): StoredIndex {
  const { index, themeVectors, assignments } = semantic;
  const packedThemes = new Float32Array(themeVectors.length * index.chunks.dim);
  themeVectors.forEach((v, i) => packedThemes.set(v, i * index.chunks.dim));
  return {
    key,
    corpusHash,
    modelId,
    formatVersion: INDEX_FORMAT_VERSION,
    savedAt: Date.now(),
    dim: index.chunks.dim,
    vectors: copy(index.chunks.data),
    sentenceVectors: copy(index.sentences.data),
    sentenceOwner: copy(index.sentenceOwner),
    themeVectors: copy(packedThemes),
    assignments,
    keywordIndex,
    reportIds,
  };
}

/** Unpacks a stored record; throws when it does not fit the corpus it is meant for. */
export function fromStored(stored: StoredIndex, chunkCount: number): SemanticIndexes {
  const chunks = new VectorMatrix(stored.dim, new Float32Array(stored.vectors));
  if (chunks.rows !== chunkCount || stored.assignments.length !== chunkCount) {
    throw new Error(`it holds ${chunks.rows} paragraphs, the reports have ${chunkCount}`);
  }
  const sentences = new VectorMatrix(stored.dim, new Float32Array(stored.sentenceVectors));
  const themes = new VectorMatrix(stored.dim, new Float32Array(stored.themeVectors));
  return {
    index: new SemanticIndex(chunks, sentences, new Int32Array(stored.sentenceOwner)),
    themeVectors: Array.from({ length: themes.rows }, (_, i) => themes.row(i).slice()),
    assignments: stored.assignments,
  };
}
