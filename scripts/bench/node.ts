/** Our engine in Node: model build, embedding, keyword index, sizes, latency and quality per mode. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildSemanticIndexes,
  createEngine,
  reportIndexesOf,
  splitByReport,
  type SemanticIndexes,
} from '../../src/core/buildIndexes.ts';
import { serialiseKeywordIndex } from '../../src/core/keyword.ts';
import { splitSentences } from '../../src/core/semanticIndex.ts';
import type { Corpus } from '../../src/core/types.ts';
import { toStoredVectors } from '../../src/store/storedRecords.ts';
import { evaluate, type ModeScores } from '../eval.ts';
import { loadModel, type NodeSearch } from '../lib/engine.ts';
import type { JudgedQuestion } from '../lib/metrics.ts';
import { medianMs, runChecked, storedBytes, timed } from './measure.ts';

export interface NodeFigures {
  /** Wall time of `build-model.ts` as a child process, Node and tsx start-up included. */
  modelBuildMs: number;
  modelLoadMs: number;
  /** Every text the index embeds: paragraphs, their sentences and theme seeds. */
  embed: { ms: number; chunks: number; sentences: number; textsPerSecond: number };
  keywordBuildMs: number;
  bytes: { miniSearchJson: number; chunkVectors: number; sentenceVectors: number; storedRecord: number };
  modes: ModeScores[];
}

/** Builds the model into a temporary folder, so the served model is never touched. */
function timeModelBuild(): number {
  const out = mkdtempSync(join(tmpdir(), 'bench-model-'));
  try {
    return runChecked(process.execPath, [
      '--max-old-space-size=6000',
      '--import',
      'tsx',
      'scripts/build-model.ts',
      '--out',
      join(out, 'model'),
    ]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function benchNode(
  corpus: Corpus,
  judgements: JudgedQuestion[],
): Promise<{ figures: NodeFigures; search: NodeSearch; semantic: SemanticIndexes }> {
  const modelBuildMs = timeModelBuild();
  const { ms: modelLoadMs, value: embedder } = await timed(() => loadModel());
  const { ms: embedMs, value: semantic } = await timed(() => buildSemanticIndexes(corpus, embedder, embedder.dim));
  const sentences = corpus.chunks.reduce((n, c) => n + splitSentences(c.text).length, 0);
  const keywordBuildMs = await medianMs(5, () => reportIndexesOf(corpus, null));
  const json = reportIndexesOf(corpus, null).map((r) => serialiseKeywordIndex(r.keyword));
  const vectors = [...splitByReport(corpus, semantic).values()].map((s) => toStoredVectors(s, 'bench'));
  const search: NodeSearch = { corpus, engine: createEngine(corpus, semantic), embedder };
  await evaluate(search, judgements); // warm-up: the figures below are for a warm engine, as a reader meets it
  const modes = await evaluate(search, judgements);
  const texts = corpus.chunks.length + sentences;
  return {
    figures: {
      modelBuildMs,
      modelLoadMs,
      embed: { ms: embedMs, chunks: corpus.chunks.length, sentences, textsPerSecond: texts / (embedMs / 1000) },
      keywordBuildMs,
      bytes: {
        miniSearchJson: json.reduce((n, j) => n + Buffer.byteLength(j), 0),
        chunkVectors: vectors.reduce((n, v) => n + v.chunkRows.byteLength, 0),
        sentenceVectors: vectors.reduce((n, v) => n + v.sentenceRows.byteLength, 0),
        storedRecord: vectors.reduce((n, v, i) => n + storedBytes({ keywordIndex: json[i]!, vectors: v }), 0),
      },
      modes,
    },
    search,
    semantic,
  };
}
