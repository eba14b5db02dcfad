import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deleteDB, openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, loadEmbedder } from '../../src/embed/embedder.ts';
import { configureNodeEnv } from '../../src/embed/nodeEnv.ts';
import { IndexStore } from '../../src/store/indexStore.ts';
import type { Event, Request } from '../../src/worker/protocol.ts';
import { SearchService, modelFromConfig, type ServiceDeps } from '../../src/worker/service.ts';

const publicDir = join(import.meta.dirname, '../../public');
configureNodeEnv(join(publicDir, 'models'));

/** The worker's own message handling, fed by the real corpus, model and (in-memory) IndexedDB. */
function makeService(overrides: Partial<ServiceDeps> = {}) {
  const events: Event[] = [];
  const service = new SearchService({
    fetchText: (path) => readFile(join(publicDir, path), 'utf8'),
    openStore: () => IndexStore.open(),
    loadEmbedder,
    post: (e) => events.push(e),
    ...overrides,
  });
  const send = (r: Request) => service.handle(r);
  const semanticDone = async () => {
    await send({ type: 'retry-semantic' });
  };
  return { service, events, send, semanticDone };
}

/** The semantic phases in order, repeats (progress updates) collapsed. */
const phases = (events: Event[]) =>
  events.flatMap((e) => (e.type === 'semantic' ? [e.state.phase] : [])).filter((p, i, all) => p !== all[i - 1]);
const result = (events: Event[], id: number) => events.find((e) => e.type === 'result' && e.id === id) as Extract<Event, { type: 'result' }>;

beforeEach(async () => {
  await deleteDB('inspection-compare');
});

describe('SearchService', () => {
  it('sends the corpus, answers keyword searches, then builds, stores and reuses the semantic index', async () => {
    const first = makeService();
    await first.send({ type: 'init', siteBase: '' });
    expect(first.events[0]).toMatchObject({ type: 'corpus' });
    await first.send({ type: 'search', id: 1, search: { query: 'private fostering', mode: 'keyword', theme: null, k: 3 } });
    expect(result(first.events, 1).response.reports[1]!.results.map((r) => r.paragraph)).toContain(15);
    await first.semanticDone();
    expect(phases(first.events)).toEqual(['loading-model', 'embedding', 'ready']);
    expect(first.events.at(-1)).toEqual({ type: 'semantic', state: { phase: 'ready', source: 'built' } });
    expect(first.events.some((e) => e.type === 'themes')).toBe(true);

    const second = makeService();
    await second.send({ type: 'init', siteBase: '' });
    await second.semanticDone();
    expect(phases(second.events)).toEqual(['loading-model', 'ready']);
    expect(second.events.at(-1)).toEqual({ type: 'semantic', state: { phase: 'ready', source: 'indexeddb' } });
    await second.send({ type: 'search', id: 2, search: { query: 'teenagers with nowhere to live', mode: 'semantic', theme: null, k: 5 } });
    expect(result(second.events, 2)).toMatchObject({ notice: null, response: { mode: 'semantic' } });
  });

  it('falls back to keyword search, and says so, while the model is unavailable', async () => {
    const { events, send, semanticDone } = makeService({ loadEmbedder: () => Promise.reject(new Error('network down')) });
    await send({ type: 'init', siteBase: '' });
    await semanticDone();
    expect(events.at(-1)).toEqual({
      type: 'semantic',
      state: { phase: 'failed', message: 'The language model could not be loaded (network down). Keyword search still works.' },
    });
    await send({ type: 'search', id: 3, search: { query: 'private fostering', mode: 'hybrid', theme: null, k: 3 } });
    expect(result(events, 3)).toMatchObject({ notice: 'Hybrid search is not available yet, so these are keyword results.', response: { mode: 'keyword' } });
  });

  it('runs from memory when storage cannot be opened, and explains', async () => {
    const { events, send, semanticDone } = makeService({ openStore: () => Promise.reject(new Error('SecurityError')) });
    await send({ type: 'init', siteBase: '' });
    await semanticDone();
    expect(events).toContainEqual({ type: 'notice', message: 'This browser will not let the app store its index (SecurityError), so it is rebuilt on each visit.' });
    expect(events.at(-1)).toEqual({ type: 'semantic', state: { phase: 'ready', source: 'built' } });
  });

  it('rebuilds over a damaged stored index', async () => {
    const first = makeService();
    await first.send({ type: 'init', siteBase: '' });
    await first.semanticDone();
    const db = await openDB('inspection-compare');
    const [record] = await db.getAll('indexes');
    await db.put('indexes', { ...record, vectors: new ArrayBuffer(12) });
    db.close();

    const second = makeService();
    await second.send({ type: 'init', siteBase: '' });
    await second.semanticDone();
    expect(second.events).toContainEqual({ type: 'notice', message: 'The saved search index could not be used (the stored index is damaged or from an older version); rebuilding it.' });
    expect(second.events.at(-1)).toEqual({ type: 'semantic', state: { phase: 'ready', source: 'built' } });
  });

  it('reports a corpus that cannot be loaded as fatal', async () => {
    const { events, send } = makeService({ fetchText: () => Promise.reject(new Error('HTTP 404')) });
    await expect(send({ type: 'init', siteBase: '' })).rejects.toThrow('HTTP 404');
    expect(events).toEqual([{ type: 'fatal', message: 'The reports could not be loaded (HTTP 404). Check your connection and reload the page.' }]);
  });
});

describe('modelFromConfig', () => {
  it('uses the bundled model unless a deployer names another', () => {
    expect(modelFromConfig(null)).toBe(DEFAULT_MODEL);
    expect(modelFromConfig('{}')).toBe(DEFAULT_MODEL);
    expect(modelFromConfig('{"model":"Snowflake/snowflake-arctic-embed-xs"}').queryPrefix).toBe('Represent this sentence for searching relevant passages: ');
    expect(modelFromConfig('{"model":"org/custom"}')).toEqual({ id: 'org/custom', maxTokens: 512, dtype: 'q8' });
  });
});
