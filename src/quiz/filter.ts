/** Narrowing the drill to one competency or tag. Pure. */
import type { Story } from '../story/types.js';
import type { Competency } from '../search/competencies.js';
import { findCompetency, storyCompetencyIds, type SearchIndex } from '../search/engine.js';

/** Competency ids a story shows: those named in its front matter plus those the index infers from its text. */
export function storyCompetencies(story: Story, index: SearchIndex, position: number): string[] {
  const named = story.competencies.map((n) => findCompetency(n)?.id ?? n.toLowerCase().trim().replace(/[\s_]+/g, '-'));
  const doc = index.docs[position];
  const inferred = doc && doc.id === story.id ? storyCompetencyIds(doc) : [];
  return [...new Set([...named, ...inferred])];
}

/** Stories showing a competency (front matter or inferred), in their original order. */
export function storiesWithCompetency(stories: readonly Story[], index: SearchIndex, competency: Competency): Story[] {
  return stories.filter((s, i) => storyCompetencies(s, index, i).includes(competency.id));
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
