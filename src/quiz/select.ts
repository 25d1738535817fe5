/** Which stories a session drills, which question each is asked with, and the choices in pick mode. Pure. */
import type { Grade } from '../history/review.js';
import { shuffle, pickOne, type Random } from './random.js';
import { byCodeUnit } from '../story/text.js';
import { terms } from '../search/text.js';
import { DEFAULTS } from '../config/keys.js';

/** Why a story is in the session. */
export type RoundReason = 'due' | 'new' | 'before-interview' | 'cram';

/** A story chosen for a round, and why. */
export interface PlannedStory {
  id: string;
  reason: RoundReason;
}

/** What the schedule knows about the candidate stories. */
export interface PlanInput {
  /** Candidate story ids (already filtered by competency or tag). */
  ids: readonly string[];
  /** Next due date of every story reviewed before; absent ids are new. */
  due: ReadonlyMap<string, Date>;
  /** Probability of recalling a reviewed story at a date. */
  recall: (id: string, at: Date) => number;
  now: Date;
  count: number;
  cram: boolean;
  /** Interview date: also drill stories that would otherwise not come up again before it. */
  until?: Date | null;
  random: Random;
}

/** The stories of a session in order, with the counts shown in the round header. */
export interface SessionPlan {
  rounds: PlannedStory[];
  dueCount: number;
  newCount: number;
  beforeInterviewCount: number;
  /** The earliest story due later, for "nothing is due" messages. */
  nextDue: { id: string; due: Date } | null;
}

/**
 * Plan a session: due stories first (weakest recall first), then, with an interview date, stories next due after it
 * (weakest recall on the day first), then new ones (shuffled). --cram drills a shuffled pick regardless.
 */
export function planSession(input: PlanInput): SessionPlan {
  const { ids, due, now, random } = input;
  const byRecall = (at: Date) => (a: string, b: string) => input.recall(a, at) - input.recall(b, at) || byCodeUnit(a, b);
  const dueIds = ids.filter((id) => due.has(id) && due.get(id)!.getTime() <= now.getTime()).sort(byRecall(now));
  const newIds = shuffle(
    ids.filter((id) => !due.has(id)),
    random,
  );
  const until = input.until && input.until.getTime() > now.getTime() ? input.until : null;
  const laterIds = until ? ids.filter((id) => due.has(id) && due.get(id)!.getTime() >= until.getTime()).sort(byRecall(until)) : [];
  const upcoming = ids
    .filter((id) => due.has(id) && due.get(id)!.getTime() > now.getTime())
    .map((id) => ({ id, due: due.get(id)! }))
    .sort((a, b) => a.due.getTime() - b.due.getTime() || byCodeUnit(a.id, b.id));
  const counts = { dueCount: dueIds.length, newCount: newIds.length, beforeInterviewCount: laterIds.length, nextDue: upcoming[0] ?? null };
  if (input.cram) {
    return { ...counts, rounds: shuffle(ids, random).slice(0, input.count).map((id) => ({ id, reason: 'cram' as const })) };
  }
  // Before an interview, a story practised once but not due again in time matters more than one never started.
  const rounds: PlannedStory[] = [
    ...dueIds.map((id) => ({ id, reason: 'due' as const })),
    ...laterIds.map((id) => ({ id, reason: 'before-interview' as const })),
    ...newIds.map((id) => ({ id, reason: 'new' as const })),
  ].slice(0, input.count);
  return { ...counts, rounds };
}

/** The plan's due / new / before-the-interview counts left once `answered` rounds are done, for the round header. */
export function remainingCounts(plan: SessionPlan, answered: number): Pick<SessionPlan, 'dueCount' | 'newCount' | 'beforeInterviewCount'> {
  const done = plan.rounds.slice(0, Math.max(0, answered));
  const doneOf = (reason: RoundReason) => done.filter((r) => r.reason === reason).length;
  return {
    dueCount: Math.max(0, plan.dueCount - doneOf('due')),
    newCount: Math.max(0, plan.newCount - doneOf('new')),
    beforeInterviewCount: Math.max(0, plan.beforeInterviewCount - doneOf('before-interview')),
  };
}

/** A question a story answers, with how well it fits the story (0..1; 1 for the story's own questions). */
export interface QuestionOption {
  text: string;
  score: number;
}

/**
 * The question to ask: one of the best-fitting questions (within 75% of the best score), preferring one not
 * asked recently for this story, chosen at random.
 */
export function chooseQuestion(options: readonly QuestionOption[], recent: readonly string[], random: Random): string {
  if (!options.length) throw new Error('chooseQuestion: no questions');
  const best = Math.max(...options.map((o) => o.score));
  const good = options.filter((o) => o.score >= best * 0.75);
  const fresh = good.filter((o) => !recent.includes(o.text));
  return pickOne(fresh.length ? fresh : good, random)!.text;
}

/** Tuned numbers of pick mode, each with its reason. */
export const PICK_PARAMS = {
  /**
   * A story is a distractor only when the matcher scores it below this share of the correct story's score: one
   * nearer than that also answers the question well, and calling it wrong would grade a defensible answer Again.
   */
  distractorBelow: 0.75,
  /** A question that repeats this share of the title's words gives the answer away among titles. */
  titleEcho: 0.6,
} as const;

/** Whether a question repeats the story's title (most of its words, stemmed), so the choices give the answer away. */
export function echoesTitle(question: string, title: string, params = PICK_PARAMS): boolean {
  const t = [...new Set(terms(title))];
  if (!t.length) return false;
  const q = new Set(terms(question));
  return t.filter((w) => q.has(w)).length / t.length >= params.titleEcho;
}

/**
 * Pick mode: the correct story plus up to `n - 1` distractors, shuffled. A distractor is a story the matcher finds
 * clearly weaker for the question (PICK_PARAMS.distractorBelow) and that the user has not tied to it ("mine fits
 * too", `tied`); there may be fewer choices than `n`, never a debatable one. Only the correct story when none qualifies.
 */
export function pickChoices(correct: string, scores: ReadonlyMap<string, number>, ids: readonly string[], random: Random, n = 4, tied: ReadonlySet<string> = new Set(), params = PICK_PARAMS): string[] {
  const own = scores.get(correct) ?? 0;
  const clear = ids.filter((id) => id !== correct && !tied.has(id) && (scores.get(id) ?? 0) < own * params.distractorBelow);
  const chosen = shuffle(clear, random).slice(0, n - 1);
  return shuffle([correct, ...chosen], random);
}

/** Default target for pick mode, where the answer is a choice, not a told story. */
export const PICK_TARGET_SECONDS = DEFAULTS.pickTime;

/**
 * Pick mode grades itself on correctness (a story the user showed also fits counts as right); on speed only when a
 * timer was shown: then Easy within half the target, Good within it, else Hard. Untimed, a right pick is Good.
 */
export function gradePick(correct: boolean, seconds: number, target: number, timed = true): Grade {
  if (!correct) return 'again';
  if (!timed) return 'good';
  if (seconds <= target / 2) return 'easy';
  return seconds <= target ? 'good' : 'hard';
}
