import { describe, expect, it } from 'vitest';
import { planMock, questionCount, summarizeMock, type MockTopic } from '../../src/quiz/mock.js';
import { chooseFollowUps, followUpsFor } from '../../src/quiz/followups.js';
import { parseStories } from '../../src/parse/parse-stories.js';
import { seededRandom } from '../../src/quiz/random.js';
import { starStory } from '../helpers.js';

const TOPICS: MockTopic[] = ['conflict', 'failure', 'leadership', 'ownership', 'influence', 'mentoring'].map((id) => ({ id, name: id, questions: [`A ${id} question?`] }));

function notes(n: number, extra = '') {
  const text = Array.from({ length: n }, (_, i) => starStory(`Story ${i}`)).join('\n') + extra;
  return parseStories(text, 'n.md').stories;
}

describe('questionCount', () => {
  it('fits four to six questions into the minutes', () => {
    expect([20, 45, 60, 180].map((m) => questionCount(m))).toEqual([4, 5, 6, 6]);
  });
});

describe('planMock', () => {
  it('asks different topics with different stories, rarest topic first', () => {
    const stories = notes(6);
    // Story 0 alone shows mentoring; the others share conflict and failure, one each of the rest.
    const topics: Record<string, string[]> = { 'story-0': ['mentoring', 'conflict'], 'story-1': ['conflict'], 'story-2': ['conflict', 'failure'], 'story-3': ['failure'], 'story-4': ['leadership'], 'story-5': ['ownership'] };
    const plan = planMock({ stories, topics: TOPICS, topicsOf: (s) => topics[s.id]!, minutes: 45, random: seededRandom(4) });
    const asked = plan.questions.filter((q) => q.kind === 'story');
    expect(asked).toHaveLength(5);
    expect(new Set(asked.map((q) => q.storyId)).size).toBe(5);
    expect(new Set(asked.map((q) => q.topic!.id)).size).toBe(5);
    expect(asked.find((q) => q.topic!.id === 'mentoring')!.storyId).toBe('story-0');
    expect(plan.shortened).toBeNull();
  });

  it('shortens the round and says so when there are fewer stories than questions', () => {
    const plan = planMock({ stories: notes(2), topics: TOPICS, topicsOf: () => ['conflict'], minutes: 45, random: seededRandom(1) });
    expect(plan.questions).toHaveLength(2);
    expect(plan.shortened).toBe('only 2 stories to draw from, so the round has 2 questions instead of 5');
  });

  it('opens with "Tell me about yourself" when a note answers it, and closes with "Why <company>?"', () => {
    const extra = '\n# Talking points\n\n## About me\n\n- ten years of backend work\n\n## Why this company\n\n- I want to own problems end to end\n';
    const plan = planMock({ stories: notes(4, extra), topics: TOPICS, topicsOf: () => ['conflict'], minutes: 30, company: 'Acme', random: seededRandom(1) });
    expect(plan.questions[0]).toMatchObject({ kind: 'opening', storyId: 'about-me', question: 'Tell me about yourself.' });
    expect(plan.questions.at(-1)).toMatchObject({ kind: 'closing', storyId: 'why-this-company', question: 'Why Acme?' });
    const none = planMock({ stories: notes(4), topics: TOPICS, topicsOf: () => ['conflict'], minutes: 30, company: 'Acme', random: seededRandom(1) });
    expect(none.questions.every((q) => q.kind === 'story')).toBe(true);
  });
});

describe('followUpsFor', () => {
  const story = (body: Parameters<typeof starStory>[1], extra = '') => parseStories(starStory('S', body) + extra, 'n.md').stories[0]!;

  it('asks for your own part when the Action says "we" more than "I"', () => {
    const s = story({ action: 'We rewrote the job and we moved it.' });
    expect(chooseFollowUps(s, seededRandom(1))[0]!.kind).toBe('own-part');
    expect(followUpsFor(story({ action: 'I rewrote the job.' })).map((f) => f.kind)).not.toContain('own-part');
  });

  it('asks how success was measured, supported when the Result has a figure and not when it has none', () => {
    expect(followUpsFor(story({ result: 'Failures fell by 90%.' })).find((f) => f.kind === 'measured')).toMatchObject({ supported: true, question: 'You said "Failures fell by 90%". How did you measure that, and how do you know it came from what you did?' });
    expect(followUpsFor(story({ result: 'It worked out.' })).find((f) => f.kind === 'measured')).toMatchObject({ supported: false, note: 'the Result has no figure' });
  });

  it('asks what you would do differently, supported only when a lesson is written', () => {
    expect(followUpsFor(story({}, '- **Lessons**: Test the rollback first.\n')).find((f) => f.kind === 'differently')!.supported).toBe(true);
    expect(followUpsFor(story({})).find((f) => f.kind === 'differently')).toMatchObject({ supported: false, note: 'no lesson is written' });
  });

  it('finds the hardest part and a stakeholder who disagreed in the text', () => {
    const f = followUpsFor(story({ situation: 'The hardest part: the lead disagreed with the plan.' }));
    expect(f.find((x) => x.kind === 'hardest')!.supported).toBe(true);
    expect(f.find((x) => x.kind === 'stakeholder')!.supported).toBe(true);
  });

  it('chooses one or two follow-ups, never the same twice', () => {
    for (let seed = 0; seed < 20; seed++) {
      const got = chooseFollowUps(story({ result: 'Failures fell by 90%.' }, '- **Lessons**: x.\n'), seededRandom(seed));
      expect(got.length).toBeGreaterThanOrEqual(1);
      expect(got.length).toBeLessThanOrEqual(2);
      expect(new Set(got.map((g) => g.kind)).size).toBe(got.length);
    }
  });
});

describe('summarizeMock', () => {
  it('adds up time, answers over target, topics covered and unsupported follow-ups', () => {
    const s = parseStories(starStory('S', { result: 'It worked.' }), 'n.md').stories[0]!;
    const unsupported = followUpsFor(s).find((f) => f.kind === 'measured')!;
    const q = { kind: 'story' as const, storyId: 's', question: 'Q?', topic: TOPICS[0]!, target: 120 };
    const sum = summarizeMock([
      { question: q, title: 'S', seconds: 130, followUps: [{ followUp: unsupported, seconds: 30 }] },
      { question: { ...q, topic: TOPICS[1]! }, title: 'T', seconds: 100, followUps: [] },
    ]);
    expect(sum).toMatchObject({ answers: 2, totalSeconds: 260, overTarget: 1, topicsCovered: ['conflict', 'failure'] });
    expect(sum.unsupported).toEqual([{ title: 'S', followUp: unsupported }]);
  });
});
