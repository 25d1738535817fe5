/** `prep plan`: a day-by-day plan to the interview date so every story is at 90% recall on the day. */
import type { Story } from '../../story/types.js';
import type { Review } from '../../history/review.js';
import type { SearchIndex } from '../../search/engine.js';
import type { PlanDay, StudyPlan } from '../../quiz/plan.js';
import type { SessionPlan } from '../../quiz/select.js';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { EXIT, PrepError } from '../errors.js';
import { truncate, type Output } from '../output.js';
import { dayKey, parseDay, startOfDay } from '../../dates.js';

/** Options of `prep plan`. */
export interface PlanOptions extends StoryOptions {
  interview?: string;
  minutesPerDay?: string;
  history?: string;
  json?: boolean;
}

/** Largest daily budget accepted, in minutes. */
const MAX_MINUTES_PER_DAY = 600;

/** The interview day from --interview, else the `interview` setting; past, today and malformed dates are usage errors. */
export function parseInterviewDate(flag: string | undefined, configured: string | undefined, now: Date): Date {
  const text = flag ?? configured;
  const from = flag !== undefined ? '--interview' : 'the interview setting';
  if (text === undefined) {
    throw new PrepError('usage.interview', 'no interview date: give --interview YYYY-MM-DD', EXIT.usage, 'or keep it: `prep config set interview 2026-12-15`');
  }
  const day = parseDay(text);
  if (!day) throw new PrepError('usage.interview', `${from} must be a date as YYYY-MM-DD, not "${text}"`, EXIT.usage, 'example: --interview 2026-12-15');
  const today = startOfDay(now).getTime();
  if (day.getTime() < today) throw new PrepError('usage.interview', `${from} "${text}" is in the past`, EXIT.usage, flag === undefined ? 'set the next one: `prep config set interview YYYY-MM-DD`' : 'give the date of an interview still ahead');
  if (day.getTime() === today) throw new PrepError('usage.interview', `${from} "${text}" is today: no days left to plan`, EXIT.usage, 'drill what you can with `prep quiz --cram`');
  return day;
}

/** The daily budget from --minutes-per-day: a whole number of minutes from 1 to 600. */
export function parseMinutesPerDay(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_MINUTES_PER_DAY) {
    throw new PrepError('usage.minutes-per-day', `--minutes-per-day must be a whole number from 1 to ${MAX_MINUTES_PER_DAY}, not "${text}"`, EXIT.usage, 'example: --minutes-per-day 20');
  }
  return n;
}

/** The plan for loaded stories and their history (shared by `plan`, `quiz` and `stats`). */
export async function buildPlan(stories: readonly Story[], index: SearchIndex, reviews: readonly Review[], now: Date, interview: Date, minutesPerDay: number): Promise<StudyPlan> {
  const { withCompetencies } = await import('../search-context.js');
  const { createScheduler, replayHistory } = await import('../../history/replay.js');
  const { planToInterview, storyNeeds } = await import('../../quiz/plan.js');
  const scheduler = createScheduler();
  const competencies = new Map((await withCompetencies([...stories], index)).map((s) => [s.id, s.competencies]));
  const cards = replayHistory(reviews, now, scheduler);
  return planToInterview({ stories: storyNeeds(competencies), cards, scheduler, now, interview, minutesPerDay });
}

/** Titles joined by commas within `room` characters, the rest counted ("A, B, +3"). */
function fitNames(names: string[], room: number): string {
  let text = '';
  for (let i = 0; i < names.length; i++) {
    const next = (text ? `${text}, ` : '') + names[i];
    const more = names.length - i - 1;
    if (next.length + (more ? `, +${more}`.length : 0) > room && text) return `${text}, +${names.length - i}`;
    text = next;
  }
  return truncate(text, room);
}

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pct = (x: number) => `${Math.floor(x * 100)}%`;

/** The plan as printed: a header, one line per day, the predicted recall on the day, and a warning when short. */
export function renderPlan(plan: StudyPlan, titles: ReadonlyMap<string, string>, now: Date, o: Pick<Output, 'c' | 'columns'>): string[] {
  const { c } = o;
  const width = Math.max(40, Math.min(o.columns, 100) - 1);
  const when = `${WEEKDAY[plan.interview.getDay()]} ${dayKey(plan.interview)}`;
  const lines = [c.bold(`Plan to your interview on ${when}: ${plan.days.length} day${plan.days.length === 1 ? '' : 's'}, up to ${plan.minutesPerDay} min a day`)];
  const titleOf = (id: string) => titles.get(id) ?? id;
  const label = (d: PlanDay) => `${WEEKDAY[d.at.getDay()]} ${d.day.slice(5)}${d.day === dayKey(now) ? '*' : ' '}`;
  for (let i = 0; i < plan.days.length; i++) {
    const d = plan.days[i]!;
    const date = label(d);
    if (!d.stories.length) {
      // A run of rest days is one line: "Wed 12-09 to Mon 12-14  rest".
      let j = i;
      while (j + 1 < plan.days.length && !plan.days[j + 1]!.stories.length) j++;
      lines.push(j > i ? `${date.trimEnd()} to ${label(plan.days[j]!).trimEnd()}  ${c.dim('rest')}` : `${date}  ${c.dim('  –     rest')}`);
      i = j;
      continue;
    }
    const head = `${date}  ${String(d.minutes).padStart(3)} min  `;
    const names = d.stories.map(titleOf);
    lines.push(head + fitNames(names, width - head.length));
  }
  const weakest = plan.outcome[0];
  if (weakest) {
    const below = plan.outcome.filter((x) => x.recall < 0.9).length;
    const summary = plan.reached
      ? c.green(`On the day: all ${plan.outcome.length} stories at ${pct(0.9)} recall or more (lowest ${pct(weakest.recall)}, ${truncate(titleOf(weakest.id), 40)})`)
      : c.yellow(`On the day: ${below} of ${plan.outcome.length} stories below 90% recall at ${plan.minutesPerDay} min a day`);
    lines.push(summary);
  }
  if (!plan.reached) {
    lines.push(
      plan.minutesNeeded !== null
        ? c.yellow(`Too close for ${plan.minutesPerDay} min a day: it needs about ${plan.minutesNeeded} min a day (--minutes-per-day ${plan.minutesNeeded})`)
        : c.yellow('Too close: no daily budget reaches 90% for every story; drill the first ones and cram the rest'),
    );
  }
  lines.push(c.dim('* today: `prep quiz` drills today\'s part when the interview date is in config'));
  return lines;
}

/** Print the plan (or JSON); exit 0 when it reaches the target, 0 with a warning when the date is too close. */
export async function runPlan(ctx: Context, opts: PlanOptions): Promise<number> {
  const { readSettings } = await import('../../config/config-file.js');
  const { PLAN_PARAMS } = await import('../../quiz/plan.js');
  const now = ctx.now();
  const settings = readSettings(ctx).values;
  const interview = parseInterviewDate(opts.interview, settings.interview, now);
  const minutesPerDay = parseMinutesPerDay(opts.minutesPerDay, PLAN_PARAMS.minutesPerDay);
  const loaded = await loadForCommand(ctx, opts, { quiet: true });
  const { loadIndex } = await import('../search-context.js');
  const index = await loadIndex(ctx, loaded);
  const { openHistory } = await import('../../history/log-file.js');
  const history = openHistory(ctx, opts.history, loaded.files);
  const plan = await buildPlan(loaded.stories, index, history.reviews, now, interview, minutesPerDay);
  const titles = new Map(loaded.stories.map((s) => [s.id, s.title]));
  if (opts.json) {
    ctx.out.out(
      JSON.stringify(
        {
          interview: dayKey(plan.interview),
          minutesPerDay,
          reached: plan.reached,
          minutesNeeded: plan.minutesNeeded,
          days: plan.days.map((d) => ({ day: d.day, minutes: d.minutes, stories: d.stories })),
          onTheDay: plan.outcome.map((x) => ({ id: x.id, title: titles.get(x.id) ?? null, recall: Math.round(x.recall * 1000) / 1000 })),
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  ctx.out.out(renderPlan(plan, titles, now, ctx.out).join('\n'));
  return EXIT.ok;
}

/** The interview setting as a day still ahead, or null (unset, malformed or past: the quiz then runs as usual). */
export function upcomingInterview(configured: string | undefined, now: Date): Date | null {
  const day = configured === undefined ? null : parseDay(configured);
  return day && day.getTime() > startOfDay(now).getTime() ? day : null;
}

/** Whether a quiz was started with no options that choose its stories, so it may follow the plan. */
export function followsPlan(opts: { mode?: string; count?: string; competency?: string; tag?: string; cram?: boolean; until?: string; framework?: string }): boolean {
  return (opts.mode ?? 'tell') === 'tell' && opts.count === undefined && opts.competency === undefined && opts.tag === undefined && !opts.cram && opts.until === undefined && opts.framework === undefined;
}

/**
 * Today's part of the plan as a quiz session when an interview date is set (null when none is): says so first, and
 * when today's part is done names the next planned day.
 */
export async function quizPlanFor(ctx: Context, stories: readonly Story[], index: SearchIndex, reviews: readonly Review[]): Promise<(SessionPlan & { interview: Date }) | null> {
  const { readSettings } = await import('../../config/config-file.js');
  const { PLAN_PARAMS, todaysStories } = await import('../../quiz/plan.js');
  const now = ctx.now();
  const interview = upcomingInterview(readSettings(ctx).values.interview, now);
  if (!interview) return null;
  const plan = await buildPlan(stories, index, reviews, now, interview, PLAN_PARAMS.minutesPerDay);
  const ids = todaysStories(plan, now);
  const o = ctx.out;
  if (ids.length) {
    o.out(o.c.dim(`Following your plan to the interview on ${dayKey(interview)}: ${ids.length} ${ids.length === 1 ? 'story' : 'stories'} today (\`prep plan\` shows every day)`));
  } else {
    const next = plan.days.find((d) => d.day > dayKey(now) && d.stories.length);
    o.out(`Today's part of your plan to ${dayKey(interview)} is done${next ? `; next practice ${WEEKDAY[next.at.getDay()]} ${next.day}` : ''}.`);
  }
  return { interview, rounds: ids.map((id) => ({ id, reason: 'before-interview' as const })), dueCount: 0, newCount: 0, beforeInterviewCount: ids.length, nextDue: null };
}

/** Progress against the plan for `prep stats`: days left, stories already safe for the day, today's part. Empty without a date. */
export async function planProgress(ctx: Context, stories: readonly Story[], index: SearchIndex, reviews: readonly Review[]): Promise<string[]> {
  const { readSettings } = await import('../../config/config-file.js');
  const { PLAN_PARAMS, todaysStories } = await import('../../quiz/plan.js');
  const { calendarDaysBetween } = await import('../../dates.js');
  const now = ctx.now();
  const interview = upcomingInterview(readSettings(ctx).values.interview, now);
  if (!interview) return [];
  const plan = await buildPlan(stories, index, reviews, now, interview, PLAN_PARAMS.minutesPerDay);
  const c = ctx.out.c;
  const safe = plan.ifStoppedNow.filter((x) => x.recall >= PLAN_PARAMS.targetRecall).length;
  const today = todaysStories(plan, now);
  const left = calendarDaysBetween(now, interview);
  return [
    c.bold(`Plan to the interview on ${dayKey(interview)}`) + c.dim(` (${left} day${left === 1 ? '' : 's'} left)`),
    `  ${safe} of ${plan.ifStoppedNow.length} stories already at 90% recall on the day; ${today.length ? `today: ${today.length} more to drill (\`prep quiz\`)` : "today's part is done"}`,
    ...(plan.reached ? [] : [c.yellow(`  at ${plan.minutesPerDay} min a day not every story gets there: about ${plan.minutesNeeded ?? '?'} min a day would (\`prep plan\`)`)]),
  ];
}
