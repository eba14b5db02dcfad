import { afterAll } from 'vitest';
import type { PassageVectors, PassageWithParts } from '../../src/core/buildIndexes.ts';
import { loadEmbedder, type Embedder } from '../../src/embed/embedder.ts';
import { type ModelConfig } from '../../src/embed/models.ts';

/**
 * The real model, loaded once for the test file that calls this, with each text embedded once per file. A vector is
 * a function of the model, the text and its kind alone, so a test that opens reports an earlier test embedded gets
 * the same vectors without paying for them again, and tests still pass alone or in any order. Each vector handed out
 * is a copy, so no caller can change what another is given.
 */
export function embedOncePerFile(): (model: ModelConfig) => Promise<Embedder> {
  const models = new Map<string, Promise<Embedder>>();
  const vectors = new Map<string, Float32Array>();
  const withParts = new Map<string, PassageVectors>();
  afterAll(async () => {
    for (const embedder of models.values()) await (await embedder).dispose();
  });
  return async (model) => {
    const name = JSON.stringify(model);
    if (!models.has(name)) models.set(name, loadEmbedder(model));
    const embedder = await models.get(name)!;
    return {
      model: embedder.model,
      dim: embedder.dim,
      embed: async (texts, kind) => {
        const key = (text: string) => `${name}\n${kind}\n${text}`;
        const missing = [...new Set(texts.filter((text) => !vectors.has(key(text))))];
        if (missing.length > 0) {
          const fresh = await embedder.embed(missing, kind);
          missing.forEach((text, i) => vectors.set(key(text), fresh[i]!));
        }
        return texts.map((text) => vectors.get(key(text))!.slice());
      },
      embedWithParts: async (passages) => {
        const key = (p: PassageWithParts) => `${name}\nparts\n${p.text}\n${p.parts.join('\n')}`;
        const missing = passages.filter((p) => !withParts.has(key(p)));
        if (missing.length > 0) {
          const fresh = await embedder.embedWithParts(missing);
          missing.forEach((p, i) => withParts.set(key(p), fresh[i]!));
        }
        return passages.map((p) => {
          const { whole, parts } = withParts.get(key(p))!;
          return { whole: whole.slice(), parts: parts.map((v) => v.slice()) };
        });
      },
      // The file's afterAll frees the model; a service that disposes its embedder only lets go of it.
      dispose: async () => {},
    };
  };
}
