/** Which stories go on the sheet: by competency, tag and due date. Pure. */
import type { Story } from '../story/types.js';
import { allTags, tagKey } from '../story/tags.js';

/** What to keep; empty lists keep everything. */
export interface Selection {
  /** Competency ids: a story shows any of them. */
  competencies: string[];
  /** Tags, compared by `tagKey`: a story has any of them. */
  tags: string[];
  /** Ids of stories due for review, or null for no due filter. */
  due: ReadonlySet<string> | null;
}

export { allTags, tagKey };

/**
 * Stories matching every given filter (any value within one filter), in their original order. `competenciesOf`
 * gives each story's competency ids as every command sees them (`withCompetencies` / `storyCompetencies`).
 */
export function selectStories(stories: Story[], sel: Selection, competenciesOf: ReadonlyMap<string, readonly string[]>): Story[] {
  const comps = new Set(sel.competencies);
  const tags = new Set(sel.tags.map(tagKey));
  return stories.filter((s) => {
    if (comps.size && !(competenciesOf.get(s.id) ?? []).some((c) => comps.has(c))) return false;
    if (tags.size && !s.tags.some((t) => tags.has(tagKey(t)))) return false;
    if (sel.due && !sel.due.has(s.id)) return false;
    return true;
  });
}
