import type { Counterpart, ThemeComparison } from '../core/compare.ts';
import type { Recommendation, RecurringPair } from '../core/recommendations.ts';
import type { Mode, ReportResults, SearchResponse, SearchResult } from '../core/search.ts';
import type { Chunk, Corpus } from '../core/types.ts';

/** Theme metadata the page needs for labels, filters and the overview; seeds and keywords stay in the worker. */
export interface ThemeInfo {
  id: string;
  label: string;
  description: string;
}

export interface SearchQuery {
  query: string;
  mode: Mode;
  theme: string | null;
  /** Results per report. */
  k: number;
  /** Whether to search for the reports' words for the reader's everyday ones too (default true). */
  expand?: boolean;
  /** The reports on screen, or every report in the library (grouped by report, those that discuss it first). */
  scope?: 'selection' | 'library';
  /** The reports on screen, left to right: those searched, or, in a search of every report, those whose text the page holds. */
  reports: Selection;
}

/**
 * A ranked paragraph as the page receives it: its id and why it ranked, not its text, which the page holds for the
 * reports on screen (the reply to 'open') and receives in the answer's `paragraphs` for the others.
 */
export type Hit = Pick<
  SearchResult,
  'id' | 'score' | 'themes' | 'matchedTerms' | 'expansionTerms' | 'sentence' | 'relevant' | 'strength'
>;

export interface ReportHits extends Omit<ReportResults, 'results'> {
  hits: Hit[];
}

export interface SearchAnswer extends Omit<SearchResponse, 'reports'> {
  reports: ReportHits[];
  /** The paragraphs among the hits that the page does not hold: those of reports not on screen. */
  paragraphs: Chunk[];
  /** Why the answer is not quite what was asked (keyword results while the model loads, a query cut short). */
  notice: string | null;
}

export type CompareQuestion =
  | { kind: 'theme'; themeId: string }
  | { kind: 'counterparts'; chunkId: string; k: number }
  | { kind: 'recommendations' };

export type CompareAnswer =
  | { kind: 'theme'; comparison: ThemeComparison }
  | { kind: 'counterparts'; chunkId: string; counterparts: Counterpart[]; minSimilarity: number }
  /** `recurring`: null until every report's vectors are there, which is what tells a recommendation made again. */
  | { kind: 'recommendations'; recommendations: Recommendation[]; recurring: RecurringPair[] | null };

/** The reports shown side by side, by id, left to right: two (a pair) or more (a council's inspections over time). */
export type Selection = readonly string[];

/** What the page shows of a report in the library. */
export interface LibraryEntry {
  id: string;
  year: number;
  title: string;
  council: string;
  inspectionDates: string;
  origin: 'bundled' | 'added';
  /** Numbered paragraphs, or blocks when the report had no numbers. */
  paragraphs: number;
  method: 'numbered' | 'paragraphs';
  sourceName: string | null;
}

/** The reader's corrections to what was read from the file. */
export interface ReportMeta {
  title: string;
  council: string;
  year: number;
}

/** What reading a file found, for the reader to confirm before anything is stored. */
export interface ReportDraft extends Omit<ReportMeta, 'year'> {
  /** Null when the file does not say: the reader enters it. */
  year: number | null;
  /** Names the text the worker read and keeps until it is added: adding it sends this, not the text again. */
  token: string;
  sourceName: string;
  method: 'numbered' | 'paragraphs';
  paragraphs: number;
  inspectionDates: string;
  warnings: string[];
}

export interface ImportOutcome {
  /** Ids of the reports added. */
  added: string[];
  /** One line per report not added, naming it and why. */
  skipped: string[];
}

/** Reports opened side by side: their paragraphs, which the page holds while they are on screen. */
export interface Opened {
  corpus: Corpus;
  themes: ThemeInfo[];
  /** Reports asked for that this browser lacks: the default pair is opened instead. */
  missing: string[];
}

/** What each question the page asks carries besides its type and id. */
export interface Questions {
  /** Null, or reports that cannot be put side by side, open the default pair. */
  open: { reports: Selection | null };
  search: { search: SearchQuery };
  /** `reports`: those on screen, which the question is about. */
  compare: { question: CompareQuestion; reports: Selection };
  'inspect-report': { sourceName: string; text: string };
  'add-report': { token: string; meta: ReportMeta };
  'delete-report': { reportId: string };
  'export-library': Record<never, never>;
  'import-library': { json: string };
  'clear-storage': Record<never, never>;
}

/** What the worker answers to each question; a question it cannot answer gets an 'error' event instead. */
export interface Replies {
  open: Opened;
  search: SearchAnswer;
  compare: CompareAnswer;
  'inspect-report': ReportDraft;
  /** The id of the report added. */
  'add-report': string;
  'delete-report': void;
  /** The library file, as JSON. */
  'export-library': string;
  'import-library': ImportOutcome;
  'clear-storage': void;
}

export type Question<K extends keyof Questions> = { type: K; id: number } & Questions[K];

/** Any one question: the union the worker's dispatcher narrows by type. */
export type AnyQuestion = { [K in keyof Questions]: Question<K> }[keyof Questions];

/**
 * The reply to question `id`, of the type `Replies` gives for its kind. The worker posts each through one generic
 * function that pairs the two, so the event is typed by the kind asked and the page's client needs no check of it.
 */
export interface Answer<K extends keyof Questions = keyof Questions> {
  type: 'answer';
  to: K;
  id: number;
  reply: Replies[K];
}

export type Request =
  | { type: 'init'; siteBase: string }
  | AnyQuestion
  /**
   * Loads the model and the semantic index. The page sends it once it has painted its first answer, so the model's
   * download and compilation never hold up keyword results, and again to retry after a failure.
   */
  | { type: 'start-semantic' }
  /** Another tab added, deleted or imported reports (announced on a BroadcastChannel, not sent by the page). */
  | { type: 'library-changed' };

/** Where the semantic index came from: this device's storage, the site's prepared file, or embedding here. */
export type IndexSource = 'indexeddb' | 'bundled' | 'built';

export type SemanticState =
  | { phase: 'waiting' }
  | { phase: 'loading-model'; model: string; file: string; loaded: number; total: number }
  | { phase: 'embedding'; done: number; total: number }
  | { phase: 'ready'; source: IndexSource; model: string }
  | { phase: 'failed'; message: string };

/** Per chunk id, its theme ids (primary first). */
export type ThemeMap = Record<string, string[]>;

export type Event =
  /** Every report this browser has, sent at the start and whenever it changes. */
  | { type: 'library'; reports: LibraryEntry[]; defaultSelection: Selection }
  | { type: 'semantic'; state: SemanticState }
  /** The themes of the paragraphs of `reports`, the reports the page last asked about, once their vectors are ready. */
  | { type: 'themes'; reports: Selection; themes: ThemeMap }
  /** Something the reader should know that does not stop the app (storage unavailable, quota exceeded...). */
  | { type: 'notice'; message: string }
  | { type: 'fatal'; message: string }
  | Answer
  | { type: 'error'; id: number; message: string };
