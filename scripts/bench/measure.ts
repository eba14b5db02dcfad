/** Timing, size and quality helpers shared by every part of the benchmark. */
import { spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Corpus } from '../../src/core/types.ts';
import type { Embedder } from '../../src/embed/embedder.ts';
import { quantile } from '../eval.ts';
import { root } from '../lib/engine.ts';
import { aggregate, scoreRanking, type JudgedQuestion, type Scores } from '../lib/metrics.ts';

export interface Latency {
  median: number;
  p95: number;
}

export const latencyOf = (times: number[]): Latency => ({ median: quantile(times, 0.5), p95: quantile(times, 0.95) });

/** Milliseconds one call takes, with its result. */
export async function timed<T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

/** Runs a command in the repository quietly (stdout stays the benchmark's own); milliseconds it took, or throws with its output. */
export function runChecked(command: string, args: string[]): number {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${run.stdout}${run.stderr}${run.error?.message ?? ''}`);
  return performance.now() - started;
}

/** Median of several runs: a single build of a few hundred paragraphs is short enough for JIT and GC to swing it. */
export async function medianMs(runs: number, run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(run)).ms);
  return quantile(times, 0.5);
}

/**
 * Bytes of a record as IndexedDB keeps it: packed buffers exactly, strings and plain values by their JSON length
 * (structured clone stores them a little differently, but within a few per cent for ASCII text).
 */
export function storedBytes(stored: object): number {
  return Object.values(stored).reduce<number>(
    (n, v) =>
      n +
      (v instanceof ArrayBuffer
        ? v.byteLength
        : typeof v === 'object' && v !== null && !Array.isArray(v)
          ? storedBytes(v as object)
          : Buffer.byteLength(typeof v === 'string' ? v : JSON.stringify(v))),
    0,
  );
}

/** Heap in use after a full collection; `gc` is exposed at run time because the npm script starts plain tsx. */
/** Bytes in use after a full collection: the JS heap and array buffers (vectors), as a worker would hold them. */
export function memoryAfterGc(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** One report's ranking from a peer engine: the report's paragraph numbers, best first. */
export type Ranker = (query: string, queryVector: Float32Array | null, reportId: string) => Promise<(number | null)[]>;

export interface RankerFigures {
  latency: Latency;
  all: Scores;
}

/**
 * Scores any ranker the way scripts/eval.ts scores ours: a question's time covers embedding it (when the ranker
 * needs a vector) and ranking every report, and quality counts (question, report) pairs with a relevant paragraph.
 * One unmeasured pass first, so every engine is timed warm.
 */
export async function measureRanker(
  corpus: Corpus,
  judgements: JudgedQuestion[],
  embedder: Embedder,
  needsVector: boolean,
  rank: Ranker,
): Promise<RankerFigures> {
  const times: number[] = [];
  const rows: ReturnType<typeof scoreRanking>[] = [];
  for (const pass of ['warm-up', 'measured']) {
    for (const j of judgements) {
      const started = performance.now();
      const vector = needsVector ? (await embedder.embed([j.query], 'query'))[0]! : null;
      const rankings = [];
      for (const report of corpus.reports) rankings.push({ report, ranking: await rank(j.query, vector, report.id) });
      if (pass === 'warm-up') continue;
      times.push(performance.now() - started);
      for (const { report, ranking } of rankings) {
        const relevant = j.relevant[String(report.year)] ?? [];
        if (relevant.length) rows.push(scoreRanking(ranking, relevant));
      }
    }
  }
  return { latency: latencyOf(times), all: aggregate(rows) };
}
