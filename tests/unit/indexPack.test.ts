import { describe, expect, it } from 'vitest';
import { PACK_FORMAT, packSemanticIndexes, readPackKey, unpackSemanticIndexes } from '../../src/core/indexPack.ts';
import type { SemanticIndexes } from '../../src/core/buildIndexes.ts';
import { SemanticIndex } from '../../src/core/semanticIndex.ts';
import { normalise, VectorMatrix, type Vectors } from '../../src/core/vectors.ts';

const DIM = 384;

/** Unit vectors from a fixed sequence (a linear congruential generator), so every run packs the same numbers. */
function unitRows(count: number, seed: number): Float32Array {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const data = new Float32Array(count * DIM);
  for (let r = 0; r < count; r++) data.set(normalise(Float32Array.from({ length: DIM }, next)), r * DIM);
  return data;
}

function indexes(): SemanticIndexes {
  const chunks = new VectorMatrix(DIM, unitRows(5, 1));
  const sentences = unitRows(7, 2);
  sentences.fill(0, 3 * DIM, 4 * DIM); // a sentence with nothing to embed: the zero vector
  return {
    index: new SemanticIndex(chunks, new VectorMatrix(DIM, sentences), Int32Array.from([0, 0, 1, 2, 2, 3, 4])),
    themeVectors: [unitRows(1, 3), unitRows(1, 4)],
    assignments: [{ chunkId: 'c1', themes: ['t1'] }] as unknown as SemanticIndexes['assignments'],
  };
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const KEY = { modelId: 'm', indexHash: 'h', modelFiles: 'f' };

describe('index pack', () => {
  it('stores a quarter of float32 and reads back unit rows within 1e-3 of each cosine', () => {
    const original = indexes();
    const bytes = packSemanticIndexes(original, KEY);
    const rows = 5 + 7 + 2;
    expect(bytes.byteLength).toBeLessThan(rows * DIM + 7 * 4 + 512);
    const { key, semantic } = unpackSemanticIndexes(bytes);
    expect(key).toEqual(KEY);
    expect(readPackKey(bytes)).toEqual(KEY);
    expect([...semantic.index.sentenceOwner]).toEqual([0, 0, 1, 2, 2, 3, 4]);
    expect(semantic.assignments).toEqual(original.assignments);
    const pairs: [Vectors, Vectors][] = [
      [original.index.chunks, semantic.index.chunks],
      [original.index.sentences, semantic.index.sentences],
      [VectorMatrix.fromRows(original.themeVectors, DIM), VectorMatrix.fromRows(semantic.themeVectors, DIM)],
    ];
    for (const [before, after] of pairs) {
      expect(after.rows).toBe(before.rows);
      for (let r = 0; r < before.rows; r++) {
        for (let s = 0; s < before.rows; s++)
          expect(Math.abs(dot(after.row(r), after.row(s)) - dot(before.row(r), before.row(s)))).toBeLessThan(1e-3);
      }
    }
    expect([...semantic.index.sentences.row(3)].every((x) => x === 0)).toBe(true);
  });

  it('refuses a truncated pack and one of another format', () => {
    const bytes = packSemanticIndexes(indexes(), KEY);
    expect(() => unpackSemanticIndexes(bytes.subarray(0, bytes.length - 1))).toThrow('truncated');
    const header = new TextDecoder().decode(bytes.subarray(8, 8 + new DataView(bytes.buffer).getUint32(4, true)));
    const old = new TextEncoder().encode(header.replace(`"format":${PACK_FORMAT}`, '"format":1'));
    const otherFormat = new Uint8Array(bytes);
    otherFormat.set(old, 8);
    expect(() => unpackSemanticIndexes(otherFormat)).toThrow('format 1');
    expect(readPackKey(otherFormat)).toBeNull();
  });
});
