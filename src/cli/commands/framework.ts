/** `prep framework init|list`: write a framework template into the config folder, list the frameworks there are. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { EXIT, PrepError } from '../errors.js';
import { frameworksFolder } from '../framework-context.js';
import { BUILT_IN_FRAMEWORKS, frameworkId, frameworkTemplate } from '../../frameworks/framework.js';
import { writeFileAtomic } from '../../load/atomic-write.js';

/** Write `frameworks/NAME.yaml` in the config folder (never over an existing file) and print its path. */
export async function runFrameworkInit(ctx: Context, name: string): Promise<number> {
  const id = frameworkId(name);
  if (!id) throw new PrepError('usage.framework', `a framework name needs letters or digits, not "${name}"`, EXIT.usage, 'example: prep framework init acme');
  if ((BUILT_IN_FRAMEWORKS as readonly string[]).includes(id)) throw new PrepError('usage.framework', `"${id}" is a built-in framework`, EXIT.usage, 'choose another name for your own');
  const file = join(frameworksFolder(ctx), `${id}.yaml`);
  if (existsSync(file)) throw new PrepError('framework.exists', `${file} already exists`, EXIT.usage, `edit it, or use it: prep coverage --framework ${id}`);
  try {
    writeFileAtomic(file, frameworkTemplate(id), { mkdir: true });
  } catch (e) {
    throw new PrepError('framework.write', `cannot write ${file}: ${(e as Error).message}`, EXIT.failure);
  }
  ctx.out.out(file);
  ctx.out.out(ctx.out.c.dim(`edit its principles, then: prep coverage --framework ${id}`));
  return EXIT.ok;
}

/** Print the built-in frameworks and the user's files. */
export async function runFrameworkList(ctx: Context): Promise<number> {
  let own: string[] = [];
  try {
    own = readdirSync(frameworksFolder(ctx)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    own = [];
  }
  ctx.out.out('amazon   Amazon Leadership Principles (16)');
  ctx.out.out('generic  prep\'s behavioral competencies');
  for (const f of own) ctx.out.out(`${f.replace(/\.ya?ml$/, '').padEnd(8)} ${join(frameworksFolder(ctx), f)}`);
  return EXIT.ok;
}
