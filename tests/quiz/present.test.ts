import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { makeReview, type Review } from '../../src/history/review.js';
import { columnChart, sparkline } from '../../src/quiz/charts.js';
import { calendarDaysBetween, dayKey, formatAgo, formatDue, lastDays, parseDay } from '../../src/dates.js';
import { flatten, renderOutline } from '../../src/quiz/outline.js';
import { pickOne, seededRandom, shuffle } from '../../src/quiz/random.js';
import { renderSummary, summarizeSession } from '../../src/quiz/summary.js';
import type { Story } from '../../src/story/types.js';

const c = new Chalk({ level: 0 });
const now = new Date(2026, 2, 2, 10, 0, 0);

function story(over: Partial<Story> = {}): Story {
  return {
    id: 'schema', title: 'Pushing back on a risky schema migration', kind: 'star', summary: '',
    situation: 'A senior engineer wanted to drop a column during peak season.', task: 'Keep checkout safe.',
    action: '- Measured the lock time on a copy\n- Proposed an expand/contract migration\n- Paired on the backfill',
    result: '', sections: [], path: [], tags: [], competencies: [], questions: [],
    source: { file: 'stories/schema.md', line: 3 }, words: 200, speakingSeconds: 80, ...over,
  };
}

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(shuffle([1, 2, 3, 4, 5], seededRandom(1)).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(pickOne([], seededRandom(1))).toBeUndefined();
  });
});

describe('dates', () => {
  it('parses interview dates strictly', () => {
    expect(parseDay('2026-03-14')).toEqual(new Date(2026, 2, 14));
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('14/03/2026')).toBeNull();
  });

  it('words due dates and past days', () => {
    expect(formatDue(new Date(now.getTime() - 1000), now)).toBe('now');
    expect(formatDue(new Date(now.getTime() + 20 * 60_000), now)).toBe('in 20 min');
    expect(formatDue(new Date(2026, 2, 3, 9), now)).toBe('tomorrow');
    expect(formatDue(new Date(2026, 2, 7, 9), now)).toBe('in 5 days');
    expect(formatDue(new Date(2027, 0, 1), now)).toBe('on 2027-01-01');
    expect(formatAgo(new Date(2026, 2, 2, 1), now)).toBe('today');
    expect(formatAgo(new Date(2026, 1, 27), now)).toBe('3d ago');
    expect(formatAgo(new Date(2025, 9, 2), now)).toBe('5mo ago');
    expect(formatAgo(new Date(2023, 2, 1), now)).toBe('3y ago');
    expect(calendarDaysBetween(new Date(2026, 2, 1, 23), new Date(2026, 2, 2, 1))).toBe(1);
  });

  it('lists the last days oldest first, ending today', () => {
    const days = lastDays(now, 30);
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toBe(dayKey(now));
    expect(days[0]).toBe('2026-02-01');
  });
});

describe('renderOutline', () => {
  it('shows each STAR part on a line or two and flags the empty ones', () => {
    const lines = renderOutline(story(), 80, c);
    expect(lines[0]).toBe('Pushing back on a risky schema migration');
    expect(lines[1]).toBe('story · ~1:20 to tell · stories/schema.md:3');
    expect(lines).toContain('S A senior engineer wanted to drop a column during peak season.');
    expect(lines).toContain('A Measured the lock time on a copy; Proposed an expand/contract migration;');
    expect(lines).toContain('  Paired on the backfill');
    expect(lines.at(-1)).toBe('R (empty: add the result)');
  });

  it('fits narrow windows and cuts long parts with an ellipsis', () => {
    const long = story({ situation: 'word '.repeat(200) });
    for (const width of [20, 30, 50, 80]) {
      const lines = renderOutline(long, width, c);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
      expect(lines.find((l) => l.startsWith('S '))).toBeDefined();
      expect(lines.some((l) => l.endsWith('…'))).toBe(true);
    }
  });

  it('shows a note as its points', () => {
    const note = story({ kind: 'note', title: 'Weaknesses', summary: '- I say yes too often.\n- I go deep too early.', situation: '', task: '', action: '', result: '' });
    expect(renderOutline(note, 60, c).slice(2)).toEqual(['  I say yes too often.', '  I go deep too early.']);
  });

  it('joins bullets without doubling punctuation', () => {
    expect(flatten('- Did one.\n- Did two\n- Did three')).toBe('Did one. Did two; Did three');
  });
});

describe('summarizeSession', () => {
  const r = (over: Partial<Review>) => makeReview({ at: '2026-03-02T10:00:00Z', story: 's', question: 'q', mode: 'tell', seconds: 100, target: 120, grade: 'good', cram: false, ...over });

  it('counts answers, average time, over-time answers and grades', () => {
    const s = summarizeSession([r({}), r({ seconds: 150, grade: 'hard' }), r({ seconds: 80, grade: 'good' })]);
    expect(s).toMatchObject({ answered: 3, averageSeconds: 110, overTime: 1, grades: { again: 0, hard: 1, good: 2, easy: 0 } });
  });

  it('renders a summary with the next due stories, soonest first', () => {
    const lines = renderSummary(summarizeSession([r({})]), [{ title: 'Later', due: new Date(2026, 2, 9, 9) }, { title: 'Sooner', due: new Date(2026, 2, 3, 9) }], now, c);
    expect(lines[0]).toBe('Session done: 1 answered · average 1:40 · none over time');
    expect(lines[1]).toBe('grades: again 0 · hard 0 · good 1 · easy 0');
    expect(lines.slice(3)).toEqual(['  tomorrow     Sooner', '  in 7 days    Later']);
  });

  it('reports pick-mode accuracy', () => {
    const s = summarizeSession([r({ mode: 'pick', picked: 's', seconds: 5, target: 20 }), r({ mode: 'pick', picked: 'x', seconds: 9, target: 20, grade: 'again' })]);
    expect(renderSummary(s, [], now, c)[0]).toBe('Session done: 2 answered · average 0:07 · 1/2 picked right');
  });
});

describe('charts', () => {
  it('draws columns in eighths, blank for zero', () => {
    expect(columnChart([0, 1, 2, 4], 1)).toEqual([' ▂▄█']);
    expect(columnChart([0, 4, 8], 2)).toEqual(['  █', ' ██']);
  });

  it('draws a sparkline with gaps', () => {
    expect(sparkline([0, 60, 120, null], 120)).toBe('▁▅█ ');
  });
});
