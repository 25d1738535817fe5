/** `prep init`: write a starter stories folder with a commented template; never overwrite. */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Context } from '../context.js';
import { PrepError, EXIT } from '../errors.js';

export { TEMPLATE } from '../../story/template.js';
import { TEMPLATE } from '../../story/template.js';

/** Write `folder/example-story.md` (default folder ./stories); returns 0, or throws if it would overwrite. */
export async function runInit(ctx: Context, folder: string | undefined): Promise<number> {
  const dir = resolve(ctx.cwd, folder ?? 'stories');
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new PrepError('init.not-a-folder', `"${folder}" exists and is not a folder`, EXIT.usage);
  }
  const file = join(dir, 'example-story.md');
  const shown = relative(ctx.cwd, file) || file;
  if (existsSync(file)) {
    throw new PrepError('init.exists', `"${shown}" already exists; nothing written`, EXIT.usage, 'edit it, or run `prep init OTHER-FOLDER`');
  }
  try {
    mkdirSync(dir, { recursive: true });
    // 'wx' fails if the file appeared meanwhile, so nothing is ever overwritten.
    writeFileSync(file, TEMPLATE, { flag: 'wx' });
  } catch (e) {
    throw new PrepError('init.write', `cannot write "${shown}": ${(e as Error).message}`, EXIT.failure);
  }
  ctx.out.out(`wrote ${shown}`);
  // ./stories is found from this folder only; the config makes any folder work from anywhere.
  const setIt = `prep config set stories ${/[\s'"$]/.test(dir) ? JSON.stringify(dir) : dir}`;
  const next = dir === join(ctx.cwd, 'stories')
    ? `next: edit it and run \`prep check\`; to use it from any folder: ${setIt}`
    : `next: run \`${setIt}\` so prep finds it from any folder, then edit it and run \`prep check\``;
  ctx.out.out(ctx.out.c.dim(next));
  return 0;
}
