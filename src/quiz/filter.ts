/** Narrowing the drill to one competency or tag. Pure. */
import type { Story } from '../story/types.js';
import type { Competency } from '../search/competencies.js';

/**
 * Stories showing a competency, in their original order. `stories` carry their competencies as lexicon ids, filled
 * in by search's storyCompetencies (cli/search-context's withCompetencies), so the drill agrees with `prep show`.
 */
export function storiesWithCompetency(stories: readonly Story[], competency: Competency): Story[] {
  return stories.filter((s) => s.competencies.includes(competency.id));
}

/** Stories carrying a tag (case-insensitive). */
export function storiesWithTag(stories: readonly Story[], tag: string): Story[] {
  const t = tag.trim().toLowerCase();
  return stories.filter((s) => s.tags.some((x) => x.toLowerCase() === t));
}

/** Every tag used in the notes, for "did you mean". */
export function allTags(stories: readonly Story[]): string[] {
  return [...new Set(stories.flatMap((s) => s.tags.map((t) => t.toLowerCase())))].sort();
}
