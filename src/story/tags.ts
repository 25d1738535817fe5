/** Tags, compared one way everywhere (quiz --tag, export --tag, "did you mean"). Pure. */
import type { Story } from './types.js';

/**
 * The form tags are compared in: case, a leading "#", and spaces or underscores vs hyphens do not matter
 * ("#Data_bases" and "data-bases" are one tag).
 */
export function tagKey(tag: string): string {
  return tag.toLowerCase().trim().replace(/^#/, '').replace(/[\s_]+/g, '-');
}

/** Whether a story carries a tag (compared by tagKey). */
export function hasTag(story: Pick<Story, 'tags'>, tag: string): boolean {
  const key = tagKey(tag);
  return story.tags.some((t) => tagKey(t) === key);
}

/** Every tag used in the stories, one spelling per `tagKey` (the first seen), sorted. */
export function allTags(stories: readonly Pick<Story, 'tags'>[]): string[] {
  const seen = new Map<string, string>();
  for (const s of stories) for (const t of s.tags) if (!seen.has(tagKey(t))) seen.set(tagKey(t), t);
  return [...seen.values()].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
}
