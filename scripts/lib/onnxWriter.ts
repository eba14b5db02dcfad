/**
 * Writes the ONNX graph of a word-embedding "model": a lookup table behind the same interface as a BERT encoder
 * (`input_ids`, `attention_mask` -> `last_hidden_state`), so the stock Transformers.js feature-extraction pipeline
 * runs it and does the pooling. Only the q8 flavour is written, because that is all the app ships.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;

/** Opset 13 is old enough for every onnxruntime build Transformers.js ships and has all four operators we use. */
const OPSET = 13;
/** IR version 8 is the newest this copy of the ONNX schema (onnx 1.10) describes; onnxruntime accepts it. */
const IR_VERSION = 8;

export interface QuantizedTable {
  /** Row-major int8 codes, `rows * dim` long. */
  codes: Int8Array;
  /** One float per row: value = code * scale. */
  scales: Float32Array;
  rows: number;
  dim: number;
}

/** Symmetric int8 codes with one scale per row (per output channel, for a weight stored [out, in]). */
export function quantizeRows(table: Float32Array, rows: number, dim: number): QuantizedTable {
  const codes = new Int8Array(rows * dim);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let maxAbs = 0;
    for (let d = 0; d < dim; d++) maxAbs = Math.max(maxAbs, Math.abs(table[r * dim + d]!));
    const scale = maxAbs / 127;
    scales[r] = scale;
    if (scale === 0) continue; // an all-zero row (padding, unknown) stays zero
    for (let d = 0; d < dim; d++) codes[r * dim + d] = Math.round(table[r * dim + d]! / scale);
  }
  return { codes, scales, rows, dim };
}

/**
 * The graph: `Gather` the int8 row and its scale for every token id, `Cast` the row to float, multiply by the scale,
 * then by the attention mask so padding contributes nothing, even if a padding id ever had a non-zero row.
 */
export function encodeQuantizedEmbeddingModel(table: QuantizedTable, producer: string): Uint8Array {
  const { rows, dim } = table;
  if (table.codes.length !== rows * dim)
    throw new Error(`table has ${table.codes.length} codes, expected ${rows * dim}`);
  if (table.scales.length !== rows) throw new Error(`table has ${table.scales.length} scales, expected ${rows}`);

  const tokenDims = [{ dimParam: 'batch_size' }, { dimParam: 'sequence_length' }];
  const graph = onnx.GraphProto.create({
    name: 'word_embedding_q8',
    initializer: [
      tensor('table_codes', DataType.INT8, [rows, dim], int8Bytes(table.codes)),
      tensor('table_scales', DataType.FLOAT, [rows, 1], float32LittleEndian(table.scales)),
      tensor('last_axis', DataType.INT64, [1], int64LittleEndian([-1])),
    ],
    input: [valueInfo('input_ids', DataType.INT64, tokenDims), valueInfo('attention_mask', DataType.INT64, tokenDims)],
    output: [valueInfo('last_hidden_state', DataType.FLOAT, [...tokenDims, { dimValue: dim }])],
    node: [
      node('Gather', ['table_codes', 'input_ids'], ['codes']),
      node('Cast', ['codes'], ['codes_float'], [intAttr('to', DataType.FLOAT)]),
      node('Gather', ['table_scales', 'input_ids'], ['scales']),
      node('Mul', ['codes_float', 'scales'], ['vectors']),
      node('Cast', ['attention_mask'], ['mask_float'], [intAttr('to', DataType.FLOAT)]),
      node('Unsqueeze', ['mask_float', 'last_axis'], ['mask_column']),
      node('Mul', ['vectors', 'mask_column'], ['last_hidden_state']),
    ],
  });
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: producer,
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

export function tensor(
  name: string,
  dataType: number,
  dims: number[],
  rawData: Uint8Array,
): onnxProto.onnx.ITensorProto {
  return { name, dataType, dims, rawData };
}

export function valueInfo(
  name: string,
  elemType: number,
  dim: onnxProto.onnx.TensorShapeProto.IDimension[],
): onnxProto.onnx.IValueInfoProto {
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

export function node(
  opType: string,
  input: string[],
  output: string[],
  attribute: onnxProto.onnx.IAttributeProto[] = [],
): onnxProto.onnx.INodeProto {
  return { opType, input, output, name: `${opType}_${output[0]}`, attribute };
}

const { AttributeType } = onnx.AttributeProto;
export const intAttr = (name: string, i: number): onnxProto.onnx.IAttributeProto => ({
  name,
  type: AttributeType.INT,
  i,
});
export const floatAttr = (name: string, f: number): onnxProto.onnx.IAttributeProto => ({
  name,
  type: AttributeType.FLOAT,
  f,
});
export const intsAttr = (name: string, ints: number[]): onnxProto.onnx.IAttributeProto => ({
  name,
  type: AttributeType.INTS,
  ints,
});

export function int8Bytes(values: Int8Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

/** ONNX raw data is little-endian whatever the machine; DataView makes that explicit. */
export function float32LittleEndian(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}

export function int64LittleEndian(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
  return bytes;
}
