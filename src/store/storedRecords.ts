import { hashString } from '../core/hash.ts';
import { serialiseKeywordIndex } from '../core/keyword.ts';
import type { ReportIndex, ReportSemantic } from '../core/reportIndex.ts';
import { SemanticIndex } from '../core/semanticIndex.ts';
import { QuantisedMatrix } from '../core/vectors.ts';
import type { Chunk, Report } from '../core/types.ts';
import { INDEX_FORMAT_VERSION, type StoredReportIndex, type StoredVectors } from './indexStore.ts';

const copy = (a: Int8Array | Int32Array): ArrayBuffer => a.slice().buffer;

/**
 * What a stored keyword index was built from: a record for other text is rebuilt. A chunk's kind is left out: the
 * chunker derives it from the rest, and records saved before chunks had one stay valid.
 */
export const textHashOf = (report: Report, chunks: readonly Chunk[]) =>
  hashString(JSON.stringify({ report, chunks: chunks.map(({ kind: _kind, ...saved }) => saved) }));

/** A report's record with its keyword index and no vectors yet. */
export function toStoredKeyword(
  index: ReportIndex,
  textHash = textHashOf(index.report, index.chunks),
): StoredReportIndex {
  return {
    reportId: index.report.id,
    formatVersion: INDEX_FORMAT_VERSION,
    textHash,
    keywordIndex: serialiseKeywordIndex(index.keyword),
    vectors: null,
    savedAt: Date.now(),
  };
}

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
