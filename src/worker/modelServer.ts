import type { Embedder } from '../embed/embedder.ts';
import type { ModelConfig } from '../embed/models.ts';
import type { FileProgress } from '../embed/modelFetch.ts';
import { messageOf } from './errors.ts';
import type { ModelEvent, ModelRequest } from './modelProtocol.ts';

/**
 * The model worker's side of modelProtocol.ts: loads the model when asked, then answers each call with its id. Calls
 * before the load has ended wait for it; a failed load fails them, in its words.
 */
export function serveModel(
  post: (event: ModelEvent) => void,
  load: (siteBase: string, model: ModelConfig, onProgress: (p: FileProgress) => void) => Promise<Embedder>,
): (request: ModelRequest) => void {
  let loaded: Promise<Embedder> | null = null;
  return (request) => {
    if (request.type === 'load') {
      loaded = load(request.siteBase, request.model, (progress) => post({ type: 'progress', progress }));
      loaded.then(
        (embedder) => post({ type: 'loaded', dim: embedder.dim }),
        (error: unknown) => post({ type: 'load-failed', message: messageOf(error) }),
      );
      return;
    }
    const { id } = request;
    if (!loaded) return post({ type: 'failed', id, message: 'the model was not loaded' });
    loaded
      .then(async (embedder) => {
        if (request.type === 'embed')
          post({ type: 'embedded', id, vectors: await embedder.embed(request.texts, request.kind) });
        else post({ type: 'embedded-with-parts', id, vectors: await embedder.embedWithParts(request.passages) });
      })
      .catch((error: unknown) => post({ type: 'failed', id, message: messageOf(error) }));
  };
}
