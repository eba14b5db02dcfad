import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Fills a hidden sibling directory, then swaps it in with renames, so readers (and a crashed or interrupted run)
 * only ever see the old complete directory or the new complete one, never a half-written model.
 */
export async function replaceDirAtomic(
  finalDir: string,
  fill: (tmpDir: string) => Promise<void> | void,
): Promise<void> {
  const parent = dirname(finalDir);
  const tmpDir = join(parent, `.${basename(finalDir)}.${process.pid}.tmp`);
  const oldDir = join(parent, `.${basename(finalDir)}.${process.pid}.old`);
  mkdirSync(parent, { recursive: true });
  rmSync(tmpDir, { recursive: true, force: true });
  try {
    mkdirSync(tmpDir);
    await fill(tmpDir);
    const hadOld = existsSync(finalDir);
    if (hadOld) renameSync(finalDir, oldDir);
    try {
      renameSync(tmpDir, finalDir);
    } catch (error) {
      if (hadOld) renameSync(oldDir, finalDir); // put the previous model back rather than leave none
      throw error;
    }
    rmSync(oldDir, { recursive: true, force: true });
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
}
