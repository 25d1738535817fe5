import { describe, expect, it } from 'vitest';
import { coachStories, countPronouns, partLine } from '../../src/check/coaching.js';
import { parseStories } from '../../src/parse/parse-stories.js';
import { runCheck } from '../../src/cli/commands/check.js';
import { starStory, tempDir, testContext, writeTree } from '../helpers.js';

const words = (n: number, w = 'word') => Array.from({ length: n }, () => w).join(' ');

function storiesOf(text: string) {
  return { stories: parseStories(text, 'notes.md').stories, text };
}

describe('countPronouns', () => {
  it('counts we, us, our against I, me, my, apostrophes included', () => {
    expect(countPronouns("We shipped it; our lead and I agreed, I'm sure we’re done")).toEqual({ we: 3, i: 2 });
  });
});

describe('coachStories', () => {
  it('flags an Action told as "we" on the Action\'s line', () => {
    const { stories, text } = storiesOf(starStory('Moving the queue', { action: 'We split the topic and we moved consumers; our lead reviewed it.' }));
    const found = coachStories(stories, () => text);
    const we = found.find((d) => d.rule === 'coach/we-not-i')!;
    expect(we).toMatchObject({ severity: 'warning', line: 5, file: 'notes.md' });
    expect(we.message).toBe('"Moving the queue": the Action says "we" 3 times and "I" 0 times; say what you did yourself');
  });

  it('leaves an Action told as "I" alone', () => {
    const { stories, text } = storiesOf(starStory('Moving the queue', { action: 'I split the topic and we moved consumers.' }));
    expect(coachStories(stories, () => text).map((d) => d.rule)).not.toContain('coach/we-not-i');
  });

  it('flags a Situation longer than the Action, on the Situation\'s line', () => {
    const { stories, text } = storiesOf(starStory('Long scene', { situation: `The team ${words(30)}.`, action: 'I fixed the build.' }));
    expect(coachStories(stories, () => text).find((d) => d.rule === 'coach/long-situation')).toMatchObject({ severity: 'info', line: 3 });
  });

  it('flags a story past two minutes at 150 words a minute, but not past three (too-long says that)', () => {
    const two = storiesOf(starStory('Long telling', { action: `I ${words(330)}.` }));
    expect(coachStories(two.stories).find((d) => d.rule === 'coach/over-two-minutes')?.message).toMatch(/takes about 2:1\d to tell at a normal pace; aim for 2:00$/);
    const four = storiesOf(starStory('Longer telling', { action: `I ${words(600)}.` }));
    expect(coachStories(four.stories).map((d) => d.rule)).not.toContain('coach/over-two-minutes');
  });
});

describe('partLine', () => {
  it('finds a part under its own heading, and falls back to the story line without the text', () => {
    const text = '# Notes\n\n## Fixing the build\n\n### Situation\n\nThe build was red.\n\n### Action\n\n**I** bisected the failures.\n\n### Result\n\nGreen in 2 days.\n';
    const s = parseStories(text, 'n.md').stories[0]!;
    expect(partLine(s, 'action', text)).toBe(11);
    expect(partLine(s, 'action', undefined)).toBe(s.source.line);
  });
});

describe('prep check coaching', () => {
  it('prints coaching findings with their rule names among the rest', async () => {
    const dir = writeTree(tempDir(), { 'stories/a.md': starStory('Moving the queue', { action: 'We moved it.' }) });
    const ctx = testContext(dir);
    expect(await runCheck(ctx, { stories: ['stories'] })).toBe(0);
    expect(ctx.out.stdout.join('\n')).toMatch(/a\.md:5:1 {2}warning {2}"Moving the queue": the Action says "we" once and "I" 0 times; say what you did yourself {2}coach\/we-not-i/);
  });
});
