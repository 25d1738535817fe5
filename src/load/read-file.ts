/** Reading a file the user or the cache names: regular files only (never a device or a pipe), up to a size cap. */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Thrown when a path is not a regular file or is over the size cap; `code` says which. */
export class UnreadableFile extends Error {
  constructor(
    readonly code: 'ENOTREG' | 'ETOOBIG',
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableFile';
  }
}

/** "20 MB", "1.5 KB": a byte count for messages. */
export function formatBytes(n: number): string {
  const [unit, size] = n >= 1024 * 1024 ? ['MB', n / 1024 / 1024] : n >= 1024 ? ['KB', n / 1024] : ['bytes', n];
  return `${Number.isInteger(size) ? size : size.toFixed(1)} ${unit}`;
}

/**
 * The bytes of `file`. Opened without blocking (a FIFO would wait forever for a writer) and checked with fstat after
 * opening, so a device, pipe or folder in its place is refused, as is a file over `maxBytes`.
 */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UnreadableFile('ENOTREG', 'not a regular file');
    if (st.size > maxBytes) throw new UnreadableFile('ETOOBIG', `larger than ${formatBytes(maxBytes)} (${formatBytes(st.size)})`);
    // Read to the end (a file can grow while read), never past the cap.
    const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, st.size + 1));
    let len = 0;
    for (let n; len < buf.length && (n = readSync(fd, buf, len, buf.length - len, null)) > 0; ) len += n;
    if (len > maxBytes) throw new UnreadableFile('ETOOBIG', `larger than ${formatBytes(maxBytes)}`);
    return buf.subarray(0, len);
  } finally {
    closeSync(fd);
  }
}
