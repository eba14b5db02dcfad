/**
 * Reads a safetensors file: an 8-byte little-endian header length, a JSON header naming each tensor's dtype, shape
 * and byte range, then the raw little-endian data. Only float32 tensors are returned as numbers; that is what the
 * BERT weights are, and anything else is refused by name rather than misread.
 */
export interface Tensor {
  shape: number[];
  data: Float32Array;
}

interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

export class SafeTensors {
  private readonly header: Record<string, HeaderEntry>;
  private readonly dataStart: number;

  constructor(private readonly bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = Number(view.getBigUint64(0, true));
    if (headerLength <= 0 || 8 + headerLength > bytes.byteLength)
      throw new Error('not a safetensors file: bad header length');
    const parsed = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Record<string, unknown>;
    delete parsed['__metadata__'];
    this.header = parsed as Record<string, HeaderEntry>;
    this.dataStart = 8 + headerLength;
  }

  names(): string[] {
    return Object.keys(this.header);
  }

  get(name: string): Tensor {
    const entry = this.header[name];
    if (!entry) throw new Error(`no tensor ${name}`);
    if (entry.dtype !== 'F32') throw new Error(`tensor ${name} is ${entry.dtype}, expected F32`);
    const [begin, end] = entry.data_offsets;
    const count = entry.shape.reduce((a, b) => a * b, 1);
    if (end - begin !== count * 4) throw new Error(`tensor ${name}: ${end - begin} bytes for ${count} floats`);
    const data = new Float32Array(count);
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.dataStart + begin, end - begin);
    for (let i = 0; i < count; i++) data[i] = view.getFloat32(i * 4, true);
    return { shape: entry.shape, data };
  }
}
