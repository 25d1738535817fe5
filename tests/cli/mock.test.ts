import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMock } from '../../src/cli/commands/mock.js';
import { Interrupted, PrepError } from '../../src/cli/errors.js';
import type { QuizPrompts } from '../../src/cli/prompts.js';
import { seededRandom } from '../../src/quiz/random.js';
import { starStory, tempDir, testContext, writeTree } from '../helpers.js';

function notes(): string {
  return writeTree(tempDir(), {
    'stories/work.md': [
      '---\ncompetencies: [conflict]\n---\n' + starStory('Arguing about the queue design', { situation: 'My lead and I disagreed about the queue design.' }),
      starStory('The outage I caused', { action: 'I rolled back my bad config push and wrote the postmortem.', result: 'We were back up quickly.' }),
      starStory('Cutting scope to hit the launch', { situation: 'The launch date was fixed and we were behind.', action: 'We cut the scope and we shipped.' }),
      starStory('Mentoring a new hire', { action: 'I paired with her every day on her first feature and reviewed her designs.' }),
    ].join('\n'),
    'stories/talking-points.md': '# Talking points\n\n## About me\n\n- Backend engineer for eight years.\n\n## Why this company\n\n- I want to own problems end to end.\n',
  });
}

/** Prompts that answer every timer after `ms`, tick nothing, and take the suggested grade; `stopAt` interrupts that timer. */
function prompts(stopAt?: number) {
  const shown = { timers: 0, checkboxes: 0 };
  const p: QuizPrompts = {
    async timeAnswer() {
      shown.timers++;
      if (shown.timers === stopAt) throw new Interrupted();
      return 30_000;
    },
    async pause() {},
    async checkbox() {
      shown.checkboxes++;
      return [];
    },
    async select(opts) {
      return opts.default as never;
    },
  };
  return { p, shown };
}

const deps = (p: QuizPrompts) => ({ prompts: p, interactive: true, random: seededRandom(2), clock: () => 0, columns: () => 100 });
const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : []);

describe('prep mock', () => {
  it('plays an opening, every story once with follow-ups, a closing, and a summary; every answer a mock review', async () => {
    const dir = notes();
    const ctx = testContext(dir);
    const history = join(dir, 'history.jsonl');
    const { p } = prompts();
    expect(await runMock(ctx, { stories: ['stories'], history, company: 'Acme' }, deps(p))).toBe(0);
    const out = ctx.out.stdout.join('\n');
    expect(out).toContain('Mock interview at Acme: 6 questions, about 45 minutes');
    expect(ctx.out.stderr.join('\n')).toContain('prep: only 4 stories to draw from, so the round has 4 questions instead of 5');
    expect(out).toMatch(/Question 1\/6 · opening\nTell me about yourself\./);
    expect(out).toMatch(/Question 6\/6 · closing\nWhy Acme\?/);
    expect(out).toMatch(/Follow-up: /);
    // The scope story's Action is told as "we": its first follow-up asks for the user's own part.
    expect(out).toContain('Follow-up: You said "we" a lot. What was your own part, as opposed to the team\'s?');
    expect(out).toMatch(/Mock round done: 6 answers in \d+:\d\d \(45 min round, 0 over time\)/);
    expect(out).toMatch(/Follow-ups your notes could not support \(\d+\):/);
    const written = lines(history);
    expect(written).toHaveLength(6);
    expect(written.every((r) => r.mode === 'mock' && r.seconds === 30)).toBe(true);
    expect(new Set(written.map((r) => r.story)).size).toBe(6);
    expect(written[0]).toMatchObject({ story: 'about-me', question: 'Tell me about yourself.', target: 90 });
    // Nothing ticked on the checklist: the suggested grade is Again for the stories.
    expect(written.filter((r) => r.checklist).every((r) => r.grade === 'again')).toBe(true);
  });

  it('keeps the answers already given on Ctrl-C and exits through Interrupted', async () => {
    const dir = notes();
    const ctx = testContext(dir);
    const history = join(dir, 'history.jsonl');
    // Timers: opening 1, then question 2 with its follow-ups; stop inside question 3.
    const { p } = prompts(6);
    const e = await runMock(ctx, { stories: ['stories'], history }, deps(p)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Interrupted);
    const written = lines(history);
    expect(written.length).toBeGreaterThanOrEqual(2);
    expect(ctx.out.stdout.join('\n')).toMatch(/Stopped; the unfinished answer was not recorded\.\nSo far: \d answers/);
  });

  it('rejects bad minutes and notes without STAR stories', async () => {
    const dir = notes();
    const ctx = testContext(dir);
    const bad = await runMock(ctx, { stories: ['stories'], minutes: '0' }, deps(prompts().p)).catch((x: unknown) => x);
    expect(bad).toBeInstanceOf(PrepError);
    expect((bad as PrepError).message).toBe('--minutes must be a whole number from 10 to 180, not "0"');
    mkdirSync(join(dir, 'only-notes'));
    writeFileSync(join(dir, 'only-notes', 'n.md'), '# Talking points\n\n## Strengths\n\n- calm\n');
    const empty = await runMock(ctx, { stories: ['only-notes'] }, deps(prompts().p)).catch((x: unknown) => x);
    expect((empty as PrepError).code).toBe('mock.empty');
    expect((empty as PrepError).exitCode).toBe(2);
  });
});
