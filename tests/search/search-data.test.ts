import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseStories } from '../../src/parse/parse-stories.js';
import { buildIndex, exportTables, lexiconFingerprint } from '../../src/search/engine.js';
import { COMPETENCIES } from '../../src/search/competencies.js';
import { bankPlans, bankQuestions, bankWins } from '../../src/search/questions.js';
import { PLANS_FILE, readBankPlans, readSearchTables, TABLES_FILE } from '../../src/load/search-data.js';
import { tempDir } from '../helpers.js';

const bundle = join(import.meta.dirname, '../../dist/bundle');
const json = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const stored = () => json(bankPlans().map(({ question, terms, competencies, storyQuestion }) => ({ question, terms, competencies, storyQuestion })));

describe('search data computed by the build', () => {
  it.runIf(existsSync(join(bundle, PLANS_FILE)))('matches what the source computes (never stale after `npm run build`)', () => {
    const dir = pathToFileURL(bundle + '/');
    expect(readSearchTables(lexiconFingerprint(), COMPETENCIES.length, undefined, dir)).toEqual(json(exportTables()));
    expect(readBankPlans(lexiconFingerprint(), bankQuestions(), undefined, dir)).toEqual(stored());
  });

  it('gives the same bank winners as planning each question on the spot', () => {
    const stories = parseStories(
      ['# Disagreeing with my lead about a rewrite', 'S: The lead wanted a rewrite.', 'A: I argued and we compromised.', 'R: We shipped in half the time.',
        '# Cutting our cloud bill', 'S: Spend doubled.', 'A: I rightsized the database instances.', 'R: We saved $40k a year.'].join('\n'),
      'notes.md',
    ).stories;
    const index = buildIndex(stories);
    const computed = bankWins(index);
    const precomputed = bankWins(index, stored());
    expect([...precomputed.won]).toEqual([...computed.won]);
    expect([...precomputed.score]).toEqual([...computed.score]);
    expect(computed.won.size).toBe(2);
  });

  describe('a bad file is ignored with a debug note, never used', () => {
    const fp = lexiconFingerprint();
    const n = COMPETENCIES.length;
    const good = { fingerprint: fp, tables: json(exportTables()) };
    const goodPlans = { fingerprint: fp, plans: stored() };
    const cases: [string, unknown, unknown][] = [
      ['missing', undefined, undefined],
      ['truncated', '{"fingerprint": "x", "tab', '{"finger'],
      ['from another lexicon', { ...good, fingerprint: 'other' }, { ...goodPlans, fingerprint: 'other' }],
      ['with empty entries', { ...good, tables: { ...good.tables, lexicon: good.tables.lexicon.map(() => ({})) } }, { ...goodPlans, plans: goodPlans.plans.map(() => ({})) }],
      ['with null entries', { ...good, tables: { lexicon: good.tables.lexicon.map(() => null), related: null } }, { ...goodPlans, plans: goodPlans.plans.map(() => null) }],
      ['one entry short', { ...good, tables: { ...good.tables, lexicon: good.tables.lexicon.slice(1) } }, { ...goodPlans, plans: goodPlans.plans.slice(1) }],
      ['in another order', good, { ...goodPlans, plans: [goodPlans.plans[1], goodPlans.plans[0], ...goodPlans.plans.slice(2)] }],
    ];
    for (const [name, tables, plans] of cases) {
      it(name, () => {
        const dir = tempDir();
        if (tables !== undefined) writeFileSync(join(dir, TABLES_FILE), typeof tables === 'string' ? tables : JSON.stringify(tables));
        if (plans !== undefined) writeFileSync(join(dir, PLANS_FILE), typeof plans === 'string' ? plans : JSON.stringify(plans));
        const url = pathToFileURL(dir + '/');
        const notes: string[] = [];
        const t = readSearchTables(fp, n, (m) => notes.push(m), url);
        const p = readBankPlans(fp, bankQuestions(), (m) => notes.push(m), url);
        if (name === 'in another order') expect(t).toEqual(good.tables);
        else expect(t).toBeNull();
        expect(p).toBeNull();
        expect(notes.length).toBe(name === 'in another order' ? 1 : 2);
      });
    }

    it('and a good one is read', () => {
      const dir = tempDir();
      writeFileSync(join(dir, TABLES_FILE), JSON.stringify(good));
      writeFileSync(join(dir, PLANS_FILE), JSON.stringify(goodPlans));
      const url = pathToFileURL(dir + '/');
      expect(readSearchTables(fp, n, undefined, url)).toEqual(good.tables);
      expect(readBankPlans(fp, bankQuestions(), undefined, url)).toEqual(goodPlans.plans);
    });
  });
});
