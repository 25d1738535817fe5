/** The history file on disk: where it lives, appending one review atomically, and reading it without ever rewriting. */
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PrepError } from '../cli/errors.js';
import { parseHistory, toHistoryLine, type HistoryProblem, type ParsedHistory, type Review } from './review.js';

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
  const line = toHistoryLine(review);
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

/** Read the history file; a missing file is an empty history. Never writes. */
export function readHistory(file: string): ParsedHistory {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { reviews: [], problems: [] };
    throw new PrepError('history.read', `cannot read the history file "${file}": ${(e as Error).message}`, 1);
  }
  return parseHistory(text);
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

/** Resolve the history file for a command, read it, and warn about lines it skipped (reading never rewrites). */
export function openHistory(ctx: HistoryContext, flag: string | undefined): ParsedHistory & { file: string } {
  const file = historyPath({ flag, env: ctx.env, dataDir: ctx.folders.data, cwd: ctx.cwd });
  const parsed = readHistory(file);
  for (const line of describeProblems(file, parsed.problems)) ctx.out.err(`prep: ${ctx.out.c.yellow('warning')}: ${line}`);
  return { ...parsed, file };
}
