import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADES, makeReview, parseHistory, REVIEW_MODES, toHistoryLine } from '../../src/history/review.js';

/** A line prep writes, without its newline. */
const goodLine = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    story: fc.string({ minLength: 1, maxLength: 12 }),
    question: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
    mode: fc.constantFrom(...REVIEW_MODES),
    seconds: fc.option(fc.double({ min: 0, max: 5000, noNaN: true }), { nil: null }),
    target: fc.integer({ min: 10, max: 3600 }),
    grade: fc.constantFrom(...GRADES),
    cram: fc.boolean(),
  })
  .map(({ day, ...r }) => toHistoryLine(makeReview({ ...r, at: `2026-02-${String(day).padStart(2, '0')}T09:00:00.000Z` })).slice(0, -1));

/** A line cut short by a crash mid-write: a strict prefix of a good one. */
const tornLine = goodLine.chain((l) => fc.integer({ min: 1, max: l.length - 1 }).map((n) => l.slice(0, n)));

const blankLine = fc.constantFrom('', ' ', '\t', '\r', '  \r');

/** Lines that are JSON but not reviews, or could trick a parse of `[line,line,...]` into the wrong number of values. */
const otherLine = fc.oneof(
  { arbitrary: fc.constantFrom('42', 'null', '[1]', '{}', '"x"', '1,2', '"a","b"', '1],[2', '{"v":1}{"v":1}', '{"v":2,"at":"2026-01-01","story":"s","grade":"good"}', '{"v":1,"at":"x","story":"s","grade":"good"}', '{"v":1,"at":"2026-01-01","story":"s","grade":"great"}', ']', '[', ','), weight: 3 },
  { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
);

/** History text: any mix of lines, or (as often) a clean file of good lines, the case the fast path takes. */
const mixedText = fc
  .record({
    lines: fc.array(fc.oneof({ arbitrary: goodLine, weight: 8 }, { arbitrary: tornLine, weight: 1 }, { arbitrary: blankLine, weight: 1 }, { arbitrary: otherLine, weight: 1 }), { maxLength: 12 }),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ lines, crlf, finalNewline }) => lines.join(crlf ? '\r\n' : '\n') + (finalNewline && lines.length ? (crlf ? '\r\n' : '\n') : ''));
const cleanText = fc.array(goodLine, { minLength: 1, maxLength: 12 }).map((lines) => lines.map((l) => l + '\n').join(''));
/** A clean file but for one torn or odd line: what the fast path must notice and hand to the line-by-line path. */
const nearlyCleanText = fc
  .tuple(fc.array(goodLine, { maxLength: 6 }), fc.oneof(tornLine, otherLine), fc.array(goodLine, { maxLength: 6 }))
  .map(([before, odd, after]) => [...before, odd, ...after].map((l) => l + '\n').join(''));
const historyText = fc.oneof(mixedText, cleanText, nearlyCleanText);

describe('parseHistory (property)', () => {
  it('reads any mix of good, torn and blank lines the same with and without the one-parse fast path', () => {
    let clean = 0;
    fc.assert(
      fc.property(historyText, (text) => {
        const fast = parseHistory(text);
        if (!fast.problems.length && text.endsWith('\n') && !text.includes('\r') && !text.includes('\n\n') && !text.startsWith('\n')) clean++;
        expect(fast).toEqual(parseHistory(text, { fast: false }));
      }),
      { numRuns: 600, seed: 20260302 },
    );
    // The property says nothing about the fast path unless clean files came up.
    expect(clean).toBeGreaterThan(50);
  });
});
