/**
 * `prep quiz` in a real pseudo-terminal: tmux runs the compiled bin/prep, send-keys types, capture-pane reads the
 * screen. Everything runs in temp HOME / XDG folders with --history in a temp dir, on the bundled samples.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, killTmuxServers, startTmux, tempDir, writeTree } from '../helpers.js';

if (!hasTmux) console.warn('tests/e2e/quiz-tmux.test.ts: SKIPPED, tmux is not installed (CI installs it)');

/** A prep quiz running in its own tmux server. */
const startQuiz = (args: string[], size: { width?: number; height?: number } = {}) => startTmux(args, size);

afterEach(killTmuxServers);

/** Wait until a prompt's key help is drawn, then past the typeahead guard (keys in its first 400 ms are ignored). */
async function settle(q: ReturnType<typeof startQuiz>): Promise<void> {
  await q.waitFor(/q: stop/);
  await new Promise((r) => setTimeout(r, 500));
}

const historyLines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

/** After the answer: tick every key point with `a` and finish with Enter when the story has a checklist; whether it had one. */
async function passChecklist(q: ReturnType<typeof startQuiz>): Promise<boolean> {
  const screen = await q.waitFor(/Which key points did you say\?|How did it go\?/);
  if (!/Which key points/.test(screen) || /How did it go\?/.test(screen)) return false;
  q.keys('a');
  await q.waitFor(/◉/);
  q.keys('Enter');
  await q.waitFor(/How did it go\?/);
  return true;
}

describe.skipIf(!hasTmux)('prep quiz in a terminal (tmux)', () => {
  it('shows a question and a running timer; Enter reveals the story, Enter grades it and writes exactly one line', async () => {
    const history = join(tempDir(), 'history.jsonl');
    const q = startQuiz(['quiz', '--stories', 'stories', '--history', history, '--count', '1', '--seed', '7']);
    const first = await q.waitFor(/Question 1\/1 · 0 due · \d+ new[\s\S]*\d:\d\d \/ 2:00/);
    const timer = /(\d:\d\d) \/ 2:00/.exec(first)![1];
    expect(q.cursorVisible()).toBe(false);
    const later = await q.waitFor(new RegExp(`(?!${timer})\\d:\\d\\d / 2:00`), 5000);
    expect(/(\d:\d\d) \/ 2:00/.exec(later)![1]).not.toBe(timer);
    q.keys('Enter');
    const checklist = await passChecklist(q);
    const reveal = await q.waitFor(/How did it go\?/);
    expect(reveal).toMatch(/⏱ \d:\d\d of 2:00/);
    expect(reveal).toMatch(/^S /m);
    expect(reveal).toMatch(/Good\s+next in \d+ days/);
    expect(historyLines(history)).toHaveLength(0);
    await settle(q);
    q.keys('Enter');
    const done = await q.waitFor(/EXIT:0/);
    expect(done).toMatch(/Session done: 1 answered/);
    const lines = historyLines(history);
    expect(lines).toHaveLength(1);
    // Every key point ticked within the target suggests Easy, which Enter takes; without a checklist Good is the default.
    expect(JSON.parse(lines[0]!)).toMatchObject({ v: 1, mode: 'tell', grade: checklist ? 'easy' : 'good', target: 120, cram: false });
    if (checklist) expect(JSON.parse(lines[0]!).checklist).toMatchObject({ missed: [] });
    expect(q.cursorVisible()).toBe(true);
  });

  it('Ctrl-C during a round exits 130, restores the cursor, leaves no timer line and no new history line', async () => {
    const history = join(tempDir(), 'history.jsonl');
    const earlier = '{"v":1,"at":"2026-01-01T10:00:00.000Z","story":"strengths","question":null,"mode":"log","seconds":null,"target":120,"grade":"good","cram":false}\n';
    writeFileSync(history, earlier);
    const q = startQuiz(['quiz', '--stories', 'stories', '--history', history, '--count', '3'], { width: 50 });
    await q.waitFor(/\d:\d\d \/ 2:00/);
    q.keys('C-c');
    const end = await q.waitFor(/EXIT:130/);
    expect(end).not.toMatch(/\d:\d\d \/ 2:00/);
    expect(end).toContain('Stopped; the unfinished round was not recorded.');
    expect(end).not.toMatch(/\n\s+at /);
    expect(q.cursorVisible()).toBe(true);
    expect(readFileSync(history, 'utf8')).toBe(earlier);
  });

  it('fits a 50-column window: no line of the round runs past the edge', async () => {
    const history = join(tempDir(), 'history.jsonl');
    const q = startQuiz(['quiz', '--stories', 'stories', '--history', history, '--count', '1', '--tag', 'migrations'], { width: 50 });
    await q.waitFor(/\d:\d\d \/ 2:00/);
    await new Promise((r) => setTimeout(r, 1200));
    q.keys('Enter');
    expect(await passChecklist(q)).toBe(true);
    const screen = await q.waitFor(/How did it go\?/);
    for (const line of q.joined().split('\n')) expect(line.length, line).toBeLessThanOrEqual(50);
    expect(screen).toMatch(/^S [^\n]+\n {2}\S/m);
    q.keys('C-c');
    await q.waitFor(/EXIT:130/);
  });

  it('a pick the user defends ("mine fits too") is recorded as a tie and not graded again; q then ends cleanly', async () => {
    const story = (title: string, question: string, situation: string) => `---\nquestions:\n  - ${question}\n---\n## ${title}\n\n- **Situation**: ${situation}\n- **Task**: Fix it.\n- **Action**: I measured, changed one thing at a time and wrote it up.\n- **Result**: It got 40% better.\n`;
    const dir = writeTree(tempDir(), {
      'stories/search.md': story('Elasticsearch query tuning', 'Tell me about a time you improved the performance of a system.', 'Search pages took four seconds to load.'),
      'stories/queue.md': story('Arguing about the queue design', 'Tell me about a time you disagreed with your lead.', 'My lead and I disagreed about the queue design.'),
      'stories/launch.md': story('Cutting scope to hit the launch', 'How do you handle a deadline you cannot meet?', 'The launch date was fixed and we were behind.'),
    });
    const titles: Record<string, string> = {
      'Tell me about a time you improved the performance of a system.': 'Elasticsearch query tuning',
      'Tell me about a time you disagreed with your lead.': 'Arguing about the queue design',
      'How do you handle a deadline you cannot meet?': 'Cutting scope to hit the launch',
    };
    const history = join(dir, 'history.jsonl');
    const q = startTmux(['quiz', '--mode', 'pick', '--stories', 'stories', '--history', history, '--count', '2', '--seed', '3'], { cwd: dir, width: 100 });
    const screen = await q.waitFor(/Which story would you tell\?[\s\S]*0:\d\d \/ 0:20[\s\S]*1-\d · q: stop/);
    const expected = Object.entries(titles).find(([question]) => screen.includes(question))![1];
    const other = [...screen.matchAll(/^ {2}(\d) (.+?)\s*$/gm)].find((m) => m[2] !== expected)!;
    await settle(q);
    q.keys(other[1]!);
    const reveal = await q.waitFor(/answer it too\?[\s\S]*q: stop/);
    expect(reveal).toContain(`✗ the question was asked for "${expected}":`);
    expect(reveal).toMatch(/why it fits: /);
    await settle(q);
    q.keys('m');
    await q.waitFor(/✓ both stories answer it; in \d:\d\d of 0:20: graded (easy|good|hard)/);
    // The next round's question is up (the first round is recorded by then): q ends the session, keeping it.
    await q.waitFor(/Question 2\/2[\s\S]*q: stop/);
    const written = historyLines(history).map((l) => JSON.parse(l));
    expect(written[0]).toMatchObject({ type: 'tie', story: expect.any(String), expected: expect.any(String) });
    expect(written[1]).toMatchObject({ mode: 'pick', picked: written[0].story, story: written[0].expected });
    expect(written[1].grade).not.toBe('again');
    await settle(q);
    q.keys('q');
    const end = await q.waitFor(/EXIT:0/);
    expect(end).toContain('Stopped; the unfinished round was not recorded.');
    expect(historyLines(history)).toHaveLength(2);
    expect(q.cursorVisible()).toBe(true);
  });
});
