import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlan } from '../../src/cli/commands/plan.js';
import { runQuiz } from '../../src/cli/commands/quiz.js';
import { runStats } from '../../src/cli/commands/stats.js';
import { PrepError } from '../../src/cli/errors.js';
import type { QuizPrompts } from '../../src/cli/prompts.js';
import { configFile, writeConfigFile } from '../../src/config/config-file.js';
import { seededRandom } from '../../src/quiz/random.js';
import { starStory, tempDir, testContext, writeTree } from '../helpers.js';

// Local noon, so local calendar days are the same in every time zone the suite runs in.
const NOW = new Date(2026, 2, 2, 12, 0, 0);

function notes(n = 4): string {
  const titles = ['Arguing about the queue design', 'The outage I caused', 'Cutting scope to hit the launch', 'Mentoring a new hire', 'Owning the flaky build'];
  return writeTree(tempDir(), { 'stories/work.md': titles.slice(0, n).map((t) => starStory(t)).join('\n') });
}

function setup(interview?: string) {
  const dir = notes();
  const ctx = testContext(dir, {}, NOW);
  if (interview) writeConfigFile(configFile(ctx), { interview });
  return { dir, ctx, history: join(dir, 'history.jsonl') };
}

async function usageError(p: Promise<unknown>): Promise<PrepError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(PrepError);
  expect((e as PrepError).exitCode).toBe(2);
  return e as PrepError;
}

const enterAndGood: () => QuizPrompts = () => ({ timeAnswer: async () => 60_000, select: async () => 'good' as never, pause: async () => {} });

describe('prep plan', () => {
  it('prints one line per day and the recall on the day', async () => {
    const { ctx, history } = setup();
    expect(await runPlan(ctx, { stories: ['stories'], history, interview: '2026-03-12' })).toBe(0);
    const out = ctx.out.stdout.join('\n');
    expect(out).toMatch(/^Plan to your interview on Thu 2026-03-12: 10 days, up to 20 min a day$/m);
    expect(out).toMatch(/^Mon 03-02\* +12 min {2}Arguing about the queue design, /m);
    expect(out).toMatch(/On the day: all 4 stories at 90% recall or more/);
    // Days with nothing to drill are one line.
    expect(out).toMatch(/^\w{3} 03-\d\d to \w{3} 03-11  rest$/m);
  });

  it('takes the date from the interview setting', async () => {
    const { ctx, history } = setup('2026-03-04');
    await runPlan(ctx, { stories: ['stories'], history, json: true });
    const json = JSON.parse(ctx.out.stdout.join('\n'));
    expect(json.interview).toBe('2026-03-04');
    expect(json.days.map((d: { day: string }) => d.day)).toEqual(['2026-03-02', '2026-03-03']);
    expect(json.reached).toBe(true);
  });

  it('says how many minutes a day a date too close needs', async () => {
    const { ctx, history } = setup();
    await runPlan(ctx, { stories: ['stories'], history, interview: '2026-03-03', minutesPerDay: '6' });
    expect(ctx.out.stdout.join('\n')).toContain('Too close for 6 min a day: it needs about 12 min a day (--minutes-per-day 12)');
  });

  it('rejects a past date, a non-date, today, no date, and a zero budget', async () => {
    const { ctx, history } = setup();
    const o = { stories: ['stories'], history };
    expect((await usageError(runPlan(ctx, { ...o, interview: '2026-03-01' }))).message).toBe('--interview "2026-03-01" is in the past');
    expect((await usageError(runPlan(ctx, { ...o, interview: 'next friday' }))).message).toBe('--interview must be a date as YYYY-MM-DD, not "next friday"');
    expect((await usageError(runPlan(ctx, { ...o, interview: '2026-02-30' }))).message).toContain('not "2026-02-30"');
    expect((await usageError(runPlan(ctx, { ...o, interview: '2026-03-02' }))).message).toContain('is today');
    expect((await usageError(runPlan(ctx, o))).message).toContain('no interview date');
    expect((await usageError(runPlan(ctx, { ...o, interview: '2026-03-09', minutesPerDay: '0' }))).message).toBe('--minutes-per-day must be a whole number from 1 to 600, not "0"');
  });
});

describe('prep quiz with an interview date', () => {
  it("drills today's part of the plan with no options, then says it is done", async () => {
    const { ctx, history } = setup('2026-03-12');
    const deps = { prompts: enterAndGood(), interactive: true, random: seededRandom(1), clock: () => 0, columns: () => 80 };
    expect(await runQuiz(ctx, { stories: ['stories'], history }, deps)).toBe(0);
    expect(ctx.out.stdout.join('\n')).toContain('Following your plan to the interview on 2026-03-12: 4 stories today');
    expect(ctx.out.stdout.join('\n')).toContain('Question 1/4 · 0 due · 4 before the interview');
    const written = readFileSync(history, 'utf8').trim().split('\n');
    expect(written).toHaveLength(4);
    const again = testContext(ctx.cwd, {}, new Date(NOW.getTime() + 60_000));
    again.folders = ctx.folders;
    await runQuiz(again, { stories: ['stories'], history }, deps);
    expect(again.out.stdout.join('\n')).toMatch(/Today's part of your plan to 2026-03-12 is done; next practice \w{3} 2026-03-0\d\./);
    // stats shows progress against the plan.
    const stats = testContext(ctx.cwd, {}, new Date(NOW.getTime() + 60_000));
    stats.folders = ctx.folders;
    await runStats(stats, { stories: ['stories'], history });
    const out = stats.out.stdout.join('\n');
    expect(out).toContain('Plan to the interview on 2026-03-12 (10 days left)');
    expect(out).toMatch(/0 of 4 stories already at 90% recall on the day; today's part is done/);
  });

  it('runs as usual when options choose the stories', async () => {
    const { ctx, history } = setup('2026-03-12');
    const deps = { prompts: enterAndGood(), interactive: true, random: seededRandom(1), clock: () => 0, columns: () => 80 };
    await runQuiz(ctx, { stories: ['stories'], history, count: '1' }, deps);
    expect(ctx.out.stdout.join('\n')).not.toContain('Following your plan');
    expect(existsSync(history)).toBe(true);
  });
});
