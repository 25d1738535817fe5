/** `prep list`: a table of stories, or JSON. */
import type { Story } from '../../story/types.js';
import { formatDuration } from '../../story/text.js';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { truncate } from '../output.js';

/** Options of `prep list`. */
export interface ListOptions extends StoryOptions {
  json?: boolean;
}

/** The S/T/A/R completeness marks of a story ("STAR", "ST·R"); notes show "note". */
export function starMarks(s: Story): string {
  if (s.kind === 'note') return 'note';
  return (['situation', 'task', 'action', 'result'] as const).map((p) => (s[p].trim() ? p[0]!.toUpperCase() : '·')).join('');
}

/** List stories: id, title, kind, completeness, speaking time, source. */
export async function runList(ctx: Context, opts: ListOptions): Promise<number> {
  const { stories } = await loadForCommand(ctx, opts, { quiet: Boolean(opts.json) });
  const o = ctx.out;
  if (opts.json) {
    o.out(JSON.stringify(stories, null, 2));
    return 0;
  }
  const idW = Math.min(36, Math.max(2, ...stories.map((s) => s.id.length)));
  const srcs = stories.map((s) => `${s.source.file}:${s.source.line}`);
  const srcW = Math.min(40, Math.max(...srcs.map((s) => s.length)));
  const fixed = idW + 4 + 5 + 5 + srcW + 10;
  const titleW = Math.max(12, o.columns - fixed);
  o.out(o.c.bold(`${'id'.padEnd(idW)}  ${'title'.padEnd(titleW)}  ${'STAR'.padEnd(4)}  ${'time'.padStart(5)}  source`));
  stories.forEach((s, i) => {
    const marks = starMarks(s);
    const markCol = s.kind === 'note' ? o.c.dim(marks) : marks.includes('·') ? o.c.yellow(marks) : o.c.green(marks);
    const comps = s.competencies.length ? o.c.dim(` [${s.competencies.join(', ')}]`) : '';
    const title = truncate(s.title, titleW);
    const compFit = comps && title.length + 3 + s.competencies.join(', ').length <= titleW ? comps : '';
    const pad = ' '.repeat(Math.max(0, titleW - title.length - (compFit ? s.competencies.join(', ').length + 3 : 0)));
    o.out(`${o.c.cyan(truncate(s.id, idW).padEnd(idW))}  ${title}${compFit}${pad}  ${markCol}  ${formatDuration(s.speakingSeconds).padStart(5)}  ${o.c.dim(truncate(srcs[i]!, srcW))}`);
  });
  const star = stories.filter((s) => s.kind === 'star').length;
  o.out(o.c.dim(`${star} ${star === 1 ? 'story' : 'stories'}, ${stories.length - star} note${stories.length - star === 1 ? '' : 's'}`));
  return 0;
}
