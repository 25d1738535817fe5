/** bin/prep on hostile input: escape sequences in notes and arguments, devices, damaged caches, empty paths. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPrep, starStory, tempDir, writeTree } from '../helpers.js';

const ESC = '\x1b';
const EVIL = `${ESC}[2J${ESC}]52;c;aGk=\x07${ESC}]8;;http://x${ESC}\\link${ESC}]8;;${ESC}\\${ESC}]0;title\x07`;

describe('bin/prep on hostile input', () => {
  it('writes no escape sequence from notes or arguments, colour on or off; only its own colours', () => {
    const dir = writeTree(tempDir(), { 'notes/a.md': starStory(`Cutting the cloud bill ${EVIL}`, { action: `I moved storage ${EVIL} to a cheaper tier.` }) });
    for (const env of [{}, { NO_COLOR: '', FORCE_COLOR: '1' }]) {
      for (const args of [['list'], ['show', 'cloud'], ['find', 'cloud', 'storage', '--explain'], ['show', `nothing${EVIL}`], [`--bad${EVIL}`]]) {
        const r = runPrep([...args, '--stories', 'notes'], { cwd: dir, env });
        const out = r.stdout + r.stderr;
        expect(out.replace(/\x1b\[(?:[012347]|9|2[2-479]|3[0-79]|4[0-79]|9[0-7]|10[0-7])m/g, '')).not.toContain(ESC);
        expect(out).not.toContain('\x07');
      }
    }
    expect(runPrep(['show', 'cloud', '--stories', 'notes'], { cwd: dir }).stdout).toContain('␛]52;c;aGk=␇');
  });

  it('refuses /dev/zero and an empty --stories with exit 2 and one line, and never hangs', () => {
    const zero = runPrep(['list', '--stories', '/dev/zero']);
    expect([zero.code, zero.stderr]).toEqual([2, expect.stringMatching(/skipped: not a regular file[\s\S]*prep: no stories found in \/dev\/zero/)]);
    const empty = runPrep(['list', '--stories', '']);
    expect([empty.code, empty.stderr.split('\n')[0]]).toEqual([2, 'prep: --stories needs a file or folder, not ""']);
  });

  it('rebuilds every cache file after damage, with the same output', () => {
    const dir = writeTree(tempDir(), { 'notes/a.md': starStory('Cutting the cloud bill') });
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    const first = runPrep(['find', 'cloud', '--stories', 'notes'], { cwd: dir, env });
    const v1 = join(dir, 'cache', 'prep', 'v1');
    const files = readdirSync(v1).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) writeFileSync(join(v1, f), 'prep-cache x\n{"title": null}');
    const again = runPrep(['find', 'cloud', '--stories', 'notes'], { cwd: dir, env });
    expect([again.code, again.stdout]).toEqual([0, first.stdout]);
  });
});
