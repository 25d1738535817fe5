import { describe, expect, it } from 'vitest';
import { parseStories } from '../../src/parse/parse-stories.js';

type Part = 'situation' | 'task' | 'action' | 'result';

/** A tiny two-part story around one labelled line; the other part is a plain bold label. */
function story(line: string, part: Part) {
  const body = part === 'result' ? `**Situation:** The nightly build took an hour to finish.\n\n${line}\n` : `${line}\n\n**Result:** Builds now finish in ten minutes.\n`;
  const r = parseStories(`## Story\n\n${body}`, 'label.md');
  return r.stories.find((s) => s.kind === 'star');
}

describe('detectLabel', () => {
  it.each<[string, Part, string]>([
    ['**Situation:** The build was slow.', 'situation', 'The build was slow.'],
    ['**Situation**: The build was slow.', 'situation', 'The build was slow.'],
    ['Situation: The build was slow.', 'situation', 'The build was slow.'],
    ['SITUATION: The build was slow.', 'situation', 'The build was slow.'],
    ['situation: The build was slow.', 'situation', 'The build was slow.'],
    ['**TASK:** Make it fast.', 'task', 'Make it fast.'],
    ['S-The build was slow.', 'situation', 'The build was slow.'],
    ['S: The build was slow.', 'situation', 'The build was slow.'],
    ['S - The build was slow.', 'situation', 'The build was slow.'],
    ['**S** — The build was slow.', 'situation', 'The build was slow.'],
    ['S – Situation: The build was slow.', 'situation', 'The build was slow.'],
    ['T: Make it fast.', 'task', 'Make it fast.'],
    ['**Situation** (30 seconds): The build was slow.', 'situation', 'The build was slow.'],
    ['Situation (context): The build was slow.', 'situation', 'The build was slow.'],
    ['**Answer.** Situation: The build was slow.', 'situation', 'The build was slow.'],
    ['A: Situation - The build was slow.', 'situation', 'The build was slow.'],
    ['⭐ Situation: The build was slow.', 'situation', 'The build was slow.'],
    ['✅ **Action:** I cached the dependencies.', 'action', 'I cached the dependencies.'],
    ['**Immediate Action:** I cached the dependencies.', 'action', 'I cached the dependencies.'],
    ['Actions: I cached the dependencies.', 'action', 'I cached the dependencies.'],
    ['**Final Result:** Builds take two minutes.', 'result', 'Builds take two minutes.'],
    ['**Result / Impact:** Builds take two minutes.', 'result', 'Builds take two minutes.'],
    ['R - Builds take two minutes.', 'result', 'Builds take two minutes.'],
    ['Outcome: Builds take two minutes.', 'result', 'Builds take two minutes.'],
  ])('%s -> %s', (line, part, text) => {
    const s = story(line, part);
    expect(s, line).toBeDefined();
    expect(s![part]).toBe(text);
  });

  // Sentences that start with a part's word or letter are text, not labels.
  it.each<[string, Part]>([
    ['A task I owned was the release calendar.', 'task'],
    ['Action items for next week are in the doc.', 'action'],
    ['Results-driven culture was the team motto.', 'result'],
    ['A big part of it was luck.', 'action'],
  ])('%s is not a %s label', (line, part) => {
    const r = parseStories(`## Story\n\n**Situation:** The nightly build took an hour to finish.\n\n${line}\n\n**Action:** I split the build into cached stages.\n\n**Result:** Builds now finish in ten minutes.\n`, 'label.md');
    const s = r.stories.find((x) => x.kind === 'star')!;
    expect(s.situation).toContain(line);
    if (part !== 'action') expect(s[part]).toBe(part === 'result' ? 'Builds now finish in ten minutes.' : '');
    else expect(s.action).toBe('I split the build into cached stages.');
  });

  it('"Challenge: ..." as a heading is a title, not a label', () => {
    const r = parseStories(
      '# Stories\n\n## Challenge: migrating the billing database\n\n**Situation:** Billing ran on an old cluster.\n\n**Action:** I moved it.\n\n**Result:** No downtime.\n',
      'label.md',
    );
    const s = r.stories.find((x) => x.kind === 'star')!;
    expect(s.title).toBe('Challenge: migrating the billing database');
    expect(s.situation).toBe('Billing ran on an old cluster.');
  });
});
