/** Writing a model folder: shared by the GloVe and the wheel builds. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export function writeModelFile(dir: string, name: string, data: string | Uint8Array): void {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), data);
}

export function byteLength(data: string | Uint8Array): number {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}

export function secondsSince(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(1);
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
