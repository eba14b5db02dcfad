/**
 * Runs npm scripts at the same time and prints each one's output whole, in the order named, so `npm test` pays for
 * lint and type-check together (each uses about one core) without their lines interleaving. Exits non-zero when any
 * of them failed, after all have finished.
 * usage: tsx scripts/side-by-side.ts lint check
 */
import { spawn } from 'node:child_process';

interface Finished {
  name: string;
  code: number;
  output: Buffer;
}

function run(name: string): Promise<Finished> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => resolve({ name, code: code ?? 1, output: Buffer.concat(output) }));
  });
}

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: tsx scripts/side-by-side.ts SCRIPT...');
  process.exit(2);
}
const failed: string[] = [];
for (const finished of names.map(run)) {
  const { name, code, output } = await finished;
  process.stdout.write(output);
  if (code !== 0) failed.push(`npm run ${name} (exit ${code})`);
}
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
