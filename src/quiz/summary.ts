/** The end-of-session summary: answered, average time, over-time count, grades, and what comes next. Pure. */
import type { ChalkInstance } from 'chalk';
import { GRADES, type Grade, type Review } from '../history/review.js';
import { formatDuration } from '../story/text.js';
import { formatDue } from '../dates.js';

/** Figures about one session's rounds. */
export interface SessionSummary {
  answered: number;
  averageSeconds: number | null;
  overTime: number;
  grades: Record<Grade, number>;
  /** Pick mode: how many picks were right. */
  correct: number;
  picks: number;
}

/** Summarise the reviews a session wrote. */
export function summarizeSession(reviews: readonly Review[]): SessionSummary {
  const grades = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  let total = 0;
  let timed = 0;
  let overTime = 0;
  let correct = 0;
  let picks = 0;
  for (const r of reviews) {
    grades[r.grade]++;
    if (r.seconds !== null) {
      total += r.seconds;
      timed++;
      if (r.seconds > r.target) overTime++;
    }
    if (r.mode === 'pick') {
      picks++;
      // A pick the user showed also fits ("mine fits too") counts as right: only a wrong pick is graded Again.
      if (r.grade !== 'again') correct++;
    }
  }
  return { answered: reviews.length, averageSeconds: timed ? total / timed : null, overTime, grades, correct, picks };
}

/** Summary lines for the terminal; `next` lists when the drilled stories come up again (empty after --cram). */
export function renderSummary(s: SessionSummary, next: readonly { title: string; due: Date }[], now: Date, c: ChalkInstance, heading = 'Session done'): string[] {
  if (!s.answered) return [c.dim('No rounds answered.')];
  const head = [`${s.answered} answered`];
  if (s.averageSeconds !== null) head.push(`average ${formatDuration(s.averageSeconds)}`);
  if (s.picks) head.push(`${s.correct}/${s.picks} picked right`);
  else head.push(s.overTime ? c.red(`${s.overTime} over time`) : c.green('none over time'));
  const lines = [c.bold(`${heading}: `) + head.join(' · ')];
  const paint: Record<Grade, ChalkInstance> = { again: c.red, hard: c.yellow, good: c.green, easy: c.cyan };
  lines.push(`${c.dim('grades:')} ${GRADES.map((g) => paint[g](`${g} ${s.grades[g]}`)).join(c.dim(' · '))}`);
  if (next.length) {
    const sorted = [...next].sort((a, b) => a.due.getTime() - b.due.getTime());
    lines.push(c.dim('next due:'));
    for (const n of sorted.slice(0, 5)) lines.push(`  ${formatDue(n.due, now).padEnd(12)} ${n.title}`);
    if (sorted.length > 5) lines.push(c.dim(`  … and ${sorted.length - 5} more`));
  }
  return lines;
}
