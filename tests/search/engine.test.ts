import { describe, expect, it } from 'vitest';
import { parseStories } from '../../src/parse/parse-stories.js';
import { buildIndex, hasUnknownWords, matchQuestion, planQuery, questionWords, storyCompetencyIds } from '../../src/search/engine.js';
import { makeCorrector, typoDistance } from '../../src/search/fuzzy.js';
import { computeCoverage } from '../../src/search/coverage.js';
import { readQuestion, stem } from '../../src/search/text.js';
import { DEFAULT_SEARCH_PARAMS } from '../../src/search/params.js';
import { bestSnippet } from '../../src/search/snippet.js';
import { bankAnswers, questionsFor } from '../../src/search/questions.js';

// A small collection written for these tests: each story is about one thing, in its own words.
const NOTES = `
# Stories

## Arguing about the retry policy with our tech lead
- **Situation**: Our tech lead wanted unlimited retries on the payment client; I thought that would hammer the bank during outages.
- **Task**: Change the plan without souring the relationship.
- **Action**: I wrote a one-page comparison, ran a load test, and we met halfway on capped exponential backoff.
- **Result**: Retries fell by 80% during the next incident.

## Elasticsearch heap tuning
- **Situation**: Search nodes ran out of memory every week.
- **Task**: Stop the crashes.
- **Action**: Reduced field data, moved to doc values and right-sized the heap.
- **Result**: No out-of-memory crash for six months; 3 nodes fewer.

## Coaching an intern through their first launch
- **Situation**: A summer intern joined with no production experience.
- **Task**: Get them shipping safely.
- **Action**: Paired daily, reviewed every pull request, let them run the launch.
- **Result**: They shipped a feature used by 2,000 customers and returned full time.

## I deleted the staging database
- **Situation**: I ran a cleanup script against the wrong environment.
- **Task**: Restore service and own the error.
- **Action**: Told the team at once, restored from backup, wrote the postmortem and added a confirmation prompt.
- **Result**: Staging was back in 2 hours; the guard has caught 3 similar slips since.

# Talking points

## Weaknesses
- I over-polish documents before sharing them.

## Strengths
- I stay calm in incidents and write clear updates.
`;

const stories = parseStories(NOTES, 'notes.md').stories;
const index = buildIndex(stories);
const correct = makeCorrector();
const top = (q: string) => matchQuestion(index, q, { correct, limit: 3 }).matches[0]?.id;

describe('matchQuestion', () => {
  it('matches a question worded nothing like the story', () => {
    expect(top('Tell me about a time you had a disagreement with a colleague')).toBe('arguing-about-the-retry-policy-with-our');
    expect(top('Describe a time you made a mistake at work')).toBe('i-deleted-the-staging-database');
    expect(top('Have you ever mentored a junior engineer?')).toBe('coaching-an-intern-through-their-first');
  });

  it('copes with typos in the question', () => {
    expect(top('elastcsearch memory')).toBe('elasticsearch-heap-tuning');
    expect(top('conflcit with my lead')).toBe('arguing-about-the-retry-policy-with-our');
    const plan = planQuery(index, 'conflcit', correct);
    expect(plan.corrected.map((c) => c.to)).toContain('conflict');
  });

  it('finds talking-point notes for note questions', () => {
    expect(top('What is your greatest weakness?')).toBe('weaknesses');
    expect(top('What are your strengths?')).toBe('strengths');
  });

  it('scores between 0 and 1, best first', () => {
    const { matches } = matchQuestion(index, 'tell me about a conflict', { correct, limit: 10 });
    expect(matches.length).toBeGreaterThan(0);
    for (let i = 0; i < matches.length; i++) {
      expect(matches[i]!.score).toBeGreaterThan(0);
      expect(matches[i]!.score).toBeLessThanOrEqual(1);
      if (i) expect(matches[i]!.score).toBeLessThanOrEqual(matches[i - 1]!.score);
    }
  });

  it('returns nothing rather than noise for a question about nothing in the notes', () => {
    expect(matchQuestion(index, 'zebra xylophone', { correct }).matches).toEqual([]);
  });
});

describe('readQuestion', () => {
  it('drops interview boilerplate and stopwords but keeps the topic', () => {
    const r = readQuestion('Tell me about a time when you disagreed with your manager');
    expect(r.kept).toEqual(['disagreed', 'manager']);
    expect(r.dropped).toContain('tell me about a time when you');
  });

  it('compares a question with the bank by its telling words only (framing words dropped before stemming)', () => {
    expect([...questionWords('Tell me about a time you have described it to them')]).toEqual([stem('described')]);
    expect([...questionWords('Give an example of a conflict')]).toEqual([stem('conflict')]);
  });

  it('does not take a competency from a bank question that shares only the frame of the question', () => {
    expect(planQuery(index, 'How do you think about zebras?').competencies).toEqual([]);
    expect(planQuery(index, 'What is your biggest giraffe?').competencies).toEqual([]);
  });

  it('stems word forms to the same term', () => {
    expect(stem('disagreed')).toBe(stem('disagreement'));
    expect(stem('mentoring')).toBe(stem('mentored'));
  });
});

describe('typo correction', () => {
  it('corrects a typo even when its stem is a word of the stories ("weekness" stems to "week")', () => {
    expect(top('what is your biggest weekness?')).toBe('weaknesses');
    expect(planQuery(index, 'weekness', correct).corrected.map((c) => c.to)).toContain('weakness');
  });

  it('leaves a new form of a known word alone when it is English', () => {
    expect(hasUnknownWords(index, 'the weeks', () => true)).toBe(false);
    expect(hasUnknownWords(index, 'the weekness', () => false)).toBe(true);
    expect(hasUnknownWords(index, 'every week', () => false)).toBe(false);
    // A regular inflection of a word of the notes ("restored") needs no word list.
    expect(hasUnknownWords(index, 'restore', () => false)).toBe(false);
    expect(hasUnknownWords(index, 'restorr', () => false)).toBe(true);
  });

  it('counts a swap of two letters as one edit and never "corrects" to a different word', () => {
    expect(typoDistance('conflcit', 'conflict')).toBe(1);
    expect(typoDistance('misteak', 'mistake')).toBe(2);
    expect(typoDistance('teh', 'the')).toBe(1);
    expect(correct('senior', ['seaborn', 'mentored', 'senior'])).toEqual([{ word: 'senior', similarity: 1 }]);
    expect(correct('senior', ['seaborn', 'mentored'])).toEqual([]);
  });
});

describe('competencies and coverage', () => {
  it('tags stories with the competencies they show and notes with talking-point ones', () => {
    const byId = (id: string) => storyCompetencyIds(index.docs[stories.findIndex((s) => s.id === id)]!);
    expect(byId('arguing-about-the-retry-policy-with-our')).toContain('conflict');
    expect(byId('coaching-an-intern-through-their-first')).toContain('mentoring');
    expect(byId('weaknesses')).toEqual(['weaknesses']);
  });

  it('reports gaps for competencies no story shows', () => {
    const rows = computeCoverage(index);
    const gap = (id: string) => rows.find((r) => r.competency.id === id)!.gap;
    expect(gap('mentoring')).toBe(false);
    expect(gap('conflict')).toBe(false);
    expect(gap('security')).toBe(true);
    expect(gap('career-goals')).toBe(true);
  });

  it('picks a question each story answers', () => {
    const won = bankAnswers(index);
    const intern = stories.find((s) => s.id.startsWith('coaching'))!;
    expect(questionsFor(intern, won).join(' ')).toMatch(/mentor|junior|grow|onboard/i);
  });
});

describe('bestSnippet', () => {
  it('marks the matched words in the best line', () => {
    const s = stories.find((x) => x.id === 'elasticsearch-heap-tuning')!;
    const snip = bestSnippet(s, new Set([stem('memory')]));
    expect(snip.text).toContain('memory');
    expect(snip.marks.map(([a, b]) => snip.text.slice(a, b))).toEqual(['memory']);
  });
});

describe('the matching pipeline', () => {
  it('ranks a story first when its exact title is the question', () => {
    for (const s of stories) expect(top(s.title), s.title).toBe(s.id);
  });

  it('tells near-identical titles apart by a one-digit number', () => {
    const md = ['Invoice gateway by 52% 0', 'Invoice gateway by 52% 3', 'Invoice gateway by 52% 7'].map((t) => `## ${t}\n- **Situation**: The invoice gateway was slow.\n- **Action**: I cached it.\n- **Result**: 52% faster.\n`).join('\n');
    const near = parseStories(md, 'near.md').stories;
    const ix = buildIndex(near);
    for (const s of near) expect(matchQuestion(ix, s.title).matches[0]!.id).toBe(s.id);
  });

  it('takes parameter overrides, so a benchmark can sweep them without editing code', () => {
    const q = 'tell me about a conflict';
    const base = matchQuestion(index, q, { correct }).matches[0]!;
    const off = matchQuestion(index, q, { correct, params: { competencyGeneric: 0, competencySpecific: 0 } }).matches[0]!;
    expect(off.score).not.toBe(base.score);
    expect(DEFAULT_SEARCH_PARAMS.competencyGeneric).toBeGreaterThan(DEFAULT_SEARCH_PARAMS.competencySpecific);
  });

  it('tags every expansion term with where it came from', () => {
    const plan = planQuery(index, 'Tell me about a disagreement with a colleague', correct);
    expect(plan.terms.find((t) => t.term === stem('disagreement'))).toMatchObject({ source: 'question', weight: 1 });
    expect(plan.terms.some((t) => t.source === 'related' && t.weight === DEFAULT_SEARCH_PARAMS.related)).toBe(true);
    expect(plan.terms.some((t) => t.source === 'expansion' && t.weight < DEFAULT_SEARCH_PARAMS.related)).toBe(true);
    expect(plan.competencies[0]!.id).toBe('conflict');
  });

  it('weighs competencies less for a specific question than for a generic one', () => {
    expect(planQuery(index, 'tell me about a conflict').specificity).toBe(0);
    expect(planQuery(index, 'the payment client retries').specificity).toBeGreaterThan(0.5);
  });

  it('counts a question tied to a story (front matter or the history) as strong evidence for similar wordings', () => {
    const tied = parseStories('---\nquestions:\n  - Tell me about a time a vendor let you down.\n---\n# Picking a queue library\n- **Situation**: We compared three libraries.\n- **Action**: I benchmarked them.\n- **Result**: We chose the fastest.\n', 'q.md').stories;
    const ix = buildIndex([...stories, ...tied]);
    const m = matchQuestion(ix, 'describe a time a vendor let you down', { correct });
    expect(m.matches[0]!.id).toBe(tied[0]!.id);
    expect(m.plan.ties[0]).toMatchObject({ story: tied[0]!.id, source: 'front-matter' });
    const viaHistory = matchQuestion(index, 'when did a vendor let you down?', { ties: [{ question: 'a vendor let me down', story: 'elasticsearch-heap-tuning', source: 'find' }] });
    expect(viaHistory.matches[0]!.id).toBe('elasticsearch-heap-tuning');
  });

  it('calls a match weak when the question is about something the notes never mention', () => {
    expect(matchQuestion(index, 'tell me about a time you ran a gdpr audit of kubernetes billing as a senior', { correct }).weak).toBe(true);
    expect(matchQuestion(index, 'Tell me about a time you had a disagreement with a colleague', { correct }).weak).toBe(false);
  });

  it('never reads words of the question as object properties', () => {
    for (const w of ['constructor', '__proto__', 'toString', 'valueOf']) {
      const ix = JSON.parse(JSON.stringify(index));
      expect(() => matchQuestion(ix, w, { correct })).not.toThrow();
    }
  });

  it('leaves absurdly long words out of typo correction', () => {
    let asked = 0;
    const counting: typeof correct = (w, v) => (asked++, correct(w, v));
    planQuery(index, 'x'.repeat(DEFAULT_SEARCH_PARAMS.maxTypoWord + 1) + ' elastcsearch', counting);
    expect(asked).toBe(1);
  });
});
