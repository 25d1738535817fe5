/** `prep history link OLD NEW`: tie the history of a story id that is gone to a current story (one appended line). */
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { didYouMean, EXIT, PrepError } from '../errors.js';
import { lookupStory } from '../lookup.js';

/** Options of `prep history link`. */
export interface HistoryLinkOptions extends StoryOptions {
  history?: string;
}

/**
 * Append a link line from `oldId` to the story `newWords` names. Refused (exit 2): an id without history, an id
 * whose story is still in the notes, an id the user already linked, a link that would close a cycle.
 */
export async function runHistoryLink(ctx: Context, oldId: string, newWords: string[], opts: HistoryLinkOptions): Promise<number> {
  const loaded = await loadForCommand(ctx, opts, { quiet: true });
  const target = lookupStory(loaded.stories, newWords.join(' '));
  const { openStoryHistory } = await import('../history-context.js');
  const { appendReview } = await import('../../history/log-file.js');
  const { linkTable, followLinks } = await import('../../history/identity.js');
  const { makeLink } = await import('../../history/review.js');
  const history = await openStoryHistory(ctx, opts.history, loaded, { notices: false });
  const from = oldId.trim();
  const known = new Set([...history.raw.map((r) => r.story), ...history.links.map((l) => l.to)]);
  if (!known.has(from)) {
    const orphans = history.identities.orphans.map((o) => o.id);
    throw new PrepError('history.unknown-id', `no history for "${from}" in ${history.file}`, EXIT.usage, didYouMean(from, [...known], orphans.length ? `history without a story: ${orphans.slice(0, 5).join(', ')}` : '`prep check` lists history that matches no story'));
  }
  if (loaded.stories.some((s) => s.id === from)) {
    throw new PrepError('history.link-live', `"${from}" is still a story in these notes; only the history of a story that is gone can be linked`, EXIT.usage, 'rename or remove that story first, or pin its id with `id:` in its front matter');
  }
  const userLink = history.links.find((l) => l.from === from && !l.auto);
  if (userLink) throw new PrepError('history.already-linked', `"${from}" is already linked to "${userLink.to}"`, EXIT.usage, 'a history id is linked once; the history file is never rewritten');
  const table = linkTable(history.links);
  if (from === target.id || followLinks(table, target.id) === from) {
    throw new PrepError('history.link-cycle', `linking "${from}" to "${target.id}" would form a cycle (${target.id} already leads to ${from})`, EXIT.usage);
  }
  const at = ctx.now();
  appendReview(history.file, makeLink({ at: at.toISOString(), from, to: target.id }));
  const n = history.raw.filter((r) => r.story === from).length;
  ctx.out.out(`linked "${from}" → "${target.id}": ${n} review${n === 1 ? '' : 's'} now count for "${target.title}"`);
  ctx.out.out(ctx.out.c.dim(`history: ${history.file}`));
  return EXIT.ok;
}
