/** The history file on disk: where it lives, appending one review atomically, and reading it without ever rewriting. */
import { closeSync, constants, existsSync, fstatSync, ftruncateSync, lstatSync, openSync, readSync, writeSync } from 'node:fs';
import { makePrivateDir } from '../load/atomic-write.js';
import { readRegularFile } from '../load/read-file.js';
import { dirname, extname, join, resolve } from 'node:path';
import { EXIT, PrepError } from '../errors.js';
import { realPath } from '../load/paths.js';
import { looksLikeHistory, makeTie, parseHistory, toHistoryLine, type HistoryEntry, type HistoryProblem, type ParsedHistory, type TieEntry } from './review.js';

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
  const b = Buffer.alloc(1);
  // Another prep may be mid-write (a reader can see its line half copied for microseconds): a line still growing is
  // not torn, so look again briefly before deciding; a line torn by a crash stays as it is.
  for (let look = 0; ; look++) {
    const size = fstatSync(fd).size;
    if (size === 0) return false;
    readSync(fd, b, 0, 1, size - 1);
    if (b[0] === 0x0a) return false;
    if (look === 5) return true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
  }
}

/**
 * The longest history line, in bytes: 4096 is PIPE_BUF on Linux, and a write that small to an O_APPEND file is
 * never interleaved with another process's line nor seen half-done by a reader.
 */
export const MAX_LINE_BYTES = 4096;

/** A history line, a review's question shortened (with "…") when the whole line would be over MAX_LINE_BYTES. */
export function historyLineFor(entry: HistoryEntry): string {
  let line = toHistoryLine(entry);
  const question = 'question' in entry && typeof entry.question === 'string' ? entry.question : '';
  if (Buffer.byteLength(line) <= MAX_LINE_BYTES || !question) return line;
  // Cut by code points, so no character is split; JSON escapes make the bytes grow, hence the loop.
  let chars = Array.from(question);
  while (chars.length && Buffer.byteLength(line) > MAX_LINE_BYTES) {
    chars = chars.slice(0, Math.floor(chars.length * 0.9));
    line = toHistoryLine({ ...entry, question: chars.join('') + '…' } as HistoryEntry);
  }
  return line;
}

/**
 * Append one review (or link or tie line) as a whole line with a single small write on an O_APPEND descriptor, so
 * concurrent prep processes never interleave or lose lines; a short write (disk full) is undone. Creates the folder
 * on first use and never writes through a symbolic link.
 */
export function appendReview(file: string, review: HistoryEntry): void {
  const line = historyLineFor(review);
  let fd: number | null = null;
  try {
    if (Buffer.byteLength(line) > MAX_LINE_BYTES) throw new Error(`the review is too long to store (${Buffer.byteLength(line)} bytes, at most ${MAX_LINE_BYTES})`);
    makePrivateDir(dirname(file));
    const { O_RDWR, O_APPEND, O_CREAT, O_NOFOLLOW } = constants;
    fd = openSync(file, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW, 0o600);
    // After a crash mid-line, start a new line rather than gluing this review onto the torn one.
    const before = fstatSync(fd).size;
    const bytes = Buffer.from(endsTorn(fd) ? '\n' + line : line, 'utf8');
    const written = writeSync(fd, bytes);
    if (written !== bytes.length) {
      // Take the fragment back out, unless another process has appended since (its line must stay).
      if (fstatSync(fd).size === before + written) ftruncateSync(fd, before);
      throw new Error(`short write (${written} of ${bytes.length} bytes; nothing was added)`);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new PrepError('history.symlink', `the history file "${file}" is a symbolic link; prep does not write through links`, EXIT.usage, 'point --history (or PREP_HISTORY) at the file itself');
    }
    throw new PrepError('history.write', `cannot write the history file "${file}": ${(e as Error).message}`, EXIT.failure, 'check the folder exists and is writable, or pass --history FILE');
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** A history this large is not read (a year of daily practice is well under 1 MB). */
const MAX_HISTORY_BYTES = 512 * 1024 * 1024;

/** The history file's text; a missing file is an empty history. */
function readHistoryText(file: string): string {
  try {
    return readRegularFile(file, MAX_HISTORY_BYTES).toString('utf8');
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

const lstatOrNull = (file: string) => {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
};

/**
 * Why `file` must not be used as the history, or null when it may: it is a notes or text file by its extension,
 * one of the loaded story files, or a file with lines none of which reads as a review.
 */
export function notHistoryReason(file: string, text: string, parsed: ParsedHistory, storyFiles: readonly string[] = []): string | null {
  const real = realPath(file);
  const ext = [file, real].map((f) => extname(f).toLowerCase()).find((e) => NOTES_EXTENSIONS.includes(e));
  // A history that does not exist yet cannot be a story file (and large collections skip a realpath per file).
  if (existsSync(real) && storyFiles.some((f) => realPath(f) === real)) return 'it is one of your story files';
  if (lstatOrNull(file)?.isSymbolicLink()) return 'it is a symbolic link (prep does not write through links)';
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

/** Append one question-story tie (`prep find --pick`, a right answer in pick mode) the same way. */
export function appendTie(file: string, tie: Omit<TieEntry, 'v' | 'type'>): void {
  appendReview(file, makeTie(tie));
}
