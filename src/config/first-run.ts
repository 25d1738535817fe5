/** The one-time hint shown when prep falls back to its bundled samples because no stories are configured. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../load/atomic-write.js';

/** The hint: one line, both ways to point prep at the user's own notes. */
export const FIRST_RUN_HINT =
  'prep: using the bundled sample stories; to use your own notes run `prep config set stories PATH` or `prep init`';

/** A file in the cache folder records that the hint was shown, so it is said once, not on every run. */
export function hintMarker(cacheDir: string): string {
  return join(cacheDir, 'first-run-hint-shown');
}

/** Print the first-run hint unless it was shown before; a cache folder that cannot be written only means it repeats. */
export function showFirstRunHint(ctx: { out: { err(text: string): void; c: { dim(text: string): string } }; folders: { cache: string } }): boolean {
  const marker = hintMarker(ctx.folders.cache);
  if (existsSync(marker)) return false;
  ctx.out.err(ctx.out.c.dim(FIRST_RUN_HINT));
  try {
    writeFileAtomic(marker, 'the first-run hint about the bundled samples was shown\n', { mkdir: true, link: 'replace' });
  } catch {
    // Read-only cache: the hint shows again next time, which is harmless.
  }
  return true;
}
