import type {
  AnyQuestion,
  Answer,
  CompareAnswer,
  CompareQuestion,
  Event,
  ImportOutcome,
  Opened,
  Question,
  Questions,
  Replies,
  ReportDraft,
  ReportMeta,
  Request,
  SearchAnswer,
  SearchQuery,
  Selection,
} from '../worker/protocol.ts';

/** A worker that keeps stopping is not restarted more than this. */
const MAX_RESTARTS = 3;
const STOPPED = 'the search engine stopped';

/** A question in flight; kept so it can be sent again if the worker restarts. */
interface Pending<K extends keyof Questions> {
  question: AnyQuestion;
  resolve: (reply: Replies[K]) => void;
  reject: (error: Error) => void;
}

/** The questions in flight, by kind: an answer settles the one of its kind, with the reply that kind has. */
type Waiting = { [K in keyof Questions]: Map<number, Pending<K>> };

/**
 * The page's only link to the worker: typed requests out, typed events in. If the worker dies it is restarted
 * and the searches in flight are sent again, so the reader's query is not lost.
 */
export class SearchClient {
  private worker!: Worker;
  private nextId = 1;
  private readonly waiting: Waiting = {
    open: new Map(),
    search: new Map(),
    compare: new Map(),
    'inspect-report': new Map(),
    'add-report': new Map(),
    'delete-report': new Map(),
    'export-library': new Map(),
    'import-library': new Map(),
    'clear-storage': new Map(),
  };
  private stopped = false;
  private restarts = 0;
  /** Whether this worker has been told to load the model (once the first reports are on screen). */
  private semanticStarted = false;

  /**
   * @param modelMayStart the model is not loaded before this resolves (see registerOffline), nor before the page
   *   has painted its first answer.
   */
  constructor(
    private readonly siteBase: string,
    private readonly onEvent: (event: Event) => void,
    private readonly modelMayStart: Promise<void>,
    private readonly createWorker: () => Worker = () =>
      new Worker(new URL('../worker/search.worker.ts', import.meta.url), { type: 'module' }),
  ) {
    this.start();
  }

  private start(): void {
    this.worker = this.createWorker();
    this.worker.onmessage = (e: MessageEvent<Event>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.restart(e.message || 'the search worker stopped');
    };
    this.semanticStarted = false;
    this.send({ type: 'init', siteBase: this.siteBase });
    // The questions in flight name the reports they are about, so a restarted worker answers them as asked.
    for (const p of this.inFlight()) this.send(p.question);
    // A restart comes after the page's first paint: the model need not wait for another.
    if (this.restarts > 0) this.startSemantic();
  }

  private restart(reason: string): void {
    this.worker.terminate();
    // A worker that fails again and again (a broken deployment, no memory) would otherwise restart forever.
    if (++this.restarts > MAX_RESTARTS) {
      const message = `The search engine keeps stopping (${reason}). Reload the page to try again.`;
      this.onEvent({ type: 'fatal', message });
      this.stopped = true;
      for (const p of this.inFlight()) p.reject(new Error(STOPPED));
      for (const waiting of Object.values(this.waiting)) waiting.clear();
      return;
    }
    const message = `The search engine stopped (${reason}) and was restarted; your search was sent again.`;
    this.onEvent({ type: 'notice', message });
    this.start();
  }

  private send(request: Request): void {
    this.worker.postMessage(request);
  }

  private receive(event: Event): void {
    if (event.type === 'answer') return this.settle(event);
    if (event.type === 'error') {
      for (const waiting of Object.values(this.waiting)) {
        waiting.get(event.id)?.reject(new Error(event.message));
        waiting.delete(event.id);
      }
      return;
    }
    this.onEvent(event);
  }

  /**
   * Lets the model (tens of MB to download and compile) start after the next paint, once the page has shown the
   * first reports it opened and sent any search its address holds, so as not to delay that first answer.
   */
  private startSemantic(): void {
    if (this.semanticStarted) return;
    this.semanticStarted = true;
    const worker = this.worker;
    void this.modelMayStart.then(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          // A worker restarted meanwhile gets its own start.
          if (this.worker === worker) this.send({ type: 'start-semantic' });
        }),
      ),
    );
  }

  private inFlight(): Omit<Pending<keyof Questions>, 'resolve'>[] {
    return Object.values(this.waiting).flatMap((waiting) => [...waiting.values()]);
  }

  private settle<K extends keyof Questions>(answer: Answer<K>): void {
    const waiting = this.waiting[answer.to];
    waiting.get(answer.id)?.resolve(answer.reply);
    waiting.delete(answer.id);
    if (answer.to === 'open') this.startSemantic();
  }

  private ask<K extends keyof Questions>(question: Question<K> & AnyQuestion): Promise<Replies[K]> {
    // Once the worker is given up on, nothing would ever answer.
    if (this.stopped) return Promise.reject(new Error(STOPPED));
    return new Promise((resolve, reject) => {
      this.waiting[question.type].set(question.id, { question, resolve, reject });
      this.send(question);
    });
  }

  /** Opens reports side by side (null: the default pair); resolves to their paragraphs. */
  open(reports: Selection | null): Promise<Opened> {
    // Copies: the page's state may hold the ids in a reactive proxy, which cannot be posted to a worker.
    return this.ask({ type: 'open', id: this.nextId++, reports: reports && [...reports] });
  }

  search(search: SearchQuery): Promise<SearchAnswer> {
    return this.ask({ type: 'search', id: this.nextId++, search: { ...search, reports: [...search.reports] } });
  }

  compare(question: CompareQuestion, reports: Selection): Promise<CompareAnswer> {
    return this.ask({ type: 'compare', id: this.nextId++, question, reports: [...reports] });
  }

  /** Reads a report's text in the worker, for the reader to confirm; the draft names it for `addReport`. */
  inspectReport(sourceName: string, text: string): Promise<ReportDraft> {
    return this.ask({ type: 'inspect-report', id: this.nextId++, sourceName, text });
  }

  /** Adds the report a draft names, with the reader's corrections; resolves to its id. */
  addReport(token: string, meta: ReportMeta): Promise<string> {
    return this.ask({ type: 'add-report', id: this.nextId++, token, meta });
  }

  deleteReport(reportId: string): Promise<void> {
    return this.ask({ type: 'delete-report', id: this.nextId++, reportId });
  }

  /** The reader's reports as a library file (JSON). */
  exportLibrary(): Promise<string> {
    return this.ask({ type: 'export-library', id: this.nextId++ });
  }

  importLibrary(json: string): Promise<ImportOutcome> {
    return this.ask({ type: 'import-library', id: this.nextId++, json });
  }

  retrySemantic(): void {
    this.send({ type: 'start-semantic' });
  }

  /** Rejects, with the worker's reason, when the stored reports and index could not be removed. */
  clearStorage(): Promise<void> {
    return this.ask({ type: 'clear-storage', id: this.nextId++ });
  }
}
