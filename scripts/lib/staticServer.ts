import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { preview, type PreviewServer } from 'vite';

const root = join(import.meta.dirname, '../..');

/** Serves the production build (dist/) the way `npm start` does, on a free loopback port. */
export async function serveBuild(
  outDir = join(root, 'dist'),
  base = '/',
): Promise<{ server: PreviewServer; url: string }> {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`no build in ${outDir}: run \`npm run build\` first`);
  const server = await preview({
    root,
    base,
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { server, url: `http://127.0.0.1:${address.port}${base}` };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
};

/**
 * How a static host sends files: as they are; gzip-compressed on the fly with a Content-Length (the encoded size,
 * as nginx and many CDNs send it); the same without a length (chunked); or the build's precompressed `.br` copies
 * with their Content-Length (nginx `brotli_static`, object stores).
 */
export type HostEncoding = 'plain' | 'gzip' | 'gzip-chunked' | 'br';

export interface FolderHost {
  url: string;
  /** Every path requested, in order, with the base removed (index.html for the folder itself). */
  requests: string[];
  close: () => Promise<void>;
}

/**
 * A plain static host that reads files on every request, so a test can deploy a new build into the folder
 * while it runs (Vite's preview server indexes the folder once at start).
 */
export async function serveFolder(
  dir: () => string,
  base = '/',
  encoding: HostEncoding = 'plain',
): Promise<FolderHost> {
  const requests: string[] = [];
  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) return void res.writeHead(404).end();
    const normalised = normalize(path.slice(base.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    const rel = normalised.endsWith('/') || normalised === '.' ? 'index.html' : normalised;
    requests.push(rel);
    try {
      const file = join(dir(), rel);
      // As `npm start` and most hosts: files named by content hash are kept, the rest revalidated.
      const caching = rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      const headers: Record<string, string> = {
        'Content-Type': TYPES[extname(rel)] ?? 'application/octet-stream',
        'Cache-Control': caching,
      };
      const accepts = String(req.headers['accept-encoding'] ?? '');
      let body = await readFile(file);
      if (encoding === 'br' && accepts.includes('br')) {
        const compressed = await readFile(`${file}.br`).catch(() => null);
        if (compressed) [body, headers['Content-Encoding']] = [compressed, 'br'];
      } else if ((encoding === 'gzip' || encoding === 'gzip-chunked') && accepts.includes('gzip')) {
        [body, headers['Content-Encoding']] = [gzipSync(body), 'gzip'];
      }
      if (encoding === 'gzip-chunked') {
        res.writeHead(200, headers);
        // Written in pieces with no length: Node sends it chunked.
        for (let at = 0; at < body.length; at += 65_536) res.write(body.subarray(at, at + 65_536));
        return void res.end();
      }
      res.writeHead(200, { ...headers, 'Content-Length': String(body.length) }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  };
  const server = createServer((req, res) => void respond(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
