/** `prep show`: one story rendered for the terminal. */
import type { Story } from '../../story/types.js';
import { formatDuration } from '../../story/text.js';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { lookupStory } from '../lookup.js';
import { loadIndex, withCompetencies } from '../search-context.js';
import { wrapText, type Output } from '../output.js';

/** Options of `prep show`. */
export interface ShowOptions extends StoryOptions {
  json?: boolean;
}

const HEADINGS = [
  ['situation', 'Situation'],
  ['task', 'Task'],
  ['action', 'Action'],
  ['result', 'Result'],
] as const;

/** Lines showing a story: title, facts, then each part under a coloured heading. */
export function renderStory(s: Story, o: Output): string[] {
  const width = Math.min(o.columns, 100) - 2;
  const lines: string[] = [o.c.bold.underline(s.title)];
  const facts = [s.kind === 'note' ? 'note' : 'STAR story', `~${formatDuration(s.speakingSeconds)} to tell (${s.words} words)`, `${s.source.file}:${s.source.line}`];
  lines.push(o.c.dim(facts.join(' · ')));
  if (s.path.length) lines.push(o.c.dim(`under: ${s.path.join(' › ')}`));
  if (s.competencies.length) lines.push(`${o.c.dim('competencies:')} ${s.competencies.join(', ')}`);
  if (s.tags.length) lines.push(`${o.c.dim('tags:')} ${s.tags.join(', ')}`);
  if (s.questions.length) lines.push(`${o.c.dim('answers:')} ${s.questions.join(' | ')}`);
  if (s.summary) {
    lines.push('');
    for (const l of wrapText(s.summary, width, '  ')) lines.push(l);
  }
  if (s.kind === 'star') {
    for (const [key, name] of HEADINGS) {
      lines.push('', o.c.bold.cyan(name));
      for (const l of s[key].trim() ? wrapText(s[key], width, '  ') : [o.c.yellow('  (empty)')]) lines.push(l);
    }
  }
  for (const sec of s.sections) {
    lines.push('', o.c.bold.magenta(sec.name || 'Notes'));
    for (const l of sec.text ? wrapText(sec.text, width, '  ') : [o.c.dim('  (empty)')]) lines.push(l);
  }
  return lines;
}

/** Show one story by id or title words. */
export async function runShow(ctx: Context, query: string, opts: ShowOptions): Promise<number> {
  const loaded = await loadForCommand(ctx, opts, { quiet: true });
  // Competencies (named or inferred) are shown, and help suggest a story when the name is misspelt.
  const stories = await withCompetencies(loaded.stories, await loadIndex(ctx, loaded));
  const story = lookupStory(loaded.stories, query, new Map(stories.map((s) => [s.id, s.competencies])));
  const shown = stories.find((s) => s.id === story.id) ?? story;
  if (opts.json) ctx.out.out(JSON.stringify(shown, null, 2));
  else ctx.out.out(renderStory(shown, ctx.out).join('\n'));
  return 0;
}
