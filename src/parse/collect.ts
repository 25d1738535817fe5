/** Merge per-file parse results into one collection with unique ids. */
import type { Diagnostic, ParseResult, Story } from '../story/types.js';

/** A whole set of stories with what was found wrong while reading them. */
export interface Collection {
  stories: Story[];
  diagnostics: Diagnostic[];
}

/** Give every story a unique id (a `-2`, `-3` suffix for repeats, with a warning) and gather diagnostics. */
export function collectStories(results: ParseResult[]): Collection {
  const taken = new Map<string, Story>();
  // The next suffix to try for each repeated id, so ten thousand stories of one title number in linear time.
  const nextSuffix = new Map<string, number>();
  const stories: Story[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) diagnostics.push(d);
    for (const s of r.stories) {
      let id = s.id;
      const first = taken.get(id);
      if (first) {
        let n = nextSuffix.get(s.id) ?? 2;
        while (taken.has(`${s.id}-${n}`)) n++;
        nextSuffix.set(s.id, n + 1);
        id = `${s.id}-${n}`;
        diagnostics.push({
          file: s.source.file,
          line: s.source.line,
          column: 1,
          rule: 'duplicate-id',
          severity: 'warning',
          storyId: id,
          message: `id "${s.id}" is also used at ${first.source.file}:${first.source.line}; this one is "${id}" (set an explicit id to keep it stable)`,
        });
      }
      const story = id === s.id ? s : { ...s, id };
      taken.set(id, story);
      stories.push(story);
    }
  }
  return { stories, diagnostics };
}
