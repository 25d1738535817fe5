import { describe, expect, it } from 'vitest';
import { COMPETENCIES } from '../../src/search/competencies.js';
import { MORE_QUESTIONS, MORE_WORDS } from '../../src/search/question-bank.js';

describe('the competency lexicon and question bank', () => {
  const ids = COMPETENCIES.map((c) => c.id);

  it('has 20-30 competencies with unique ids, each with words and several questions', () => {
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect(ids.length).toBeLessThanOrEqual(30);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of COMPETENCIES) {
      expect(c.words.length, c.id).toBeGreaterThan(5);
      expect(c.questions.length, c.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('extends exactly the known competencies (a typo in a key would silently drop its data)', () => {
    expect(Object.keys(MORE_QUESTIONS).sort()).toEqual([...ids].sort());
    expect(Object.keys(MORE_WORDS).sort()).toEqual([...ids].sort());
  });

  it('asks each question under one competency only, and spells words in lowercase', () => {
    const seen = new Map<string, string>();
    for (const c of COMPETENCIES) {
      for (const q of c.questions) {
        const key = q.toLowerCase();
        expect(seen.get(key), `"${q}" in ${c.id} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, c.id);
        expect(q).toMatch(/[?.]$/);
      }
      for (const w of c.words) expect(w, c.id).toBe(w.toLowerCase());
    }
  });
});
