/**
 * A small typed adapter over the Transformers.js `feature-extraction` pipeline, shared by Node (scripts, tests) and
 * the browser worker. It never touches `env`: where models come from (local folder, remote hub, wasm paths) is the
 * caller's decision, made once per runtime in nodeEnv.ts or the worker.
 */
import { pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import type { PassageVectors, PassageWithParts } from '../core/buildIndexes.ts';
import type { ModelConfig } from './models.ts';
import { normalise } from '../core/vectors.ts';

export interface Embedder {
  readonly model: ModelConfig;
  readonly dim: number;
  /**
   * One L2-normalised vector per text, in order. A text with nothing to embed (empty or blank; with the GloVe
   * fallback, also only unknown words) gets the zero vector: it is similar to nothing, which is the honest answer.
   */
  embed(texts: string[], kind: 'query' | 'passage'): Promise<Float32Array[]>;
  /**
   * For each passage, its vector (as `embed` gives it) and one vector per part, from one run of the model over the
   * passage: a part's vector is the mean of the passage's token vectors over the part's own tokens, so each
   * sentence is read in its paragraph ("late chunking") and the paragraph's tokens are computed once, not twice.
   * A passage too long for one run, or whose parts are not its last words in order, has its parts embedded alone, as
   * has every passage of a model that pools its [CLS] token rather than the mean.
   */
  embedWithParts(passages: readonly PassageWithParts[]): Promise<PassageVectors[]>;
  /** Frees the inference session. */
  dispose(): Promise<void>;
}

/**
 * Texts per pipeline call. A batch is padded to its longest text, and a search waits for the batch under way; a
 * paragraph of a hundred tokens already keeps onnxruntime's kernels busy, so one a call embedded an added report
 * fastest in the browser (docs/performance.md).
 */
const BATCH_SIZE = 1;

/** Download progress, where there is a download, is reported by the runtime's fetch (modelFetch.ts). */
export async function loadEmbedder(config: ModelConfig): Promise<Embedder> {
  const extractor = await pipeline('feature-extraction', config.id, { dtype: config.dtype });
  const declared = (extractor.model.config as unknown as { hidden_size?: unknown }).hidden_size;
  const dim = config.dim ?? (typeof declared === 'number' ? declared : undefined);
  if (dim === undefined) throw new Error(`${config.id}: no dim in the config and no hidden_size in config.json`);
  return new PipelineEmbedder(config, dim, extractor);
}

/** Splits on whitespace only, so no character of the text is lost and every window is real text. */
export function splitIntoWindows(text: string, countTokens: (word: string) => number, budget: number): string[] {
  if (budget < 1) throw new Error(`window budget must be at least one token, got ${budget}`);
  const windows: string[] = [];
  let words: string[] = [];
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const cost = countTokens(word);
    // A single word longer than the budget gets a window of its own; the pipeline truncates only that word.
    if (words.length > 0 && used + cost > budget) {
      windows.push(words.join(' '));
      words = [];
      used = 0;
    }
    words.push(word);
    used += cost;
  }
  if (words.length > 0) windows.push(words.join(' '));
  return windows;
}

interface Window {
  /** Index of the text the window belongs to. */
  owner: number;
  input: string;
  /** Tokens of the text in the window: longer windows count for more in the text's average. */
  weight: number;
}

class PipelineEmbedder implements Embedder {
  constructor(
    readonly model: ModelConfig,
    readonly dim: number,
    private readonly extractor: FeatureExtractionPipeline,
  ) {}

  async embed(texts: string[], kind: 'query' | 'passage'): Promise<Float32Array[]> {
    const prefix = (kind === 'query' ? this.model.queryPrefix : this.model.passagePrefix) ?? '';
    const windows = texts.flatMap((text, owner) => this.windowsOf(text, prefix, owner));
    // Similar lengths in one batch means little padding; the order is restored through `owner`.
    windows.sort((a, b) => b.input.length - a.input.length);
    const sums = texts.map(() => new Float32Array(this.dim));
    for (let start = 0; start < windows.length; start += BATCH_SIZE) {
      const batch = windows.slice(start, start + BATCH_SIZE);
      const vectors = await this.run(batch.map((w) => w.input));
      batch.forEach((w, i) => addScaled(sums[w.owner]!, normalise(vectors[i]!), w.weight));
    }
    return sums.map(normalise);
  }

  async embedWithParts(passages: readonly PassageWithParts[]): Promise<PassageVectors[]> {
    const prefix = this.model.passagePrefix ?? '';
    const out = new Array<PassageVectors>(passages.length);
    const runs: { owner: number; input: string; length: number; spans: Span[] }[] = [];
    const alone: number[] = [];
    // A model that pools its [CLS] token has no span of tokens to pool a sentence from: its parts are embedded alone.
    const pooled = (this.model.pooling ?? 'mean') === 'mean';
    passages.forEach((passage, owner) => {
      const input = prefix + passage.text;
      const read = pooled ? this.partSpans(input, passage.parts) : null;
      if (read) runs.push({ owner, input, ...read });
      else alone.push(owner);
    });
    runs.sort((a, b) => b.length - a.length);
    for (let start = 0; start < runs.length; start += BATCH_SIZE) {
      const batch = runs.slice(start, start + BATCH_SIZE);
      const output = await this.extractor(
        batch.map((r) => r.input),
        { pooling: 'none', normalize: false },
      );
      const [rows, width, dim] = output.dims as [number, number, number];
      if (rows !== batch.length || dim !== this.dim)
        throw new Error(
          `${this.model.id}: expected ${batch.length}x?x${this.dim} token vectors, got ${output.dims.join('x')}`,
        );
      const data = output.data as Float32Array;
      batch.forEach((r, row) => {
        const mean = (from: number, to: number) => meanOfRows(data, (row * width + from) * dim, to - from, dim);
        out[r.owner] = { whole: mean(0, r.length), parts: r.spans.map(([from, to]) => mean(from, to)) };
      });
    }
    for (const owner of alone) {
      const { text, parts } = passages[owner]!;
      const [whole, ...rest] = await this.embed([text, ...parts], 'passage');
      out[owner] = { whole: whole!, parts: rest };
    }
    return out;
  }

  dispose(): Promise<void> {
    return this.extractor.dispose();
  }

  /**
   * Where each part's tokens are in the model's input for the whole passage, and the input's length in tokens; null
   * when the passage needs more than one window or its tokens do not end with its parts' (both read by the
   * tokenizer, which splits at spaces and punctuation, so a part's tokens are the same alone and in its passage).
   */
  private partSpans(input: string, parts: readonly string[]): { length: number; spans: Span[] } | null {
    const tokenizer = this.extractor.tokenizer;
    const ids = tokenizer.encode(input);
    if (ids.length > this.model.maxTokens) return null;
    const words = tokenizer.encode(input, { add_special_tokens: false });
    // The special tokens before the words ([CLS] for BERT), found rather than assumed.
    const lead = ids.findIndex((_, k) => words.every((id, i) => ids[k + i] === id));
    const partIds = parts.map((part) => tokenizer.encode(part, { add_special_tokens: false }));
    let at = lead + words.length - partIds.reduce((n, p) => n + p.length, 0);
    if (lead < 0 || at < lead) return null;
    const spans: Span[] = [];
    for (const p of partIds) {
      if (p.some((id, i) => id !== ids[at + i])) return null;
      spans.push([at, at + p.length]);
      at += p.length;
    }
    return { length: ids.length, spans };
  }

  /** The text as one input if it fits in maxTokens, else consecutive word windows that each fit, prefix included. */
  private windowsOf(text: string, prefix: string, owner: number): Window[] {
    if (text.trim() === '') return [];
    const tokenizer = this.extractor.tokenizer;
    const overhead = tokenizer.encode(prefix).length; // the prefix plus special tokens such as [CLS] and [SEP]
    const whole = tokenizer.encode(prefix + text).length;
    if (whole <= this.model.maxTokens) return [{ owner, input: prefix + text, weight: Math.max(1, whole - overhead) }];

    const cache = new Map<string, number>();
    const countTokens = (word: string): number => {
      let n = cache.get(word);
      if (n === undefined) {
        n = tokenizer.encode(word, { add_special_tokens: false }).length;
        cache.set(word, n);
      }
      return n;
    };
    return splitIntoWindows(text, countTokens, this.model.maxTokens - overhead).map((words) => ({
      owner,
      input: prefix + words,
      weight: Math.max(
        1,
        words.split(' ').reduce((sum, word) => sum + countTokens(word), 0),
      ),
    }));
  }

  /** Pooled, not yet normalised, vectors: normalising ourselves keeps all-unknown inputs at zero instead of NaN. */
  private async run(inputs: string[]): Promise<Float32Array[]> {
    const output = await this.extractor(inputs, { pooling: this.model.pooling ?? 'mean', normalize: false });
    const [rows, dim] = output.dims;
    if (rows !== inputs.length || dim !== this.dim) {
      throw new Error(`${this.model.id}: expected ${inputs.length}x${this.dim} vectors, got ${output.dims.join('x')}`);
    }
    const data = output.data as ArrayLike<number>;
    return Array.from({ length: rows }, (_, r) =>
      Float32Array.from({ length: dim }, (_, d) => Number(data[r * dim + d])),
    );
  }
}

/** [from, to) token positions of a part in its passage's input. */
type Span = [number, number];

/** The unit mean of `count` rows of `dim` floats starting at `offset`; zero when there are none. */
function meanOfRows(data: Float32Array, offset: number, count: number, dim: number): Float32Array {
  const sum = new Float32Array(dim);
  for (let r = 0; r < count; r++) for (let d = 0; d < dim; d++) sum[d] = sum[d]! + data[offset + r * dim + d]!;
  return normalise(sum);
}

function addScaled(target: Float32Array, v: Float32Array, scale: number): void {
  for (let i = 0; i < target.length; i++) target[i] = target[i]! + scale * v[i]!;
}
