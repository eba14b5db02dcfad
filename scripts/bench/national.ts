/**
 * The national library of docs/national-library.md, simulated on the bench's synthetic library (scale.ts's copies of
 * the bundled pair, ×300: 600 reports, about 67,000 paragraphs): what a first visit downloads, what one search of every
 * report fetches, and how far the compact summary it ranks by agrees with today's exact scan.
 *
 * The shape measured: every paragraph's vector as a product-quantised code (48 bytes: 48 slices of 8 dimensions, each
 * the nearest of 256 centroids learnt from a sample), downloaded once and kept, scanned whole for each search; the
 * keyword side as word → reports postings cut into fragments by the word's first two letters, fetched for the words
 * of a search (as Pagefind fetches its word index); each report's own files (text, keyword index, full vectors)
 * fetched only for the reports a reader opens or a search shows.
 */
import { brotliCompressSync } from 'node:zlib';
import type { SemanticIndexes } from '../../src/core/buildIndexes.ts';
import { serialiseKeywordIndex } from '../../src/core/keyword.ts';
import { indexTerms } from '../../src/core/terms.ts';
import type { Corpus } from '../../src/core/types.ts';
import type { Embedder } from '../../src/embed/embedder.ts';
import { toStoredVectors } from '../../src/store/storedRecords.ts';
import type { JudgedQuestion } from '../lib/metrics.ts';
import { latencyOf, storedBytes, timed, type Latency } from './measure.ts';
import { replicate, uniform } from './scale.ts';

export const SLICES = 48;
const CENTROIDS = 256;
const TRAINING_ROWS = 8_192;
const ROUNDS = 8;
/** A report "discusses" a question when its closest paragraph is at least this close (search's strong match). */
const DISCUSSES = 0.5;
/** Reports a search of every report shows, whose paragraphs' text it fetches to show them. */
export const SHOWN = 5;
/**
 * A report whose closest coded paragraph is this close to DISCUSSES is decided exactly: its paragraphs' int8 vectors
 * are fetched and scanned, as today.
 */
const MARGIN = 0.06;

export interface NationalFigures {
  factor: number;
  reports: number;
  paragraphs: number;
  /** Downloaded once (beside the app and the model) and kept: the catalogue and the quantised paragraph vectors. */
  firstVisit: { catalogueBrotli: number; vectorCodes: number; codebooks: number };
  /**
   * Per search of every report: the word fragments its words need, the paragraph vectors of the reports too close to
   * call, and the text of the reports it shows (brotli where it compresses).
   */
  perSearch: { wordFragments: Latency; borderlineVectors: Latency; shownText: number };
  /** Opening one report: its text, keyword index and every vector, as today's library stores it (median report). */
  openReport: number;
  /** All word fragments together, and every report's own files, as a host stores them. */
  hosted: { wordFragmentsBrotli: number; reportFilesBrotli: number };
  /** Learning the centroids and coding every paragraph: the build's work when reports are added. */
  buildMs: { train: number; encode: number };
  /** Ranking every paragraph of the library by its code, per question. */
  scanMs: Latency;
  /**
   * Against the exact int8 scan of every paragraph: the error of a report's closest similarity by code, and how often
   * the reports said to discuss the question are the same, by code alone and with the borderline reports decided
   * exactly.
   */
  agreement: { meanAbsError: number; byCode: number; withBorderline: number };
}

/** Centroids [slice][centroid][dims] by k-means on the sample, one slice at a time. */
function train(sample: Float32Array[], dims: number): Float32Array[] {
  const next = uniform(SLICES);
  return Array.from({ length: SLICES }, (_, m) => {
    const at = m * dims;
    const centroids = new Float32Array(CENTROIDS * dims);
    for (let c = 0; c < CENTROIDS; c++)
      centroids.set(sample[Math.floor(next() * sample.length)]!.subarray(at, at + dims), c * dims);
    for (let round = 0; round < ROUNDS; round++) {
      const sums = new Float32Array(CENTROIDS * dims);
      const counts = new Uint32Array(CENTROIDS);
      for (const row of sample) {
        const c = nearest(row, at, centroids, dims);
        counts[c]!++;
        for (let d = 0; d < dims; d++) sums[c * dims + d]! += row[at + d]!;
      }
      for (let c = 0; c < CENTROIDS; c++)
        if (counts[c]) for (let d = 0; d < dims; d++) centroids[c * dims + d] = sums[c * dims + d]! / counts[c]!;
    }
    return centroids;
  });
}

function nearest(row: Float32Array, at: number, centroids: Float32Array, dims: number): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let c = 0; c < CENTROIDS; c++) {
    let distance = 0;
    for (let d = 0; d < dims; d++) {
      const diff = row[at + d]! - centroids[c * dims + d]!;
      distance += diff * diff;
    }
    if (distance < bestDistance) [best, bestDistance] = [c, distance];
  }
  return best;
}

/** Similarity of the query to every coded row: per slice, its dot product with each centroid, looked up. */
function scan(codes: Uint8Array, rows: number, books: Float32Array[], query: Float32Array, dims: number): Float32Array {
  const table = new Float32Array(SLICES * CENTROIDS);
  books.forEach((centroids, m) => {
    for (let c = 0; c < CENTROIDS; c++) {
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += centroids[c * dims + d]! * query[m * dims + d]!;
      table[m * CENTROIDS + c] = dot;
    }
  });
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let m = 0, base = r * SLICES; m < SLICES; m++) sum += table[m * CENTROIDS + codes[base + m]!]!;
    out[r] = sum;
  }
  return out;
}

const brotli = (text: string) => brotliCompressSync(Buffer.from(text)).byteLength;

export async function benchNational(
  corpus: Corpus,
  semantic: SemanticIndexes,
  embedder: Embedder,
  judgements: JudgedQuestion[],
  factor: number,
): Promise<NationalFigures> {
  const copies = replicate(corpus, semantic, factor);
  const dim = embedder.dim;
  if (dim % SLICES !== 0) throw new Error(`${embedder.model.id}: ${dim} dimensions do not cut into ${SLICES} slices`);
  const dims = dim / SLICES;
  const rows: Float32Array[] = [];
  const owner: number[] = [];
  copies.forEach((copy, report) => {
    const chunks = copy.index.semantic!.index.chunks;
    for (let r = 0; r < chunks.rows; r++) {
      rows.push(chunks.row(r));
      owner.push(report);
    }
  });

  const pick = uniform(TRAINING_ROWS);
  const sample = Array.from(
    { length: Math.min(TRAINING_ROWS, rows.length) },
    () => rows[Math.floor(pick() * rows.length)]!,
  );
  const { ms: trainMs, value: books } = await timed(() => train(sample, dims));
  const { ms: encodeMs, value: codes } = await timed(() => {
    const out = new Uint8Array(rows.length * SLICES);
    rows.forEach((row, r) =>
      books.forEach((centroids, m) => (out[r * SLICES + m] = nearest(row, m * dims, centroids, dims))),
    );
    return out;
  });

  // Word → reports postings, cut into fragments by the word's first two letters.
  const postings = new Map<string, Set<number>>();
  copies.forEach((copy, report) => {
    for (const chunk of copy.index.chunks)
      for (const term of indexTerms(chunk.text)) {
        let reports = postings.get(term);
        if (!reports) postings.set(term, (reports = new Set()));
        reports.add(report);
      }
  });
  const fragments = new Map<string, string[]>();
  for (const [term, reports] of postings) {
    const key = term.slice(0, 2);
    let lines = fragments.get(key);
    if (!lines) fragments.set(key, (lines = []));
    lines.push(`${term}:${[...reports].join(',')}`);
  }
  const fragmentBytes = new Map([...fragments].map(([key, lines]) => [key, brotli(lines.join('\n'))]));

  const texts = copies.map((copy) => brotli(JSON.stringify(copy.index.chunks)));
  const reportFiles = copies.map(
    (copy, i) =>
      texts[i]! +
      brotli(serialiseKeywordIndex(copy.index.keyword)) +
      storedBytes(toStoredVectors(copy.index.semantic!, 'national')),
  );
  const paragraphVectorBytes = (report: number) => copies[report]!.index.semantic!.index.chunks.rows * (dim + 4);

  const questions = judgements.slice(0, 12);
  const scanTimes: number[] = [];
  const wordBytes: number[] = [];
  const borderlineBytes: number[] = [];
  let errors = 0;
  let byCode = 0;
  let withBorderline = 0;
  const vectors = await embedder.embed(
    questions.map((q) => q.query),
    'query',
  );
  scan(codes, rows.length, books, vectors[0]!, dims); // warm-up: the first call runs before the JIT has compiled it
  for (const [i, q] of questions.entries()) {
    const vector = vectors[i];
    const started = performance.now();
    const approx = scan(codes, rows.length, books, vector!, dims);
    scanTimes.push(performance.now() - started);
    const bestApprox = new Float32Array(copies.length).fill(-Infinity);
    approx.forEach((s, r) => (bestApprox[owner[r]!] = Math.max(bestApprox[owner[r]!]!, s)));
    let fetched = 0;
    copies.forEach((copy, report) => {
      const exact = Math.max(...copy.index.semantic!.index.chunks.similarities(vector!));
      const coded = bestApprox[report]!;
      errors += Math.abs(exact - coded);
      if (exact >= DISCUSSES === coded >= DISCUSSES) byCode++;
      const borderline = Math.abs(coded - DISCUSSES) < MARGIN;
      if (borderline) fetched += paragraphVectorBytes(report);
      if (borderline || exact >= DISCUSSES === coded >= DISCUSSES) withBorderline++;
    });
    borderlineBytes.push(fetched);
    const keys = new Set(indexTerms(q.query).map((t) => t.slice(0, 2)));
    wordBytes.push([...keys].reduce((n, key) => n + (fragmentBytes.get(key) ?? 0), 0));
  }
  const judgedPairs = questions.length * copies.length;
  const catalogue = JSON.stringify(copies.map((c) => c.report));
  return {
    factor,
    reports: copies.length,
    paragraphs: rows.length,
    firstVisit: {
      catalogueBrotli: brotli(catalogue),
      vectorCodes: codes.byteLength,
      codebooks: SLICES * CENTROIDS * dims * 4,
    },
    perSearch: {
      wordFragments: latencyOf(wordBytes),
      borderlineVectors: latencyOf(borderlineBytes),
      shownText: [...texts]
        .sort((a, b) => b - a)
        .slice(0, SHOWN)
        .reduce((n, b) => n + b, 0),
    },
    openReport: [...reportFiles].sort((a, b) => a - b)[reportFiles.length >> 1]!,
    hosted: {
      wordFragmentsBrotli: [...fragmentBytes.values()].reduce((n, b) => n + b, 0),
      reportFilesBrotli: reportFiles.reduce((n, b) => n + b, 0),
    },
    buildMs: { train: trainMs, encode: encodeMs },
    scanMs: latencyOf(scanTimes),
    agreement: {
      meanAbsError: errors / judgedPairs,
      byCode: byCode / judgedPairs,
      withBorderline: withBorderline / judgedPairs,
    },
  };
}
