/**
 * How cost grows with the number of reports. The corpus is replicated synthetically: copy 0 is the real corpus,
 * each further copy is every report again under a new report id and new chunk ids (as another council's
 * inspection would be), its vectors the real ones plus a little Gaussian noise, renormalised. Re-embedding 22,000
 * paragraphs would measure the model, not the index; the noise keeps copies from tying exactly with the originals.
 * The copies reuse the originals' words, so the keyword index's vocabulary stays the size it is today; real reports
 * would add words slowly (Heaps' law), which this understates.
 */
import { buildKeyword, createEngine, type SemanticIndexes } from '../../src/core/indexes.ts';
import { loadKeywordIndex, serialiseKeywordIndex } from '../../src/core/keyword.ts';
import { SemanticIndex } from '../../src/core/semantic.ts';
import type { Corpus } from '../../src/core/types.ts';
import { VectorMatrix, normalise } from '../../src/core/vectors.ts';
import type { Embedder } from '../../src/embed/embedder.ts';
import { toStored } from '../../src/worker/persist.ts';
import { evaluate } from '../eval.ts';
import type { Judgement, Scores } from '../lib/metrics.ts';
import type { Mode } from '../../src/core/search.ts';
import { heapAfterGc, medianMs, storedBytes, timed, type Latency } from './measure.ts';

/** Per-dimension noise: cosine to the original row stays about 0.98 for 100 dimensions. */
const NOISE = 0.02;
/** Questions timed when every report is ranked: at x100 one question ranks 200 reports and takes seconds. */
const ALL_REPORTS_QUESTIONS = 4;

export interface ScaleFigures {
  factor: number;
  reports: number;
  chunks: number;
  keywordBuildMs: number;
  /** Parsing the stored MiniSearch JSON: what a warm visit pays instead of building. */
  keywordLoadMs: number;
  /** The engine's own set-up over all chunks (term weights, positions). */
  engineMs: number;
  /** Embedding every paragraph and sentence would take, at the rate measured in Node on the real corpus (not run). */
  estimatedEmbedSeconds: number;
  bytes: { miniSearchJson: number; vectors: number; storedRecord: number };
  /** Node's heap after a full collection, with the corpus, the indexes and the engine alive. */
  heapMb: number;
  /** Two reports compared (the app's view) within the whole corpus: quality on the real pair, and latency. */
  twoReports: { mode: Mode; latency: Latency; all: Scores }[];
  /** Every report ranked, as SearchEngine.search does today, on the first few questions. */
  allReports: { mode: Mode; latency: Latency }[];
}

/** Deterministic, so runs are comparable: mulberry32 with Box-Muller. */
function gaussian(seed: number): () => number {
  let s = seed;
  const uniform = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

function replicateRows(m: VectorMatrix, copies: number, noise: () => number): VectorMatrix {
  const data = new Float32Array(m.data.length * copies);
  for (let c = 0; c < copies; c++) {
    for (let r = 0; r < m.rows; r++) {
      const row = c === 0 ? m.row(r) : normalise(m.row(r).map((x) => x + NOISE * noise()));
      data.set(row, (c * m.rows + r) * m.dim);
    }
  }
  return new VectorMatrix(m.dim, data);
}

export function replicate(corpus: Corpus, semantic: SemanticIndexes, copies: number): { corpus: Corpus; semantic: SemanticIndexes } {
  const suffix = (id: string, c: number) => (c === 0 ? id : `${id}~${c}`);
  const range = Array.from({ length: copies }, (_, c) => c);
  const big: Corpus = {
    formatVersion: corpus.formatVersion,
    reports: range.flatMap((c) => corpus.reports.map((r) => ({ ...r, id: suffix(r.id, c) }))),
    chunks: range.flatMap((c) => corpus.chunks.map((ch) => ({ ...ch, id: suffix(ch.id, c), reportId: suffix(ch.reportId, c) }))),
  };
  const noise = gaussian(copies);
  const { index } = semantic;
  const owners = new Int32Array(index.sentenceOwner.length * copies);
  range.forEach((c) => owners.set(index.sentenceOwner.map((o) => o + c * index.chunks.rows), c * index.sentenceOwner.length));
  return {
    corpus: big,
    semantic: {
      index: new SemanticIndex(replicateRows(index.chunks, copies, noise), replicateRows(index.sentences, copies, noise), owners),
      themeVectors: semantic.themeVectors,
      assignments: range.flatMap(() => semantic.assignments),
    },
  };
}

export async function benchScale(
  corpus: Corpus,
  semantic: SemanticIndexes,
  embedder: Embedder,
  judgements: Judgement[],
  textsPerSecond: number,
  factors: number[],
): Promise<ScaleFigures[]> {
  const figures: ScaleFigures[] = [];
  for (const factor of factors) {
    const big = replicate(corpus, semantic, factor);
    const keywordBuildMs = await medianMs(factor >= 100 ? 1 : 3, () => buildKeyword(big.corpus));
    const keyword = buildKeyword(big.corpus);
    const json = serialiseKeywordIndex(keyword);
    const keywordLoadMs = await medianMs(factor >= 100 ? 1 : 3, () => loadKeywordIndex(json));
    const { ms: engineMs, value: engine } = await timed(() => createEngine(big.corpus, keyword, big.semantic));
    // The real pair sits first; the same engine data with only them listed is what comparing two reports costs.
    const pair = createEngine({ ...big.corpus, reports: big.corpus.reports.slice(0, corpus.reports.length) }, keyword, big.semantic);
    await evaluate({ corpus: big.corpus, engine: pair, embedder }, judgements); // warm-up
    const twoReports = (await evaluate({ corpus: big.corpus, engine: pair, embedder }, judgements)).map(({ mode, latency, all }) => ({ mode, latency, all }));
    const allReports = (await evaluate({ corpus: big.corpus, engine, embedder }, judgements.slice(0, ALL_REPORTS_QUESTIONS))).map(({ mode, latency }) => ({ mode, latency }));
    const { index } = big.semantic;
    figures.push({
      factor,
      reports: big.corpus.reports.length,
      chunks: big.corpus.chunks.length,
      keywordBuildMs,
      keywordLoadMs,
      engineMs,
      estimatedEmbedSeconds: (index.chunks.rows + index.sentences.rows) / textsPerSecond,
      bytes: {
        miniSearchJson: Buffer.byteLength(json),
        vectors: index.chunks.data.byteLength + index.sentences.data.byteLength,
        storedRecord: storedBytes(toStored(big.semantic, json, 'bench', 'bench', embedder.model.id, big.corpus.reports.map((r) => r.id))),
      },
      heapMb: heapAfterGc() / 1e6,
      twoReports,
      allReports,
    });
  }
  return figures;
}
