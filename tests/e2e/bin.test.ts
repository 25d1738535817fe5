import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runPrep, tempDir, writeTree, starStory } from '../helpers.js';

describe('bin/prep end to end', () => {
  it('prints its version', () => {
    const r = runPrep(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('lists the bundled samples from a folder without stories, saying so on stderr', () => {
    const r = runPrep(['list'], { cwd: tempDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ stories, \d+ notes/);
    expect(r.stderr).toMatch(/sample stories/);
  });

  it('answers a misspelt command with one line, a suggestion and exit 2', () => {
    const r = runPrep(['lsit']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("prep: unknown command 'lsit'");
    expect(r.stderr).toMatch(/Did you mean list\?/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('treats `prep help` with an unknown command as a usage error, and helps with a known one', () => {
    const bad = runPrep(['help', 'quix']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n').slice(0, 2)).toEqual(['prep: unknown command "quix"', 'did you mean "quiz"?']);
    expect(bad.stdout).toBe('');
    const good = runPrep(['help', 'quiz']);
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^Usage: prep quiz/);
    // Example dates are ahead of today, never a fixed day that has passed.
    const until = /--until (\d{4}-\d{2}-\d{2})/.exec(good.stdout)![1]!;
    expect(new Date(`${until}T23:59:59`).getTime()).toBeGreaterThan(Date.now());
    expect(runPrep(['help', 'config', 'set']).stdout).toMatch(/^Usage: prep config set/);
  });

  it('does not cut piped list and stats output to 80 columns', () => {
    const title = 'Untangling the release process across four data centres without stopping a single weekly release';
    const dir = writeTree(tempDir(), { 'deep/folder/with/a/long/name/stories.md': starStory(title) });
    const list = runPrep(['list', '--stories', 'deep'], { cwd: dir });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(title);
    expect(list.stdout).not.toContain('…');
    const history = join(dir, 'h.jsonl');
    expect(runPrep(['log', 'untangling', '--grade', 'good', '--stories', 'deep', '--history', history], { cwd: dir }).code).toBe(0);
    const stats = runPrep(['stats', '--stories', 'deep', '--history', history], { cwd: dir });
    expect(stats.stdout).toContain(title);
  });

  it('takes several paths after one --stories, and one per flag where a question follows', () => {
    const dir = writeTree(tempDir(), { 'one.txt': starStory('First story'), 'two.txt': starStory('Second story'), 'three.md': starStory('Third story') });
    const list = runPrep(['list', '--stories', 'one.txt', 'two.txt', '--stories', 'three.md'], { cwd: dir });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/3 stories, 0 notes/);
    const find = runPrep(['find', '--stories', 'one.txt', 'nightly', 'job'], { cwd: dir });
    expect(find.code, find.stderr).toBe(0);
    expect(find.stdout).toContain('First story');
  });

  it('finds a story for a question through the real binary, twice (cold then cached)', () => {
    const dir = writeTree(tempDir(), { 'notes/x.md': starStory('Arguing about the API design', { situation: 'My lead and I disagreed on versioning.' }) + '\n' + starStory('Saving on storage') });
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    for (let i = 0; i < 2; i++) {
      const r = runPrep(['find', 'conflict with my manager', '--stories', 'notes', '--json'], { cwd: dir, env });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)[0].id).toBe('arguing-about-the-api-design');
    }
  });

  it('shows no stack trace for bad input, and one with PREP_DEBUG=1', () => {
    const dir = writeTree(tempDir(), { 'bad.md': '---\ntitle: [oops\n---\n' + starStory('Ok') });
    const r = runPrep(['check', '--stories', 'bad.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.md:\d+:1\s+error\s+front matter did not parse/);
    const missing = runPrep(['show', 'x', '--stories', 'missing-folder'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe(`prep: no stories at "${join(dir, 'missing-folder')}"`);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const debug = runPrep(['show', 'x', '--stories', 'missing-folder'], { cwd: dir, env: { PREP_DEBUG: '1' } });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('honours NO_COLOR and --no-color', () => {
    const withColor = runPrep(['list', '--stories', 'stories'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(withColor.stdout).toMatch(/\u001b\[/);
    const off = runPrep(['list', '--stories', 'stories', '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(off.stdout).not.toMatch(/\u001b\[/);
  });
});
