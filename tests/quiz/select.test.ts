import { describe, expect, it } from 'vitest';
import { chooseQuestion, echoesTitle, gradePick, pickChoices, planSession, remainingCounts, type PlanInput } from '../../src/quiz/select.js';
import { seededRandom } from '../../src/quiz/random.js';

const DAY = 86_400_000;
const now = new Date('2026-03-02T10:00:00Z');
const at = (days: number) => new Date(now.getTime() + days * DAY);

function input(over: Partial<PlanInput> = {}): PlanInput {
  const recalls: Record<string, number> = { a: 0.8, b: 0.5, c: 0.95, d: 0.7 };
  return {
    ids: ['a', 'b', 'c', 'd', 'n1', 'n2'],
    due: new Map([
      ['a', at(-1)],
      ['b', at(-3)],
      ['c', at(5)],
      ['d', at(20)],
    ]),
    // Recall falls linearly with days ahead, from each story's value today.
    recall: (id, when) => Math.max(0, (recalls[id] ?? 0) - (when.getTime() - now.getTime()) / DAY / 100),
    now,
    count: 10,
    cram: false,
    random: seededRandom(1),
    ...over,
  };
}

describe('planSession', () => {
  it('puts due stories first, weakest recall first, then new ones, and nothing not yet due', () => {
    const plan = planSession(input());
    expect(plan.rounds.map((r) => r.id).slice(0, 2)).toEqual(['b', 'a']);
    expect(plan.rounds.slice(2).map((r) => r.id).sort()).toEqual(['n1', 'n2']);
    expect(plan.rounds.map((r) => r.reason)).toEqual(['due', 'due', 'new', 'new']);
    expect(plan).toMatchObject({ dueCount: 2, newCount: 2, nextDue: { id: 'c', due: at(5) } });
  });

  it('stops at --count', () => {
    expect(planSession(input({ count: 1 })).rounds).toEqual([{ id: 'b', reason: 'due' }]);
  });

  it('with an interview date, adds stories that would not come up again before it', () => {
    const plan = planSession(input({ until: at(10) }));
    // Before the new stories: a story practised once matters more before an interview than one never started.
    expect(plan.rounds.map((r) => r.reason)).toEqual(['due', 'due', 'before-interview', 'new', 'new']);
    expect(plan.rounds[2]!.id).toBe('d');
    expect(plan.beforeInterviewCount).toBe(1);
    // c comes up on day 5, before the interview, so it is left to the schedule.
    expect(plan.rounds.map((r) => r.id)).not.toContain('c');
  });

  it('--cram drills any story, shuffled reproducibly by the seed', () => {
    const one = planSession(input({ cram: true, count: 4, random: seededRandom(9) }));
    const two = planSession(input({ cram: true, count: 4, random: seededRandom(9) }));
    expect(one.rounds).toEqual(two.rounds);
    expect(one.rounds).toHaveLength(4);
    expect(one.rounds.every((r) => r.reason === 'cram')).toBe(true);
  });

  it('plans nothing when nothing is due and no story is new', () => {
    const plan = planSession(input({ ids: ['c', 'd'] }));
    expect(plan.rounds).toEqual([]);
    expect(plan.nextDue).toEqual({ id: 'c', due: at(5) });
  });
});

describe('remainingCounts', () => {
  it('counts down the due, new and before-interview stories as rounds are answered', () => {
    const plan = planSession(input({ until: at(10) }));
    expect(plan.rounds.map((r) => r.reason)).toEqual(['due', 'due', 'before-interview', 'new', 'new']);
    expect(remainingCounts(plan, 0)).toEqual({ dueCount: 2, newCount: 2, beforeInterviewCount: 1 });
    expect(remainingCounts(plan, 1)).toEqual({ dueCount: 1, newCount: 2, beforeInterviewCount: 1 });
    expect(remainingCounts(plan, 3)).toEqual({ dueCount: 0, newCount: 2, beforeInterviewCount: 0 });
    expect(remainingCounts(plan, 5)).toEqual({ dueCount: 0, newCount: 0, beforeInterviewCount: 0 });
  });

  it('keeps the stories left out by --count in the count', () => {
    const plan = planSession(input({ count: 3 }));
    expect(remainingCounts(plan, 2)).toEqual({ dueCount: 0, newCount: 2, beforeInterviewCount: 0 });
    expect(remainingCounts(plan, 3)).toEqual({ dueCount: 0, newCount: 1, beforeInterviewCount: 0 });
  });
});

describe('chooseQuestion', () => {
  const options = [
    { text: 'What is your greatest weakness?', score: 0.9 },
    { text: 'What are you working to improve?', score: 0.8 },
    { text: 'Describe a successful collaboration.', score: 0.3 },
  ];

  it('asks only questions that fit the story well', () => {
    const asked = new Set(Array.from({ length: 50 }, (_, i) => chooseQuestion(options, [], seededRandom(i))));
    expect([...asked].sort()).toEqual(['What are you working to improve?', 'What is your greatest weakness?']);
  });

  it('prefers a question not asked recently', () => {
    for (let i = 0; i < 20; i++) expect(chooseQuestion(options, ['What is your greatest weakness?'], seededRandom(i))).toBe('What are you working to improve?');
  });

  it('repeats a question when it is the only one', () => {
    expect(chooseQuestion([{ text: 'Only one?', score: 1 }], ['Only one?'], seededRandom(1))).toBe('Only one?');
  });
});

describe('pickChoices', () => {
  const ids = ['right', 'close', 'x', 'y', 'z', 'w'];
  const scores = new Map([
    ['right', 0.8],
    ['close', 0.78],
    ['x', 0.3],
  ]);

  it('offers the right story and three clearly weaker ones, shuffled', () => {
    for (let seed = 0; seed < 20; seed++) {
      const choices = pickChoices('right', scores, ids, seededRandom(seed));
      expect(choices).toHaveLength(4);
      expect(choices).toContain('right');
      expect(choices).not.toContain('close');
      expect(new Set(choices).size).toBe(4);
    }
  });

  it('offers fewer choices rather than one that also answers the question well', () => {
    const choices = pickChoices('right', new Map([['right', 1], ['a', 0.5], ['b', 0.8], ['c', 0.9]]), ['right', 'a', 'b', 'c'], seededRandom(1));
    expect([...choices].sort()).toEqual(['a', 'right']);
    expect(pickChoices('right', new Map([['right', 0]]), ['right', 'a'], seededRandom(1))).toEqual(['right']);
  });

  it('never offers a story the user tied to the question', () => {
    for (let seed = 0; seed < 10; seed++) expect(pickChoices('right', scores, ids, seededRandom(seed), 4, new Set(['x']))).not.toContain('x');
  });
});

describe('echoesTitle', () => {
  it('spots a question built from the title, not one that shares a word', () => {
    expect(echoesTitle('Tell me about the time: EC2 to On-Demand Migration.', 'EC2 to On-Demand Migration')).toBe(true);
    expect(echoesTitle('Tell me about migrating the billing system', 'The billing migration')).toBe(true);
    expect(echoesTitle('Tell me about a time you improved the performance of a system', 'Elasticsearch query optimisation')).toBe(false);
    expect(echoesTitle('Describe a migration you led', 'EC2 to On-Demand Migration')).toBe(false);
  });
});

describe('gradePick', () => {
  it('grades a wrong pick Again and a right one by speed', () => {
    expect(gradePick(false, 2, 20)).toBe('again');
    expect(gradePick(true, 10, 20)).toBe('easy');
    expect(gradePick(true, 20, 20)).toBe('good');
    expect(gradePick(true, 21, 20)).toBe('hard');
  });

  it('grades a right pick on correctness only when no timer was shown', () => {
    expect(gradePick(true, 2, 20, false)).toBe('good');
    expect(gradePick(true, 60, 20, false)).toBe('good');
    expect(gradePick(false, 2, 20, false)).toBe('again');
  });
});
