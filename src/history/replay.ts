/**
 * The schedule, rebuilt by replaying the review history through FSRS (ts-fsrs). Pure: every call takes `now`, and
 * nothing is stored but the history itself, so editing a story's text never loses its progress (ids are stable).
 */
import { createEmptyCard, fsrs, Rating, StrategyMode, type Card, type FSRS, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Grade, Review } from './review.js';

/** The FSRS scheduler prep uses. */
export type Scheduler = FSRS;

/** A card's memory state, as ts-fsrs models it. */
export type { Card } from 'ts-fsrs';

/**
 * The scheduler: default FSRS weights and 90% target recall, scheduled in whole days (no minute-long learning
 * steps: stories are practised in sessions, not flashed), no fuzz so replays are reproducible.
 */
export function createScheduler(): Scheduler {
  // Without fuzz the seed is never used; the default one formats a float per review, a third of replay time.
  return fsrs({ enable_short_term: false, enable_fuzz: false }).useStrategy(StrategyMode.SEED, () => '');
}

const RATING: Record<Grade, FsrsGrade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

/** A card copied into one fixed shape: ts-fsrs spreads cards on every call, and a stable shape makes that fast. */
function canonical(c: Card): Card {
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    last_review: c.last_review,
  };
}

/** The card after one more review at `at` (a new card when `card` is undefined). */
export function reviewCard(scheduler: Scheduler, card: Card | undefined, at: Date, grade: Grade): Card {
  return canonical(scheduler.next(card ?? canonical(createEmptyCard(at)), at, RATING[grade]).card);
}

/**
 * Replay reviews in time order into one card per story id, as of `now`: cram reviews and reviews dated after `now`
 * are left out. Reviews of stories that no longer exist keep their cards.
 */
export function replayHistory(reviews: readonly Review[], now: Date, scheduler: Scheduler = createScheduler()): Map<string, Card> {
  const nowMs = now.getTime();
  const times = reviews.map((r) => Date.parse(r.at));
  let order = reviews.map((_, i) => i);
  // Concurrent appends can land slightly out of order; sort only when needed (stable on ties).
  if (times.some((t, i) => i > 0 && t < times[i - 1]!)) order = order.sort((a, b) => times[a]! - times[b]! || a - b);
  const cards = new Map<string, Card>();
  for (const i of order) {
    const r = reviews[i]!;
    const t = times[i]!;
    if (r.cram || t > nowMs) continue;
    cards.set(r.story, reviewCard(scheduler, cards.get(r.story), new Date(t), r.grade));
  }
  return cards;
}

/** Probability of recalling a reviewed story at `at` (0..1); 0 for a story never reviewed. */
export function recallAt(scheduler: Scheduler, card: Card | undefined, at: Date): number {
  if (!card || !card.last_review) return 0;
  return scheduler.get_retrievability(card, at, false);
}

/** A day: prep schedules in whole days, and FSRS counts a story reviewed today as recalled for certain (elapsed 0). */
const DAY_MS = 86_400_000;

/**
 * The recall `prep stats` shows: FSRS's probability of recall a day after the last review at the earliest. On the
 * day of a review FSRS's elapsed time is 0 and any card reads 100%, even one just graded Again; a day on, the
 * stability FSRS gave the card speaks (about 77% right after a first Again, 96% after a first Good).
 */
export function recallEstimate(scheduler: Scheduler, card: Card | undefined, now: Date): number {
  if (!card || !card.last_review) return 0;
  const dayAfter = new Date(new Date(card.last_review).getTime() + DAY_MS);
  return recallAt(scheduler, card, now.getTime() < dayAfter.getTime() ? dayAfter : now);
}

/** When the story would be due next for each grade given now. */
export function previewDue(scheduler: Scheduler, card: Card | undefined, now: Date): Record<Grade, Date> {
  const p = scheduler.repeat(card ?? createEmptyCard(now), now);
  return { again: p[Rating.Again].card.due, hard: p[Rating.Hard].card.due, good: p[Rating.Good].card.due, easy: p[Rating.Easy].card.due };
}
