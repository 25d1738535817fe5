/**
 * `prep quiz` in a real pseudo-terminal: tmux runs the compiled bin/prep, send-keys types, capture-pane reads the
 * screen. Everything runs in temp HOME / XDG folders with --history in a temp dir, on the bundled samples.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('tests/e2e/quiz-tmux.test.ts: SKIPPED, tmux is not installed (CI installs it)');

const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
let servers: string[] = [];

/** A prep quiz running in its own tmux server, with helpers to type and to read the screen. */
function startQuiz(args: string[], { width = 80, height = 30 } = {}) {
  const home = tempDir('prep-tmux-home-');
  const socket = `prep-e2e-${process.pid}-${servers.length}-${Date.now() % 100000}`;
  servers.push(socket);
  const env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1', PATH: process.env.PATH ?? '' };
  const envText = Object.entries(env).map(([k, v]) => `${k}=${shq(v)}`).join(' ');
  const cmd = `cd ${shq(ROOT)} && env -i ${envText} TERM=xterm-256color ${shq(process.execPath)} bin/prep ${args.map(shq).join(' ')}; echo "EXIT:$?"; sleep 300`;
  const tmux = (...a: string[]) => execFileSync('tmux', ['-L', socket, ...a], { encoding: 'utf8' });
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'quiz', '-x', String(width), '-y', String(height), cmd);
  const screen = () => tmux('capture-pane', '-p', '-t', 'quiz');
  /** The screen with rows tmux wrapped joined back, so a line wider than the window shows as one long line. */
  const joined = () => tmux('capture-pane', '-p', '-J', '-t', 'quiz');
  const waitFor = async (re: RegExp, ms = 15_000): Promise<string> => {
    const end = Date.now() + ms;
    let last = '';
    while (Date.now() < end) {
      last = screen();
      if (re.test(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${re}; screen:\n${last}`);
  };
  return {
    screen,
    joined,
    waitFor,
    keys: (...k: string[]) => tmux('send-keys', '-t', 'quiz', ...k),
    cursorVisible: () => tmux('display-message', '-p', '-t', 'quiz', '#{cursor_flag}').trim() === '1',
  };
}

afterEach(() => {
  for (const s of servers) spawnSync('tmux', ['-L', s, 'kill-server']);
  servers = [];
});

const historyLines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

describe.skipIf(!hasTmux)('prep quiz in a terminal (tmux)', () => {
  it('shows a question and a running timer; Enter reveals the story, Enter grades it and writes exactly one line', async () => {
    const history = join(tempDir(), 'history.jsonl');
    const q = startQuiz(['quiz', '--stories', 'stories', '--history', history, '--count', '1', '--seed', '7']);
    const first = await q.waitFor(/Question 1\/1 · 0 due · \d+ new[\s\S]*\d:\d\d \/ 2:00/);
    const timer = /(\d:\d\d) \/ 2:00/.exec(first)![1];
    expect(q.cursorVisible()).toBe(false);
    const later = await q.waitFor(new RegExp(`(?!${timer})\\d:\\d\\d / 2:00`), 5000);
    expect(/(\d:\d\d) \/ 2:00/.exec(later)![1]).not.toBe(timer);
    q.keys('Enter');
    const reveal = await q.waitFor(/How did it go\?/);
    expect(reveal).toMatch(/⏱ \d:\d\d of 2:00/);
    expect(reveal).toMatch(/^S /m);
    expect(reveal).toMatch(/Good\s+next in \d+ days/);
    expect(historyLines(history)).toHaveLength(0);
    q.keys('Enter');
    const done = await q.waitFor(/EXIT:0/);
    expect(done).toMatch(/Session done: 1 answered/);
    const lines = historyLines(history);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ v: 1, mode: 'tell', grade: 'good', target: 120, cram: false });
    expect(q.cursorVisible()).toBe(true);
  });

  it('Ctrl-C during a round exits 130, restores the cursor, leaves no timer line and no new history line', async () => {
    const history = join(tempDir(), 'history.jsonl');
    const earlier = '{"v":1,"at":"2026-01-01T10:00:00.000Z","story":"strengths","question":null,"mode":"log","seconds":null,"target":120,"grade":"good","cram":false}\n';
    writeFileSync(history, earlier);
    const q = startQuiz(['quiz', '--stories', 'stories', '--history', history, '--count', '3'], { width: 50 });
    await q.waitFor(/\d:\d\d \/ 2:00/);
    q.keys('C-c');
    const end = await q.waitFor(/EXIT:130/);
    expect(end).not.toMatch(/\d:\d\d \/ 2:00/);
    expect(end).toContain('Stopped; the unfinished round was not recorded.');
    expect(end).not.toMatch(/\n\s+at /);
    expect(q.cursorVisible()).toBe(true);
    expect(readFileSync(history, 'utf8')).toBe(earlier);
  });

  it('fits a 50-column window: no line of the round runs past the edge', async () => {
    const history = join(tempDir(), 'history.jsonl');
    const q = startQuiz(['quiz', '--stories', 'stories', '--history', history, '--count', '1', '--tag', 'migrations'], { width: 50 });
    await q.waitFor(/\d:\d\d \/ 2:00/);
    await new Promise((r) => setTimeout(r, 1200));
    q.keys('Enter');
    const screen = await q.waitFor(/How did it go\?/);
    for (const line of q.joined().split('\n')) expect(line.length, line).toBeLessThanOrEqual(50);
    expect(screen).toMatch(/^S [^\n]+\n {2}\S/m);
    q.keys('C-c');
    await q.waitFor(/EXIT:130/);
  });
});
