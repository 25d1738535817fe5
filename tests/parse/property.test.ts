import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStories } from '../../src/parse/parse-stories.js';

const pieces = ['# ', '## ', '### ', '- ', '  - ', '**Situation**:', '**Result:**', 'S: ', '| a | b |', '|---|---|', '```', '---', '<!--', '-->', '<a id="x">', '> ', '\t', '\r\n', '\n', '\uFEFF', 'text', '**', '__', '[l](u)', '`c`', '&amp;', '\u0000'];

describe('parseStories (property)', () => {
  it('never throws and always returns stories and diagnostics', () => {
    const doc = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12 })), { maxLength: 80 }).map((p) => p.join(''));
    fc.assert(
      fc.property(doc, (text) => {
        const r = parseStories(text, 'p.md');
        expect(Array.isArray(r.stories)).toBe(true);
        expect(Array.isArray(r.diagnostics)).toBe(true);
        for (const s of r.stories) {
          expect(['star', 'note']).toContain(s.kind);
          expect(s.id).toMatch(/^[a-z0-9-]+$/);
          expect(s.source.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });
});

// Hostile fragments: the shapes that make markdown parsers slow (deep nesting, long runs of one character, many
// openers with no closer) and the ones prep's own reader looks at (labels, titles, tables, HTML blocks).
const hostile = [
  ' '.repeat(300), '>'.repeat(60), '- '.repeat(60), '`'.repeat(40), '*'.repeat(50), '['.repeat(80), '<details>', '<summary>',
  '{#', '|', '-|'.repeat(50), '#'.repeat(8) + ' ', '1. ', '    ', '**S** — ', 'S – Situation: ', '⭐ Result\n', 'Story 3: ',
  '<!--', ']('.repeat(40), '\\'.repeat(30), '&#x'.repeat(20), '~~~', '***', '_'.repeat(40),
];

describe('parseStories on hostile input (fuzz)', () => {
  const doc = fc.array(fc.oneof(fc.constantFrom(...hostile, ...pieces), fc.string({ maxLength: 20 })), { minLength: 20, maxLength: 400 }).map((p) => p.join(''));
  it('parses 300 hostile documents without throwing, each within a time budget, with valid diagnostics', () => {
    fc.assert(
      fc.property(doc, (text) => {
        const t = performance.now();
        const r = parseStories(text, 'h.md');
        // A budget far above the ~10 ms these take: it catches a runaway (quadratic) case, not a slow machine.
        expect(performance.now() - t).toBeLessThan(2000);
        for (const d of r.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(['error', 'warning', 'info']).toContain(d.severity);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });

  it('takes time in proportion to the input: twice the hostile text costs at most about three times as long', () => {
    const unit = hostile.join('\n') + '\n## A story\n- **Situation**: The queue backed up.\n- **Action**: I added consumers.\n- **Result**: Lag fell by 90%.\n';
    const timeOf = (text: string) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        parseStories(text, 'h.md');
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    timeOf(unit.repeat(5));
    const small = timeOf(unit.repeat(20));
    const large = timeOf(unit.repeat(40));
    expect(large / small).toBeLessThan(3.5);
  });
});
