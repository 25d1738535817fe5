/** The only reader of story files: finds them, reads them, parses them through the cache. */
import { closeSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { extname, join, parse, relative, sep } from 'node:path';
import type { Diagnostic, ParseResult } from '../story/types.js';
import { collectStories, type Collection } from '../parse/collect.js';
import { PrepError, EXIT } from '../errors.js';
import { openParseCache, type ParseCache } from './cache.js';
import { formatBytes, readRegularFile, UnreadableFile } from './read-file.js';
import { byCodeUnit } from '../story/text.js';

const STORY_EXT = new Set(['.md', '.markdown']);
const SKIP_DIRS = new Set(['node_modules', '.git', '.obsidian', '.trash']);
/** Plain-text files read in a folder when their start looks like markdown notes (a heading, STAR labels, front matter). */
const NOTES_TEXT_EXT = new Set(['.txt']);
const NOTES_LIKE = /^---\r?\n|^#{1,6}\s+\S|\*\*(?:situation|task|action|result)\b|^\s*(?:[-*]\s+)?(?:situation|task|action|result)\s*:/im;

/** Whether a text file's first 4 KB look like markdown story notes. */
function looksLikeNotes(path: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return NOTES_LIKE.test(buf.subarray(0, n).toString('utf8'));
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** A story file found on disk, with what the cache keys on. */
export interface StoryFile {
  path: string;
  display: string;
  /** The story source (a path given to --stories, PREP_STORIES or the config) the file was found under. */
  source: string;
  size: number;
  mtimeMs: number;
}

/** Stories loaded from disk plus the files they came from. */
export interface LoadedStories extends Collection {
  files: StoryFile[];
}

/** Options for loading: where relative display paths start, and the cache (off in tests unless given). */
export interface LoadOptions {
  cwd: string;
  cacheDir?: string | null;
  debug?: (msg: string) => void;
}

/** Limits on what a stories folder can make prep read; each with its reason. */
export const READ_LIMITS = {
  /** A note file larger than this is skipped with a warning: notes are kilobytes, this is a log or a device. */
  maxNoteBytes: 20 * 1024 * 1024,
  /** Folder depth walked: deeper trees are nearly always a link loop or a copied node_modules. */
  maxDepth: 32,
  /** All note files together: ~1.5 million stories, past what fits in memory with its index (a clear error, not a crash). */
  maxTotalBytes: 100 * 1024 * 1024,
} as const;

const statOrNull = (p: string): Stats | null => {
  try {
    return statSync(p);
  } catch {
    return null;
  }
};

/** Walk a folder for story files; linked files and folders are followed, each real folder visited once (no loops). */
function walkDir(dir: string, out: string[], diagnostics: Diagnostic[], visited: Set<string>, depth = 0): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    diagnostics.push({ file: dir, line: 0, column: 0, rule: 'unreadable', severity: 'warning', message: `cannot read folder: ${(e as Error).message}` });
    return;
  }
  entries.sort((a, b) => byCodeUnit(a.name, b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
    const p = join(dir, e.name);
    const ext = extname(e.name).toLowerCase();
    const isStoryName = STORY_EXT.has(ext);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const st = statOrNull(p);
      if (!st) {
        if (isStoryName) diagnostics.push({ file: p, line: 0, column: 0, rule: 'unreadable', severity: 'warning', message: 'skipped: a link to nothing' });
        continue;
      }
      isDir = st.isDirectory();
      isFile = st.isFile();
    }
    if (isDir && depth < READ_LIMITS.maxDepth) {
      const st = statOrNull(p);
      const key = st ? `${st.dev}:${st.ino}` : p;
      if (visited.has(key)) continue;
      visited.add(key);
      walkDir(p, out, diagnostics, visited, depth + 1);
    } else if (isFile && isStoryName) out.push(p);
    else if (isFile && NOTES_TEXT_EXT.has(ext) && looksLikeNotes(p)) out.push(p);
  }
}

/** List story files under the given paths: files of any extension as given, folders recursively for *.md (and *.txt notes). */
export function findStoryFiles(paths: string[], cwd: string): { files: StoryFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const found: { path: string; source: string }[] = [];
  for (const p of paths) {
    let st: Stats;
    try {
      st = statSync(p);
    } catch {
      throw new PrepError('stories.not-found', `no stories at "${p}"`, EXIT.usage, 'pass a markdown file or a folder with --stories, or run `prep init` to start one');
    }
    if (st.isDirectory()) {
      const at: string[] = [];
      const visited = new Set([`${st.dev}:${st.ino}`]);
      walkDir(p, at, diagnostics, visited);
      if (!at.length) {
        diagnostics.push({ file: p, line: 0, column: 0, rule: 'no-markdown', severity: 'warning', message: 'folder has no .md or .markdown files, nor .txt notes (other files are read only when named directly)' });
      }
      for (const f of at) found.push({ path: f, source: p });
    } else found.push({ path: p, source: p });
  }
  const seen = new Set<string>();
  const files: StoryFile[] = [];
  for (const { path, source } of found) {
    if (seen.has(path)) continue;
    seen.add(path);
    try {
      const st = statSync(path);
      // Paths are shown relative to where prep runs (notes/x.md, ../notes/x.md), else absolute (from / or far away).
      const rel = relative(cwd, path);
      const climbs = rel.split(sep).filter((x) => x === '..').length;
      const display = rel && cwd !== parse(cwd).root && climbs <= 2 ? rel : path;
      // Whole milliseconds: file systems and utimes disagree below that, and the cache compares these.
      files.push({ path, display, source, size: st.size, mtimeMs: Math.floor(st.mtimeMs) });
    } catch (e) {
      diagnostics.push({ file: path, line: 0, column: 0, rule: 'unreadable', severity: 'warning', message: `cannot read: ${(e as Error).message}` });
    }
  }
  return { files, diagnostics };
}

/** The text of a note file: regular files only, up to the size cap; why not as a warning otherwise. */
function readNote(f: StoryFile, diagnostics: Diagnostic[]): string | null {
  try {
    return readRegularFile(f.path, READ_LIMITS.maxNoteBytes).toString('utf8');
  } catch (e) {
    const why = e instanceof UnreadableFile ? `skipped: ${e.message}` : `cannot read: ${(e as Error).message}`;
    diagnostics.push({ file: f.display, line: 0, column: 0, rule: 'unreadable', severity: 'warning', message: why });
    return null;
  }
}

/** Read and parse story files (through the cache of each source when a cache folder is given) into one collection. */
export async function loadStories(paths: string[], opts: LoadOptions): Promise<LoadedStories> {
  const { files, diagnostics } = findStoryFiles(paths, opts.cwd);
  let total = 0;
  for (const f of files) if (f.size <= READ_LIMITS.maxNoteBytes) total += f.size;
  if (total > READ_LIMITS.maxTotalBytes) {
    throw new PrepError('stories.too-large', `the notes in ${paths.join(', ')} are ${formatBytes(total)} in ${files.length} files, more than prep reads at once (${formatBytes(READ_LIMITS.maxTotalBytes)})`, EXIT.usage, 'point --stories at the folder of your interview notes, not a whole drive or archive');
  }
  const caches = new Map<string, ParseCache>();
  const cacheOf = (source: string): ParseCache | null => {
    if (!opts.cacheDir) return null;
    let c = caches.get(source);
    if (!c) caches.set(source, (c = openParseCache(opts.cacheDir, source, opts.debug)));
    return c;
  };
  const results: (ParseResult | null)[] = [];
  const misses: { f: StoryFile; text: string; at: number }[] = [];
  for (const f of files) {
    const hit = cacheOf(f.source)?.get(f);
    if (hit) {
      results.push(hit);
      continue;
    }
    const text = readNote(f, diagnostics);
    if (text === null) continue;
    misses.push({ f, text, at: results.length });
    results.push(null);
  }
  if (misses.length) {
    // The parser loads only when something must be parsed, so warm runs skip it.
    const { parseMany } = await import('./parse-many.js');
    const parsed = await parseMany(misses.map((m) => ({ text: m.text, file: m.f.display })), opts.debug);
    misses.forEach((m, i) => {
      cacheOf(m.f.source)?.set(m.f, parsed[i]!);
      results[m.at] = parsed[i]!;
    });
  }
  for (const c of caches.values()) c.save();
  const collection = collectStories(results.filter((r): r is ParseResult => r !== null));
  return { ...collection, diagnostics: [...diagnostics, ...collection.diagnostics], files };
}
