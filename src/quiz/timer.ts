/** Timer math for a round: elapsed time, warning level, STAR pacing, and the one-line timer display. Pure. */
import type { ChalkInstance } from 'chalk';
import { formatDuration } from '../story/text.js';
import type { StoryKind } from '../story/types.js';

/** How close an answer is to its target: fine, near the limit, or past it. */
export type TimerLevel = 'ok' | 'near' | 'over';

/** From this share of the target on, the timer warns (the result should be on its way). */
export const NEAR_FRACTION = 0.8;

/** A stretch of a STAR answer and the share of the target time it should end by. */
export interface PaceStep {
  phase: 'setup' | 'action' | 'result';
  /** Cumulative share of the target at which this stretch should be over. */
  until: number;
  short: string;
  long: string;
}

/** STAR pacing: situation + task about 20% of the time, action 60%, result 20%. */
export const PACING: readonly PaceStep[] = [
  { phase: 'setup', until: 0.2, short: 'situation+task', long: 'situation + task: set the scene' },
  { phase: 'action', until: 0.8, short: 'action', long: 'action: what you did, step by step' },
  { phase: 'result', until: 1, short: 'result', long: 'result: the outcome, with a number' },
];

/** Seconds between two clock readings in milliseconds, never negative. */
export function elapsedSeconds(startMs: number, nowMs: number): number {
  return Math.max(0, (nowMs - startMs) / 1000);
}

/** The warning level of an answer `seconds` long against `target`. */
export function timerLevel(seconds: number, target: number): TimerLevel {
  if (seconds > target) return 'over';
  return seconds >= target * NEAR_FRACTION ? 'near' : 'ok';
}

/** Where in the STAR pacing an answer `seconds` long should be; null once past the target. */
export function paceStep(seconds: number, target: number): PaceStep | null {
  const f = seconds / target;
  return PACING.find((p) => f < p.until) ?? null;
}

/** The pacing plan in seconds for a target: "S+T 0:24 · A 1:12 · R 0:24". */
export function pacingPlan(target: number): string {
  let from = 0;
  const parts = PACING.map((p) => {
    const to = p.until * target;
    const s = `${p.phase === 'setup' ? 'S+T' : p.phase === 'action' ? 'A' : 'R'} ${formatDuration(to - from)}`;
    from = to;
    return s;
  });
  return parts.join(' · ');
}

/** The bar: filled cells for elapsed time, with ┊ marking where action and result should start. */
function bar(seconds: number, target: number, width: number): { filled: string; rest: string } {
  const filledCells = Math.min(width, Math.floor((seconds / target) * width));
  const marks = new Set(PACING.slice(0, -1).map((p) => Math.round(p.until * width)));
  let rest = '';
  for (let i = filledCells; i < width; i++) rest += marks.has(i) ? '┊' : '░';
  return { filled: '█'.repeat(filledCells), rest };
}

/**
 * The live timer line, fitted to `columns` (it never wraps, so `\r` can redraw it): `0:42 / 2:00 ███░░┊░░ action: ...`.
 * The time and bar turn yellow near the limit and red past it; STAR stories get a pacing hint.
 */
export function renderTimer(elapsedMs: number, target: number, columns: number, c: ChalkInstance, kind: StoryKind = 'star'): string {
  const seconds = Math.floor(elapsedMs / 1000);
  const level = timerLevel(seconds, target);
  const paint = level === 'over' ? c.red : level === 'near' ? c.yellow : c.green;
  const time = `${formatDuration(seconds)} / ${formatDuration(target)}`;
  const step = paceStep(seconds, target);
  const over = level === 'over' ? `over by ${formatDuration(seconds - target)}: wrap up` : null;
  const hints = kind === 'star' ? { long: over ?? step?.long ?? '', short: over ? 'wrap up' : (step?.short ?? '') } : { long: over ?? '', short: over ? 'wrap up' : '' };
  const room = Math.max(0, columns - 1);
  const layouts: [number, string][] = [
    [24, hints.long],
    [16, hints.long],
    [16, hints.short],
    [10, hints.short],
    [10, ''],
    [0, ''],
  ];
  for (const [barWidth, hint] of layouts) {
    const plainLen = time.length + (barWidth ? 1 + barWidth : 0) + (hint ? 2 + hint.length : 0);
    if (plainLen > room && !(barWidth === 0 && !hint)) continue;
    let line = paint(time);
    if (barWidth) {
      const b = bar(seconds, target, barWidth);
      line += ' ' + paint(b.filled) + c.dim(b.rest);
    }
    if (hint) line += '  ' + (level === 'over' ? c.red(hint) : c.dim(hint));
    // Last resort in very narrow windows: cut the plain time so the line still fits.
    return plainLen > room ? paint(time.slice(0, room)) : line;
  }
  return '';
}

/** The line that replaces the timer once the user presses Enter. */
export function renderAnswerTime(seconds: number, target: number, c: ChalkInstance): string {
  const s = Math.round(seconds);
  if (s > target) return c.red(`⏱ ${formatDuration(s)}, ${formatDuration(s - target)} over the ${formatDuration(target)} target`);
  const level = timerLevel(s, target);
  return (level === 'near' ? c.yellow : c.green)(`⏱ ${formatDuration(s)} of ${formatDuration(target)}`);
}

