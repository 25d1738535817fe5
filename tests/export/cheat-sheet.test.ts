import { describe, expect, it } from 'vitest';
import { buildCheatSheet, replaceUndrawable, sourceLabel, type CheatSheet } from '../../src/export/cheat-sheet.js';
import { allTags, selectStories } from '../../src/export/select.js';
import { coverage, note, story } from './stories.js';

const DATE = new Date(2026, 2, 2, 10, 0, 0);

function sheet(over: Partial<Parameters<typeof buildCheatSheet>[0]> = {}): CheatSheet {
  const stories = [
    story('a', { title: 'Pushing back on a risky migration', competencies: ['conflict'], questions: ['Tell me about a time you disagreed.'] }),
    note('n', { title: 'Strengths' }),
    story('b', { title: 'The outage I caused', result: '- Customers were calm.\n- Downtime fell from 40 minutes to 3 minutes.\n- We wrote a runbook.\n- MTTR dropped 60%.' }),
  ];
  return buildCheatSheet({
    stories,
    coverage: coverage({ conflict: ['a', 1, ['b', 0.5]], failure: ['b', 0.8], strengths: ['n', 0.7], security: ['b', 0.2] }),
    competencies: new Map([
      ['a', ['conflict', 'influence']],
      ['b', ['failure']],
    ]),
    date: DATE,
    ...over,
  });
}

describe('buildCheatSheet', () => {
  it('numbers STAR cards first, then notes, in story order', () => {
    const s = sheet();
    expect(s.cards.map((c) => [c.number, c.id])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(s.notes.map((n) => [n.number, n.id])).toEqual([[3, 'n']]);
    expect([s.storyCount, s.noteCount]).toEqual([2, 1]);
  });

  it('prints the date it is given, as YYYY-MM-DD', () => {
    expect(sheet().date).toBe('2026-03-02');
    expect(buildCheatSheet({ stories: [story('a')], coverage: [], competencies: new Map(), date: new Date(2025, 11, 31, 23, 59) }).date).toBe('2025-12-31');
  });

  it('points each covered competency at its best card and lists the gaps', () => {
    const s = sheet();
    expect(s.index.map((e) => [e.competencyId, e.best.number, e.also.map((x) => x.number)])).toEqual([
      ['conflict', 1, [2]],
      ['failure', 2, []],
      ['strengths', 3, []],
    ]);
    const security = s.gaps.find((g) => g.competencyId === 'security');
    expect(security?.closest?.id).toBe('b');
    expect(s.gaps.find((g) => g.competencyId === 'leadership')?.closest).toBeNull();
    expect(s.gaps.every((g) => g.question.length > 0)).toBe(true);
  });

  it('limits the index to the competencies the sheet is focused on', () => {
    const s = sheet({ focus: ['failure', 'security'] });
    expect(s.index.map((e) => e.competencyId)).toEqual(['failure']);
    expect(s.gaps.map((g) => g.competencyId)).toEqual(['security']);
  });

  it('reduces a story to a card: competency names, question, one-line parts, capped results with figures strong', () => {
    const [a, b] = sheet().cards;
    expect(a!.competencies).toEqual(['Conflict', 'Influence without authority']);
    expect(a!.question).toBe('Tell me about a time you disagreed.');
    expect(a!.actions).toEqual(['Added retries.', 'Added alerts.']);
    expect(a!.speaking).toBe('0:48');
    expect(a!.source).toBe('a.md:3');
    expect(a!.sourcePath).toBe('stories/a.md:3');
    // Four result points, three kept: the two with figures are preferred over "runbook".
    expect(b!.result.map((runs) => runs.map((r) => r.text).join(''))).toEqual(['Customers were calm.', 'Downtime fell from 40 minutes to 3 minutes.', 'MTTR dropped 60%.']);
    expect(b!.moreResults).toBe(1);
    expect(b!.result[1]!.filter((r) => r.strong).map((r) => r.text)).toEqual(['40 minutes', '3 minutes']);
  });

  it('keeps a lessons section as the card lesson', () => {
    const s = buildCheatSheet({
      stories: [story('x', { sections: [{ name: 'Challenges', text: 'Hard.' }, { name: 'Lessons learned', text: 'Measure first.' }] })],
      coverage: coverage({}),
      competencies: new Map(),
      date: DATE,
    });
    expect(s.cards[0]!.lesson).toBe('Measure first.');
  });

  it('gives notes their points, section names leading', () => {
    const s = buildCheatSheet({
      stories: [note('g', { summary: '', sections: [{ name: 'Soft', text: '- Public speaking\n- Writing' }] })],
      coverage: coverage({}),
      competencies: new Map(),
      date: DATE,
    });
    expect(s.notes[0]!.points).toEqual(['Soft: Public speaking', 'Writing']);
  });

  it('keeps every item of a short note: nothing hidden behind "+1 more"', () => {
    const noteOf = (sections: { name: string; text: string }[], summary = '') =>
      buildCheatSheet({ stories: [note('w', { summary, sections })], coverage: coverage({}), competencies: new Map(), date: DATE }).notes[0]!;
    const n = noteOf([
      { name: 'Strong', text: '* Python\n* Consistently striving for quality\n  Building the right product correctly' },
      { name: 'Weak', text: '- writing\n- public speaking\n- work/life balance/boundaries' },
    ]);
    expect(n.points).toEqual(['Strong: Python', 'Consistently striving for quality Building the right product correctly', 'Weak: writing', 'public speaking', 'work/life balance/boundaries']);
    expect(n.more).toBe(0);
  });

  it('keeps a note\'s paragraphs whole, as `prep show` prints them, up to about 60 words', () => {
    const para = 'I want to grow into a staff-level role. Setting technical direction across several teams, while staying close to the code.';
    const short = buildCheatSheet({ stories: [note('c', { summary: para })], coverage: coverage({}), competencies: new Map(), date: DATE }).notes[0]!;
    expect(short.points).toEqual([para]);
    const long = Array.from({ length: 12 }, (_, i) => `- point ${i + 1} has exactly six words`).join('\n');
    const capped = buildCheatSheet({ stories: [note('l', { summary: long })], coverage: coverage({}), competencies: new Map(), date: DATE }).notes[0]!;
    expect(capped.points).toHaveLength(8);
    expect(capped.more).toBe(4);
  });

  it('is pure: same input, same sheet; the stories are not changed', () => {
    const input = { stories: [story('a')], coverage: coverage({ failure: ['a', 0.9] }), competencies: new Map([['a', ['failure']]]), date: DATE };
    const before = JSON.stringify(input.stories);
    expect(buildCheatSheet(input)).toEqual(buildCheatSheet(input));
    expect(JSON.stringify(input.stories)).toBe(before);
  });
});

describe('cheat-sheet honesty', () => {
  it('flags an empty or placeholder Result instead of leaving the line out', () => {
    for (const result of ['', 'TBD', '...', 'What changed, with a number (time saved, errors cut by 30%, ...).']) {
      const c = buildCheatSheet({ stories: [story('x', { result })], coverage: coverage({}), competencies: new Map(), date: DATE }).cards[0]!;
      expect(c, JSON.stringify(result)).toMatchObject({ noResult: true, result: [] });
    }
    expect(sheet().cards[0]!.noResult).toBe(false);
  });

  it('counts Situation and Task points it leaves out, as it does for Actions', () => {
    const long = '- We ran four data centres across two continents and every region had its own deploy tooling.\n- Releases took a week.\n- Nobody owned the scripts.\n- Outages followed most releases.';
    const c = buildCheatSheet({ stories: [story('x', { situation: long })], coverage: coverage({}), competencies: new Map(), date: DATE }).cards[0]!;
    expect(c.moreSituation).toBeGreaterThan(0);
    expect(c.situation.length).toBeLessThanOrEqual(140);
    expect(sheet().cards[0]!.moreSituation).toBe(0);
  });

  it('judges gaps over all the stories when given, not just the ones on the sheet', () => {
    const onSheet = coverage({ conflict: ['a', 1] });
    const all = coverage({ conflict: ['a', 1], failure: ['b', 0.8] });
    const only = buildCheatSheet({ stories: [story('a')], coverage: onSheet, allCoverage: all, competencies: new Map(), date: DATE });
    expect(only.gaps.map((g) => g.competencyId)).not.toContain('failure');
    expect(only.gaps.map((g) => g.competencyId)).toContain('security');
    expect(buildCheatSheet({ stories: [story('a')], coverage: onSheet, competencies: new Map(), date: DATE }).gaps.map((g) => g.competencyId)).toContain('failure');
  });
});

describe('sourceLabel', () => {
  it('shows the file name and line, without folders', () => {
    expect(sourceLabel('stories/a.md', 12)).toBe('a.md:12');
    expect(sourceLabel('/home/me/notes/interview/lead.md', 4)).toBe('lead.md:4');
    expect(sourceLabel('C:\\notes\\lead.md', 4)).toBe('lead.md:4');
  });

  it('cuts a very long name from the left', () => {
    const s = sourceLabel(`/x/${'a'.repeat(80)}.md`, 1, 30);
    expect([...s].length).toBe(30);
    expect(s.endsWith('.md:1')).toBe(true);
  });
});

describe('replaceUndrawable', () => {
  const canDraw = (cp: number) => cp < 0x3000 && cp !== 0x2603;

  it('replaces characters the font lacks, visibly, and counts each one', () => {
    const s = sheet({ stories: [story('u', { title: 'Jenkins → GitHub Actions 漢字 漢 ☃' })] });
    const { sheet: fixed, replaced } = replaceUndrawable(s, canDraw, '\ufffd');
    expect(fixed.cards[0]!.title).toBe('Jenkins → GitHub Actions \ufffd\ufffd \ufffd \ufffd');
    expect(replaced.map((r) => [r.char, r.count])).toEqual([
      ['漢', 2],
      ['☃', 1],
      ['字', 1],
    ]);
  });

  it('composes accents first and drops invisible joiners and variation selectors', () => {
    const s = sheet({ stories: [story('u', { title: 'cafe\u0301 ok\u200d\ufe0f' })] });
    const { sheet: fixed, replaced } = replaceUndrawable(s, (cp) => cp !== 0x301, '?');
    expect(fixed.cards[0]!.title).toBe('café ok');
    expect(replaced).toEqual([]);
  });

  it('reaches every text of the sheet', () => {
    const s = sheet();
    const { sheet: fixed, replaced } = replaceUndrawable({ ...s, scope: ['tag: data'] }, (cp) => cp < 0x80 && cp !== 0x61, '_');
    // Every displayed string is mapped; ids are not text on the sheet and stay as they are.
    const texts: string[] = [];
    const walk = (v: unknown, key = ''): void => {
      if (typeof v === 'string') {
        if (key !== 'id' && key !== 'competencyId') texts.push(v);
      } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(fixed);
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter((t) => t.includes('a'))).toEqual([]);
    expect(replaced[0]!.char).toBe('a');
  });
});

describe('selectStories', () => {
  const stories = [story('a', { tags: ['Databases'] }), story('b', { tags: ['mentoring'] }), note('c')];
  const comps = new Map([
    ['a', ['conflict']],
    ['b', ['mentoring', 'conflict']],
    ['c', ['strengths']],
  ]);

  it('keeps everything without filters', () => {
    expect(selectStories(stories, { competencies: [], tags: [], due: null }, comps).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps stories showing any given competency, with any given tag (case-insensitive), and due', () => {
    expect(selectStories(stories, { competencies: ['conflict'], tags: [], due: null }, comps).map((s) => s.id)).toEqual(['a', 'b']);
    expect(selectStories(stories, { competencies: ['conflict'], tags: ['#databases'], due: null }, comps).map((s) => s.id)).toEqual(['a']);
    expect(selectStories(stories, { competencies: [], tags: [], due: new Set(['c', 'b']) }, comps).map((s) => s.id)).toEqual(['b', 'c']);
  });

  it('lists the tags in use once each', () => {
    expect(allTags([...stories, story('d', { tags: ['databases', 'zeta'] })])).toEqual(['Databases', 'mentoring', 'zeta']);
  });
});
