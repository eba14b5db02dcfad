import type { PassageVectors, PassageWithParts } from '../core/buildIndexes.ts';
import type { ModelConfig } from '../embed/models.ts';
import type { FileProgress } from '../embed/modelFetch.ts';

/** What the search worker asks of the model worker. */
export type ModelRequest =
  | { type: 'load'; siteBase: string; model: ModelConfig }
  | { type: 'embed'; id: number; texts: string[]; kind: 'query' | 'passage' }
  | { type: 'embed-with-parts'; id: number; passages: PassageWithParts[] };

/** What the model worker says: the load's progress and outcome, then each call's answer, by its id. */
export type ModelEvent =
  | { type: 'progress'; progress: FileProgress }
  | { type: 'loaded'; dim: number }
  | { type: 'load-failed'; message: string }
  | { type: 'embedded'; id: number; vectors: Float32Array[] }
  | { type: 'embedded-with-parts'; id: number; vectors: PassageVectors[] }
  | { type: 'failed'; id: number; message: string };
