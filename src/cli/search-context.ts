/** Loads the search index for a story collection from the cache, or builds and caches it. */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Story } from '../story/types.js';
import type { SearchIndex } from '../search/engine.js';
import type { Context } from './context.js';
import type { LoadedStories } from '../load/read-stories.js';
import { CACHE_VERSION as VERSION } from '../version.js';

interface IndexCache {
  version: string;
  key: string;
  index: SearchIndex;
}

/** A cache key for a collection: the files it came from (path, size, mtime) and the ids read from them. */
function collectionKey(loaded: LoadedStories): string {
  const h = createHash('sha1');
  h.update(VERSION);
  for (const f of loaded.files) h.update(`${f.path}\0${f.size}\0${f.mtimeMs}\0`);
  h.update(String(loaded.stories.length));
  return h.digest('hex').slice(0, 16);
}

/** The search index for loaded stories, from the disk cache when the files have not changed. */
export async function loadIndex(ctx: Context, loaded: LoadedStories): Promise<SearchIndex> {
  const { readJsonCache, writeJsonCache } = await import('../load/cache.js');
  const key = collectionKey(loaded);
  const file = join(ctx.folders.cache, 'v1', `index-${key}.json`);
  if (!ctx.env.PREP_NO_CACHE) {
    const hit = readJsonCache<IndexCache>(file, ctx.debug);
    if (hit && hit.key === key && hit.index && Array.isArray(hit.index.docs) && hit.index.docs.length === loaded.stories.length) return hit.index;
  }
  const { buildIndex } = await import('../search/engine.js');
  const index = buildIndex(loaded.stories);
  if (!ctx.env.PREP_NO_CACHE) writeJsonCache(file, { version: VERSION, key, index } satisfies IndexCache, ctx.debug);
  return index;
}

/** Stories with inferred competencies filled in where the notes name none. */
export async function withCompetencies(stories: Story[], index: SearchIndex): Promise<Story[]> {
  const { storyCompetencyIds } = await import('../search/engine.js');
  return stories.map((s, i) => (s.competencies.length ? s : { ...s, competencies: storyCompetencyIds(index.docs[i]!) }));
}
