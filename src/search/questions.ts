/** Which interview questions a story answers: its own, else bank questions it wins, else one made from its title. */
import type { Story } from '../story/types.js';
import { COMPETENCIES } from './competencies.js';
import { buildIndex, planQuery, rank, type QueryPlan, type SearchIndex } from './engine.js';

/** Every question of the bank, in lexicon order. */
export function bankQuestions(): string[] {
  return COMPETENCIES.flatMap((c) => c.questions);
}

/**
 * How each bank question is read. Without typo correction a plan depends on the lexicon only, not on the stories,
 * so the build computes these once (dist/bundle/bank-plans.json) and the quiz need not plan 500 questions.
 */
export function bankPlans(): QueryPlan[] {
  const empty = buildIndex([]);
  return bankQuestions().map((q) => planQuery(empty, q));
}

/**
 * Bank questions whose best match in the index is each story, with that match's score; computed once per index.
 * `plans` are the bank's plans when known ahead of time (same order as bankQuestions()).
 */
export function bankWins(index: SearchIndex, plans?: Pick<QueryPlan, 'terms' | 'competencies' | 'storyQuestion'>[] | null): { won: Map<string, string[]>; score: Map<string, number> } {
  const won = new Map<string, string[]>();
  const score = new Map<string, number>();
  bankQuestions().forEach((q, i) => {
    const top = rank(index, plans?.[i] ?? planQuery(index, q), 1)[0];
    if (top && top.score >= 0.2) {
      won.set(top.id, [...(won.get(top.id) ?? []), q]);
      score.set(q, top.score);
    }
  });
  return { won, score };
}

/** Bank questions whose best match in the index is each story. */
export function bankAnswers(index: SearchIndex): Map<string, string[]> {
  return bankWins(index).won;
}

/** Questions a story answers, best first. */
export function questionsFor(story: Story, won: Map<string, string[]>): string[] {
  if (story.questions.length) return story.questions;
  const bank = won.get(story.id);
  if (bank?.length) return bank;
  if (story.kind === 'note') return [`${story.title.replace(/[?.!]+$/, '')}: what would you say?`];
  return [`Tell me about ${/^(a|an|the|my|our)\s/i.test(story.title) ? story.title.charAt(0).toLowerCase() + story.title.slice(1) : `the time: ${story.title}`}.`];
}
