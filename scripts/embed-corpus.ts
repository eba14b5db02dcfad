/**
 * Embeds the bundled reports at build time, so a first visit downloads their vectors instead of computing them:
 * public/data/embeddings.bin holds the paragraph, sentence and theme vectors and the theme assignments of
 * the default pair, built by the same code the browser worker runs (buildSemanticIndexes through the Transformers.js
 * embedder), keyed by model id and index hash. Skipped when the file is current. Part of `npm run build`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSemanticIndexes, corpusOf, packHash, partsOf } from '../src/core/buildIndexes.ts';
import { packSemanticIndexes, readPackKey } from '../src/core/indexPack.ts';
import { writeFileAtomic } from './lib/atomic.ts';
import { CORPUS_FILE, UsageError, loadCorpus, loadModel, root, siteModel } from './lib/engine.ts';
import { modelDir } from './lib/modelLayout.ts';

export const EMBEDDINGS_FILE = join(root, 'public/data/embeddings.bin');

try {
  const started = performance.now();
  const bundled = loadCorpus();
  const corpus = corpusOf(partsOf(bundled));
  const key = { modelId: siteModel().id, indexHash: packHash(bundled) };
  const onnx = join(modelDir(key.modelId), 'onnx/model_quantized.onnx');
  const current = existsSync(EMBEDDINGS_FILE) ? readPackKey(readFileSync(EMBEDDINGS_FILE)) : null;
  const fresh =
    current?.modelId === key.modelId &&
    current.indexHash === key.indexHash &&
    statSync(EMBEDDINGS_FILE).mtimeMs >= Math.max(statSync(onnx).mtimeMs, statSync(CORPUS_FILE).mtimeMs);
  if (fresh) {
    console.log(`embeddings present: ${relative(root, EMBEDDINGS_FILE)} (${key.modelId})`);
  } else {
    const embedder = await loadModel();
    const semantic = await buildSemanticIndexes(corpus, (texts, kind) => embedder.embed(texts, kind), embedder.dim);
    await embedder.dispose();
    const bytes = packSemanticIndexes(semantic, key);
    writeFileAtomic(EMBEDDINGS_FILE, bytes);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `wrote ${relative(root, EMBEDDINGS_FILE)}: ${corpus.chunks.length} paragraphs, ${semantic.index.sentences.rows} sentences, ` +
        `${semantic.themeVectors.length} themes with ${key.modelId}; ${(bytes.byteLength / 1e6).toFixed(2)} MB in ${seconds} s`,
    );
  }
} catch (error) {
  console.error(
    `embed-corpus: ${error instanceof UsageError || error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(2);
}
