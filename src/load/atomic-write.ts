/**
 * Safe file writes: a new temporary file in the same folder (created exclusively, so never through a planted link),
 * then a rename over the path itself, so a failure never leaves half a file and no write follows a symlink.
 */
import { closeSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What to do when the path to write is a symbolic link: refuse (user files) or replace the link itself (caches). */
export type LinkPolicy = 'refuse' | 'replace';

/** Thrown when a write is refused because its path is a symbolic link. */
export class SymlinkRefused extends Error {
  readonly code = 'ELINK';
  constructor(readonly file: string) {
    super(`"${file}" is a symbolic link; prep does not write through links`);
    this.name = 'SymlinkRefused';
  }
}

/** Create a folder of prep's own (and its missing parents) readable by the user alone. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Whether `file` is a symbolic link (false when it does not exist). */
export function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Write `data` to `file` atomically. The path is never followed: a symlink there is refused (`link: 'refuse'`, the
 * default) or replaced by the new file (`'replace'`). The temp file is removed on failure.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, opts: { mkdir?: boolean; mode?: number; link?: LinkPolicy } = {}): void {
  if (opts.mkdir) makePrivateDir(dirname(file));
  if ((opts.link ?? 'refuse') === 'refuse' && isSymlink(file)) throw new SymlinkRefused(file);
  // Unique per process and call; 'wx' below makes a clash (or a planted name) fail instead of being written into.
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${process.hrtime.bigint().toString(36)}.tmp`);
  let fd: number | null = null;
  try {
    // 'wx' is O_CREAT|O_EXCL: it fails on any existing name, a dangling link included, so nothing is written through one.
    fd = openSync(tmp, 'wx', opts.mode ?? 0o666);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    closeSync(fd);
    fd = null;
    // rename replaces the directory entry itself: a link planted at `file` meanwhile is replaced, never followed.
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
}
