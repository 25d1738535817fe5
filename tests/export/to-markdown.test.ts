import { describe, expect, it } from 'vitest';
import { buildCheatSheet } from '../../src/export/cheat-sheet.js';
import { escapeMd, toMarkdown } from '../../src/export/to-markdown.js';
import { coverage, note, story } from './stories.js';

const md = toMarkdown(
  buildCheatSheet({
    stories: [
      story('a', { title: 'Jenkins → GitHub Actions — “fast” café naïve', result: 'Builds fell from 40 minutes to 6 minutes.', questions: ['Tell me about a migration.'] }),
      story('b', { title: 'Fixing *the* | pipe_bug', sections: [{ name: 'Lessons', text: 'Measure first.' }] }),
      note('n', { title: 'Strengths' }),
    ],
    coverage: coverage({ 'technical-depth': ['a', 0.9, ['b', 0.6]], strengths: ['n', 0.8] }),
    competencies: new Map([['a', ['technical-depth']]]),
    date: new Date(2026, 2, 2),
    scope: ['#ci'],
  }),
);

describe('toMarkdown', () => {
  it('has a header with the date, counts and scope', () => {
    expect(md.split('\n').slice(0, 3)).toEqual(['# Interview cheat sheet', '', '*2026-03-02 · 2 stories · 1 note · \\#ci*']);
  });

  it('has the question -> story table and the gaps', () => {
    expect(md).toContain('| Asked about | Tell | Also |');
    expect(md).toContain('| Technical challenge | #1 Jenkins → GitHub Actions — “fast” café naïve | #2 Fixing \\*the\\* \\| pipe\\_bug |');
    expect(md).toMatch(/\*\*Gaps\*\* \(no story yet\): Conflict, /);
  });

  it('writes a card per story with S/T/A/R/L, figures in bold, source and time', () => {
    expect(md).toContain('### 1. Jenkins → GitHub Actions — “fast” café naïve');
    expect(md).toContain('*Technical challenge · 0:48 to tell · `stories/a.md:3`*');
    expect(md).toContain('> Tell me about a migration.');
    expect(md).toContain('- **R** Builds fell from **40 minutes** to **6 minutes**.');
    expect(md).toContain('- **L** Measure first.');
    expect(md).toContain('  - Added retries.');
  });

  it('lists notes in their own section', () => {
    expect(md).toMatch(/## Notes\n\n### 3\. Strengths\n\n\*0:48 · `stories\/n\.md:3`\*\n\n- I stay calm\.\n- I write things down\./);
  });

  it('ends with exactly one newline', () => {
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
  });
});

describe('escapeMd', () => {
  it('escapes what markdown would read as formatting', () => {
    expect(escapeMd('a*b_c|d`e[f]<g>#h\\')).toBe('a\\*b\\_c\\|d\\`e\\[f\\]\\<g\\>\\#h\\\\');
  });
});
