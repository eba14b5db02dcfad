/** Unit vectors packed row after row in one Float32Array: one allocation, cache-friendly scans, one stored record. */
export class VectorMatrix {
  readonly rows: number;

  constructor(
    readonly dim: number,
    readonly data: Float32Array,
  ) {
    if (dim <= 0 || data.length % dim !== 0) throw new Error(`vector data of length ${data.length} is not a whole number of ${dim}-dimensional rows`);
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

  /** Cosine similarity of every row with a unit query vector (rows are unit vectors, so a dot product). */
  similarities(query: Float32Array): Float32Array {
    if (query.length !== this.dim) throw new Error(`query has ${query.length} dimensions, expected ${this.dim}`);
    const out = new Float32Array(this.rows);
    const { data, dim } = this;
    for (let r = 0; r < this.rows; r++) {
      let dot = 0;
      const base = r * dim;
      for (let d = 0; d < dim; d++) dot += data[base + d]! * query[d]!;
      out[r] = dot;
    }
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
