import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { deleteDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/hash.ts';
import type { Corpus } from '../../src/core/types.ts';
import { IndexStore } from '../../src/store/indexStore.ts';
import { readText } from '../../src/worker/drafts.ts';
import { LIBRARY_FORMAT, contentHash, parseLibraryFile } from '../../src/worker/libraryFile.ts';
import { ReportIndexCache } from '../../src/worker/reportIndexCache.ts';
import { ReportLibrary } from '../../src/worker/reportLibrary.ts';
import { parseState } from '../../src/ui/urlState.ts';

/** A short report that differs from another only in one number. */
const reportText = (n: number) =>
  `Testshire children's services inspection\nInspection dates: 1 to 5 March 2021\n\n` +
  `The council supports ${n} children in care.\n\nLeaders know their services well.\n`;

/** Before ids were widened: `u` and the last 8 hex digits of the 53-bit hash of the report's words. */
const oldId = (words: string) => `u${contentHash(words).slice(-8)}`;

/** Two numbers whose reports shared an id under the old scheme: a birthday search over 32 bits. */
function collidingPair(): [number, number] {
  const marker = 987654321;
  const words = readText('t.txt', reportText(marker))
    .parsed.chunks.map((c) => c.text)
    .join(' ');
  const seen = new Map<string, number>();
  for (let n = 0; n < 1_000_000; n++) {
    const id = oldId(words.replace(String(marker), String(n)));
    const earlier = seen.get(id);
    if (earlier !== undefined) return [earlier, n];
    seen.set(id, n);
  }
  throw new Error('no colliding pair found');
}

const emptyCorpus: Corpus = { formatVersion: 1, reports: [], chunks: [] };

async function openLibrary() {
  const store = await IndexStore.open();
  const indexes = new ReportIndexCache({
    bundled: emptyCorpus,
    store,
    modelId: 'none',
    fetchBytes: () => Promise.reject(new Error('not needed')),
    notice: () => {},
  });
  return { store, library: new ReportLibrary(emptyCorpus, store, indexes, await store.listReports()) };
}

const meta = { title: 'Testshire ILACS', council: 'Testshire', year: 2021 };

describe('added reports’ ids', () => {
  beforeEach(async () => {
    await deleteDB('inspection-compare');
  });

  it('hashes with SHA-256, as Node does, across block boundaries and outside the BMP', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'b'.repeat(64), 'é😀 care\n'.repeat(500)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('differ for two reports that differ in one number, even where 32 bits of their hash agree', async () => {
    const [a, b] = collidingPair();
    const [first, second] = [readText('a.txt', reportText(a)), readText('b.txt', reportText(b))];
    expect(oldId(first.parsed.chunks.map((c) => c.text).join(' '))).toBe(
      oldId(second.parsed.chunks.map((c) => c.text).join(' ')),
    );
    expect(first.id).toMatch(/^u[0-9a-f]{24}$/);
    expect(second.id).not.toBe(first.id);

    // Both are added: the second is not taken for the first added in another tab.
    const { library } = await openLibrary();
    expect(await library.add(first, meta)).toBe(first.id);
    expect(await library.add(second, meta)).toBe(second.id);
    expect(library.allIds()).toEqual([first.id, second.id]);
  });

  it('are the same for the same words on any machine, whatever the line breaks', () => {
    const text = reportText(12);
    expect(readText('other name.txt', text.replaceAll('\n\n', '\n\n\n')).id).toBe(readText('t.txt', text).id);
  });

  it('stay as they were for reports stored under the old ids, which are still found as duplicates and opened by links', async () => {
    const read = readText('t.txt', reportText(7));
    const old = 'u1a2b3c4d';
    const { store } = await openLibrary();
    const chunks = read.parsed.chunks.map((c) => ({ ...c, id: old + c.id.slice(read.id.length), reportId: old }));
    const report = { ...read.parsed.report, ...meta, id: old };
    await store.addReport(
      {
        id: old,
        report,
        chunks,
        method: read.parsed.method,
        contentHash: read.hash,
        sourceName: 't.txt',
        text: reportText(7),
        addedAt: 1,
      },
      // An index record the library rebuilds when it is not for this text.
      { reportId: old, formatVersion: 0, textHash: '', keywordIndex: '', vectors: null, savedAt: 1 },
    );
    const { library } = await openLibrary();
    expect(library.allIds()).toEqual([old]);
    expect(() => library.refuseKnown(readText('again.txt', reportText(7)))).toThrow(
      'This report is already in your library (2021: Testshire ILACS).',
    );

    const known = { themes: [], chunkIds: new Set(chunks.map((c) => c.id)), reports: [{ id: old, year: 2021 }] };
    const { state, problems } = parseState(`?a=2012-redcar&b=${old}&browse=${old}&p=${old}-b1`, known);
    expect(problems).toEqual([]);
    expect(state).toMatchObject({ reports: ['2012-redcar', old], browse: old, focus: `${old}-b1` });
  });

  it('open from links in the new form too', () => {
    const { id, parsed } = readText('t.txt', reportText(3));
    expect(id).toMatch(/^u[0-9a-f]{24}$/);
    const known = { themes: [], chunkIds: new Set(parsed.chunks.map((c) => c.id)), reports: [{ id, year: 2021 }] };
    const { state, problems } = parseState(`?a=2012-redcar&b=${id}&browse=${id}&p=${id}-b2`, known);
    expect(problems).toEqual([]);
    expect(state).toMatchObject({ reports: ['2012-redcar', id], browse: id, focus: `${id}-b2` });
  });
});

describe('an imported library', () => {
  beforeEach(async () => {
    await deleteDB('inspection-compare');
  });

  it('gives its reports names on one line, whatever line breaks the file put in them', async () => {
    const file = {
      format: LIBRARY_FORMAT,
      version: 1,
      reports: [
        {
          sourceName: 'test\nshire.txt',
          text: reportText(1),
          title: ' Testshire\r\n# ILACS\r',
          council: 'Test\u2028shire\n\n## Council',
          year: 2021,
        },
        { sourceName: ' \r\nuntitled\t.txt ', text: reportText(2), title: '\n', council: '', year: 2021 },
      ],
    };
    expect(parseLibraryFile(JSON.stringify(file)).reports).toEqual([
      {
        ...file.reports[0],
        sourceName: 'test shire.txt',
        title: 'Testshire # ILACS',
        council: 'Test shire ## Council',
      },
      { ...file.reports[1], sourceName: 'untitled .txt', title: '' },
    ]);
    const { library } = await openLibrary();
    expect(await library.importFile(JSON.stringify(file))).toMatchObject({ skipped: [] });
    expect(library.entries().map(({ title, council, sourceName }) => ({ title, council, sourceName }))).toEqual([
      { title: 'Testshire # ILACS', council: 'Test shire ## Council', sourceName: 'test shire.txt' },
      { title: 'untitled .txt', council: '', sourceName: 'untitled .txt' },
    ]);
  });
});
