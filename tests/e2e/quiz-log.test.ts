/** The history through the real binary: many `prep log` processes at once, `prep stats`, and `prep quiz` without a terminal. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runPrep, starStory, tempDir, writeTree } from '../helpers.js';

function prepAsync(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'prep'), ...args], { cwd: ROOT, env: { PATH: process.env.PATH, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('history through bin/prep', () => {
  it('keeps every line when 20 `prep log` processes append at once', async () => {
    const home = tempDir('prep-home-');
    const history = join(tempDir(), 'history.jsonl');
    const env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config') };
    const grades = ['again', 'hard', 'good', 'easy'];
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => prepAsync(['log', 'strengths', '--grade', grades[i % 4]!, '--seconds', String(60 + i), '--question', `mock interview ${i}`, '--stories', 'stories', '--history', history], env)),
    );
    expect(runs.map((r) => r.code)).toEqual(Array(20).fill(0));
    const lines = readFileSync(history, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(20);
    const reviews = lines.map((l) => JSON.parse(l));
    expect(reviews.map((r) => r.seconds).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 60 + i));
    expect(new Set(reviews.map((r) => r.question)).size).toBe(20);

    const stats = runPrep(['stats', '--json', '--stories', 'stories', '--history', history]);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout).stories.find((s: { id: string }) => s.id === 'strengths').reviews).toBe(20);
    const csv = runPrep(['stats', '--csv', '--stories', 'stories', '--history', history]);
    expect(csv.stdout.split('\r\n').filter(Boolean)).toHaveLength(21);
  });

  it('exits 2 at once when quiz has no terminal, with one line pointing at prep log', () => {
    const history = join(tempDir(), 'history.jsonl');
    const started = Date.now();
    const r = runPrep(['quiz', '--stories', 'stories', '--history', history]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^prep: quiz needs an interactive terminal; .*`prep log STORY --grade good`/);
  });

  it('rejects a bad --grade with exit 2 and no stack trace', () => {
    const r = runPrep(['log', 'strengths', '--grade', 'great', '--stories', 'stories', '--history', join(tempDir(), 'h.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('prep: unknown grade "great"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses --history pointing at a story file: exit 2, one line and a hint, the notes untouched', () => {
    const dir = writeTree(tempDir(), { 'stories/x.md': starStory('The outage I caused') });
    const before = readFileSync(join(dir, 'stories/x.md'), 'utf8');
    const r = runPrep(['log', 'outage', '--grade', 'good', '--stories', 'stories', '--history', 'stories/x.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['prep: refusing to use --history "stories/x.md" as the review history: it is one of your story files', expect.stringMatching(/--history at a \.jsonl file/)]);
    expect(readFileSync(join(dir, 'stories/x.md'), 'utf8')).toBe(before);
  });
});
