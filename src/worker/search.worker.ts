/// <reference lib="webworker" />
import type { FileProgress } from '../embed/modelFetch.ts';
import { sameOriginFetch, siteBaseOf } from '../embed/sameOrigin.ts';
import { IndexStore } from '../store/indexStore.ts';
import { messageOf } from './errors.ts';
import type { Event, Request } from './protocol.ts';
import { SearchService } from './service.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const origin = scope.location.origin;
// Before anything fetches: Transformers.js and onnxruntime call the global fetch too.
scope.fetch = sameOriginFetch(scope.fetch.bind(scope), scope.location.href, origin);
let siteBase: URL | null = null;
/** The model load in progress hears the bytes Transformers.js fetches (see configureBrowserEnv). */
let modelProgress: ((p: FileProgress) => void) | null = null;

const post = (event: Event) => scope.postMessage(event);
/** The app's tabs tell each other when the stored library changes, so none searches a report deleted elsewhere. */
const tabs = 'BroadcastChannel' in scope ? new BroadcastChannel('inspection-compare-library') : null;

/** A file of the site, relative to its base; an error status is an error, named with the path. */
async function fetchSiteFile(path: string): Promise<Response> {
  if (!siteBase) throw new Error(`${path}: the page has not said where the site is`);
  const response = await fetch(new URL(path, siteBase));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response;
}

const service = new SearchService({
  fetchText: async (path) => (await fetchSiteFile(path)).text(),
  fetchBytes: async (path) => new Uint8Array(await (await fetchSiteFile(path)).arrayBuffer()),
  openStore: () =>
    IndexStore.open(() =>
      post({
        type: 'notice',
        message: 'Another tab of this app is holding an older copy of its storage open; close it to finish the update.',
      }),
    ),
  loadEmbedder: async (model, onProgress) => {
    if (!siteBase) throw new Error('the page has not said where the site is');
    // Transformers.js and onnxruntime are most of this worker's code: fetched and compiled with the model, so the
    // first keyword answer does not wait for them.
    const [{ configureBrowserEnv }, { loadEmbedder }] = await Promise.all([
      import('../embed/browserEnv.ts'),
      import('../embed/embedder.ts'),
    ]);
    configureBrowserEnv(siteBase, (p) => modelProgress?.(p));
    modelProgress = onProgress;
    try {
      return await loadEmbedder(model);
    } finally {
      modelProgress = null;
    }
  },
  post,
  announceLibraryChange: () => tabs?.postMessage('changed'),
});

if (tabs) tabs.onmessage = () => void service.handle({ type: 'library-changed' });

scope.onmessage = (e: MessageEvent<Request>) => {
  const request = e.data;
  if (request.type === 'init') {
    try {
      siteBase = siteBaseOf(request.siteBase, origin);
    } catch (error) {
      post({ type: 'fatal', message: messageOf(error) });
      return;
    }
  }
  void service.handle(request).catch(() => {
    // Already reported to the page as a 'fatal' or 'error' event.
  });
};
