import { CORPUS_FORMAT_VERSION } from './corpus.ts';
import { hashString } from './hash.ts';
import { buildKeywordIndex } from './keyword.ts';
import { ReportIndex, type ReportSemantic } from './reportIndex.ts';
import { SearchEngine } from './search.ts';
import { THEMES } from './taxonomy.ts';
import { THEME_TUNING, assignThemes, themeNorms, type ThemeAssignment, type ThemeNorm } from './themes.ts';
import type { Chunk, Corpus, Report } from './types.ts';
import { SemanticIndex, splitSentences } from './semanticIndex.ts';
import { QuantisedMatrix, VectorMatrix, centroid } from './vectors.ts';

/** One unit vector per text, in order (Embedder.embed). */
export type EmbedFn = (texts: string[], kind: 'query' | 'passage') => Promise<Float32Array[]>;

export interface PassageWithParts {
  text: string;
  /** The passage's last words, in order, cut into parts (its sentences); what comes before them is context only. */
  parts: readonly string[];
}

export interface PassageVectors {
  whole: Float32Array;
  parts: Float32Array[];
}

/** What indexing needs of the embedding model; the Transformers.js adapter (embed/embedder.ts) provides it. */
export interface PassageEmbedder {
  embed: EmbedFn;
  /** Each passage's vector and its parts', the parts read in their passage (Embedder.embedWithParts). */
  embedWithParts(passages: readonly PassageWithParts[]): Promise<PassageVectors[]>;
}

/** The semantic indexes of a whole corpus, as the build makes them for the bundled reports (indexPack.ts). */
export interface SemanticIndexes {
  index: SemanticIndex;
  themeVectors: Float32Array[];
  assignments: ThemeAssignment[];
}

/**
 * What assigning themes to any report needs from the model: each theme's centroid and its yardstick, both taken from
 * the bundled reports, so every report's themes are measured alike (themes.ts, ThemeNorm).
 */
export interface ThemeReference {
  themeVectors: Float32Array[];
  norms: ThemeNorm[];
}

/** The corpus of the given reports, in order. */
export function corpusOf(parts: readonly { report: Report; chunks: readonly Chunk[] }[]): Corpus {
  return {
    formatVersion: CORPUS_FORMAT_VERSION,
    reports: parts.map((p) => p.report),
    chunks: parts.flatMap((p) => p.chunks),
  };
}

/** Each report of a corpus with its own chunks, in the corpus's order. */
export function partsOf(corpus: Corpus): { report: Report; chunks: Chunk[] }[] {
  return corpus.reports.map((report) => ({ report, chunks: corpus.chunks.filter((c) => c.reportId === report.id) }));
}

/**
 * The key of the bundled reports' pack (scripts/embed-corpus.ts writes it, the worker checks it): their corpus rebuilt
 * report by report, so the key does not depend on how corpus.json lays its fields out.
 */
export const packHash = (bundled: Corpus) => indexHash(corpusOf(partsOf(bundled)));

/** How embedPassages reads sentences: in the key of every index, so vectors made the earlier way are made again. */
const SENTENCES_READ = 'in their paragraph';

/**
 * Keys an index: everything it is built from (the text, how its sentences are read, the theme taxonomy and its
 * tuning), apart from the model.
 */
export function indexHash(corpus: Corpus): string {
  return hashString(JSON.stringify(corpus) + JSON.stringify({ SENTENCES_READ, THEMES, THEME_TUNING }));
}

/** The text a chunk is embedded from: its innermost heading gives a short paragraph its context. */
export function passageText(chunk: Chunk): string {
  const heading = chunk.sectionPath[chunk.sectionPath.length - 1] ?? '';
  return `${heading}. ${chunk.text}`;
}

export interface EmbedProgress {
  done: number;
  total: number;
}

/**
 * Paragraphs handed to the embedder per call. Few, so progress moves often and the worker can answer a search between
 * two calls. Calls hold paragraphs of like length, so that a model batch (BATCH_SIZE in embedder.ts) larger than one
 * would carry little padding.
 */
const PASSAGES_PER_CALL = 8;

/** Embeds every chunk and every sentence of it, each sentence read in its chunk. */
async function embedPassages(
  chunks: readonly Chunk[],
  model: PassageEmbedder,
  dim: number,
  onProgress?: (p: EmbedProgress) => void,
): Promise<SemanticIndex> {
  const passages = chunks.map((chunk) => ({ text: passageText(chunk), parts: splitSentences(chunk.text) }));
  // Calls of paragraphs of like length, so the model's batches carry little padding: a long paragraph beside a
  // short one pads the short one to its length. Each vector goes back to its paragraph's place.
  const order = passages.map((_, i) => i).sort((a, b) => passages[b]!.text.length - passages[a]!.text.length);
  const embedded = new Array<PassageVectors>(passages.length);
  onProgress?.({ done: 0, total: order.length });
  for (let i = 0; i < order.length; i += PASSAGES_PER_CALL) {
    const call = order.slice(i, i + PASSAGES_PER_CALL);
    const vectors = await model.embedWithParts(call.map((p) => passages[p]!));
    call.forEach((p, j) => (embedded[p] = vectors[j]!));
    onProgress?.({ done: Math.min(i + PASSAGES_PER_CALL, order.length), total: order.length });
  }
  const sentenceOwner = embedded.flatMap((e, i) => e.parts.map(() => i));
  return new SemanticIndex(
    VectorMatrix.fromRows(
      embedded.map((e) => e.whole),
      dim,
    ),
    VectorMatrix.fromRows(
      embedded.flatMap((e) => e.parts),
      dim,
    ),
    Int32Array.from(sentenceOwner),
  );
}

export async function embedThemes(embed: EmbedFn): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (const theme of THEMES) vectors.push(centroid(await embed(theme.seeds, 'passage')));
  return vectors;
}

/** Embeds a whole corpus and every theme, and assigns themes measured against the corpus itself (the build's reference). */
export async function buildSemanticIndexes(
  corpus: Corpus,
  model: PassageEmbedder,
  dim: number,
  onProgress?: (p: EmbedProgress) => void,
): Promise<SemanticIndexes> {
  const index = await embedPassages(corpus.chunks, model, dim, onProgress);
  const themeVectors = await embedThemes((texts, kind) => model.embed(texts, kind));
  const assignments = assignThemes(
    corpus.chunks,
    index.chunks,
    THEMES,
    themeVectors,
    themeNorms([index.chunks], themeVectors),
  );
  return { index, themeVectors, assignments };
}

/** The yardstick of the bundled reports' vectors: what every other report's themes are measured against. */
export function themeReference(bundled: readonly ReportSemantic[], themeVectors: Float32Array[]): ThemeReference {
  return {
    themeVectors,
    norms: themeNorms(
      bundled.map((b) => b.index.chunks),
      themeVectors,
    ),
  };
}

/** Embeds one report on its own and assigns its themes against the reference; its vectors are kept as int8. */
export async function embedReport(
  chunks: readonly Chunk[],
  model: PassageEmbedder,
  dim: number,
  reference: ThemeReference,
  onProgress?: (p: EmbedProgress) => void,
): Promise<ReportSemantic> {
  const index = await embedPassages(chunks, model, dim, onProgress);
  const assignments = assignThemes(chunks, index.chunks, THEMES, reference.themeVectors, reference.norms);
  return { index: quantised(index), assignments };
}

const quantised = (index: SemanticIndex) =>
  new SemanticIndex(QuantisedMatrix.of(index.chunks), QuantisedMatrix.of(index.sentences), index.sentenceOwner);

/** A corpus-wide index cut into each report's own, with the themes it assigned. */
export function splitByReport(corpus: Corpus, semantic: SemanticIndexes): Map<string, ReportSemantic> {
  const { index, assignments } = quantisedIndexes(semantic);
  const chunks = index.chunks as QuantisedMatrix;
  const sentences = index.sentences as QuantisedMatrix;
  const parts = new Map<string, ReportSemantic>();
  for (const report of corpus.reports) {
    const rows = corpus.chunks.flatMap((c, i) => (c.reportId === report.id ? [i] : []));
    const local = new Map(rows.map((row, i) => [row, i]));
    const sentenceRows: number[] = [];
    const owners: number[] = [];
    index.sentenceOwner.forEach((owner, s) => {
      const at = local.get(owner);
      if (at !== undefined) {
        sentenceRows.push(s);
        owners.push(at);
      }
    });
    parts.set(report.id, {
      index: new SemanticIndex(chunks.select(rows), sentences.select(sentenceRows), Int32Array.from(owners)),
      assignments: rows.map((row) => assignments[row]!),
    });
  }
  return parts;
}

const quantisedIndexes = (semantic: SemanticIndexes): SemanticIndexes => ({
  ...semantic,
  index: quantised(semantic.index),
});

export function buildReportIndex(report: Report, chunks: readonly Chunk[]): ReportIndex {
  return new ReportIndex(report, chunks, buildKeywordIndex(chunks));
}

/** Each report of a corpus indexed on its own, with its share of the corpus's vectors when there are any. */
export function reportIndexesOf(corpus: Corpus, semantic: SemanticIndexes | null): ReportIndex[] {
  const split = semantic ? splitByReport(corpus, semantic) : null;
  return partsOf(corpus).map(({ report, chunks }) => {
    const index = buildReportIndex(report, chunks);
    const own = split?.get(report.id);
    return own ? index.withSemantic(own) : index;
  });
}

/** A search engine over every report of a corpus: what the scripts measure. */
export function createEngine(corpus: Corpus, semantic: SemanticIndexes | null): SearchEngine {
  return new SearchEngine(reportIndexesOf(corpus, semantic));
}
