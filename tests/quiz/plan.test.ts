import { describe, expect, it } from 'vitest';
import { planToInterview, practiceMoments, storyNeeds, todaysStories, PLAN_PARAMS, type PlanStory } from '../../src/quiz/plan.js';
import { createScheduler, recallAt, replayHistory, reviewCard } from '../../src/history/replay.js';
import { makeReview, type Review } from '../../src/history/review.js';

const NOW = new Date(2026, 2, 2, 10, 0, 0);
const day = (n: number) => new Date(2026, 2, 2 + n);
const stories = (n: number): PlanStory[] => Array.from({ length: n }, (_, i) => ({ id: `s${String(i).padStart(2, '0')}`, need: 0 }));

/** Follow a plan for every day, grading "good", as history lines. */
function follow(plan: ReturnType<typeof planToInterview>): Review[] {
  return plan.days.flatMap((d) => d.stories.map((id) => makeReview({ at: d.at.toISOString(), story: id, question: null, mode: 'tell', seconds: 100, target: 120, grade: 'good', cram: false })));
}

describe('planToInterview', () => {
  it('reaches 90% recall on the day for every story when the plan is followed and replayed', () => {
    const scheduler = createScheduler();
    const ids = stories(12);
    const plan = planToInterview({ stories: ids, cards: new Map(), scheduler, now: NOW, interview: day(14), minutesPerDay: 20 });
    expect(plan.reached).toBe(true);
    expect(plan.days).toHaveLength(14);
    expect(plan.days.every((d) => d.minutes <= 20)).toBe(true);
    const cards = replayHistory(follow(plan), plan.checkAt, scheduler);
    for (const s of ids) expect(recallAt(scheduler, cards.get(s.id), plan.checkAt)).toBeGreaterThanOrEqual(PLAN_PARAMS.targetRecall);
  });

  it('reaches the target from a mixed history over two months, for 40 stories at 30 minutes a day', () => {
    const scheduler = createScheduler();
    const ids = stories(40);
    const grades = ['again', 'hard', 'good', 'easy'] as const;
    // Half the stories were drilled before, on different days and with different grades.
    const past = ids.slice(0, 20).flatMap((s, i) => [0, 1].map((k) => makeReview({ at: new Date(2026, 1, 1 + i + k * 7, 9).toISOString(), story: s.id, question: null, mode: 'tell', seconds: 90, target: 120, grade: grades[(i + k) % 4]!, cram: false })));
    const cards = replayHistory(past, NOW, scheduler);
    const plan = planToInterview({ stories: ids, cards, scheduler, now: NOW, interview: day(60), minutesPerDay: 30 });
    expect(plan.reached).toBe(true);
    const after = replayHistory([...past, ...follow(plan)], plan.checkAt, scheduler);
    const lowest = Math.min(...ids.map((s) => recallAt(scheduler, after.get(s.id), plan.checkAt)));
    expect(lowest).toBeGreaterThanOrEqual(PLAN_PARAMS.targetRecall);
  });

  it('starts from the replayed history: a story reviewed today is not planned again today', () => {
    const scheduler = createScheduler();
    const cards = new Map([['s00', reviewCard(scheduler, undefined, NOW, 'good')]]);
    const plan = planToInterview({ stories: stories(3), cards, scheduler, now: NOW, interview: day(10), minutesPerDay: 20 });
    expect(todaysStories(plan, NOW)).toEqual(['s01', 's02']);
    expect(plan.reached).toBe(true);
  });

  it('says how many minutes a day a date too close needs', () => {
    const scheduler = createScheduler();
    const plan = planToInterview({ stories: stories(12), cards: new Map(), scheduler, now: NOW, interview: day(1), minutesPerDay: 20 });
    // One day left: all twelve stories today, three minutes each; 20 minutes holds six.
    expect(plan.reached).toBe(false);
    expect(plan.days[0]!.stories).toHaveLength(6);
    expect(plan.minutesNeeded).toBe(12 * PLAN_PARAMS.minutesPerReview);
    const cards = replayHistory(follow(planToInterview({ stories: stories(12), cards: new Map(), scheduler, now: NOW, interview: day(1), minutesPerDay: 36 })), day(1), scheduler);
    expect(cards.size).toBe(12);
  });

  it('puts the story that alone covers a competency first among new stories', () => {
    const needs = storyNeeds(new Map([['a', ['conflict']], ['b', ['conflict']], ['z', ['failure']]]));
    expect(needs.find((s) => s.id === 'z')!.need).toBe(1);
    const plan = planToInterview({ stories: needs, cards: new Map(), scheduler: createScheduler(), now: NOW, interview: day(5), minutesPerDay: 3 });
    expect(plan.days[0]!.stories).toEqual(['z']);
  });
});

describe('practiceMoments', () => {
  it('runs from now to the day before the interview at the same time of day', () => {
    const m = practiceMoments(NOW, day(3));
    expect(m.map((d) => d.getDate())).toEqual([2, 3, 4]);
    expect(m[2]!.getHours()).toBe(10);
  });
});
