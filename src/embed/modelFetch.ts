/**
 * The fetch Transformers.js uses for model files in the browser: it reads each body whole, reporting the bytes as
 * they arrive, and hands Transformers.js a response whose Content-Length is the size of the body it holds.
 *
 * Why: a host that compresses (gzip or brotli, e.g. nginx `gzip_static`, object stores with precompressed files)
 * sends the Content-Length of the encoded bytes, while fetch yields decoded bytes. Transformers.js trusts that
 * header to size its buffer and its progress, so on such hosts the load stalled at "0.9 of 0.9 MB". Reading the
 * body here also spares Transformers.js its own progress probes (a Range request per file, which hosts that ignore
 * Range answer with the whole file).
 */

export interface FileProgress {
  /** The file's name, the last part of its URL path. */
  file: string;
  /** Decoded bytes read so far. */
  loaded: number;
  /** The decoded size when the response says it (no Content-Encoding), else 0: unknown. */
  total: number;
}

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export function progressFetch(onProgress: (p: FileProgress) => void, fetchImpl: Fetch = fetch): Fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (!response.ok || !response.body) return response;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const file = new URL(url, 'http://x/').pathname.split('/').pop() ?? url;
    const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
    const declared = Number(response.headers.get('content-length'));
    const total = !encoded && Number.isFinite(declared) ? declared : 0;
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    const reader = response.body.getReader();
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      chunks.push(part.value);
      loaded += part.value.length;
      onProgress({ file, loaded, total });
    }
    const body = new Uint8Array(loaded);
    let at = 0;
    for (const chunk of chunks) {
      body.set(chunk, at);
      at += chunk.length;
    }
    const headers = new Headers(response.headers);
    headers.delete('content-encoding');
    headers.set('content-length', String(loaded));
    return new Response(body, { status: response.status, statusText: response.statusText, headers });
  };
}
