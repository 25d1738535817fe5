import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { describe, expect, it } from 'vitest';
import { isEnglishWord } from '../../src/load/dictionary.js';
import { makeCorrector } from '../../src/search/fuzzy.js';

describe('isEnglishWord', () => {
  it('knows common English words, so typo correction leaves them alone', () => {
    for (const w of ['drive', 'best', 'adoption', 'organization', 'inheriting', 'questioned']) expect(isEnglishWord(w)).toBe(true);
  });

  it('knows the first and the last word of the list (no newline on one side)', () => {
    const lines = readFileSync(wordListPath, 'utf8').split('\n').filter(Boolean);
    expect(isEnglishWord(lines[0]!)).toBe(true);
    expect(isEnglishWord(lines.at(-1)!)).toBe(true);
  });

  it('does not know typos', () => {
    for (const w of ['misteak', 'conflcit', 'elastcsearch']) expect(isEnglishWord(w)).toBe(false);
  });

  it('keeps a real word from being "corrected" to a word of the notes', () => {
    const correct = makeCorrector(isEnglishWord);
    expect(correct('drive', ['driven', 'drove'])).toEqual([]);
    expect(correct('misteak', ['mistake', 'misstep']).map((f) => f.word)).toContain('mistake');
  });
});
