import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { THEMES } from '../src/core/taxonomy.ts';
import { MODES, isMode, normaliseQuery, type Mode, type SearchResponse } from '../src/core/search.ts';
import { formatSideBySide, toJson } from './lib/format.ts';
import { UsageError, ask, loadSearch } from './lib/engine.ts';

const USAGE =
  'usage: npm run query -- [--json] [--mode hybrid|keyword|semantic] [--k N] [--theme ID] [--no-expand] [--batch FILE] "question"';

interface Options {
  json: boolean;
  mode: Mode;
  k: number;
  theme: string | null;
  /** Whether everyday words are searched with the reports' words for them too. */
  expand: boolean;
  queries: string[];
  batch: boolean;
}

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        mode: { type: 'string', default: 'hybrid' },
        k: { type: 'string', default: '10' },
        theme: { type: 'string' },
        batch: { type: 'string' },
        'no-expand': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(`${USAGE}\nthemes: ${THEMES.map((t) => t.id).join(', ')}`);
    process.exit(0);
  }
  if (!isMode(values.mode)) throw new UsageError(`unknown mode "${values.mode}": use one of ${MODES.join(', ')}`);
  const k = Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 1000)
    throw new UsageError(`--k must be a whole number from 1 to 1000, not "${values.k}"`);
  const theme = values.theme ?? null;
  if (theme !== null && !THEMES.some((t) => t.id === theme))
    throw new UsageError(`unknown theme "${theme}": use one of ${THEMES.map((t) => t.id).join(', ')}`);

  let queries: string[];
  if (values.batch !== undefined) {
    if (!existsSync(values.batch)) throw new UsageError(`batch file not found: ${values.batch}`);
    queries = readFileSync(values.batch, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim());
    if (queries.length === 0) throw new UsageError(`batch file has no queries: ${values.batch}`);
  } else {
    const query = positionals.join(' ');
    if (!query.trim() && theme === null)
      throw new UsageError(`empty query: give a question, or a --theme to browse\n${USAGE}`);
    queries = [query];
  }
  return {
    json: values.json,
    mode: values.mode,
    k,
    theme,
    expand: !values['no-expand'],
    queries,
    batch: values.batch !== undefined,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { engine, embedder } = await loadSearch();
  const responses: SearchResponse[] = [];
  for (const raw of options.queries) {
    const { query, truncated } = normaliseQuery(raw);
    if (truncated) console.error(`warning: query of ${raw.length} characters truncated to ${query.length}`);
    responses.push(
      await ask(
        { engine, embedder },
        { query, mode: options.mode, k: options.k, theme: options.theme, expand: options.expand },
      ),
    );
  }
  if (options.json) {
    const json = responses.map(toJson);
    console.log(JSON.stringify(options.batch ? json : json[0], null, 2));
  } else {
    console.log(responses.map((r) => formatSideBySide(r, process.stdout.columns ?? 120)).join('\n\n'));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof UsageError ? `query: ${error.message}` : error);
  process.exit(2);
});
