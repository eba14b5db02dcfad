import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORPUS_FORMAT_VERSION } from '../../src/core/corpus.ts';
import {
  buildSemanticIndexes,
  corpusOf,
  createEngine,
  packHash,
  partsOf,
  type SemanticIndexes,
} from '../../src/core/buildIndexes.ts';
import { packSemanticIndexes, readPackKey, unpackSemanticIndexes, type PackKey } from '../../src/core/indexPack.ts';
import { queryVectorFor, type SearchEngine, type SearchRequest, type SearchResponse } from '../../src/core/search.ts';
import type { Corpus } from '../../src/core/types.ts';
import { loadEmbedder, type Embedder } from '../../src/embed/embedder.ts';
import { modelFromConfig, type ModelConfig } from '../../src/embed/models.ts';
import { configureNodeEnv } from '../../src/embed/nodeEnv.ts';
import { modelFilesHash } from './modelLayout.ts';

export const root = resolve(import.meta.dirname, '../..');
/** Overridable so a deployer (or a test) can point the CLI at another models folder. */
export const MODELS_DIR = process.env['MODELS_DIR'] ?? join(root, 'public/models');
export const CORPUS_FILE = join(root, 'public/data/corpus.json');
/** The bundled reports' vectors, written by scripts/embed-corpus.ts and shipped to the browser. */
export const EMBEDDINGS_FILE = join(root, 'public/data/embeddings.bin');

/** An error meant for the person at the terminal: one line, no stack. */
export class UsageError extends Error {}

/** The corpus rebuilt report by report, as the pack was built from it (packHash): its chunks are the pack's rows. */
export function loadCorpus(file = CORPUS_FILE): Corpus {
  if (!existsSync(file)) throw new UsageError(`no corpus at ${file}: run \`npm run preprocess\` first`);
  const corpus = JSON.parse(readFileSync(file, 'utf8')) as Corpus;
  if (corpus.formatVersion !== CORPUS_FORMAT_VERSION)
    throw new UsageError(`${file} is in an old format: run \`npm run preprocess\` again`);
  return corpusOf(partsOf(corpus));
}

/** The model the build chose (public/config.json, written by ensure-model), as the site runs it. */
export function siteModel(): ModelConfig {
  const file = join(root, 'public/config.json');
  return modelFromConfig(existsSync(file) ? readFileSync(file, 'utf8') : null);
}

export async function loadModel(modelsDir = MODELS_DIR, model = siteModel()): Promise<Embedder> {
  const folder = join(modelsDir, model.id);
  if (!existsSync(join(folder, 'onnx', 'model_quantized.onnx'))) {
    throw new UsageError(
      `the embedding model is missing from ${folder}: run \`npm run build\` (or \`npm run build:model\`) first`,
    );
  }
  configureNodeEnv(modelsDir);
  return loadEmbedder(model);
}

export interface NodeSearch {
  corpus: Corpus;
  engine: SearchEngine;
  embedder: Embedder;
}

/** What a pack of the corpus's vectors made by the model is keyed by. */
export function packKeyOf(corpus: Corpus, model: ModelConfig, modelsDir = MODELS_DIR): PackKey {
  return { modelId: model.id, indexHash: packHash(corpus), modelFiles: modelFilesHash(join(modelsDir, model.id)) };
}

/** Why the pack in `file` is not the one for `key`, or null when it is. */
export function packMismatch(file: string, key: PackKey): string | null {
  if (!existsSync(file)) return `there is no ${file}`;
  const found = readPackKey(readFileSync(file));
  if (!found) return `${file} is not an index pack of this format`;
  if (found.modelId !== key.modelId) return `${file} was made with ${found.modelId}`;
  if (found.modelFiles !== key.modelFiles) return `${file} was made by another build of ${key.modelId}`;
  if (found.indexHash !== key.indexHash) return `${file} was made from another corpus`;
  return null;
}

/** Embeds a corpus and packs it: what the build ships, byte for byte. */
export async function embedCorpus(
  corpus: Corpus,
  embedder: Embedder,
  key: PackKey,
): Promise<{ semantic: SemanticIndexes; bytes: Uint8Array }> {
  const semantic = await buildSemanticIndexes(corpus, embedder, embedder.dim);
  return { semantic, bytes: packSemanticIndexes(semantic, key) };
}

/**
 * The corpus's vectors as the browser gets them: the pack the build ships when it was made by this model from this
 * corpus, else the same pack made here, which takes a while and so is said on stderr.
 */
export async function corpusIndexes(
  corpus: Corpus,
  embedder: Embedder,
  file = EMBEDDINGS_FILE,
  modelsDir = MODELS_DIR,
): Promise<SemanticIndexes> {
  const key = packKeyOf(corpus, embedder.model, modelsDir);
  const mismatch = packMismatch(file, key);
  if (mismatch === null) return unpackSemanticIndexes(readFileSync(file)).semantic;
  console.error(`embedding the corpus with ${key.modelId}, since ${mismatch} (npm run build ships it)`);
  return unpackSemanticIndexes((await embedCorpus(corpus, embedder, key)).bytes).semantic;
}

/** Loads the corpus, the model (the site's unless named) and the corpus's vectors, and builds every index in memory. */
export async function loadSearch(model = siteModel()): Promise<NodeSearch> {
  const corpus = loadCorpus();
  const embedder = await loadModel(MODELS_DIR, model);
  return { corpus, engine: createEngine(corpus, await corpusIndexes(corpus, embedder)), embedder };
}

/** A search as the worker runs it: the question read (plan), embedded with its rewriting, then ranked. */
export async function ask(
  { engine, embedder }: Pick<NodeSearch, 'engine' | 'embedder'>,
  request: Omit<SearchRequest, 'queryVector'>,
  rewriteWeight?: number,
): Promise<SearchResponse> {
  const plan = engine.plan(request.query, request.expand ?? true);
  const queryVector =
    request.mode === 'keyword' || !plan.query
      ? null
      : await queryVectorFor(plan, (texts) => embedder.embed(texts, 'query'), rewriteWeight);
  return engine.search({ ...request, queryVector }, plan);
}
