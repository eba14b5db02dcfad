/**
 * The model in a thread of its own: the search worker's side (loadRemoteEmbedder) and the model worker's
 * (serveModel), joined by a real MessageChannel, so every request and answer is structured-cloned as between
 * workers, with the real model through the real Transformers.js pipeline on the far side.
 */
import { join, resolve } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileProgress } from '../../src/embed/modelFetch.ts';
import { type Embedder, loadEmbedder } from '../../src/embed/embedder.ts';
import { DEFAULT_MODEL, type ModelConfig } from '../../src/embed/models.ts';
import { configureNodeEnv } from '../../src/embed/nodeEnv.ts';
import type { ModelEvent, ModelRequest } from '../../src/worker/modelProtocol.ts';
import { serveModel } from '../../src/worker/modelServer.ts';
import { loadRemoteEmbedder, type ModelThread } from '../../src/worker/remoteEmbedder.ts';

const modelsDir = join(resolve(import.meta.dirname, '../..'), 'public/models');

type Load = (siteBase: string, model: ModelConfig, onProgress: (p: FileProgress) => void) => Promise<Embedder>;

/** The two ends of a model worker, in this thread: `thread` is what the search worker holds. */
function modelThread(load: Load): { thread: ModelThread; stopped: () => boolean; crash: (message: string) => void } {
  const { port1, port2 } = new MessageChannel();
  const serve = serveModel((event) => port2.postMessage(event), load);
  port2.on('message', (request: ModelRequest) => serve(request));
  const errors: ((e: ErrorEvent) => void)[] = [];
  let terminated = false;
  const thread: ModelThread = {
    postMessage: (request) => port1.postMessage(request),
    addEventListener: (type: 'message' | 'error', listener: (e: never) => void) => {
      if (type === 'error') errors.push(listener as (e: ErrorEvent) => void);
      else port1.on('message', (data: ModelEvent) => listener({ data } as never));
    },
    terminate: () => {
      terminated = true;
      port1.close();
    },
  };
  const crash = (message: string) => {
    for (const listener of errors) listener({ message, preventDefault: () => {} } as ErrorEvent);
  };
  return { thread, stopped: () => terminated, crash };
}

let local: Embedder;

beforeAll(async () => {
  configureNodeEnv(modelsDir);
  local = await loadEmbedder(DEFAULT_MODEL);
});

afterAll(async () => {
  await local?.dispose();
});

/** The model loaded once for the file: the far side hands out the same one each time (its thread is this one). */
const theModel: Load = () => Promise.resolve(local);

describe('loadRemoteEmbedder', () => {
  it('embeds through the model worker what the model embeds in place, passages with their parts too', async () => {
    const heard: [string, ModelConfig][] = [];
    const { thread, stopped } = modelThread((siteBase, model, onProgress) => {
      onProgress({ file: 'model_quantized.onnx', loaded: 1, total: 2 });
      heard.push([siteBase, model]);
      return Promise.resolve(local);
    });
    const progress: FileProgress[] = [];
    const lost: string[] = [];
    const remote = await loadRemoteEmbedder(
      thread,
      'https://site.example/app/',
      DEFAULT_MODEL,
      (p) => progress.push(p),
      (message) => lost.push(message),
    );
    try {
      expect(heard).toEqual([['https://site.example/app/', DEFAULT_MODEL]]);
      expect(progress).toEqual([{ file: 'model_quantized.onnx', loaded: 1, total: 2 }]);
      expect(remote.dim).toBe(384);
      expect(remote.model).toBe(DEFAULT_MODEL);

      // Asked together, answered each with its own: ids keep calls apart.
      const [first, second] = await Promise.all([
        remote.embed(['children missing from care'], 'query'),
        remote.embed(['the local authority’s fostering service', 'care leavers'], 'passage'),
      ]);
      expect(first).toEqual(await local.embed(['children missing from care'], 'query'));
      expect(second).toEqual(await local.embed(['the local authority’s fostering service', 'care leavers'], 'passage'));

      const paragraph = {
        text: 'Children who go missing are seen on their return. Their plans are updated within a week.',
        parts: ['Children who go missing are seen on their return.', 'Their plans are updated within a week.'],
      };
      expect(await remote.embedWithParts([paragraph])).toEqual(await local.embedWithParts([paragraph]));
    } finally {
      await remote.dispose();
    }
    expect(stopped()).toBe(true);
    await expect(remote.embed(['after release'], 'query')).rejects.toThrow('the model was released');
    expect(lost).toEqual([]);
  });

  it('rejects with the model worker’s words when the model cannot be loaded, and stops that worker', async () => {
    const refusal = 'refused to fetch https://elsewhere.example/models/: the app loads nothing from another site';
    const { thread, stopped } = modelThread(() => Promise.reject(new Error(refusal)));
    const lost: string[] = [];
    await expect(
      loadRemoteEmbedder(
        thread,
        'https://site.example/',
        DEFAULT_MODEL,
        () => {},
        (m) => lost.push(m),
      ),
    ).rejects.toThrow(refusal);
    expect(stopped()).toBe(true);
    expect(lost).toEqual([]);
  });

  it('rejects, and stops the worker, when the worker’s script cannot be loaded', async () => {
    const { thread, stopped, crash } = modelThread(() => new Promise<Embedder>(() => {}));
    const loading = loadRemoteEmbedder(
      thread,
      'https://site.example/',
      DEFAULT_MODEL,
      () => {},
      () => {},
    );
    // What a worker whose script is missing fires: an error event with no message.
    crash('');
    await expect(loading).rejects.toThrow('the model’s worker stopped');
    expect(stopped()).toBe(true);
  });

  it('fails the calls waiting and every later one, stops the worker and says why, when it stops after loading', async () => {
    const { thread, crash, stopped } = modelThread(theModel);
    const lost: string[] = [];
    const remote = await loadRemoteEmbedder(
      thread,
      'https://site.example/',
      DEFAULT_MODEL,
      () => {},
      (m) => lost.push(m),
    );
    const waiting = remote.embed(['a question asked as the worker stops'], 'query');
    crash('out of memory');
    await expect(waiting).rejects.toThrow('out of memory');
    expect(stopped()).toBe(true);
    expect(lost).toEqual(['out of memory']);
    await expect(remote.embedWithParts([{ text: 'later', parts: ['later'] }])).rejects.toThrow('out of memory');
  });
});

describe('serveModel', () => {
  it('answers calls sent before the load has ended once it has, and refuses calls with no load asked', async () => {
    const events: ModelEvent[] = [];
    const serve = serveModel((e) => events.push(e), theModel);
    serve({ type: 'embed', id: 0, texts: ['too early'], kind: 'query' });
    serve({ type: 'load', siteBase: 'https://site.example/', model: DEFAULT_MODEL });
    serve({ type: 'embed', id: 1, texts: ['foster carers'], kind: 'query' });
    await expect.poll(() => events.length).toBe(3);
    expect(events[0]).toEqual({ type: 'failed', id: 0, message: 'the model was not loaded' });
    expect(events.slice(1)).toEqual([
      { type: 'loaded', dim: 384 },
      { type: 'embedded', id: 1, vectors: await local.embed(['foster carers'], 'query') },
    ]);
  });
});
