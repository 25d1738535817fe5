/** Atomic file writes: a temporary file in the same folder, then a rename, so a failure never leaves half a file. */
import { mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Write `data` to `file` atomically (following a symlink to its target); the temp file is removed on failure. */
export function writeFileAtomic(file: string, data: string | Uint8Array, opts: { mkdir?: boolean; mode?: number } = {}): void {
  let target = file;
  try {
    target = realpathSync(file);
  } catch {
    // A new file: write it where it was named.
  }
  if (opts.mkdir) mkdirSync(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, data, opts.mode === undefined ? undefined : { mode: opts.mode });
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
