import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import type { Context } from '../src/cli/context.js';
import { memoryOutput } from '../src/cli/output.js';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..');

/** A fresh temp folder. */
export function tempDir(prefix = 'prep-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write files (relative path -> content) under a folder. */
export function writeTree(dir: string, files: Record<string, string>): string {
  for (const [rel, text] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
  }
  return dir;
}

/** A command context over temp folders with a captured output and a fixed clock. */
export function testContext(cwd: string, env: NodeJS.ProcessEnv = {}, now = new Date('2026-03-02T10:00:00Z')): Context & { out: ReturnType<typeof memoryOutput> } {
  const home = tempDir('prep-home-');
  return {
    out: memoryOutput(100),
    env: { PREP_NO_CACHE: '1', ...env },
    cwd,
    now: () => now,
    folders: { data: join(home, 'data'), config: join(home, 'config'), cache: join(home, 'cache') },
    debug: () => {},
  };
}

/** Run the real bin/prep with a clean, temp environment. */
export function runPrep(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const home = tempDir('prep-home-');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'prep'), ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_DATA_HOME: join(home, 'data'),
      NO_COLOR: '1',
      ...opts.env,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A STAR story in bold-list style. */
export function starStory(title: string, body: Partial<Record<'situation' | 'task' | 'action' | 'result', string>> = {}): string {
  return `## ${title}\n\n- **Situation**: ${body.situation ?? 'The nightly job kept failing.'}\n- **Task**: ${body.task ?? 'Make it reliable.'}\n- **Action**: ${body.action ?? 'Added retries and alerts.'}\n- **Result**: ${body.result ?? 'Failures fell by 90%.'}\n`;
}

/** Whether tmux is installed: the terminal tests skip without it (CI installs it). */
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** A command running in a tmux pane: read the screen, wait for text on it, type keys. */
export interface TmuxSession {
  /** The visible screen, one row per line. */
  screen(): string;
  /** The screen with rows tmux wrapped joined back, so a line wider than the window shows as one long line. */
  joined(): string;
  /** Poll the screen (joined when the session was started with `joinWrapped`) until it matches; throws with the last screen after `ms`. */
  waitFor(re: RegExp, ms?: number): Promise<string>;
  /** tmux send-keys: key names (`Enter`, `C-c`) or `-l` and literal text. */
  keys(...k: string[]): string;
  /** Whether the terminal cursor is shown. */
  cursorVisible(): boolean;
  /** The process id of prep in the pane (the pane's shell's child). */
  prepPid(): number;
  /** Copy everything written to the pane, escape sequences included, into `file` from now on. */
  record(file: string): void;
}

let tmuxServers: string[] = [];
/** Quote a string for sh. */
export const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Run the real bin/prep with `args` in a pseudo-terminal: its own tmux server, temp HOME / XDG folders, NO_COLOR,
 * `cwd` (default the repository). The pane prints `EXIT:<code>` when prep ends. Call killTmuxServers() afterwards.
 */
export function startTmux(args: string[], opts: { cwd?: string; width?: number; height?: number; env?: Record<string, string>; joinWrapped?: boolean } = {}): TmuxSession {
  const { cwd = ROOT, width = 80, height = 30 } = opts;
  const home = tempDir('prep-tmux-home-');
  const socket = `prep-e2e-${process.pid}-${tmuxServers.length}-${Date.now() % 100000}`;
  tmuxServers.push(socket);
  const env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1', PATH: process.env.PATH ?? '', ...opts.env };
  const envText = Object.entries(env).map(([k, v]) => `${k}=${shq(v)}`).join(' ');
  const cmd = `cd ${shq(cwd)} && env -i TERM=xterm-256color ${envText} ${shq(process.execPath)} ${shq(join(ROOT, 'bin', 'prep'))} ${args.map(shq).join(' ')}; echo "EXIT:$?"; sleep 300`;
  const tmux = (...a: string[]) => execFileSync('tmux', ['-L', socket, ...a], { encoding: 'utf8' });
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'prep', '-x', String(width), '-y', String(height), cmd);
  const screen = () => tmux('capture-pane', '-p', '-t', 'prep');
  const joined = () => tmux('capture-pane', '-p', '-J', '-t', 'prep');
  const read = opts.joinWrapped ? joined : screen;
  const waitFor = async (re: RegExp, ms = 15_000): Promise<string> => {
    const end = Date.now() + ms;
    let last = '';
    while (Date.now() < end) {
      last = read();
      if (re.test(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${re}; screen:\n${last}`);
  };
  return {
    screen,
    joined,
    waitFor,
    keys: (...k: string[]) => tmux('send-keys', '-t', 'prep', ...k),
    cursorVisible: () => tmux('display-message', '-p', '-t', 'prep', '#{cursor_flag}').trim() === '1',
    prepPid: () => {
      const shell = tmux('display-message', '-p', '-t', 'prep', '#{pane_pid}').trim();
      return Number(readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/)[0]);
    },
    record: (file) => void tmux('pipe-pane', '-o', '-t', 'prep', `cat >> ${shq(file)}`),
  };
}

/** Stop every tmux server startTmux started (use in afterEach). */
export function killTmuxServers(): void {
  for (const s of tmuxServers) spawnSync('tmux', ['-L', s, 'kill-server']);
  tmuxServers = [];
}
