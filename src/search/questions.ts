/** Which interview questions a story answers: its own, else bank questions it wins, else one made from its title. */
import type { Story } from '../story/types.js';
import { COMPETENCIES } from './competencies.js';
import { isWeak, planQuery, rank, type SearchIndex } from './engine.js';

/** Every question of the bank, in lexicon order. */
export function bankQuestions(): string[] {
  return COMPETENCIES.flatMap((c) => c.questions);
}

/**
 * Bank questions whose best match in the index is each story, with that match's score; computed once per index.
 * A question whose best match is weak (isWeak, the rule `find` uses) is won by no story.
 */
export function bankWins(index: SearchIndex): { won: Map<string, string[]>; score: Map<string, number> } {
  const won = new Map<string, string[]>();
  const score = new Map<string, number>();
  bankQuestions().forEach((q) => {
    const plan = planQuery(index, q);
    const matches = rank(index, plan, 1);
    const top = matches[0];
    if (top && !isWeak(plan, matches)) {
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
