/** The only reader of story files: finds them, reads them, parses them through the cache. */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { extname, join, parse, relative, sep } from 'node:path';
import type { Diagnostic, ParseResult } from '../story/types.js';
import { collectStories, type Collection } from '../parse/collect.js';
import { PrepError, EXIT } from '../errors.js';
import { openParseCache, type ParseCache } from './cache.js';
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

function walkDir(dir: string, out: string[], diagnostics: Diagnostic[], depth = 0): void {
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
    if (e.isDirectory() && depth < 32) walkDir(p, out, diagnostics, depth + 1);
    else if (e.isFile() && STORY_EXT.has(extname(e.name).toLowerCase())) out.push(p);
    else if (e.isFile() && NOTES_TEXT_EXT.has(extname(e.name).toLowerCase()) && looksLikeNotes(p)) out.push(p);
  }
}

/** List story files under the given paths: files of any extension as given, folders recursively for *.md (and *.txt notes). */
export function findStoryFiles(paths: string[], cwd: string): { files: StoryFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const found: string[] = [];
  for (const p of paths) {
    let st: Stats;
    try {
      st = statSync(p);
    } catch {
      throw new PrepError('stories.not-found', `no stories at "${p}"`, EXIT.usage, 'pass a markdown file or a folder with --stories, or run `prep init` to start one');
    }
    if (st.isDirectory()) {
      const before = found.length;
      walkDir(p, found, diagnostics);
      if (found.length === before) {
        diagnostics.push({ file: p, line: 0, column: 0, rule: 'no-markdown', severity: 'warning', message: 'folder has no .md or .markdown files, nor .txt notes (other files are read only when named directly)' });
      }
    } else found.push(p);
  }
  const seen = new Set<string>();
  const files: StoryFile[] = [];
  for (const path of found) {
    if (seen.has(path)) continue;
    seen.add(path);
    try {
      const st = statSync(path);
      // Paths are shown relative to where prep runs (notes/x.md, ../notes/x.md), else absolute (from / or far away).
      const rel = relative(cwd, path);
      const climbs = rel.split(sep).filter((x) => x === '..').length;
      const display = rel && cwd !== parse(cwd).root && climbs <= 2 ? rel : path;
      // Whole milliseconds: file systems and utimes disagree below that, and the cache compares these.
      files.push({ path, display, size: st.size, mtimeMs: Math.floor(st.mtimeMs) });
    } catch (e) {
      diagnostics.push({ file: path, line: 0, column: 0, rule: 'unreadable', severity: 'warning', message: `cannot read: ${(e as Error).message}` });
    }
  }
  return { files, diagnostics };
}

/** Read and parse story files (through the cache when one is given) into one collection. */
export async function loadStories(paths: string[], opts: LoadOptions): Promise<LoadedStories> {
  const { files, diagnostics } = findStoryFiles(paths, opts.cwd);
  const cache: ParseCache | null = opts.cacheDir ? openParseCache(opts.cacheDir, opts.debug) : null;
  const results: ParseResult[] = [];
  let parse: ((text: string, file: string) => ParseResult) | null = null;
  for (const f of files) {
    const hit = cache?.get(f);
    if (hit) {
      results.push(hit);
      continue;
    }
    let text: string;
    try {
      text = readFileSync(f.path, 'utf8');
    } catch (e) {
      diagnostics.push({ file: f.display, line: 0, column: 0, rule: 'unreadable', severity: 'warning', message: `cannot read: ${(e as Error).message}` });
      continue;
    }
    // The parser loads only when something must be parsed, so warm runs skip it.
    parse ??= (await import('../parse/parse-stories.js')).parseStories;
    const r = parse(text, f.display);
    cache?.set(f, r);
    results.push(r);
  }
  cache?.save();
  const collection = collectStories(results);
  return { ...collection, diagnostics: [...diagnostics, ...collection.diagnostics], files };
}
