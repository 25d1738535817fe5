/**
 * Follow-up questions an interviewer asks after a story, chosen from what the story holds or lacks: your own part
 * when the Action says "we", how success was measured, what you would do differently, the hardest part, a
 * stakeholder who disagreed. Each says whether the notes hold an answer, so the mock's summary can name the gaps. Pure.
 */
import type { Story } from '../story/types.js';
import { toldAsWe } from '../check/coaching.js';
import { figuresOf, storyLesson } from './checklist.js';
import { brief } from '../export/points.js';
import { shuffle, type Random } from './random.js';

/** Which follow-up it is. */
export type FollowUpKind = 'own-part' | 'measured' | 'differently' | 'hardest' | 'stakeholder';

/** A follow-up question, and whether the story's notes hold what answers it. */
export interface FollowUp {
  kind: FollowUpKind;
  question: string;
  supported: boolean;
  /** What the notes have or lack, for the summary. */
  note: string;
}

const HARD = /\b(hard(est)?|difficult|challeng\w*|tricky|obstacle\w*|struggl\w*)\b/i;
const DISAGREED = /\b(disagree\w*|push(ed|ing)? back|pushback|objected|objection\w*|concern\w*|skeptic\w*|sceptic\w*|resist\w*|worried|convinc\w*|opposed)\b/i;

/** Every follow-up the story can be asked, in the order an interviewer would reach for them. */
export function followUpsFor(story: Story): FollowUp[] {
  const all = [story.situation, story.task, story.action, story.result, ...story.sections.map((s) => `${s.name}\n${s.text}`)].join('\n');
  const out: FollowUp[] = [];
  if (toldAsWe(story)) {
    out.push({ kind: 'own-part', question: 'You said "we" a lot. What was your own part, as opposed to the team\'s?', supported: false, note: 'the Action is told as "we"' });
  }
  // The Result sentence holding the first figure, so the question quotes the claim and not a bare number.
  const figure = figuresOf(story.result)[0];
  out.push(
    figure
      ? { kind: 'measured', question: `You said "${brief(figure.replace(/[.;,]$/, ''), 60)}". How did you measure that, and how do you know it came from what you did?`, supported: true, note: 'the Result has a figure' }
      : { kind: 'measured', question: 'How did you know it worked? What did you measure?', supported: false, note: 'the Result has no figure' },
  );
  const lesson = storyLesson(story);
  out.push({ kind: 'differently', question: 'Looking back, what would you do differently?', supported: Boolean(lesson), note: lesson ? 'a lesson is written' : 'no lesson is written' });
  const hard = HARD.test(all);
  out.push({ kind: 'hardest', question: 'What was the hardest part for you?', supported: hard, note: hard ? 'the notes name a difficulty' : 'the notes name no difficulty' });
  const disagreed = DISAGREED.test(all);
  out.push({ kind: 'stakeholder', question: 'Did anyone disagree with you? How did you bring them along?', supported: disagreed, note: disagreed ? 'the notes mention a disagreement' : 'the notes mention no one who disagreed' });
  return out;
}

/**
 * One or two follow-ups for an answer: "your own part" first when the Action says "we", else one about the result or
 * the lesson (the story's gaps first), then sometimes one more of the others, at random.
 */
export function chooseFollowUps(story: Story, random: Random, max = 2): FollowUp[] {
  const all = followUpsFor(story);
  const own = all.find((f) => f.kind === 'own-part');
  const core = all.filter((f) => f.kind === 'measured' || f.kind === 'differently');
  const gaps = core.filter((f) => !f.supported);
  const first = own ?? shuffle(gaps.length ? gaps : core, random)[0]!;
  const rest = shuffle(all.filter((f) => f !== first), random);
  // Two follow-ups about half the time, as interviewers do when an answer leaves something open.
  const two = max > 1 && (random() < 0.5 || !first.supported);
  return two ? [first, rest[0]!] : [first];
}
