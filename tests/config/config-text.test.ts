import { describe, expect, it } from 'vitest';
import { fromConfigText, lineColumn, toConfigText } from '../../src/config/config-text.js';
import { PrepError } from '../../src/cli/errors.js';

const FILE = '/home/me/.config/prep/config.json';
const BASE = '/home/me/.config/prep';

function errorOf(text: string): PrepError {
  try {
    fromConfigText(text, FILE, BASE);
  } catch (e) {
    expect(e).toBeInstanceOf(PrepError);
    return e as PrepError;
  }
  throw new Error('expected a PrepError');
}

describe('fromConfigText', () => {
  it('reads every key', () => {
    const text = '{\n  "stories": ["/n", "rel"],\n  "time": 90,\n  "count": 5,\n  "paper": "letter"\n}\n';
    expect(fromConfigText(text, FILE, BASE)).toEqual({ stories: ['/n', `${BASE}/rel`], time: 90, count: 5, paper: 'letter' });
  });

  it('treats an empty file, or one with only a BOM, as an empty config', () => {
    expect(fromConfigText('', FILE, BASE)).toEqual({});
    expect(fromConfigText('\uFEFF\n', FILE, BASE)).toEqual({});
  });

  it('treats null as not set', () => {
    expect(fromConfigText('{"time": null}', FILE, BASE)).toEqual({});
  });

  it('names the file, line and column of a JSON syntax error', () => {
    const e = errorOf('{\n  "stories": ["/n"],\n}\n');
    expect(e.code).toBe('config.parse');
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(new RegExp(`^${FILE.replace(/\//g, '\\/')}:3:1: config is not valid JSON \\(`));
    expect(e.message).not.toContain('position');
  });

  it('points at the end for a truncated file', () => {
    expect(errorOf('{\n  "time": 90,\n').message).toMatch(/config\.json:3:1: config is not valid JSON \(/);
  });

  it('refuses a JSON value that is not an object', () => {
    expect(errorOf('["/notes"]').message).toMatch(/config\.json:1:1: config must be a JSON object/);
  });

  it('names the line of an unknown key and suggests the right one', () => {
    const e = errorOf('{\n  "time": 90,\n  "cuont": 3\n}');
    expect(e.message).toBe(`${FILE}:3: unknown config key "cuont"`);
    expect(e.hint).toBe('did you mean "count"?');
  });

  it('names the line of a bad value', () => {
    expect(errorOf('{\n  "paper": "a5"\n}').message).toBe(`${FILE}:2: "paper" must be a4 or letter, not "a5"`);
    expect(errorOf('{"time": "soon"}').message).toBe(`${FILE}:1: "time" must be seconds from 10 to 3600 (90, 90s, 2m or 1:30), not "soon"`);
  });
});

describe('toConfigText', () => {
  it('round-trips through fromConfigText', () => {
    const config = { stories: ['/a', '/b'], time: 120, count: 4, paper: 'a4' as const };
    expect(fromConfigText(toConfigText(config), FILE, BASE)).toEqual(config);
  });

  it('writes keys in a fixed order with a final newline', () => {
    expect(toConfigText({ paper: 'a4', stories: ['/a'] })).toBe('{\n  "stories": [\n    "/a"\n  ],\n  "paper": "a4"\n}\n');
  });
});

describe('lineColumn', () => {
  it('is 1-based', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
