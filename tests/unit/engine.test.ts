/**
 * The scripts' vectors (scripts/lib/engine.ts): the pack the build ships when it fits the corpus and the model, and
 * vectors embedded here when it does not. Needs `npm run build` (or `npm run prepare:assets`) first.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { corpusOf, partsOf, type SemanticIndexes } from '../../src/core/buildIndexes.ts';
import { readPackKey, unpackSemanticIndexes } from '../../src/core/indexPack.ts';
import type { Corpus } from '../../src/core/types.ts';
import type { QuantisedMatrix } from '../../src/core/vectors.ts';
import type { Embedder } from '../../src/embed/embedder.ts';
import { EMBEDDINGS_FILE, corpusIndexes, loadCorpus, loadModel, packKeyOf } from '../../scripts/lib/engine.ts';

let corpus: Corpus;
let model: Embedder;
/** The model, counting the texts and passages it is asked to embed. */
let embedder: Embedder;
let embedded = 0;

beforeAll(async () => {
  corpus = loadCorpus();
  model = await loadModel();
  embedder = {
    model: model.model,
    dim: model.dim,
    embed: (texts, kind) => {
      embedded += texts.length;
      return model.embed(texts, kind);
    },
    embedWithParts: (passages) => {
      embedded += passages.length;
      return model.embedWithParts(passages);
    },
    dispose: () => model.dispose(),
  };
});

afterAll(() => model.dispose());

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
const rows = (semantic: SemanticIndexes) => ({
  chunks: (semantic.index.chunks as QuantisedMatrix).data,
  sentences: (semantic.index.sentences as QuantisedMatrix).data,
  owners: semantic.index.sentenceOwner,
  assignments: semantic.assignments,
});

describe('corpusIndexes', () => {
  it('reads the shipped pack without embedding anything when it was made from this corpus by this model', async () => {
    expect(readPackKey(readFileSync(EMBEDDINGS_FILE))).toEqual(packKeyOf(corpus, model.model));
    embedded = 0;
    const semantic = await corpusIndexes(corpus, embedder);
    expect(embedded).toBe(0);
    expect(rows(semantic)).toEqual(rows(unpackSemanticIndexes(readFileSync(EMBEDDINGS_FILE)).semantic));
  });

  it('embeds a corpus the pack was not made from, and says so, in the vectors the pack would hold', async () => {
    const shipped = unpackSemanticIndexes(readFileSync(EMBEDDINGS_FILE)).semantic;
    const [first] = partsOf(corpus);
    const few = corpusOf([{ report: first!.report, chunks: first!.chunks.slice(0, 6) }]);
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      embedded = 0;
      const semantic = await corpusIndexes(few, embedder);
      expect(embedded).toBeGreaterThanOrEqual(few.chunks.length);
      expect(said).toHaveBeenCalledWith(
        `embedding the corpus with ${model.model.id}, since ${EMBEDDINGS_FILE} was made from another corpus (npm run build ships it)`,
      );
      // The same paragraphs' vectors as in the pack, up to which texts shared a model batch and the int8 rounding.
      few.chunks.forEach((_, i) => {
        expect(dot(semantic.index.chunks.row(i), shipped.index.chunks.row(i))).toBeGreaterThan(0.99);
      });
    } finally {
      said.mockRestore();
    }
  });
});
