/** `prep framework init|list`: write a framework template into the config folder, list the frameworks there are. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../context.js';
import type { Story } from '../../story/types.js';
import type { SearchIndex } from '../../search/engine.js';
import { truncate } from '../output.js';
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

/** `prep coverage --framework NAME`: per principle the best story and its score, then the gaps. */
export async function printFrameworkCoverage(ctx: Context, stories: readonly Story[], index: SearchIndex, name: string, json: boolean): Promise<number> {
  const { loadFramework, mapFramework, FRAMEWORK_PARAMS } = await import('../framework-context.js');
  const fw = await loadFramework(ctx, name);
  const { coverage } = await mapFramework(fw, index);
  const titles = new Map(stories.map((s) => [s.id, s.title]));
  const o = ctx.out;
  if (json) {
    o.out(
      JSON.stringify(
        {
          framework: { id: fw.id, name: fw.name },
          threshold: FRAMEWORK_PARAMS.coverScore,
          principles: coverage.map((c) => ({
            id: c.principle.id,
            name: c.principle.name,
            best: c.best ? { id: c.best.id, title: titles.get(c.best.id) ?? c.best.id, score: c.best.score } : null,
            others: c.ranked.slice(1, 3).filter((r) => r.score >= FRAMEWORK_PARAMS.coverScore),
            gap: c.gap,
          })),
          gaps: coverage.filter((c) => c.gap).map((c) => c.principle.id),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  o.out(o.c.bold(`${fw.name}: ${coverage.length - coverage.filter((c) => c.gap).length} of ${coverage.length} principles have a story`));
  const nameW = Math.min(Math.max(...coverage.map((c) => c.principle.name.length)), Math.max(12, Math.floor(o.columns / 2) - 6));
  const titleW = Math.max(8, o.columns - nameW - 9);
  for (const c of coverage) {
    const score = c.best?.score ?? 0;
    const title = c.best && !c.gap ? truncate(titles.get(c.best.id) ?? c.best.id, titleW) : o.c.yellow(truncate('gap — no story yet', titleW));
    o.out(`${truncate(c.principle.name, nameW).padEnd(nameW)}  ${score.toFixed(2)}  ${title}`);
  }
  const gaps = coverage.filter((c) => c.gap);
  o.out('');
  if (gaps.length) {
    o.out(`${o.c.bold(`${gaps.length} gap${gaps.length === 1 ? '' : 's'}`)}: ${gaps.map((g) => g.principle.name).join(', ')}`);
    const g = gaps[0]!;
    if (g.principle.questions[0]) o.out(o.c.dim(`e.g. write a story for: "${g.principle.questions[0]}"`));
  } else {
    o.out(o.c.green('Every principle has a story.'));
  }
  return EXIT.ok;
}
