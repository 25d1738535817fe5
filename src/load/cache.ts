/** On-disk cache of parse results, keyed by file path, size, modification time and the tool's version. */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { ParseResult } from '../story/types.js';
import { CACHE_VERSION as VERSION } from '../version.js';

const MAX_ENTRIES = 20_000;

interface Entry {
  size: number;
  mtimeMs: number;
  display: string;
  result: ParseResult;
}

interface CacheFile {
  version: string;
  entries: Record<string, Entry>;
}

/** A parse cache opened for one run; `save` writes it back only if something changed. */
export interface ParseCache {
  get(f: { path: string; size: number; mtimeMs: number; display: string }): ParseResult | null;
  set(f: { path: string; size: number; mtimeMs: number; display: string }, r: ParseResult): void;
  save(): void;
}

/** Read a JSON cache file, or null if missing, corrupt or from another version (with a debug note). */
export function readJsonCache<T extends { version: string }>(file: string, debug?: (m: string) => void): T | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const data = JSON.parse(text) as T;
    if (!data || typeof data !== 'object' || data.version !== VERSION) {
      debug?.(`cache ${file} is from another version; rebuilding`);
      return null;
    }
    return data;
  } catch {
    debug?.(`cache ${file} is corrupt; rebuilding`);
    return null;
  }
}

/** Write a cache file atomically; a read-only cache folder is noted and ignored. */
export function writeJsonCache(file: string, data: unknown, debug?: (m: string) => void): void {
  try {
    writeFileAtomic(file, JSON.stringify(data), { mkdir: true });
  } catch (e) {
    debug?.(`cache not written (${(e as Error).message})`);
  }
}

/** Keep only the `keep` newest files of a family (`index-*.json`) in a cache folder, so caches do not grow forever. */
export function pruneCache(dir: string, prefix: string, keep: number, debug?: (m: string) => void): void {
  try {
    const files = readdirSync(dir)
      .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
      .map((f) => ({ f, t: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { f } of files.slice(keep)) rmSync(join(dir, f), { force: true });
  } catch (e) {
    debug?.(`cache not pruned (${(e as Error).message})`);
  }
}

/** Open the parse cache in `dir`. */
export function openParseCache(dir: string, debug?: (m: string) => void): ParseCache {
  const file = join(dir, 'parsed.json');
  const old = readJsonCache<CacheFile>(file, debug);
  const entries: Record<string, Entry> = {};
  let dirty = false;
  let touched = 0;
  return {
    get(f) {
      const e = old?.entries[f.path];
      if (e && e.size === f.size && e.mtimeMs === f.mtimeMs && e.display === f.display && e.result && Array.isArray(e.result.stories)) {
        entries[f.path] = e;
        touched++;
        return e.result;
      }
      return null;
    },
    set(f, result) {
      entries[f.path] = { size: f.size, mtimeMs: f.mtimeMs, display: f.display, result };
      touched++;
      dirty = true;
    },
    save() {
      if (!dirty) return;
      // Entries of other story folders are kept (users switch between them) unless the cache grows too large.
      const merged = touched < MAX_ENTRIES ? { ...old?.entries, ...entries } : entries;
      const all = Object.keys(merged).length > MAX_ENTRIES ? entries : merged;
      writeJsonCache(file, { version: VERSION, entries: all } satisfies CacheFile, debug);
    },
  };
}
