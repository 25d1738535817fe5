/** `prep log`: record a practice done elsewhere (a mock interview with a friend) as one history line, no prompt. */
import { GRADES, isGrade, makeReview, type Grade } from '../../history/review.js';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { didYouMean, EXIT, PrepError } from '../errors.js';
import { lookupStory } from '../lookup.js';
import { parseSecondsOption, parseTimeOption } from '../options.js';
import { DEFAULTS } from '../../config/keys.js';
import { formatDue } from '../../dates.js';
import { formatDuration } from '../../story/text.js';

/** Options of `prep log`. */
export interface LogOptions extends StoryOptions {
  grade?: string;
  seconds?: string;
  question?: string;
  time?: string;
  history?: string;
}

/** The grade named by --grade, or a usage error with a suggestion. */
export function parseGrade(text: string | undefined): Grade {
  const g = (text ?? '').trim().toLowerCase();
  if (isGrade(g)) return g;
  const use = `use --grade ${GRADES.join('|')}`;
  const similar = g ? didYouMean(g, GRADES) : undefined;
  throw new PrepError('usage.grade', text === undefined ? 'no --grade given' : `unknown grade "${text}"`, EXIT.usage, similar ? `${similar} ${use}` : use);
}

/** Append one review for a story and say when it is due next. */
export async function runLog(ctx: Context, storyWords: string[], opts: LogOptions): Promise<number> {
  const grade = parseGrade(opts.grade);
  const seconds = opts.seconds === undefined ? null : parseSecondsOption('seconds', opts.seconds);
  const { readSettings } = await import('../../config/config-file.js');
  const target = opts.time === undefined ? (readSettings(ctx).values.time ?? DEFAULTS.time) : parseTimeOption(opts.time);
  const question = opts.question?.trim() || null;
  const { stories, files } = await loadForCommand(ctx, opts, { quiet: true });
  const story = lookupStory(stories, storyWords.join(' '));
  const { appendReview } = await import('../../history/log-file.js');
  const { openStoryHistory, recordCarries } = await import('../history-context.js');
  // Refuses a notes file (or anything else that is not a history) before the append below.
  const history = await openStoryHistory(ctx, opts.history, { stories, files });
  const now = ctx.now();
  const review = makeReview({ at: now.toISOString(), story: story.id, question, mode: 'log', seconds, target, grade, cram: false, fp: history.fingerprint(story.id) });
  await recordCarries(history, story.id, now);
  appendReview(history.file, review);
  const { replayHistory } = await import('../../history/replay.js');
  const card = replayHistory([...history.reviews.filter((r) => r.story === story.id), review], now).get(story.id);
  const o = ctx.out;
  const time = seconds === null ? '' : ` in ${formatDuration(seconds)}${seconds > target ? o.c.red(` (${formatDuration(seconds - target)} over)`) : ''}`;
  o.out(`logged ${o.c.bold(grade)} for "${story.title}"${time}${card ? ` · next due ${formatDue(card.due, now)}` : ''}`);
  o.out(o.c.dim(`history: ${history.file}`));
  return 0;
}
