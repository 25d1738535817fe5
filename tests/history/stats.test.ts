import { describe, expect, it } from 'vitest';
import { computeStats } from '../../src/history/stats.js';
import { csvField, toCsv } from '../../src/history/csv.js';
import { makeReview, type Review } from '../../src/history/review.js';
import type { Story } from '../../src/story/types.js';

const now = new Date(2026, 2, 30, 18, 0, 0);
const day = (d: number, h = 12) => new Date(2026, 2, d, h).toISOString();
const r = (story: string, at: string, over: Partial<Review> = {}) => makeReview({ at, story, question: 'q', mode: 'tell', seconds: 100, target: 120, grade: 'good', cram: false, ...over });
const story = (id: string, title: string): Story => ({ id, title, kind: 'star', summary: '', situation: 's', task: 't', action: 'a', result: 'r', sections: [], path: [], tags: [], competencies: [], questions: [], source: { file: 'x.md', line: 1 }, words: 10, speakingSeconds: 4 });

describe('computeStats', () => {
  const stories = [story('a', 'Story A'), story('b', 'Story B'), story('c', 'Story C')];
  const reviews = [
    r('a', day(28), { seconds: 130, grade: 'hard' }),
    r('a', day(29), { seconds: 90, grade: 'good' }),
    r('b', day(29), { cram: true, seconds: null, grade: 'again' }),
    r('gone', day(10)),
  ];
  const stats = computeStats({
    stories,
    competencies: new Map([
      ['a', [{ id: 'conflict', name: 'Conflict' }]],
      ['b', [{ id: 'conflict', name: 'Conflict' }, { id: 'failure', name: 'Failure' }]],
      ['c', [{ id: 'failure', name: 'Failure' }]],
    ]),
    reviews,
    due: new Map([['a', new Date(2026, 3, 2)]]),
    recall: (id) => (id === 'a' ? 0.9 : null),
    now,
  });

  it('reports per story: reviews, last grade and date, times, over-time count, due and recall', () => {
    expect(stats.stories[0]).toEqual({ id: 'a', title: 'Story A', kind: 'star', exists: true, reviews: 2, cramReviews: 0, lastGrade: 'good', lastReviewed: day(29), averageSeconds: 110, lastSeconds: 90, overTime: 1, due: new Date(2026, 3, 2).toISOString(), recall: 0.9 });
    expect(stats.stories[1]).toMatchObject({ id: 'b', reviews: 1, cramReviews: 1, averageSeconds: null, due: null, recall: null });
  });

  it('keeps reviews of stories that no longer exist, marked as such', () => {
    expect(stats.stories.at(-1)).toMatchObject({ id: 'gone', exists: false, title: null, reviews: 1 });
  });

  it('counts reviews per day for the last 30 days', () => {
    expect(stats.daily).toHaveLength(30);
    expect(stats.daily.at(-1)).toEqual({ date: '2026-03-30', reviews: 0 });
    expect(stats.daily.at(-2)).toEqual({ date: '2026-03-29', reviews: 2 });
    expect(stats.daily.find((d) => d.date === '2026-03-10')!.reviews).toBe(1);
    expect(stats.totals).toEqual({ reviews: 4, storiesDrilled: 3, practiceDays: 3, first: day(10), last: day(29) });
  });

  it('lists stories never drilled and the weakest competencies first', () => {
    expect(stats.neverDrilled).toEqual(['c']);
    expect(stats.competencies.map((c) => [c.id, c.averageRecall, c.drilled, c.stories])).toEqual([
      ['failure', 0, 0, 2],
      ['conflict', 0.45, 1, 2],
    ]);
  });

  it('keeps the last timed answers for the time trend', () => {
    expect(stats.answerTimes.map((a) => a.seconds)).toEqual([100, 130, 90]);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and nothing else', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' pad')).toBe('" pad"');
    expect(csvField(null)).toBe('');
    expect(csvField(false)).toBe('false');
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula with a leading quote, and leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("http://x","click")')).toBe(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(['+1', '-2+3', '@SUM(A1)', '\tx', '\rx'].map(csvField)).toEqual(["'+1", "'-2+3", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(csvField(-5)).toBe('-5');
    expect(csvField('a=b')).toBe('a=b');
  });
});
