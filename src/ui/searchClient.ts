import type { SearchResponse } from '../core/search.ts';
import type { Event, Request, SearchQuery } from '../worker/protocol.ts';

export interface SearchAnswer {
  response: SearchResponse;
  notice: string | null;
}

type Pending = { resolve: (a: SearchAnswer) => void; reject: (e: Error) => void; search: SearchQuery };

/**
 * The page's only link to the worker: typed requests out, typed events in. If the worker dies it is restarted
 * and the searches in flight are sent again, so the reader's query is not lost.
 */
export class SearchClient {
  private worker!: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly cleared = new Map<number, () => void>();
  restarts = 0;

  constructor(
    private readonly siteBase: string,
    private readonly onEvent: (event: Event) => void,
    private readonly createWorker: () => Worker = () => new Worker(new URL('../worker/search.worker.ts', import.meta.url), { type: 'module' }),
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
    this.send({ type: 'init', siteBase: this.siteBase });
    for (const [id, p] of this.pending) this.send({ type: 'search', id, search: p.search });
  }

  private restart(reason: string): void {
    this.worker.terminate();
    this.restarts++;
    this.onEvent({ type: 'notice', message: `The search engine stopped (${reason}) and was restarted.` });
    this.start();
  }

  private send(request: Request): void {
    this.worker.postMessage(request);
  }

  private receive(event: Event): void {
    if (event.type === 'error' && this.cleared.has(event.id)) {
      this.cleared.get(event.id)!();
      this.cleared.delete(event.id);
      this.onEvent({ type: 'notice', message: event.message });
      return;
    }
    if (event.type === 'result' || event.type === 'error') {
      const p = this.pending.get(event.id);
      this.pending.delete(event.id);
      if (event.type === 'result') p?.resolve({ response: event.response, notice: event.notice });
      else p?.reject(new Error(event.message));
      return;
    }
    if (event.type === 'cleared') {
      this.cleared.get(event.id)?.();
      this.cleared.delete(event.id);
      return;
    }
    this.onEvent(event);
  }

  search(search: SearchQuery): Promise<SearchAnswer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, search });
      this.send({ type: 'search', id, search });
    });
  }

  retrySemantic(): void {
    this.send({ type: 'retry-semantic' });
  }

  clearStorage(): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.cleared.set(id, resolve);
      this.send({ type: 'clear-storage', id });
    });
  }
}
