/** Unit vectors packed row after row in one Float32Array: one allocation, cache-friendly scans, one stored record. */
export class VectorMatrix implements Vectors {
  readonly rows: number;

  constructor(
    readonly dim: number,
    readonly data: Float32Array,
  ) {
    if (dim <= 0 || data.length % dim !== 0)
      throw new Error(`vector data of length ${data.length} is not a whole number of ${dim}-dimensional rows`);
    this.rows = data.length / dim;
  }

  static fromRows(rows: readonly Float32Array[], dim: number): VectorMatrix {
    const data = new Float32Array(rows.length * dim);
    rows.forEach((row, i) => {
      if (row.length !== dim) throw new Error(`row ${i} has ${row.length} dimensions, expected ${dim}`);
      data.set(row, i * dim);
    });
    return new VectorMatrix(dim, data);
  }

  row(i: number): Float32Array {
    return this.data.subarray(i * this.dim, (i + 1) * this.dim);
  }

  similarity(row: number, query: Float32Array): number {
    let dot = 0;
    for (let d = 0, base = row * this.dim; d < this.dim; d++) dot += this.data[base + d]! * query[d]!;
    return dot;
  }

  /** Cosine similarity of every row with a unit query vector (rows are unit vectors, so a dot product). */
  similarities(query: Float32Array): Float32Array {
    if (query.length !== this.dim) throw new Error(`query has ${query.length} dimensions, expected ${this.dim}`);
    const out = new Float32Array(this.rows);
    for (let r = 0; r < this.rows; r++) out[r] = this.similarity(r, query);
    return out;
  }
}

/** Mean of unit vectors, renormalised: the direction they share. */
export function centroid(vectors: readonly Float32Array[]): Float32Array {
  const dim = vectors[0]?.length ?? 0;
  const sum = new Float32Array(dim);
  for (const v of vectors) for (let d = 0; d < dim; d++) sum[d]! += v[d]!;
  return normalise(sum);
}

/** The unit vector along v; the zero vector when v has no direction (all zeros, or not finite). */
export function normalise(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (!(norm > 0) || !Number.isFinite(norm)) return new Float32Array(v.length);
  return v.map((x) => x / norm);
}

/** What semantic search needs of a set of unit vectors, whether held as floats or as int8. */
export interface Vectors {
  readonly rows: number;
  readonly dim: number;
  row(i: number): Float32Array;
  similarities(query: Float32Array): Float32Array;
  /** The cosine of one row with a unit query vector. */
  similarity(row: number, query: Float32Array): number;
}

/**
 * Unit vectors held as int8, each row scaled so its largest component is ±127, with the factor that makes it a unit
 * vector again: a quarter of float32's memory, which is what lets a worker hold a library of hundreds of reports. A
 * cosine moves by less than 1e-3 (indexPack.test.ts).
 */
export class QuantisedMatrix implements Vectors {
  readonly rows: number;

  constructor(
    readonly dim: number,
    readonly data: Int8Array,
    /** Per row: multiplying the int8 row by it gives the unit vector (0 for a zero row). */
    readonly scales: Float32Array,
  ) {
    if (dim <= 0 || data.length % dim !== 0 || data.length / dim !== scales.length)
      throw new Error(`int8 vector data of length ${data.length} does not hold ${scales.length} rows of ${dim}`);
    this.rows = scales.length;
  }

  /** Rounds unit (or zero) rows to int8. */
  static quantise(rows: Vectors): QuantisedMatrix {
    const { dim } = rows;
    const data = new Int8Array(rows.rows * dim);
    for (let r = 0; r < rows.rows; r++) {
      const row = rows.row(r);
      let max = 0;
      for (let d = 0; d < dim; d++) max = Math.max(max, Math.abs(row[d]!));
      if (max > 0) for (let d = 0; d < dim; d++) data[r * dim + d] = Math.round((row[d]! / max) * 127);
    }
    return QuantisedMatrix.fromInt8(dim, data);
  }

  /** Int8 rows as stored (a pack, an IndexedDB record): the scales are recomputed, so they need not be kept. */
  static fromInt8(dim: number, data: Int8Array): QuantisedMatrix {
    const rows = data.length / dim;
    const scales = new Float32Array(rows);
    for (let r = 0; r < rows; r++) {
      let norm = 0;
      for (let d = r * dim; d < (r + 1) * dim; d++) norm += data[d]! * data[d]!;
      scales[r] = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    }
    return new QuantisedMatrix(dim, data, scales);
  }

  /** Rows already held as int8 are kept as they are: rounding again would move them. */
  static of(rows: Vectors): QuantisedMatrix {
    return rows instanceof QuantisedMatrix ? rows : QuantisedMatrix.quantise(rows);
  }

  /** The given rows, in the given order, as a matrix of their own. */
  select(rows: readonly number[]): QuantisedMatrix {
    const { dim } = this;
    const data = new Int8Array(rows.length * dim);
    rows.forEach((r, i) => data.set(this.data.subarray(r * dim, (r + 1) * dim), i * dim));
    return new QuantisedMatrix(
      dim,
      data,
      Float32Array.from(rows, (r) => this.scales[r]!),
    );
  }

  row(i: number): Float32Array {
    const out = new Float32Array(this.dim);
    const scale = this.scales[i]!;
    for (let d = 0; d < this.dim; d++) out[d] = this.data[i * this.dim + d]! * scale;
    return out;
  }

  similarity(row: number, query: Float32Array): number {
    return dot4(this.data, row * this.dim, query) * this.scales[row]!;
  }

  similarities(query: Float32Array): Float32Array {
    if (query.length !== this.dim) throw new Error(`query has ${query.length} dimensions, expected ${this.dim}`);
    const out = new Float32Array(this.rows);
    const { data, dim, scales } = this;
    for (let r = 0; r < this.rows; r++) out[r] = dot4(data, r * dim, query) * scales[r]!;
    return out;
  }
}

/**
 * The dot product of an int8 row (at `base`) with a query, in four running sums: the scan over every report of a
 * library is the hot loop of a search of all of them, and independent sums let the CPU overlap the multiplications
 * (the scale figures of `npm run bench -- --scale`, docs/performance.md).
 */
function dot4(data: Int8Array, base: number, query: Float32Array): number {
  const dim = query.length;
  const tail = dim - (dim % 4);
  let a = 0;
  let b = 0;
  let c = 0;
  let e = 0;
  let d = 0;
  for (; d < tail; d += 4) {
    a += data[base + d]! * query[d]!;
    b += data[base + d + 1]! * query[d + 1]!;
    c += data[base + d + 2]! * query[d + 2]!;
    e += data[base + d + 3]! * query[d + 3]!;
  }
  for (; d < dim; d++) a += data[base + d]! * query[d]!;
  return a + b + c + e;
}
