import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deleteDB, openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MODEL, modelFromConfig } from '../../src/embed/models.ts';
import { configureNodeEnv } from '../../src/embed/nodeEnv.ts';
import { packSemanticIndexes, unpackSemanticIndexes } from '../../src/core/indexPack.ts';
import { parseReportText } from '../../src/core/chunk.ts';
import { passageText } from '../../src/core/buildIndexes.ts';
import type { SearchResponse } from '../../src/core/search.ts';
import { IndexStore, type StoredReportIndex } from '../../src/store/indexStore.ts';
import { withParagraphs } from '../../src/ui/searchResponse.ts';
import type { Answer, Event, Questions, Replies, ReportMeta, Request, Selection } from '../../src/worker/protocol.ts';
import { SearchService, type ServiceDeps } from '../../src/worker/service.ts';
import { embedOncePerFile } from './embedOnce.ts';

const publicDir = join(import.meta.dirname, '../../public');
configureNodeEnv(join(publicDir, 'models'));
/** The model the build made and the site runs (public/config.json). */
const model = modelFromConfig(readFileSync(join(publicDir, 'config.json'), 'utf8')).label;
const loadEmbedder = embedOncePerFile();
const ready = (source: string) => ({ type: 'semantic', state: { phase: 'ready', source, model } });

/** The worker's own message handling, fed by the real corpus, model and (in-memory) IndexedDB. */
function makeService(overrides: Partial<ServiceDeps> = {}) {
  const events: Event[] = [];
  const service = new SearchService({
    fetchText: (path) => readFile(join(publicDir, path), 'utf8'),
    fetchBytes: async (path) => new Uint8Array(await readFile(join(publicDir, path))),
    openStore: () => IndexStore.open(),
    loadEmbedder,
    post: (e) => events.push(e),
    announceLibraryChange: () => {},
    ...overrides,
  });
  const requests: Request[] = [];
  const send = (r: Request) => (requests.push(r), service.handle(r));
  const semanticDone = async () => {
    await send({ type: 'start-semantic' });
  };
  /** Opens reports as the page does, asking for them by id (null: the default pair); resolves to the reply. */
  let opening = 100_000;
  const open = async (reports: Selection | null) => {
    const id = opening++;
    await send({ type: 'open', id, reports });
    return replyTo(events, 'open', id);
  };
  /** A visit's start: the worker, then the reports its address names. */
  const start = async (reports: Selection | null = null) => {
    await send({ type: 'init', siteBase: '' });
    return open(reports);
  };
  return { service, events, requests, send, semanticDone, open, start };
}

/**
 * The real model, with `before` awaited ahead of every call that embeds report text (paragraphs with their sentences,
 * or passages alone), given the texts it is about to embed.
 */
function watchingPassages(before: (texts: string[]) => void | Promise<void>): ServiceDeps['loadEmbedder'] {
  return async (model) => {
    const embedder = await loadEmbedder(model);
    return {
      model: embedder.model,
      dim: embedder.dim,
      dispose: () => embedder.dispose(),
      embed: async (texts, kind) => {
        if (kind === 'passage') await before(texts);
        return embedder.embed(texts, kind);
      },
      embedWithParts: async (passages) => {
        await before(passages.map((p) => p.text));
        return embedder.embedWithParts(passages);
      },
    };
  };
}

/** A visit: a fresh service over the same IndexedDB, opened until semantic search is ready (or has failed). */
async function visit() {
  const tab = makeService();
  await tab.start();
  await tab.semanticDone();
  return tab;
}

/** A first visit stores its index, then part of the stored record is overwritten, as a damaged disk or old code would. */
async function damageStoredIndex(change: Record<string, unknown>): Promise<void> {
  await visit();
  const db = await openDB('inspection-compare');
  for (const record of await db.getAll('reportIndexes')) await db.put('reportIndexes', { ...record, ...change });
  db.close();
}

/** The semantic phases in order, repeats (progress updates) collapsed. */
const phases = (events: Event[]) =>
  events.flatMap((e) => (e.type === 'semantic' ? [e.state.phase] : [])).filter((p, i, all) => p !== all[i - 1]);
/** The reply to question `id`, of the kind asked; fails the test when there is none (an error instead). */
function replyTo<K extends keyof Questions>(events: Event[], kind: K, id: number): Replies[K] {
  const answer = events.find((e): e is Answer => e.type === 'answer' && e.id === id);
  expect(answer ?? events.find((e) => e.type === 'error' && e.id === id)).toMatchObject({ type: 'answer', to: kind });
  return answer!.reply as Replies[K];
}
/** The corpus the page held when event `at` came: that of the last reports it opened before then. */
function corpusAt(events: Event[], at: number) {
  const opened = events.slice(0, at).filter((e): e is Answer<'open'> => e.type === 'answer' && e.to === 'open');
  return opened.at(-1)!.reply.corpus;
}
/** The reports on screen, by id, as the page names them in each question. */
const onScreen = (events: Event[]) => corpusAt(events, events.length).reports.map((r) => r.id);
/** A search's answer as the page shows it: its paragraphs put back from the corpus the page held when it came. */
function result(events: Event[], id: number): { response: SearchResponse; notice: string | null } {
  const answer = replyTo(events, 'search', id);
  const chunks = corpusAt(
    events,
    events.findIndex((e) => e.type === 'answer' && e.id === id),
  ).chunks;
  // Throws unless every paragraph of the answer is on screen or sent with it.
  return { response: withParagraphs(answer, new Map(chunks.map((c) => [c.id, c]))), notice: answer.notice };
}

beforeEach(async () => {
  await deleteDB('inspection-compare');
});

describe('SearchService', () => {
  it('sends the corpus, answers keyword searches, then loads the prepared index without embedding, stores and reuses it', async () => {
    const first = makeService();
    await first.start();
    expect(first.events.map((e) => e.type).slice(0, 2)).toEqual(['library', 'answer']);
    await first.send({
      type: 'search',
      id: 1,
      search: { reports: onScreen(first.events), query: 'private fostering', mode: 'keyword', theme: null, k: 3 },
    });
    expect(result(first.events, 1).response.reports[1]!.results.map((r) => r.paragraph)).toContain(15);
    await first.semanticDone();
    expect(phases(first.events)).toEqual(['loading-model', 'ready']);
    expect(first.events.at(-1)).toEqual(ready('bundled'));
    expect(first.events.some((e) => e.type === 'themes')).toBe(true);

    const second = makeService();
    await second.start();
    await second.semanticDone();
    expect(phases(second.events)).toEqual(['loading-model', 'ready']);
    expect(second.events.at(-1)).toEqual(ready('indexeddb'));
    await second.send({
      type: 'search',
      id: 2,
      search: {
        reports: onScreen(second.events),
        query: 'teenagers with nowhere to live',
        mode: 'semantic',
        theme: null,
        k: 5,
      },
    });
    expect(result(second.events, 2)).toMatchObject({ notice: null, response: { mode: 'semantic' } });
  });

  it('falls back to keyword search, and says so, while the model is unavailable', async () => {
    const { events, send, semanticDone, start } = makeService({
      loadEmbedder: () => Promise.reject(new Error('network down')),
    });
    await start();
    await semanticDone();
    expect(events.at(-1)).toEqual({
      type: 'semantic',
      state: {
        phase: 'failed',
        message: 'The language model could not be loaded (network down). Searching by exact words still works.',
      },
    });
    await send({
      type: 'search',
      id: 3,
      search: { reports: onScreen(events), query: 'private fostering', mode: 'hybrid', theme: null, k: 3 },
    });
    expect(result(events, 3)).toMatchObject({
      notice: 'Searching by meaning is not ready yet, so these results contain your exact words.',
      response: { mode: 'keyword' },
    });
  });

  it('searches by exact words when the loaded model stops, says so, and loads it again when asked', async () => {
    const lost: ((message: string) => void)[] = [];
    const { events, send, semanticDone, start } = makeService({
      loadEmbedder: (m, _progress, onLost) => (lost.push(onLost), loadEmbedder(m)),
    });
    await start();
    await semanticDone();
    expect(events.at(-1)).toEqual(ready('bundled'));
    lost[0]!('out of memory');
    expect(events.at(-1)).toEqual({
      type: 'semantic',
      state: {
        phase: 'failed',
        message: 'The language model stopped (out of memory). Searching by exact words still works.',
      },
    });
    const question = {
      reports: onScreen(events),
      query: 'private fostering',
      mode: 'hybrid',
      theme: null,
      k: 3,
    } as const;
    await send({ type: 'search', id: 3, search: question });
    expect(result(events, 3)).toMatchObject({
      notice: 'Searching by meaning is not ready yet, so these results contain your exact words.',
      response: { mode: 'keyword' },
    });
    // The page's "try again".
    await semanticDone();
    expect(lost).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({ type: 'semantic', state: { phase: 'ready' } });
    await send({ type: 'search', id: 4, search: question });
    expect(result(events, 4)).toMatchObject({ notice: null, response: { mode: 'hybrid' } });
  });

  it('runs from memory when storage cannot be opened, and explains', async () => {
    const { events, semanticDone, start } = makeService({
      openStore: () => Promise.reject(new Error('SecurityError')),
    });
    await start();
    await semanticDone();
    expect(events).toContainEqual({
      type: 'notice',
      message: 'This browser will not let the app store its index (SecurityError), so it is rebuilt on each visit.',
    });
    expect(events.at(-1)).toEqual(ready('bundled'));
  });

  it('rebuilds over a damaged stored index', async () => {
    await damageStoredIndex({ vectors: { key: 'x', dim: 384, chunkRows: new ArrayBuffer(12) } });
    const second = await visit();
    expect(second.events).toContainEqual({
      type: 'notice',
      message:
        "The saved search index of Inspection of Redcar and Cleveland local authority children's services could not be used (the stored index is damaged or from an older version); rebuilding it.",
    });
    expect(second.events.at(-1)).toEqual(ready('bundled'));
  });

  it('says plainly when the stored data cannot be cleared, instead of claiming it was', async () => {
    const unavailable = Object.assign(new Error('Internal error opening backing store for indexedDB.open.'), {
      name: 'UnknownError',
    });
    const { events, send, start } = makeService({ openStore: () => Promise.reject(unavailable) });
    await start();
    await send({ type: 'clear-storage', id: 9 });
    expect(events.filter((e) => e.type === 'answer' && e.id === 9)).toEqual([]);
    expect(events).toContainEqual({
      type: 'error',
      id: 9,
      message: 'the browser’s storage is not available just now; try again',
    });
  });

  it('repairs a stored record whose keyword index is damaged, keeping its vectors, so the next visit has no warning', async () => {
    await damageStoredIndex({ keywordIndex: '{"not": "minisearch"' });
    const second = await visit();
    // A report's keyword index is read when the report is first searched on its own.
    await second.send({
      type: 'search',
      id: 1,
      search: { reports: onScreen(second.events), query: 'private fostering', mode: 'keyword', theme: null, k: 3 },
    });
    expect(result(second.events, 1).response.reports[1]!.results.map((r) => r.paragraph)).toContain(15);
    expect(second.events).toContainEqual({
      type: 'notice',
      message:
        "The saved keyword index of Inspection of Redcar and Cleveland local authority children's services was damaged; rebuilding it.",
    });
    expect(second.events.find((e) => e.type === 'semantic' && e.state.phase === 'ready')).toEqual(ready('indexeddb'));

    const third = await visit();
    expect(third.events.filter((e) => e.type === 'notice')).toEqual([]);
    expect(third.events.at(-1)).toEqual(ready('indexeddb'));
  });

  it('embeds the bundled reports on the device when the prepared index is missing, damaged or for another model', async () => {
    const packed = new Uint8Array(await readFile(join(publicDir, 'data/embeddings.bin')));
    const { key, semantic } = unpackSemanticIndexes(packed);
    const otherModel = packSemanticIndexes(semantic, { ...key, modelId: 'another-model' });
    for (const [fetchBytes, notice] of [
      [
        () => Promise.reject(new Error('data/embeddings.bin: HTTP 404')),
        'The prepared index of the bundled reports could not be used (data/embeddings.bin: HTTP 404); building it on this device.',
      ],
      [
        () => Promise.resolve(packed.subarray(0, 1000)),
        'The prepared index of the bundled reports could not be used (the index pack is truncated or padded); building it on this device.',
      ],
      [() => Promise.resolve(otherModel), null],
    ] as const) {
      await deleteDB('inspection-compare');
      const { events, semanticDone, start } = makeService({ fetchBytes: fetchBytes });
      await start();
      await semanticDone();
      if (notice) expect(events).toContainEqual({ type: 'notice', message: notice });
      expect(phases(events)).toEqual(['loading-model', 'embedding', 'ready']);
      expect(events.at(-1)).toEqual(ready('built'));
    }
  });

  it('answers a search of the reports on screen with ids, scores and terms: the page holds their text', async () => {
    const { events, send, start } = makeService();
    await start();
    await send({
      type: 'search',
      id: 1,
      search: { reports: onScreen(events), query: 'private fostering', mode: 'keyword', theme: null, k: 3 },
    });
    const answer = replyTo(events, 'search', 1);
    expect(answer.paragraphs).toEqual([]);
    const hits = answer.reports.flatMap((r) => r.hits);
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(Object.keys(hit).sort()).toEqual(
        ['expansionTerms', 'id', 'matchedTerms', 'relevant', 'score', 'sentence', 'strength', 'themes'].sort(),
      );
    }
    const held = corpusAt(events, events.length - 1).chunks;
    const texts = hits.map((hit) => held.find((c) => c.id === hit.id)!.text);
    expect(texts.filter((text) => JSON.stringify(answer).includes(JSON.stringify(text)))).toEqual([]);
  });

  it('reports a corpus that cannot be loaded as fatal', async () => {
    const { events, send } = makeService({ fetchText: () => Promise.reject(new Error('HTTP 404')) });
    await expect(send({ type: 'init', siteBase: '' })).rejects.toThrow('HTTP 404');
    expect(events).toEqual([
      {
        type: 'fatal',
        message: 'The reports could not be loaded (HTTP 404). Check your connection and reload the page.',
      },
    ]);
  });
});

describe('modelFromConfig', () => {
  it('uses the bundled model unless a deployer names another', () => {
    expect(modelFromConfig(null)).toBe(DEFAULT_MODEL);
    expect(modelFromConfig('{}')).toBe(DEFAULT_MODEL);
    expect(modelFromConfig('{"model":"Snowflake/snowflake-arctic-embed-xs"}').queryPrefix).toBe(
      'Represent this sentence for searching relevant passages: ',
    );
    expect(modelFromConfig('{"model":"org/custom"}')).toEqual({
      id: 'org/custom',
      label: 'org/custom',
      maxTokens: 512,
      dtype: 'q8',
    });
  });
});

const [OLD, NEW] = ['2012-redcar-cleveland-safeguarding-and-looked-after-children', '2022-redcar-cleveland-ilacs'];

describe('the library of reports', () => {
  const seed = (name: string) => readFile(join(import.meta.dirname, '../../seeds', name), 'utf8');
  // A report of another council: the 2022 report with the council renamed, so it is a different report.
  const otherCouncil = async () =>
    (await seed('2022-redcar-cleveland-ilacs.txt')).replaceAll('Redcar and Cleveland', 'Testshire');
  const reply = (events: Event[], id: number) =>
    events.find((e) => (e.type === 'answer' || e.type === 'error') && e.id === id)!;
  const library = (events: Event[]) =>
    events.filter((e) => e.type === 'library').at(-1) as Extract<Event, { type: 'library' }>;
  let asked = 1000;
  /**
   * Adds a report as the page does: the worker reads its text, then is sent the draft's token with the reader's
   * corrections. Says how the addition ended: an answer, or an error from reading or from adding.
   */
  type Tab = Pick<ReturnType<typeof makeService>, 'events' | 'send'>;
  async function addReport(tab: Tab, sourceName: string, text: string, meta: ReportMeta): Promise<Event> {
    const inspect = asked++;
    await tab.send({ type: 'inspect-report', id: inspect, sourceName, text });
    const read = reply(tab.events, inspect);
    if (read.type === 'error') return read;
    const add = asked++;
    await tab.send({ type: 'add-report', id: add, token: replyTo(tab.events, 'inspect-report', inspect).token, meta });
    return reply(tab.events, add);
  }
  /** The id of a report added as the page adds it. */
  async function added(tab: Tab, sourceName: string, text: string, meta: ReportMeta): Promise<string> {
    const outcome = await addReport(tab, sourceName, text, meta);
    expect(outcome).toMatchObject({ type: 'answer', to: 'add-report' });
    return replyTo(tab.events, 'add-report', outcome.type === 'answer' ? outcome.id : -1);
  }
  const testshire = { title: 'Testshire ILACS', council: 'Testshire', year: 2023 };

  it('reads a report for the reader to confirm, adds it, compares it, exports and deletes it', async () => {
    const { events, send, start, open } = makeService();
    await start();
    const text = await otherCouncil();
    await send({ type: 'inspect-report', id: 1, sourceName: 'testshire.txt', text });
    expect(reply(events, 1)).toMatchObject({
      type: 'answer',
      reply: { council: 'Testshire', year: 2022, method: 'numbered', paragraphs: 49 },
    });

    await send({ type: 'add-report', id: 2, token: replyTo(events, 'inspect-report', 1).token, meta: testshire });
    const id = replyTo(events, 'add-report', 2);
    expect(id).toMatch(/^u[0-9a-f]{24}$/);
    expect(library(events).reports.map((r) => `${r.year} ${r.origin}`)).toEqual([
      '2012 bundled',
      '2022 bundled',
      '2023 added',
    ]);

    await open(['2022-redcar-cleveland-ilacs', id]);
    const corpus = { corpus: corpusAt(events, events.length) };
    expect(corpus.corpus.reports.map((r) => r.title)).toEqual([
      "Inspection of Redcar and Cleveland local authority children's services",
      'Testshire ILACS',
    ]);
    expect(
      corpus.corpus.chunks
        .filter((c) => c.reportId === id)
        .map((c) => c.id)
        .slice(0, 2),
    ).toEqual([`${id}-s1`, `${id}-s2`]);

    await send({ type: 'inspect-report', id: 3, sourceName: 'again.txt', text: text.replaceAll('\n', '\n\n') });
    expect(reply(events, 3)).toEqual({
      type: 'error',
      id: 3,
      message: 'This report is already in your library (2023: Testshire ILACS).',
    });
    const bundledText = await seed('2012-redcar-cleveland-safeguarding-and-looked-after-children.txt');
    await send({ type: 'inspect-report', id: 4, sourceName: 'seed.txt', text: bundledText });
    expect(reply(events, 4)).toMatchObject({
      type: 'error',
      message: /^This report is already in your library \(2012: /,
    });

    await send({ type: 'export-library', id: 5 });
    const json = replyTo(events, 'export-library', 5);
    await send({ type: 'delete-report', id: 6, reportId: id });
    expect(library(events).reports).toHaveLength(2);
    // A question about the report deleted is refused: the page, told of the library, opens the default pair.
    await send({ type: 'compare', id: 60, question: { kind: 'recommendations' }, reports: onScreen(events) });
    expect(reply(events, 60)).toEqual({ type: 'error', id: 60, message: `${id} is no longer in the library.` });

    // Another machine: a fresh service imports the file.
    await deleteDB('inspection-compare');
    const other = makeService();
    await other.start();
    await other.send({ type: 'import-library', id: 7, json });
    expect(reply(other.events, 7)).toMatchObject({ reply: { added: [id], skipped: [] } });
    expect(library(other.events).reports.map((r) => r.title)).toContain('Testshire ILACS');
  });

  it('reads an added report once: adding it sends the draft’s token, not the text, and stores that', async () => {
    const { events, requests, send, start, open } = makeService();
    await start();
    const text = await otherCouncil();
    await send({ type: 'inspect-report', id: 1, sourceName: 'testshire.txt', text });
    const { token } = replyTo(events, 'inspect-report', 1);
    await send({ type: 'add-report', id: 2, token, meta: testshire });
    const id = replyTo(events, 'add-report', 2);
    expect(requests.filter((r) => Object.values(r).includes(text)).map((r) => r.type)).toEqual(['inspect-report']);
    const adding = requests.filter((r) => r.type === 'add-report');
    expect(adding).toEqual([{ type: 'add-report', id: 2, token, meta: testshire }]);
    // What was read once, renamed to the report's id, is what reading the text under that id gives.
    await open([NEW, id]);
    const stored = corpusAt(events, events.length).chunks.filter((c) => c.reportId === id);
    const direct = parseReportText(text, { id, source: 'testshire.txt', chunkPrefix: id }).chunks;
    expect(stored).toEqual(direct.map((c) => ({ ...c, year: 2023 })));
  });

  it('refuses, in plain words, a draft the worker no longer holds, or one of a report added since', async () => {
    const tab = makeService();
    await tab.start();
    const gone =
      'This report is no longer waiting to be added (other files were read since, or the page’s search engine ' +
      'restarted). Choose the file again.';
    await tab.send({ type: 'add-report', id: 1, token: 'no-such-draft', meta: testshire });
    expect(reply(tab.events, 1)).toEqual({ type: 'error', id: 1, message: gone });

    // A draft read by a worker that has since been replaced (a restart): the new one never read it.
    const text = await otherCouncil();
    await tab.send({ type: 'inspect-report', id: 2, sourceName: 'testshire.txt', text });
    const { token } = replyTo(tab.events, 'inspect-report', 2);
    const restarted = makeService();
    await restarted.start();
    await restarted.send({ type: 'add-report', id: 3, token, meta: testshire });
    expect(reply(restarted.events, 3)).toEqual({ type: 'error', id: 3, message: gone });

    // A draft too old: several other files were read since.
    for (const [i, council] of ['Aland', 'Bland', 'Cland'].entries()) {
      const other = text.replaceAll('Testshire', council);
      await tab.send({ type: 'inspect-report', id: 4 + i, sourceName: `${council}.txt`, text: other });
    }
    await tab.send({ type: 'add-report', id: 7, token, meta: testshire });
    expect(reply(tab.events, 7)).toEqual({ type: 'error', id: 7, message: gone });

    // A draft of a report that came into the library meanwhile (an imported file) is refused as a duplicate.
    await tab.send({ type: 'inspect-report', id: 8, sourceName: 'testshire.txt', text });
    const again = replyTo(tab.events, 'inspect-report', 8).token;
    const reports = [{ ...testshire, sourceName: 'testshire.txt', text }];
    const json = JSON.stringify({ format: 'inspection-compare-library', version: 1, reports });
    await tab.send({ type: 'import-library', id: 9, json });
    expect(replyTo(tab.events, 'import-library', 9).added).toHaveLength(1);
    await tab.send({ type: 'add-report', id: 10, token: again, meta: testshire });
    const known = 'This report is already in your library (2023: Testshire ILACS).';
    expect(reply(tab.events, 10)).toEqual({ type: 'error', id: 10, message: known });
  });

  it('starts embedding a report as soon as it is added, and opening it then embeds nothing again', async () => {
    const embedded: string[] = [];
    let began!: () => void;
    const beganEmbedding = new Promise<void>((resolve) => (began = resolve));
    const { events, send, semanticDone, start, open } = makeService({
      loadEmbedder: watchingPassages((texts) => {
        embedded.push(...texts);
        began();
      }),
    });
    await start();
    await semanticDone();
    const id = await added({ events, send }, 'testshire.txt', await otherCouncil(), testshire);
    // Not opened: the reader is still choosing what to compare it with.
    await beganEmbedding;
    await open([NEW, id]);
    await semanticDone();
    expect(events.at(-1)).toEqual(ready('built'));
    const paragraphs = corpusAt(events, events.length)
      .chunks.filter((c) => c.reportId === id)
      .map(passageText);
    expect([...embedded].sort()).toEqual(paragraphs.sort());
  });

  it('embeds an added report once, on its own, and any pair or timeline with it reuses its stored index', async () => {
    const embedded: string[] = [];
    const counting = watchingPassages((texts) => void embedded.push(...texts));
    const { events, send, semanticDone, start, open } = makeService({ loadEmbedder: counting });
    await start();
    await semanticDone();
    expect(embedded).toEqual([]); // the default pair: everything prepared at build time
    const id = await added({ events, send }, 'testshire.txt', await otherCouncil(), testshire);
    await open([OLD, id]);
    await semanticDone();
    expect(events.at(-1)).toEqual(ready('built'));
    const corpus = corpusAt(events, events.length);
    // Each paragraph once, its sentences read in it; in any order: they are embedded longest first, so that calls
    // carry little padding.
    const paragraphs = corpus.chunks.filter((c) => c.reportId === id).map(passageText);
    expect([...embedded].sort()).toEqual(paragraphs.sort());
    // The added report (2022's text) answers a semantic question as 2022 does: with its paragraph 16.
    await send({
      type: 'search',
      id: 2,
      search: {
        reports: onScreen(events),
        query: 'teenagers with nowhere to live',
        mode: 'semantic',
        theme: null,
        k: 5,
      },
    });
    expect(result(events, 2).response.reports[1]!.results.map((r) => r.paragraph)).toContain(16);

    // Another pair, and three reports side by side: nothing is embedded again, in this visit or the next.
    const before = embedded.length;
    await open([NEW, id]);
    await semanticDone();
    await open([OLD, NEW, id]);
    await semanticDone();
    expect(onScreen(events)).toEqual([OLD, NEW, id]);
    await send({
      type: 'search',
      id: 3,
      search: { reports: onScreen(events), query: 'private fostering', mode: 'hybrid', theme: null, k: 3 },
    });
    expect(result(events, 3).response.reports.map((r) => r.report.id)).toEqual([OLD, NEW, id]);
    const next = makeService({ loadEmbedder: counting });
    await next.start([id, NEW]);
    await next.semanticDone();
    expect(next.events.at(-1)).toEqual(ready('indexeddb'));
    expect(embedded.length).toBe(before);
    const db = await openDB('inspection-compare');
    const records = (await db.getAll('reportIndexes')) as StoredReportIndex[];
    db.close();
    expect(records.map((r) => r.reportId).sort()).toEqual([OLD, NEW, id].sort());
    expect(records.every((r) => r.vectors !== null)).toBe(true);
  });

  it('searches every report at once: those that discuss it first, best answer first, the rest named', async () => {
    const { events, send, semanticDone, start, open } = makeService();
    await start();
    const id = await added({ events, send }, 'testshire.txt', await otherCouncil(), testshire);
    await send({
      type: 'search',
      id: 2,
      search: {
        reports: onScreen(events),
        query: 'unaccompanied asylum-seeking children',
        mode: 'keyword',
        theme: null,
        k: 3,
        scope: 'library',
      },
    });
    const keyword = result(events, 2).response.reports;
    // 2012 never discusses asylum; 2022 and its renamed copy do, with the same paragraph.
    expect(keyword.map((r) => [r.report.id, r.discussed, r.results.length > 0])).toEqual([
      [expect.any(String), true, true],
      [expect.any(String), true, true],
      [OLD, false, false],
    ]);
    expect(
      keyword
        .slice(0, 2)
        .map((r) => r.report.id)
        .sort(),
    ).toEqual([NEW, id].sort());
    // Semantic search of every report waits until every report has its vectors, and says so meanwhile.
    await semanticDone();
    const refugees = {
      query: 'refugee minors who arrive alone',
      mode: 'semantic',
      theme: null,
      k: 3,
      scope: 'library',
    } as const;
    await send({ type: 'search', id: 3, search: { ...refugees, reports: onScreen(events) } });
    const answer = result(events, 3);
    if (answer.notice)
      expect(answer.notice).toBe(
        'Searching every report by meaning starts once every report is prepared for it; 1 of 3 is still being prepared, so these results contain your exact words.',
      );
    await open([NEW, id]);
    await semanticDone();
    await send({ type: 'search', id: 4, search: { ...refugees, reports: onScreen(events) } });
    expect(result(events, 4)).toMatchObject({ notice: null, response: { mode: 'semantic' } });
    const semantic = result(events, 4).response.reports;
    expect(semantic.filter((r) => r.discussed).map((r) => r.report.id)).toEqual(expect.arrayContaining([NEW, id]));
    expect(semantic.map((r) => r.discussed)).toEqual(
      [...semantic.map((r) => r.discussed)].sort((a, b) => Number(b) - Number(a)),
    );
    for (const r of semantic) expect(r.results.length > 0).toBe(r.discussed);
  });

  it('keeps the library-wide keyword index in step when a report is deleted and added again', async () => {
    const { events, send, start } = makeService();
    await start();
    const search = { query: 'private fostering', mode: 'keyword', theme: null, k: 3, scope: 'library' } as const;
    const ask = async (id: number) => {
      await send({ type: 'search', id, search: { ...search, reports: onScreen(events) } });
      return new Map(result(events, id).response.reports.map((r) => [r.report.id, r.results.map((x) => x.id)]));
    };
    const bundled = await ask(0);
    const text = await otherCouncil();
    const id = await added({ events, send }, 'testshire.txt', text, testshire);
    const before = await ask(1);
    expect(before.get(id)!.length).toBeGreaterThan(0);
    expect(before.get(OLD)).toEqual(bundled.get(OLD));
    await send({ type: 'delete-report', id: 2, reportId: id });
    const without = await ask(3);
    expect([...without.keys()].sort()).toEqual([OLD, NEW].sort());
    // The same text again is the same report (its id is its text's), indexed afresh in the shared index.
    expect(await added({ events, send }, 'testshire.txt', text, testshire)).toBe(id);
    const again = await ask(4);
    expect([...again.keys()].sort()).toEqual([OLD, NEW, id].sort());
    expect(again.get(id)).toEqual(before.get(id));
    expect(again.get(OLD)).toEqual(before.get(OLD));
    expect(again.get(NEW)).toEqual(before.get(NEW));
  });

  it('keeps the library-wide keyword index between visits, and makes it again when the stored one is damaged', async () => {
    const storedShared = async () => {
      const db = await openDB('inspection-compare');
      const value = (await db.get('libraryKeywords', 'library')) as { index: string } | undefined;
      db.close();
      // The reports it holds, as its JSON names them.
      return (
        value && { index: value.index, reports: (JSON.parse(value.index) as { held: Record<string, unknown> }).held }
      );
    };
    const search = { query: 'private fostering', mode: 'keyword', theme: null, k: 3, scope: 'library' } as const;
    const ask = async (tab: ReturnType<typeof makeService>, id: number) => {
      await tab.send({ type: 'search', id, search: { ...search, reports: onScreen(tab.events) } });
      return result(tab.events, id).response.reports.map((r) => [r.report.id, r.results.map((x) => x.id)]);
    };
    const first = makeService();
    await first.start();
    const id = await added(first, 'testshire.txt', await otherCouncil(), testshire);
    const answer = await ask(first, 1);
    // Saved after the answer, naming every report it holds.
    await vi.waitFor(
      async () => expect(Object.keys((await storedShared())?.reports ?? {}).sort()).toEqual([OLD, NEW, id].sort()),
      { timeout: 30_000 },
    );

    const second = makeService();
    await second.start();
    expect(await ask(second, 1)).toEqual(answer);

    const db = await openDB('inspection-compare');
    await db.put('libraryKeywords', { ...(await db.get('libraryKeywords', 'library')), index: '{"broken' });
    db.close();
    const third = makeService();
    await third.start();
    expect(await ask(third, 1)).toEqual(answer);
    await third.send({ type: 'delete-report', id: 2, reportId: id });
    // It held the deleted report's words: it goes with the report, and the next search of every report makes it again.
    expect(await storedShared()).toBeUndefined();
    await ask(third, 3);
    await vi.waitFor(
      async () => expect(Object.keys((await storedShared())?.reports ?? {}).sort()).toEqual([OLD, NEW].sort()),
      { timeout: 30_000 },
    );
    const stored = (await storedShared()) as unknown as { index: string };
    expect(() => JSON.parse(stored.index) as unknown).not.toThrow();
  });

  it('sends with a search of every report the paragraphs shown of reports not on screen, only those', async () => {
    const { events, send, start, open } = makeService();
    await start();
    const id = await added({ events, send }, 'testshire.txt', await otherCouncil(), testshire);
    const search = { query: 'private fostering', mode: 'keyword', theme: null, k: 3, scope: 'library' } as const;
    await send({ type: 'search', id: 1, search: { ...search, reports: onScreen(events) } });
    const answer = replyTo(events, 'search', 1);
    const shownElsewhere = answer.reports.filter((r) => r.report.id === id).flatMap((r) => r.hits.map((h) => h.id));
    expect(shownElsewhere.length).toBeGreaterThan(0);
    expect(answer.paragraphs.map((c) => c.id)).toEqual(shownElsewhere);
    // The paragraphs are the report's own, as opening it side by side shows them.
    await open([NEW, id]);
    const opened = corpusAt(events, events.length).chunks;
    expect(answer.paragraphs).toEqual(shownElsewhere.map((chunkId) => opened.find((c) => c.id === chunkId)));
  });

  it('keeps the reports a reader added when it finds the storage of the previous version, and drops its pair indexes', async () => {
    const text = await otherCouncil();
    // Version 2 of the database, as the previous release wrote it: the reader's report, and one index per pair.
    const parsed = parseReportText(text, { id: 'u12345678', source: 'testshire.txt', chunkPrefix: 'u12345678' });
    const old = await openDB('inspection-compare', 2, {
      upgrade(db) {
        db.createObjectStore('indexes', { keyPath: 'key' });
        db.createObjectStore('reports', { keyPath: 'id' });
      },
    });
    await old.put('reports', {
      id: 'u12345678',
      report: { ...parsed.report, title: 'Testshire ILACS', year: 2023 },
      chunks: parsed.chunks,
      method: parsed.method,
      contentHash: 'h',
      sourceName: 'testshire.txt',
      text,
      addedAt: 1,
    });
    await old.put('indexes', { key: 'v2:m:h', formatVersion: 2 });
    old.close();

    const { events, send, start } = makeService();
    await start(['u12345678', NEW]);
    expect(library(events).reports.map((r) => r.id)).toContain('u12345678');
    expect(onScreen(events)).toEqual(['u12345678', NEW]);
    await send({
      type: 'search',
      id: 2,
      search: { reports: onScreen(events), query: 'private fostering', mode: 'keyword', theme: null, k: 3 },
    });
    expect(result(events, 2).response.reports[0]!.results.length).toBeGreaterThan(0);
    const db = await openDB('inspection-compare');
    expect([...db.objectStoreNames].sort()).toEqual([
      'catalogue',
      'libraryKeywords',
      'reportIndexes',
      'reports',
      'themes',
    ]);
    db.close();
  });

  it('refuses what is not a report, and changes nothing', async () => {
    const { events, send, start } = makeService();
    await start();
    await send({ type: 'inspect-report', id: 1, sourceName: 'shopping.txt', text: 'eggs\nmilk\nbread\n' });
    expect(reply(events, 1)).toMatchObject({
      type: 'error',
      message: /shopping\.txt: .*not look like an Ofsted inspection report/,
    });
    await send({ type: 'import-library', id: 2, json: '{"hello": 1}' });
    expect(reply(events, 2)).toEqual({
      type: 'error',
      id: 2,
      message: 'This file is not a library exported from this tool.',
    });
    for (const [id, json] of [
      [3, 'null'],
      [4, '7'],
      [5, '"text"'],
    ] as const) {
      await send({ type: 'import-library', id, json });
      expect(reply(events, id)).toEqual({
        type: 'error',
        id,
        message: 'This file is not a library exported from this tool.',
      });
    }
    expect(library(events).reports).toHaveLength(2);
  });

  it('keeps tabs in step: a report added in one appears in the other, and one deleted there is no longer compared here', async () => {
    // Tabs: services over the same IndexedDB, linked as the worker links them, by a BroadcastChannel.
    const linkedTab = () => {
      const channel = new BroadcastChannel('inspection-compare-library-test');
      const tab = makeService({ announceLibraryChange: () => channel.postMessage('changed') });
      const waiting: (() => void)[] = [];
      channel.onmessage = () =>
        void tab.send({ type: 'library-changed' }).then(() => waiting.splice(0).forEach((resolve) => resolve()));
      return { ...tab, channel, heard: () => new Promise<void>((resolve) => waiting.push(resolve)) };
    };
    const [one, two] = [linkedTab(), linkedTab()];
    // A tab that has not heard the news yet.
    const stale = makeService();
    try {
      for (const tab of [one, two, stale]) await tab.start();
      const text = await otherCouncil();

      let news = two.heard();
      const id = await added(one, 'testshire.txt', text, testshire);
      await news;
      expect(library(two.events).reports.map((r) => r.id)).toContain(id);

      // Adding it again where the news has not arrived is refused in plain words, not IndexedDB's, and the library
      // is read again.
      expect(await addReport(stale, 'copy.txt', text, testshire)).toMatchObject({
        type: 'error',
        message: 'This report is already in your library (2023: Testshire ILACS); it was added in another tab.',
      });
      expect(library(stale.events).reports.map((r) => r.id)).toContain(id);

      await two.open(['2022-redcar-cleveland-ilacs', id]);
      expect(onScreen(two.events)).toEqual(['2022-redcar-cleveland-ilacs', id]);
      news = two.heard();
      await one.send({ type: 'delete-report', id: 3, reportId: id });
      await news;
      // Told the library without it, the page opens the default pair; a search it sent before is refused.
      expect(library(two.events).reports.map((r) => r.id)).not.toContain(id);
      const search = { query: 'private fostering', mode: 'keyword', theme: null, k: 3 } as const;
      await two.send({ type: 'search', id: 4, search: { ...search, reports: onScreen(two.events) } });
      expect(reply(two.events, 4)).toEqual({ type: 'error', id: 4, message: `${id} is no longer in the library.` });
    } finally {
      for (const tab of [one, two]) tab.channel.close();
    }
  });

  it('applies the size limit of added files to the reports of an imported library, and names the one refused', async () => {
    const { events, send, start } = makeService();
    await start();
    const text = await otherCouncil();
    const huge = `${text}\n${'Children are visited often by social workers who know them well. '.repeat(330_000)}`;
    const json = JSON.stringify({
      format: 'inspection-compare-library',
      version: 1,
      reports: [{ title: 'Bigshire ILACS', council: 'Bigshire', year: 2023, sourceName: 'bigshire.txt', text: huge }],
    });
    await send({ type: 'import-library', id: 1, json });
    const mb = (new TextEncoder().encode(huge).length / 1_048_576).toFixed(1);
    expect(reply(events, 1)).toMatchObject({
      reply: {
        added: [],
        skipped: [`Bigshire ILACS: bigshire.txt is ${mb} MB; reports over 20 MB are not accepted.`],
      },
    });
    expect(library(events).reports).toHaveLength(2);
  });

  it('shows how far the reports on screen are, even when their embedding began for another set of reports', async () => {
    // The model loads only once the report is added and opened: the load of a slow visit, ended by a signal.
    let loaded!: () => void;
    const modelArrives = new Promise<void>((resolve) => (loaded = resolve));
    const { events, send, start, open } = makeService({
      loadEmbedder: async (m) => (await modelArrives, loadEmbedder(m)),
    });
    await start();
    const firstRun = send({ type: 'start-semantic' });
    const id = await added({ events, send }, 'testshire.txt', await otherCouncil(), testshire);
    const from = events.length;
    await open([OLD, id]);
    loaded();
    await firstRun;
    await send({ type: 'start-semantic' });
    const after = events.slice(from);
    expect(phases(after)).toEqual(['waiting', 'embedding', 'ready']);
    const progress = after.flatMap((e) => (e.type === 'semantic' && e.state.phase === 'embedding' ? [e.state] : []));
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total });
    expect(after.at(-1)).toEqual(ready('built'));
  });

  it('writes nothing back for a report deleted while it is being embedded, and stops embedding it', async () => {
    let deleting: string | null = null;
    let deleted = false;
    let embeddedAfter = 0;
    const { events, send, semanticDone, start, open } = makeService({
      loadEmbedder: watchingPassages(async () => {
        if (deleted) embeddedAfter++;
        if (deleting && !deleted) {
          // The reader deletes it from another view while its first call is being embedded.
          await send({ type: 'delete-report', id: 77, reportId: deleting });
          deleted = true;
        }
      }),
    });
    await start();
    await semanticDone();
    const id = await added({ events, send }, 'testshire.txt', await otherCouncil(), testshire);
    deleting = id;
    await open([OLD, id]);
    await semanticDone();
    expect(reply(events, 77)).toMatchObject({ type: 'answer', to: 'delete-report' });
    expect(embeddedAfter).toBe(0);
    await open(null);
    await semanticDone();
    const db = await openDB('inspection-compare');
    const records = (await db.getAll('reportIndexes')) as StoredReportIndex[];
    const reports = await db.getAllKeys('reports');
    db.close();
    expect(records.map((r) => r.reportId).sort()).toEqual([OLD, NEW].sort());
    expect(reports).toEqual([]);
  });

  it('opens the bundled pair when a link names a report this browser lacks, and says which', async () => {
    const { events, start } = makeService();
    const opened = await start(['2012-redcar-cleveland-safeguarding-and-looked-after-children', 'u00000000']);
    expect(opened.missing).toEqual(['u00000000']);
    expect(onScreen(events)).toEqual(library(events).defaultSelection);
  });
});
