/**
 * How cost grows with the number of reports in the library. The bundled pair is replicated synthetically: copy 0 is
 * the real pair, each further copy is every report again under a new report id and new chunk ids (as another
 * council's inspection would be), its vectors the real ones plus a little Gaussian noise, renormalised. Re-embedding
 * 22,000 paragraphs would measure the model, not the index; the noise keeps copies from tying exactly with the
 * originals. The copies reuse the originals' words, so each report's keyword index is the size it is today; real
 * reports would add words slowly (Heaps' law), which this understates.
 *
 * Each copy is a report of its own, as the worker keeps it (ReportIndex): a pair is searched with the pair's own
 * indexes whatever the library's size; "every report" with one keyword index shared by the library (LibraryKeywords)
 * and each report's vectors, so a report's own keyword index is made only when it is searched on its own.
 */
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deleteDB } from 'idb';
import { splitByReport, type SemanticIndexes } from '../../src/core/buildIndexes.ts';
import { LibraryKeywords, buildKeywordIndex, loadKeywordIndex, serialiseKeywordIndex } from '../../src/core/keyword.ts';
import { ReportIndex, type ReportSemantic } from '../../src/core/reportIndex.ts';
import { SearchEngine, type Mode } from '../../src/core/search.ts';
import { SemanticIndex } from '../../src/core/semanticIndex.ts';
import type { Corpus, Report } from '../../src/core/types.ts';
import { QuantisedMatrix, VectorMatrix, normalise, type Vectors } from '../../src/core/vectors.ts';
import type { Embedder } from '../../src/embed/embedder.ts';
import { IndexStore, type StoredReport } from '../../src/store/indexStore.ts';
import { textHashOf, toStoredKeyword, toStoredVectors } from '../../src/store/storedRecords.ts';
import type { Answer, Event } from '../../src/worker/protocol.ts';
import { SearchService, type ServiceDeps } from '../../src/worker/service.ts';
import { evaluate } from '../eval.ts';
import { root } from '../lib/engine.ts';
import type { JudgedQuestion, Scores } from '../lib/metrics.ts';
import { memoryAfterGc, medianMs, storedBytes, timed, type Latency } from './measure.ts';

/** Per-dimension noise: cosine to the original row stays about 0.98 for 384 dimensions. */
const NOISE = 0.02;
/** Questions timed when every report is ranked. */
const ALL_REPORTS_QUESTIONS = 12;

export interface ScaleFigures {
  factor: number;
  reports: number;
  chunks: number;
  /** Building and serialising every report's keyword index, one by one (what adding them did, once each). */
  keywordBuildMs: number;
  /** Parsing every report's stored MiniSearch JSON: what searching every report on its own would pay on a visit. */
  keywordLoadMs: number;
  /** Indexing every report's paragraphs in the library's shared keyword index: the first search of every report. */
  libraryKeywordBuildMs: number;
  /** Embedding every paragraph and sentence would take, at the rate measured in Node on the real corpus (not run). */
  estimatedEmbedSeconds: number;
  bytes: { miniSearchJson: number; vectors: number; storedRecords: number };
  /**
   * Heap and array buffers of the bench's whole process after a full collection, with every report's indexes held
   * and searched: the bench's own model, data and peers included (most of the figure at x1).
   */
  memoryMb: number;
  /**
   * What the worker's own code holds for the library: heap and array buffers a fresh service (as on a later visit)
   * added by opening on the stored library and answering one search of every report by keyword, after a full
   * collection. The model's memory, which only a browser shows, is not in it (`browser.tabMemoryMb`).
   */
  serviceMemoryMb: number;
  /** The real pair, as the app compares it, with the rest of the library around it. */
  twoReports: { mode: Mode; latency: Latency; all: Scores }[];
  /** Every report ranked at once (a search of the whole library). */
  allReports: { mode: Mode; latency: Latency }[];
  /**
   * The worker opening on a stored library (Node, fake-indexeddb): the catalogue and the pair's records read, the
   * first keyword answer sent; then the first search of every report, which reads every report's record and makes the
   * library's shared keyword index; then the same search on a later visit, which reads that index from storage.
   */
  open: { keywordAnswerMs: number; firstLibrarySearchMs: number; laterLibrarySearchMs: number };
}

/** Uniform in [0, 1), deterministic so runs are comparable: mulberry32. */
export function uniform(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal, deterministic: Box-Muller over mulberry32. */
function gaussian(seed: number): () => number {
  const next = uniform(seed);
  return () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

function noisy(m: Vectors, noise: () => number): QuantisedMatrix {
  const rows = Array.from({ length: m.rows }, (_, r) => normalise(m.row(r).map((x) => x + NOISE * noise())));
  return QuantisedMatrix.quantise(VectorMatrix.fromRows(rows, m.dim));
}

interface Copy {
  report: Report;
  index: ReportIndex;
}

/** The pair, then `copies - 1` more copies of it, each report with its own indexes. */
export function replicate(corpus: Corpus, semantic: SemanticIndexes, copies: number): Copy[] {
  const parts = splitByReport(corpus, semantic);
  const noise = gaussian(copies);
  const out: Copy[] = [];
  for (let c = 0; c < copies; c++) {
    const suffix = (id: string) => (c === 0 ? id : `${id}~${c}`);
    for (const original of corpus.reports) {
      const report = { ...original, id: suffix(original.id) };
      const chunks = corpus.chunks
        .filter((ch) => ch.reportId === original.id)
        .map((ch) => ({ ...ch, id: suffix(ch.id), reportId: report.id }));
      const own = parts.get(original.id)!;
      const vectors: ReportSemantic =
        c === 0
          ? own
          : {
              index: new SemanticIndex(
                noisy(own.index.chunks, noise),
                noisy(own.index.sentences, noise),
                own.index.sentenceOwner,
              ),
              assignments: own.assignments,
            };
      // As the worker reads a stored report: its own keyword index made only when it is searched on its own.
      out.push({
        report,
        index: new ReportIndex(report, chunks, () => buildKeywordIndex(chunks)).withSemantic(vectors),
      });
    }
  }
  return out;
}

/** Fills a fresh IndexedDB with the copies as added reports (and the pair's records), as a reader's library would be. */
async function storeLibrary(copies: Copy[], modelKey: string): Promise<void> {
  await deleteDB('inspection-compare');
  const store = await IndexStore.open();
  for (const { report, index } of copies) {
    const record = { ...toStoredKeyword(index), vectors: toStoredVectors(index.semantic!, modelKey) };
    if (!report.id.includes('~')) {
      await store.saveIndex(record);
      continue;
    }
    const stored: StoredReport = {
      id: report.id,
      report,
      chunks: [...index.chunks],
      method: 'numbered',
      contentHash: report.id,
      sourceName: `${report.id}.txt`,
      text: '',
      addedAt: Date.now(),
    };
    await store.addReport(stored, record);
  }
  store.close();
}

/** Memory added since `before`, with what it is measured for held while it is measured. */
function heldSinceMb(before: number, held: unknown): number {
  const now = memoryAfterGc();
  if (held === undefined) throw new Error('nothing to measure');
  return (now - before) / 1e6;
}

/** The worker's service opening on the stored library, timed to its first keyword answer and first library-wide one. */
async function timeOpening(): Promise<ScaleFigures['open'] & { serviceMemoryMb: number }> {
  const events: Event[] = [];
  const answered = (id: number) => events.some((e) => (e.type === 'answer' || e.type === 'error') && e.id === id);
  const deps: ServiceDeps = {
    fetchText: (path) => readFile(join(root, 'public', path), 'utf8'),
    fetchBytes: async (path) => new Uint8Array(await readFile(join(root, 'public', path))),
    openStore: () => IndexStore.open(),
    loadEmbedder: () => Promise.reject(new Error('not needed: keyword search only')),
    post: (e) => events.push(e),
    announceLibraryChange: () => {},
  };
  const service = new SearchService(deps);
  const started = performance.now();
  await service.handle({ type: 'init', siteBase: '' });
  // As the page opens: the default pair, then the search its address holds, about those reports.
  await service.handle({ type: 'open', id: 0, reports: null });
  const opened = events.find((e): e is Answer<'open'> => e.type === 'answer' && e.to === 'open');
  if (!opened) throw new Error('the service did not open the default pair');
  const reports = opened.reply.corpus.reports.map((r) => r.id);
  await service.handle({
    type: 'search',
    id: 1,
    search: { query: 'private fostering', mode: 'keyword', theme: null, k: 10, scope: 'selection', reports },
  });
  const keywordAnswerMs = performance.now() - started;
  const libraryStart = performance.now();
  await service.handle({
    type: 'search',
    id: 2,
    search: { query: 'private fostering', mode: 'keyword', theme: null, k: 3, scope: 'library', reports },
  });
  const firstLibrarySearchMs = performance.now() - libraryStart;
  if (!answered(1) || !answered(2)) throw new Error('the service did not answer');
  const failed = events.find((e) => e.type === 'error');
  if (failed) throw new Error(`the service failed: ${JSON.stringify(failed)}`);
  // The shared keyword index is saved after that answer; a later visit reads it instead of making it.
  const store = await IndexStore.open();
  while (!(await store.loadLibraryKeywords())) await new Promise((resolve) => setTimeout(resolve, 50));
  store.close();
  const before = memoryAfterGc();
  const later = new SearchService({ ...deps, post: () => {} });
  await later.handle({ type: 'init', siteBase: '' });
  const laterStart = performance.now();
  await later.handle({
    type: 'search',
    id: 3,
    search: { query: 'private fostering', mode: 'keyword', theme: null, k: 3, scope: 'library', reports },
  });
  const laterLibrarySearchMs = performance.now() - laterStart;
  const serviceMemoryMb = heldSinceMb(before, later);
  return { keywordAnswerMs, firstLibrarySearchMs, laterLibrarySearchMs, serviceMemoryMb };
}

export async function benchScale(
  corpus: Corpus,
  semantic: SemanticIndexes,
  embedder: Embedder,
  judgements: JudgedQuestion[],
  textsPerSecond: number,
  factors: number[],
): Promise<ScaleFigures[]> {
  const figures: ScaleFigures[] = [];
  for (const factor of factors) {
    const copies = replicate(corpus, semantic, factor);
    // Each report's own index, made and stored as adding the report does; held, as the worker holds stored records.
    const { ms: keywordBuildMs, value: jsons } = await timed(() =>
      copies.map((c) => serialiseKeywordIndex(buildKeywordIndex(c.index.chunks))),
    );
    const keywordLoadMs = await medianMs(factor >= 100 ? 1 : 3, () => jsons.map((j) => loadKeywordIndex(j)));
    const reports = copies.map((c) => c.index);
    // The real pair sits first; the app compares it with its own two indexes, whatever else the library holds.
    const pair = { corpus, engine: new SearchEngine(reports.slice(0, corpus.reports.length)), embedder };
    await evaluate(pair, judgements); // warm-up
    const twoReports = (await evaluate(pair, judgements)).map(({ mode, latency, all }) => ({ mode, latency, all }));
    // A search of every report, as the worker makes it: one keyword index shared by the library.
    const hashes = reports.map((r) => textHashOf(r.report, r.chunks));
    const { ms: libraryKeywordBuildMs, value: libraryKeywords } = await timed(() => {
      const shared = LibraryKeywords.empty();
      reports.forEach((r, i) => shared.add(r.report.id, r.chunks, hashes[i]!));
      return shared;
    });
    const everything = { corpus, engine: new SearchEngine(reports, undefined, libraryKeywords), embedder };
    const some = judgements.slice(0, ALL_REPORTS_QUESTIONS);
    await evaluate(everything, some.slice(0, 2)); // warm-up
    const allReports = (await evaluate(everything, some)).map(({ mode, latency }) => ({ mode, latency }));
    const memoryMb = memoryAfterGc() / 1e6;
    const modelKey = `${embedder.model.id}:scale-bench`;
    const records = copies.map((c, i) => ({
      keywordIndex: jsons[i]!,
      vectors: toStoredVectors(c.index.semantic!, modelKey),
    }));
    await storeLibrary(copies, modelKey);
    const { serviceMemoryMb, ...open } = await timeOpening();
    figures.push({
      factor,
      reports: reports.length,
      chunks: reports.reduce((n, r) => n + r.chunks.length, 0),
      keywordBuildMs,
      keywordLoadMs,
      libraryKeywordBuildMs,
      estimatedEmbedSeconds:
        reports.reduce((n, r) => n + r.semantic!.index.chunks.rows + r.semantic!.index.sentences.rows, 0) /
        textsPerSecond,
      bytes: {
        miniSearchJson: jsons.reduce((n, j) => n + Buffer.byteLength(j), 0),
        vectors: records.reduce((n, r) => n + r.vectors.chunkRows.byteLength + r.vectors.sentenceRows.byteLength, 0),
        storedRecords: records.reduce((n, r) => n + storedBytes(r), 0),
      },
      memoryMb,
      serviceMemoryMb,
      twoReports,
      allReports,
      open,
    });
  }
  await deleteDB('inspection-compare');
  return figures;
}
