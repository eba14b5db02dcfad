import { CORPUS_FORMAT_VERSION } from './corpus.ts';
import { hashString } from './hash.ts';
import { buildKeywordIndex, type KeywordIndex } from './keyword.ts';
import { SearchEngine } from './search.ts';
import { THEMES } from './taxonomy.ts';
import { THEME_TUNING, assignThemes, type ThemeAssignment } from './themes.ts';
import type { Chunk, Corpus, Report } from './types.ts';
import { SemanticIndex, splitSentences } from './semantic.ts';
import { VectorMatrix, centroid } from './vectors.ts';

/** What the embedding model must provide; the Transformers.js adapter satisfies it. */
export type EmbedFn = (texts: string[], kind: 'query' | 'passage') => Promise<Float32Array[]>;

export interface SemanticIndexes {
  index: SemanticIndex;
  themeVectors: Float32Array[];
  assignments: ThemeAssignment[];
}

/** The corpus of two reports compared side by side: the unit every index is built for. */
export function pairCorpus(left: { report: Report; chunks: Chunk[] }, right: { report: Report; chunks: Chunk[] }): Corpus {
  return { formatVersion: CORPUS_FORMAT_VERSION, reports: [left.report, right.report], chunks: [...left.chunks, ...right.chunks] };
}

/** Keys an index: everything it is built from (the text, the theme taxonomy and its tuning), apart from the model. */
export function indexHash(corpus: Corpus): string {
  return hashString(JSON.stringify(corpus) + JSON.stringify({ THEMES, THEME_TUNING }));
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

/** The passages an index embeds for a corpus, in its row order: every chunk, then every sentence with its chunk. */
function passagesOf(corpus: Corpus): { texts: string[]; sentenceOwner: number[] } {
  const sentenceOwner: number[] = [];
  const sentences: string[] = [];
  corpus.chunks.forEach((chunk, i) => {
    for (const sentence of splitSentences(chunk.text)) {
      sentences.push(sentence);
      sentenceOwner.push(i);
    }
  });
  return { texts: [...corpus.chunks.map(passageText), ...sentences], sentenceOwner };
}

/** Every passage vector of a built index by its text, so another index over some of the same text need not embed it again. */
export function vectorsByText(corpus: Corpus, semantic: SemanticIndexes): Map<string, Float32Array> {
  const { texts } = passagesOf(corpus);
  const { chunks, sentences } = semantic.index;
  if (texts.length !== chunks.rows + sentences.rows) throw new Error('the index was not built from this corpus');
  return new Map(texts.map((text, i) => [text, i < chunks.rows ? chunks.row(i) : sentences.row(i - chunks.rows)]));
}

/** An EmbedFn that embeds only the passages it has no vector for; the same model must have made the known ones. */
export function reusingKnownVectors(embed: EmbedFn, known: ReadonlyMap<string, Float32Array>): EmbedFn {
  return async (texts, kind) => {
    if (kind === 'query') return embed(texts, kind);
    const missing = [...new Set(texts.filter((t) => !known.has(t)))];
    const fresh = missing.length ? await embed(missing, kind) : [];
    const made = new Map(missing.map((t, i) => [t, fresh[i]!]));
    return texts.map((t) => known.get(t) ?? made.get(t)!);
  };
}

/**
 * Embeds every chunk, its sentences and every theme (unless the same model's theme vectors are given), then assigns
 * themes. Reports progress after each batch.
 */
export async function buildSemanticIndexes(
  corpus: Corpus,
  embed: EmbedFn,
  dim: number,
  onProgress?: (p: EmbedProgress) => void,
  knownThemeVectors?: Float32Array[],
): Promise<SemanticIndexes> {
  // One batch of the embedder at a time (see BATCH_SIZE in embedder.ts): progress moves often, and the worker can
  // answer a search between two of them.
  const batchSize = 8;
  const { texts, sentenceOwner } = passagesOf(corpus);
  const rows: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += batchSize) {
    rows.push(...(await embed(texts.slice(i, i + batchSize), 'passage')));
    onProgress?.({ done: rows.length, total: texts.length });
  }
  const n = corpus.chunks.length;
  const index = new SemanticIndex(VectorMatrix.fromRows(rows.slice(0, n), dim), VectorMatrix.fromRows(rows.slice(n), dim), Int32Array.from(sentenceOwner));
  const themeVectors = knownThemeVectors ?? (await embedThemes(embed));
  const assignments = assignThemes(corpus.chunks, index.chunks, THEMES, themeVectors);
  return { index, themeVectors, assignments };
}

async function embedThemes(embed: EmbedFn): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  for (const theme of THEMES) vectors.push(centroid(await embed(theme.seeds, 'passage')));
  return vectors;
}

export function buildKeyword(corpus: Corpus): KeywordIndex {
  return buildKeywordIndex(corpus.chunks);
}

export function createEngine(corpus: Corpus, keyword: KeywordIndex, semantic: SemanticIndexes | null): SearchEngine {
  return new SearchEngine(corpus, keyword, semantic?.index ?? null, semantic?.assignments ?? null);
}
