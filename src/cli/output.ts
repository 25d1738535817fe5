/** Where commands write: injected so tests capture it; colour decided once from flags, NO_COLOR and the terminal. */
import { Chalk, type ChalkInstance } from 'chalk';
import { toTerminalText } from './terminal-text.js';

/** A command's view of the terminal. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  columns: number;
  isTTY: boolean;
  c: ChalkInstance;
}

/** Whether to colour: --no-color and NO_COLOR win, FORCE_COLOR forces, otherwise only on a terminal. */
export function useColor(opts: { noColor?: boolean; env: NodeJS.ProcessEnv; isTTY: boolean }): boolean {
  if (opts.noColor) return false;
  if (opts.env.NO_COLOR !== undefined && opts.env.NO_COLOR !== '') return false;
  if (opts.env.FORCE_COLOR !== undefined && opts.env.FORCE_COLOR !== '0') return true;
  return opts.isTTY && opts.env.TERM !== 'dumb';
}

/** The width output is laid out for when stdout is not a terminal: wide enough that no title or path is cut. */
export const PIPE_COLUMNS = 1000;

/** An Output over process.stdout / stderr; every line passes the terminal sanitiser (only prep's colours survive). */
export function processOutput(color: boolean): Output {
  const line = (t: string) => toTerminalText(t.endsWith('\n') ? t : t + '\n', color);
  return {
    out: (t) => process.stdout.write(line(t)),
    err: (t) => process.stderr.write(line(t)),
    color,
    // The real width (20 at least, 200 at most); each command decides how much of it to use. Into a pipe or file
    // nothing is cut: no window to fit, and `prep list | grep` must see whole titles.
    columns: process.stdout.isTTY ? Math.max(20, Math.min(process.stdout.columns || 80, 200)) : PIPE_COLUMNS,
    isTTY: Boolean(process.stdout.isTTY),
    c: new Chalk({ level: color ? 2 : 0 }),
  };
}

/** An Output that records lines (sanitised as on a terminal), for tests. */
export function memoryOutput(columns = 80): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => void stdout.push(toTerminalText(t).replace(/\n$/, '')),
    err: (t) => void stderr.push(toTerminalText(t).replace(/\n$/, '')),
    color: false,
    columns,
    isTTY: false,
    c: new Chalk({ level: 0 }),
  };
}

export { padVisible, truncate, visibleWidth, wrapText } from '../story/text.js';
export { toTerminalText } from './terminal-text.js';

/** Print diagnostics location-first (`file:line:col  severity  message  rule`). */
export function printDiagnostics(o: Output, diags: { file: string; line: number; column: number; severity: string; message: string; rule: string }[]): void {
  for (const d of diags) {
    const sev = d.severity === 'error' ? o.c.red('error') : d.severity === 'warning' ? o.c.yellow('warning') : o.c.blue('info');
    const loc = d.line > 0 ? `${d.file}:${d.line}:${d.column || 1}` : d.file;
    o.err(`${o.c.dim(loc)}  ${sev}  ${d.message}  ${o.c.dim(d.rule)}`);
  }
}
