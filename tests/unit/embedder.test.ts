/**
 * The embedder against the real default model (all-MiniLM-L6-v2, int8) through the real Transformers.js pipeline:
 * what the app runs. Needs public/models/all-minilm-l6-v2 (npm test builds it; otherwise npm run build:model).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Embedder, loadEmbedder, splitIntoWindows } from '../../src/embed/embedder.ts';
import { DEFAULT_MODEL } from '../../src/embed/models.ts';
import { configureNodeEnv } from '../../src/embed/nodeEnv.ts';
import type { PassageVectors } from '../../src/core/buildIndexes.ts';
import { splitSentences } from '../../src/core/semanticIndex.ts';

const root = resolve(import.meta.dirname, '../..');
const modelsDir = join(root, 'public/models');

function cosine(a: Float32Array, b: Float32Array): number {
  return a.reduce((sum, x, i) => sum + x * b[i]!, 0);
}

function norm(v: Float32Array): number {
  return Math.sqrt(cosine(v, v));
}

/** Long paragraphs of the 2022 report, in file order: real text, deterministic. */
function seedParagraphs(): string[] {
  const text = readFileSync(join(root, 'seeds/2022-redcar-cleveland-ilacs.txt'), 'utf8');
  return text.split(/\n\s*\n/).filter((p) => p.split(/\s+/).length >= 60);
}

/** The paragraph's words over and over until there are `count` of them. */
function repeatWords(paragraph: string, count: number): string {
  const words = paragraph.split(/\s+/);
  return Array.from({ length: count }, (_, i) => words[i % words.length]).join(' ');
}

let embedder: Embedder;
let windowed: Embedder;

beforeAll(async () => {
  if (!existsSync(join(modelsDir, DEFAULT_MODEL.id, 'onnx/model_quantized.onnx'))) {
    throw new Error(`no model in ${modelsDir}/${DEFAULT_MODEL.id}: run npm run build:model`);
  }
  configureNodeEnv(modelsDir);
  embedder = await loadEmbedder(DEFAULT_MODEL);
  // Same files, tiny window: makes windowing observable on short texts.
  windowed = await loadEmbedder({ ...DEFAULT_MODEL, maxTokens: 16 });
});

afterAll(async () => {
  await embedder?.dispose();
  await windowed?.dispose();
});

describe('loadEmbedder with the bundled model', () => {
  it('yields one 384-dimensional unit vector per text, in order', async () => {
    const texts = ['children in care', 'looked after children', 'budget overspend'];
    const vectors = await embedder.embed(texts, 'passage');
    expect(embedder.dim).toBe(384);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(384);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    const [single] = await embedder.embed(['budget overspend'], 'passage');
    expect(cosine(single!, vectors[2]!)).toBeCloseTo(1, 6); // batching does not change a vector
  });

  it('scores a paraphrase above an unrelated phrase', async () => {
    const [inCare, lookedAfter, budget] = await embedder.embed(
      ['children in care', 'looked after children', 'budget overspend'],
      'query',
    );
    const paraphrase = cosine(inCare!, lookedAfter!);
    const unrelated = cosine(lookedAfter!, budget!);
    expect(paraphrase).toBeGreaterThan(unrelated + 0.3);
    expect(Math.abs(unrelated)).toBeLessThan(0.3);
  });

  it('gives the zero vector to text with nothing in it, and a unit vector to any word, known or not', async () => {
    const [empty, blank, unknown] = await embedder.embed(['', ' \n\t ', 'qzxv wqpt'], 'passage');
    expect(Array.from(empty!).every((x) => x === 0)).toBe(true);
    expect(Array.from(blank!).every((x) => x === 0)).toBe(true);
    expect(norm(unknown!)).toBeCloseTo(1, 5); // word pieces: the model has a vector for any spelling
  });
});

describe('texts longer than maxTokens', () => {
  const [first, second] = seedParagraphs();

  it('are windowed, not truncated: a different second half changes the vector', async () => {
    const [firstOnly, both] = await windowed.embed([first!, `${first} ${second}`], 'passage');
    expect(norm(both!)).toBeCloseTo(1, 5);
    // Truncating to 16 tokens would give identical vectors.
    expect(cosine(firstOnly!, both!)).toBeLessThan(0.99);
  });

  it('many windows long, the second half still counts as much as the first', async () => {
    // Without windowing the pipeline would truncate `both` to its first 256 tokens, i.e. to `a` alone.
    const [halfA, halfB] = [repeatWords(first!, 2_000), repeatWords(second!, 2_000)];
    const [a, b, both] = await embedder.embed([halfA, halfB, `${halfA} ${halfB}`], 'passage');
    const mean = a!.map((x, i) => x + b![i]!);
    expect(cosine(both!, a!)).toBeLessThan(0.99);
    expect(
      cosine(
        both!,
        mean.map((x) => x / norm(mean)),
      ),
    ).toBeGreaterThan(0.99);
  });

  it('a 10,000-word text keeps the meaning of the paragraph it repeats', async () => {
    const long = repeatWords(first!, 10_000);
    const [paragraph, other] = await embedder.embed([first!, second!], 'passage');
    const [longDefault] = await embedder.embed([long], 'passage'); // some 50 windows of 256 tokens
    const [longSmall] = await windowed.embed([long], 'passage'); // some 800 windows of 16 tokens
    expect(norm(longDefault!)).toBeCloseTo(1, 5);
    // Windows start mid-sentence, so the vector moves a little (measured 0.95 and 0.81), but stays the paragraph's.
    expect(cosine(longDefault!, paragraph!)).toBeGreaterThan(0.9);
    expect(cosine(longSmall!, paragraph!)).toBeGreaterThan(0.75);
    expect(cosine(longSmall!, paragraph!)).toBeGreaterThan(cosine(longSmall!, other!));
  });
});

describe('embedWithParts', () => {
  const [first, second] = seedParagraphs();
  const sentencesOf = (text: string) => splitSentences(text);

  it('gives each passage the vector embed gives it, and each sentence its own, in order', async () => {
    const passages = [
      first!,
      'Leadership. The service is improving. Social workers know their children well.',
      second!,
    ].map((text) => ({ text: `Context. ${text}`, parts: sentencesOf(text) }));
    const withParts = await embedder.embedWithParts(passages);
    const alone = await embedder.embed(
      passages.map((p) => p.text),
      'passage',
    );
    expect(withParts).toHaveLength(3);
    withParts.forEach(({ whole, parts }, i) => {
      expect(cosine(whole, alone[i]!)).toBeGreaterThan(0.9999);
      expect(parts).toHaveLength(passages[i]!.parts.length);
      for (const v of parts) expect(norm(v)).toBeCloseTo(1, 5);
    });
    // A sentence read in its paragraph is still that sentence: closer to itself read alone than to its neighbour.
    const [improving, knowWell] = withParts[1]!.parts;
    const [improvingAlone, knowWellAlone] = await embedder.embed(passages[1]!.parts, 'passage');
    expect(cosine(improving!, improvingAlone!)).toBeGreaterThan(cosine(improving!, knowWellAlone!));
    expect(cosine(knowWell!, knowWellAlone!)).toBeGreaterThan(cosine(knowWell!, improvingAlone!));
    // ...and not the same vector as read alone: the paragraph is its context.
    expect(cosine(improving!, improvingAlone!)).toBeLessThan(0.9999);
  });

  it('embeds the parts alone when they are not the passage’s last words, or the passage needs windows', async () => {
    const misplaced = {
      text: 'Children are safe. Plans are clear.',
      parts: ['Plans are clear.', 'Children are safe.'],
    };
    const long = { text: `${first} ${second}`, parts: [...sentencesOf(first!), ...sentencesOf(second!)] };
    const [a, b] = await windowed.embedWithParts([misplaced, long]);
    const alone = await windowed.embed([...misplaced.parts, ...long.parts], 'passage');
    [...a!.parts, ...b!.parts].forEach((v, i) => expect(cosine(v, alone[i]!)).toBeCloseTo(1, 6));
    const [wholeA, wholeB] = await windowed.embed([misplaced.text, long.text], 'passage');
    expect(cosine(a!.whole, wholeA!)).toBeCloseTo(1, 6);
    expect(cosine(b!.whole, wholeB!)).toBeCloseTo(1, 6);
  });
});

describe('embedWithParts with a model that pools its [CLS] token', () => {
  it('embeds the passage and each part alone, as embed does', async () => {
    const cls = await loadEmbedder({ ...DEFAULT_MODEL, pooling: 'cls' });
    try {
      const passage = {
        text: 'Leadership. The service is improving. Plans are clear.',
        parts: ['The service is improving.', 'Plans are clear.'],
      };
      const [{ whole, parts }] = (await cls.embedWithParts([passage])) as [PassageVectors];
      const [wholeAlone, ...partsAlone] = await cls.embed([passage.text, ...passage.parts], 'passage');
      expect(cosine(whole, wholeAlone!)).toBeCloseTo(1, 6);
      parts.forEach((v, i) => expect(cosine(v, partsAlone[i]!)).toBeCloseTo(1, 6));
    } finally {
      await cls.dispose();
    }
  });
});

describe('splitIntoWindows', () => {
  it('keeps every word, in order, within the budget', () => {
    const text = 'one two three four five six seven eight nine ten';
    const cost = (w: string): number => (w.length > 4 ? 2 : 1);
    const windows = splitIntoWindows(text, cost, 4);
    expect(windows.join(' ')).toBe(text);
    for (const w of windows) expect(w.split(' ').reduce((s, x) => s + cost(x), 0)).toBeLessThanOrEqual(4);
  });

  it('gives an over-long word a window of its own', () => {
    expect(splitIntoWindows('a supercalifragilistic b', (w) => w.length, 3)).toEqual([
      'a',
      'supercalifragilistic',
      'b',
    ]);
  });
});
