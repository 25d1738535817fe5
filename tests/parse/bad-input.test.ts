import { describe, expect, it } from 'vitest';
import { parseStories } from '../../src/parse/parse-stories.js';

const good = '## Kept story\n\n- **Situation**: The nightly export failed.\n- **Action**: I rewrote the retry loop.\n- **Result**: No failures in 30 days.\n';

// Each input must parse without throwing and keep the good story beside it (vitest's timeout guards against a hang).
describe('parseStories on bad input', () => {
  it('reads an unclosed <details> as text and keeps the story after it', () => {
    const r = parseStories('<details>\n<summary>Half a story</summary>\n\n**Situation:** We had no backups.\n\n' + good, 'f.md');
    expect(r.stories.map((s) => s.title)).toContain('Kept story');
  });

  it('reads a 5,000-row table', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `| Action | step ${i} |`).join('\n');
    const r = parseStories(good + '\n## Table story\n\n| Part | Text |\n| --- | --- |\n| Situation | The queue backed up. |\n' + rows + '\n', 'f.md');
    const table = r.stories.find((s) => s.title === 'Table story')!;
    expect(table.action.split('\n')).toHaveLength(5000);
    expect(r.stories.map((s) => s.title)).toContain('Kept story');
  });

  it('reads lists nested 500 deep with one warning, keeping the story', () => {
    const deep = Array.from({ length: 500 }, (_, i) => ' '.repeat(i * 2) + '- level').join('\n');
    const r = parseStories(good + '\n' + deep + '\n', 'f.md');
    expect(r.stories[0]!.title).toBe('Kept story');
    expect(r.diagnostics.filter((d) => d.rule === 'deep-nesting')).toHaveLength(1);
  });

  it('skips a heading of 100 KB with a warning naming its line', () => {
    const r = parseStories('# ' + 'x'.repeat(100_000) + '\n\n' + good, 'f.md');
    expect(r.stories.map((s) => s.title)).toEqual(['Kept story']);
    expect(r.diagnostics.find((d) => d.rule === 'line-too-long')?.line).toBe(1);
  });

  it('reads a file of only labels as no story, and says so', () => {
    const r = parseStories('**Situation:**\n\n**Task:**\n\n**Action:**\n\n**Result:**\n', 'f.md');
    expect(r.stories).toEqual([]);
    expect(r.diagnostics.map((d) => d.rule)).toEqual(expect.arrayContaining(['not-a-story']));
  });

  it('keeps the good stories beside a binary-looking or empty section', () => {
    const r = parseStories(good + '\n## Empty\n\n## Also empty\n', 'f.md');
    expect(r.stories.map((s) => s.title)).toEqual(['Kept story']);
  });
});
