/**
 * prep's one cache module: files under the cache folder holding parse results (one file per story source), search
 * indexes and quiz banks (one per collection). Every file carries the tool's version and a checksum of its body, is
 * checked by the caller's shape test on read, and is rebuilt when anything is off: a cache is never trusted.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isSymlink, makePrivateDir, writeFileAtomic } from './atomic-write.js';
import { readRegularFile } from './read-file.js';
import type { Diagnostic, ParseResult, Story } from '../story/types.js';
import { CACHE_VERSION as VERSION } from '../version.js';

/** Limits that keep caches from slowing or filling anything; each with its reason. */
export const CACHE_LIMITS = {
  /** A parse cache larger than this is not written: reading it back would cost about what parsing costs. */
  maxParseFileBytes: 32 * 1024 * 1024,
  /** Any cache file larger than this is not read (a cache is never worth a long stall). */
  maxReadBytes: 64 * 1024 * 1024,
  /** Story sources (folders or files) whose parse caches are kept: a few places a user switches between. */
  keepSources: 8,
  /** Collections whose indexes and quiz banks are kept (samples, notes, another folder). */
  keepCollections: 6,
  /** The whole cache folder stays under this; the oldest files go first. */
  maxTotalBytes: 256 * 1024 * 1024,
} as const;

const MAGIC = 'prep-cache';

/** FNV-1a (two 32-bit lanes) of a string, as 16 hex digits: enough to tell a damaged cache from a good one. */
export function checksum(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/**
 * Read a cache file written by `writeJsonCache`, or null (with a debug note) when it is missing, not a regular file,
 * too large, from another version, damaged (checksum), not JSON, or fails `isValid`.
 */
export function readJsonCache<T>(file: string, isValid: (data: unknown) => data is T, debug?: (m: string) => void): T | null {
  let text: string;
  try {
    text = readRegularFile(file, CACHE_LIMITS.maxReadBytes).toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') debug?.(`cache ${file} not read (${(e as Error).message}); rebuilding`);
    return null;
  }
  const nl = text.indexOf('\n');
  const [magic, version, sum] = text.slice(0, Math.max(0, nl)).split(' ');
  if (magic !== MAGIC || version !== VERSION) {
    debug?.(`cache ${file} is from another version; rebuilding`);
    return null;
  }
  const body = text.slice(nl + 1);
  if (checksum(body) !== sum) {
    debug?.(`cache ${file} is corrupt (checksum); rebuilding`);
    return null;
  }
  try {
    const data: unknown = JSON.parse(body);
    if (isValid(data)) return data;
    debug?.(`cache ${file} is corrupt (unexpected contents); rebuilding`);
  } catch {
    debug?.(`cache ${file} is corrupt; rebuilding`);
  }
  return null;
}

/**
 * Write a cache file atomically (a link at its path is replaced, never followed); a read-only cache folder or a body
 * over `maxBytes` is noted and skipped.
 */
export function writeJsonCache(file: string, data: unknown, debug?: (m: string) => void, maxBytes: number = CACHE_LIMITS.maxReadBytes): void {
  try {
    const body = JSON.stringify(data);
    if (body.length > maxBytes) {
      debug?.(`cache ${file} not written (${Math.round(body.length / 1e6)} MB is over the cache limit)`);
      return;
    }
    makePrivateDir(dirname(file));
    // A cache folder swapped for a link would put (and prune) prep's files wherever it points: not used.
    if (isSymlink(dirname(file))) {
      debug?.(`cache not written (${dirname(file)} is a symbolic link)`);
      return;
    }
    writeFileAtomic(file, `${MAGIC} ${VERSION} ${checksum(body)}\n${body}`, { mode: 0o600, link: 'replace' });
  } catch (e) {
    debug?.(`cache not written (${(e as Error).message})`);
  }
}

/**
 * Keep only the `keep` newest files of a family (`index-*.json`) in a cache folder, and the folder's cache files
 * under `CACHE_LIMITS.maxTotalBytes` (oldest first), so caches do not grow forever.
 */
export function pruneCache(dir: string, prefix: string, keep: number, debug?: (m: string) => void): void {
  if (isSymlink(dir)) return;
  try {
    const all = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => {
        const st = statSync(join(dir, f));
        return { f, t: st.mtimeMs, size: st.size };
      })
      .sort((a, b) => b.t - a.t);
    const family = all.filter((x) => x.f.startsWith(prefix));
    const gone = new Set(family.slice(keep).map((x) => x.f));
    let total = 0;
    for (const x of all) {
      if (gone.has(x.f)) continue;
      total += x.size;
      if (total > CACHE_LIMITS.maxTotalBytes) gone.add(x.f);
    }
    for (const f of gone) rmSync(join(dir, f), { force: true });
  } catch (e) {
    debug?.(`cache not pruned (${(e as Error).message})`);
  }
}

// Shape checks for what the parse cache holds: a damaged entry must never reach a command.
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
/** Whether every item of `v` passes `ok` (a loop: caches can hold more items than a call's arguments). */
export function isArrayOf<T>(v: unknown, ok: (x: unknown) => x is T): v is T[] {
  if (!Array.isArray(v)) return false;
  for (const x of v) if (!ok(x)) return false;
  return true;
}

function isStory(v: unknown): v is Story {
  if (!isObject(v)) return false;
  const s = v;
  return (
    isString(s.id) && s.id !== '' && isString(s.title) && (s.kind === 'star' || s.kind === 'note') &&
    isString(s.summary) && isString(s.situation) && isString(s.task) && isString(s.action) && isString(s.result) &&
    isArrayOf(s.sections, (x): x is { name: string; text: string } => isObject(x) && isString(x.name) && isString(x.text)) &&
    isArrayOf(s.path, isString) && isArrayOf(s.tags, isString) && isArrayOf(s.competencies, isString) && isArrayOf(s.questions, isString) &&
    isObject(s.source) && isString(s.source.file) && isCount(s.source.line) && isCount(s.words) && isCount(s.speakingSeconds)
  );
}

function isDiagnostic(v: unknown): v is Diagnostic {
  return (
    isObject(v) && isString(v.file) && isCount(v.line) && isCount(v.column) && isString(v.rule) && isString(v.message) &&
    (v.severity === 'error' || v.severity === 'warning' || v.severity === 'info') && (v.storyId === undefined || isString(v.storyId))
  );
}

interface Entry {
  size: number;
  mtimeMs: number;
  display: string;
  result: ParseResult;
}

interface ParseCacheFile {
  source: string;
  entries: [string, Entry][];
}

function isEntry(v: unknown): v is [string, Entry] {
  if (!Array.isArray(v) || v.length !== 2 || !isString(v[0]) || !isObject(v[1])) return false;
  const e = v[1];
  return isCount(e.size) && isCount(e.mtimeMs) && isString(e.display) && isObject(e.result) && isArrayOf(e.result.stories, isStory) && isArrayOf(e.result.diagnostics, isDiagnostic);
}

const isParseCacheFile = (v: unknown): v is ParseCacheFile => isObject(v) && isString(v.source) && isArrayOf(v.entries, isEntry);

/** A story file as the parse cache keys it. */
export interface CachedFileKey {
  path: string;
  size: number;
  mtimeMs: number;
  display: string;
}

/** The parse cache of one story source, opened for one run; `save` writes back only the files seen in this run. */
export interface ParseCache {
  get(f: CachedFileKey): ParseResult | null;
  set(f: CachedFileKey, r: ParseResult): void;
  save(): void;
}

/** The parse cache file of a story source (a folder or file as given): `parsed-<hash of its path>.json`. */
export function parseCacheFile(dir: string, source: string): string {
  return join(dir, `parsed-${checksum(source)}.json`);
}

/**
 * Open the parse cache of one story source in `dir`. Each source has its own file, so a big folder never slows a
 * command on another one; files no longer found under the source are dropped when it is saved.
 */
export function openParseCache(dir: string, source: string, debug?: (m: string) => void): ParseCache {
  const file = parseCacheFile(dir, source);
  const old = readJsonCache(file, isParseCacheFile, debug);
  const before = new Map(old && old.source === source ? old.entries : []);
  const now = new Map<string, Entry>();
  let changed = false;
  return {
    get(f) {
      const e = before.get(f.path);
      if (e && e.size === f.size && e.mtimeMs === f.mtimeMs && e.display === f.display) {
        now.set(f.path, e);
        return e.result;
      }
      return null;
    },
    set(f, result) {
      now.set(f.path, { size: f.size, mtimeMs: f.mtimeMs, display: f.display, result });
      changed = true;
    },
    save() {
      // Written when a file was parsed or one went away; a run that only read the cache writes nothing.
      if (!changed && now.size === before.size) return;
      writeJsonCache(file, { source, entries: [...now] } satisfies ParseCacheFile, debug, CACHE_LIMITS.maxParseFileBytes);
      // The single cache of every file ever parsed (before 0.2) is dropped: it was read whole on every run.
      try {
        rmSync(join(dir, 'parsed.json'), { force: true });
      } catch {
        // No cache folder: nothing to drop.
      }
      pruneCache(dir, 'parsed-', CACHE_LIMITS.keepSources, debug);
    },
  };
}
