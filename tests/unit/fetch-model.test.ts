/**
 * scripts/fetch-model.ts as a deployer runs it, as a child process. The "hub" is a local port (closed, or a server
 * answering 404) via HF_ENDPOINT, so the outcome does not depend on this machine's network.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const FAKE_ID = 'no-such-org/no-such-model';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Async spawn: a synchronous one would block the test's own HTTP server. */
function fetchModel(args: string[], hub: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/fetch-model.ts', ...args], {
      cwd: root,
      env: { ...process.env, HF_ENDPOINT: hub },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)));
}

function close(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()));
}

let dest: string;
beforeEach(() => {
  dest = mkdtempSync(join(tmpdir(), 'fetch-model-'));
});
afterEach(() => {
  rmSync(dest, { recursive: true, force: true });
});

describe('fetch-model', () => {
  it('exits 2 with usage when no id is given', async () => {
    const run = await fetchModel([], 'http://127.0.0.1:9');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^usage: npm run fetch-model -- <hugging-face-id/);
  });

  it('exits 2 with a one-line message when the hub cannot be reached, and leaves no folder', async () => {
    const server = createServer();
    const port = await listen(server);
    await close(server); // nothing listens there now: connection refused
    const started = Date.now();
    const run = await fetchModel([FAKE_ID, '--dest', dest], `http://127.0.0.1:${port}`);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `could not reach 127.0.0.1:${port} (ECONNREFUSED: connection refused); the bundled model all-minilm-l6-v2 still works\n`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(readdirSync(dest)).toEqual([]);
  });

  it('exits 2 naming the status when the hub has no such model, and leaves no folder', async () => {
    const server = createServer((_, res) => res.writeHead(404, 'Not Found').end('Repository not found'));
    const port = await listen(server);
    try {
      const run = await fetchModel([FAKE_ID, '--dest', dest], `http://127.0.0.1:${port}`);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/answered 404 Not Found for no-such-org\/no-such-model\/config\.json/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(readdirSync(dest)).toEqual([]);
    } finally {
      await close(server);
    }
  });

  it('refuses an id that would escape the models folder', async () => {
    const run = await fetchModel(['../outside', '--dest', dest], 'http://127.0.0.1:9');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not a Hugging Face model id/);
  });
});
