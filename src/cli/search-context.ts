/** Loads the search index for a story collection from the cache, or builds and caches it. */
import { join } from 'node:path';
import type { Story } from '../story/types.js';
import type { SearchIndex } from '../search/engine.js';
import type { StoredLexicon } from '../search/lexicon.js';
import type { Context } from './context.js';
import type { LoadedStories } from '../load/read-stories.js';
import { CACHE_VERSION as VERSION } from '../version.js';

interface IndexCache {
  version: string;
  key: string;
  index: SearchIndex;
  /** The stemmed lexicon, so a warm lookup need not stem it again (see lexicon.ts). */
  lexicon?: StoredLexicon;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === 'string';

/** Whether a cached index for `key` has the shape of a search index over `count` stories (a damaged one is rebuilt). */
function isIndexCacheFor(key: string, count: number, isArrayOf: typeof import('../load/cache.js').isArrayOf) {
  return (v: unknown): v is IndexCache => {
    if (!isObject(v) || v.key !== key || !isObject(v.index)) return false;
    const ix = v.index;
    const isTable = (t: unknown) => isObject(t) && Object.keys(t).every((k) => isArrayOf(t[k], isNumber));
    if (!isArrayOf(ix.vocab, isString) || !isTable(ix.postings) || !isTable(ix.pairs)) return false;
    const isWords = (a: unknown): a is string[] => isArrayOf(a, isString);
    const docOk = (d: unknown): d is SearchIndex['docs'][number] =>
      isObject(d) && isString(d.id) && (d.kind === 'star' || d.kind === 'note') && isArrayOf(d.comp, isNumber) && (d.asked === undefined || isArrayOf(d.asked, isWords));
    if (!isArrayOf(ix.docs, docOk) || ix.docs.length !== count) return false;
    return true;
  };
}

/** A cache key for a collection (shared by every cache derived from it): the files it came from (path, size, mtime) and the ids read from them. */
export function collectionKey(loaded: LoadedStories): string {
  // FNV-1a over the file list: enough to tell collections apart, and node:crypto stays unloaded on the hot path.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
    }
  };
  feed(VERSION);
  for (const f of loaded.files) feed(`${f.path}\0${f.size}\0${f.mtimeMs}\0`);
  feed(String(loaded.stories.length));
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** The search index for loaded stories, from the disk cache when the files have not changed. */
export async function loadIndex(ctx: Context, loaded: LoadedStories): Promise<SearchIndex> {
  const { readJsonCache, writeJsonCache, pruneCache, isArrayOf, CACHE_LIMITS } = await import('../load/cache.js');
  const key = collectionKey(loaded);
  const file = join(ctx.folders.cache, 'v1', `index-${key}.json`);
  if (!ctx.env.PREP_NO_CACHE) {
    const hit = readJsonCache(file, isIndexCacheFor(key, loaded.stories.length, isArrayOf), ctx.debug);
    if (hit) {
      const { useStoredLexicon } = await import('../search/lexicon.js');
      if (!useStoredLexicon(hit.lexicon)) ctx.debug('cached lexicon missing or malformed; building it');
      return hit.index;
    }
  }
  const { buildIndex } = await import('../search/engine.js');
  const index = buildIndex(loaded.stories);
  if (!ctx.env.PREP_NO_CACHE) {
    const { toStoredLexicon } = await import('../search/lexicon.js');
    writeJsonCache(file, { version: VERSION, key, index, lexicon: toStoredLexicon() } satisfies IndexCache, ctx.debug);
    // A few collections (samples, notes, another folder) stay cached; older indexes go.
    pruneCache(join(ctx.folders.cache, 'v1'), 'index-', CACHE_LIMITS.keepCollections, ctx.debug);
  }
  return index;
}

/** Stories with their competencies filled in (explicit ones mapped to the lexicon, else inferred). */
export async function withCompetencies(stories: Story[], index: SearchIndex): Promise<Story[]> {
  const { storyCompetencies } = await import('../search/engine.js');
  const byId = new Map(index.docs.map((d) => [d.id, d]));
  return stories.map((s) => {
    const doc = byId.get(s.id);
    return doc ? { ...s, competencies: storyCompetencies(s, doc) } : s;
  });
}
