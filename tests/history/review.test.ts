import { describe, expect, it } from 'vitest';
import { looksLikeHistory, makeReview, parseHistory, toHistoryLine, HISTORY_VERSION, type Review } from '../../src/history/review.js';

const review = (over: Partial<Review> = {}): Review =>
  makeReview({ at: '2026-03-01T09:00:00.000Z', story: 'conflict', question: 'Tell me about a conflict.', mode: 'tell', seconds: 95.24, target: 120, grade: 'good', cram: false, ...over });

describe('makeReview / toHistoryLine', () => {
  it('writes one JSON line with the schema version and seconds to a tenth', () => {
    const line = toHistoryLine(review());
    expect(line.endsWith('\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(JSON.parse(line)).toEqual({ v: HISTORY_VERSION, at: '2026-03-01T09:00:00.000Z', story: 'conflict', question: 'Tell me about a conflict.', mode: 'tell', seconds: 95.2, target: 120, grade: 'good', cram: false });
  });

  it('keeps a question with a newline on one line', () => {
    const line = toHistoryLine(review({ question: 'two\nlines' }));
    expect(line.split('\n')).toHaveLength(2);
    expect(parseHistory(line).reviews[0]!.question).toBe('two\nlines');
  });

  it('never caps a long answer', () => {
    expect(review({ seconds: 1234.5 }).seconds).toBe(1234.5);
  });
});

describe('parseHistory', () => {
  it('reads back what was written', () => {
    const rs = [review(), review({ story: 'b', grade: 'again', cram: true, mode: 'pick', picked: 'c', seconds: null })];
    expect(parseHistory(rs.map(toHistoryLine).join('')).reviews).toEqual(rs);
  });

  it('skips a torn last line with a warning naming its line number, and counts the rest', () => {
    const text = toHistoryLine(review()) + toHistoryLine(review({ story: 'b' })) + '{"v":1,"at":"2026-03-0';
    const { reviews, problems } = parseHistory(text);
    expect(reviews.map((r) => r.story)).toEqual(['conflict', 'b']);
    expect(problems).toEqual([{ line: 3, message: 'incomplete line (torn write?)' }]);
  });

  it('skips malformed lines in the middle and keeps going', () => {
    const text = [toHistoryLine(review()), 'garbage\n', '[1,2]\n', '{"v":1,"at":"nope","story":"x","grade":"good"}\n', '{"v":1,"at":"2026-03-01T00:00:00Z","story":"x","grade":"meh"}\n', toHistoryLine(review({ story: 'z' }))].join('');
    const { reviews, problems } = parseHistory(text);
    expect(reviews.map((r) => r.story)).toEqual(['conflict', 'z']);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(problems[3]!.message).toMatch(/unknown grade "meh"/);
  });

  it('counts a line holding two JSON values as one malformed line, not two reviews', () => {
    const r = toHistoryLine(review()).trim();
    const { reviews, problems } = parseHistory(`${r}\n${r},${r}\n${r}\n`);
    expect(reviews).toHaveLength(2);
    expect(problems).toEqual([{ line: 2, message: 'not valid JSON' }]);
  });

  it('ignores blank lines and CRLF endings', () => {
    const text = '\n' + toHistoryLine(review()).replace('\n', '\r\n') + '\n\n';
    expect(parseHistory(text)).toEqual({ reviews: [review()], links: [], ties: [], problems: [] });
  });

  it('refuses lines from a newer schema rather than guessing', () => {
    const { problems } = parseHistory(JSON.stringify({ ...review(), v: HISTORY_VERSION + 1 }) + '\n');
    expect(problems[0]!.message).toMatch(/newer prep/);
  });

  it('fills defaults for optional fields a hand-written line leaves out', () => {
    const { reviews } = parseHistory('{"v":1,"at":"2026-03-01T10:00:00Z","story":"s","grade":"hard"}\n');
    expect(reviews[0]).toEqual({ v: 1, at: '2026-03-01T10:00:00Z', story: 's', question: null, mode: 'log', seconds: null, target: 120, grade: 'hard', cram: false });
  });
});

describe('looksLikeHistory', () => {
  const looks = (text: string) => looksLikeHistory(text, parseHistory(text));

  it('takes an empty file, a file with a review, and one whose only line was torn or written by a newer prep', () => {
    expect(looks('')).toBe(true);
    expect(looks('\n\n')).toBe(true);
    expect(looks('junk\n' + toHistoryLine(review()))).toBe(true);
    expect(looks('{"v":1,"at":"2026-03-01T09:00')).toBe(true);
    expect(looks('{"v')).toBe(true);
    expect(looks('{"v":9,"at":"2026-03-01T09:00:00Z","story":"s","grade":"good"}\n')).toBe(true);
  });

  it('rejects notes, other JSON and a lone brace', () => {
    expect(looks('# Stories\n\n- **Situation**: x\n')).toBe(false);
    expect(looks('{"name":"x"}\n')).toBe(false);
    expect(looks('{\n  "a": 1\n}\n')).toBe(false);
  });
});
