/**
 * Transformers.js set-up for the browser worker: the model and onnxruntime's wasm come from the site's own origin,
 * under an absolute path built from the page's address (any sub-path works), so the app works offline. Nothing is
 * fetched from a hub or CDN.
 */
import { env } from '@huggingface/transformers';
import { sitePath } from './sameOrigin.ts';
import { progressFetch, type FileProgress } from './modelFetch.ts';
// The plain SIMD build, which onnxruntime's wasm-only entry loads (vite.config.ts points Transformers.js at it).
import ortMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';

/**
 * `onProgress` hears every model file's bytes as they arrive, from whichever load is running. Throws, in words, when
 * the model could not be read from the site's own origin.
 */
export function configureBrowserEnv(siteBase: URL, onProgress: (p: FileProgress) => void): void {
  // A path, not a full URL: Transformers.js 4.3 probes tokenizer_config.json only for local paths that are not
  // URLs, and with a URL here it silently loads no tokenizer at all. An absolute path keeps the origin and sub-path.
  const modelPath = sitePath(siteBase, 'models/');
  env.allowRemoteModels = false;
  env.fetch = progressFetch(onProgress);
  env.allowLocalModels = true;
  // The service worker already keeps the model for offline use; a second copy in Cache Storage would double it.
  env.useBrowserCache = false;
  // Otherwise Transformers.js fetches the wasm into an ArrayBuffer for onnxruntime, which then compiles it anew on
  // every visit and runs its first calls in baseline code. Left to onnxruntime, the wasm is compiled while it
  // streams in (WebAssembly.instantiateStreaming), and Chrome keeps the optimised code for the next visit.
  env.useWasmCache = false;
  env.localModelPath = modelPath;
  // Set fields, never replace the object: Transformers.js 4 keeps its own reference to it.
  const wasm = env.backends.onnx.wasm!;
  wasm.wasmPaths = { wasm: new URL(ortWasm, self.location.href).href, mjs: new URL(ortMjs, self.location.href).href };
  // Threads need SharedArrayBuffer, which only a cross-origin isolated page has (COOP and COEP headers: `npm start`
  // sends them, GitHub Pages cannot). Elsewhere the single-threaded path, which always works.
  wasm.numThreads = self.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
}
