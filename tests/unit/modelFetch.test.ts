import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressFetch, type FileProgress } from '../../src/embed/modelFetch.ts';

const BODY = Buffer.from('model bytes '.repeat(50_000));
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/gzip/model.onnx') {
      const gz = gzipSync(BODY);
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': String(gz.length) }).end(gz);
    } else if (req.url === '/plain/model.onnx') res.writeHead(200, { 'Content-Length': String(BODY.length) }).end(BODY);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('progressFetch', () => {
  it('reports the decoded bytes of a compressed response, with the size unknown, and gives a body with its true length', async () => {
    const seen: FileProgress[] = [];
    const response = await progressFetch((p) => seen.push(p))(`${base}/gzip/model.onnx`);
    expect(response.headers.get('content-length')).toBe(String(BODY.length));
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await response.arrayBuffer()).equals(BODY)).toBe(true);
    expect(seen.at(-1)).toEqual({ file: 'model.onnx', loaded: BODY.length, total: 0 });
  });

  it('takes the size from Content-Length when the response is not encoded', async () => {
    const seen: FileProgress[] = [];
    await progressFetch((p) => seen.push(p))(`${base}/plain/model.onnx`);
    expect(seen.at(-1)).toEqual({ file: 'model.onnx', loaded: BODY.length, total: BODY.length });
  });

  it('passes an error status through untouched', async () => {
    const seen: FileProgress[] = [];
    const response = await progressFetch((p) => seen.push(p))(`${base}/missing.onnx`);
    expect(response.status).toBe(404);
    expect(seen).toEqual([]);
  });
});
