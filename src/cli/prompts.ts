/**
 * The quiz's terminal input, behind small wrappers so tests can replace them: a live answer timer and single-key
 * choices (1-4 or a letter, Anki-style), both read in raw mode. q or Esc in any of them ends the quiz cleanly.
 */
import { Interrupted } from './errors.js';
import { toTerminalText, truncate, visibleWidth, type Output } from './output.js';

/** The user ended the quiz with q or Esc: answered rounds are kept and prep exits 0. */
export class Stopped extends Error {
  constructor() {
    super('stopped');
    this.name = 'Stopped';
  }
}

/** One option of a select prompt. */
export interface PromptChoice<V extends string> {
  value: V;
  name: string;
  /** Shown after the prompt once answered (default: name). */
  short?: string;
  description?: string;
  /** A letter that chooses this option at once, besides its number. */
  key?: string;
}

/** The prompts `prep quiz` uses. */
export interface QuizPrompts {
  /**
   * Show `render(elapsedMs, columns)` on one line, redrawn about once a second, until Enter; resolves to the
   * elapsed milliseconds. Ctrl-C rejects with Interrupted, q or Esc with Stopped. The line is cleared afterwards.
   */
  timeAnswer(render: (elapsedMs: number, columns: number) => string): Promise<number>;
  /** Show `message` and wait for Enter (Ctrl-C rejects with Interrupted, q or Esc with Stopped). */
  pause(message: string): Promise<void>;
  /** A single choice from a list, with a live timer line when `timer` is given (it renders the elapsed time). */
  select<V extends string>(opts: { message: string; choices: PromptChoice<V>[]; default?: V; timer?: (elapsedMs: number, columns: number) => string }): Promise<V>;
  /** Several choices ticked with space, Enter to finish (the key-point checklist); without it the checklist is skipped. */
  checkbox?<V extends string>(opts: { message: string; choices: PromptChoice<V>[] }): Promise<V[]>;
}

const CSI = '\x1b[';
const HIDE_CURSOR = `${CSI}?25l`;
const SHOW_CURSOR = `${CSI}?25h`;
const CLEAR_LINE = `\r${CSI}2K`;
/** Keys pressed in the first moments are typed ahead from the previous prompt, not an answer. */
const TYPEAHEAD_MS = 400;
/** Keys that end the quiz from any prompt: q and a lone Esc (an arrow key sends Esc followed by more bytes). */
const STOP_KEYS: readonly string[] = ['q', 'Q', '\x1b'];

/** Restores the cursor if the process ends while the timer hides it. */
function restoreCursor(): void {
  process.stdout.write(SHOW_CURSOR);
}

/** Signals that end prep while it waits: the terminal is left as it was found, then the signal does its work. */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];

/** Whether a chunk of raw input holds Enter. */
const isEnter = (s: string) => s.includes('\r') || s.includes('\n');

/**
 * Wait on process.stdin in raw mode until `accept` takes a key, redrawing `render(elapsedMs, columns)` on the
 * current line about once a second (on whole seconds of `clock`, a monotonic millisecond clock). Resolves to the
 * accepted value and the elapsed milliseconds; Ctrl-C (or SIGINT) rejects with Interrupted, q or Esc with Stopped;
 * Ctrl-Z suspends (and `fg` carries on); SIGTERM or SIGHUP restore the terminal and then end the process.
 * Always clears the line, shows the cursor and releases stdin. On a `dumb` terminal no cursor-control sequence is
 * written: the line is redrawn with a carriage return and spaces.
 */
export function waitForKey<T>(render: (elapsedMs: number, columns: number) => string, accept: (key: string) => T | undefined, clock: () => number = () => performance.now(), dumb = false): Promise<{ value: T; ms: number }> {
  const stdin = process.stdin;
  const stdout = process.stdout;
  const start = clock();
  return new Promise<{ value: T; ms: number }>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let shown = 0;
    let done = false;
    const draw = () => {
      const cols = stdout.columns || 80;
      const line = toTerminalText(render(clock() - start, cols), true);
      const width = visibleWidth(line);
      if (dumb) stdout.write('\r' + line + ' '.repeat(Math.max(0, shown - width)));
      else {
        // After a resize a line wider than the window has wrapped: go up and clear the rows it took.
        const rows = shown > cols ? Math.ceil(shown / cols) - 1 : 0;
        stdout.write(CLEAR_LINE + (rows ? `${CSI}${rows}A${CSI}J` : '') + line);
      }
      shown = width;
    };
    const tick = () => {
      draw();
      timer = setTimeout(tick, 1000 - ((clock() - start) % 1000) + 5);
    };
    const finish = (result: { value: T; ms: number } | { error: Error }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stdin.off('data', onData);
      stdout.off('resize', draw);
      process.off('SIGINT', onSigint);
      for (const sig of ENDING_SIGNALS) process.off(sig, onEnd);
      process.off('exit', restoreCursor);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      stdout.write(dumb ? `\r${' '.repeat(shown)}\r` : CLEAR_LINE + SHOW_CURSOR);
      if ('error' in result) reject(result.error);
      else resolve(result);
    };
    const onData = (chunk: Buffer | string) => {
      const s = chunk.toString();
      if (s.includes('\u0003')) return finish({ error: new Interrupted() });
      if (s === '\u001a' && process.platform !== 'win32') return suspendProcess();
      const ms = clock() - start;
      if (ms < TYPEAHEAD_MS) return;
      if (STOP_KEYS.includes(s)) return finish({ error: new Stopped() });
      const value = accept(s);
      if (value !== undefined) finish({ value, ms });
    };
    const onSigint = () => finish({ error: new Interrupted() });
    // Terminal restored first; with the listener gone the signal then ends prep as it would have (exit 143 for TERM).
    const onEnd = (sig: NodeJS.Signals) => {
      finish({ error: new Interrupted() });
      process.kill(process.pid, sig);
    };
    try {
      if (!dumb) process.on('exit', restoreCursor);
      process.on('SIGINT', onSigint);
      for (const sig of ENDING_SIGNALS) process.on(sig, onEnd);
      if (!dumb) stdout.write(HIDE_CURSOR);
      if (stdin.isTTY) stdin.setRawMode(true);
      stdin.on('data', onData);
      stdin.resume();
      stdout.on('resize', draw);
      tick();
    } catch (e) {
      finish({ error: e as Error });
    }
  });
}

/** Wait for Enter with a live line (see waitForKey); resolves to the elapsed milliseconds. */
export async function waitForEnter(render: (elapsedMs: number, columns: number) => string, clock?: () => number, dumb = false): Promise<number> {
  return (await waitForKey(render, (s) => (isEnter(s) ? true : undefined), clock, dumb)).ms;
}

/** The key help of a choice prompt: "1-4 or a/h/g/e · Enter: Good · q: stop". */
export function choiceHelp(choices: readonly PromptChoice<string>[], defaultName?: string): string {
  const n = choices.length;
  const letters = choices.map((c) => c.key).filter(Boolean);
  const keys = (n === 1 ? '1' : `1-${n}`) + (letters.length === n ? ` or ${letters.join('/')}` : '');
  return [keys, ...(defaultName ? [`Enter: ${defaultName}`] : []), 'q: stop'].join(' · ');
}

/** A numbered choice read as a single key, with an optional live timer before the key help. */
async function chooseInTerminal<V extends string>(o: Output, opts: { message: string; choices: PromptChoice<V>[]; default?: V; timer?: (elapsedMs: number, columns: number) => string }, clock?: () => number, dumb = false): Promise<V> {
  const c = o.c;
  const width = () => Math.max(20, (process.stdout.columns || o.columns) - 1);
  o.out(`${c.blue('?')} ${c.bold(opts.message)}`);
  for (const [i, ch] of opts.choices.entries()) {
    const head = `  ${c.cyan.bold(String(i + 1))} ${ch.name}`;
    o.out(ch.description ? `${head}  ${c.dim(truncate(ch.description, Math.max(0, width() - head.length - 2)))}` : head);
  }
  const byKey = new Map<string, V>();
  opts.choices.forEach((ch, i) => {
    byKey.set(String(i + 1), ch.value);
    if (ch.key) byKey.set(ch.key.toLowerCase(), ch.value).set(ch.key.toUpperCase(), ch.value);
  });
  const dflt = opts.choices.find((ch) => ch.value === opts.default);
  const help = choiceHelp(opts.choices, dflt ? (dflt.short ?? dflt.name) : undefined);
  const render = (ms: number, cols: number) => {
    if (!opts.timer) return c.dim(truncate(help, cols - 1));
    const room = cols - 1 - help.length - 2;
    return room >= 12 ? `${opts.timer(ms, room)}  ${c.dim(help)}` : opts.timer(ms, cols - 1);
  };
  const { value } = await waitForKey(render, (s) => byKey.get(s) ?? (isEnter(s) && dflt ? dflt.value : undefined), clock, dumb);
  const chosen = opts.choices.find((ch) => ch.value === value)!;
  o.out(`${c.green('✔')} ${c.cyan(chosen.short ?? chosen.name)}`);
  return value;
}

/** Stop like Ctrl-Z in a cooked terminal, and take raw mode back on `fg`. */
function suspendProcess(): void {
  const stdin = process.stdin;
  if (stdin.isTTY) stdin.setRawMode(false);
  process.once('SIGCONT', () => {
    if (stdin.isTTY) stdin.setRawMode(true);
  });
  process.kill(process.pid, 'SIGTSTP');
}

/**
 * A numbered list and a typed answer (a number, the start of a name, or Enter for the default), for terminals that
 * cannot move the cursor (TERM=dumb). Ctrl-C or the end of input rejects with Interrupted.
 */
async function selectPlain<V extends string>(o: Output, opts: { message: string; choices: PromptChoice<V>[]; default?: V }): Promise<V> {
  const { createInterface } = await import('node:readline/promises');
  const n = opts.choices.length;
  const def = opts.choices.findIndex((ch) => ch.value === opts.default);
  opts.choices.forEach((ch, i) => o.out(`  ${i + 1}. ${ch.name}${ch.description ? `  (${ch.description})` : ''}`));
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.on('SIGINT', onSigint);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
  try {
    for (;;) {
      const asked = toTerminalText(`${opts.message} [1-${n}${def >= 0 ? `, Enter for ${def + 1}` : ''}] `);
      const answer = (await rl.question(asked, { signal: abort.signal })).trim().toLowerCase();
      if (!answer && def >= 0) return opts.choices[def]!.value;
      const i = Number(answer);
      if (Number.isInteger(i) && i >= 1 && i <= n) return opts.choices[i - 1]!.value;
      const named = opts.choices.filter((ch) => answer && ch.name.toLowerCase().replace(/^\W+/, '').startsWith(answer));
      if (named.length === 1) return named[0]!.value;
      o.out(`type a number from 1 to ${n}`);
    }
  } catch {
    throw new Interrupted();
  } finally {
    process.off('SIGINT', onSigint);
    rl.close();
  }
}

/** A checkbox prompt from @inquirer/prompts (space ticks, Enter finishes), themed like the select. */
async function checkboxInTerminal<V extends string>(o: Output, opts: { message: string; choices: PromptChoice<V>[] }): Promise<V[]> {
  const { checkbox } = await import('@inquirer/prompts');
  const c = o.c;
  return checkbox<V>({
    // Inquirer writes to the terminal itself, so the points (text from the notes) pass the sanitiser here.
    message: toTerminalText(opts.message, o.color),
    choices: opts.choices.map((x) => ({ value: x.value, name: toTerminalText(x.name, o.color), ...(x.short ? { short: toTerminalText(x.short, o.color) } : {}) })),
    loop: false,
    pageSize: Math.max(4, opts.choices.length),
    theme: {
      prefix: { idle: c.blue('?'), done: c.green('✔') },
      icon: { checked: c.green('◉'), unchecked: '◯', cursor: '❯' },
      style: {
        answer: (t: string) => c.cyan(t),
        message: (t: string) => c.bold(t),
        highlight: (t: string) => c.cyan(t),
        help: (t: string) => c.dim(t),
        description: (t: string) => c.dim(t),
        keysHelpTip: (keys: [string, string][]) => keys.map(([k, a]) => `${c.bold(k)} ${c.dim(a)}`).join(c.dim(' • ')),
        key: (t: string) => c.cyan.bold(`<${t}>`),
        error: (t: string) => c.red(`> ${t}`),
        disabled: (t: string) => c.dim(t),
        // The ticked points are long sentences: the answered line says how many, not which.
        renderSelectedChoices: (selected: readonly unknown[], all: readonly unknown[]) => c.cyan(`${selected.length} of ${all.length} ticked`),
      },
    },
  });
}

/** The real prompts on the process terminal; a `dumb` one (TERM=dumb) gets no cursor-control sequences. */
export function terminalPrompts(o: Output, clock?: () => number, env: NodeJS.ProcessEnv = process.env): QuizPrompts {
  const dumb = env.TERM === 'dumb';
  return {
    timeAnswer: (render) => waitForEnter(render, clock, dumb),
    pause: async (message) => {
      const text = `${message} (q: stop)`;
      await waitForEnter((_, cols) => o.c.dim(truncate(text, cols - 1)), clock, dumb);
    },
    select: (opts) => (dumb ? selectPlain(o, opts) : chooseInTerminal(o, opts, clock, dumb)),
    // A dumb terminal cannot draw the checkbox list: the checklist is left out there.
    ...(dumb ? {} : { checkbox: <V extends string>(opts: { message: string; choices: PromptChoice<V>[] }) => checkboxInTerminal(o, opts) }),
  };
}
