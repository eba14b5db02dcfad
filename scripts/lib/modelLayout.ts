/** Where the bundled model lives and what makes it complete; shared by build-model, ensure-model and tests. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const MODELS_DIR = join(REPO_ROOT, 'public/models');
export const BUNDLED_MODEL = 'glove-sif-100d';
export const BUNDLED_MODEL_DIR = join(MODELS_DIR, BUNDLED_MODEL);

/** The files Transformers.js reads for a `feature-extraction` pipeline with `dtype: 'q8'`. */
export const PIPELINE_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'];

/**
 * Bumped whenever build-model.ts would produce a different table (new weighting, new vocabulary rule), so that
 * ensure-model rebuilds a stale model instead of trusting that "the files exist".
 */
export const MODEL_FORMAT_VERSION = 1;

export interface BuildInfo {
  formatVersion: number;
  [key: string]: unknown;
}

/** Why the bundled model needs (re)building, or null when it is complete and current. */
export function bundledModelProblem(dir = BUNDLED_MODEL_DIR): string | null {
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
