/**
 * Builds the bundled model only when it is missing or stale, so `npm run build` and `npm test` stay fast after
 * the first run (the build parses a 307 MB JSON). Exit code: 0 when the model is ready, the build's code otherwise.
 */
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { BUNDLED_MODEL_DIR, REPO_ROOT, bundledModelProblem } from './lib/modelLayout.ts';

const where = relative(REPO_ROOT, BUNDLED_MODEL_DIR);
const problem = bundledModelProblem();
if (problem === null) {
  console.log(`model present: ${where}`);
} else {
  console.log(`building ${where}: ${problem}`);
  // A child process, because the build needs a larger heap than this process was started with.
  const build = spawnSync(
    process.execPath,
    ['--max-old-space-size=6000', '--import', 'tsx', 'scripts/build-model.ts'],
    { cwd: REPO_ROOT, stdio: 'inherit' },
  );
  if (build.error) console.error(`could not start the model build: ${build.error.message}`);
  process.exit(build.status ?? 1);
}
