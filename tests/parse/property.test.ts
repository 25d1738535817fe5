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
