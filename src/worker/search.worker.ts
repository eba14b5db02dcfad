/// <reference lib="webworker" />
import { sameOriginFetch, siteBaseOf } from '../embed/sameOrigin.ts';
import { IndexStore } from '../store/indexStore.ts';
import { messageOf } from './errors.ts';
import type { Event, Request } from './protocol.ts';
import { loadRemoteEmbedder } from './remoteEmbedder.ts';
import { SearchService } from './service.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const origin = scope.location.origin;
// Before anything fetches (the model's worker guards its own fetches the same way).
scope.fetch = sameOriginFetch(scope.fetch.bind(scope), scope.location.href, origin);
let siteBase: URL | null = null;

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
  loadEmbedder: async (model, onProgress, onLost) => {
    if (!siteBase) throw new Error('the page has not said where the site is');
    // The model runs in a worker of its own (model.worker.ts), so that loading it and embedding reports never hold
    // up an answer by exact words. Transformers.js and onnxruntime are fetched there, with the model.
    const thread = new Worker(new URL('./model.worker.ts', import.meta.url), { type: 'module' });
    return loadRemoteEmbedder(thread, siteBase.href, model, onProgress, onLost);
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
