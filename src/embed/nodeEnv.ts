/**
 * Transformers.js set-up for Node (scripts, CLI, tests): models come only from a local folder, never from the hub,
 * so a run is reproducible and works offline. The browser worker does its own set-up (wasm paths, base URL).
 */
import { resolve } from 'node:path';
import { env } from '@huggingface/transformers';

/** `modelsDir` holds one folder per model id, e.g. public/models (so public/models/glove-sif-100d/...). */
export function configureNodeEnv(modelsDir: string): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  // Transformers.js joins the model id onto this with a plain string concatenation; the slash matters.
  env.localModelPath = `${resolve(modelsDir)}/`;
}
