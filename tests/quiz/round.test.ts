import { describe, expect, it } from 'vitest';
import { advanceRound, roundReview, startRound, type PlannedRound } from '../../src/quiz/round.js';

const tell: PlannedRound = { storyId: 's', question: 'Tell me about a conflict.', mode: 'tell', target: 120, cram: false };
const pick: PlannedRound = { ...tell, mode: 'pick', target: 20, choices: ['a', 's', 'b', 'c'], timed: true };
const at = new Date('2026-03-02T10:00:00Z');

describe('round state machine', () => {
  it('tell: asking -> answered (measured by the clock) -> graded -> one review', () => {
    const asked = startRound(tell, 10_000);
    const answered = advanceRound(asked, { type: 'answer', atMs: 118_400 });
    expect(answered).toEqual({ phase: 'answered', round: tell, seconds: 108.4 });
    const graded = advanceRound(answered, { type: 'grade', grade: 'hard' });
    expect(graded).toMatchObject({ phase: 'graded', grade: 'hard', seconds: 108.4 });
    expect(roundReview(graded, at)).toEqual({ v: 1, at: '2026-03-02T10:00:00.000Z', story: 's', question: 'Tell me about a conflict.', mode: 'tell', seconds: 108.4, target: 120, grade: 'hard', cram: false });
  });

  it('records the real duration past the target, uncapped', () => {
    const answered = advanceRound(startRound(tell, 0), { type: 'answer', atMs: 400_000 });
    expect(answered.seconds).toBe(400);
  });

  it('pick: grades itself from the pick and the time', () => {
    const right = advanceRound(startRound(pick, 0), { type: 'answer', atMs: 4000, picked: 's' });
    expect(right).toMatchObject({ phase: 'graded', grade: 'easy', picked: 's' });
    const wrong = advanceRound(startRound(pick, 0), { type: 'answer', atMs: 4000, picked: 'a' });
    expect(wrong).toMatchObject({ phase: 'graded', grade: 'again' });
    expect(roundReview(wrong, at)).toMatchObject({ mode: 'pick', picked: 'a', story: 's', grade: 'again' });
  });

  it('pick: a pick the user showed also fits is right, and speed counts only with a timer', () => {
    const tied = advanceRound(startRound(pick, 0), { type: 'answer', atMs: 4000, picked: 'a', alsoFits: true });
    expect(tied).toMatchObject({ phase: 'graded', grade: 'easy', picked: 'a' });
    const untimed = advanceRound(startRound({ ...pick, timed: false }, 0), { type: 'answer', atMs: 4000, picked: 's' });
    expect(untimed).toMatchObject({ grade: 'good' });
  });

  it('refuses events out of order and reviews of unfinished rounds', () => {
    const asked = startRound(tell, 0);
    expect(() => advanceRound(asked, { type: 'grade', grade: 'good' })).toThrow(/invalid quiz event "grade" in phase "asking"/);
    expect(() => roundReview(asked, at)).toThrow(/not graded/);
    const graded = advanceRound(advanceRound(asked, { type: 'answer', atMs: 1 }), { type: 'grade', grade: 'good' });
    expect(() => advanceRound(graded, { type: 'grade', grade: 'easy' })).toThrow(/phase "graded"/);
    expect(() => startRound({ ...pick, choices: ['a', 'b'] }, 0)).toThrow(/correct story/);
  });

  it('marks cram rounds so replay can leave them out', () => {
    const graded = advanceRound(advanceRound(startRound({ ...tell, cram: true }, 0), { type: 'answer', atMs: 1000 }), { type: 'grade', grade: 'good' });
    expect(roundReview(graded, at).cram).toBe(true);
  });
});
