import { describe, expect, it } from 'vitest';
import { parseCompetencyOption } from '../../src/cli/options.js';
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
