import type { ReportSemantic } from '../core/reportIndex.ts';
import { SemanticIndex } from '../core/semantic.ts';
import { QuantisedMatrix } from '../core/vectors.ts';
import type { StoredVectors } from '../store/indexStore.ts';

const copy = (a: Int8Array | Int32Array): ArrayBuffer => a.slice().buffer as ArrayBuffer;

/** A report's vectors as one IndexedDB value: int8 rows, read back exactly as they were searched. */
export function toStoredVectors(semantic: ReportSemantic, key: string): StoredVectors {
  const { index, assignments } = semantic;
  const chunks = QuantisedMatrix.of(index.chunks);
  return {
    key,
    dim: chunks.dim,
    chunkRows: copy(chunks.data),
    sentenceRows: copy(QuantisedMatrix.of(index.sentences).data),
    sentenceOwner: copy(index.sentenceOwner),
    assignments,
  };
}

export function fromStoredVectors(stored: StoredVectors): ReportSemantic {
  return {
    index: new SemanticIndex(
      QuantisedMatrix.fromInt8(stored.dim, new Int8Array(stored.chunkRows)),
      QuantisedMatrix.fromInt8(stored.dim, new Int8Array(stored.sentenceRows)),
      new Int32Array(stored.sentenceOwner),
    ),
    assignments: stored.assignments,
  };
}
