/** The key-point checklist after an answer (quiz and mock): tick what was said, see the share covered and the grade it suggests. */
import type { Grade } from '../history/review.js';
import type { Story } from '../story/types.js';
import type { ChecklistResult } from '../quiz/checklist.js';
import { checklistResult, keyPoints, suggestGrade } from '../quiz/checklist.js';
import { truncate, type Output } from './output.js';
import type { QuizPrompts } from './prompts.js';

/** What the checklist gave: the result to store and the grade to suggest. */
export interface CheckedAnswer {
  checklist: ChecklistResult;
  suggested: Grade;
}

/**
 * Show the story's key points as a checklist (skipped for notes, stories without points, and prompts without a
 * checkbox), then print the share covered and the suggested grade.
 */
export async function askChecklist(prompts: QuizPrompts, story: Story, seconds: number, target: number, o: Output, width: number): Promise<CheckedAnswer | null> {
  const points = keyPoints(story);
  if (!points.length || !prompts.checkbox) return null;
  const ticked = await prompts.checkbox({
    message: 'Which key points did you say? (space to tick, Enter when done)',
    choices: points.map((p, i) => ({ value: String(i), name: truncate(p.text, Math.max(10, width - 6)) })),
  });
  const checklist = checklistResult(points, ticked.map(Number));
  const covered = checklist.points - checklist.missed.length;
  const suggested = suggestGrade(covered, checklist.points, seconds, target);
  const c = o.c;
  const share = Math.round((covered / checklist.points) * 100);
  o.out(`${covered === checklist.points ? c.green('✓') : c.yellow('•')} covered ${covered} of ${checklist.points} key points (${share}%): suggested ${c.bold(suggested)}`);
  if (checklist.missed.length) o.out(c.dim(truncate(`not said: ${checklist.missed.map((m) => m.text.replace(/[.;,]$/, '')).join('; ')}`, width)));
  return { checklist, suggested };
}
