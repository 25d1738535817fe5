/**
 * `prep new` in a real terminal (tmux): the title prompt, the competency checkbox, the editor, the check. Runs the
 * compiled bin/prep in temp HOME / XDG folders with a fake editor script.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, tempDir, writeTree } from '../helpers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const shq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
let servers: string[] = [];

afterEach(() => {
  for (const s of servers) spawnSync('tmux', ['-L', s, 'kill-server']);
  servers = [];
});

/** `prep new` in a tmux pane, in `cwd`, with EDITOR set; helpers to type and to wait for the screen. */
function startNew(cwd: string, editor: string, args: string[] = []) {
  const home = tempDir('prep-tmux-home-');
  const socket = `prep-new-${process.pid}-${servers.length}-${Date.now() % 100000}`;
  servers.push(socket);
  const env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1', PATH: process.env.PATH ?? '', EDITOR: editor };
  const envText = Object.entries(env).map(([k, v]) => `${k}=${shq(v)}`).join(' ');
  const cmd = `cd ${shq(cwd)} && env -i ${envText} TERM=xterm-256color ${shq(process.execPath)} ${shq(join(ROOT, 'bin', 'prep'))} new ${args.map(shq).join(' ')}; echo "EXIT:$?"; sleep 300`;
  const tmux = (...a: string[]) => execFileSync('tmux', ['-L', socket, ...a], { encoding: 'utf8' });
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'new', '-x', '100', '-y', '30', cmd);
  const screen = () => tmux('capture-pane', '-p', '-J', '-t', 'new');
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
  return { waitFor, keys: (...k: string[]) => tmux('send-keys', '-t', 'new', ...k) };
}

function fakeEditor(dir: string): { path: string; log: string } {
  const path = join(dir, 'editor.sh');
  const log = join(dir, 'editor.log');
  writeFileSync(path, `#!/bin/sh\necho "$1" >> ${shq(log)}\nprintf '%s\\n' '- **Notes**: typed in the editor' >> "$1"\n`);
  chmodSync(path, 0o755);
  return { path, log };
}

describe.skipIf(!hasTmux)('prep new in a terminal (tmux)', () => {
  it('asks for the title and competencies, writes the story, opens the editor, then checks it', async () => {
    const dir = writeTree(tempDir(), { 'stories/.keep': '' });
    const ed = fakeEditor(dir);
    const t = startNew(dir, ed.path);
    await t.waitFor(/Story title/);
    t.keys('-l', 'Calming a heated design review');
    t.keys('Enter');
    await t.waitFor(/Competencies \(space to pick/);
    t.keys('Space', 'Down', 'Space', 'Enter');
    const done = await t.waitFor(/EXIT:\d+/);
    expect(done).toMatch(/wrote stories\/calming-a-heated-design-review\.md/);
    expect(done).toMatch(/✓ stories\/calming-a-heated-design-review\.md: 1 story, no findings/);
    expect(done).toMatch(/EXIT:0/);
    const file = join(dir, 'stories', 'calming-a-heated-design-review.md');
    expect(readFileSync(ed.log, 'utf8').trim()).toBe(file);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^competencies: \[conflict, failure\]$/m);
    expect(text).toMatch(/^# Calming a heated design review$/m);
    expect(text).toMatch(/typed in the editor\n$/);
  });

  it('Ctrl-C at the title prompt exits 130 and writes nothing', async () => {
    const dir = writeTree(tempDir(), { 'stories/.keep': '' });
    const t = startNew(dir, fakeEditor(dir).path);
    await t.waitFor(/Story title/);
    t.keys('C-c');
    await t.waitFor(/EXIT:130/);
    expect(readdirSync(join(dir, 'stories'))).toEqual(['.keep']);
    expect(existsSync(join(dir, 'editor.log'))).toBe(false);
  });
});
