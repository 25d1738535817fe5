/** `prep list`: a table of stories, or JSON. */
import { basename } from 'node:path';
import type { Story } from '../../story/types.js';
import { formatDuration } from '../../story/text.js';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { loadIndex, withCompetencies } from '../search-context.js';
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

/** List stories: id, title (with competencies), completeness, speaking time, source. */
export async function runList(ctx: Context, opts: ListOptions): Promise<number> {
  const loaded = await loadForCommand(ctx, opts, { quiet: Boolean(opts.json) });
  const stories = await withCompetencies(loaded.stories, await loadIndex(ctx, loaded));
  const o = ctx.out;
  if (opts.json) {
    o.out(JSON.stringify(stories, null, 2));
    return 0;
  }
  const srcs = stories.map((s) => `${basename(s.source.file)}:${s.source.line}`);
  // Ids are what users type, so they are shown whole up to 40 characters; titles take the rest.
  const idW = Math.min(40, Math.max(2, ...stories.map((s) => s.id.length)));
  const showSource = o.columns >= 110;
  const srcW = showSource ? Math.min(26, Math.max(6, ...srcs.map((s) => s.length))) : 0;
  const titleW = Math.max(20, o.columns - idW - srcW - 4 - 5 - (showSource ? 8 : 7));
  const head = `${'id'.padEnd(idW)}  ${'title'.padEnd(titleW)}  STAR  ${'time'.padStart(5)}${showSource ? '  source' : ''}`;
  o.out(o.c.bold(head));
  stories.forEach((s, i) => {
    const marks = starMarks(s);
    const markCol = s.kind === 'note' ? o.c.dim(marks) : marks.includes('·') ? o.c.yellow(marks) : o.c.green(marks);
    const title = truncate(s.title, titleW);
    const room = titleW - title.length - 2;
    const comps = s.competencies.length && room > 6 ? ' ' + truncate(s.competencies.join(', '), room) : '';
    const cell = title + o.c.dim(comps) + ' '.repeat(Math.max(0, titleW - title.length - comps.length));
    const src = showSource ? `  ${o.c.dim(truncate(srcs[i]!, srcW))}` : '';
    o.out(`${o.c.cyan(truncate(s.id, idW).padEnd(idW))}  ${cell}  ${markCol}  ${formatDuration(s.speakingSeconds).padStart(5)}${src}`);
  });
  const star = stories.filter((s) => s.kind === 'star').length;
  o.out(o.c.dim(`${star} ${star === 1 ? 'story' : 'stories'}, ${stories.length - star} note${stories.length - star === 1 ? '' : 's'} · \`prep show ID\` for one story`));
  return 0;
}
