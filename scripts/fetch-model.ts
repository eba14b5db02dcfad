/**
 * For a deployer with internet access: copies a Hugging Face model into public/models/<id>/ so the app can load it
 * offline like the bundled one. Usage: npm run fetch-model -- <hf-id> [--force] [--dest <models dir>]
 * Exit codes: 0 fetched (or already present), 2 bad usage or the hub could not serve the model, 1 anything else.
 * HF_ENDPOINT (the variable the Hugging Face tools use) points it at a mirror.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { replaceDirAtomic } from './lib/atomicDir.ts';
import { MODELS_DIR, PIPELINE_FILES, PREFERRED_MODEL, REPO_ROOT } from './lib/modelLayout.ts';

const USAGE = 'usage: npm run fetch-model -- <hugging-face-id, e.g. Xenova/all-MiniLM-L6-v2> [--force] [--dest <dir>]';
/** Owner/name made of the characters the hub allows; also keeps ".." and absolute paths out of the destination. */
const MODEL_ID = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/;
/**
 * Abort when no byte has arrived for this long. An idle timeout rather than a total one: a slow but live download
 * of a large .onnx must finish, while an unreachable or stalled host must not hang the deploy.
 */
const IDLE_TIMEOUT_MS = 15_000;

/** A failure the user can act on: the message is printed as is and the exit code is 2. */
class HubError extends Error {}

function parse(): { id: string; force: boolean; modelsDir: string } {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { force: { type: 'boolean', default: false }, dest: { type: 'string' } },
    });
  } catch (error) {
    throw new HubError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const [id, ...extra] = parsed.positionals;
  if (id === undefined || extra.length > 0) throw new HubError(USAGE);
  if (!MODEL_ID.test(id) || id.includes('..'))
    throw new HubError(`not a Hugging Face model id: ${JSON.stringify(id)}\n${USAGE}`);
  return { id, force: parsed.values.force ?? false, modelsDir: resolve(parsed.values.dest ?? MODELS_DIR) };
}

function endpoint(): URL {
  return new URL(process.env.HF_ENDPOINT ?? 'https://huggingface.co');
}

/** One attempt, no retries: a deploy script should fail fast and say why, not hammer the hub. */
async function download(id: string, file: string): Promise<Uint8Array> {
  const url = new URL(`${id}/resolve/main/${file}`, `${endpoint().href.replace(/\/?$/, '/')}`);
  const unreachable = (reason: string): HubError =>
    new HubError(`could not reach ${endpoint().host} (${reason}); the bundled model ${PREFERRED_MODEL} still works`);
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const keepAlive = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), IDLE_TIMEOUT_MS);
  };
  keepAlive();
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    if (!response.ok) {
      throw new HubError(
        `${endpoint().host} answered ${response.status} ${response.statusText} for ${id}/${file}: ` +
          `check the id (and that the repository has ${file}); the bundled model ${PREFERRED_MODEL} still works`,
      );
    }
    if (!response.body) throw unreachable('empty response');
    const chunks: Uint8Array[] = [];
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      keepAlive();
    }
    return Buffer.concat(chunks);
  } catch (error) {
    if (error instanceof HubError) throw error;
    if (controller.signal.aborted) throw unreachable(`no data for ${IDLE_TIMEOUT_MS / 1000} s`);
    throw unreachable(networkReason(error));
  } finally {
    clearTimeout(timer);
  }
}

const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
};

/** Node's fetch says only "fetch failed"; the useful part (ENOTFOUND, ECONNREFUSED, ...) is in `cause`. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return `${cause.code}: ${NETWORK_CODES[cause.code] ?? 'network error'}`;
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

async function main(): Promise<void> {
  const { id, force, modelsDir } = parse();
  const target = join(modelsDir, id);
  const shown = relative(REPO_ROOT, target) || target;
  if (!force && PIPELINE_FILES.every((f) => existsSync(join(target, f)))) {
    console.log(`${shown} is already present (--force to download again)`);
    return;
  }
  // Everything is downloaded before anything is written, so a failure leaves no folder at all.
  const files = new Map<string, Uint8Array>();
  for (const file of PIPELINE_FILES) {
    console.log(`downloading ${id}/${file} ...`);
    files.set(file, await download(id, file));
  }
  await replaceDirAtomic(target, (dir) => {
    for (const [file, bytes] of files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), bytes);
    }
  });
  const megabytes = [...files.values()].reduce((sum, b) => sum + b.byteLength, 0) / 1e6;
  console.log(`wrote ${shown} (${megabytes.toFixed(1)} MB); select it through KNOWN_MODELS in src/embed/embedder.ts`);
}

main().catch((error: unknown) => {
  if (error instanceof HubError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(`fetch-model failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
