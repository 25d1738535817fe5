import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStories } from '../../src/load/read-stories.js';
import { pruneCache, readJsonCache } from '../../src/load/cache.js';
import { loadIndex } from '../../src/cli/search-context.js';
import { starStory, tempDir, testContext, writeTree } from '../helpers.js';

function setup() {
  const dir = writeTree(tempDir(), { 'notes/a.md': starStory('First title') });
  return { dir, file: join(dir, 'notes', 'a.md'), cacheDir: join(dir, 'cache') };
}

describe('parse cache', () => {
  it('serves an unchanged file from the cache and re-reads it when its size or time changes', async () => {
    const { dir, file, cacheDir } = setup();
    // A whole-second time, so setting it again gives exactly the same stat.
    const when = new Date(1_700_000_000_000);
    utimesSync(file, when, when);
    const first = await loadStories([join(dir, 'notes')], { cwd: dir, cacheDir });
    expect(first.stories[0]!.title).toBe('First title');
    // Same size and time, other text: only a cache hit can still say "First title".
    writeFileSync(file, starStory('Other title'));
    utimesSync(file, when, when);
    expect(statSync(file).mtimeMs).toBe(when.getTime());
    expect((await loadStories([join(dir, 'notes')], { cwd: dir, cacheDir })).stories[0]!.title).toBe('First title');
    utimesSync(file, when, new Date(when.getTime() + 5000));
    expect((await loadStories([join(dir, 'notes')], { cwd: dir, cacheDir })).stories[0]!.title).toBe('Other title');
  });

  it('ignores a corrupt cache file with a debug note and rebuilds it', async () => {
    const { dir, cacheDir } = setup();
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'parsed.json'), '{"version": "x", "entr');
    const notes: string[] = [];
    const r = await loadStories([join(dir, 'notes')], { cwd: dir, cacheDir, debug: (m) => notes.push(m) });
    expect(r.stories[0]!.title).toBe('First title');
    expect(notes.join(' ')).toMatch(/corrupt/);
    expect(JSON.parse(readFileSync(join(cacheDir, 'parsed.json'), 'utf8')).entries).toBeTruthy();
  });

  it('ignores a cache written by another version', () => {
    const { cacheDir } = setup();
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'parsed.json'), JSON.stringify({ version: '0.0.0-other', entries: {} }));
    const notes: string[] = [];
    expect(readJsonCache(join(cacheDir, 'parsed.json'), (m) => notes.push(m))).toBeNull();
    expect(notes.join(' ')).toMatch(/another version/);
  });

  it('works when the cache folder cannot be created (a file stands in its way)', async () => {
    const { dir } = setup();
    writeFileSync(join(dir, 'blocker'), 'x');
    const notes: string[] = [];
    const r = await loadStories([join(dir, 'notes')], { cwd: dir, cacheDir: join(dir, 'blocker', 'cache'), debug: (m) => notes.push(m) });
    expect(r.stories).toHaveLength(1);
    expect(notes.join(' ')).toMatch(/not written/);
  });
});

describe('index cache', () => {
  it('returns the same index from the cache, and rebuilds a corrupt one', async () => {
    const { dir } = setup();
    const ctx = { ...testContext(dir), env: {} };
    const loaded = await loadStories([join(dir, 'notes')], { cwd: dir, cacheDir: null });
    const a = await loadIndex(ctx, loaded);
    const files = readdirSync(join(ctx.folders.cache, 'v1')).filter((f) => f.startsWith('index-'));
    expect(files).toHaveLength(1);
    const b = await loadIndex(ctx, loaded);
    expect(b).toEqual(a);
    writeFileSync(join(ctx.folders.cache, 'v1', files[0]!), 'not json');
    expect(await loadIndex(ctx, loaded)).toEqual(a);
  });
});

describe('pruneCache', () => {
  it('keeps the newest files of a family and leaves others alone', () => {
    const dir = tempDir();
    for (let i = 0; i < 5; i++) {
      const f = join(dir, `index-${i}.json`);
      writeFileSync(f, '{}');
      utimesSync(f, new Date(1000 * i), new Date(1_000_000 + 1000 * i));
    }
    writeFileSync(join(dir, 'parsed.json'), '{}');
    pruneCache(dir, 'index-', 2);
    expect(readdirSync(dir).sort()).toEqual(['index-3.json', 'index-4.json', 'parsed.json']);
  });
});
