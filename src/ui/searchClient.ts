import type { SearchResponse } from '../core/search.ts';
import type { CompareAnswer, CompareQuestion, Event, LibraryOp, LibraryReply, Request, SearchQuery, Selection } from '../worker/protocol.ts';

export interface SearchAnswer {
  response: SearchResponse;
  notice: string | null;
}

/** A request in flight; kept so it can be sent again if the worker restarts. */
const MAX_RESTARTS = 3;

type Pending = { resolve: (answer: unknown) => void; reject: (e: Error) => void; request: Request };

/**
 * The page's only link to the worker: typed requests out, typed events in. If the worker dies it is restarted
 * and the searches in flight are sent again, so the reader's query is not lost.
 */
export class SearchClient {
  private worker!: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private restarts = 0;
  /** Whether this worker has been told to load the model (once the first answer is on screen). */
  private semanticStarted = false;

  /** The reports to open with; kept up to date so a restarted worker opens those the reader was looking at. */
  private selection: Selection | null;

  /**
   * @param modelMayStart the model is not loaded before this resolves (see registerOffline), nor before the page
   *   has painted its first answer.
   */
  constructor(
    private readonly siteBase: string,
    initialSelection: Selection | null,
    private readonly onEvent: (event: Event) => void,
    private readonly modelMayStart: Promise<void>,
    private readonly createWorker: () => Worker = () => new Worker(new URL('../worker/search.worker.ts', import.meta.url), { type: 'module' }),
  ) {
    this.selection = initialSelection;
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
    this.send({ type: 'init', siteBase: this.siteBase, selection: this.selection });
    for (const p of this.pending.values()) this.send(p.request);
  }

  private restart(reason: string): void {
    this.worker.terminate();
    // A worker that fails again and again (a broken deployment, no memory) would otherwise restart forever.
    if (++this.restarts > MAX_RESTARTS) {
      this.onEvent({ type: 'fatal', message: `The search engine keeps stopping (${reason}). Reload the page to try again.` });
      for (const p of this.pending.values()) p.reject(new Error('the search engine stopped'));
      this.pending.clear();
      return;
    }
    this.onEvent({ type: 'notice', message: `The search engine stopped (${reason}) and was restarted; your search was sent again.` });
    this.start();
  }

  private send(request: Request): void {
    this.worker.postMessage(request);
  }

  private receive(event: Event): void {
    if (event.type === 'library') this.selection = event.selection;
    if (event.type === 'result' || event.type === 'compared' || event.type === 'reply' || event.type === 'cleared' || event.type === 'error') {
      const p = this.pending.get(event.id);
      this.pending.delete(event.id);
      if (event.type === 'result') p?.resolve({ response: event.response, notice: event.notice } satisfies SearchAnswer);
      else if (event.type === 'compared') p?.resolve(event.answer);
      else if (event.type === 'reply') p?.resolve(event.reply);
      else if (event.type === 'cleared') p?.resolve(undefined);
      else p?.reject(new Error(event.message));
      return;
    }
    this.onEvent(event);
    if (event.type === 'corpus' && !this.semanticStarted) {
      this.semanticStarted = true;
      // The page has rendered the corpus and sent any search its address holds; after the next paint, the model
      // (tens of MB to download and compile) may start without delaying that first answer.
      const worker = this.worker;
      void this.modelMayStart.then(() =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            // A worker restarted meanwhile gets its own start, from its own first 'corpus'.
            if (this.worker === worker) this.send({ type: 'start-semantic' });
          }),
        ),
      );
    }
  }

  private ask<T>(request: Request & { id: number }): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.set(request.id, { resolve: resolve as (answer: unknown) => void, reject, request });
      this.send(request);
    });
  }

  search(search: SearchQuery): Promise<SearchAnswer> {
    return this.ask({ type: 'search', id: this.nextId++, search });
  }

  compare(question: CompareQuestion): Promise<CompareAnswer> {
    return this.ask({ type: 'compare', id: this.nextId++, question });
  }

  library(op: LibraryOp): Promise<LibraryReply> {
    return this.ask({ type: 'library', id: this.nextId++, op });
  }

  select(ids: Selection): void {
    // A copy: the page's state may hold the ids in a reactive proxy, which cannot be posted to a worker.
    this.selection = [...ids];
    this.send({ type: 'select', selection: this.selection });
  }

  retrySemantic(): void {
    this.send({ type: 'start-semantic' });
  }

  /** Rejects, with the worker's reason, when the stored reports and index could not be removed. */
  clearStorage(): Promise<void> {
    return this.ask({ type: 'clear-storage', id: this.nextId++ });
  }
}
