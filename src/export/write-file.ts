/** Atomic file writes: a temporary file in the same folder, then a rename, so a good file is never half-replaced. */
import { randomBytes } from 'node:crypto';
import { rmSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Write `data` to `file` atomically; on failure the temporary file is removed and `file` is untouched. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
