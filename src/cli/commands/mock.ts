/**
 * `prep mock`: a behavioral round in the terminal. An opening, four to six questions over different topics, one or
 * two follow-ups after each answer, the key-point checklist, and a summary; every answer is a review (mode `mock`).
 */
import type { Story } from '../../story/types.js';
import type { Grade, Review } from '../../history/review.js';
import type { MockAnswer, MockPlan, MockQuestion, MockTopic } from '../../quiz/mock.js';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { EXIT, Interrupted, PrepError } from '../errors.js';
import { truncate, wrapText, type Output } from '../output.js';
import type { PromptChoice, QuizPrompts } from '../prompts.js';
import { sessionIo, type QuizDeps } from './quiz.js';
import { summarizeMock } from '../../quiz/mock.js';
import { formatDuration } from '../../story/text.js';

/** Options of `prep mock`, as commander hands them over. */
export interface MockOptions extends StoryOptions {
  minutes?: string;
  framework?: string;
  company?: string;
  history?: string;
  seed?: string;
}

/** What the round takes from outside besides the context (the quiz's): tests replace all of it. */
export type MockDeps = QuizDeps;

/** Shortest and longest round accepted, in minutes. */
const MINUTES_RANGE = { min: 10, max: 180 };

/** The round length from --minutes: whole minutes from 10 to 180. */
export function parseMinutes(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < MINUTES_RANGE.min || n > MINUTES_RANGE.max) {
    throw new PrepError('usage.minutes', `--minutes must be a whole number from ${MINUTES_RANGE.min} to ${MINUTES_RANGE.max}, not "${text}"`, EXIT.usage, 'example: --minutes 45');
  }
  return n;
}

/** The company name from --company, one line of plain text. */
function parseCompany(text: string | undefined): string | null {
  if (text === undefined) return null;
  const name = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  if (!name) throw new PrepError('usage.company', '--company needs a name', EXIT.usage, 'example: --company Acme');
  return name;
}

/** Topics and each story's topics: the competencies by default, a framework's principles with --framework. */
async function roundTopics(ctx: Context, stories: Story[], framework: string | undefined, index: import('../../search/engine.js').SearchIndex): Promise<{ topics: MockTopic[]; topicsOf: (s: Story) => readonly string[]; name: string | null }> {
  if (framework !== undefined) {
    const { loadFramework, mapFramework } = await import('../framework-context.js');
    const fw = await loadFramework(ctx, framework);
    const mapped = await mapFramework(fw, index);
    return { topics: fw.principles, topicsOf: (s) => mapped.topicsOf.get(s.id) ?? [], name: fw.name };
  }
  const { COMPETENCIES } = await import('../../search/competencies.js');
  const { withCompetencies } = await import('../search-context.js');
  const topicsOf = new Map((await withCompetencies(stories, index)).map((s) => [s.id, s.competencies]));
  return { topics: [...COMPETENCIES], topicsOf: (s) => topicsOf.get(s.id) ?? [], name: null };
}

/** The summary: one line per answer (time against its target), topics covered, follow-ups the notes could not support. */
export function summaryLines(answers: readonly MockAnswer[], minutes: number, heading: string, c: Output['c'], width: number): string[] {
  const sum = summarizeMock(answers);
  const lines = [c.bold(`${heading}: ${sum.answers} answer${sum.answers === 1 ? '' : 's'} in ${formatDuration(sum.totalSeconds)} (${minutes} min round, ${sum.overTarget} over time)`)];
  answers.forEach((a, i) => {
    const over = a.seconds - a.question.target;
    const mark = over > 0 ? `over by ${formatDuration(over)}` : 'on time';
    const label = a.question.topic ? a.question.topic.name : a.question.kind === 'opening' ? 'Opening' : 'Closing';
    const head = `  ${i + 1}. ${truncate(label, 28).padEnd(28)} ${formatDuration(a.seconds)} / ${formatDuration(a.question.target)}  `;
    const title = truncate(a.title, Math.max(8, width - head.length - mark.length - 2));
    lines.push(head + (over > 0 ? c.red(mark) : c.green(mark)) + '  ' + c.dim(title));
  });
  if (sum.topicsCovered.length) lines.push(...wrapText(`Covered: ${sum.topicsCovered.join(', ')}`, width));
  if (sum.unsupported.length) {
    lines.push(c.yellow(`Follow-ups your notes could not support (${sum.unsupported.length}):`));
    // The title goes last: it is what a narrow window can lose.
    for (const u of sum.unsupported) lines.push(truncate(`  - ${u.followUp.note}: "${u.followUp.question}" · ${u.title}`, width));
  } else if (answers.some((a) => a.followUps.length)) {
    lines.push(c.green('Your notes held an answer to every follow-up.'));
  }
  return lines;
}

/** Run a mock round; returns the exit code. Ctrl-C keeps the answers already given and exits 130. */
export async function runMock(ctx: Context, opts: MockOptions, deps: MockDeps = {}): Promise<number> {
  const { MOCK_PARAMS, planMock } = await import('../../quiz/mock.js');
  const minutes = parseMinutes(opts.minutes, MOCK_PARAMS.minutes);
  const company = parseCompany(opts.company);
  const interactive = deps.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (!interactive) throw new PrepError('mock.not-a-terminal', 'mock needs an interactive terminal; to record a practice without one, use `prep log STORY --grade good`', EXIT.usage);
  const { o, c, columns, width, clock, random } = sessionIo(ctx, deps, opts.seed);

  const loaded = await loadForCommand(ctx, opts);
  const { loadIndex } = await import('../search-context.js');
  const index = await loadIndex(ctx, loaded);
  const { topics, topicsOf, name: frameworkName } = await roundTopics(ctx, loaded.stories, opts.framework, index);
  const plan: MockPlan = planMock({ stories: loaded.stories, topics, topicsOf, minutes, company, random, topicQuestionsFirst: opts.framework !== undefined });
  const storyQuestions = plan.questions.filter((q) => q.kind === 'story').length;
  if (!storyQuestions) throw new PrepError('mock.empty', 'no STAR story to ask about: a mock round needs stories with Situation / Action / Result', EXIT.usage, '`prep check` shows what was read');
  const { openHistory, appendReview } = await import('../../history/log-file.js');
  const history = openHistory(ctx, opts.history, loaded.files);
  const byId = new Map(loaded.stories.map((s) => [s.id, s]));
  const prompts = deps.prompts ?? (await import('../prompts.js')).terminalPrompts(o, clock);
  const { renderTimer, renderAnswerTime } = await import('../../quiz/timer.js');
  const { chooseFollowUps } = await import('../../quiz/followups.js');

  const at = company ? ` at ${company}` : '';
  o.out(c.bold(`Mock interview${at}: ${plan.questions.length} questions, about ${minutes} minutes${frameworkName ? ` · ${frameworkName}` : ''}`));
  if (plan.shortened) o.err(c.yellow(`prep: ${plan.shortened}`));
  o.out(c.dim('Answer each question out loud and press Enter; follow-ups come after each answer.'));

  const answers: MockAnswer[] = [];
  const written: Review[] = [];
  const timed = async (target: number, kind: Story['kind']) => {
    const ms = await prompts.timeAnswer((elapsed, cols) => renderTimer(elapsed, target, cols, c, kind));
    const seconds = Math.max(0, ms / 1000);
    o.out(renderAnswerTime(seconds, target, c));
    return seconds;
  };

  const playQuestion = async (q: MockQuestion, i: number) => {
    const story = byId.get(q.storyId)!;
    const w = width();
    o.out('');
    const label = q.topic ? q.topic.name : q.kind === 'opening' ? 'opening' : 'closing';
    o.out(`${c.bold(`Question ${i + 1}/${plan.questions.length}`)}${c.dim(` · ${label}`)}`);
    o.out(wrapText(q.question, w).map((l) => c.bold.yellow(l)).join('\n'));
    const seconds = await timed(q.target, story.kind);
    const followUps: MockAnswer['followUps'] = [];
    if (q.kind === 'story') {
      for (const f of chooseFollowUps(story, random)) {
        o.out(wrapText(`Follow-up: ${f.question}`, w).map((l) => c.yellow(l)).join('\n'));
        followUps.push({ followUp: f, seconds: await timed(MOCK_PARAMS.followUpTarget, story.kind) });
        if (!f.supported) o.out(c.dim(truncate(`  your notes hold no answer to this yet: ${f.note}`, w)));
      }
    }
    o.out('');
    const { renderOutline } = await import('../../quiz/outline.js');
    o.out(renderOutline(story, width(), c).join('\n'));
    const { askChecklist } = await import('../checklist-prompt.js');
    const checked = await askChecklist(prompts, story, seconds, q.target, o, width());
    const { GRADE_TEXT } = await import('./quiz.js');
    const { GRADES, makeReview } = await import('../../history/review.js');
    const choices: PromptChoice<Grade>[] = GRADES.map((g) => ({ value: g, name: GRADE_TEXT[g].name, description: GRADE_TEXT[g].description }));
    const grade = await prompts.select({ message: 'How did it go?', choices, default: checked?.suggested ?? 'good' });
    const review = makeReview({ at: ctx.now().toISOString(), story: story.id, question: q.question, mode: 'mock', seconds, target: q.target, grade, cram: false, ...(checked ? { checklist: checked.checklist } : {}) });
    appendReview(history.file, review);
    written.push(review);
    answers.push({ question: q, title: story.title, seconds, followUps });
  };

  for (let i = 0; i < plan.questions.length; i++) {
    try {
      await playQuestion(plan.questions[i]!, i);
    } catch (e) {
      const name = (e as { name?: string })?.name;
      if (e instanceof Interrupted || name === 'ExitPromptError' || name === 'AbortPromptError') {
        o.out('');
        o.out(c.dim('Stopped; the unfinished answer was not recorded.'));
        if (answers.length) {
          o.out(summaryLines(answers, minutes, 'So far', c, width()).join('\n'));
          o.out(c.dim(`saved to ${history.file}`));
        }
        throw e instanceof Interrupted ? e : new Interrupted();
      }
      throw e;
    }
  }
  o.out('');
  o.out(summaryLines(answers, minutes, 'Mock round done', c, width()).join('\n'));
  o.out(c.dim(`${written.length} answers saved to ${history.file}`));
  return EXIT.ok;
}
