/// <reference lib="webworker" />
/**
 * The model, in a worker of its own beside the search worker: building the tokenizer, creating onnxruntime's session
 * and embedding each paragraph of a report hold the thread they run on (docs/performance.md has the figures). Here,
 * none of them holds up an answer by exact words, which the search worker gives meanwhile.
 */
import { sameOriginFetch, siteBaseOf } from '../embed/sameOrigin.ts';
import type { ModelEvent, ModelRequest } from './modelProtocol.ts';
import { serveModel } from './modelServer.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// Before anything fetches: Transformers.js and onnxruntime call the global fetch too.
scope.fetch = sameOriginFetch(scope.fetch.bind(scope), scope.location.href, scope.location.origin);

const serve = serveModel(
  (event: ModelEvent) => scope.postMessage(event),
  async (siteBase, model, onProgress) => {
    const base = siteBaseOf(siteBase, scope.location.origin);
    const [{ configureBrowserEnv }, { loadEmbedder }] = await Promise.all([
      import('../embed/browserEnv.ts'),
      import('../embed/embedder.ts'),
    ]);
    configureBrowserEnv(base, onProgress);
    return loadEmbedder(model);
  },
);

scope.onmessage = (e: MessageEvent<ModelRequest>) => serve(e.data);
