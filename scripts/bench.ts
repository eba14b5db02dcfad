/**
 * `npm run bench`: speed, size and quality of this engine against peers, in Node and in headless Chromium, and how
 * cost grows with the number of reports. Prints tables on stdout (progress on stderr) and writes the same figures
 * with the machine, versions and date to bench/results/<date>.json (one file a day; a later run that day replaces it).
 * Not part of `npm test`: the tests check behaviour, this measures it. `npm run bench -- --models` measures only the
 * candidate embedding models, `npm run bench -- --scale` only how cost grows with the library, and
 * `npm run bench -- --national` only the simulated national library (these three write nothing).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { loadJudgedQuestions } from './eval.ts';
import { writeFileAtomic } from './lib/atomic.ts';
import { loadCorpus, loadModel, root } from './lib/engine.ts';
import { passageText } from '../src/core/buildIndexes.ts';
import { unpackSemanticIndexes } from '../src/core/indexPack.ts';
import { benchBrowser, buildSite, type BrowserFigures } from './bench/browser.ts';
import { runChecked, timed } from './bench/measure.ts';
import { benchNode } from './bench/node.ts';
import { benchPeers } from './bench/peers.ts';
import { benchModels } from './bench/models.ts';
import {
  browserTables,
  comparisonTable,
  modelsTable,
  nodeTable,
  qualityTable,
  scaleFindings,
  scaleTables,
  nationalTable,
} from './bench/report.ts';
import { SLICES, benchNational } from './bench/national.ts';
import { benchScale } from './bench/scale.ts';

const SCALE_FACTORS = [1, 10, 100];
/** About the inspections of every English council: docs/national-library.md. */
const NATIONAL_FACTOR = 300;
const PACKAGES = [
  'minisearch',
  '@huggingface/transformers',
  'onnxruntime-web',
  '@orama/orama',
  'flexsearch',
  'fuse.js',
  'svelte',
  'vite',
  'playwright-core',
];

const progress = (step: string) => process.stderr.write(`bench: ${step}\n`);
const packageVersion = (name: string) =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
/** Four significant digits keep the committed JSON small and diffable; no figure here is meaningful beyond that. */
const round = (_key: string, v: unknown) =>
  typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v;

/** The newest earlier run's figures (dated files sort by name), printed beside today's. */
const RESULTS_DIR = join(root, 'bench', 'results');
const newest = existsSync(RESULTS_DIR)
  ? readdirSync(RESULTS_DIR)
      .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
      .sort()
      .at(-1)
  : undefined;
const previous = newest
  ? (JSON.parse(readFileSync(join(RESULTS_DIR, newest), 'utf8')) as { date: string; browser: Partial<BrowserFigures> })
  : null;

progress('corpus and model (npm run prepare:assets)');
runChecked('npm', ['run', 'prepare:assets']);
const corpus = loadCorpus();
const judgements = loadJudgedQuestions();
if (process.argv.includes('--scale')) {
  // The vectors that ship (the build's pack), and the embedding rate of this machine on the bundled passages.
  const embedder = await loadModel();
  const { semantic } = unpackSemanticIndexes(readFileSync(join(root, 'public/data/embeddings.bin')));
  const sample = corpus.chunks.slice(0, 64).map(passageText);
  const { ms } = await timed(() => embedder.embed(sample, 'passage'));
  progress(`scale: x${SCALE_FACTORS.join(', x')}`);
  const scale = await benchScale(corpus, semantic, embedder, judgements, sample.length / (ms / 1000), SCALE_FACTORS);
  console.log(`${scaleTables(scale)}\n`);
  console.log(
    scaleFindings(scale)
      .map((f) => `- ${f}`)
      .join('\n'),
  );
  process.exit(0);
}
if (process.argv.includes('--national')) {
  const { semantic } = unpackSemanticIndexes(readFileSync(join(root, 'public/data/embeddings.bin')));
  progress(`national library: x${NATIONAL_FACTOR}`);
  console.log(nationalTable(await benchNational(corpus, semantic, await loadModel(), judgements, NATIONAL_FACTOR)));
  process.exit(0);
}
progress('production build (vite build)');
const site = buildSite();
progress('candidate embedding models: Node and the browser worker');
const models = await benchModels(site, judgements, progress);
if (process.argv.includes('--models')) {
  console.log(modelsTable(models));
  rmSync(site.outDir, { recursive: true, force: true });
  process.exit(0);
}
progress('Node: model build, embedding, indexes, eval');
const { figures: node, search, semantic } = await benchNode(corpus, judgements);
progress('peers: Orama, FlexSearch, Fuse.js');
const peers = await benchPeers(corpus, semantic, search.embedder, judgements);
progress(`scale: x${SCALE_FACTORS.join(', x')}`);
const scale = await benchScale(corpus, semantic, search.embedder, judgements, node.embed.textsPerSecond, SCALE_FACTORS);
progress(`national library: x${NATIONAL_FACTOR}`);
// Its codes cut the default model's 384 dimensions into slices; the GloVe fallback's 100 do not cut evenly.
const national =
  search.embedder.dim % SLICES === 0
    ? await benchNational(corpus, semantic, search.embedder, judgements, NATIONAL_FACTOR)
    : null;
progress('browser: headless Chromium');
const { figures: browser, chromium } = await benchBrowser(site, judgements, corpus.chunks.length);

const date = new Date();
const cpu = cpus();
// The load average says whether anything else was competing for the two cores while this ran.
const machine = {
  cpu: cpu[0]?.model ?? 'unknown',
  cores: cpu.length,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  os: `${type()} ${release()}`,
  loadAverage1m: loadavg()[0]!,
};
const versions = {
  node: process.version,
  chromium,
  ...Object.fromEntries(PACKAGES.map((p) => [p, packageVersion(p)])),
};
const findings = scaleFindings(scale);

console.log(`# Benchmark, ${date.toISOString()}`);
console.log(
  `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}; load average ${machine.loadAverage1m.toFixed(2)}; Node ${versions.node}, Chromium ${chromium}`,
);
console.log(
  `${corpus.reports.length} reports, ${corpus.chunks.length} paragraphs; ${judgements.length} judged questions (tests/eval/)\n`,
);
console.log(`${nodeTable(node)}\n`);
console.log('Quality and latency per question (embedding the query + ranking both reports), warm, in Node:\n');
console.log(`${qualityTable(node.modes, node.keywordBuildMs, node.bytes, peers)}\n`);
console.log(`${browserTables(browser)}\n`);
console.log(`${comparisonTable(browser, previous)}\n`);
console.log(
  'Candidate embedding models (quality on tests/eval with the search settings tuned for the default; query embedding warm):\n',
);
console.log(`${modelsTable(models)}\n`);
console.log(
  'Scale: the library filled with copies of the pair, each a report of its own (vectors = real ones + noise, not re-embedded):\n',
);
console.log(`${scaleTables(scale)}\n`);
console.log(findings.map((f) => `- ${f}`).join('\n'));
if (national) console.log(`\nA national library, simulated (docs/national-library.md):\n\n${nationalTable(national)}`);

const results = JSON.stringify(
  {
    date: date.toISOString(),
    machine,
    versions,
    corpus: { reports: corpus.reports.length, paragraphs: corpus.chunks.length, questions: judgements.length },
    node,
    peers,
    browser,
    models,
    scale,
    findings,
    national,
  },
  round,
  1,
);
writeFileAtomic(join(RESULTS_DIR, `${date.toISOString().slice(0, 10)}.json`), `${results}\n`);
progress(`figures written to bench/results/${date.toISOString().slice(0, 10)}.json`);
