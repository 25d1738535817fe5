import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runPrep, starStory, tempDir, writeTree } from '../helpers.js';

/** A temp home whose XDG folders stay the same across runs (runPrep makes a fresh one otherwise). */
function home() {
  const h = tempDir('prep-home-');
  return { HOME: h, XDG_CONFIG_HOME: join(h, 'config'), XDG_CACHE_HOME: join(h, 'cache'), XDG_DATA_HOME: join(h, 'data') };
}

describe('prep config through bin/prep', () => {
  it('sets stories from a relative path, then finds stories from any folder', () => {
    const env = home();
    const dir = writeTree(tempDir(), { 'notes/a.md': starStory('Arguing about the API design', { situation: 'My lead and I disagreed.' }) });
    const set = runPrep(['config', 'set', 'stories', 'notes'], { cwd: dir, env });
    expect(set.code).toBe(0);
    expect(JSON.parse(readFileSync(join(env.XDG_CONFIG_HOME, 'prep', 'config.json'), 'utf8'))).toEqual({ stories: [join(dir, 'notes')] });
    const find = runPrep(['find', 'conflict', '--json'], { cwd: tempDir(), env });
    expect(find.code).toBe(0);
    expect(JSON.parse(find.stdout)[0].id).toBe('arguing-about-the-api-design');
    expect(find.stderr).toBe('');
  });

  it.each([
    [['config', 'set', 'storys', 'x'], /^prep: unknown config key "storys"\ndid you mean "stories"\?\n$/],
    [['config', 'get', 'cuont'], /^prep: unknown config key "cuont"\ndid you mean "count"\?\n$/],
    [['config', 'unset', 'papr'], /^prep: unknown config key "papr"\ndid you mean "paper"\?\n$/],
    [['config', 'set', 'time', 'abc'], /^prep: "time" must be seconds from 10 to 3600 \(90, 90s, 2m or 1:30\), not "abc"\n$/],
    [['config', 'set', 'time', '9999'], /^prep: "time" must be seconds .*, not "9999"\n$/],
    [['config', 'set', 'count', '0'], /^prep: "count" must be a whole number from 1 to 500, not "0"\n$/],
    [['config', 'set', 'count', '3', '4'], /^prep: "count" takes one value, not 2\n/],
    [['config', 'set', 'paper', 'a5'], /^prep: "paper" must be a4 or letter, not "a5"\n$/],
    [['config', 'set', 'time', '90', '--add'], /^prep: --add works only for list keys/],
    [['config', 'set', 'time'], /^prep: missing required argument 'value'/],
    [['config', 'get'], /^prep: missing required argument 'key'/],
    [['config', 'lsit'], /^prep: unknown command 'lsit'\n.*Did you mean list\?/],
  ])('prep %j fails with one line and exit 2', (args, stderr) => {
    const r = runPrep(args, { cwd: tempDir() });
    expect(r.stderr).toMatch(stderr);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it.each([
    ['PREP_TIME', 'forever', /^prep: PREP_TIME: "time" must be seconds/],
    ['PREP_PAPER', 'a3', /^prep: PREP_PAPER: "paper" must be a4 or letter, not "a3"/],
    ['PREP_COUNT', 'many', /^prep: PREP_COUNT: "count" must be a whole number/],
  ])('a bad %s=%s is an error naming the variable, exit 2', (name, value, stderr) => {
    const r = runPrep(['config', 'list'], { env: { [name]: value } });
    expect(r.stderr).toMatch(stderr);
    expect(r.code).toBe(2);
  });

  it('names the file and line of a config that does not parse, for every command, and never ignores it', () => {
    const env = home();
    const file = join(env.XDG_CONFIG_HOME, 'prep', 'config.json');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{\n  "stories": ["/x"],\n  "time": 90,\n}\n');
    for (const args of [['list'], ['config', 'list'], ['config', 'get', 'time']]) {
      const r = runPrep(args, { env, cwd: ROOT });
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^prep: ${file.replace(/[/.]/g, '\\$&')}:4:1: config is not valid JSON`));
      expect(r.stderr).toMatch(/fix or delete the file, or run `prep config set KEY VALUE` to start a new one/);
    }
    const path = runPrep(['config', 'path'], { env });
    expect(path.code).toBe(0);
    expect(path.stdout.trim()).toBe(file);
  });

  it('does what the broken-config hint says: config set keeps the old file aside and starts a new one', () => {
    const env = home();
    const file = join(env.XDG_CONFIG_HOME, 'prep', 'config.json');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{\n  "time": 90,\n}\n');
    const r = runPrep(['config', 'set', 'time', '60'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('time = 60\n');
    expect(r.stderr).toMatch(new RegExp(`^prep: ${file.replace(/[/.]/g, '\\$&')} was not valid JSON; kept it as ${file.replace(/[/.]/g, '\\$&')}\\.broken-\\d{8}-\\d{6} and started a new one\n$`));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ time: 60 });
    expect(runPrep(['config', 'get', 'time'], { env }).stdout).toBe('60\n');
  });

  it('names the key of an unknown key in the file', () => {
    const env = home();
    const file = join(env.XDG_CONFIG_HOME, 'prep', 'config.json');
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{\n  "storeis": ["/x"]\n}\n');
    const r = runPrep(['list'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`prep: ${file}:2: unknown config key "storeis"\ndid you mean "stories"?\n`);
  });

  it('documents the precedence in --help', () => {
    for (const args of [['--help'], ['config', '--help']]) {
      const r = runPrep(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Precedence: flag \(--stories, \.\.\.\) > environment \(PREP_STORIES, .*\) > config file > \.\/stories > bundled samples\./);
    }
  });
});

describe('first run', () => {
  it('says once, in one line, how to use your own notes, then works quietly on the samples', () => {
    const env = home();
    const cwd = tempDir();
    const first = runPrep(['list'], { cwd, env });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('prep: using the bundled sample stories; to use your own notes run `prep config set stories PATH` or `prep init`\n');
    const again = runPrep(['find', 'conflict'], { cwd, env });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/^1\. /);
  });

  it('prep init in another folder says the one command that makes it work from anywhere', () => {
    const env = home();
    const dir = tempDir();
    const init = runPrep(['init', 'notes'], { cwd: dir, env });
    expect(init.code).toBe(0);
    const cmd = /run `(prep config set stories [^`]+)`/.exec(init.stdout)![1]!;
    expect(cmd).toBe(`prep config set stories ${join(dir, 'notes')}`);
    expect(runPrep(cmd.split(' ').slice(1), { cwd: tempDir(), env }).code).toBe(0);
    const list = runPrep(['list', '--json'], { cwd: tempDir(), env });
    expect(list.code).toBe(0);
    expect(list.stderr).toBe('');
    expect(JSON.parse(list.stdout)[0].source.file).toMatch(/notes\/example-story\.md$/);
  });

  it('says nothing when stories are configured', () => {
    const env = home();
    const dir = writeTree(tempDir(), { 'n/a.md': starStory('One') });
    runPrep(['config', 'set', 'stories', join(dir, 'n')], { env });
    const r = runPrep(['list'], { cwd: tempDir(), env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
