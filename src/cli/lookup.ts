/** Find a story by id or title words, with "did you mean" when nothing matches. */
import type { Story } from '../story/types.js';
import { PrepError, suggestSimilar } from './errors.js';

/** The story a user means by `query`: exact id, unique id prefix, or title words that pick exactly one story. */
export function lookupStory(stories: Story[], query: string): Story {
  const q = query.trim().toLowerCase();
  if (!q) throw new PrepError('usage.story', 'no story given', 2, 'name a story by id; `prep list` shows the ids');
  const exact = stories.find((s) => s.id === q);
  if (exact) return exact;
  const byTitle = stories.filter((s) => s.title.toLowerCase() === q);
  if (byTitle.length === 1) return byTitle[0]!;
  const prefix = stories.filter((s) => s.id.startsWith(q));
  if (prefix.length === 1) return prefix[0]!;
  const words = q.split(/\s+/).filter(Boolean);
  const byWords = stories.filter((s) => {
    const hay = `${s.id} ${s.title}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  if (byWords.length === 1) return byWords[0]!;
  const many = prefix.length > 1 ? prefix : byWords;
  if (many.length > 1) {
    throw new PrepError('story.ambiguous', `"${query}" matches ${many.length} stories`, 2, `one of: ${many.slice(0, 5).map((s) => s.id).join(', ')}`);
  }
  const similar = suggestSimilar(q, stories.map((s) => s.id));
  throw new PrepError(
    'story.unknown',
    `no story "${query}"`,
    2,
    similar.length ? `did you mean ${similar.map((s) => `"${s}"`).join(' or ')}?` : '`prep list` shows the story ids',
  );
}
