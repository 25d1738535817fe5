import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { absolutePath, applyEnv, keySpec, parseSeconds, toConfigValue, withoutKey, withValue } from '../../src/config/keys.js';
import { PrepError } from '../../src/cli/errors.js';

function errorOf(fn: () => unknown): PrepError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PrepError);
    return e as PrepError;
  }
  throw new Error('expected a PrepError');
}

describe('keySpec', () => {
  it('knows stories, time, count and paper', () => {
    expect(['stories', 'time', 'count', 'paper'].map((k) => keySpec(k).key)).toEqual(['stories', 'time', 'count', 'paper']);
  });

  it('suggests the closest key for a misspelt one, with exit 2', () => {
    const e = errorOf(() => keySpec('storys'));
    expect(e).toMatchObject({ code: 'config.unknown-key', exitCode: 2, message: 'unknown config key "storys"' });
    expect(e.hint).toBe('did you mean "stories"?');
  });

  it('lists the keys when nothing is close', () => {
    expect(errorOf(() => keySpec('zzzzzzzz')).hint).toBe('keys: stories, time, count, paper, interview');
  });
});

describe('parseSeconds', () => {
  it.each([
    ['90', 90],
    ['90s', 90],
    ['2m', 120],
    ['2 min', 120],
    ['2m30s', 150],
    ['1:30', 90],
    [75, 75],
  ] as const)('reads %s as %d seconds', (text, seconds) => {
    expect(parseSeconds(text)).toBe(seconds);
  });

  it.each(['abc', '', '1:75', '-5', '2h'])('rejects %j', (text) => {
    expect(parseSeconds(text)).toBeNull();
  });
});

describe('toConfigValue', () => {
  it('stores story paths absolute, resolving relative ones against the base folder', () => {
    expect(toConfigValue('stories', ['notes', '/abs/vault'], '/home/me')).toEqual(['/home/me/notes', '/abs/vault']);
  });

  it('expands ~ in story paths', () => {
    expect(absolutePath('~/notes', '/x')).toBe(join(homedir(), 'notes'));
    expect(absolutePath('~/notes', '/x', '/h')).toBe('/h/notes');
  });

  it('accepts a single story path as a string (hand-written config)', () => {
    expect(toConfigValue('stories', 'notes', '/b')).toEqual(['/b/notes']);
  });

  it('normalises time, count and paper', () => {
    expect(toConfigValue('time', '2m', '/')).toBe(120);
    expect(toConfigValue('count', '7', '/')).toBe(7);
    expect(toConfigValue('count', 7, '/')).toBe(7);
    expect(toConfigValue('paper', 'A4', '/')).toBe('a4');
    expect(toConfigValue('paper', ['letter'], '/')).toBe('letter');
  });

  it.each([
    ['time', 'abc', '"time" must be seconds from 10 to 3600 (90, 90s, 2m or 1:30), not "abc"'],
    ['time', '5', '"time" must be seconds from 10 to 3600 (90, 90s, 2m or 1:30), not "5"'],
    ['time', '2h', '"time" must be seconds from 10 to 3600 (90, 90s, 2m or 1:30), not "2h"'],
    ['count', '0', '"count" must be a whole number from 1 to 500, not "0"'],
    ['count', '2.5', '"count" must be a whole number from 1 to 500, not "2.5"'],
    ['count', 'ten', '"count" must be a whole number from 1 to 500, not "ten"'],
    ['count', '501', '"count" must be a whole number from 1 to 500, not "501"'],
    ['paper', 'a5', '"paper" must be a4 or letter, not "a5"'],
    ['stories', '', '"stories" must be folder or file paths, not ""'],
    ['stories', [], '"stories" must be one or more folders or markdown files, not "[]"'],
    ['stories', [3], '"stories" must be folder or file paths, not "3"'],
  ] as const)('rejects %s = %j with one line naming the key and exit 2', (key, raw, message) => {
    const e = errorOf(() => toConfigValue(key, raw, '/'));
    expect(e).toMatchObject({ code: 'config.bad-value', exitCode: 2, message });
    expect(e.message).not.toContain('\n');
  });

  it('refuses several values for a single-value key', () => {
    expect(errorOf(() => toConfigValue('time', ['90', '120'], '/'))).toMatchObject({ code: 'config.bad-value', exitCode: 2, message: '"time" takes one value, not 2' });
  });
});

describe('withValue / withoutKey', () => {
  it('keeps other keys and a stable key order, without mutating', () => {
    const before = { paper: 'letter' as const, stories: ['/a'] };
    const after = withValue(before, 'time', 90);
    expect(Object.keys(after)).toEqual(['stories', 'time', 'paper']);
    expect(before).toEqual({ paper: 'letter', stories: ['/a'] });
    expect(withoutKey(after, 'time')).toEqual({ stories: ['/a'], paper: 'letter' });
  });
});

describe('applyEnv', () => {
  it('lets PREP_* variables override the file and says where each value came from', () => {
    const s = applyEnv({ stories: ['/file'], time: 90, paper: 'a4' }, { PREP_STORIES: 'env1:/env2', PREP_COUNT: '3' }, '/cwd');
    expect(s.values).toEqual({ stories: ['/cwd/env1', '/env2'], time: 90, count: 3, paper: 'a4' });
    expect(s.origins).toEqual({ stories: 'env', time: 'config', count: 'env', paper: 'config' });
  });

  it('ignores empty variables', () => {
    expect(applyEnv({ time: 90 }, { PREP_TIME: '', PREP_STORIES: ' ' }, '/').values).toEqual({ time: 90 });
  });

  it('names the variable for a bad value', () => {
    expect(errorOf(() => applyEnv({}, { PREP_PAPER: 'tabloid' }, '/'))).toMatchObject({ exitCode: 2, message: 'PREP_PAPER: "paper" must be a4 or letter, not "tabloid"' });
  });
});

describe('toConfigValue interview', () => {
  it('keeps a real calendar day and rejects anything else', () => {
    expect(toConfigValue('interview', ' 2026-12-15 ', '/')).toBe('2026-12-15');
    expect(() => toConfigValue('interview', '2026-02-30', '/')).toThrow('"interview" must be a date as YYYY-MM-DD, not "2026-02-30"');
    expect(() => toConfigValue('interview', 'friday', '/')).toThrow(/not "friday"/);
  });
});
