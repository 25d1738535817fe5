/** Which interview questions a story answers: its own, else bank questions it wins, else one made from its title. */
import type { Story } from '../story/types.js';
import { COMPETENCIES } from './competencies.js';
import { matchQuestion, type SearchIndex } from './engine.js';

/** Bank questions whose best match in the index is each story, computed once per index. */
export function bankAnswers(index: SearchIndex): Map<string, string[]> {
  const won = new Map<string, string[]>();
  for (const c of COMPETENCIES) {
    for (const q of c.questions) {
      const top = matchQuestion(index, q, { limit: 1 }).matches[0];
      if (top && top.score >= 0.2) won.set(top.id, [...(won.get(top.id) ?? []), q]);
    }
  }
  return won;
}

/** Questions a story answers, best first. */
export function questionsFor(story: Story, won: Map<string, string[]>): string[] {
  if (story.questions.length) return story.questions;
  const bank = won.get(story.id);
  if (bank?.length) return bank;
  if (story.kind === 'note') return [`${story.title.replace(/[?.!]+$/, '')}: what would you say?`];
  return [`Tell me about ${/^(a|an|the|my|our)\s/i.test(story.title) ? story.title.charAt(0).toLowerCase() + story.title.slice(1) : `the time: ${story.title}`}.`];
}
