/** `prep quiz`: timed, scheduled drills in the terminal; every answered round is appended to the history at once. */
import { join } from 'node:path';
import type { Story } from '../../story/types.js';
import type { Match, SearchIndex } from '../../search/engine.js';
import { COMPETENCIES } from '../../search/competencies.js';
import type { LoadedStories } from '../../load/read-stories.js';
import { CACHE_VERSION } from '../../version.js';
import { GRADES, type Grade, type Review } from '../../history/review.js';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { didYouMean, EXIT, Interrupted, PrepError } from '../errors.js';
import { truncate, wrapText, type Output } from '../output.js';
import type { PromptChoice, QuizPrompts } from '../prompts.js';
import type { CheckedAnswer } from '../checklist-prompt.js';
import { dayKey, formatDue, inDays, parseDay, startOfDay } from '../../dates.js';
import { seededRandom, type Random } from '../../quiz/random.js';
import { advanceRound, roundReview, startRound, type PlannedRound, type QuizMode, type RoundState } from '../../quiz/round.js';
import { chooseQuestion, echoesTitle, pickChoices, planSession, remainingCounts, PICK_TARGET_SECONDS, type QuestionOption, type SessionPlan } from '../../quiz/select.js';
import { pacingPlan, renderAnswerTime, renderTimer } from '../../quiz/timer.js';
import { parseCompetencyOption, parseCountOption, parseTimeOption } from '../options.js';
import { DEFAULTS } from '../../config/keys.js';
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

/** The terminal, clocks and randomness of a drill session (quiz or mock), from the deps a test may give. */
export function sessionIo(ctx: Context, deps: QuizDeps, seed: string | undefined) {
  const o = ctx.out;
  const columns = deps.columns ?? (() => process.stdout.columns || o.columns);
  return {
    o,
    c: o.c,
    columns,
    width: () => Math.max(20, Math.min(columns(), 100) - 1),
    clock: deps.clock ?? (() => performance.now()),
    random: deps.random ?? seededRandom(seed !== undefined ? Number(seed) : Date.now() ^ process.pid),
  };
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
  good: { name: 'Good', description: 'told it clearly, within the time' },
  easy: { name: 'Easy', description: 'effortless and crisp' },
};

/** The grade descriptions for an answer `seconds` long: "Good" says how the time actually went. */
export function gradeDescriptions(seconds: number, target: number): Record<Grade, string> {
  const over = Math.round(seconds) - target;
  const good = over <= 0 ? GRADE_TEXT.good.description : `told it clearly, but ${formatDuration(over)} over the ${formatDuration(target)}`;
  return { again: GRADE_TEXT.again.description, hard: GRADE_TEXT.hard.description, good, easy: GRADE_TEXT.easy.description };
}

/** Why the expected story answers a question, from the matcher's own match: shared words and competencies. */
function whyItFits(match: Match | undefined): string {
  if (!match) return '';
  const names = new Map(COMPETENCY_NAMES);
  const parts: string[] = [];
  if (match.terms.length) parts.push(`it shares ${match.terms.slice(0, 5).map((t) => `"${t}"`).join(', ')} with the question`);
  const comps = match.competencies.map((id) => names.get(id) ?? id).slice(0, 2);
  if (comps.length) parts.push(`it shows ${comps.join(' and ')}`);
  return parts.join('; ');
}

const COMPETENCY_NAMES: [string, string][] = COMPETENCIES.map((x) => [x.id, x.name]);

/** Defaults from `prep config` / PREP_TIME / PREP_COUNT. */
export interface QuizDefaults {
  time?: number;
  count?: number;
}

/** Check the options over the configured defaults; bad values are usage errors (exit 2). */
export function parseQuizOptions(opts: QuizOptions, now: Date, defaults: QuizDefaults = {}): QuizSettings {
  const mode = (opts.mode ?? 'tell') as QuizMode;
  if (mode !== 'tell' && mode !== 'pick') throw new PrepError('usage.mode', `unknown --mode "${opts.mode}"`, EXIT.usage, 'use --mode tell (answer out loud) or --mode pick (choose the story)');
  // Flags take the same ranges as the `count` and `time` settings (config/keys.ts).
  const count = opts.count === undefined ? (defaults.count ?? DEFAULTS.count) : parseCountOption(opts.count);
  // The configured time is for telling a story; picking one has its own, shorter default.
  const target = opts.time !== undefined ? parseTimeOption(opts.time) : mode === 'pick' ? PICK_TARGET_SECONDS : (defaults.time ?? DEFAULTS.time);
  let until: Date | null = null;
  if (opts.until !== undefined) {
    until = parseDay(opts.until);
    if (!until) throw new PrepError('usage.until', `--until must be a date as YYYY-MM-DD, not "${opts.until}"`, EXIT.usage, `example: --until ${dayKey(inDays(now, 21))} (the day of your interview)`);
    if (until.getTime() < startOfDay(now).getTime()) throw new PrepError('usage.until', `--until "${opts.until}" is in the past`, EXIT.usage, 'give the date of an interview still ahead');
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
  const { readJsonCache, writeJsonCache, pruneCache, isArrayOf, CACHE_LIMITS } = await import('../../load/cache.js');
  const { collectionKey } = await import('../search-context.js');
  const key = collectionKey(loaded);
  const dir = join(ctx.folders.cache, 'v1');
  const file = join(dir, `quiz-bank-${key}.json`);
  const useCache = !ctx.env.PREP_NO_CACHE;
  const isBank = (v: unknown): v is BankCache => {
    const b = v as Partial<BankCache> | null;
    const isWon = (x: unknown): x is [string, string[]] => Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && isArrayOf(x[1], (q): q is string => typeof q === 'string');
    const isScore = (x: unknown): x is [string, number] => Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && Number.isFinite(x[1]);
    return typeof b === 'object' && b !== null && b.key === key && isArrayOf(b.won, isWon) && isArrayOf(b.score, isScore);
  };
  const hit = useCache ? readJsonCache(file, isBank, ctx.debug) : null;
  if (hit) return { won: new Map(hit.won), score: new Map(hit.score) };
  const { bankWins } = await import('../../search/questions.js');
  const { won, score } = bankWins(index);
  if (useCache) {
    writeJsonCache(file, { version: CACHE_VERSION, key, won: [...won], score: [...score] } satisfies BankCache, ctx.debug);
    // As for the index: a few collections stay cached, older banks go.
    pruneCache(dir, 'quiz-bank-', CACHE_LIMITS.keepCollections, ctx.debug);
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
    throw new PrepError('quiz.not-a-terminal', 'quiz needs an interactive terminal; to record a practice without one, use `prep log STORY --grade good`', EXIT.usage);
  }
  const { o, c, columns, width, clock, random } = sessionIo(ctx, deps, opts.seed);

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
  const { appendReview } = await import('../../history/log-file.js');
  const { openStoryHistory, recordCarries } = await import('../history-context.js');
  const history = await openStoryHistory(ctx, opts.history, loaded);
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
  const prompts = deps.prompts ?? (await import('../prompts.js')).terminalPrompts(o, clock, ctx.env);
  const written: Review[] = [];

  /** Story ids the user said also answer `question` ("mine fits too"): never its distractors. */
  const tiedWith = (question: string) => new Set(history.ties.filter((t) => t.question === question).flatMap((t) => [t.story, t.expected].filter((id): id is string => !!id).map((id) => history.identities.resolve(id))));

  /** A pick round for a story: a question that does not repeat its title, with at least one clear distractor. */
  const planPick = (story: Story, options: QuestionOption[], recent: string[]): { question: string; choices: string[]; match: Match | undefined } | null => {
    let left = options.filter((q) => !echoesTitle(q.text, story.title));
    while (left.length) {
      const question = chooseQuestion(left, recent, random);
      const result = matchQuestion(index, question, { limit: loaded.stories.length });
      const scores = new Map(result.matches.map((m) => [m.id, m.score]));
      const choices = pickChoices(story.id, scores, loaded.stories.map((s) => s.id), random, 4, tiedWith(question));
      if (choices.length >= 2) return { question, choices, match: result.matches.find((m) => m.id === story.id) };
      left = left.filter((q) => q.text !== question);
    }
    return null;
  };

  const playRound = async (i: number): Promise<void> => {
    const story = byId.get(plan.rounds[i]!.id)!;
    const recent = history.reviews.filter((r) => r.story === story.id && r.question).slice(-2).map((r) => r.question!);
    const options = principleQuestions?.get(story.id)?.map((text) => ({ text, score: 1 })) ?? questionOptions(story, bank, questionsFor);
    const pick = settings.mode === 'pick' ? planPick(story, options, recent) : null;
    if (settings.mode === 'pick' && !pick) {
      o.out('');
      o.out(c.dim(`skipped "${story.title}": its questions name its title, or other stories answer them as well; add \`questions:\` to its front matter`));
      return;
    }
    const question = pick?.question ?? chooseQuestion(options, recent, random);
    const round: PlannedRound = { storyId: story.id, question, mode: settings.mode, target: settings.target, cram: settings.cram };
    if (pick) {
      round.choices = pick.choices;
      round.timed = true;
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
      const hint = 'Answer out loud, then press Enter (q: stop).';
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
      const hints = gradeDescriptions(answered.seconds, round.target);
      const next = preview ? GRADES.map((g) => `next ${formatDue(preview[g], ctx.now())}`) : [];
      const nextWidth = Math.max(0, ...next.map((t) => t.length));
      const choices: PromptChoice<Grade>[] = GRADES.map((g, gi) => ({
        value: g,
        key: g[0]!,
        name: preview ? `${GRADE_TEXT[g].name.padEnd(6)} ${c.dim(next[gi]!.padEnd(nextWidth))}` : GRADE_TEXT[g].name,
        short: GRADE_TEXT[g].name,
        description: hints[g],
      }));
      const grade = await prompts.select({ message: 'How did it go?', choices, default: checked?.suggested ?? 'good' });
      state = advanceRound(answered, { type: 'grade', grade });
    } else {
      const picked = await prompts.select({
        message: 'Which story would you tell?',
        choices: round.choices!.map((id) => ({ value: id, name: truncate(byId.get(id)!.title, Math.max(10, width() - 6)) })),
        timer: (elapsed, cols) => renderTimer(elapsed, round.target, cols, c, 'note'),
      });
      const atMs = clock();
      let alsoFits = false;
      if (picked !== story.id) {
        o.out(c.red(`✗ the question was asked for "${story.title}":`));
        o.out(renderOutline(story, width(), c).join('\n'));
        const why = whyItFits(pick!.match);
        if (why) o.out(wrapText(`why it fits: ${why}`, width()).map((l) => c.dim(l)).join('\n'));
        const verdict = await prompts.select({
          message: `Does "${truncate(byId.get(picked)!.title, 40)}" answer it too?`,
          choices: [
            { value: 'no', key: 'n', name: 'No, I see', short: 'No', description: 'graded again' },
            { value: 'fits', key: 'm', name: 'Mine fits too', short: 'Mine fits too', description: 'counted as right, and find learns the pair' },
          ],
          default: 'no',
        });
        alsoFits = verdict === 'fits';
        if (alsoFits) {
          const { makeTie } = await import('../../history/review.js');
          appendReview(history.file, makeTie({ at: ctx.now().toISOString(), question, story: picked, expected: story.id }));
          history.ties.push(makeTie({ at: ctx.now().toISOString(), question, story: picked, expected: story.id }));
        }
      }
      state = advanceRound(asked, { type: 'answer', atMs, picked, alsoFits });
      const took = formatDuration(state.seconds);
      const grade = state.phase === 'graded' ? state.grade : '';
      if (picked === story.id) {
        o.out(c.green(`✓ right, in ${took} of ${formatDuration(round.target)}: graded ${grade}`));
        o.out(renderOutline(story, width(), c).join('\n'));
      } else o.out(alsoFits ? c.green(`✓ both stories answer it; in ${took} of ${formatDuration(round.target)}: graded ${grade}`) : c.red('graded again'));
    }
    const at = ctx.now();
    const review = { ...roundReview(state, at, checked?.checklist), fp: history.fingerprint(story.id) };
    await recordCarries(history, story.id, at);
    appendReview(history.file, review);
    written.push(review);
    if (!review.cram) cards.set(story.id, reviewCard(scheduler, cards.get(story.id), at, review.grade));
    // A right pick has no prompt to read the reveal by; wait, but only after the answer is safely recorded.
    if (round.mode === 'pick' && state.phase === 'graded' && state.picked === story.id && i < plan.rounds.length - 1) await prompts.pause('Press Enter for the next question.');
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
      if (name === 'Stopped') {
        // q or Esc: the same as Ctrl-C for what is kept, but a normal end of the session.
        o.out('');
        o.out(c.dim('Stopped; the unfinished round was not recorded.'));
        if (written.length) finish('So far');
        return EXIT.ok;
      }
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
