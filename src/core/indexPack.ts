/**
 * The semantic indexes of a corpus as one binary file: what the build ships for the bundled reports
 * (public/data/embeddings.bin), so a first visit embeds only the reader's queries. Layout: the 4 bytes "ICSI", a
 * little-endian uint32 header length, a JSON header (format, model id, index hash, counts, theme assignments), zero
 * padding to a multiple of 4, then the float32 rows (chunks, sentences, themes)
 * and the int32 sentence owners. Typed-array views over the one buffer: nothing is parsed number by number.
 */
import type { SemanticIndexes } from './indexes.ts';
import { SemanticIndex } from './semantic.ts';
import type { ThemeAssignment } from './themes.ts';
import { VectorMatrix } from './vectors.ts';

const MAGIC = 'ICSI';
/** Bump when the layout changes; an older file is then rebuilt by the build and ignored by the app. */
export const PACK_FORMAT = 1;

export interface PackKey {
  modelId: string;
  /** indexHash() of the corpus the vectors were built from. */
  indexHash: string;
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
  const floats = (header.chunks + header.sentences + header.themes) * dim;
  const bytes = new Uint8Array(start + floats * 4 + header.sentences * 4);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(4, json.length, true);
  bytes.set(json, 8);
  const out = new Float32Array(bytes.buffer, start, floats);
  let at = 0;
  for (const part of [index.chunks.data, index.sentences.data, ...themeVectors]) {
    out.set(part, at);
    at += part.length;
  }
  new Int32Array(bytes.buffer, start + floats * 4, header.sentences).set(index.sentenceOwner);
  return bytes;
}

/** The key a pack was built for, read without unpacking the vectors; null when it is not a pack of this format. */
export function readPackKey(bytes: Uint8Array): PackKey | null {
  try {
    const header = readHeader(bytes);
    return { modelId: header.modelId, indexHash: header.indexHash };
  } catch {
    return null;
  }
}

/** The indexes in a pack, or an error saying why the file cannot be used. */
export function unpackSemanticIndexes(bytes: Uint8Array): { key: PackKey; semantic: SemanticIndexes } {
  const header = readHeader(bytes);
  const { dim } = header;
  const start = align4(8 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true));
  const floats = (header.chunks + header.sentences + header.themes) * dim;
  if (bytes.byteLength !== start + floats * 4 + header.sentences * 4) throw new Error(TRUNCATED);
  // A copy aligned for typed-array views, whatever the offset of the bytes we were given.
  const buffer = bytes.slice().buffer;
  let at = start;
  const take = (rows: number) => {
    const data = new Float32Array(buffer, at, rows * dim);
    at += rows * dim * 4;
    return new VectorMatrix(dim, data);
  };
  const chunks = take(header.chunks);
  const sentences = take(header.sentences);
  const themes = take(header.themes);
  const owners = new Int32Array(buffer, at, header.sentences);
  return {
    key: { modelId: header.modelId, indexHash: header.indexHash },
    semantic: {
      index: new SemanticIndex(chunks, sentences, owners),
      themeVectors: Array.from({ length: themes.rows }, (_, i) => themes.row(i)),
      assignments: header.assignments,
    },
  };
}

const TRUNCATED = 'the index pack is truncated or padded';

function readHeader(bytes: Uint8Array): Header {
  if (bytes.byteLength < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error(`not an index pack of format ${PACK_FORMAT}`);
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  if (8 + length > bytes.byteLength) throw new Error(TRUNCATED);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))) as Header;
  } catch {
    throw new Error('the index pack has a damaged header');
  }
  if (header.format !== PACK_FORMAT) throw new Error(`the index pack is of format ${String(header.format)}, not ${PACK_FORMAT}`);
  return header;
}

function align4(n: number): number {
  return Math.ceil(n / 4) * 4;
}
