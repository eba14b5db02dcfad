import type { PassageVectors } from '../core/buildIndexes.ts';
import type { Embedder } from '../embed/embedder.ts';
import type { ModelConfig } from '../embed/models.ts';
import type { FileProgress } from '../embed/modelFetch.ts';
import type { ModelEvent, ModelRequest } from './modelProtocol.ts';

/** The few parts of a Worker this needs, so that a test can stand in for the model worker's thread. */
export interface ModelThread {
  postMessage(request: ModelRequest): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ModelEvent>) => void): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
  terminate(): void;
}

type Waiting = { resolve: (vectors: never) => void; reject: (error: Error) => void };
/** A call to the model, before it is given its id. */
type Call =
  Exclude<ModelRequest, { type: 'load' }> extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/**
 * The model loaded in its own thread (model.worker.ts), as an Embedder: each call is a message, its answer matched
 * to it by id. Resolves once the model is ready; rejects, in the model worker's words, when it cannot be loaded, and
 * stops that thread. A thread that stops later (it crashed) fails every call still waiting and every later one, and
 * `onLost` hears why; after `dispose` nothing is heard.
 */
export function loadRemoteEmbedder(
  thread: ModelThread,
  siteBase: string,
  model: ModelConfig,
  onProgress: (p: FileProgress) => void,
  onLost: (message: string) => void,
): Promise<Embedder> {
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let stopped: Error | null = null;
  const ask = <T>(request: Call): Promise<T> => {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      thread.postMessage({ ...request, id });
    });
  };
  let ready = false;
  return new Promise<Embedder>((resolve, reject) => {
    const stop = (error: Error) => {
      if (stopped) return;
      stopped = error;
      thread.terminate();
      reject(error);
      for (const w of waiting.values()) w.reject(error);
      waiting.clear();
    };
    thread.addEventListener('error', (e) => {
      e.preventDefault();
      // A script that cannot be loaded gives an event with no message.
      const message = e.message || 'the model’s worker stopped';
      const lost = ready && !stopped;
      stop(new Error(message));
      if (lost) onLost(message);
    });
    thread.addEventListener('message', ({ data: event }) => {
      if (stopped) return;
      switch (event.type) {
        case 'progress':
          return onProgress(event.progress);
        case 'load-failed':
          return stop(new Error(event.message));
        case 'loaded':
          ready = true;
          return resolve({
            model,
            dim: event.dim,
            embed: (texts, kind) => ask<Float32Array[]>({ type: 'embed', texts, kind }),
            embedWithParts: (passages) => ask<PassageVectors[]>({ type: 'embed-with-parts', passages: [...passages] }),
            dispose: () => {
              stop(new Error('the model was released'));
              return Promise.resolve();
            },
          });
      }
      const call = waiting.get(event.id);
      if (!call) return;
      waiting.delete(event.id);
      if (event.type === 'failed') call.reject(new Error(event.message));
      else call.resolve(event.vectors as never);
    });
    thread.postMessage({ type: 'load', siteBase, model });
  });
}
