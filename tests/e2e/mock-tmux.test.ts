/**
 * `prep mock` in a real pseudo-terminal (tmux): a whole round on the bundled samples, every prompt answered with
 * Enter, then the history lines it wrote are checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, killTmuxServers, startTmux, tempDir } from '../helpers.js';

if (!hasTmux) console.warn('tests/e2e/mock-tmux.test.ts: SKIPPED, tmux is not installed (CI installs it)');

afterEach(killTmuxServers);

describe.skipIf(!hasTmux)('prep mock in a terminal (tmux)', () => {
  it('plays a whole round answered by Enter: follow-ups shown, summary printed, one mock review per answer', async () => {
    const history = join(tempDir(), 'history.jsonl');
    const q = startTmux(['mock', '--stories', 'stories', '--history', history, '--minutes', '30', '--company', 'Acme', '--seed', '3'], { width: 100, height: 50 });
    await q.waitFor(/Question 1\/5 · [\s\S]*\d:\d\d \/ 2:00/);
    const seen: string[] = [];
    // Enter every half second: the timer ignores keys in its first 400 ms, so an early one only waits for the next.
    for (let i = 0; i < 80 && !/EXIT:\d+/.test(seen.at(-1) ?? ''); i++) {
      q.keys('Enter');
      await new Promise((r) => setTimeout(r, 500));
      seen.push(q.screen());
    }
    const end = await q.waitFor(/EXIT:0/);
    expect(seen.some((s) => /Follow-up: /.test(s))).toBe(true);
    expect(seen.some((s) => /Which key points did you say\?/.test(s))).toBe(true);
    expect(end).toMatch(/Mock round done: 5 answers in \d+:\d\d \(30 min round, 0 over time\)/);
    expect(end).toMatch(/^ {2}5\. Closing +0:0\d \/ 1:30 {2}on time {2}Why this company/m);
    expect(end).toMatch(/5 answers saved to /);
    const lines = existsSync(history) ? readFileSync(history, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
    expect(lines).toHaveLength(5);
    expect(lines.every((r) => r.mode === 'mock' && r.v === 1 && typeof r.question === 'string')).toBe(true);
    expect(new Set(lines.map((r) => r.story)).size).toBe(5);
    expect(lines.at(-1)).toMatchObject({ story: 'why-this-company-what-i-look-for', question: 'Why Acme?', target: 90 });
    expect(lines.slice(0, 4).every((r) => r.checklist && r.checklist.points > 0)).toBe(true);
  }, 60_000);
});
