/** The library's storage: all-or-nothing writes, many reports, two tabs at once (fake-indexeddb, the real idb code). */
import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deleteDB, openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildReportIndex } from '../../src/core/buildIndexes.ts';
import { parseReportText } from '../../src/core/chunk.ts';
import { serialiseKeywordIndex } from '../../src/core/keyword.ts';
import type { Chunk, Report } from '../../src/core/types.ts';
import {
  INDEX_FORMAT_VERSION,
  IndexStore,
  type StoredReport,
  type StoredReportIndex,
} from '../../src/store/indexStore.ts';
import { textHashOf } from '../../src/store/storedRecords.ts';
import type { Answer, Event, ReportDraft } from '../../src/worker/protocol.ts';
import { SearchService } from '../../src/worker/service.ts';

const publicDir = join(import.meta.dirname, '../../public');

/** A small report of its own: three paragraphs, one naming its council. */
function report(n: number): { stored: StoredReport; index: StoredReportIndex } {
  const id = `u${String(n).padStart(8, '0')}`;
  const meta: Report = {
    id,
    year: 2010 + (n % 15),
    title: `Inspection ${n}`,
    council: `Council ${n}`,
    inspectionDates: '',
    publisher: 'Ofsted',
    published: null,
    judgements: [],
    sectionGrades: [],
  };
  const texts = [
    `Council ${n} visits children in care regularly.`,
    'Private fostering arrangements are checked.',
    n % 2 ? 'Care leavers have a personal adviser.' : 'Neglect is recognised early.',
  ];
  const chunks: Chunk[] = texts.map((text, i) => ({
    id: `${id}-p${i + 1}`,
    reportId: id,
    year: meta.year,
    paragraph: i + 1,
    kind: 'paragraph',
    sectionPath: ['Findings'],
    grade: null,
    text,
  }));
  const stored: StoredReport = {
    id,
    report: meta,
    chunks,
    method: 'numbered',
    contentHash: id,
    sourceName: `${id}.txt`,
    text: texts.join('\n'),
    addedAt: n,
  };
  const keyword = serialiseKeywordIndex(buildReportIndex(meta, chunks).keyword);
  return {
    stored,
    index: {
      reportId: id,
      formatVersion: INDEX_FORMAT_VERSION,
      textHash: 'x',
      keywordIndex: keyword,
      vectors: null,
      savedAt: 0,
    },
  };
}

function service() {
  const events: Event[] = [];
  const s = new SearchService({
    fetchText: (path) => readFile(join(publicDir, path), 'utf8'),
    fetchBytes: async (path) => new Uint8Array(await readFile(join(publicDir, path))),
    openStore: () => IndexStore.open(),
    loadEmbedder: () => Promise.reject(new Error('not needed')),
    post: (e) => events.push(e),
    announceLibraryChange: () => {},
  });
  return { events, send: (r: Parameters<SearchService['handle']>[0]) => s.handle(r) };
}

beforeEach(async () => {
  await deleteDB('inspection-compare');
});

describe('IndexStore', () => {
  it('writes a report, its catalogue entry and its index together, or none of them', async () => {
    const store = await IndexStore.open();
    const { stored, index } = report(1);
    // An index record IndexedDB cannot key (as a write cut short would leave it): the whole addition is undone.
    await expect(store.addReport(stored, { ...index, reportId: undefined as unknown as string })).rejects.toThrow();
    expect(await store.listReports()).toEqual([]);
    expect(await store.getReport(stored.id)).toBeUndefined();
    await store.addReport(stored, index);
    expect((await store.listReports()).map((r) => r.id)).toEqual([stored.id]);
    expect(await store.loadIndex(stored.id)).toMatchObject({ status: 'hit' });
    await expect(store.addReport(stored, index)).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await store.listReports()).toHaveLength(1);
    store.close();
  });

  it('gives the chunks of reports stored before chunks had a kind the kinds the chunker gives them', async () => {
    const seeds = join(import.meta.dirname, '../../seeds');
    const text2012 = await readFile(
      join(seeds, '2012-redcar-cleveland-safeguarding-and-looked-after-children.txt'),
      'utf8',
    );
    const text2022 = await readFile(join(seeds, '2022-redcar-cleveland-ilacs.txt'), 'utf8');
    // Unbulleted areas for improvement, and a report split at blank lines, as well as the reports as they are.
    const texts = [text2012, text2022, text2012.replace(/^-\s+/gm, ''), text2012.replace(/^(\s*)\d+\.\s+/gm, '$1')];
    const parsed = texts.map((text, n) => {
      const id = `u0000000${n}`;
      return { id, text, ...parseReportText(text, { id, chunkPrefix: id }) };
    });
    (await IndexStore.open()).close();
    const db = await openDB('inspection-compare');
    for (const { id, text, report, chunks, method } of parsed) {
      const withoutKinds = chunks.map(({ kind: _, ...chunk }) => chunk);
      const record = { id, report, chunks: withoutKinds, method, contentHash: id, sourceName: id, text, addedAt: 0 };
      await db.put('reports', record);
    }
    db.close();
    const store = await IndexStore.open();
    for (const { id, chunks } of parsed) expect((await store.getReport(id))!.chunks).toEqual(chunks);
    expect((await store.allReports()).map((r) => r.chunks)).toEqual(parsed.map((p) => p.chunks));
    expect(new Set(parsed.flatMap((p) => p.chunks.map((c) => c.kind)))).toEqual(
      new Set(['paragraph', 'recommendation', 'summary', 'unnumbered']),
    );
    store.close();
  });

  it('keeps the keyword indexes saved before chunks had a kind: the text they were built from is the same', async () => {
    const text = await readFile(join(import.meta.dirname, '../../seeds/2022-redcar-cleveland-ilacs.txt'), 'utf8');
    const { report, chunks } = parseReportText(text, { id: 'u1', chunkPrefix: 'u1' });
    const withoutKinds = chunks.map(({ kind: _, ...chunk }) => chunk) as Chunk[];
    expect(textHashOf(report, chunks)).toBe(textHashOf(report, withoutKinds));
    expect(textHashOf(report, chunks)).not.toBe(textHashOf(report, chunks.slice(1)));
  });

  it('opens a library of 300 reports and searches every one of them', async () => {
    const store = await IndexStore.open();
    for (let n = 1; n <= 300; n++) {
      const { stored, index } = report(n);
      await store.addReport(stored, index);
    }
    store.close();
    const { events, send } = service();
    await send({ type: 'init', siteBase: '' });
    const library = events.find((e) => e.type === 'library') as Extract<Event, { type: 'library' }>;
    expect(library.reports).toHaveLength(302);
    await send({
      type: 'search',
      id: 1,
      search: {
        query: 'neglect',
        mode: 'keyword',
        theme: null,
        k: 3,
        scope: 'library',
        reports: library.defaultSelection,
      },
    });
    const answer = events.find((e): e is Answer<'search'> => e.type === 'answer' && e.to === 'search')!.reply;
    const discussing = answer.reports.filter((r) => r.discussed).map((r) => r.report.id);
    // The even-numbered reports, and the bundled 2022 one, discuss neglect; the odd ones are named as silent.
    expect(discussing.filter((id) => id.startsWith('u'))).toHaveLength(150);
    expect(discussing.every((id) => !id.startsWith('u') || Number(id.slice(1)) % 2 === 0)).toBe(true);
    expect(answer.reports).toHaveLength(302);
  });

  it('takes two tabs adding different reports at the same moment: both are kept, and each tab lists both', async () => {
    const seed = await readFile(join(import.meta.dirname, '../../seeds/2022-redcar-cleveland-ilacs.txt'), 'utf8');
    const [one, two] = [service(), service()];
    await one.send({ type: 'init', siteBase: '' });
    await two.send({ type: 'init', siteBase: '' });
    // As the page adds a report: the worker reads it, then is sent the draft's token and the reader's corrections.
    const add = async (tab: typeof one, council: string) => {
      const text = seed.replaceAll('Redcar and Cleveland', council);
      await tab.send({ type: 'inspect-report', id: 1, sourceName: `${council}.txt`, text });
      const draft = tab.events.find((e): e is Answer => e.type === 'answer' && e.id === 1)!.reply as ReportDraft;
      const meta = { title: `${council} ILACS`, council, year: 2023 };
      await tab.send({ type: 'add-report', id: 2, token: draft.token, meta });
    };
    await Promise.all([add(one, 'Northshire'), add(two, 'Southshire')]);
    for (const tab of [one, two]) {
      expect(tab.events.filter((e) => e.type === 'answer' && e.to === 'add-report')).toHaveLength(1);
    }
    await one.send({ type: 'library-changed' });
    await two.send({ type: 'library-changed' });
    for (const tab of [one, two]) {
      const library = tab.events.filter((e) => e.type === 'library').at(-1) as Extract<Event, { type: 'library' }>;
      expect(
        library.reports
          .map((r) => r.council)
          .filter((c) => c.endsWith('shire'))
          .sort(),
      ).toEqual(['Northshire', 'Southshire']);
    }
  });
});
