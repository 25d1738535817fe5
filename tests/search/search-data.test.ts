import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStories } from '../../src/parse/parse-stories.js';
import { buildIndex, exportTables } from '../../src/search/engine.js';
import { bankPlans, bankQuestions, bankWins } from '../../src/search/questions.js';
import { readSearchData } from '../../src/load/search-data.js';

const bundled = join(import.meta.dirname, '../../dist/bundle/search-data.json');

describe('search data computed by the build', () => {
  it.runIf(existsSync(bundled))('matches what the source computes (it is never stale after `npm run build`)', () => {
    const data = JSON.parse(readFileSync(bundled, 'utf8'));
    expect(data.questions).toEqual(bankQuestions());
    expect(data.plans).toEqual(JSON.parse(JSON.stringify(bankPlans())));
    expect(data.tables).toEqual(JSON.parse(JSON.stringify(exportTables())));
  });

  it('gives the same bank winners as planning each question on the spot', () => {
    const stories = parseStories(
      ['# Disagreeing with my lead about a rewrite', 'S: The lead wanted a rewrite.', 'A: I argued and we compromised.', 'R: We shipped in half the time.',
        '# Cutting our cloud bill', 'S: Spend doubled.', 'A: I rightsized the database instances.', 'R: We saved $40k a year.'].join('\n'),
      'notes.md',
    ).stories;
    const index = buildIndex(stories);
    const computed = bankWins(index);
    const precomputed = bankWins(index, JSON.parse(JSON.stringify(bankPlans())));
    expect([...precomputed.won]).toEqual([...computed.won]);
    expect([...precomputed.score]).toEqual([...computed.score]);
    expect(computed.won.size).toBe(2);
  });

  it('is not used for another question bank (or when run from the source tree, where there is none)', () => {
    const notes: string[] = [];
    expect(readSearchData(['Tell me about a time you flew a kite.'], (m) => notes.push(m))).toBeNull();
    expect(notes.length).toBe(1);
  });
});
