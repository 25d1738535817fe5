/**
 * `prep new` in a real terminal (tmux): the title prompt, the competency checkbox, the editor, the check. Runs the
 * compiled bin/prep in temp HOME / XDG folders with a fake editor script.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, killTmuxServers, shq, startTmux, tempDir, writeTree } from '../helpers.js';

afterEach(killTmuxServers);

/** `prep new` in a tmux pane, in `cwd`, with EDITOR set. */
function startNew(cwd: string, editor: string, args: string[] = []) {
  return startTmux(['new', ...args], { cwd, width: 100, height: 30, env: { EDITOR: editor }, joinWrapped: true });
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
    // The fake editor only appends a line, so the check still finds the template's example text.
    expect(done).toMatch(/stories\/calming-a-heated-design-review\.md:\d+:1 {2}warning {2}.*template-text/);
    expect(done).toMatch(/stories\/calming-a-heated-design-review\.md: 1 story, 0 errors, 1 warning/);
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
