/** The benchmark's figures as readable tables, and the scale findings they support. */
import type { ModeScores } from '../eval.ts';
import type { Mode } from '../../src/core/search.ts';
import type { BrowserFigures, VisitFigures } from './browser.ts';
import type { ModelFigures } from './models.ts';
import type { NodeFigures } from './node.ts';
import type { PeerFigures } from './peers.ts';
import { SHOWN, type NationalFigures } from './national.ts';
import type { ScaleFigures } from './scale.ts';
import type { Latency } from './measure.ts';

/** Above this a search no longer feels instant while typing (the app searches as you type). */
export const INTERACTIVE_MS = 100;

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [line(cells[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join(
    '\n',
  );
}

export const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
export const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes >= 1e7 ? 1 : 2);
const sec = (millis: number) => (millis / 1000).toFixed(2);
const q = (x: number) => x.toFixed(3);

export function nodeTable(n: NodeFigures): string {
  const e = n.embed;
  return table(
    ['Node, real corpus', 'value'],
    [
      ['model build (build-model.ts, child process)', `${sec(n.modelBuildMs)} s`],
      ['model load', `${ms(n.modelLoadMs)} ms`],
      [
        `embed everything (${e.chunks} paragraphs, ${e.sentences} sentences, themes)`,
        `${ms(e.ms)} ms (${e.textsPerSecond.toFixed(0)} texts/s)`,
      ],
      ['keyword index build (MiniSearch, median of 5)', `${ms(n.keywordBuildMs)} ms`],
      ['MiniSearch JSON', `${mb(n.bytes.miniSearchJson)} MB`],
      ['paragraph vectors / sentence vectors', `${mb(n.bytes.chunkVectors)} / ${mb(n.bytes.sentenceVectors)} MB`],
      ['IndexedDB records, one per report (keyword index, int8 vectors, themes)', `${mb(n.bytes.storedRecord)} MB`],
    ],
  );
}

/** Our modes and every peer, side by side; ratios are against our engine in the same mode. */
export function qualityTable(
  ours: ModeScores[],
  keywordBuildMs: number,
  bytes: NodeFigures['bytes'],
  peers: PeerFigures[],
): string {
  const base = new Map(ours.map((s) => [s.mode, s]));
  const rows = [
    ...ours.map(
      (s) =>
        [
          'ours',
          s.mode,
          s.all,
          s.latency,
          keywordBuildMs,
          s.mode === 'keyword' ? bytes.miniSearchJson : bytes.storedRecord,
        ] as const,
    ),
    ...peers.map((p) => [p.engine, p.mode, p.all, p.latency, p.buildMs, p.bytes] as const),
  ];
  return table(
    [
      'engine',
      'mode',
      'hit@3',
      'recall@5',
      'MRR@10',
      'ms median',
      'ms p95',
      'latency × ours',
      'MRR × ours',
      'build ms',
      'index MB',
    ],
    rows.map(([engine, mode, all, latency, build, size]) => {
      const ref = base.get(mode)!;
      return [
        engine,
        mode,
        q(all.hitAt3),
        q(all.recallAt5),
        q(all.mrrAt10),
        ms(latency.median),
        ms(latency.p95),
        (latency.median / ref.latency.median).toFixed(2),
        (all.mrrAt10 / ref.all.mrrAt10).toFixed(2),
        ms(build),
        mb(size),
      ];
    }),
  );
}

export function browserTables(b: BrowserFigures): string {
  const visit = (name: string, v: VisitFigures) => [
    name,
    ms(v.searchBoxMs),
    ms(v.firstResultsMs),
    ms(v.readyMs),
    v.source,
  ];
  const visits = table(
    [
      `Chromium visit (ms from navigation start, median of ${b.visitRuns})`,
      'search box',
      'keyword results',
      'semantic ready',
      'index from',
    ],
    [
      visit('first visit, service worker blocked', b.appOnly.cold),
      visit('second visit, service worker blocked', b.appOnly.warm),
      visit('first visit, service worker precaching', b.withServiceWorker.cold),
      visit('second visit, from the service worker', b.withServiceWorker.warm),
    ],
  );
  const trips = table(
    [
      'keystroke -> results painted (no typing delay)',
      'questions',
      'first paint ms median / p95',
      'in its mode ms median / p95',
    ],
    b.roundTrip.map((r) => [
      r.mode,
      r.questions,
      `${ms(r.firstPaint.median)} / ${ms(r.firstPaint.p95)}`,
      `${ms(r.latency.median)} / ${ms(r.latency.p95)}`,
    ]),
  );
  const assets = table(
    ['asset (first visit)', 'raw MB', 'gzip MB', 'brotli MB', 'sent by a host, visit + reload'],
    [
      ...b.assets.map((a) => [a.path, mb(a.raw), mb(a.gzip), mb(a.brotli), a.fetches]),
      ['total', mb(b.totals.raw), mb(b.totals.gzip), mb(b.totals.brotli), `${mb(b.totals.sentByHost)} MB`],
    ],
  );
  const twice = `Sent more than once over a first visit and a reload: ${b.fetchedTwice.length ? b.fetchedTwice.join(', ') : 'nothing'}.`;
  const embedding = table(
    ['embedding in the browser (bundled pair, vectors withheld)', 'paragraphs', 'texts', 's', 'paragraphs/s'],
    b.embedding.map((e) => [
      e.threads ? 'cross-origin isolated: wasm threads' : 'not isolated: one thread',
      e.paragraphs,
      e.texts,
      sec(e.seconds * 1000),
      e.paragraphsPerSecond.toFixed(1),
    ]),
  );
  const added = `An added report (${b.addedReport.paragraphs} paragraphs), from "Add to the library" to search by meaning ready with it on screen, one thread: ${sec(b.addedReport.seconds * 1000)} s. Typing while it is embedded, ${b.typingWhileEmbedding.questions} questions by exact words, first results painted, median / p95: ${ms(b.typingWhileEmbedding.firstPaint.median)} / ${ms(b.typingWhileEmbedding.firstPaint.p95)} ms.`;
  const heap = table(
    ['JS heap after the first visit (after GC)', 'heap MB', 'ArrayBuffers MB'],
    [
      ['page', mb(b.heap.page.used), mb(b.heap.page.backing)],
      ['search worker', mb(b.heap.worker.used), mb(b.heap.worker.backing)],
      ['model worker', mb(b.heap.modelWorker.used), mb(b.heap.modelWorker.backing)],
    ],
  );
  const tab =
    b.tabMemoryMb === null
      ? ''
      : `\nThe tab at that moment, page, worker and model (the renderer's anonymous memory): ${b.tabMemoryMb.toFixed(0)} MB.`;
  const startUp = table(
    ['second visit, in the worker (service worker blocked)', 'ms'],
    Object.entries(b.secondVisitWorker).map(([name, duration]) => [name, ms(duration)]),
  );
  return [
    visits,
    startUp,
    trips,
    assets,
    twice,
    embedding,
    added,
    heap + tab,
    `vite build: ${sec(b.viteBuildMs)} s`,
  ].join('\n\n');
}

/** Today's browser figures beside those of an earlier run (a results file), where the earlier run measured them. */
export function comparisonTable(
  b: BrowserFigures,
  before: { date: string; browser: Partial<BrowserFigures> } | null,
): string {
  const was = before?.browser;
  const trip = (f: Partial<BrowserFigures> | undefined, mode: Mode) =>
    f?.roundTrip?.find((r) => r.mode === mode)?.latency;
  const first = (f: Partial<BrowserFigures> | undefined, mode: Mode) => {
    const r = f?.roundTrip?.find((r) => r.mode === mode);
    return r?.firstPaint ?? r?.latency;
  };
  const cell = (v: number | undefined, format: (n: number) => string) => (v === undefined ? '-' : format(v));
  const rows: (string | number)[][] = [
    [
      'first visit: keyword results, ms',
      cell(was?.appOnly?.cold.firstResultsMs, ms),
      ms(b.appOnly.cold.firstResultsMs),
    ],
    ['first visit: semantic ready, ms', cell(was?.appOnly?.cold.readyMs, ms), ms(b.appOnly.cold.readyMs)],
    [
      'second visit (service worker): keyword results, ms',
      cell(was?.withServiceWorker?.warm.firstResultsMs, ms),
      ms(b.withServiceWorker.warm.firstResultsMs),
    ],
    [
      'second visit (service worker): semantic ready, ms',
      cell(was?.withServiceWorker?.warm.readyMs, ms),
      ms(b.withServiceWorker.warm.readyMs),
    ],
    ...b.roundTrip.flatMap((r) => [
      [
        `${r.mode}, first results painted: ms median / p95`,
        // Before the exact-words answer stood in, the first results painted were the answer in the mode asked for.
        cell(first(was, r.mode)?.median, (m) => `${ms(m)} / ${ms(first(was, r.mode)!.p95)}`),
        `${ms(r.firstPaint.median)} / ${ms(r.firstPaint.p95)}`,
      ],
      [
        `${r.mode}, its own answer painted: ms median / p95`,
        cell(trip(was, r.mode)?.median, (m) => `${ms(m)} / ${ms(trip(was, r.mode)!.p95)}`),
        `${ms(r.latency.median)} / ${ms(r.latency.p95)}`,
      ],
    ]),
    [
      'bundled pair embedded in the browser, one thread, s',
      cell(was?.embedding?.find((e) => !e.threads)?.seconds, (s) => sec(s * 1000)),
      sec(b.embedding.find((e) => !e.threads)!.seconds * 1000),
    ],
    [
      'an added report: confirmed to searchable by meaning, s',
      cell(was?.addedReport?.seconds, (s) => sec(s * 1000)),
      sec(b.addedReport.seconds * 1000),
    ],
    [
      'typing while a report is embedded: first results, ms median / p95',
      was?.typingWhileEmbedding
        ? `${ms(was.typingWhileEmbedding.firstPaint.median)} / ${ms(was.typingWhileEmbedding.firstPaint.p95)}`
        : '-',
      `${ms(b.typingWhileEmbedding.firstPaint.median)} / ${ms(b.typingWhileEmbedding.firstPaint.p95)}`,
    ],
    [
      'first visit bytes: raw / gzip, MB',
      cell(was?.totals?.raw, (r) => `${mb(r)} / ${mb(was!.totals!.gzip)}`),
      `${mb(b.totals.raw)} / ${mb(b.totals.gzip)}`,
    ],
  ];
  return table(['Chromium', before ? `before (${before.date.slice(0, 10)})` : 'before', 'now'], rows);
}

const byMode = <T extends { mode: Mode }>(list: T[], mode: Mode) => list.find((x) => x.mode === mode)!;

export function scaleTables(scale: ScaleFigures[]): string {
  const build = table(
    [
      'library',
      'reports',
      'paragraphs',
      'keyword build ms (all reports)',
      'keyword load ms (all reports)',
      'shared keyword index build ms',
      'embedding everything s (est., Node rate)',
      'MiniSearch MB',
      'int8 vectors MB',
      'IndexedDB MB',
      'memory MB (bench process)',
      "memory MB (worker's service)",
      'open: keyword answer ms',
      'first search of every report ms',
      'later visit: first search of every report ms',
    ],
    scale.map((s) => [
      `x${s.factor}`,
      s.reports,
      s.chunks,
      ms(s.keywordBuildMs),
      ms(s.keywordLoadMs),
      ms(s.libraryKeywordBuildMs),
      s.estimatedEmbedSeconds.toFixed(1),
      mb(s.bytes.miniSearchJson),
      mb(s.bytes.vectors),
      mb(s.bytes.storedRecords),
      s.memoryMb.toFixed(0),
      s.serviceMemoryMb.toFixed(0),
      ms(s.open.keywordAnswerMs),
      ms(s.open.firstLibrarySearchMs),
      ms(s.open.laterLibrarySearchMs),
    ]),
  );
  const modes: Mode[] = ['hybrid', 'keyword', 'semantic'];
  const latency = table(
    [
      'library',
      ...modes.map((m) => `${m}: 2 reports med/p95`),
      ...modes.map((m) => `${m}: every report med/p95`),
      'hybrid MRR@10 (real pair)',
    ],
    scale.map((s) => [
      `x${s.factor}`,
      ...modes.map((m) => `${ms(byMode(s.twoReports, m).latency.median)} / ${ms(byMode(s.twoReports, m).latency.p95)}`),
      ...modes.map((m) => `${ms(byMode(s.allReports, m).latency.median)} / ${ms(byMode(s.allReports, m).latency.p95)}`),
      q(byMode(s.twoReports, 'hybrid').all.mrrAt10),
    ]),
  );
  return `${build}\n\n${latency}`;
}

/** Growth exponent between the two largest libraries, where fixed costs no longer hide the trend: 1 is linear, 2 quadratic. */
function growth(scale: ScaleFigures[], f: (s: ScaleFigures) => number): number {
  const a = scale[scale.length - 2]!;
  const b = scale[scale.length - 1]!;
  return Math.log(f(b) / f(a)) / Math.log(b.factor / a.factor);
}

/** The targets of issue 14, at the largest library measured. */
const TARGETS = { twoReportsP95: 10, everyReportP95: 150, openKeywordMs: 1000, memoryMb: 200 };

/** Each target of issue 14 against what was measured at the largest library, and how each cost grows. */
export function scaleFindings(scale: ScaleFigures[]): string[] {
  const last = scale[scale.length - 1]!;
  const g = (f: (s: ScaleFigures) => number) => growth(scale, f).toFixed(2);
  const worst = (list: { latency: Latency }[]) => Math.max(...list.map((r) => r.latency.p95));
  const verdict = (value: number, target: number) => `${value <= target ? 'met' : 'NOT met'} (target ${target})`;
  const at = `at x${last.factor} (${last.reports} reports, ${last.chunks.toLocaleString('en-GB')} paragraphs)`;
  return [
    `Two reports ${at}: worst p95 over the modes ${ms(worst(last.twoReports))} ms, ${verdict(worst(last.twoReports), TARGETS.twoReportsP95)}; growth exponent ${g((s) => worst(s.twoReports))} (0 = independent of the library): each report has its own indexes.`,
    `Every report at once ${at}: worst p95 ${ms(worst(last.allReports))} ms, ${verdict(worst(last.allReports), TARGETS.everyReportP95)}; growth exponent ${g((s) => worst(s.allReports))} (1 = linear): one keyword search of the library's shared index, and an exact cosine scan per report.`,
    `Opening on a stored library ${at}, to the first keyword answer (worker side, Node with fake-indexeddb): ${ms(last.open.keywordAnswerMs)} ms, ${verdict(last.open.keywordAnswerMs, TARGETS.openKeywordMs)}; the first search of every report reads every report's record and makes the shared keyword index: ${ms(last.open.firstLibrarySearchMs)} ms (${ms(last.open.laterLibrarySearchMs)} ms on a later visit, which reads the index).`,
    `Memory ${at}: the bench's whole process holds ${last.memoryMb.toFixed(0)} MB of heap and buffers, ${verdict(last.memoryMb, TARGETS.memoryMb)}, its own model and data included; the worker's service alone holds ${last.serviceMemoryMb.toFixed(0)} MB after a search of every report (${scale[0]!.serviceMemoryMb.toFixed(0)} MB at x${scale[0]!.factor}), ${mb(last.bytes.vectors)} MB of which int8 vectors. A browser tab holds the page and the model besides (browser.tabMemoryMb).`,
  ];
}

/** The candidate models: quality per mode, ONNX size and query-embedding latency; one row per model and mode. */
export function modelsTable(models: ModelFigures[]): string {
  const rows: (string | number)[][] = [];
  for (const m of models) {
    if (m.unavailable) {
      rows.push([m.label, 'not built', '', '', '', '', '', '', '', '']);
      continue;
    }
    for (const s of m.modes) {
      const first = s === m.modes[0];
      rows.push([
        first ? m.label : '',
        s.mode,
        q(s.all.hitAt3),
        q(s.all.recallAt5),
        q(s.all.mrrAt10),
        `${q(s.paraphrase.hitAt3)} / ${q(s.paraphrase.mrrAt10)}`,
        first ? mb(m.onnxBytes) : '',
        first ? `${ms(m.queryEmbed.worker.median)} / ${ms(m.queryEmbed.worker.p95)}` : '',
        first ? `${ms(m.queryEmbed.node.median)} / ${ms(m.queryEmbed.node.p95)}` : '',
        first ? sec(m.browserEmbedMs) : '',
      ]);
    }
  }
  const why = models.filter((m) => m.unavailable).map((m) => `${m.label}: ${m.unavailable}`);
  return [
    table(
      [
        'model',
        'mode',
        'hit@3',
        'recall@5',
        'MRR@10',
        'paraphrase hit@3 / MRR@10',
        'ONNX MB',
        'query embed, worker ms med / p95',
        'query embed, Node ms med / p95',
        'pair embedded in browser s',
      ],
      rows,
    ),
    ...why,
  ].join('\n');
}

/** The national library's shape, simulated (docs/national-library.md): bytes per step, scan time, agreement. */
export function nationalTable(n: NationalFigures): string {
  const kb = (bytes: number) => (bytes / 1e3).toFixed(0);
  const rows: (string | number)[][] = [
    ['first visit: catalogue (brotli) KB', kb(n.firstVisit.catalogueBrotli)],
    ['first visit: paragraph codes KB', kb(n.firstVisit.vectorCodes)],
    ['first visit: codebooks KB', kb(n.firstVisit.codebooks)],
    [
      'a search: word fragments KB, median / p95',
      `${kb(n.perSearch.wordFragments.median)} / ${kb(n.perSearch.wordFragments.p95)}`,
    ],
    [
      "a search: borderline reports' vectors KB, median / p95",
      `${kb(n.perSearch.borderlineVectors.median)} / ${kb(n.perSearch.borderlineVectors.p95)}`,
    ],
    [`a search: text of the ${SHOWN} reports shown (brotli) KB`, kb(n.perSearch.shownText)],
    ['opening a report: all its files KB (median report)', kb(n.openReport)],
    [
      'hosted: word fragments / report files MB',
      `${mb(n.hosted.wordFragmentsBrotli)} / ${mb(n.hosted.reportFilesBrotli)}`,
    ],
    ['build: learning the codebooks / coding every paragraph, s', `${sec(n.buildMs.train)} / ${sec(n.buildMs.encode)}`],
    ['scan of every paragraph by code, ms median / p95', `${ms(n.scanMs.median)} / ${ms(n.scanMs.p95)}`],
    ['closest similarity by code: mean error', n.agreement.meanAbsError.toFixed(3)],
    [
      'reports said to discuss it, as the exact scan: by code / with borderline exact',
      `${q(n.agreement.byCode)} / ${q(n.agreement.withBorderline)}`,
    ],
  ];
  return table([`national library x${n.factor}: ${n.reports} reports, ${n.paragraphs} paragraphs`, ''], rows);
}
