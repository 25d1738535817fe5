import { describe, expect, it } from 'vitest';
import { parseCompetencyOption } from '../../src/cli/options.js';
import { suggestSimilar, typoBudget } from '../../src/errors.js';
import { lookupStory } from '../../src/cli/lookup.js';
import { story } from '../export/stories.js';
import { runCoverage } from '../../src/cli/commands/coverage.js';
import { ROOT, testContext } from '../helpers.js';

describe('parseCompetencyOption', () => {
  it('accepts a name, an id, or a unique prefix of either', async () => {
    for (const text of ['Failure and mistakes', 'failure', 'fail', 'Teamwork', 'influence without']) {
      expect((await parseCompetencyOption(text)).id, text).toMatch(/^(failure|collaboration|influence)$/);
    }
    await expect(parseCompetencyOption('co')).rejects.toMatchObject({ code: 'usage.competency', exitCode: 2, message: 'competency "co" is ambiguous' });
  });
});

describe('prep coverage', () => {
  it('shows each competency id next to its name when they differ', async () => {
    const ctx = testContext(ROOT);
    await runCoverage(ctx, { stories: ['stories'] });
    const text = ctx.out.stdout.join('\n');
    expect(text).toMatch(/^Failure and mistakes \(failure\) /m);
    expect(text).toMatch(/^Conflict {2,}/m);
  });
});

describe('typoBudget', () => {
  it('is the one misspelling rule of story lookup and "did you mean" hints', () => {
    expect([3, 4, 6, 9, 10].map(typoBudget)).toEqual([1, 2, 2, 2, 3]);
    expect(suggestSimilar('goood', ['good', 'easy'])).toEqual(['good']);
    expect(suggestSimilar('xyz', ['good', 'easy'])).toEqual([]);
    const stories = [story('the-outage-i-caused', { title: 'The outage I caused' }), story('cutting-scope', { title: 'Cutting scope' })];
    // Two edits in a six-letter word ("outgae") are a typo in lookup as in every hint.
    expect(() => lookupStory(stories, 'outgae')).toThrow(expect.objectContaining({ code: 'story.unknown', hint: 'did you mean "the-outage-i-caused"?' }));
  });
});
