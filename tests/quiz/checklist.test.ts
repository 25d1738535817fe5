import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checklistResult, keyPoints, oftenSkipped, suggestGrade } from '../../src/quiz/checklist.js';
import { parseStories } from '../../src/parse/parse-stories.js';
import { makeReview, parseHistory, toHistoryLine } from '../../src/history/review.js';
import { runQuiz } from '../../src/cli/commands/quiz.js';
import { runStats } from '../../src/cli/commands/stats.js';
import type { QuizPrompts } from '../../src/cli/prompts.js';
import { seededRandom } from '../../src/quiz/random.js';
import { tempDir, testContext, writeTree } from '../helpers.js';

const STORY = `## Fixing the nightly import

- **Situation**: The nightly import failed twice a week.
- **Action**: I traced the failures.
  - I added retries with backoff.
  - I wrote an alert for partial loads.
- **Result**: Failures fell from 8 a month to 1. The on-call load dropped by 30%. Nobody was paged at night again.
- **Lessons**: Measure before fixing.
`;

const story = () => parseStories(STORY, 'n.md').stories[0]!;

describe('keyPoints', () => {
  it('lists each Action step, each figure of the Result, and the lesson', () => {
    const points = keyPoints(story());
    expect(points.map((p) => p.kind)).toEqual(['action', 'action', 'action', 'figure', 'figure', 'lesson']);
    expect(points[1]!.text).toBe('I added retries with backoff.');
    expect(points.filter((p) => p.kind === 'figure').map((p) => p.text)).toEqual(['the number: Failures fell from 8 a month to 1.', 'the number: The on-call load dropped by 30%.']);
    expect(points.at(-1)!.text).toBe('lesson: Measure before fixing.');
  });

  it('has the Result itself as a point when it states no figure, and no points for a note', () => {
    const s = parseStories('## A\n\n- **Situation**: x.\n- **Action**: I did y.\n- **Result**: The team adopted it.\n', 'n.md').stories[0]!;
    expect(keyPoints(s).map((p) => p.kind)).toEqual(['action', 'result']);
    const note = parseStories('# Talking points\n\n## Strengths\n\n- calm in incidents\n', 'n.md').stories[0]!;
    expect(keyPoints(note)).toEqual([]);
  });
});

describe('suggestGrade', () => {
  it('suggests from the share covered: all on time Easy, 80% Good, 50% Hard, less Again', () => {
    expect(suggestGrade(5, 5, 100, 120)).toBe('easy');
    expect(suggestGrade(5, 5, 130, 120)).toBe('good');
    expect(suggestGrade(4, 5, 100, 120)).toBe('good');
    expect(suggestGrade(3, 5, 100, 120)).toBe('hard');
    expect(suggestGrade(2, 5, 100, 120)).toBe('again');
  });
});

describe('review checklist field', () => {
  it('round-trips through a history line and is ignored when malformed', () => {
    const r = makeReview({ at: '2026-03-02T10:00:00.000Z', story: 'a', question: null, mode: 'mock', seconds: 90, target: 120, grade: 'good', cram: false, checklist: checklistResult(keyPoints(story()), [0, 1, 2, 3]) });
    const back = parseHistory(toHistoryLine(r)).reviews[0]!;
    expect(back.mode).toBe('mock');
    expect(back.checklist).toEqual({ points: 6, missed: [{ kind: 'figure', text: 'the number: The on-call load dropped by 30%.' }, { kind: 'lesson', text: 'lesson: Measure before fixing.' }] });
    const bad = parseHistory('{"v":1,"at":"2026-03-02T10:00:00.000Z","story":"a","grade":"good","checklist":{"points":"x"}}\n').reviews[0]!;
    expect(bad.checklist).toBeUndefined();
    expect(bad.grade).toBe('good');
  });
});

describe('oftenSkipped', () => {
  it('names a kind missed in at least two answers and half of them', () => {
    const at = (i: number) => `2026-03-0${i}T10:00:00.000Z`;
    const mk = (i: number, missed: string[]) => makeReview({ at: at(i), story: 'a', question: null, mode: 'tell', seconds: 90, target: 120, grade: 'good', cram: false, checklist: { points: 4, missed: missed.map((kind) => ({ kind, text: kind })) } });
    const found = oftenSkipped([mk(1, ['figure']), mk(2, ['figure', 'lesson']), mk(3, [])]);
    expect(found).toEqual([{ story: 'a', kind: 'figure', missed: 2, answers: 3 }]);
  });
});

describe('prep quiz checklist', () => {
  it('suggests the grade from what was ticked, records the missed points, and stats names them', async () => {
    const dir = writeTree(tempDir(), { 'stories/a.md': STORY });
    const history = join(dir, 'history.jsonl');
    const defaults: string[] = [];
    const prompts: QuizPrompts = {
      timeAnswer: async () => 90_000,
      pause: async () => {},
      // Every time, the Action and the lesson are said, never a number.
      checkbox: async (opts) => opts.choices.filter((c) => !c.name.startsWith('the number')).map((c) => c.value) as never,
      select: async (opts) => {
        defaults.push(String(opts.default));
        return opts.default as never;
      },
    };
    const deps = { prompts, interactive: true, random: seededRandom(1), clock: () => 0, columns: () => 80 };
    for (const day of [2, 9]) {
      const ctx = testContext(dir, {}, new Date(`2026-03-0${day}T10:00:00Z`));
      await runQuiz(ctx, { stories: ['stories'], history, cram: true, count: '1' }, deps);
      expect(ctx.out.stdout.join('\n')).toContain('covered 4 of 6 key points (67%): suggested hard');
    }
    expect(defaults).toEqual(['hard', 'hard']);
    expect(existsSync(history)).toBe(true);
    const lines = readFileSync(history, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].checklist.missed.map((m: { kind: string }) => m.kind)).toEqual(['figure', 'figure']);
    const stats = testContext(dir, {}, new Date('2026-03-10T10:00:00Z'));
    await runStats(stats, { stories: ['stories'], history });
    expect(stats.out.stdout.join('\n')).toContain(`you often skip the result's number in "Fixing the nightly import" (2 of 2 answers)`);
  });
});
