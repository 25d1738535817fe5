/** Narrowing the drill to one competency or tag. Pure. */
import type { Story } from '../story/types.js';
import type { Competency } from '../search/competencies.js';
import { allTags, hasTag } from '../story/tags.js';

/**
 * Stories showing a competency, in their original order. `stories` carry their competencies as lexicon ids, filled
 * in by search's storyCompetencies (cli/search-context's withCompetencies), so the drill agrees with `prep show`.
 */
export function storiesWithCompetency(stories: readonly Story[], competency: Competency): Story[] {
  return stories.filter((s) => s.competencies.includes(competency.id));
}

/** Stories carrying a tag, compared as export and the rest compare tags (story/tags.ts). */
export function storiesWithTag(stories: readonly Story[], tag: string): Story[] {
  return stories.filter((s) => hasTag(s, tag));
}

export { allTags };
