import { appendFileSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendReview, describeProblems, historyPath, MAX_LINE_BYTES, readHistory } from '../../src/history/log-file.js';
import { makeReview, toHistoryLine } from '../../src/history/review.js';
import { ROOT, tempDir } from '../helpers.js';

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

  it('refuses to write through a symbolic link and leaves its target alone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'target'), 'precious\n');
    symlinkSync(join(dir, 'target'), join(dir, 'history.jsonl'));
    expect(() => appendReview(join(dir, 'history.jsonl'), review('a'))).toThrow(expect.objectContaining({ code: 'history.symlink', exitCode: 2 }));
    expect(readFileSync(join(dir, 'target'), 'utf8')).toBe('precious\n');
  });

  it('creates the history readable by the user alone, in a folder of its own', () => {
    const file = join(tempDir(), 'prep', 'history.jsonl');
    appendReview(file, review('a'));
    expect([statSync(join(file, '..')).mode & 0o777, statSync(file).mode & 0o777]).toEqual([0o700, 0o600]);
  });

  it('keeps every line within one small atomic write, shortening a huge question', () => {
    const file = join(tempDir(), 'history.jsonl');
    appendReview(file, { ...review('a'), question: 'why '.repeat(5000) + '"\u0001é' });
    const text = readFileSync(file, 'utf8');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_LINE_BYTES);
    const { reviews, problems } = readHistory(file);
    expect(problems).toEqual([]);
    expect(reviews[0]!.question).toMatch(/^why why .*…$/);
  });

  it('concurrent appends of long lines leave no blank or torn line', async () => {
    const file = join(tempDir(), 'history.jsonl');
    const script = `import { appendReview } from ${JSON.stringify(join(ROOT, 'dist', 'history', 'log-file.js'))};
      for (let i = 0; i < 150; i++) appendReview(process.argv[1], { v: 1, at: '2026-03-01T09:00:00.000Z', story: 's' + process.pid, question: 'q'.repeat(20000), mode: 'log', seconds: 1, target: 120, grade: 'good', cram: false });`;
    const run = () => new Promise<number | null>((done) => spawn(process.execPath, ['--input-type=module', '-e', script, file]).on('exit', done));
    expect(await Promise.all([run(), run(), run(), run()])).toEqual([0, 0, 0, 0]);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.filter((l) => !l.trim() || Buffer.byteLength(l) >= MAX_LINE_BYTES)).toEqual([]);
    expect(readHistory(file).reviews).toHaveLength(600);
  });

  it('takes a short write (disk full, file size limit) back out, so no fragment is left', () => {
    const dir = tempDir();
    const file = join(dir, 'history.jsonl');
    writeFileSync(file, 'x'.repeat(1000) + '\n');
    // ulimit -f 1 caps files at 1024 bytes: the line is cut after 23 bytes (node ignores SIGXFSZ).
    const script = `import { appendReview } from ${JSON.stringify(join(ROOT, 'dist', 'history', 'log-file.js'))};
      try { appendReview(${JSON.stringify(file)}, ${JSON.stringify(review('a'))}); } catch (e) { console.log(e.code, e.message); }`;
    const r = spawnSync('bash', ['-c', 'ulimit -f 1; exec "$0" --input-type=module -e "$1"', process.execPath, script], { encoding: 'utf8' });
    expect(r.stdout).toMatch(/^history\.write .*short write \(23 of \d+ bytes; nothing was added\)/);
    expect(readFileSync(file, 'utf8')).toBe('x'.repeat(1000) + '\n');
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

describe('readHistory under damage (seeded fuzz)', () => {
  it('never throws on 300 random byte changes, truncations and junk lines, and keeps every intact line', () => {
    const dir = tempDir();
    const file = join(dir, 'history.jsonl');
    const lines = Array.from({ length: 20 }, (_, i) => toHistoryLine({ ...review(`s${i}`), question: `q ${i} "é" \\ ${'x'.repeat(i)}` }));
    const good = Buffer.from(lines.join(''));
    let seed = 42;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const junk = ['\x00\x00', '{"v":1', '[]', 'null', '{"v":99,"at":"x"}', '{"__proto__":{"v":1}}', '\ud800', '{"v":1,"at":"2026-01-01T00:00:00Z","story":"constructor","grade":"good"}'];
    for (let run = 0; run < 300; run++) {
      let bad = Buffer.from(good);
      const kind = rand(3);
      if (kind === 0) for (let k = 0, n = 1 + rand(4); k < n; k++) bad[rand(bad.length)] = rand(256);
      else if (kind === 1) bad = bad.subarray(0, rand(bad.length));
      else bad = Buffer.concat([bad, Buffer.from(`\n${junk[rand(junk.length)]}\n`)]);
      writeFileSync(file, bad);
      const { reviews, problems } = readHistory(file);
      // Every line that was not touched still counts: damage costs at most the lines it hit.
      expect(reviews.length + problems.length).toBeGreaterThanOrEqual(kind === 1 ? 0 : lines.length - 4);
      for (const r of reviews) expect(typeof r.story).toBe('string');
    }
  });
});
