/** `prep quiz`: timed, scheduled drills in the terminal; every answered round is appended to the history at once. */
import { join } from 'node:path';
import type { Story } from '../../story/types.js';
import type { SearchIndex } from '../../search/engine.js';
import type { LoadedStories } from '../../load/read-stories.js';
import { CACHE_VERSION } from '../../version.js';
import { GRADES, type Grade, type Review } from '../../history/review.js';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { didYouMean, EXIT, Interrupted, PrepError } from '../errors.js';
import { truncate, wrapText, type Output } from '../output.js';
import type { PromptChoice, QuizPrompts } from '../prompts.js';
import type { CheckedAnswer } from '../checklist-prompt.js';
import { formatDue, parseDay, startOfDay } from '../../quiz/dates.js';
import { seededRandom, type Random } from '../../quiz/random.js';
import { advanceRound, roundReview, startRound, type PlannedRound, type QuizMode, type RoundState } from '../../quiz/round.js';
import { chooseQuestion, pickChoices, planSession, remainingCounts, PICK_TARGET_SECONDS, type QuestionOption, type SessionPlan } from '../../quiz/select.js';
import { pacingPlan, renderAnswerTime, renderTimer } from '../../quiz/timer.js';
import { parseCompetencyOption, parseCountOption, parseTimeOption } from '../options.js';
import { renderOutline } from '../../quiz/outline.js';
import { renderSummary, summarizeSession } from '../../quiz/summary.js';
import { formatDuration } from '../../story/text.js';

/** Options of `prep quiz`, as commander hands them over. */
export interface QuizOptions extends StoryOptions {
  mode?: string;
  count?: string;
  time?: string;
  competency?: string;
  tag?: string;
  cram?: boolean;
  until?: string;
  history?: string;
  seed?: string;
  framework?: string;
}

/** What the quiz takes from outside besides the context; tests replace all of it. */
export interface QuizDeps {
  prompts?: QuizPrompts;
  /** Whether stdin and stdout are a terminal. */
  interactive?: boolean;
  random?: Random;
  /** Monotonic milliseconds, for answer durations. */
  clock?: () => number;
  /** Current terminal width. */
  columns?: () => number;
}

/** Validated quiz settings. */
export interface QuizSettings {
  mode: QuizMode;
  count: number;
  target: number;
  cram: boolean;
  until: Date | null;
}

/** What each grade means, as the grade prompt shows it (the mock round shares it). */
export const GRADE_TEXT: Record<Grade, { name: string; description: string }> = {
  again: { name: 'Again', description: 'blanked, rambled, or missed the point' },
  hard: { name: 'Hard', description: 'got there, with long pauses or a missing part' },
  good: { name: 'Good', description: 'told it clearly, about on time' },
  easy: { name: 'Easy', description: 'effortless and crisp' },
};

/** Defaults from `prep config` / PREP_TIME / PREP_COUNT. */
export interface QuizDefaults {
  time?: number;
  count?: number;
}

/** Check the options over the configured defaults; bad values are usage errors (exit 2). */
export function parseQuizOptions(opts: QuizOptions, now: Date, defaults: QuizDefaults = {}): QuizSettings {
  const mode = (opts.mode ?? 'tell') as QuizMode;
  if (mode !== 'tell' && mode !== 'pick') throw new PrepError('usage.mode', `unknown --mode "${opts.mode}"`, 2, 'use --mode tell (answer out loud) or --mode pick (choose the story)');
  // Flags take the same ranges as the `count` and `time` settings (config/keys.ts).
  const count = opts.count === undefined ? (defaults.count ?? 5) : parseCountOption(opts.count);
  // The configured time is for telling a story; picking one has its own, shorter default.
  const target = opts.time !== undefined ? parseTimeOption(opts.time) : mode === 'pick' ? PICK_TARGET_SECONDS : (defaults.time ?? 120);
  let until: Date | null = null;
  if (opts.until !== undefined) {
    until = parseDay(opts.until);
    if (!until) throw new PrepError('usage.until', `--until must be a date as YYYY-MM-DD, not "${opts.until}"`, 2, 'example: --until 2026-03-14 (the day of your interview)');
    if (until.getTime() < startOfDay(now).getTime()) throw new PrepError('usage.until', `--until "${opts.until}" is in the past`, 2, 'give the date of an interview still ahead');
  }
  return { mode, count, target, cram: Boolean(opts.cram), until };
}

/** Stories narrowed by --competency / --tag, or a usage error naming what exists. */
async function filterPool(stories: Story[], index: SearchIndex, opts: QuizOptions): Promise<Story[]> {
  let pool = stories;
  if (opts.competency !== undefined) {
    const comp = await parseCompetencyOption(opts.competency);
    // The same competencies `prep show` and `prep list` report for each story.
    const { withCompetencies } = await import('../search-context.js');
    const { storiesWithCompetency } = await import('../../quiz/filter.js');
    pool = storiesWithCompetency(await withCompetencies(pool, index), comp);
    if (!pool.length) throw new PrepError('quiz.empty', `no story shows the competency "${comp.id}"`, EXIT.usage, '`prep coverage` shows which competencies your stories cover');
  }
  if (opts.tag !== undefined) {
    const { allTags, storiesWithTag } = await import('../../quiz/filter.js');
    const tagged = storiesWithTag(pool, opts.tag);
    if (!tagged.length) {
      const tags = allTags(stories);
      const fallback = tags.length ? `tags in your notes: ${tags.slice(0, 8).join(', ')}` : 'no story has tags yet; add `tags: [...]` to its front matter';
      throw new PrepError('usage.tag', `no story${opts.competency ? ' with that competency' : ''} has the tag "${opts.tag}"`, EXIT.usage, didYouMean(opts.tag, tags, fallback));
    }
    pool = tagged;
  }
  return pool;
}

/** Bank questions each story answers best, with the search score of that best answer. */
interface BankQuestions {
  won: Map<string, string[]>;
  score: Map<string, number>;
}

interface BankCache {
  version: string;
  key: string;
  won: [string, string[]][];
  score: [string, number][];
}

/**
 * Which bank questions each story wins, and how well: ranking the whole bank is the slowest step before the first
 * question, so the result is cached like the search index (with the same collection key).
 */
async function loadBankQuestions(ctx: Context, loaded: LoadedStories, index: SearchIndex): Promise<BankQuestions> {
  const { readJsonCache, writeJsonCache, pruneCache } = await import('../../load/cache.js');
  const { collectionKey } = await import('../search-context.js');
  const key = collectionKey(loaded);
  const dir = join(ctx.folders.cache, 'v1');
  const file = join(dir, `quiz-bank-${key}.json`);
  const useCache = !ctx.env.PREP_NO_CACHE;
  const hit = useCache ? readJsonCache<BankCache>(file, ctx.debug) : null;
  if (hit && hit.key === key && Array.isArray(hit.won) && Array.isArray(hit.score)) return { won: new Map(hit.won), score: new Map(hit.score) };
  const { bankWins, bankQuestions } = await import('../../search/questions.js');
  const { readBankPlans } = await import('../../load/search-data.js');
  const { lexiconFingerprint } = await import('../../search/engine.js');
  const { won, score } = bankWins(index, readBankPlans(lexiconFingerprint(), bankQuestions(), ctx.debug));
  if (useCache) {
    writeJsonCache(file, { version: CACHE_VERSION, key, won: [...won], score: [...score] } satisfies BankCache, ctx.debug);
    // As for the index: a few collections stay cached, older banks go.
    pruneCache(dir, 'quiz-bank-', 6, ctx.debug);
  }
  return { won, score };
}

/** Question options of a story with how well each fits it: own and title questions 1, bank questions their search score. */
function questionOptions(story: Story, bank: BankQuestions, questionsFor: (s: Story, w: Map<string, string[]>) => string[]): QuestionOption[] {
  const texts = questionsFor(story, bank.won);
  const fromBank = !story.questions.length && Boolean(bank.won.get(story.id)?.length);
  return texts.map((text) => ({ text, score: fromBank ? (bank.score.get(text) ?? 0) : 1 }));
}

/** The round header: "Question 2/5 · 3 due · 4 new", counting only what is left from this round on. */
function header(i: number, plan: SessionPlan, settings: QuizSettings, c: Output['c']): string {
  const bits = [c.bold(`Question ${i + 1}/${plan.rounds.length}`)];
  if (settings.cram) bits.push(c.magenta('cram: schedule unchanged'));
  else {
    const left = remainingCounts(plan, i);
    bits.push(`${left.dueCount} due`);
    if (left.newCount) bits.push(`${left.newCount} new`);
    if (settings.until && left.beforeInterviewCount) bits.push(`${left.beforeInterviewCount} before the interview`);
  }
  return bits.join(c.dim(' · '));
}

/** Run a quiz session; returns the exit code. Ctrl-C keeps earlier rounds and exits 130 via Interrupted. */
export async function runQuiz(ctx: Context, opts: QuizOptions, deps: QuizDeps = {}): Promise<number> {
  const { readSettings } = await import('../../config/config-file.js');
  const settings = parseQuizOptions(opts, ctx.now(), opts.count === undefined || opts.time === undefined ? readSettings(ctx).values : {});
  const interactive = deps.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (!interactive) {
    throw new PrepError('quiz.not-a-terminal', 'quiz needs an interactive terminal; to record a practice without one, use `prep log STORY --grade good`', 2);
  }
  const o = ctx.out;
  const c = o.c;
  const columns = deps.columns ?? (() => process.stdout.columns || o.columns);
  const width = () => Math.max(20, Math.min(columns(), 100) - 1);
  const clock = deps.clock ?? (() => performance.now());
  const random = deps.random ?? seededRandom(opts.seed !== undefined ? Number(opts.seed) : Date.now() ^ process.pid);

  const t0 = performance.now();
  const lap = (what: string) => ctx.debug(`quiz: ${what} at ${Math.round(performance.now() - t0)} ms`);
  const loaded = await loadForCommand(ctx, opts);
  lap(`${loaded.stories.length} stories loaded`);
  const { loadIndex } = await import('../search-context.js');
  const index = await loadIndex(ctx, loaded);
  let pool = await filterPool(loaded.stories, index, opts);
  // --framework: only stories that cover a principle, each asked one of its best principle's questions.
  const { frameworkQuestions } = await import('../framework-context.js');
  const principleQuestions = opts.framework !== undefined ? await frameworkQuestions(ctx, opts.framework, index) : null;
  if (principleQuestions) pool = pool.filter((s) => principleQuestions.has(s.id));
  lap('index ready');
  const { openHistory, appendReview } = await import('../../history/log-file.js');
  const history = openHistory(ctx, opts.history, loaded.files);
  const { createScheduler, replayHistory, reviewCard, previewDue, recallAt } = await import('../../history/replay.js');
  const scheduler = createScheduler();
  const start = ctx.now();
  const cards = replayHistory(history.reviews, start, scheduler);
  lap(`${history.reviews.length} reviews replayed`);
  // With an interview date in config and no options choosing stories, the quiz drills today's part of `prep plan`.
  const { followsPlan, quizPlanFor } = await import('./plan.js');
  const fromPlan = followsPlan(opts) ? await quizPlanFor(ctx, pool, index, history.reviews) : null;
  const plan = fromPlan ?? planSession({
    ids: pool.map((s) => s.id),
    due: new Map([...cards].map(([id, card]) => [id, card.due])),
    recall: (id, at) => recallAt(scheduler, cards.get(id), at),
    now: start,
    count: settings.count,
    cram: settings.cram,
    until: settings.until,
    random,
  });
  const byId = new Map(loaded.stories.map((s) => [s.id, s]));
  if (!plan.rounds.length) {
    const next = plan.nextDue ? `; next: ${byId.get(plan.nextDue.id)?.title ?? plan.nextDue.id} ${formatDue(plan.nextDue.due, start)}` : '';
    o.out(`Nothing is due${next}.`);
    o.out(c.dim('drill anyway with `prep quiz --cram`, or name your interview date with --until YYYY-MM-DD'));
    return EXIT.ok;
  }

  const { questionsFor } = await import('../../search/questions.js');
  const { matchQuestion } = await import('../../search/engine.js');
  const bank = await loadBankQuestions(ctx, loaded, index);
  lap('bank questions matched');
  const prompts = deps.prompts ?? (await import('../prompts.js')).terminalPrompts(o, clock);
  const written: Review[] = [];

  const playRound = async (i: number): Promise<void> => {
    const story = byId.get(plan.rounds[i]!.id)!;
    const recent = history.reviews.filter((r) => r.story === story.id && r.question).slice(-2).map((r) => r.question!);
    const options = principleQuestions?.get(story.id)?.map((text) => ({ text, score: 1 })) ?? questionOptions(story, bank, questionsFor);
    const question = chooseQuestion(options, recent, random);
    const round: PlannedRound = { storyId: story.id, question, mode: settings.mode, target: settings.target, cram: settings.cram };
    if (settings.mode === 'pick') {
      const scores = new Map(matchQuestion(index, question, { limit: loaded.stories.length }).matches.map((m) => [m.id, m.score]));
      round.choices = pickChoices(story.id, scores, loaded.stories.map((s) => s.id), random);
    }
    const w = width();
    o.out('');
    // Following the plan, the header counts what is left of today's part before the interview.
    o.out(header(i, plan, fromPlan ? { ...settings, until: fromPlan.interview } : settings, c));
    o.out(wrapText(question, w).map((l) => c.bold.yellow(l)).join('\n'));
    const asked = startRound(round, clock());
    let state: RoundState;
    let checked: CheckedAnswer | null = null;
    if (round.mode === 'tell') {
      const hint = 'Answer out loud, then press Enter.';
      const pace = story.kind === 'star' ? `pace ${pacingPlan(round.target)}` : '';
      o.out(c.dim(pace && hint.length + 2 + pace.length <= w ? `${hint}  ${pace}` : truncate(hint, w)));
      const ms = await prompts.timeAnswer((elapsed, cols) => renderTimer(elapsed, round.target, cols, c, story.kind));
      const answered = advanceRound(asked, { type: 'answer', atMs: asked.startedMs + ms });
      o.out(renderAnswerTime(answered.seconds, round.target, c));
      o.out('');
      o.out(renderOutline(story, width(), c).join('\n'));
      const { askChecklist } = await import('../checklist-prompt.js');
      checked = await askChecklist(prompts, story, answered.seconds, round.target, o, width());
      const preview = settings.cram ? null : previewDue(scheduler, cards.get(story.id), ctx.now());
      const choices: PromptChoice<Grade>[] = GRADES.map((g) => ({
        value: g,
        name: preview ? `${GRADE_TEXT[g].name.padEnd(6)} ${c.dim(`next ${formatDue(preview[g], ctx.now())}`)}` : GRADE_TEXT[g].name,
        short: GRADE_TEXT[g].name,
        description: GRADE_TEXT[g].description,
      }));
      const grade = await prompts.select({ message: 'How did it go?', choices, default: checked?.suggested ?? 'good' });
      state = advanceRound(answered, { type: 'grade', grade });
    } else {
      const picked = await prompts.select({
        message: 'Which story would you tell?',
        choices: round.choices!.map((id) => ({ value: id, name: truncate(byId.get(id)!.title, Math.max(10, width() - 6)) })),
      });
      state = advanceRound(asked, { type: 'answer', atMs: clock(), picked });
      const took = formatDuration(state.seconds);
      if (picked === story.id) o.out(c.green(`✓ right, in ${took}: graded ${state.phase === 'graded' ? state.grade : ''}`));
      else o.out(c.red(`✗ not that one, graded again; the question came from:`));
      o.out(renderOutline(story, width(), c).join('\n'));
    }
    const at = ctx.now();
    const review = roundReview(state, at, checked?.checklist);
    appendReview(history.file, review);
    written.push(review);
    if (!review.cram) cards.set(story.id, reviewCard(scheduler, cards.get(story.id), at, review.grade));
    // Pick mode has no grade prompt to read the reveal by; wait, but only after the answer is safely recorded.
    if (round.mode === 'pick' && i < plan.rounds.length - 1) await prompts.pause('Press Enter for the next question.');
  };

  const finish = (heading: string) => {
    const drilled = [...new Set(written.map((r) => r.story))];
    const next = settings.cram ? [] : drilled.filter((id) => cards.has(id)).map((id) => ({ title: byId.get(id)?.title ?? id, due: cards.get(id)!.due }));
    o.out('');
    o.out(renderSummary(summarizeSession(written), next, ctx.now(), c, heading).join('\n'));
    if (written.length) o.out(c.dim(`saved to ${history.file}`));
  };

  for (let i = 0; i < plan.rounds.length; i++) {
    try {
      await playRound(i);
    } catch (e) {
      const name = (e as { name?: string })?.name;
      if (e instanceof Interrupted || name === 'ExitPromptError' || name === 'AbortPromptError') {
        o.out('');
        o.out(c.dim('Stopped; the unfinished round was not recorded.'));
        if (written.length) finish('So far');
        throw e instanceof Interrupted ? e : new Interrupted();
      }
      throw e;
    }
  }
  finish('Session done');
  return EXIT.ok;
}
