import { describe, expect, it } from 'vitest';
import { parseStories } from '../../src/parse/parse-stories.js';
import { collectStories } from '../../src/parse/collect.js';

const star = (title: string) => `## ${title}\n\n- **Situation**: s text\n- **Task**: t text\n- **Action**: a text\n- **Result**: cut 10%\n`;

describe('parseStories edge cases', () => {
  it('reads CRLF line endings and keeps line numbers', () => {
    const r = parseStories(star('One').replace(/\n/g, '\r\n'), 'f.md');
    expect(r.stories).toHaveLength(1);
    expect(r.stories[0]!.result).toBe('cut 10%');
    expect(r.stories[0]!.source.line).toBe(1);
  });

  it('ignores a UTF-8 byte order mark', () => {
    const r = parseStories('\uFEFF' + star('Bom story'), 'f.md');
    expect(r.stories[0]!.title).toBe('Bom story');
  });

  it('treats --- in the body as a rule, not front matter', () => {
    const r = parseStories(star('First') + '\n---\n\n' + star('Second'), 'f.md');
    expect(r.stories.map((s) => s.title)).toEqual(['First', 'Second']);
  });

  it('keeps a story whose Result is empty', () => {
    const r = parseStories('## Empty result\n- **Situation**: The nightly export failed.\n- **Task**: Find out why.\n- **Action**: Read the logs.\n- **Result**:\n', 'f.md');
    expect(r.stories).toHaveLength(1);
    expect(r.stories[0]!.kind).toBe('star');
    expect(r.stories[0]!.result).toBe('');
  });

  it('keeps typos in headings as written', () => {
    const r = parseStories(star('Misteak I made'), 'f.md');
    expect(r.stories[0]!.title).toBe('Misteak I made');
    expect(r.stories[0]!.id).toBe('misteak-i-made');
  });

  it('never reads fenced code as STAR labels', () => {
    const r = parseStories('## Code only\n\n```\n- **Situation**: a\n- **Task**: b\n```\n', 'f.md');
    expect(r.stories.every((s) => s.kind === 'note')).toBe(true);
  });

  it('reports broken YAML front matter with its line and still reads the body', () => {
    const r = parseStories('---\ntitle: [unclosed\n---\n' + star('After bad yaml'), 'f.md');
    expect(r.stories.map((s) => s.title)).toEqual(['After bad yaml']);
    const d = r.diagnostics.find((x) => x.rule === 'front-matter');
    expect(d?.severity).toBe('error');
    expect(d?.line).toBe(2);
  });

  it('refuses JavaScript front matter without running it', () => {
    (globalThis as Record<string, unknown>).__prepPwned = false;
    const r = parseStories('---js\n{ title: (globalThis.__prepPwned = true, "x") }\n---\n' + star('Safe'), 'f.md');
    expect((globalThis as Record<string, unknown>).__prepPwned).toBe(false);
    expect(r.diagnostics.some((d) => d.rule === 'front-matter' && /not read/.test(d.message))).toBe(true);
    expect(r.stories[0]!.title).toBe('Safe');
  });

  it('skips binary files with a warning', () => {
    const r = parseStories('PK\u0003\u0004\u0000\u0000binary', 'x.md');
    expect(r.stories).toEqual([]);
    expect(r.diagnostics[0]!.rule).toBe('binary-file');
  });

  it('skips a 1 MB line with a warning naming its line and keeps the rest', () => {
    const r = parseStories(star('Before') + 'x'.repeat(1_000_000) + '\n' + star('After'), 'big.md');
    expect(r.stories.map((s) => s.title)).toEqual(['Before', 'After']);
    expect(r.diagnostics.find((d) => d.rule === 'line-too-long')?.line).toBe(7);
  });

  it('survives 3,000-deep nested lists and quotes with a warning', () => {
    const lists = Array.from({ length: 3000 }, (_, i) => ' '.repeat(i * 2) + '- item').join('\n');
    const quotes = '>'.repeat(3000) + ' deep';
    const r = parseStories(star('Deep') + lists + '\n\n' + quotes + '\n', 'deep.md');
    expect(r.stories[0]!.title).toBe('Deep');
    expect(r.diagnostics.some((d) => d.rule === 'deep-nesting')).toBe(true);
  });

  it('strips HTML from titles and uses an explicit anchor as the id, even unclosed', () => {
    const r = parseStories('## <a id="my-anchor"> Title <b>bold</b>\n- **Situation**: The queue backed up.\n- **Result**: Lag fell by 90%.\n', 'f.md');
    expect(r.stories[0]!.title).toBe('Title bold');
    expect(r.stories[0]!.id).toBe('my-anchor');
  });

  it('lends a single story its front matter id, competencies and questions', () => {
    const r = parseStories('---\nid: custom\ncompetencies: [conflict]\nquestions:\n  - Tell me about a disagreement.\n---\n' + star('Titled'), 'f.md');
    expect(r.stories[0]).toMatchObject({ id: 'custom', competencies: ['conflict'], questions: ['Tell me about a disagreement.'] });
  });

  it('keeps ids stable when the body changes', () => {
    const a = parseStories(star('Stable id'), 'f.md').stories[0]!;
    const b = parseStories(star('Stable id').replace('s text', 'a completely new situation'), 'f.md').stories[0]!;
    expect(a.id).toBe(b.id);
  });

  it('reads "Situation - text" (a label word, then a spaced dash)', () => {
    const r = parseStories('## Dash labels\nSituation - The queue backed up.\nTask - Drain it.\nAction - Added consumers.\nResult - Lag fell to 2 s.\n', 'f.md');
    expect(r.stories[0]).toMatchObject({ kind: 'star', situation: 'The queue backed up.', result: 'Lag fell to 2 s.' });
  });

  it('keeps fenced code out of the story text and its tags', () => {
    const r = parseStories('## Fenced\n- **Situation**: s\n- **Action**: ran it\n```\nTech: Go, Kafka\nkubectl rollout restart\n```\n- **Result**: 3x faster\n', 'f.md');
    expect(r.stories[0]!.action).toBe('ran it');
    expect(r.stories[0]!.tags).toEqual([]);
  });

  it('shows wiki links as their text', () => {
    const r = parseStories('## Wiki\n- **Situation**: Moved [[Postgres]] to [[2023 review|the new cluster]] ![[diagram.png]]\n- **Result**: done in 2 weeks\n', 'f.md');
    expect(r.stories[0]!.situation).toBe('Moved Postgres to the new cluster');
  });

  it('counts words and speaking time at 150 words a minute', () => {
    const words = Array.from({ length: 150 }, () => 'word').join(' ');
    const s = parseStories(`## Long\n- **Situation**: ${words}\n- **Result**: ${words}\n`, 'f.md').stories[0]!;
    expect(s.words).toBe(300);
    expect(s.speakingSeconds).toBe(120);
  });
});

describe('collectStories', () => {
  it('suffixes duplicate ids and warns', () => {
    const c = collectStories([parseStories(star('Same'), 'a.md'), parseStories(star('Same'), 'b.md')]);
    expect(c.stories.map((s) => s.id)).toEqual(['same', 'same-2']);
    expect(c.diagnostics).toHaveLength(1);
    expect(c.diagnostics[0]).toMatchObject({ file: 'b.md', rule: 'duplicate-id', severity: 'warning' });
  });
});

describe('parseStories questions', () => {
  it('reads interview questions written over a story, and under a "Questions" label, as its questions', () => {
    const text = '## Paging storm\n\nTell me about a time you were on call. How did you calm a noisy alert?\n\n**Situation:** Our pager fired 40 times a night.\n\n**Action:** I grouped the alerts and deleted the ones nobody acted on.\n\n**Result:** Pages fell to 3 a week.\n\n**Questions:** Describe a time you reduced toil.\n';
    const s = parseStories(text, 'f.md').stories[0]!;
    expect(s.questions).toEqual(['Tell me about a time you were on call.', 'How did you calm a noisy alert?', 'Describe a time you reduced toil.']);
    expect(s.result).toBe('Pages fell to 3 a week.');
  });
});
