import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { deleteDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../src/core/types.ts';
import { IndexStore } from '../../src/store/indexStore.ts';
import { LIBRARY_FORMAT, parseLibraryFile } from '../../src/worker/libraryFile.ts';
import { ReportIndexCache } from '../../src/worker/reportIndexCache.ts';
import { ReportLibrary } from '../../src/worker/reportLibrary.ts';

/** Seeded and bounded in time as well as in runs: a failure reproduces, and a busy machine runs fewer cases. */
const RUNS = { seed: 24, numRuns: 300, interruptAfterTimeLimit: 15_000 } as const;
/** Each import stores its reports and builds their indexes, so fewer of these. */
const IMPORT_RUNS = { seed: 24, numRuns: 30, interruptAfterTimeLimit: 30_000 } as const;

/** Every way Unicode ends a line, any of which could split a heading or a row of an export. */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;

const reportText = (n: number) =>
  `Testshire children's services inspection\nInspection dates: 1 to 5 March 2021\n\n` +
  `The council supports ${n} children in care.\n\nLeaders know their services well.\n`;

const validReport = (n: number) => ({
  sourceName: `testshire-${n}.txt`,
  text: reportText(n),
  title: `Testshire ${n}`,
  council: 'Testshire',
  year: 2021,
});
const validFile = () => ({ format: LIBRARY_FORMAT, version: 1, reports: [validReport(1), validReport(2)] });

/** Parses a file as an import does: it is read, or refused with a message for the reader, never with a raw error. */
function parseOrRefuse(json: string): ReturnType<typeof parseLibraryFile> | null {
  try {
    return parseLibraryFile(json);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).constructor).toBe(Error);
    expect((error as Error).message).toMatch(/^This (file|library file) is /);
    return null;
  }
}

function expectSingleLineNames(file: ReturnType<typeof parseLibraryFile>): void {
  for (const r of file.reports) {
    for (const name of [r.title, r.council, r.sourceName]) {
      expect(typeof name).toBe('string');
      expect(name).not.toMatch(LINE_BREAK);
    }
  }
}

const names = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .array(fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('\n', '\r\n', '\u2028', '\u2029', '\u0085', '\v')))
    .map((parts) => parts.join('')),
);

/** A valid export with one part changed: a field removed, retyped or renamed, a name with line breaks. */
const mutated = fc
  .tuple(
    fc.constantFrom('format', 'version', 'reports', 'report', 'text', 'title', 'council', 'year', 'sourceName'),
    fc.constantFrom('delete', 'replace', 'name'),
    fc.jsonValue(),
    names,
  )
  .map(([field, how, value, name]) => {
    const file: Record<string, unknown> = validFile();
    const report = (file.reports as Record<string, unknown>[])[0]!;
    const holder = field in file || field === 'report' ? file : report;
    const key = field === 'report' ? 'reports' : field;
    if (how === 'delete') delete holder[key];
    else if (how === 'replace') holder[key] = field === 'report' ? [value, validReport(3)] : value;
    else holder[key] = field === 'year' ? 2021 : name;
    return file;
  });

describe('fuzzing the library import', () => {
  it('reads or refuses any text with a message, never a raw error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), (json) => {
        const file = parseOrRefuse(json);
        if (file) expectSingleLineNames(file);
      }),
      RUNS,
    );
  });

  it('reads or refuses any JSON shaped like a library, and gives what it reads names on one line', () => {
    const shaped = fc.record({
      format: fc.oneof(fc.constant(LIBRARY_FORMAT), fc.jsonValue()),
      version: fc.oneof(fc.constant(1), fc.jsonValue()),
      reports: fc.oneof(
        fc.array(
          fc.oneof(
            fc.record({
              sourceName: fc.oneof(names, fc.jsonValue()),
              text: fc.oneof(fc.string(), fc.jsonValue()),
              title: fc.oneof(names, fc.jsonValue()),
              council: fc.oneof(names, fc.jsonValue()),
              year: fc.oneof(fc.integer(), fc.jsonValue()),
            }),
            fc.jsonValue(),
          ),
          { maxLength: 4 },
        ),
        fc.jsonValue(),
      ),
    });
    fc.assert(
      fc.property(shaped, (data) => {
        const file = parseOrRefuse(JSON.stringify(data));
        if (file) expectSingleLineNames(file);
      }),
      RUNS,
    );
  });

  it('imports a changed export, or refuses it or its reports each with a message, storing names on one line', async () => {
    const corpus: Corpus = { formatVersion: 1, reports: [], chunks: [] };
    await fc.assert(
      fc.asyncProperty(mutated, async (file) => {
        await deleteDB('inspection-compare');
        const store = await IndexStore.open();
        const indexes = new ReportIndexCache({
          bundled: corpus,
          store,
          modelId: 'none',
          fetchBytes: () => Promise.reject(new Error('not needed')),
          notice: () => {},
        });
        const library = new ReportLibrary(corpus, store, indexes, await store.listReports());
        try {
          const outcome = await library.importFile(JSON.stringify(file)).catch((error: unknown) => {
            expect((error as Error).constructor).toBe(Error);
            expect((error as Error).message).toMatch(/^This (file|library file) is /);
            return null;
          });
          if (!outcome) return;
          for (const skipped of outcome.skipped) {
            expect(skipped).not.toMatch(/undefined|null|is not a function|Cannot read|\[object /);
          }
          expect(outcome.added.length + outcome.skipped.length).toBe((file.reports as unknown[]).length);
          const entries = library.entries();
          expect(entries.map((e) => e.id)).toEqual(outcome.added);
          for (const e of entries) {
            for (const name of [e.title, e.council, e.sourceName ?? '']) expect(name).not.toMatch(LINE_BREAK);
          }
        } finally {
          store.close();
        }
      }),
      IMPORT_RUNS,
    );
  });
});
