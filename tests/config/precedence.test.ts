import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { bundledStoriesDir, resolveSources } from '../../src/load/sources.js';
import { configFile, readConfig, writeConfigFile } from '../../src/config/config-file.js';
import { runPrep, starStory, tempDir, writeTree } from '../helpers.js';

/** A folder with one story per source, each titled after where it is, and a config folder. */
function world() {
  const dir = writeTree(tempDir(), {
    'flag/a.md': starStory('From the flag'),
    'env/a.md': starStory('From the environment'),
    'configured/a.md': starStory('From the config file'),
    'work/stories/a.md': starStory('From dot stories'),
  });
  return { dir, folders: { config: join(dir, 'xdg-config', 'prep') } };
}

type Case = { name: string; flag: boolean; env: boolean; config: boolean; cwdStories: boolean; origin: string; title: string | null };

const CASES: Case[] = [
  { name: 'a flag wins over everything', flag: true, env: true, config: true, cwdStories: true, origin: 'flag', title: 'From the flag' },
  { name: 'the environment wins over config and ./stories', flag: false, env: true, config: true, cwdStories: true, origin: 'env', title: 'From the environment' },
  { name: 'the config file wins over ./stories', flag: false, env: false, config: true, cwdStories: true, origin: 'config', title: 'From the config file' },
  { name: 'the config file is used without ./stories', flag: false, env: false, config: true, cwdStories: false, origin: 'config', title: 'From the config file' },
  { name: './stories is used when nothing is configured', flag: false, env: false, config: false, cwdStories: true, origin: 'cwd', title: 'From dot stories' },
  { name: 'the bundled samples come last', flag: false, env: false, config: false, cwdStories: false, origin: 'bundled', title: null },
];

describe('story source precedence: flag > environment > config > ./stories > bundled', () => {
  it.each(CASES)('resolveSources: $name', (c) => {
    const { dir, folders } = world();
    if (c.config) writeConfigFile(configFile({ folders }), { stories: [join(dir, 'configured')] });
    const cwd = c.cwdStories ? join(dir, 'work') : dir;
    const sources = resolveSources({
      flags: c.flag ? [join(dir, 'flag')] : undefined,
      env: c.env ? join(dir, 'env') : undefined,
      config: readConfig({ folders }).stories,
      cwd,
    });
    expect(sources.origin).toBe(c.origin);
    const expected = { flag: join(dir, 'flag'), env: join(dir, 'env'), config: join(dir, 'configured'), cwd: join(dir, 'work', 'stories'), bundled: bundledStoriesDir() }[c.origin];
    expect(sources.paths).toEqual([expected]);
  });

  it.each(CASES)('bin/prep list: $name', (c) => {
    const { dir } = world();
    const xdg = join(dir, 'xdg-config');
    if (c.config) writeConfigFile(join(xdg, 'prep', 'config.json'), { stories: [join(dir, 'configured')] });
    const cwd = c.cwdStories ? join(dir, 'work') : dir;
    const r = runPrep(['list', '--json', ...(c.flag ? ['--stories', join(dir, 'flag')] : [])], {
      cwd,
      env: { XDG_CONFIG_HOME: xdg, ...(c.env ? { PREP_STORIES: join(dir, 'env') } : {}) },
    });
    expect(r.stderr).not.toMatch(/^prep: (?!using the bundled)/m);
    expect(r.code).toBe(0);
    const titles = JSON.parse(r.stdout).map((s: { title: string }) => s.title);
    if (c.title) expect(titles).toEqual([c.title]);
    else expect(titles.length).toBeGreaterThan(3);
  });

  it('reads several configured story folders', () => {
    const { dir, folders } = world();
    writeConfigFile(configFile({ folders }), { stories: [join(dir, 'configured'), join(dir, 'env')] });
    expect(resolveSources({ config: readConfig({ folders }).stories, cwd: dir }).paths).toEqual([join(dir, 'configured'), join(dir, 'env')]);
  });
});

describe('resolveSources with an empty --stories', () => {
  it('is a usage error, not the current folder', () => {
    expect(() => resolveSources({ flags: [''], cwd: '/work' })).toThrow(expect.objectContaining({ code: 'usage.stories', exitCode: 2, message: '--stories needs a file or folder, not ""' }));
  });
});
