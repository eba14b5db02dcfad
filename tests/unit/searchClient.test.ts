/** The page's client and the worker's service talking as in the browser, each message cloned, here in Node. */
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deleteDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { IndexStore } from '../../src/store/indexStore.ts';
import { SearchClient } from '../../src/ui/searchClient.ts';
import type { Event, Request } from '../../src/worker/protocol.ts';
import { SearchService, type ServiceDeps } from '../../src/worker/service.ts';

const publicDir = join(import.meta.dirname, '../../public');
const seed = (name: string) => readFile(join(import.meta.dirname, '../../seeds', name), 'utf8');

/** A stand-in for the browser's Worker: what the client posts goes to a service of its own, and back. */
interface FakeWorker {
  postMessage(request: Request): void;
  terminate(): void;
  onmessage: ((e: { data: Event }) => void) | null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null;
}

/** A client whose workers (a new one each time the client restarts it) are services over the same IndexedDB. */
function connect(overrides: Partial<ServiceDeps> = {}) {
  const posted: Request[] = [];
  const workers: FakeWorker[] = [];
  const createWorker = () => {
    const worker: FakeWorker = {
      postMessage: (request) => {
        posted.push(request);
        void service.handle(structuredClone(request)).catch(() => {});
      },
      terminate: () => {},
      onmessage: null,
      onerror: null,
    };
    const service = new SearchService({
      fetchText: (path) => readFile(join(publicDir, path), 'utf8'),
      fetchBytes: async (path) => new Uint8Array(await readFile(join(publicDir, path))),
      openStore: () => IndexStore.open(),
      loadEmbedder: () => Promise.reject(new Error('not needed')),
      post: (event) => worker.onmessage?.({ data: structuredClone(event) }),
      announceLibraryChange: () => {},
      ...overrides,
    });
    workers.push(worker);
    return worker as unknown as Worker;
  };
  const events: Event[] = [];
  // The model never starts: these tests are of the messages, not of semantic search.
  const client = new SearchClient('', (e) => events.push(e), new Promise(() => {}), createWorker);
  return { client, posted, events, workers };
}

beforeEach(async () => {
  await deleteDB('inspection-compare');
});

describe('SearchClient with the worker', () => {
  it('sends a report’s text once: adding it sends the draft’s token and the reader’s corrections', async () => {
    const { client, posted, events } = connect();
    const text = (await seed('2022-redcar-cleveland-ilacs.txt')).replaceAll('Redcar and Cleveland', 'Testshire');
    const draft = await client.inspectReport('testshire.txt', text);
    expect(draft).toMatchObject({ council: 'Testshire', year: 2022, method: 'numbered' });
    const meta = { title: 'Testshire ILACS', council: 'Testshire', year: 2023 };
    const id = await client.addReport(draft.token, meta);
    expect(posted.filter((r) => Object.values(r).includes(text)).map((r) => r.type)).toEqual(['inspect-report']);
    const adding = posted.filter((r) => r.type === 'add-report');
    expect(adding.map((r) => Object.keys(r))).toEqual([['type', 'id', 'token', 'meta']]);
    expect(adding).toMatchObject([{ token: draft.token, meta }]);
    const library = events.filter((e) => e.type === 'library').at(-1);
    expect(library?.reports.map((r) => r.id)).toContain(id);
  });

  it('tells the reader to choose the file again when the worker restarted after reading it', async () => {
    const { client, workers } = connect();
    const text = (await seed('2022-redcar-cleveland-ilacs.txt')).replaceAll('Redcar and Cleveland', 'Testshire');
    const draft = await client.inspectReport('testshire.txt', text);
    workers.at(-1)!.onerror?.({ message: 'out of memory', preventDefault: () => {} });
    expect(workers).toHaveLength(2);
    const meta = { title: 'Testshire ILACS', council: 'Testshire', year: 2023 };
    await expect(client.addReport(draft.token, meta)).rejects.toThrow(
      'This report is no longer waiting to be added (other files were read since, or the page’s search engine ' +
        'restarted). Choose the file again.',
    );
  });

  it('gives up on a worker that keeps stopping, says so, and refuses later questions at once', async () => {
    const { client, workers, events } = connect();
    for (let n = 0; n < 4; n++) workers.at(-1)!.onerror?.({ message: 'out of memory', preventDefault: () => {} });
    expect(workers).toHaveLength(4);
    expect(events.filter((e) => e.type === 'fatal')).toHaveLength(1);
    await expect(client.open(null)).rejects.toThrow('the search engine stopped');
  });

  it('answers each question with its own kind of reply, and a failure to clear storage as a failure', async () => {
    const unavailable = Object.assign(new Error('Internal error opening backing store'), { name: 'UnknownError' });
    const { client } = connect({ openStore: () => Promise.reject(unavailable) });
    const { corpus } = await client.open(null);
    const reports = corpus.reports.map((r) => r.id);
    const answer = await client.search({ query: 'private fostering', mode: 'keyword', theme: null, k: 3, reports });
    expect(answer).toMatchObject({ query: 'private fostering', mode: 'keyword', paragraphs: [] });
    expect(await client.compare({ kind: 'recommendations' }, reports)).toMatchObject({ kind: 'recommendations' });
    expect(await client.exportLibrary()).toBe('{"format":"inspection-compare-library","version":1,"reports":[]}');
    await expect(client.clearStorage()).rejects.toThrow('the browser’s storage is not available just now; try again');
  });
});
