/**
 * The semantic indexes of a corpus as one binary file: what the build ships for the bundled reports
 * (public/data/embeddings.bin), so a first visit embeds only the reader's queries. Layout: the 4 bytes "ICSI", a
 * little-endian uint32 header length, a JSON header (format, model id and files hash, index hash, counts, theme
 * assignments), zero padding to a multiple of 4, then the int32 sentence owners and the int8 rows (chunks, sentences,
 * themes).
 *
 * Rows are int8, each scaled so its largest component is ±127 (QuantisedMatrix): a quarter of float32's bytes (float
 * bytes hardly compress, so this is what a first visit downloads). The rows are unit vectors, so no scale is stored: a
 * row is read back by normalising it. The rounding moves a cosine by less than 1e-3 (indexPack.test.ts). The scripts
 * (`npm run eval`, `npm run query`) search this file, so their figures are those of what ships.
 */
import type { SemanticIndexes } from './buildIndexes.ts';
import { SemanticIndex } from './semanticIndex.ts';
import type { ThemeAssignment } from './themes.ts';
import { QuantisedMatrix, VectorMatrix } from './vectors.ts';

const MAGIC = 'ICSI';
/** Bump when the layout changes; an older file is then rebuilt by the build and ignored by the app. */
export const PACK_FORMAT = 3;

export interface PackKey {
  modelId: string;
  /** indexHash() of the corpus the vectors were built from. */
  indexHash: string;
  /**
   * A hash of the model's files (scripts/lib/modelLayout.ts): the build and the scripts use a pack only when it was
   * made by the very model they run. The browser goes by the id, which its config names.
   */
  modelFiles: string;
}

interface Header extends PackKey {
  format: number;
  dim: number;
  chunks: number;
  sentences: number;
  themes: number;
  assignments: ThemeAssignment[];
}

export function packSemanticIndexes(semantic: SemanticIndexes, key: PackKey): Uint8Array {
  const { index, themeVectors, assignments } = semantic;
  const dim = index.chunks.dim;
  const header: Header = {
    format: PACK_FORMAT,
    ...key,
    dim,
    chunks: index.chunks.rows,
    sentences: index.sentences.rows,
    themes: themeVectors.length,
    assignments,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = align4(8 + json.length);
  const rows = header.chunks + header.sentences + header.themes;
  const bytes = new Uint8Array(start + header.sentences * 4 + rows * dim);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(4, json.length, true);
  bytes.set(json, 8);
  new Int32Array(bytes.buffer, start, header.sentences).set(index.sentenceOwner);
  const values = new Int8Array(bytes.buffer, start + header.sentences * 4, rows * dim);
  let at = 0;
  for (const part of [index.chunks, index.sentences, VectorMatrix.fromRows(themeVectors, dim)]) {
    const q = QuantisedMatrix.of(part);
    values.set(q.data, at);
    at += q.data.length;
  }
  return bytes;
}

/** The key a pack was built for, read without unpacking the vectors; null when it is not a pack of this format. */
export function readPackKey(bytes: Uint8Array): PackKey | null {
  try {
    const header = readHeader(bytes);
    return { modelId: header.modelId, indexHash: header.indexHash, modelFiles: header.modelFiles };
  } catch {
    return null;
  }
}

/** The indexes in a pack, or an error saying why the file cannot be used. */
export function unpackSemanticIndexes(bytes: Uint8Array): { key: PackKey; semantic: SemanticIndexes } {
  const header = readHeader(bytes);
  const { dim } = header;
  const start = align4(8 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true));
  const rows = header.chunks + header.sentences + header.themes;
  if (bytes.byteLength !== start + header.sentences * 4 + rows * dim) throw new Error(TRUNCATED);
  // A copy aligned for typed-array views, whatever the offset of the bytes we were given.
  const buffer = bytes.slice().buffer;
  const owners = new Int32Array(buffer, start, header.sentences);
  let row = start + header.sentences * 4;
  const take = (count: number) => {
    const matrix = QuantisedMatrix.fromInt8(dim, new Int8Array(buffer, row, count * dim));
    row += count * dim;
    return matrix;
  };
  const chunks = take(header.chunks);
  const sentences = take(header.sentences);
  const themes = take(header.themes);
  return {
    key: { modelId: header.modelId, indexHash: header.indexHash, modelFiles: header.modelFiles },
    semantic: {
      index: new SemanticIndex(chunks, sentences, owners),
      themeVectors: Array.from({ length: themes.rows }, (_, i) => themes.row(i)),
      assignments: header.assignments,
    },
  };
}

const TRUNCATED = 'the index pack is truncated or padded';

function readHeader(bytes: Uint8Array): Header {
  if (bytes.byteLength < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    throw new Error(`not an index pack of format ${PACK_FORMAT}`);
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  if (8 + length > bytes.byteLength) throw new Error(TRUNCATED);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Header;
  } catch {
    throw new Error('the index pack has a damaged header');
  }
  if (header.format !== PACK_FORMAT)
    throw new Error(`the index pack is of format ${String(header.format)}, not ${PACK_FORMAT}`);
  return header;
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}
