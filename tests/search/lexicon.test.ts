import { describe, expect, it } from 'vitest';
import { lexicon, questionWords, toStoredLexicon, useStoredLexicon } from '../../src/search/lexicon.js';
import { stem } from '../../src/search/text.js';

describe('useStoredLexicon', () => {
  it('round-trips the lexicon through JSON', () => {
    const stored = JSON.parse(JSON.stringify(toStoredLexicon()));
    expect(useStoredLexicon(stored)).toBe(true);
    expect(toStoredLexicon()).toEqual(stored);
    expect(lexicon().allSingles.has(stem('conflict'))).toBe(true);
  });

  it('ignores a stored lexicon of another shape', () => {
    const good = toStoredLexicon();
    for (const bad of [null, 42, {}, { ...good, entries: good.entries.slice(1) }, { ...good, related: [[1, 2]] }, { ...good, surface: 'x' }]) {
      expect(useStoredLexicon(bad)).toBe(false);
    }
  });
});

describe('questionWords', () => {
  it('keeps the telling words of a question, framing and stopwords dropped', () => {
    expect([...questionWords('How do you think about conflicts?')]).toEqual([stem('conflicts')]);
  });
});
