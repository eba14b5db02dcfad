import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORPUS_FORMAT_VERSION } from '../../src/core/corpus.ts';
import { buildSemanticIndexes, createEngine, indexHash } from '../../src/core/buildIndexes.ts';
import { packSemanticIndexes, unpackSemanticIndexes } from '../../src/core/indexPack.ts';
import { queryVectorFor, type SearchEngine, type SearchRequest, type SearchResponse } from '../../src/core/search.ts';
import type { Corpus } from '../../src/core/types.ts';
import { loadEmbedder, modelFromConfig, type Embedder, type ModelConfig } from '../../src/embed/embedder.ts';
import { configureNodeEnv } from '../../src/embed/nodeEnv.ts';

export const root = resolve(import.meta.dirname, '../..');
/** Overridable so a deployer (or a test) can point the CLI at another models folder. */
export const MODELS_DIR = process.env['MODELS_DIR'] ?? join(root, 'public/models');
export const CORPUS_FILE = join(root, 'public/data/corpus.json');

/** An error meant for the person at the terminal: one line, no stack. */
export class UsageError extends Error {}

export function loadCorpus(file = CORPUS_FILE): Corpus {
  if (!existsSync(file)) throw new UsageError(`no corpus at ${file}: run \`npm run preprocess\` first`);
  const corpus = JSON.parse(readFileSync(file, 'utf8')) as Corpus;
  if (corpus.formatVersion !== CORPUS_FORMAT_VERSION)
    throw new UsageError(`${file} is in an old format: run \`npm run preprocess\` again`);
  return corpus;
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

/**
 * Loads the corpus and the model (the site's unless named) and builds every index in memory. The vectors go through
 * the index pack the build ships (int8 rows), so what is measured is what the browser searches.
 */
export async function loadSearch(model = siteModel()): Promise<NodeSearch> {
  const corpus = loadCorpus();
  const embedder = await loadModel(MODELS_DIR, model);
  const built = await buildSemanticIndexes(corpus, (t, kind) => embedder.embed(t, kind), embedder.dim);
  const { semantic } = unpackSemanticIndexes(
    packSemanticIndexes(built, { modelId: model.id, indexHash: indexHash(corpus) }),
  );
  return { corpus, engine: createEngine(corpus, semantic), embedder };
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
