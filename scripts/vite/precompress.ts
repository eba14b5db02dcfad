/**
 * Precompressed copies of the built site's files, and a preview server that serves them.
 *
 * `precompress` writes `name.br` (brotli) and `name.gz` (gzip) next to every compressible file of dist/, so static
 * hosts that look for them (nginx `gzip_static`/`brotli_static`, Netlify, Cloudflare, S3 with metadata) send a
 * fraction of the bytes without compressing on each request. Brotli at its best quality takes about 30 s for
 * onnxruntime's 14 MB wasm on this machine, so the results are kept in ~/.cache/inspection-compare by content hash: a build
 * whose files did not change compresses nothing.
 *
 * `servePrecompressed` makes `npm start` (vite preview) behave like such a host: a request that accepts br or gzip
 * gets the precompressed file with `Content-Encoding` and the compressed `Content-Length`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** Types that shrink; images are compressed already. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.bin': 'application/octet-stream',
};
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 1024;
/**
 * Brotli's best quality, except above this size: on the 23 MB model (int8 weights, little to find) quality 11 takes
 * a minute for 0.4 % fewer bytes than quality 9, which takes a second.
 */
const BEST_QUALITY_UP_TO = 16 * 1024 * 1024;
/** Beside the model wheels, outside node_modules, which `npm ci` empties. */
const CACHE_DIR = join(
  process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'),
  'inspection-compare',
  'precompressed',
);

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

async function compressed(body: Buffer, encoding: 'br' | 'gz'): Promise<Buffer> {
  const cached = join(CACHE_DIR, `${createHash('sha256').update(body).digest('hex')}.${encoding}`);
  if (existsSync(cached)) return readFileSync(cached);
  const out =
    encoding === 'br'
      ? await brotli(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: body.length <= BEST_QUALITY_UP_TO ? constants.BROTLI_MAX_QUALITY : 9,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        })
      : await gzipAsync(body, { level: constants.Z_BEST_COMPRESSION });
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(cached, out);
  return out;
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'precompress',
    apply: 'build',
    // After the service worker is written (vite-plugin-pwa also works in closeBundle).
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = filesUnder(outDir).filter((f) => extname(f) in TYPES && statSync(f).size >= MIN_BYTES);
      await Promise.all(
        files.map(async (file) => {
          const body = readFileSync(file);
          for (const encoding of ['br', 'gz'] as const) {
            const out = await compressed(body, encoding);
            // A copy no smaller than the file (the model's int8 weights barely shrink under gzip) is not worth a request.
            if (out.length < body.length) writeFileSync(`${file}.${encoding}`, out);
          }
        }),
      );
    },
  };
}

export function servePrecompressed(): Plugin {
  return {
    name: 'serve-precompressed',
    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir);
      const base = server.config.base === './' ? '/' : server.config.base;
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        let path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
        if (!path.startsWith(base)) return next();
        path = path.slice(base.length);
        if (path === '' || path.endsWith('/')) path += 'index.html';
        const file = join(outDir, normalize(path).replace(/^(\.\.[/\\])+/, ''));
        const type = TYPES[extname(file)];
        if (!type || !file.startsWith(outDir)) return next();
        const accepted = String(req.headers['accept-encoding'] ?? '');
        const encoding = [
          { token: 'br', suffix: '.br' },
          { token: 'gzip', suffix: '.gz' },
        ].find((e) => accepted.includes(e.token) && existsSync(file + e.suffix));
        if (!encoding) return next();
        const body = readFileSync(file + encoding.suffix);
        // The headers the preview server would have sent (cross-origin isolation, see vite.config.ts).
        for (const [name, value] of Object.entries(server.config.preview.headers ?? {}))
          if (value !== undefined) res.setHeader(name, value);
        res.setHeader('Content-Type', type);
        res.setHeader('Content-Encoding', encoding.token);
        res.setHeader('Content-Length', body.length);
        res.setHeader('Vary', 'Accept-Encoding');
        // Vite names what it bundles by content hash: such a file never changes, so the service worker's precache
        // takes it from the HTTP cache instead of downloading it again on a first visit.
        res.setHeader('Cache-Control', path.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.end(req.method === 'HEAD' ? undefined : body);
      });
    },
  };
}
