/**
 * Embeds the bundled reports at build time, so a first visit downloads their vectors instead of computing them:
 * public/data/embeddings.bin holds the paragraph, sentence and theme vectors and the theme assignments of
 * the default pair, built by the same code the browser worker runs (buildSemanticIndexes through the Transformers.js
 * embedder), keyed by model id, model files and index hash. Skipped when the file's key is that of this corpus and
 * model: decided by content, since every build rewrites corpus.json. Part of `npm run build`.
 */
import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFileAtomic } from './lib/atomic.ts';
import {
  EMBEDDINGS_FILE,
  UsageError,
  embedCorpus,
  loadCorpus,
  loadModel,
  packKeyOf,
  packMismatch,
  root,
  siteModel,
} from './lib/engine.ts';

try {
  const started = performance.now();
  const corpus = loadCorpus();
  const key = packKeyOf(corpus, siteModel());
  const mismatch = packMismatch(EMBEDDINGS_FILE, key);
  if (mismatch === null) {
    console.log(`embeddings present: ${relative(root, EMBEDDINGS_FILE)} (${key.modelId})`);
  } else {
    console.log(`embedding the bundled reports, since ${mismatch}`);
    const embedder = await loadModel();
    const { semantic, bytes } = await embedCorpus(corpus, embedder, key);
    await embedder.dispose();
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
