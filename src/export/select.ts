/** Which stories go on the sheet: by competency, tag and due date. Pure. */
import type { Story } from '../story/types.js';
import { findCompetency, storyCompetencyIds, type SearchIndex } from '../search/engine.js';

/** What to keep; empty lists keep everything. */
export interface Selection {
  /** Competency ids: a story shows any of them. */
  competencies: string[];
  /** Tags (case-insensitive): a story has any of them. */
  tags: string[];
  /** Ids of stories due for review, or null for no due filter. */
  due: ReadonlySet<string> | null;
}

const norm = (t: string) => t.toLowerCase().trim().replace(/^#/, '').replace(/[\s_]+/g, '-');

/** Every tag used in the stories, as typed (first spelling wins), sorted. */
export function allTags(stories: Story[]): string[] {
  const seen = new Map<string, string>();
  for (const s of stories) for (const t of s.tags) if (!seen.has(norm(t))) seen.set(norm(t), t);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** Stories matching every given filter (any value within one filter), in their original order. */
export function selectStories(stories: Story[], sel: Selection, competenciesOf: ReadonlyMap<string, string[]>): Story[] {
  const comps = new Set(sel.competencies);
  const tags = new Set(sel.tags.map(norm));
  return stories.filter((s) => {
    if (comps.size && !(competenciesOf.get(s.id) ?? []).some((c) => comps.has(c))) return false;
    if (tags.size && !s.tags.some((t) => tags.has(norm(t)))) return false;
    if (sel.due && !sel.due.has(s.id)) return false;
    return true;
  });
}

/**
 * Each story's competency ids, strongest first: those its front matter names (when prep knows them), then those
 * the search index infers from its words (`storyCompetencyIds`).
 */
export function competenciesByStory(stories: Story[], index: SearchIndex): Map<string, string[]> {
  const docs = new Map(index.docs.map((d) => [d.id, d]));
  const out = new Map<string, string[]>();
  for (const s of stories) {
    const named = s.competencies.map((c) => findCompetency(c)?.id).filter((c): c is string => Boolean(c));
    const doc = docs.get(s.id);
    const inferred = doc ? storyCompetencyIds(doc) : [];
    out.set(s.id, [...new Set([...named, ...inferred])]);
  }
  return out;
}
