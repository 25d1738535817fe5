import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStories } from '../../src/load/read-stories.js';
import { checksum, parseCacheFile, pruneCache, readJsonCache, writeJsonCache } from '../../src/load/cache.js';
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
    const source = join(dir, 'notes');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(parseCacheFile(cacheDir, source), '{"version": "x", "entr');
    const notes: string[] = [];
    const r = await loadStories([source], { cwd: dir, cacheDir, debug: (m) => notes.push(m) });
    expect(r.stories[0]!.title).toBe('First title');
    expect(notes.join(' ')).toMatch(/another version/);
    expect(readJsonCache(parseCacheFile(cacheDir, source), (v): v is unknown => true)).toMatchObject({ source });
  });

  it('ignores a cache written by another version', () => {
    const { cacheDir } = setup();
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'x.json'), `prep-cache 0.0.0-other ${checksum('{}')}\n{}`);
    const notes: string[] = [];
    expect(readJsonCache(join(cacheDir, 'x.json'), (v): v is unknown => true, (m) => notes.push(m))).toBeNull();
    expect(notes.join(' ')).toMatch(/another version/);
  });

  it('rebuilds a cache that is valid JSON with a good checksum but wrong inside (a title null)', async () => {
    const { dir, cacheDir } = setup();
    const source = join(dir, 'notes');
    await loadStories([source], { cwd: dir, cacheDir });
    const file = parseCacheFile(cacheDir, source);
    const data = readJsonCache(file, (v): v is { source: string; entries: [string, { result: { stories: { title: unknown }[] } }][] } => true)!;
    data.entries[0]![1].result.stories[0]!.title = null;
    writeJsonCache(file, data);
    const notes: string[] = [];
    const r = await loadStories([source], { cwd: dir, cacheDir, debug: (m) => notes.push(m) });
    expect(r.stories.map((s) => s.title)).toEqual(['First title']);
    expect(notes.join(' ')).toMatch(/unexpected contents/);
  });

  it('never crashes on 150 seeded random 1-3 byte changes to a cache file, and serves the right stories', async () => {
    const { dir, cacheDir } = setup();
    const source = join(dir, 'notes');
    await loadStories([source], { cwd: dir, cacheDir });
    const file = parseCacheFile(cacheDir, source);
    const good = readFileSync(file);
    let seed = 13;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    for (let run = 0; run < 150; run++) {
      const bad = Buffer.from(good);
      for (let k = 0, n = 1 + rand(3); k < n; k++) bad[rand(bad.length)] = rand(256);
      writeFileSync(file, bad);
      const r = await loadStories([source], { cwd: dir, cacheDir });
      expect(r.stories.map((s) => s.title)).toEqual(['First title']);
    }
  });

  it('does not block on a FIFO in place of a cache file', async () => {
    const { dir, cacheDir } = setup();
    const source = join(dir, 'notes');
    mkdirSync(cacheDir, { recursive: true });
    execFileSync('mkfifo', [parseCacheFile(cacheDir, source)]);
    const notes: string[] = [];
    const r = await loadStories([source], { cwd: dir, cacheDir, debug: (m) => notes.push(m) });
    expect(r.stories).toHaveLength(1);
    expect(notes.join(' ')).toMatch(/not a regular file/);
  });

  it('replaces a symlink planted at a cache path and leaves the file it pointed to alone', async () => {
    const { dir, cacheDir } = setup();
    const source = join(dir, 'notes');
    mkdirSync(cacheDir, { recursive: true });
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, parseCacheFile(cacheDir, source));
    await loadStories([source], { cwd: dir, cacheDir });
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(parseCacheFile(cacheDir, source)).isSymbolicLink()).toBe(false);
  });

  it('neither writes nor prunes through a cache folder that is a symbolic link', async () => {
    const { dir } = setup();
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    for (let i = 0; i < 12; i++) writeFileSync(join(elsewhere, `parsed-${i}.json`), 'not prep\'s');
    symlinkSync(elsewhere, join(dir, 'cache'));
    await loadStories([join(dir, 'notes')], { cwd: dir, cacheDir: join(dir, 'cache') });
    expect(readdirSync(elsewhere)).toHaveLength(12);
  });

  it('creates its folders readable by the user alone, and its files too', async () => {
    const { dir } = setup();
    const cacheDir = join(dir, 'cache', 'v1');
    await loadStories([join(dir, 'notes')], { cwd: dir, cacheDir });
    expect([lstatSync(join(dir, 'cache')).mode & 0o777, lstatSync(cacheDir).mode & 0o777]).toEqual([0o700, 0o700]);
    expect(lstatSync(parseCacheFile(cacheDir, join(dir, 'notes'))).mode & 0o777).toBe(0o600);
  });

  it('keeps one cache file per source, drops files that are gone, and leaves other sources alone', async () => {
    const dir = writeTree(tempDir(), { 'a/one.md': starStory('One'), 'a/two.md': starStory('Two'), 'b/three.md': starStory('Three') });
    const cacheDir = join(dir, 'cache');
    await loadStories([join(dir, 'a')], { cwd: dir, cacheDir });
    await loadStories([join(dir, 'b')], { cwd: dir, cacheDir });
    const bFile = parseCacheFile(cacheDir, join(dir, 'b'));
    const bBefore = readFileSync(bFile, 'utf8');
    rmSync(join(dir, 'a', 'two.md'));
    await loadStories([join(dir, 'a')], { cwd: dir, cacheDir });
    const a = readJsonCache(parseCacheFile(cacheDir, join(dir, 'a')), (v): v is { entries: [string, unknown][] } => true)!;
    expect(a.entries.map(([p]) => p)).toEqual([join(dir, 'a', 'one.md')]);
    expect(readFileSync(bFile, 'utf8')).toBe(bBefore);
  });

  it('drops the old single cache of every file ever parsed', async () => {
    const { dir, cacheDir } = setup();
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'parsed.json'), '{"version":"0.1.0","entries":{}}');
    await loadStories([join(dir, 'notes')], { cwd: dir, cacheDir });
    expect(existsSync(join(cacheDir, 'parsed.json'))).toBe(false);
  });

  it('does not write a cache over its size limit', () => {
    const dir = tempDir();
    const notes: string[] = [];
    writeJsonCache(join(dir, 'big.json'), { text: 'x'.repeat(2000) }, (m) => notes.push(m), 1000);
    expect(existsSync(join(dir, 'big.json'))).toBe(false);
    expect(notes.join(' ')).toMatch(/over the cache limit/);
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

  it('rebuilds an index that is valid JSON with a good checksum but wrong inside', async () => {
    const { dir } = setup();
    const ctx = { ...testContext(dir), env: {} };
    const loaded = await loadStories([join(dir, 'notes')], { cwd: dir, cacheDir: null });
    const a = await loadIndex(ctx, loaded);
    const file = join(ctx.folders.cache, 'v1', readdirSync(join(ctx.folders.cache, 'v1')).find((f) => f.startsWith('index-'))!);
    const data = readJsonCache(file, (v): v is { index: { docs: { id: unknown }[] } } => true)!;
    data.index.docs[0]!.id = null;
    writeJsonCache(file, data);
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
    writeFileSync(join(dir, 'parsed-1.json'), '{}');
    pruneCache(dir, 'index-', 2);
    expect(readdirSync(dir).sort()).toEqual(['index-3.json', 'index-4.json', 'parsed-1.json']);
  });
});
