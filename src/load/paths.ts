/** Path helpers every command shares: one `~` expansion and one real path, so files are compared one way. */
import { realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `~` and `~/x` as the home folder (from a quoted flag, PREP_STORIES or the config file); other paths unchanged. */
export function expandHome(p: string, home: string): string {
  return p === '~' ? home : p.startsWith('~/') ? home + p.slice(1) : p;
}

/** A path with symlinks resolved; a file that does not exist yet is placed in its folder's real path. */
export function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    try {
      return join(realpathSync.native(dirname(file)), basename(file));
    } catch {
      return file;
    }
  }
}
