/**
 * Writes a BERT encoder from its float32 weights (as a Hugging Face `BertModel` names them in safetensors) as an int8
 * ONNX graph with the interface Transformers.js reads: `input_ids`, `attention_mask`, `token_type_ids` (int64) in,
 * `last_hidden_state` [batch, sequence, hidden] out. Pooling stays the pipeline's job.
 *
 * Each dense layer multiplies integers: its weight is stored as int8 with one scale per output channel, and its input
 * is rounded to 8 bits per token (each token's largest magnitude to 127) in the graph, so onnxruntime runs its
 * integer kernel (`MatMulInteger`), which in the browser's wasm does the work of a float `MatMul` in about 0.6 of the
 * time (docs/model.md, "Integer arithmetic"); the int32 result is scaled back to float. Rounding per token, not per
 * tensor (`DynamicQuantizeLinear`), keeps the vectors within cosine 0.995 of the float model
 * (tests/unit/bertModel.test.ts).
 * The word-embedding table is int8 with one scale per row, gathered before it is scaled. Position and token-type
 * embeddings, biases and LayerNorm parameters are small and stay float32.
 */
import onnxProto from 'onnx-proto';
import {
  floatAttr,
  float32LittleEndian,
  int64LittleEndian,
  int8Bytes,
  intAttr,
  intsAttr,
  node,
  quantizeRows,
  tensor,
  valueInfo,
} from './onnxWriter.ts';
import type { Tensor } from './safetensors.ts';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;

/** LayerNormalization is an ONNX operator from opset 17; every onnxruntime build Transformers.js 4 ships runs it. */
const OPSET = 17;
const IR_VERSION = 8;

export interface BertConfig {
  hidden_size: number;
  num_hidden_layers: number;
  num_attention_heads: number;
  intermediate_size: number;
  layer_norm_eps: number;
  hidden_act: string;
}

type Weights = (name: string) => Tensor;

/** Names of the constants of the per-token rounding (Builder.perToken), added once per graph by encodeBertModel. */
const ACTIVATION_ZERO = 'activation_zero_point';
const ZERO_AS_FLOAT = 'activation_zero_point_float';
const STEPS = 'activation_steps';
const TINY = 'activation_tiny';

/** Graph under construction: initializers and nodes in order, with fresh value names. */
class Builder {
  readonly initializer: onnxProto.onnx.ITensorProto[] = [];
  readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private count = 0;

  constant(name: string, dataType: number, dims: number[], raw: Uint8Array): string {
    this.initializer.push(tensor(name, dataType, dims, raw));
    return name;
  }

  float(name: string, t: Tensor): string {
    return this.constant(name, DataType.FLOAT, t.shape, float32LittleEndian(t.data));
  }

  op(opType: string, inputs: string[], attributes: onnxProto.onnx.IAttributeProto[] = [], output?: string): string {
    const out = output ?? `${opType.toLowerCase()}_${this.count++}`;
    this.nodes.push(node(opType, inputs, [out], attributes));
    return out;
  }

  /** y = x W^T + b for a torch Linear weight [out, in], with W as int8 per output channel and x as 8 bits per token. */
  dense(x: string, prefix: string, weights: Weights): string {
    const w = weights(`${prefix}.weight`);
    const [outDim, inDim] = w.shape as [number, number];
    const q = quantizeRows(w.data, outDim, inDim);
    // MatMulInteger wants [in, out]: transpose the codes; each column then shares its output channel's scale.
    const transposed = new Int8Array(inDim * outDim);
    for (let o = 0; o < outDim; o++)
      for (let i = 0; i < inDim; i++) transposed[i * outDim + o] = q.codes[o * inDim + i]!;
    const codes = this.constant(`${prefix}.weight_int8`, DataType.INT8, [inDim, outDim], int8Bytes(transposed));
    const scales = this.constant(`${prefix}.weight_scale`, DataType.FLOAT, [outDim], float32LittleEndian(q.scales));
    const { codes: xCodes, scale: xScale } = this.perToken(x);
    const product = this.op('MatMulInteger', [xCodes, codes, ACTIVATION_ZERO]);
    const y = this.op('Mul', [
      this.op('Mul', [this.op('Cast', [product], [intAttr('to', DataType.FLOAT)]), xScale]),
      scales,
    ]);
    return this.op('Add', [y, this.float(`${prefix}.bias`, weights(`${prefix}.bias`))]);
  }

  /**
   * x [..., in] as uint8 codes around ACTIVATION_ZERO, with each token's scale [..., 1]: its largest magnitude maps to
   * 127, so x = (codes - 128) * scale to within half a step.
   */
  private perToken(x: string): { codes: string; scale: string } {
    const largest = this.op('ReduceMax', [this.op('Abs', [x])], [intsAttr('axes', [-1]), intAttr('keepdims', 1)]);
    const bounded = this.op('Max', [largest, TINY]);
    const scale = this.op('Div', [bounded, STEPS]);
    // Multiplying by the reciprocal: a division per element costs several multiplications.
    const centred = this.op('Add', [
      this.op('Round', [this.op('Mul', [x, this.op('Div', [STEPS, bounded])])]),
      ZERO_AS_FLOAT,
    ]);
    return { codes: this.op('Cast', [centred], [intAttr('to', DataType.UINT8)]), scale };
  }

  layerNorm(x: string, prefix: string, weights: Weights, eps: number): string {
    return this.op(
      'LayerNormalization',
      [
        x,
        this.float(`${prefix}.weight`, weights(`${prefix}.weight`)),
        this.float(`${prefix}.bias`, weights(`${prefix}.bias`)),
      ],
      [intAttr('axis', -1), floatAttr('epsilon', eps)],
    );
  }
}

export function encodeBertModel(config: BertConfig, weights: Weights, producer: string): Uint8Array {
  if (config.hidden_act !== 'gelu')
    throw new Error(`hidden_act ${config.hidden_act} is not supported (only exact gelu)`);
  const hidden = config.hidden_size;
  const heads = config.num_attention_heads;
  const headDim = hidden / heads;
  if (!Number.isInteger(headDim)) throw new Error(`hidden size ${hidden} is not divisible by ${heads} heads`);
  const g = new Builder();
  const i64 = (name: string, values: number[]) =>
    g.constant(name, DataType.INT64, [values.length], int64LittleEndian(values));
  const f32 = (name: string, value: number) =>
    g.constant(name, DataType.FLOAT, [], float32LittleEndian(Float32Array.of(value)));

  g.constant(ACTIVATION_ZERO, DataType.UINT8, [], Uint8Array.of(128));
  f32(ZERO_AS_FLOAT, 128);
  f32(STEPS, 127);
  // An all-zero token (none in practice) keeps a scale, so it rounds to zero rather than to NaN.
  f32(TINY, 1e-12);
  // Embeddings: int8 word rows times their scale, plus positions 0..S-1 and token types, then LayerNorm.
  const word = weights('embeddings.word_embeddings.weight');
  const [vocab] = word.shape as [number, number];
  const table = quantizeRows(word.data, vocab, hidden);
  const codes = g.constant('word_embeddings_int8', DataType.INT8, [vocab, hidden], int8Bytes(table.codes));
  const rowScales = g.constant('word_embeddings_scale', DataType.FLOAT, [vocab, 1], float32LittleEndian(table.scales));
  const words = g.op('Mul', [
    g.op('Cast', [g.op('Gather', [codes, 'input_ids'])], [intAttr('to', DataType.FLOAT)]),
    g.op('Gather', [rowScales, 'input_ids']),
  ]);
  const sequenceLength = g.op(
    'Gather',
    [g.op('Shape', ['input_ids']), g.constant('one_scalar', DataType.INT64, [], int64LittleEndian([1]))],
    [intAttr('axis', 0)],
  );
  const positionIds = g.op('Range', [
    g.constant('zero_scalar', DataType.INT64, [], int64LittleEndian([0])),
    sequenceLength,
    'one_scalar',
  ]);
  const positions = g.op('Gather', [
    g.float('position_embeddings', weights('embeddings.position_embeddings.weight')),
    positionIds,
  ]);
  const types = g.op('Gather', [
    g.float('token_type_embeddings', weights('embeddings.token_type_embeddings.weight')),
    'token_type_ids',
  ]);
  let x = g.layerNorm(
    g.op('Add', [g.op('Add', [words, positions]), types]),
    'embeddings.LayerNorm',
    weights,
    config.layer_norm_eps,
  );

  // Additive attention mask [batch, 1, 1, S]: 0 where attended, -10000 on padding, as BERT was trained.
  const maskFloat = g.op('Cast', ['attention_mask'], [intAttr('to', DataType.FLOAT)]);
  const maskBias = g.op('Mul', [g.op('Sub', [f32('one', 1), maskFloat]), f32('mask_fill', -10000)]);
  const mask = g.op('Unsqueeze', [maskBias, i64('mask_axes', [1, 2])]);
  const splitHeads = i64('split_heads_shape', [0, 0, heads, headDim]);
  const mergeHeads = i64('merge_heads_shape', [0, 0, hidden]);
  const scale = f32('attention_scale', 1 / Math.sqrt(headDim));
  const sqrtHalf = f32('sqrt_half', Math.SQRT1_2);
  const half = f32('half', 0.5);

  for (let l = 0; l < config.num_hidden_layers; l++) {
    const p = `encoder.layer.${l}`;
    const heads4d = (t: string, perm: number[]) =>
      g.op('Transpose', [g.op('Reshape', [t, splitHeads])], [intsAttr('perm', perm)]);
    const q = heads4d(g.dense(x, `${p}.attention.self.query`, weights), [0, 2, 1, 3]);
    const k = heads4d(g.dense(x, `${p}.attention.self.key`, weights), [0, 2, 3, 1]);
    const v = heads4d(g.dense(x, `${p}.attention.self.value`, weights), [0, 2, 1, 3]);
    const scores = g.op('Add', [g.op('Mul', [g.op('MatMul', [q, k]), scale]), mask]);
    const context = g.op('MatMul', [g.op('Softmax', [scores], [intAttr('axis', -1)]), v]);
    const merged = g.op('Reshape', [g.op('Transpose', [context], [intsAttr('perm', [0, 2, 1, 3])]), mergeHeads]);
    const attention = g.layerNorm(
      g.op('Add', [g.dense(merged, `${p}.attention.output.dense`, weights), x]),
      `${p}.attention.output.LayerNorm`,
      weights,
      config.layer_norm_eps,
    );
    const h = g.dense(attention, `${p}.intermediate.dense`, weights);
    // Exact GELU: 0.5 h (1 + erf(h / sqrt 2)).
    const gelu = g.op('Mul', [g.op('Mul', [h, half]), g.op('Add', [g.op('Erf', [g.op('Mul', [h, sqrtHalf])]), 'one'])]);
    const out = g.dense(gelu, `${p}.output.dense`, weights);
    x = g.layerNorm(g.op('Add', [out, attention]), `${p}.output.LayerNorm`, weights, config.layer_norm_eps);
  }
  g.op('Identity', [x], [], 'last_hidden_state');

  const tokenDims = [{ dimParam: 'batch_size' }, { dimParam: 'sequence_length' }];
  const graph = onnx.GraphProto.create({
    name: 'bert_int8',
    initializer: g.initializer,
    input: ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => valueInfo(name, DataType.INT64, tokenDims)),
    output: [valueInfo('last_hidden_state', DataType.FLOAT, [...tokenDims, { dimValue: hidden }])],
    node: g.nodes,
  });
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: producer,
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}
