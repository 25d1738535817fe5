/**
 * The quiz's terminal input, behind small wrappers so tests can replace them: a live answer timer read in raw mode,
 * and @inquirer/prompts selects (loaded lazily) themed with prep's colours.
 */
import { Interrupted } from './errors.js';
import { truncate, type Output } from './output.js';

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
  /** Several choices ticked with space, Enter to finish (the key-point checklist); without it the checklist is skipped. */
  checkbox?<V extends string>(opts: { message: string; choices: PromptChoice<V>[] }): Promise<V[]>;
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

/**
 * Wait for Enter on process.stdin in raw mode, redrawing `render(elapsedMs, columns)` on the current line about once
 * a second (on whole seconds of `clock`, a monotonic millisecond clock). Resolves to the elapsed milliseconds;
 * Ctrl-C (or SIGINT) rejects with Interrupted. Always clears the line, shows the cursor and releases stdin.
 */
export function waitForEnter(render: (elapsedMs: number, columns: number) => string, clock: () => number = () => performance.now()): Promise<number> {
  const stdin = process.stdin;
  const stdout = process.stdout;
  const start = clock();
  return new Promise<number>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let shown = 0;
    let done = false;
    const draw = () => {
      const cols = stdout.columns || 80;
      // After a resize a line wider than the window has wrapped: go up and clear the rows it took.
      const rows = shown > cols ? Math.ceil(shown / cols) - 1 : 0;
      const line = render(clock() - start, cols);
      shown = line.replace(/\x1b\[[0-9;]*m/g, '').length;
      stdout.write(CLEAR_LINE + (rows ? `${CSI}${rows}A${CSI}J` : '') + line);
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
      process.off('exit', restoreCursor);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      stdout.write(CLEAR_LINE + SHOW_CURSOR);
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
    try {
      process.on('exit', restoreCursor);
      process.on('SIGINT', onSigint);
      stdout.write(HIDE_CURSOR);
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
  return select<V>({
    message: opts.message,
    choices: opts.choices,
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
  });
}

/** A checkbox prompt from @inquirer/prompts (space ticks, Enter finishes), themed like the select. */
async function checkboxInTerminal<V extends string>(o: Output, opts: { message: string; choices: PromptChoice<V>[] }): Promise<V[]> {
  const { checkbox } = await import('@inquirer/prompts');
  const c = o.c;
  return checkbox<V>({
    message: opts.message,
    choices: opts.choices.map((x) => ({ value: x.value, name: x.name, ...(x.short ? { short: x.short } : {}) })),
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

/** The real prompts on the process terminal. */
export function terminalPrompts(o: Output, clock?: () => number): QuizPrompts {
  return {
    timeAnswer: (render) => waitForEnter(render, clock),
    pause: async (message) => {
      await waitForEnter((_, cols) => o.c.dim(truncate(message, cols - 1)), clock);
    },
    select: (opts) => selectInTerminal(o, opts),
    checkbox: (opts) => checkboxInTerminal(o, opts),
  };
}
