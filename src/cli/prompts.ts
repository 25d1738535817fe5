/**
 * The quiz's terminal input, behind small wrappers so tests can replace them: a live answer timer read in raw mode,
 * and @inquirer/prompts selects (loaded lazily) themed with prep's colours.
 */
import { Interrupted } from './errors.js';
import { toTerminalText, truncate, visibleWidth, type Output } from './output.js';

/** One option of a select prompt. */
export interface PromptChoice<V extends string> {
  value: V;
  name: string;
  /** Shown after the prompt once answered (default: name). */
  short?: string;
  description?: string;
}

/** The prompts `prep quiz` uses. */
export interface QuizPrompts {
  /**
   * Show `render(elapsedMs, columns)` on one line, redrawn about once a second, until Enter; resolves to the
   * elapsed milliseconds. Ctrl-C rejects with Interrupted. The line is cleared and the cursor shown afterwards.
   */
  timeAnswer(render: (elapsedMs: number, columns: number) => string): Promise<number>;
  /** Show `message` and wait for Enter (Ctrl-C rejects with Interrupted). */
  pause(message: string): Promise<void>;
  /** A single choice from a list. */
  select<V extends string>(opts: { message: string; choices: PromptChoice<V>[]; default?: V }): Promise<V>;
}

const CSI = '\x1b[';
const HIDE_CURSOR = `${CSI}?25l`;
const SHOW_CURSOR = `${CSI}?25h`;
const CLEAR_LINE = `\r${CSI}2K`;
/** Keys pressed in the first moments are typed ahead from the previous prompt, not an answer. */
const TYPEAHEAD_MS = 400;

/** Restores the cursor if the process ends while the timer hides it. */
function restoreCursor(): void {
  process.stdout.write(SHOW_CURSOR);
}

/** Signals that end prep while it waits: the terminal is left as it was found, then the signal does its work. */
const ENDING_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];

/**
 * Wait for Enter on process.stdin in raw mode, redrawing `render(elapsedMs, columns)` on the current line about once
 * a second (on whole seconds of `clock`, a monotonic millisecond clock). Resolves to the elapsed milliseconds;
 * Ctrl-C (or SIGINT) rejects with Interrupted; SIGTERM or SIGHUP restore the terminal and then end the process.
 * Always clears the line, shows the cursor and releases stdin. On a `dumb` terminal no cursor-control sequence is
 * written: the line is redrawn with a carriage return and spaces.
 */
export function waitForEnter(render: (elapsedMs: number, columns: number) => string, clock: () => number = () => performance.now(), dumb = false): Promise<number> {
  const stdin = process.stdin;
  const stdout = process.stdout;
  const start = clock();
  return new Promise<number>((resolve, reject) => {
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
    const finish = (result: { ms: number } | { error: Error }) => {
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
      if ('ms' in result) resolve(result.ms);
      else reject(result.error);
    };
    const onData = (chunk: Buffer | string) => {
      const s = chunk.toString();
      if (s.includes('\u0003')) return finish({ error: new Interrupted() });
      const ms = clock() - start;
      if ((s.includes('\r') || s.includes('\n')) && ms >= TYPEAHEAD_MS) finish({ ms });
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

/** A select prompt from @inquirer/prompts, coloured (or not) like the rest of prep's output. */
async function selectInTerminal<V extends string>(o: Output, opts: { message: string; choices: PromptChoice<V>[]; default?: V }): Promise<V> {
  const { select } = await import('@inquirer/prompts');
  const c = o.c;
  // Inquirer writes to the terminal itself, so story titles in the choices pass the sanitiser here.
  const safe = (t: string | undefined) => (t === undefined ? undefined : toTerminalText(t, o.color));
  const choices = opts.choices.map((ch) => ({ ...ch, name: safe(ch.name)!, ...(ch.short !== undefined ? { short: safe(ch.short) } : {}), ...(ch.description !== undefined ? { description: safe(ch.description) } : {}) }));
  // Ctrl-Z is handled here: left to readline, it paused stdin on `fg` (the session ended as the event loop drained)
  // and inquirer took the key for a search that jumped to the first choice. Registered before readline's listener,
  // this runs first and hands the others a harmless key.
  const onKey = (_: unknown, key?: { name?: string; ctrl?: boolean }) => {
    if (!key?.ctrl || key.name !== 'z' || process.platform === 'win32') return;
    key.ctrl = false;
    key.name = 'backspace';
    suspendProcess();
  };
  process.stdin.on('keypress', onKey);
  return select<V>({
    message: toTerminalText(opts.message, o.color),
    choices,
    ...(opts.default !== undefined ? { default: opts.default } : {}),
    loop: false,
    pageSize: Math.max(4, opts.choices.length),
    theme: {
      prefix: { idle: c.blue('?'), done: c.green('✔') },
      style: {
        answer: (t: string) => c.cyan(t),
        message: (t: string) => c.bold(t),
        highlight: (t: string) => c.cyan(t),
        help: (t: string) => c.dim(t),
        description: (t: string) => c.dim(t),
        keysHelpTip: (keys: [string, string][]) => keys.map(([k, a]) => `${c.bold(k)} ${c.dim(a)}`).join(c.dim(' • ')),
        key: (t: string) => c.cyan.bold(`<${t}>`),
        error: (t: string) => c.red(`> ${t}`),
        defaultAnswer: (t: string) => c.dim(`(${t})`),
        disabled: (t: string) => c.dim(t),
      },
      indexMode: 'number',
    },
  }).finally(() => process.stdin.off('keypress', onKey));
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

/** The real prompts on the process terminal; a `dumb` one (TERM=dumb) gets no cursor-control sequences. */
export function terminalPrompts(o: Output, clock?: () => number, env: NodeJS.ProcessEnv = process.env): QuizPrompts {
  const dumb = env.TERM === 'dumb';
  return {
    timeAnswer: (render) => waitForEnter(render, clock, dumb),
    pause: async (message) => {
      await waitForEnter((_, cols) => o.c.dim(truncate(message, cols - 1)), clock, dumb);
    },
    select: (opts) => (dumb ? selectPlain(o, opts) : selectInTerminal(o, opts)),
  };
}
