/**
 * The key-point checklist shown after an answer: each step of the Action, each figure of the Result, the lesson.
 * The user ticks what they actually said; the share covered suggests a grade, and the points missed are kept in the
 * review so `stats` can say what is often skipped. Pure.
 */
import type { Grade, Review } from '../history/review.js';
import type { Story } from '../story/types.js';
import { hasFigure } from '../story/figures.js';
import { brief, toPoints } from '../export/points.js';

/** What a key point is about. */
export type KeyPointKind = 'action' | 'figure' | 'result' | 'lesson';

/** One thing a good telling of the story says. */
export interface KeyPoint {
  kind: KeyPointKind;
  /** Short text, as shown in the checklist and stored when missed. */
  text: string;
}

/** A point not ticked, as stored in the review's history line. */
export type MissedPoint = KeyPoint;

/** The checklist's outcome for one answer. */
export interface ChecklistResult {
  points: number;
  missed: MissedPoint[];
}

/** Every knob of the checklist, with why. */
export const CHECKLIST_PARAMS = {
  /** At most this many Action steps: a two-minute answer tells four to six, and a longer list is not read. */
  maxActions: 6,
  /** At most this many Result sentences with figures: the ones a listener remembers. */
  maxFigures: 3,
  /** Characters of a point's text: one line of the checklist in an 80-column terminal. */
  pointChars: 64,
  /** From this share covered on, Good is suggested: one point in five may go unsaid in a fine answer. */
  goodShare: 0.8,
  /** From this share covered on, Hard; below it, Again: half the story is missing. */
  hardShare: 0.5,
  /** Missed in at least this many answers (and half of them) before `stats` calls it "often". */
  oftenTimes: 2,
};

/** Section names that hold the story's lesson. */
const LESSON = /\b(lessons?|learn(?:ed|ings?|t)?|takeaways?|reflections?|differently)\b/i;

/** The story's lesson: its Lessons / Learned / Takeaways section, if any. */
export function storyLesson(story: Pick<Story, 'sections'>): string | null {
  const s = story.sections.find((x) => LESSON.test(x.name) && x.text.trim());
  return s ? s.text.trim() : null;
}

/** The points of a text (bullets, sentences) that state a figure, in order: "All 4 frontends moved in 11 weeks". */
export function figuresOf(text: string): string[] {
  return toPoints(text).filter((p) => hasFigure(p));
}

/** The key points of a STAR story (none for a note): each Action step, each Result figure (or the Result), the lesson. */
export function keyPoints(story: Story): KeyPoint[] {
  if (story.kind !== 'star') return [];
  const p = CHECKLIST_PARAMS;
  const out: KeyPoint[] = toPoints(story.action)
    .slice(0, p.maxActions)
    .map((t) => ({ kind: 'action' as const, text: brief(t, p.pointChars) }));
  const figures = figuresOf(story.result).slice(0, p.maxFigures);
  for (const f of figures) out.push({ kind: 'figure', text: brief(`the number: ${f}`, p.pointChars) });
  if (!figures.length && story.result.trim()) out.push({ kind: 'result', text: brief(story.result, p.pointChars) });
  const lesson = storyLesson(story);
  if (lesson) out.push({ kind: 'lesson', text: brief(`lesson: ${lesson}`, p.pointChars) });
  return out;
}

/** The grade the share covered suggests: Easy for everything within the target time, Good, Hard, else Again. */
export function suggestGrade(covered: number, total: number, seconds: number, target: number): Grade {
  if (!total) return 'good';
  const share = covered / total;
  if (share >= 1 && seconds <= target) return 'easy';
  if (share >= CHECKLIST_PARAMS.goodShare) return 'good';
  return share >= CHECKLIST_PARAMS.hardShare ? 'hard' : 'again';
}

/** The checklist's outcome from the points and the indexes ticked. */
export function checklistResult(points: readonly KeyPoint[], ticked: readonly number[]): ChecklistResult {
  const said = new Set(ticked);
  return { points: points.length, missed: points.filter((_, i) => !said.has(i)).map((x) => ({ kind: x.kind, text: x.text })) };
}

/** What a kind of point is called in "you often skip ...". */
export const KIND_PHRASE: Record<KeyPointKind, string> = {
  action: 'a step of the Action',
  figure: "the result's number",
  result: 'the result',
  lesson: 'the lesson',
};

/** A kind of point often left out of one story's answers. */
export interface OftenSkipped {
  story: string;
  kind: KeyPointKind;
  /** Answers with a checklist that missed this kind, and answers with a checklist. */
  missed: number;
  answers: number;
}

/** Kinds of point missed in at least `oftenTimes` answers and half of a story's checklisted answers, most missed first. */
export function oftenSkipped(reviews: readonly Review[]): OftenSkipped[] {
  const per = new Map<string, { answers: number; missed: Map<KeyPointKind, number> }>();
  for (const r of reviews) {
    if (!r.checklist) continue;
    const s = per.get(r.story) ?? { answers: 0, missed: new Map() };
    s.answers++;
    const kinds = new Set(r.checklist.missed.map((m) => m.kind).filter((k): k is KeyPointKind => k in KIND_PHRASE));
    for (const kind of kinds) s.missed.set(kind, (s.missed.get(kind) ?? 0) + 1);
    per.set(r.story, s);
  }
  const out: OftenSkipped[] = [];
  for (const [story, s] of per) {
    for (const [kind, missed] of s.missed) {
      if (missed >= CHECKLIST_PARAMS.oftenTimes && missed * 2 >= s.answers) out.push({ story, kind, missed, answers: s.answers });
    }
  }
  return out.sort((a, b) => b.missed / b.answers - a.missed / a.answers || b.missed - a.missed || (a.story < b.story ? -1 : a.story > b.story ? 1 : 0));
}
