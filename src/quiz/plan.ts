/**
 * The plan to an interview date: which stories to drill on which day so that every story's predicted recall (FSRS
 * retrievability) on the day is at least the target. Pure: the schedule is simulated through the same scheduler the
 * history is replayed with, grading every planned review "good"; `now` is passed in.
 */
import { recallAt, reviewCard, type Card, type Scheduler } from '../history/replay.js';
import { byCodeUnit } from '../story/text.js';
import { dayKey, startOfDay } from '../dates.js';

/** Every knob of the planner, with why it has its value. */
export const PLAN_PARAMS = {
  /** Recall wanted on the interview day: the scheduler's own target retention, so "due" and "planned" agree. */
  targetRecall: 0.9,
  /** Minutes one planned review takes: a two-minute answer plus reading the outline, ticking the checklist, grading. */
  minutesPerReview: 3,
  /** Hour of the interview day the recall is predicted for: later than most interviews start, so the promise holds for a morning one. */
  interviewHour: 12,
  /** Default daily budget in minutes: a short session most people can keep up every day. */
  minutesPerDay: 20,
};

/** Tunables of the planner (see PLAN_PARAMS). */
export type PlanParams = typeof PLAN_PARAMS;

/** A story as the planner sees it: its id and how much the interview needs it. */
export interface PlanStory {
  id: string;
  /** Higher first among stories as weak as each other: 1 for a story that alone covers a competency, 0 for none. */
  need: number;
}

/** What the planner starts from. */
export interface PlanInput {
  stories: readonly PlanStory[];
  /** Each reviewed story's card as of `now` (replayed history); absent ids are new. */
  cards: ReadonlyMap<string, Card>;
  scheduler: Scheduler;
  now: Date;
  /** Local midnight of the interview day. */
  interview: Date;
  minutesPerDay: number;
  params?: Partial<PlanParams>;
}

/** One day of the plan. */
export interface PlanDay {
  /** YYYY-MM-DD (local). */
  day: string;
  /** When the day's practice is assumed to happen (now for today, the same time of day later on). */
  at: Date;
  /** Story ids to drill, in order. */
  stories: string[];
  minutes: number;
}

/** A story's predicted recall on the interview day if the plan is followed. */
export interface PlanOutcome {
  id: string;
  recall: number;
}

/** The plan, and whether it reaches the target for every story. */
export interface StudyPlan {
  interview: Date;
  /** The moment recall is predicted for. */
  checkAt: Date;
  minutesPerDay: number;
  days: PlanDay[];
  /** Predicted recall of every story on the day, weakest first. */
  outcome: PlanOutcome[];
  /** Whether every story reaches the target recall. */
  reached: boolean;
  /** The smallest daily budget (in minutes) that reaches it; equal to minutesPerDay when it is enough, null when no budget can. */
  minutesNeeded: number | null;
  /** Recall of every story on the day if the user stopped practising now, for progress. */
  ifStoppedNow: PlanOutcome[];
}

/** The practice moments from today to the day before the interview: now, then the same time of day on each later day. */
export function practiceMoments(now: Date, interview: Date): Date[] {
  const out: Date[] = [];
  const last = startOfDay(interview).getTime();
  for (let i = 0; ; i++) {
    const at = i === 0 ? now : new Date(now.getFullYear(), now.getMonth(), now.getDate() + i, now.getHours(), now.getMinutes(), now.getSeconds());
    if (startOfDay(at).getTime() >= last) break;
    out.push(at);
  }
  return out;
}

/** Simulate a daily capacity of `perDay` reviews; returns the days and the cards at the end. */
function simulate(input: PlanInput, p: PlanParams, perDay: number, moments: Date[], checkAt: Date): { days: PlanDay[]; cards: Map<string, Card> } {
  const cards = new Map(input.cards);
  const recall = (id: string, at: Date) => recallAt(input.scheduler, cards.get(id), at);
  const needs = (id: string) => recall(id, checkAt) < p.targetRecall;
  const days: PlanDay[] = [];
  moments.forEach((at, i) => {
    const next = moments[i + 1];
    const lastDay = !next;
    // A story is drilled when it needs it and reviewing it later would not do: it is new, or it falls below the
    // target before the next practice day (reviewing it earlier gains FSRS almost nothing), or this is the last day.
    const ready = input.stories.filter((s) => needs(s.id) && (!cards.has(s.id) || lastDay || recall(s.id, next) < p.targetRecall));
    ready.sort((a, b) => recall(a.id, at) - recall(b.id, at) || b.need - a.need || byCodeUnit(a.id, b.id));
    const chosen = ready.slice(0, perDay).map((s) => s.id);
    for (const id of chosen) cards.set(id, reviewCard(input.scheduler, cards.get(id), at, 'good'));
    days.push({ day: dayKey(at), at, stories: chosen, minutes: chosen.length * p.minutesPerReview });
  });
  return { days, cards };
}

/**
 * Plan to the interview: weakest stories first (lowest recall on the day they are drilled), stories that alone cover a
 * competency first among equals, at most `minutesPerDay` a day. When the budget is too small, the plan is still the
 * best within it, and `minutesNeeded` says which budget would do.
 */
export function planToInterview(input: PlanInput): StudyPlan {
  const p = { ...PLAN_PARAMS, ...input.params };
  const checkAt = new Date(input.interview.getFullYear(), input.interview.getMonth(), input.interview.getDate(), p.interviewHour);
  const moments = practiceMoments(input.now, input.interview);
  const outcomeOf = (cards: ReadonlyMap<string, Card>) =>
    input.stories
      .map((s) => ({ id: s.id, recall: recallAt(input.scheduler, cards.get(s.id), checkAt) }))
      .sort((a, b) => a.recall - b.recall || byCodeUnit(a.id, b.id));
  const reachedBy = (outcome: PlanOutcome[]) => outcome.every((o) => o.recall >= p.targetRecall);
  const perDay = Math.floor(input.minutesPerDay / p.minutesPerReview);
  const run = simulate(input, p, perDay, moments, checkAt);
  const outcome = outcomeOf(run.cards);
  const reached = reachedBy(outcome);
  let minutesNeeded: number | null = reached ? input.minutesPerDay : null;
  // The smallest daily count that reaches the target; capacity never needs to exceed the number of stories.
  for (let k = perDay + 1; !reached && k <= input.stories.length; k++) {
    if (reachedBy(outcomeOf(simulate(input, p, k, moments, checkAt).cards))) {
      minutesNeeded = k * p.minutesPerReview;
      break;
    }
  }
  return {
    interview: startOfDay(input.interview),
    checkAt,
    minutesPerDay: input.minutesPerDay,
    days: run.days,
    outcome,
    reached,
    minutesNeeded,
    ifStoppedNow: outcomeOf(input.cards),
  };
}

/** Need of each story: 1 / (stories showing the competency) for its rarest competency, so a lone story comes first. */
export function storyNeeds(competencies: ReadonlyMap<string, readonly string[]>): PlanStory[] {
  const count = new Map<string, number>();
  for (const list of competencies.values()) for (const c of new Set(list)) count.set(c, (count.get(c) ?? 0) + 1);
  return [...competencies].map(([id, list]) => ({ id, need: Math.max(0, ...list.map((c) => 1 / count.get(c)!)) }));
}

/** The plan's stories for the day `now` falls on (empty when nothing is planned today). */
export function todaysStories(plan: StudyPlan, now: Date): string[] {
  return plan.days.find((d) => d.day === dayKey(now))?.stories ?? [];
}
