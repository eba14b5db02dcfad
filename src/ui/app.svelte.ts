import type { SearchResponse } from '../core/search.ts';
import { isSelection } from '../core/sideBySide.ts';
import type { Chunk, Corpus } from '../core/types.ts';
import type {
  CompareAnswer,
  LibraryEntry,
  SearchAnswer,
  Selection,
  SemanticState,
  ThemeInfo,
  ThemeMap,
} from '../worker/protocol.ts';
import { requestPersistence, storageReport, type StorageReport } from './deviceStorage.ts';
import { registerOffline, removeOfflineCopy } from './offlineCopy.ts';
import { SearchClient } from './searchClient.ts';
import { addressOf, openReportState, urlReports } from './links.ts';
import { paragraphsById, withParagraphs } from './searchResponse.ts';
import { DEFAULT_STATE, parseReports, parseState, sameReports, type Scope, type ViewState } from './urlState.ts';

/**
 * Typing searches once the reader pauses this long (Enter searches at once). A semantic or hybrid search embeds the
 * query first (docs/performance.md has its time): one per keystroke of a fast typist would queue answers that are
 * replaced before anyone reads them.
 */
const TYPING_DELAY_MS = 150;
const RESULTS_PER_REPORT = 10;
/** A search of every report shows each report's best few: which reports discuss it is the answer. */
const RESULTS_PER_REPORT_IN_LIBRARY = 3;
const DELETED_ELSEWHERE =
  'A report you were comparing was deleted in another tab of this app; showing the default pair.';

/** The page's state: what the worker told it, what the reader asked for, and what is on screen. */
export class AppState {
  // Raw: what the worker sends is replaced, never changed in place; a deep proxy of thousands of paragraphs would
  // tax every read of them on the main thread.
  #corpus = $state.raw<Corpus | null>(null);
  #themes = $state<ThemeInfo[]>([]);
  /** The worker's themes of the paragraphs of the reports it names, which may be other than those on screen. */
  #themesOfReports = $state.raw<{ reports: Selection; themes: ThemeMap } | null>(null);
  #semantic = $state<SemanticState>({ phase: 'waiting' });
  #fatal = $state<string | null>(null);
  #notices = $state<string[]>([]);
  #view = $state<ViewState>({ ...DEFAULT_STATE });
  #response = $state.raw<SearchResponse | null>(null);
  #responseScope = $state<Scope>('selection');
  #resultNotice = $state<string | null>(null);
  #searching = $state(false);
  #refining = $state(false);
  #searchError = $state<string | null>(null);
  #comparison = $state.raw<CompareAnswer | null>(null);
  #offlineReady = $state(false);
  #offlineProblem = $state<string | null>(null);
  #savingOfflineCopy = $state(false);
  #applyUpdate = $state<(() => Promise<void>) | null>(null);
  #storage = $state<StorageReport>({ usage: null, persisted: false });
  #library = $state<{ reports: LibraryEntry[]; defaultSelection: Selection } | null>(null);
  #missingReports = $state<string[]>([]);

  /** The reports on screen and their paragraphs, as the worker last opened them. */
  get corpus(): Corpus | null {
    return this.#corpus;
  }
  get themes(): ThemeInfo[] {
    return this.#themes;
  }
  get semantic(): SemanticState {
    return this.#semantic;
  }
  /** Why the page cannot work at all, once the worker has said so. */
  get fatal(): string | null {
    return this.#fatal;
  }
  /** Messages for the reader, each shown until dismissed. */
  get notices(): readonly string[] {
    return this.#notices;
  }
  /** What the reader asked for, as the address names it. */
  get view(): ViewState {
    return this.#view;
  }
  get response(): SearchResponse | null {
    return this.#response;
  }
  /** Whether the response on screen is of the reports side by side or of every report. */
  get responseScope(): Scope {
    return this.#responseScope;
  }
  get resultNotice(): string | null {
    return this.#resultNotice;
  }
  get searching(): boolean {
    return this.#searching;
  }
  /** The response on screen is the exact-words answer, shown while the one by meaning that replaces it is made. */
  get refining(): boolean {
    return this.#refining;
  }
  get searchError(): string | null {
    return this.#searchError;
  }
  /** The worker's answer for the comparison view on screen (theme pairs, recommendations or counterparts). */
  get comparison(): CompareAnswer | null {
    return this.#comparison;
  }
  get offlineReady(): boolean {
    return this.#offlineReady;
  }
  /** Why the offline copy could not be saved, once its install failed. */
  get offlineProblem(): string | null {
    return this.#offlineProblem;
  }
  /** A first visit's offline copy is being saved; the model is loaded from it once it is (see registerOffline). */
  get savingOfflineCopy(): boolean {
    return this.#savingOfflineCopy;
  }
  /** Whether a new deployment has been downloaded and waits for the reader's go-ahead. */
  get updateReady(): boolean {
    return this.#applyUpdate !== null;
  }
  get storage(): StorageReport {
    return this.#storage;
  }
  /** Every report this browser has, and the bundled default pair. */
  get library(): { reports: LibraryEntry[]; defaultSelection: Selection } | null {
    return this.#library;
  }
  /** Report ids a link asked for that this browser does not have. */
  get missingReports(): readonly string[] {
    return this.#missingReports;
  }

  /** The worker's questions that change nothing on the page by themselves (reading, adding, exporting reports). */
  readonly client: SearchClient;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest = 0;
  /** The last reports asked for: a reply to an earlier opening, overtaken by this one, is dropped. */
  private opening = 0;
  /** True while this page deletes or clears reports itself: the reports it shows giving way is no surprise then. */
  private removing = false;
  /** True while the reader is typing into a history entry that was already pushed for this edit. */
  private editing = false;
  /** Called once the first view the address asks for has its answer (or could not have one). */
  private firstAnswerShown: () => void = () => {};

  constructor(private readonly siteBase: string) {
    // The offline copy downloads the whole site: started only once the first answer is painted, it never competes
    // with it (the worker's own reads of the reports and indexes come first).
    const firstAnswer = new Promise<void>((resolve) => (this.firstAnswerShown = resolve));
    const offlineCopy = firstAnswer.then(afterPaint).then(() =>
      registerOffline({
        onOfflineReady: () => {
          this.#offlineReady = true;
          void this.refreshStorage();
        },
        onUpdateReady: (apply) => (this.#applyUpdate = apply),
        onError: (message) => this.notify(message),
        onOfflineFailed: (message) => (this.#offlineProblem = message),
      }),
    );
    this.#savingOfflineCopy = true;
    void offlineCopy.then(() => (this.#savingOfflineCopy = false));
    this.client = new SearchClient(
      siteBase,
      (event) => {
        switch (event.type) {
          case 'library':
            this.#library = { reports: event.reports, defaultSelection: event.defaultSelection };
            this.showReportsStillHere();
            break;
          case 'semantic':
            this.#semantic = event.state;
            if (event.state.phase === 'ready') void requestPersistence().then(() => this.refreshStorage());
            // Keyword-fallback results and views waiting for themes are refreshed with the full index.
            if (event.state.phase === 'ready') void this.run();
            break;
          case 'themes':
            this.#themesOfReports = { reports: event.reports, themes: event.themes };
            break;
          case 'notice':
            this.notify(event.message);
            break;
          case 'fatal':
            this.#fatal = event.message;
            break;
        }
      },
      offlineCopy,
    );
    addEventListener('popstate', () => void this.restoreFromUrl());
    void this.restoreFromUrl();
  }

  private async refreshStorage(): Promise<void> {
    this.#storage = await storageReport();
  }

  /** Derived once per corpus: views look paragraphs up by id on every render. */
  #chunkById = $derived(paragraphsById(this.#corpus?.chunks ?? []));
  #shown: Selection = $derived(this.#corpus?.reports.map((r) => r.id) ?? []);
  #themesShown = $derived(!!this.#themesOfReports && sameReports(this.#themesOfReports.reports, this.#shown));
  #themeMap: ThemeMap = $derived(this.#themesShown ? this.#themesOfReports!.themes : {});
  #semanticReady = $derived(this.#semantic.phase === 'ready' && this.#themesShown);

  get chunkById(): ReadonlyMap<string, Chunk> {
    return this.#chunkById;
  }
  /** The reports on screen, left to right. */
  get shown(): Selection {
    return this.#shown;
  }
  /** Per paragraph on screen, its themes: empty until the worker has sent those of these reports. */
  get themeMap(): ThemeMap {
    return this.#themeMap;
  }
  /** Whether semantic search and themes are ready for the reports on screen. */
  get semanticReady(): boolean {
    return this.#semanticReady;
  }

  /** Asks the browser to go over to the new deployment that is ready (see updateReady). */
  applyUpdate(): Promise<void> {
    return this.#applyUpdate?.() ?? Promise.resolve();
  }

  private notify(message: string): void {
    if (!this.#notices.includes(message)) this.#notices = [...this.#notices, message];
  }

  dismissNotice(message: string): void {
    this.#notices = this.#notices.filter((m) => m !== message);
  }

  /** The reports as the URL should name them: null for the bundled default pair. */
  private reportsForAddress(ids: Selection): string[] | null {
    return urlReports(ids, this.#library?.defaultSelection ?? null);
  }

  /**
   * Shows what the address asks for: first the reports it names (or the default pair), opened unless they are on
   * screen, then its view of them. The address is corrected when it names what cannot be shown.
   */
  private async restoreFromUrl(): Promise<void> {
    try {
      await this.restore();
    } finally {
      this.firstAnswerShown();
    }
  }

  /** Opens the reports the address names and answers the view it asks for. */
  private async restore(): Promise<void> {
    const ticket = ++this.opening;
    const named = parseReports(location.search);
    const asked = named && isSelection(named) ? named : null;
    // Compared with the reports open, not with how the URL names them: a link that names the default pair explicitly
    // is that pair.
    if (!this.#corpus || !sameReports(asked ?? this.#library?.defaultSelection ?? null, this.#shown)) {
      const opened = await this.client.open(asked).catch((error: Error) => {
        if (ticket === this.opening) this.notify(`Those reports could not be opened (${error.message}).`);
        return null;
      });
      if (!opened || ticket !== this.opening) return;
      this.#corpus = opened.corpus;
      this.#themes = opened.themes;
      this.#missingReports = opened.missing;
    }
    if (!this.#corpus) return;
    const current = this.reportsForAddress(this.#shown);
    const { state, problems } = parseState(location.search, {
      themes: this.#themes.map((t) => t.id),
      chunkIds: this.#chunkById,
      reports: this.#corpus.reports,
    });
    for (const p of problems) this.notify(p);
    this.#view = { ...state, reports: current };
    this.editing = false;
    if (problems.length || !sameReports(state.reports, current))
      history.replaceState(null, '', addressOf(this.#view, location.pathname));
    await this.run();
  }

  /** A report on screen that left the library (deleted here or in another tab) gives way to the default pair. */
  private showReportsStillHere(): void {
    const library = this.#library!;
    if (!this.#corpus || this.#shown.every((id) => library.reports.some((r) => r.id === id))) return;
    if (!this.removing) this.notify(DELETED_ELSEWHERE);
    history.replaceState(null, '', addressOf({ ...this.#view, reports: null }, location.pathname));
    void this.restoreFromUrl();
  }

  /** Applies a change the reader made. Typing replaces the current history entry; other changes add one. */
  update(change: Partial<ViewState>, how: 'typing' | 'commit'): void {
    const reportsChanged = 'reports' in change && !sameReports(change.reports ?? null, this.#view.reports);
    this.#view = { ...this.#view, ...change };
    if (reportsChanged) {
      history.pushState(null, '', addressOf(this.#view, location.pathname));
      void this.restoreFromUrl();
      return;
    }
    const url = addressOf(this.#view, location.pathname);
    if (how === 'typing') {
      if (this.editing) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
      this.editing = true;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.run(), TYPING_DELAY_MS);
    } else {
      if (url !== location.search && !(url === location.pathname && location.search === ''))
        history.pushState(null, '', url);
      this.editing = false;
      clearTimeout(this.timer);
      void this.run();
    }
  }

  /** Puts reports of the library side by side, left to right. */
  compareReports(ids: Selection): void {
    this.#missingReports = [];
    this.update({ ...DEFAULT_STATE, reports: this.reportsForAddress(ids) }, 'commit');
  }

  /** What `links.ts` needs to open a report found by a search of every report beside those on screen. */
  openReportArgs(reportId: string, chunkId: string | null): Parameters<typeof openReportState> {
    return [this.#view, this.#shown, this.#library?.defaultSelection ?? null, reportId, chunkId];
  }

  openReport(reportId: string, chunkId: string | null): void {
    this.#missingReports = [];
    this.update(openReportState(...this.openReportArgs(reportId, chunkId)), 'commit');
  }

  async deleteReport(reportId: string): Promise<void> {
    this.removing = true;
    try {
      await this.client.deleteReport(reportId);
    } finally {
      this.removing = false;
    }
    this.notify('The report was deleted from this device.');
  }

  /** Removes everything this site keeps on the device; the current page keeps working from memory. */
  async clearStorage(): Promise<void> {
    let problem: string | null = null;
    this.removing = true;
    try {
      await this.client.clearStorage();
    } catch (error) {
      problem = (error as Error).message;
    } finally {
      this.removing = false;
    }
    await removeOfflineCopy();
    this.#offlineReady = false;
    await this.refreshStorage();
    this.notify(
      problem
        ? `The offline copy was removed, but the reports you added and the search index could not be (${problem}). Try again, or clear this site's data in the browser's settings.`
        : 'Everything this tool stored on this device was removed, including reports you added. The next visit downloads the tool again.',
    );
  }

  private async run(): Promise<void> {
    const { view, query, mode, expand, theme, focus, scope } = this.#view;
    const ticket = ++this.latest;
    if (view !== 'search') {
      this.#response = null;
      const question =
        view === 'compare' && theme
          ? ({ kind: 'theme', themeId: theme } as const)
          : view === 'recommendations'
            ? ({ kind: 'recommendations' } as const)
            : view === 'pairs' && focus
              ? ({ kind: 'counterparts', chunkId: focus, k: 5 } as const)
              : null;
      if (!question) {
        this.#comparison = null;
        return;
      }
      if (question.kind === 'theme' && !this.#semanticReady) {
        // The answer for other reports must not stand in while these reports' themes are on their way.
        this.#comparison = null;
        return;
      }
      this.#searching = true;
      try {
        const answer = await this.client.compare(question, this.#shown);
        if (ticket !== this.latest) return;
        this.#comparison = answer;
        this.#searchError = null;
      } catch (error) {
        if (ticket === this.latest) this.#searchError = (error as Error).message;
      } finally {
        if (ticket === this.latest) this.#searching = false;
      }
      return;
    }
    this.#comparison = null;
    if (!query.trim() && !theme) {
      this.#response = null;
      this.#resultNotice = null;
      this.#searching = false;
      return;
    }
    this.#searching = true;
    this.#refining = false;
    const question = {
      query,
      mode,
      expand,
      theme,
      k: scope === 'library' ? RESULTS_PER_REPORT_IN_LIBRARY : RESULTS_PER_REPORT,
      scope,
      reports: this.#shown,
    };
    // A search by meaning waits for the question to be embedded; the exact-words answer is on screen meanwhile and
    // is replaced in place (cards are keyed by paragraph). Embedding the question slows that answer's paint, even on
    // one thread, so the question by meaning is asked once it is painted (docs/performance.md).
    if (query.trim() && mode !== 'keyword' && this.#semanticReady) {
      const early = await this.client.search({ ...question, mode: 'keyword' }).catch(() => null);
      if (ticket !== this.latest) return;
      // A failed exact-words search is left for the full answer to explain.
      if (early) {
        this.show(early, scope);
        this.#refining = true;
        // A hidden tab paints nothing, and would wait until it is shown.
        if (document.visibilityState === 'visible') {
          await afterPaint();
          if (ticket !== this.latest) return;
        }
      }
    }
    try {
      const answer = await this.client.search(question);
      // Each run asks about the reports then on screen: a newer run has been asked since any switch of them.
      if (ticket !== this.latest) return;
      this.show(answer, scope);
      this.#searchError = null;
    } catch (error) {
      if (ticket !== this.latest) return;
      this.#searchError = `The search failed: ${(error as Error).message}`;
    } finally {
      if (ticket === this.latest) {
        this.#searching = false;
        this.#refining = false;
      }
    }
  }

  private show(answer: SearchAnswer, scope: Scope): void {
    this.#response = withParagraphs(answer, this.#chunkById);
    this.#responseScope = scope;
    this.#resultNotice = answer.notice;
  }
}

/** Resolves after the browser has painted what the page last rendered. */
const afterPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
