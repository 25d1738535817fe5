import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';
import { appendReview, readHistory } from '../../src/history/log-file.js';
import { createScheduler, previewDue, recallAt, recallEstimate, replayHistory, reviewCard } from '../../src/history/replay.js';
import { GRADES, makeReview, type Grade, type Review } from '../../src/history/review.js';
import { seededRandom } from '../../src/quiz/random.js';
import { tempDir } from '../helpers.js';

const DAY = 86_400_000;
const t0 = Date.parse('2026-01-05T09:00:00Z');
const review = (story: string, at: number, grade: Grade, over: Partial<Review> = {}) =>
  makeReview({ at: new Date(at).toISOString(), story, question: 'q', mode: 'tell', seconds: 90, target: 120, grade, cram: false, ...over });

describe('replayHistory', () => {
  it('round-trips: a written review log replays to the same FSRS state as scheduling directly', () => {
    const random = seededRandom(7);
    const f = fsrs({ enable_short_term: false, enable_fuzz: false });
    const direct = new Map<string, Card>();
    const file = join(tempDir(), 'history.jsonl');
    let t = t0;
    for (let i = 0; i < 60; i++) {
      const story = ['a', 'b', 'c'][Math.floor(random() * 3)]!;
      const grade = GRADES[Math.floor(random() * 4)]!;
      t += Math.floor(random() * 4 * DAY);
      const at = new Date(t);
      direct.set(story, f.next(direct.get(story) ?? createEmptyCard(at), at, (Rating.Again + GRADES.indexOf(grade)) as Rating.Again).card);
      appendReview(file, review(story, t, grade));
    }
    const replayed = replayHistory(readHistory(file).reviews, new Date(t + DAY));
    expect([...replayed.keys()].sort()).toEqual([...direct.keys()].sort());
    for (const [id, card] of direct) expect(replayed.get(id)).toEqual({ ...card });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(60);
  });

  it('leaves cram reviews and reviews after now out of the schedule', () => {
    const base = [review('a', t0, 'good')];
    const now = new Date(t0 + 10 * DAY);
    const plain = replayHistory(base, now).get('a');
    expect(replayHistory([...base, review('a', t0 + DAY, 'again', { cram: true })], now).get('a')).toEqual(plain);
    expect(replayHistory([...base, review('a', t0 + 20 * DAY, 'again')], now).get('a')).toEqual(plain);
    expect(replayHistory([review('b', t0, 'good', { cram: true })], now).has('b')).toBe(false);
  });

  it('replays in time order even when concurrent appends landed out of order', () => {
    const inOrder = [review('a', t0, 'good'), review('a', t0 + 3 * DAY, 'hard'), review('a', t0 + 9 * DAY, 'easy')];
    const shuffled = [inOrder[2]!, inOrder[0]!, inOrder[1]!];
    const now = new Date(t0 + 30 * DAY);
    expect(replayHistory(shuffled, now)).toEqual(replayHistory(inOrder, now));
  });

  it('keeps the cards of stories that no longer exist (ids are all it knows)', () => {
    expect(replayHistory([review('gone', t0, 'good')], new Date(t0 + DAY)).has('gone')).toBe(true);
  });

  it('schedules in days: Good on a new story is due days later, Again the next day', () => {
    const s = createScheduler();
    const at = new Date(t0);
    const good = reviewCard(s, undefined, at, 'good');
    const again = reviewCard(s, undefined, at, 'again');
    expect(good.due.getTime() - t0).toBeGreaterThanOrEqual(2 * DAY);
    expect(again.due.getTime() - t0).toBe(DAY);
    const preview = previewDue(s, undefined, at);
    expect(preview.good).toEqual(good.due);
    expect(preview.again.getTime()).toBeLessThan(preview.hard.getTime());
    expect(preview.good.getTime()).toBeLessThan(preview.easy.getTime());
  });

  it('gives recall 0 for a story never drilled and falling recall over time', () => {
    const s = createScheduler();
    const card = reviewCard(s, undefined, new Date(t0), 'good');
    expect(recallAt(s, undefined, new Date(t0))).toBe(0);
    const soon = recallAt(s, card, new Date(t0 + DAY));
    const later = recallAt(s, card, new Date(t0 + 30 * DAY));
    expect(soon).toBeGreaterThan(later);
    expect(soon).toBeLessThanOrEqual(1);
  });
});

describe('recallEstimate', () => {
  it('is low right after Again and high right after Good, as the stability FSRS gives says', () => {
    const s = createScheduler();
    const at = new Date('2026-03-01T10:00:00Z');
    const minuteLater = new Date(at.getTime() + 60_000);
    const again = reviewCard(s, undefined, at, 'again');
    const good = reviewCard(s, undefined, at, 'good');
    expect(recallAt(s, again, minuteLater)).toBe(1);
    expect(recallEstimate(s, again, minuteLater)).toBeLessThan(0.8);
    expect(recallEstimate(s, good, minuteLater)).toBeGreaterThan(0.9);
    const later = new Date(at.getTime() + 5 * 86_400_000);
    expect(recallEstimate(s, good, later)).toBe(recallAt(s, good, later));
    expect(recallEstimate(s, undefined, at)).toBe(0);
  });
});
