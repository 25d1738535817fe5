/** `prep coverage`: which competencies your stories cover, and the gaps to write next. */
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { loadIndex } from '../search-context.js';
import { truncate } from '../output.js';

/** Options of `prep coverage`. */
export interface CoverageOptions extends StoryOptions {
  json?: boolean;
  framework?: string;
}

/** Print each competency with its best story and score; list the gaps. */
export async function runCoverage(ctx: Context, opts: CoverageOptions): Promise<number> {
  const loaded = await loadForCommand(ctx, opts, { quiet: true });
  const index = await loadIndex(ctx, loaded);
  if (opts.framework !== undefined) return (await import('./framework.js')).printFrameworkCoverage(ctx, loaded.stories, index, opts.framework, Boolean(opts.json));
  const { computeCoverage, COVERAGE_THRESHOLD } = await import('../../search/coverage.js');
  const rows = computeCoverage(index);
  const byId = new Map(loaded.stories.map((s) => [s.id, s]));
  const o = ctx.out;
  if (opts.json) {
    o.out(JSON.stringify({
      threshold: COVERAGE_THRESHOLD,
      competencies: rows.map((r) => ({
        id: r.competency.id,
        name: r.competency.name,
        best: r.best ? { id: r.best.id, title: byId.get(r.best.id)?.title ?? r.best.id, score: r.best.score } : null,
        others: r.others,
        gap: r.gap,
      })),
      gaps: rows.filter((r) => r.gap).map((r) => r.competency.id),
    }, null, 2));
    return 0;
  }
  // The id next to the name: it is what --competency and front matter `competencies:` take.
  const label = (r: (typeof rows)[number]) => (r.competency.id === r.competency.name.toLowerCase() ? r.competency.name : `${r.competency.name} (${r.competency.id})`);
  const nameW = Math.min(Math.max(...rows.map((r) => label(r).length)), Math.max(12, o.columns - 30));
  const meterOn = o.columns >= 60;
  const titleW = Math.max(8, o.columns - nameW - (meterOn ? 16 : 8));
  for (const r of rows) {
    const score = r.best ? r.best.score : 0;
    const filled = Math.round(score * 5);
    const meter = meterOn ? (r.gap ? o.c.yellow : o.c.green)('■'.repeat(filled)) + o.c.dim('□'.repeat(5 - filled)) + ' ' : '';
    const title = r.best && !r.gap ? truncate(byId.get(r.best.id)?.title ?? r.best.id, titleW) : o.c.yellow(truncate('gap — no story yet', titleW));
    o.out(`${truncate(label(r), nameW).padEnd(nameW)}  ${meter}${score.toFixed(2)}  ${title}`);
  }
  const gaps = rows.filter((r) => r.gap);
  o.out('');
  if (gaps.length) {
    o.out(`${o.c.bold(`${gaps.length} gap${gaps.length === 1 ? '' : 's'}`)}: ${gaps.map((g) => g.competency.name).join(', ')}`);
    const g = gaps[0]!;
    o.out(o.c.dim(`e.g. write a story for: "${g.competency.questions[0]}"`));
  } else {
    o.out(o.c.green('Every competency has a story.'));
  }
  return 0;
}
