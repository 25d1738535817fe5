/**
 * Coaching rules for `prep check`: how a story will sound when told, not whether it is complete. An Action told as
 * "we", a Situation longer than the Action, a story past two minutes at a normal pace. Pure; each finding points at
 * the line where the part starts when the file's text is given.
 */
import type { Diagnostic, StarPart, Story } from '../story/types.js';
import { countWords, formatDuration } from '../story/text.js';
import { MAX_TELL_SECONDS } from './check-stories.js';

/** Every threshold of the coaching rules, with why. */
export const COACH_PARAMS = {
  /** A spoken answer interviewers find comfortable: most rounds budget about two minutes per story. */
  spokenSeconds: 120,
};

const WE = /^(we|we're|we've|we'd|we'll|us|our|ours|ourselves)$/;
const I = /^(i|i'm|i've|i'd|i'll|me|my|mine|myself)$/;

/** How often text says "we" (we, us, our...) and "I" (I, me, my...). */
export function countPronouns(text: string): { we: number; i: number } {
  let we = 0;
  let i = 0;
  for (const w of text.toLowerCase().replace(/’/g, "'").match(/[a-z']+/g) ?? []) {
    if (WE.test(w)) we++;
    else if (I.test(w)) i++;
  }
  return { we, i };
}

/** Whether the Action is told as "we" more than "I" (the interviewer then asks what your own part was). */
export function toldAsWe(story: Pick<Story, 'action'>): boolean {
  const p = countPronouns(story.action);
  return p.we > p.i;
}

/** Words of a line, lowercased letters and digits only, for finding a part's text in its markdown source. */
function lineWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The 1-based line where a part's text starts in the file's text: the first line from the story's heading on that
 * holds the part's first words. Falls back to the story's line when the text is not found (or not given).
 */
export function partLine(story: Story, part: StarPart, fileText: string | undefined): number {
  const first = lineWords(story[part]).slice(0, 4);
  if (!fileText || !first.length) return story.source.line;
  const lines = fileText.split('\n');
  const key = first.join(' ');
  for (let i = Math.max(0, story.source.line - 1); i < lines.length; i++) {
    if (` ${lineWords(lines[i]!).join(' ')} `.includes(` ${key} `)) return i + 1;
  }
  return story.source.line;
}

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

/** Coaching findings for STAR stories; `textOf` gives a story file's text by its display path (for part lines). */
export function coachStories(stories: readonly Story[], textOf: (file: string) => string | undefined = () => undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of stories) {
    if (s.kind !== 'star') continue;
    const text = textOf(s.source.file);
    const at = (part: StarPart) => ({ file: s.source.file, line: partLine(s, part, text), column: 1, storyId: s.id });
    const pronouns = countPronouns(s.action);
    if (pronouns.we > pronouns.i) {
      out.push({
        ...at('action'),
        rule: 'coach/we-not-i',
        severity: 'warning',
        message: `"${s.title}": the Action says "we" ${times(pronouns.we)} and "I" ${times(pronouns.i)}; say what you did yourself`,
      });
    }
    const situationWords = countWords(s.situation);
    const actionWords = countWords(s.action);
    if (actionWords && situationWords > actionWords) {
      out.push({
        ...at('situation'),
        rule: 'coach/long-situation',
        severity: 'info',
        message: `"${s.title}": the Situation (${situationWords} words) is longer than the Action (${actionWords}); set the scene in a sentence or two`,
      });
    }
    // Past MAX_TELL_SECONDS the `too-long` warning already says it.
    if (s.speakingSeconds > COACH_PARAMS.spokenSeconds && s.speakingSeconds <= MAX_TELL_SECONDS) {
      out.push({
        file: s.source.file,
        line: s.source.line,
        column: 1,
        storyId: s.id,
        rule: 'coach/over-two-minutes',
        severity: 'info',
        message: `"${s.title}" takes about ${formatDuration(s.speakingSeconds)} to tell at a normal pace; aim for ${formatDuration(COACH_PARAMS.spokenSeconds)}`,
      });
    }
  }
  return out;
}
