/** `prep quiz` and the terminal's signals and kinds: Ctrl-Z and fg, SIGTERM, TERM=dumb (tmux runs the real bin/prep). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, killTmuxServers, ROOT, shq, startTmux, tempDir } from '../helpers.js';
import { execFileSync, spawnSync } from 'node:child_process';

afterEach(killTmuxServers);

const historyLines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

describe.skipIf(!hasTmux)('prep quiz and signals (tmux)', () => {
  it('Ctrl-Z at the grade prompt stops prep; after fg the prompt still holds its default and the session goes on', async () => {
    const history = join(tempDir(), 'history.jsonl');
    // Ctrl-Z needs a shell with job control (a stop signal to an orphaned process group is discarded).
    const home = tempDir('prep-tmux-home-');
    const socket = `prep-e2e-jobs-${process.pid}`;
    const tmux = (...a: string[]) => execFileSync('tmux', ['-L', socket, ...a], { encoding: 'utf8' });
    try {
      tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'jobs', '-x', '80', '-y', '30', `env -i HOME=${shq(home)} XDG_CACHE_HOME=${shq(join(home, 'cache'))} XDG_DATA_HOME=${shq(join(home, 'data'))} NO_COLOR=1 TERM=xterm-256color PATH=${shq(process.env.PATH ?? '')} PS1='$ ' bash --norc --noprofile -i`);
      const screen = () => tmux('capture-pane', '-p', '-t', 'jobs');
      const waitFor = async (re: RegExp) => {
        for (let i = 0; i < 300; i++) {
          if (re.test(screen())) return;
          await new Promise((r) => setTimeout(r, 50));
        }
        throw new Error(`timed out waiting for ${re}; screen:\n${screen()}`);
      };
      const prep = [process.execPath, join(ROOT, 'bin', 'prep'), 'quiz', '--stories', join(ROOT, 'stories'), '--history', history, '--count', '2', '--seed', '7'].map(shq).join(' ');
      tmux('send-keys', '-t', 'jobs', `${prep}; echo EXIT:$?`, 'Enter');
      // Keys in the first moments are typeahead: answer once the timer has ticked.
      await waitFor(/0:0[1-9] \/ 2:00/);
      tmux('send-keys', '-t', 'jobs', 'Enter');
      // The key-point checklist: tick every point ('a'), so the suggested grade, the prompt's default, is Easy.
      await waitFor(/Which key points did you say\?/);
      tmux('send-keys', '-t', 'jobs', 'a');
      await new Promise((r) => setTimeout(r, 200));
      tmux('send-keys', '-t', 'jobs', 'Enter');
      await waitFor(/How did it go\?/);
      tmux('send-keys', '-t', 'jobs', 'C-z');
      await waitFor(/Stopped/);
      tmux('send-keys', '-t', 'jobs', 'fg', 'Enter');
      await new Promise((r) => setTimeout(r, 500));
      tmux('send-keys', '-t', 'jobs', 'Enter');
      await waitFor(/Question 2\/2/);
      expect(historyLines(history).map((l) => JSON.parse(l).grade)).toEqual(['easy']);
    } finally {
      spawnSync('tmux', ['-L', socket, 'kill-server']);
    }
  });

  it('SIGTERM during the timer restores the cursor and ends prep with the signal (143)', async () => {
    const q = startTmux(['quiz', '--stories', 'stories', '--history', join(tempDir(), 'h.jsonl'), '--count', '1']);
    await q.waitFor(/\d:\d\d \/ 2:00/);
    expect(q.cursorVisible()).toBe(false);
    process.kill(q.prepPid(), 'SIGTERM');
    await q.waitFor(/EXIT:143/);
    expect(q.cursorVisible()).toBe(true);
  });

  it('TERM=dumb gets no escape sequence at all: the timer redraws with a carriage return, grades are typed', async () => {
    const history = join(tempDir(), 'history.jsonl');
    const raw = join(tempDir(), 'pane.raw');
    const q = startTmux(['quiz', '--stories', 'stories', '--history', history, '--count', '1', '--seed', '7'], { env: { TERM: 'dumb' } });
    q.record(raw);
    await q.waitFor(/\d:\d\d \/ 2:00/);
    await q.waitFor(/0:0[2-9] \/ 2:00/);
    q.keys('Enter');
    await q.waitFor(/How did it go\? \[1-4, Enter for 3\]/);
    q.keys('2', 'Enter');
    await q.waitFor(/EXIT:0/);
    expect(historyLines(history).map((l) => JSON.parse(l).grade)).toEqual(['hard']);
    const bytes = readFileSync(raw, 'latin1');
    expect(bytes).toMatch(/\r0:0\d \/ 2:00/);
    expect(bytes).not.toContain('\x1b');
  });
});
