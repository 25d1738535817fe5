/** `prep list`: a table of stories, or JSON. */
import { basename } from 'node:path';
import type { Story } from '../../story/types.js';
import { formatDuration, maxOf } from '../../story/text.js';
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
    // Competencies as ids (what --competency and front matter take), with their names alongside.
    const { COMPETENCIES } = await import('../../search/competencies.js');
    const names = new Map(COMPETENCIES.map((c) => [c.id, c.name]));
    o.out(JSON.stringify(stories.map((s) => ({ ...s, competencyNames: s.competencies.map((id) => names.get(id) ?? id) })), null, 2));
    return 0;
  }
  const srcs = stories.map((s) => `${basename(s.source.file)}:${s.source.line}`);
  const comps = stories.map((s) => (s.competencies.length ? `[${s.competencies.join(', ')}]` : ''));
  const markCol = (s: Story) => {
    const marks = starMarks(s);
    return s.kind === 'note' ? o.c.dim(marks) : marks.includes('·') ? o.c.yellow(marks) : o.c.green(marks);
  };
  const time = (s: Story) => formatDuration(s.speakingSeconds).padStart(5);
  const idMax = maxOf(stories.map((s) => s.id.length), 2);
  if (o.columns < 72) {
    // Narrow windows: the id (what you type) on one line, the title under it.
    for (const [i, s] of stories.entries()) {
      o.out(o.c.cyan(s.id));
      const title = truncate(s.title, o.columns - 15);
      const comp = comps[i] && title.length + comps[i]!.length + 16 <= o.columns ? ' ' + o.c.dim(comps[i]!) : '';
      o.out(`  ${markCol(s)} ${time(s)}  ${title}${comp}`);
    }
  } else {
    // Ids are shown whole (they are what you type); titles and competencies take the rest; source on wide windows.
    const idW = o.isTTY ? Math.min(40, idMax) : idMax;
    const showSource = o.columns >= 110;
    const srcW = showSource ? Math.min(o.isTTY ? 36 : Infinity, maxOf(srcs.map((x) => x.length), 6)) : 0;
    // Never wider than the widest title and its competencies, so a pipe's wide layout does not pad every line.
    const widest = maxOf(stories.map((s, i) => s.title.length + (comps[i] ? comps[i]!.length + 1 : 0)), 5);
    const titleW = Math.min(widest, Math.max(20, o.columns - idW - srcW - 4 - 5 - (showSource ? 8 : 6) - 1));
    o.out(o.c.bold(`${'id'.padEnd(idW)}  ${'title'.padEnd(titleW)}  STAR  ${'time'.padStart(5)}${showSource ? '  source' : ''}`));
    stories.forEach((s, i) => {
      const title = truncate(s.title, titleW);
      const room = titleW - title.length - 1;
      const comp = comps[i] && room >= 8 ? ' ' + truncate(comps[i]!, room) : '';
      const cell = title + o.c.dim(comp) + ' '.repeat(Math.max(0, titleW - title.length - comp.length));
      // Cut the file name, never the line number.
      const src = showSource ? `  ${o.c.dim(srcs[i]!.length <= srcW ? srcs[i]! : '…' + srcs[i]!.slice(srcs[i]!.length - srcW + 1))}` : '';
      o.out(`${o.c.cyan(truncate(s.id, idW).padEnd(idW))}  ${cell}  ${markCol(s)}  ${time(s)}${src}`);
    });
  }
  const star = stories.filter((s) => s.kind === 'star').length;
  o.out(o.c.dim(`${star} ${star === 1 ? 'story' : 'stories'}, ${stories.length - star} note${stories.length - star === 1 ? '' : 's'} · \`prep show ID\` for one story`));
  // A file that gave nothing is easy to miss above a long table: say so last, once.
  const empty = [...new Set(loaded.diagnostics.filter((d) => d.rule === 'no-story').map((d) => d.file))];
  if (empty.length) {
    const names = empty.slice(0, 3).join(', ') + (empty.length > 3 ? `, +${empty.length - 3} more` : '');
    o.err(o.c.yellow(`prep: ${empty.length} file${empty.length === 1 ? '' : 's'} gave no story (${names}); \`prep check\` shows what was read`));
  }
  return 0;
}
