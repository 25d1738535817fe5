/**
 * The round state machine: asking -> answered -> graded (tell mode), or asking -> graded (pick mode grades itself:
 * a pick the user showed also fits, `alsoFits`, counts as right).
 * Pure: events carry their clock readings; invalid transitions are programming errors and throw.
 */
import { makeReview, type Grade, type Review, type ReviewChecklist } from '../history/review.js';
import { elapsedSeconds } from './timer.js';
import { gradePick } from './select.js';

/** What the user is asked to do in a round. */
export type QuizMode = 'tell' | 'pick';

/** A round as planned: the story, the question, and the rules it is played by. */
export interface PlannedRound {
  storyId: string;
  question: string;
  mode: QuizMode;
  /** Target answer time in seconds. */
  target: number;
  cram: boolean;
  /** Pick mode: the story ids offered. */
  choices?: string[];
  /** Pick mode: whether a timer was shown (only then is speed graded). */
  timed?: boolean;
}

/** Where a round is. */
export type RoundState =
  | { phase: 'asking'; round: PlannedRound; startedMs: number }
  | { phase: 'answered'; round: PlannedRound; seconds: number }
  | { phase: 'graded'; round: PlannedRound; seconds: number; grade: Grade; picked?: string };

/** A round waiting for its answer. */
export type AskingState = Extract<RoundState, { phase: 'asking' }>;

/** What can happen in a round. */
export type RoundEvent = { type: 'answer'; atMs: number; picked?: string; alsoFits?: boolean } | { type: 'grade'; grade: Grade };

/** A round whose question has just been shown and whose clock starts at `atMs`. */
export function startRound(round: PlannedRound, atMs: number): AskingState {
  if (round.mode === 'pick' && !round.choices?.includes(round.storyId)) throw new Error('pick round without the correct story among its choices');
  return { phase: 'asking', round, startedMs: atMs };
}

/** The next state after an event. */
export function advanceRound(state: AskingState, event: Extract<RoundEvent, { type: 'answer' }>): Exclude<RoundState, AskingState>;
export function advanceRound(state: RoundState, event: RoundEvent): RoundState;
export function advanceRound(state: RoundState, event: RoundEvent): RoundState {
  if (state.phase === 'asking' && event.type === 'answer') {
    const seconds = elapsedSeconds(state.startedMs, event.atMs);
    if (state.round.mode === 'tell') return { phase: 'answered', round: state.round, seconds };
    if (event.picked === undefined) throw new Error('pick round answered without a pick');
    return { phase: 'graded', round: state.round, seconds, grade: gradePick(event.picked === state.round.storyId || event.alsoFits === true, seconds, state.round.target, state.round.timed ?? false), picked: event.picked };
  }
  if (state.phase === 'answered' && event.type === 'grade') return { phase: 'graded', round: state.round, seconds: state.seconds, grade: event.grade };
  throw new Error(`invalid quiz event "${event.type}" in phase "${state.phase}"`);
}

/** The history record of a graded round, answered at `at`, with the key-point checklist when one was ticked. */
export function roundReview(state: RoundState, at: Date, checklist?: ReviewChecklist): Review {
  if (state.phase !== 'graded') throw new Error(`round not graded (phase "${state.phase}")`);
  const { round } = state;
  return makeReview({
    at: at.toISOString(),
    story: round.storyId,
    question: round.question,
    mode: round.mode,
    seconds: state.seconds,
    target: round.target,
    grade: state.grade,
    cram: round.cram,
    ...(state.picked !== undefined ? { picked: state.picked } : {}),
    ...(checklist ? { checklist } : {}),
  });
}
