/** The history file on disk: where it lives, appending one review atomically, and reading it without ever rewriting. */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, realpathSync, writeSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { EXIT, PrepError } from '../errors.js';
import { looksLikeHistory, parseHistory, toHistoryLine, toTieLine, type HistoryProblem, type ParsedHistory, type Review, type TieLine } from './review.js';

/** File name of the history inside the user data folder. */
export const HISTORY_FILE = 'history.jsonl';

/** The history file: --history, else $PREP_HISTORY, else `<data folder>/history.jsonl`. */
export function historyPath(opts: { flag?: string | undefined; env: NodeJS.ProcessEnv; dataDir: string; cwd: string }): string {
  const chosen = opts.flag || opts.env.PREP_HISTORY;
  if (chosen) return resolve(opts.cwd, chosen);
  return join(opts.dataDir, HISTORY_FILE);
}

/** Whether the file ends without a newline (a torn last line), so the next line must start on a fresh one. */
function endsTorn(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return false;
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, size - 1);
  return b[0] !== 0x0a;
}

/**
 * Append one review as a whole line with a single write on an O_APPEND descriptor, so concurrent prep processes
 * never interleave or lose lines. Creates the folder on first use.
 */
export function appendReview(file: string, review: Review): void {
  appendHistoryLine(file, toHistoryLine(review));
}

/** Append one question-story tie (`prep find --pick`, a right answer in pick mode) the same way. */
export function appendTie(file: string, tie: Omit<TieLine, 'type'>): void {
  appendHistoryLine(file, toTieLine(tie));
}

function appendHistoryLine(file: string, line: string): void {
  let fd: number | null = null;
  try {
    mkdirSync(dirname(file), { recursive: true });
    fd = openSync(file, 'a+');
    // After a crash mid-line, start a new line rather than gluing this review onto the torn one.
    const bytes = Buffer.from(endsTorn(fd) ? '\n' + line : line, 'utf8');
    const written = writeSync(fd, bytes);
    if (written !== bytes.length) throw new Error(`short write (${written} of ${bytes.length} bytes)`);
  } catch (e) {
    throw new PrepError('history.write', `cannot write the history file "${file}": ${(e as Error).message}`, 1, 'check the folder exists and is writable, or pass --history FILE');
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** The history file's text; a missing file is an empty history. */
function readHistoryText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new PrepError('history.read', `cannot read the history file "${file}": ${(e as Error).message}`, EXIT.failure);
  }
}

/** Read the history file; a missing file is an empty history. Never writes. */
export function readHistory(file: string): ParsedHistory {
  return parseHistory(readHistoryText(file));
}

/** Extensions of notes and plain text: never a history, so never appended to. */
const NOTES_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt'];

/** The real path of a file (symlinks followed), or the path itself when it does not exist yet. */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * Why `file` must not be used as the history, or null when it may: it is a notes or text file by its extension,
 * one of the loaded story files, or a file with lines none of which reads as a review.
 */
export function notHistoryReason(file: string, text: string, parsed: ParsedHistory, storyFiles: readonly string[] = []): string | null {
  const real = realPath(file);
  const ext = [file, real].map((f) => extname(f).toLowerCase()).find((e) => NOTES_EXTENSIONS.includes(e));
  // A history that does not exist yet cannot be a story file (and large collections skip a realpath per file).
  if (existsSync(real) && storyFiles.some((f) => realPath(f) === real)) return 'it is one of your story files';
  if (ext) return `${ext} files are notes, not a review history`;
  if (!looksLikeHistory(text, parsed)) {
    const n = parsed.problems.length;
    return `it is not a prep history (${n === 1 ? 'its only line is not a review' : `none of its ${n} lines is a review`})`;
  }
  return null;
}

/** Warning lines for skipped history lines: the first `max` by line number, then a count of the rest. */
export function describeProblems(file: string, problems: readonly HistoryProblem[], max = 5): string[] {
  const lines = problems.slice(0, max).map((p) => `${file}:${p.line}: skipped a history line: ${p.message}`);
  if (problems.length > max) lines.push(`${file}: ${problems.length - max} more unreadable lines skipped`);
  return lines;
}

/** What a command needs to find and read the history. */
export interface HistoryContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  folders: { data: string };
  out: { err(text: string): void; c: { yellow(t: string): string } };
}

/**
 * Resolve the history file for a command, read it, and warn about lines it skipped (reading never rewrites).
 * A file that is not a history (notes, a story file, anything without a review line) is refused with
 * `history.not-history` before any command could append to it; pass the loaded story files to check those too.
 */
export function openHistory(ctx: HistoryContext, flag: string | undefined, storyFiles: readonly { path: string }[] = []): ParsedHistory & { file: string } {
  const file = historyPath({ flag, env: ctx.env, dataDir: ctx.folders.data, cwd: ctx.cwd });
  const text = readHistoryText(file);
  const parsed = parseHistory(text);
  const why = notHistoryReason(file, text, parsed, storyFiles.map((f) => f.path));
  if (why) {
    const given = flag ? `--history "${flag}"` : ctx.env.PREP_HISTORY ? `PREP_HISTORY "${ctx.env.PREP_HISTORY}"` : `"${file}"`;
    const fallback = join(ctx.folders.data, HISTORY_FILE);
    const hint = flag
      ? `point --history at a .jsonl file of its own (prep creates it), or leave it out to use ${fallback}`
      : ctx.env.PREP_HISTORY
        ? `point PREP_HISTORY at a .jsonl file of its own (prep creates it), or unset it to use ${fallback}`
        : 'move that file away; prep starts a new history';
    throw new PrepError('history.not-history', `refusing to use ${given} as the review history: ${why}`, EXIT.usage, hint);
  }
  for (const line of describeProblems(file, parsed.problems)) ctx.out.err(`prep: ${ctx.out.c.yellow('warning')}: ${line}`);
  return { ...parsed, file };
}
