import { appendFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendReview, describeProblems, historyPath, readHistory } from '../../src/history/log-file.js';
import { makeReview } from '../../src/history/review.js';
import { tempDir } from '../helpers.js';

const review = (story: string) => makeReview({ at: '2026-03-01T09:00:00.000Z', story, question: null, mode: 'log', seconds: 60, target: 120, grade: 'good', cram: false });

describe('historyPath', () => {
  it('takes --history, then PREP_HISTORY, then the data folder', () => {
    expect(historyPath({ flag: 'h.jsonl', env: { PREP_HISTORY: '/env/h' }, dataDir: '/data', cwd: '/cwd' })).toBe('/cwd/h.jsonl');
    expect(historyPath({ flag: undefined, env: { PREP_HISTORY: '/env/h' }, dataDir: '/data', cwd: '/cwd' })).toBe('/env/h');
    expect(historyPath({ flag: undefined, env: {}, dataDir: '/data', cwd: '/cwd' })).toBe('/data/history.jsonl');
  });
});

describe('appendReview', () => {
  it('creates the folder and appends whole lines', () => {
    const file = join(tempDir(), 'deep', 'er', 'history.jsonl');
    appendReview(file, review('a'));
    appendReview(file, review('b'));
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2).map((l) => JSON.parse(l).story)).toEqual(['a', 'b']);
  });

  it('starts a fresh line after a torn one, so no answer is glued to garbage', () => {
    const file = join(tempDir(), 'history.jsonl');
    appendReview(file, review('a'));
    appendFileSync(file, '{"v":1,"at":"20');
    appendReview(file, review('b'));
    const { reviews, problems } = readHistory(file);
    expect(reviews.map((r) => r.story)).toEqual(['a', 'b']);
    expect(problems).toEqual([{ line: 2, message: 'not valid JSON' }]);
  });

  it('fails with a typed error when the file cannot be written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    expect(() => appendReview(join(dir, 'file', 'history.jsonl'), review('a'))).toThrow(expect.objectContaining({ code: 'history.write', exitCode: 1 }));
  });
});

describe('readHistory', () => {
  it('treats a missing file as an empty history', () => {
    expect(readHistory(join(tempDir(), 'none.jsonl'))).toEqual({ reviews: [], links: [], ties: [], problems: [] });
  });

  it('never rewrites the file, even when it has bad lines', () => {
    const file = join(tempDir(), 'history.jsonl');
    writeFileSync(file, 'bad\n' + JSON.stringify(review('a')) + '\n{"torn');
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    expect(readHistory(file).reviews).toHaveLength(1);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });
});

describe('describeProblems', () => {
  it('names file and line, and counts what it leaves out', () => {
    const problems = Array.from({ length: 7 }, (_, i) => ({ line: i + 1, message: 'not valid JSON' }));
    const lines = describeProblems('h.jsonl', problems, 5);
    expect(lines[0]).toBe('h.jsonl:1: skipped a history line: not valid JSON');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('h.jsonl: 2 more unreadable lines skipped');
  });
});
