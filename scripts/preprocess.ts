import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CORPUS_FORMAT_VERSION, buildCorpus } from '../src/core/corpus.ts';
import { ReportError, decodeReport } from '../src/core/chunk.ts';
import { writeFileAtomic } from './lib/atomic.ts';

const root = resolve(import.meta.dirname, '..');

/** seeds/*.txt -> public/data/corpus.json. Arguments: [seedsDir] [outFile], for tests. */
function main(seedsDir = join(root, 'seeds'), outFile = join(root, 'public/data/corpus.json')): void {
  const started = performance.now();
  const files = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new ReportError(seedsDir, 'no .txt reports found');
  const corpus = buildCorpus(
    files.map((file) => ({
      id: basename(file, '.txt'),
      source: join(seedsDir, file),
      text: decodeReport(readFileSync(join(seedsDir, file)), join(seedsDir, file)),
    })),
  );
  writeFileAtomic(outFile, JSON.stringify(corpus));
  for (const report of corpus.reports) {
    const chunks = corpus.chunks.filter((c) => c.reportId === report.id);
    const numbered = chunks.filter((c) => c.paragraph !== null).length;
    console.log(
      `${report.year} ${report.id}: ${numbered} numbered paragraphs, ${chunks.length - numbered} other chunks`,
    );
  }
  console.log(`wrote ${outFile} (format ${CORPUS_FORMAT_VERSION}) in ${Math.round(performance.now() - started)} ms`);
}

try {
  main(process.argv[2], process.argv[3]);
} catch (error) {
  console.error(error instanceof ReportError ? `preprocess: ${error.message}` : error);
  process.exit(1);
}
