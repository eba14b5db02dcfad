import type { Embedder } from '../embed/embedder.ts';
import type { ModelConfig } from '../embed/models.ts';
import type { FileProgress } from '../embed/modelFetch.ts';
import type { IndexStore } from '../store/indexStore.ts';
import type { Event } from './protocol.ts';

/** What the service needs from its surroundings: the browser worker and the Node tests supply their own. */
export interface ServiceDeps {
  /** Reads a file of the site, relative to its base (e.g. `data/corpus.json`). */
  fetchText(path: string): Promise<string>;
  fetchBytes(path: string): Promise<Uint8Array>;
  openStore(): Promise<IndexStore>;
  /** `onLost` hears, in words, that a model loaded in another thread stopped: its embedder then fails every call. */
  loadEmbedder(
    model: ModelConfig,
    onProgress: (p: FileProgress) => void,
    onLost: (message: string) => void,
  ): Promise<Embedder>;
  post(event: Event): void;
  /** Tells this app's other tabs that the stored library changed; they answer with 'library-changed'. */
  announceLibraryChange(): void;
}
