/** Find a story by id or title words, with "did you mean" when nothing matches. */
import type { Story } from '../story/types.js';
import { editDistance, PrepError, EXIT, typoBudget } from '../errors.js';
import { words } from '../search/text.js';

/** Words a story can be named by: its id's parts, its title's words and its named competencies. */
function namesOf(s: Story): string[] {
  return [...new Set([...s.id.split('-'), ...words(s.title), ...s.competencies.map((c) => c.toLowerCase())])];
}

/** How far a query word is from the nearest name of a story (0 = present). */
function nearest(word: string, names: string[]): number {
  let best = Infinity;
  for (const n of names) {
    if (n === word || (word.length >= 4 && n.startsWith(word))) return 0;
    best = Math.min(best, editDistance(word, n));
  }
  return best;
}

/** Stories whose names (plus `extra` names, e.g. inferred competencies) are within a typo or two of every query word. */
function closeStories(stories: Story[], query: string, extra?: Map<string, string[]>): Story[] {
  const qs = words(query).filter((w) => w.length >= 3);
  if (!qs.length) return [];
  return stories
    .map((s) => {
      const names = [...namesOf(s), ...(extra?.get(s.id) ?? [])];
      const d = qs.map((w) => nearest(w, names));
      const ok = d.every((x, i) => x <= typoBudget(qs[i]!.length));
      return { s, total: d.reduce((a, b) => a + b, 0), ok };
    })
    .filter((x) => x.ok)
    .sort((a, b) => a.total - b.total)
    .map((x) => x.s);
}

/** The story a user means by `query`: exact id, unique id prefix, or title words that pick exactly one story. */
export function lookupStory(stories: Story[], query: string, extra?: Map<string, string[]>): Story {
  const q = query.trim().toLowerCase();
  if (!q) throw new PrepError('usage.story', 'no story given', EXIT.usage, 'name a story by id; `prep list` shows the ids');
  const exact = stories.find((s) => s.id === q);
  if (exact) return exact;
  const byTitle = stories.filter((s) => s.title.toLowerCase() === q);
  if (byTitle.length === 1) return byTitle[0]!;
  const prefix = stories.filter((s) => s.id.startsWith(q));
  if (prefix.length === 1) return prefix[0]!;
  const qwords = words(q);
  const byWords = stories.filter((s) => {
    const names = namesOf(s);
    const hay = `${s.id} ${s.title}`.toLowerCase();
    return qwords.every((w) => hay.includes(w) || names.includes(w));
  });
  if (byWords.length === 1) return byWords[0]!;
  const many = prefix.length > 1 ? prefix : byWords;
  if (many.length > 1) {
    throw new PrepError('story.ambiguous', `"${query}" matches ${many.length} stories`, EXIT.usage, `one of: ${many.slice(0, 5).map((s) => s.id).join(', ')}`);
  }
  const close = closeStories(stories, q, extra).slice(0, 3);
  throw new PrepError(
    'story.unknown',
    `no story "${query}"`,
    EXIT.usage,
    close.length ? `did you mean ${close.map((s) => `"${s.id}"`).join(' or ')}?` : '`prep list` shows the story ids; `prep find` searches by question',
  );
}
