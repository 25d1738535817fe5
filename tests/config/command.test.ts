import { describe, expect, it } from 'vitest';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { runConfigGet, runConfigList, runConfigPath, runConfigSet, runConfigUnset } from '../../src/cli/commands/config.js';
import { configFile, readConfig, readSettings } from '../../src/config/config-file.js';
import { PrepError } from '../../src/cli/errors.js';
import { tempDir, testContext } from '../helpers.js';

function setup(env: NodeJS.ProcessEnv = {}) {
  const cwd = tempDir();
  const ctx = testContext(cwd, env);
  return { cwd, ctx, file: configFile(ctx) };
}

async function rejection(p: Promise<unknown>): Promise<PrepError> {
  const e = await p.then(() => null, (err) => err);
  expect(e).toBeInstanceOf(PrepError);
  return e as PrepError;
}

describe('prep config set', () => {
  it('stores relative story paths absolute, creating the config folder', async () => {
    const { cwd, ctx, file } = setup();
    expect(await runConfigSet(ctx, 'stories', ['notes', 'vault/career.md'])).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ stories: [join(cwd, 'notes'), join(cwd, 'vault/career.md')] });
    expect(ctx.out.stdout).toEqual([`stories = ${join(cwd, 'notes')}, ${join(cwd, 'vault/career.md')}`]);
    expect(ctx.out.stderr.join('\n')).toMatch(/does not exist yet/);
  });

  it('keeps the other keys and replaces the one it sets', async () => {
    const { ctx } = setup();
    await runConfigSet(ctx, 'time', ['90']);
    await runConfigSet(ctx, 'paper', ['letter']);
    await runConfigSet(ctx, 'time', ['2m']);
    expect(readConfig(ctx)).toEqual({ time: 120, paper: 'letter' });
  });

  it('appends story folders with --add, without duplicates', async () => {
    const { cwd, ctx } = setup();
    await runConfigSet(ctx, 'stories', ['a']);
    await runConfigSet(ctx, 'stories', ['b', 'a'], { add: true });
    expect(readConfig(ctx).stories).toEqual([join(cwd, 'a'), join(cwd, 'b')]);
  });

  it('writes atomically: no temp file is left beside the config', async () => {
    const { ctx, file } = setup();
    await runConfigSet(ctx, 'count', ['5']);
    expect(readdirSync(join(file, '..'))).toEqual(['config.json']);
  });

  it('refuses a symlinked config file and leaves the file it points to alone', async () => {
    const { ctx, file } = setup();
    const real = join(tempDir(), 'dotfiles-config.json');
    writeFileSync(real, '{"paper": "a4"}\n');
    mkdirSync(join(file, '..'), { recursive: true });
    symlinkSync(real, file);
    const e = await rejection(runConfigSet(ctx, 'count', ['3']));
    expect(e).toMatchObject({ code: 'config.symlink', exitCode: 2 });
    expect(e.message).toBe(`config ${file} is a symbolic link; prep does not write through links`);
    expect(readFileSync(real, 'utf8')).toBe('{"paper": "a4"}\n');
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
  });

  it('does not hang on a FIFO in place of config.json: a usage error naming it', async () => {
    const { ctx, file } = setup();
    mkdirSync(join(file, '..'), { recursive: true });
    execFileSync('mkfifo', [file]);
    expect(() => readConfig(ctx)).toThrow(expect.objectContaining({ code: 'config.unreadable', exitCode: 2, message: `cannot read config ${file}: not a regular file` }));
  });

  it('creates the config folder readable by the user alone', async () => {
    const { ctx, file } = setup();
    await runConfigSet(ctx, 'count', ['3']);
    expect(lstatSync(join(file, '..')).mode & 0o777).toBe(0o700);
  });

  it('rejects an unknown key with "did you mean", exit 2, and writes nothing', async () => {
    const { ctx, file } = setup();
    const e = await rejection(runConfigSet(ctx, 'pape', ['a4']));
    expect(e).toMatchObject({ code: 'config.unknown-key', exitCode: 2, message: 'unknown config key "pape"', hint: 'did you mean "paper"?' });
    expect(existsSync(file)).toBe(false);
  });

  it.each([
    ['time', ['soon'], 'config.bad-value'],
    ['time', ['60', '90'], 'config.bad-value'],
    ['count', ['-1'], 'config.bad-value'],
    ['paper', ['legal'], 'config.bad-value'],
  ])('rejects %s %j with exit 2 and keeps the file as it was', async (key, values, code) => {
    const { ctx, file } = setup();
    await runConfigSet(ctx, 'paper', ['a4']);
    const before = readFileSync(file, 'utf8');
    const e = await rejection(runConfigSet(ctx, key, values));
    expect(e).toMatchObject({ code, exitCode: 2 });
    expect(e.message).toContain(`"${key}"`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses --add for a key that is not a list', async () => {
    const { ctx } = setup();
    expect(await rejection(runConfigSet(ctx, 'time', ['90'], { add: true }))).toMatchObject({ code: 'usage.add', exitCode: 2 });
  });

  it('keeps a config file that does not parse as config.json.broken-<time>, says so in one line, and starts afresh', async () => {
    const { ctx, file } = setup();
    mkdirSync(join(file, '..'), { recursive: true });
    const broken = '{\n  "time": 90\n  "count": 3\n}\n';
    writeFileSync(file, broken);
    expect(await runConfigSet(ctx, 'paper', ['a4'])).toBe(0);
    const kept = `${file}.broken-20260302-${String(new Date('2026-03-02T10:00:00Z').getHours()).padStart(2, '0')}0000`;
    expect(readFileSync(kept, 'utf8')).toBe(broken);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ paper: 'a4' });
    expect(ctx.out.stderr).toEqual([`prep: ${file} was not valid JSON; kept it as ${kept} and started a new one`]);
    expect(ctx.out.stdout).toEqual(['paper = a4']);
  });

  it('treats JSON that is not an object as broken too, and never overwrites an earlier copy', async () => {
    const { ctx, file } = setup();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '[1, 2]\n');
    await runConfigSet(ctx, 'count', ['5']);
    writeFileSync(file, 'oops');
    await runConfigSet(ctx, 'count', ['6']);
    const copies = readdirSync(join(file, '..')).filter((f) => f.startsWith('config.json.broken-')).sort();
    expect(copies).toHaveLength(2);
    expect(copies.map((f) => readFileSync(join(file, '..', f), 'utf8')).sort()).toEqual(['[1, 2]\n', 'oops']);
    expect(readConfig(ctx)).toEqual({ count: 6 });
  });

  it('still refuses a file that parses but holds a bad value, naming its line, and leaves it alone', async () => {
    const { ctx, file } = setup();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{\n  "time": "soon"\n}\n');
    const e = await rejection(runConfigSet(ctx, 'paper', ['a4']));
    expect([e.code, e.exitCode]).toEqual(['config.bad-value', 2]);
    expect(e.message).toMatch(new RegExp(`^${file.replace(/[/.]/g, '\\$&')}:2: `));
    expect(readdirSync(join(file, '..'))).toEqual(['config.json']);
  });

  it('refuses a broken symlinked config without copying or changing anything', async () => {
    const { ctx, file } = setup();
    const real = join(tempDir(), 'dotfiles-config.json');
    writeFileSync(real, '{ broken');
    mkdirSync(join(file, '..'), { recursive: true });
    symlinkSync(real, file);
    expect(await rejection(runConfigSet(ctx, 'time', ['90']))).toMatchObject({ code: 'config.symlink', exitCode: 2 });
    expect(readFileSync(real, 'utf8')).toBe('{ broken');
    expect(readdirSync(join(file, '..'))).toEqual(['config.json']);
  });

  it('notes when PREP_STORIES still overrides what was set', async () => {
    const { ctx } = setup({ PREP_STORIES: '/elsewhere' });
    await runConfigSet(ctx, 'stories', ['/tmp']);
    expect(ctx.out.stderr.join('\n')).toMatch(/PREP_STORIES is set in this shell and still overrides/);
  });
});

describe('prep config get / unset / path', () => {
  it('prints story paths one per line', async () => {
    const { ctx } = setup();
    await runConfigSet(ctx, 'stories', ['/a', '/b']);
    ctx.out.stdout.length = 0;
    expect(await runConfigGet(ctx, 'stories')).toBe(0);
    expect(ctx.out.stdout).toEqual(['/a\n/b']);
  });

  it('exits 1 with a message for a key that is not set', async () => {
    const { ctx } = setup();
    expect(await runConfigGet(ctx, 'time')).toBe(1);
    expect(ctx.out.stdout).toEqual([]);
    expect(ctx.out.stderr).toEqual(['prep: "time" is not set']);
  });

  it('suggests a key for a misspelt get', async () => {
    const { ctx } = setup();
    expect(await rejection(runConfigGet(ctx, 'tiem'))).toMatchObject({ exitCode: 2, hint: 'did you mean "time"?' });
  });

  it('unsets one key and keeps the rest', async () => {
    const { ctx } = setup();
    await runConfigSet(ctx, 'time', ['90']);
    await runConfigSet(ctx, 'count', ['4']);
    expect(await runConfigUnset(ctx, 'time')).toBe(0);
    expect(readConfig(ctx)).toEqual({ count: 4 });
  });

  it('unset on a file that is not valid JSON keeps it aside and writes an empty config', async () => {
    const { ctx, file } = setup();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{"time": 90,}');
    expect(await runConfigUnset(ctx, 'time')).toBe(0);
    expect(ctx.out.stdout).toEqual(['time was not set']);
    expect(ctx.out.stderr).toHaveLength(1);
    expect(ctx.out.stderr[0]).toMatch(/was not valid JSON; kept it as .*config\.json\.broken-20260302-\d{6} and started a new one$/);
    expect(readFileSync(file, 'utf8')).toBe('{}\n');
  });

  it('get and list still fail on a file that is not valid JSON, naming file:line, and leave it alone', async () => {
    const { ctx, file } = setup();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{\n  "time": 90,\n}\n');
    for (const run of [() => runConfigGet(ctx, 'time'), () => runConfigList(ctx)]) {
      const e = await rejection(run());
      expect([e.code, e.exitCode]).toEqual(['config.parse', 2]);
      expect(e.message).toMatch(new RegExp(`^${file.replace(/[/.]/g, '\\$&')}:3:1: config is not valid JSON`));
      expect(e.hint).toMatch(/`prep config set KEY VALUE` to start a new one/);
    }
    expect(readdirSync(join(file, '..'))).toEqual(['config.json']);
  });

  it('prints the path even when the file is broken', async () => {
    const { ctx, file } = setup();
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{oops');
    expect(await runConfigPath(ctx)).toBe(0);
    expect(ctx.out.stdout).toEqual([file]);
  });
});

describe('prep config list', () => {
  it('shows each key, where environment values come from, and the precedence', async () => {
    const { ctx } = setup({ PREP_TIME: '45' });
    await runConfigSet(ctx, 'time', ['90']);
    await runConfigSet(ctx, 'paper', ['letter']);
    ctx.out.stdout.length = 0;
    expect(await runConfigList(ctx)).toBe(0);
    const text = ctx.out.stdout.join('\n');
    expect(text).toMatch(/^time\s+45 {2}\(from PREP_TIME; file: 90\)$/m);
    expect(text).toMatch(/^paper\s+letter$/m);
    expect(text).toMatch(/^count\s+\(not set; default 5\)$/m);
    const bare = testContext(tempDir());
    await runConfigList(bare);
    expect(bare.out.stdout.join('\n')).toMatch(/^time\s+\(not set; default 120 s, 20 s in pick mode\)$[\s\S]*^paper\s+\(not set; default a4\)$/m);
    expect(text).toMatch(/^stories\s+\(not set; bundled samples\)$/m);
    expect(text).toMatch(/Precedence: flag .* > environment .* > config file > \.\/stories > bundled samples/);
  });

  it('prints JSON with the file, its values, the settings in force and their origins', async () => {
    const { ctx, file } = setup({ PREP_COUNT: '9' });
    await runConfigSet(ctx, 'count', ['3']);
    ctx.out.stdout.length = 0;
    await runConfigList(ctx, { json: true });
    expect(JSON.parse(ctx.out.stdout.join('\n'))).toEqual({ path: file, config: { count: 3 }, settings: { count: 9 }, origins: { count: 'env' } });
  });
});

describe('readSettings', () => {
  it('gives other commands their defaults: environment over file', async () => {
    const { ctx } = setup({ PREP_PAPER: 'letter' });
    await runConfigSet(ctx, 'paper', ['a4']);
    await runConfigSet(ctx, 'count', ['6']);
    expect(readSettings(ctx).values).toEqual({ count: 6, paper: 'letter' });
  });
});
