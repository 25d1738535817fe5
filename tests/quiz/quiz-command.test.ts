import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuizOptions, runQuiz, type QuizDeps, type QuizOptions } from '../../src/cli/commands/quiz.js';
import { Interrupted, PrepError } from '../../src/cli/errors.js';
import type { PromptChoice, QuizPrompts } from '../../src/cli/prompts.js';
import { readHistory } from '../../src/history/log-file.js';
import { replayHistory } from '../../src/history/replay.js';
import { seededRandom } from '../../src/quiz/random.js';
import { toConfigValue } from '../../src/config/keys.js';
import { loadForCommand } from '../../src/cli/context.js';
import { loadIndex, withCompetencies } from '../../src/cli/search-context.js';
import { starStory, tempDir, testContext, writeTree } from '../helpers.js';
import { COMPETENCIES } from '../../src/search/competencies.js';

const NOW = new Date('2026-03-02T10:00:00Z');

function notes(): string {
  return writeTree(tempDir(), {
    'stories/queue.md': '---\nquestions:\n  - Tell me about a time you disagreed with your lead.\ntags: [backend]\ncompetencies: [conflict]\n---\n' + starStory('Arguing about the queue design', { situation: 'My lead and I disagreed about the queue design.' }),
    'stories/work.md': [
      starStory('The outage I caused', { action: 'I rolled back my bad config push and wrote the postmortem.', result: '' }),
      starStory('Cutting scope to hit the launch', { situation: 'The launch date was fixed and we were behind.' }),
    ].join('\n'),
    'stories/talking-points.md': '# Talking points\n\n## Weaknesses\n\n- I take on too much myself instead of delegating.\n- I go deep on optimization too early.\n',
  });
}

type Step = number | 'interrupt';
type Pick = string | ((choices: PromptChoice<string>[]) => string) | 'interrupt';

/** Prompts that answer from a script and record what they were shown. */
function scripted(answers: Step[], picks: Pick[]) {
  const shown = { timers: [] as string[], selects: [] as { message: string; choices: PromptChoice<string>[] }[], pauses: 0 };
  const prompts: QuizPrompts = {
    async timeAnswer(render) {
      shown.timers.push(render(42_000, 80));
      const a = answers.shift();
      if (a === undefined) throw new Error('no scripted answer left');
      if (a === 'interrupt') throw new Interrupted();
      return a;
    },
    async select(opts) {
      shown.selects.push(opts as never);
      const p = picks.shift();
      if (p === undefined) throw new Error('no scripted pick left');
      if (p === 'interrupt') throw Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
      return (typeof p === 'function' ? p(opts.choices as PromptChoice<string>[]) : p) as never;
    },
    async pause() {
      shown.pauses++;
    },
  };
  return { prompts, shown };
}

function setup(extra: QuizOptions = {}, now = NOW) {
  const dir = notes();
  const ctx = testContext(dir, {}, now);
  const history = join(dir, 'history.jsonl');
  const opts: QuizOptions = { stories: ['stories'], history, seed: '1', ...extra };
  return { dir, ctx, history, opts };
}

const deps = (prompts: QuizPrompts): QuizDeps => ({ prompts, interactive: true, random: seededRandom(1), clock: () => 0, columns: () => 80 });
const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);

describe('prep quiz (tell)', () => {
  it('asks, times, reveals, grades, and appends one history line per round', async () => {
    const { ctx, history, opts } = setup({ count: '2' });
    const { prompts, shown } = scripted([95_000, 150_000], ['good', 'hard']);
    expect(await runQuiz(ctx, opts, deps(prompts))).toBe(0);
    const written = lines(history);
    expect(written).toHaveLength(2);
    expect(written[0]).toMatchObject({ v: 1, at: NOW.toISOString(), mode: 'tell', seconds: 95, target: 120, grade: 'good', cram: false });
    expect(written[1]).toMatchObject({ seconds: 150, grade: 'hard' });
    expect(typeof written[0].question).toBe('string');
    const out = ctx.out.stdout.join('\n');
    expect(out).toContain('Question 1/2 · 0 due · 4 new');
    // The header counts down what is left as rounds are answered.
    expect(out).toContain('Question 2/2 · 0 due · 3 new');
    expect(out).toContain(written[0].question);
    expect(out).toContain('⏱ 1:35 of 2:00');
    expect(out).toContain('⏱ 2:30, 0:30 over the 2:00 target');
    expect(out).toMatch(/Session done: 2 answered · average 2:03 · 1 over time/);
    expect(out).toMatch(/grades: again 0 · hard 1 · good 1 · easy 0/);
    expect(shown.timers[0]).toMatch(/^0:42 \/ 2:00 /);
    expect(shown.selects[0]!.message).toBe('How did it go?');
    expect(shown.selects[0]!.choices.map((c) => c.value)).toEqual(['again', 'hard', 'good', 'easy']);
    expect(shown.selects[0]!.choices[2]!.name).toMatch(/^Good\s+next in \d+ days$/);
  });

  it('asks a story its own front-matter question, and a note a question it answers', async () => {
    const { ctx, history, opts } = setup({ count: '4' });
    const { prompts } = scripted([60_000, 60_000, 60_000, 60_000], ['good', 'good', 'good', 'good']);
    await runQuiz(ctx, opts, deps(prompts));
    const byStory = new Map(lines(history).map((r) => [r.story, r.question]));
    expect(byStory.get('arguing-about-the-queue-design')).toBe('Tell me about a time you disagreed with your lead.');
    // The note is asked one of the weaknesses questions of the bank, never a behavioral one.
    expect(COMPETENCIES.find((c) => c.id === 'weaknesses')!.questions).toContain(byStory.get('weaknesses'));
  });

  it('puts due stories first next time, and says so when nothing is due', async () => {
    const { ctx, history, opts } = setup({ count: '4' });
    await runQuiz(ctx, opts, deps(scripted([1000, 1000, 1000, 1000], ['good', 'good', 'good', 'good']).prompts));
    const again = testContext(ctx.cwd, {}, new Date(NOW.getTime() + 3600_000));
    expect(await runQuiz(again, opts, deps(scripted([], []).prompts))).toBe(0);
    expect(again.out.stdout.join('\n')).toMatch(/^Nothing is due; next: .+ in \d+ days\.$/m);
    // Weeks later all four, graded Good, are due again.
    const later = testContext(ctx.cwd, {}, new Date(NOW.getTime() + 40 * 86_400_000));
    await runQuiz(later, { ...opts, count: '1' }, deps(scripted([1000], ['again']).prompts));
    expect(later.out.stdout.join('\n')).toContain('Question 1/1 · 4 due');
    const two = testContext(ctx.cwd, {}, new Date(NOW.getTime() + 40 * 86_400_000 + 60_000));
    await runQuiz(two, { ...opts, count: '2' }, deps(scripted([1000, 1000], ['good', 'good']).prompts));
    expect(two.out.stdout.join('\n')).toMatch(/Question 1\/2 · 3 due[\s\S]*Question 2\/2 · 2 due/);
    expect(lines(history)).toHaveLength(7);
  });

  it('--cram drills stories that are not due and leaves the schedule unchanged', async () => {
    const { ctx, history, opts } = setup({ count: '4' });
    await runQuiz(ctx, opts, deps(scripted([1000, 1000, 1000, 1000], ['good', 'good', 'good', 'good']).prompts));
    const before = replayHistory(readHistory(history).reviews, NOW);
    const cram = testContext(ctx.cwd, {}, NOW);
    const { prompts, shown } = scripted([1000, 1000], ['again', 'again']);
    await runQuiz(cram, { ...opts, cram: true, count: '2' }, deps(prompts));
    expect(lines(history).slice(-2).every((r) => r.cram === true)).toBe(true);
    expect(replayHistory(readHistory(history).reviews, NOW)).toEqual(before);
    expect(cram.out.stdout.join('\n')).toContain('cram: schedule unchanged');
    expect(shown.selects[0]!.choices[0]!.name).toBe('Again');
  });

  it('--until adds stories that would not come up again before the interview', async () => {
    const { ctx, opts } = setup({ count: '4' });
    await runQuiz(ctx, opts, deps(scripted([1000, 1000, 1000, 1000], ['easy', 'easy', 'easy', 'easy']).prompts));
    const next = testContext(ctx.cwd, {}, new Date(NOW.getTime() + 86_400_000));
    await runQuiz(next, { ...opts, until: '2026-03-05', count: '2' }, deps(scripted([1000, 1000], ['good', 'good']).prompts));
    expect(next.out.stdout.join('\n')).toContain('Question 1/2 · 0 due · 4 before the interview');
  });

  it('keeps earlier rounds and records nothing for the round interrupted by Ctrl-C', async () => {
    const { ctx, history, opts } = setup({ count: '3' });
    const err = await runQuiz(ctx, opts, deps(scripted([30_000, 'interrupt'], ['good']).prompts)).catch((e) => e);
    expect(err).toBeInstanceOf(Interrupted);
    expect(lines(history)).toHaveLength(1);
    const out = ctx.out.stdout.join('\n');
    expect(out).toContain('Stopped; the unfinished round was not recorded.');
    expect(out).toContain('So far: 1 answered');
  });

  it('treats Ctrl-C in the grade prompt the same way', async () => {
    const { ctx, history, opts } = setup({ count: '2' });
    const err = await runQuiz(ctx, opts, deps(scripted([30_000], ['interrupt']).prompts)).catch((e) => e);
    expect(err).toBeInstanceOf(Interrupted);
    expect(existsSync(history)).toBe(false);
  });

  it('warns about a malformed history line by number and still counts the rest', async () => {
    const { ctx, history, opts } = setup({ count: '1' });
    writeFileSync(history, '{"v":1,"at":"2026-03-01T10:00:00Z","story":"gone-story","grade":"good"}\nnot json\n');
    await runQuiz(ctx, opts, deps(scripted([1000], ['good']).prompts));
    expect(ctx.out.stderr.join('\n')).toContain(`${history}:2: skipped a history line: not valid JSON`);
    expect(readFileSync(history, 'utf8').startsWith('{"v":1,"at":"2026-03-01T10:00:00Z","story":"gone-story","grade":"good"}\nnot json\n')).toBe(true);
  });

  it('drills the stories `prep show` lists under a competency: named competencies win over inferred ones', async () => {
    const dir = writeTree(tempDir(), {
      'stories/queue.md': '---\ncompetencies: [conflict]\n---\n' + starStory('Arguing about the queue design', { situation: 'My lead and I disagreed about the queue design.' }),
      // Named leadership, though its text reads as a conflict story: `prep show` lists leadership only.
      'stories/rewrite.md':
        '---\ncompetencies: [leadership]\n---\n' +
        starStory('Disagreeing with my manager about the rewrite', {
          situation: 'My manager and I strongly disagreed about rewriting the billing service; the conflict got heated in a design review.',
          task: 'Resolve the disagreement without damaging the relationship.',
          action: 'I listened to his concerns, found common ground, and we compromised on an incremental migration.',
          result: 'We shipped 30% faster and the conflict was resolved.',
        }),
    });
    const ctx = testContext(dir, {}, NOW);
    const loaded = await loadForCommand(ctx, { stories: ['stories'] }, { quiet: true });
    const shown = await withCompetencies(loaded.stories, await loadIndex(ctx, loaded));
    for (const competency of ['conflict', 'leadership']) {
      const history = join(dir, `${competency}.jsonl`);
      await runQuiz(testContext(dir, {}, NOW), { stories: ['stories'], history, competency, count: '5', seed: '1' }, deps(scripted([1000, 1000], ['good', 'good']).prompts));
      const expected = shown.filter((s) => s.competencies.includes(competency)).map((s) => s.id);
      expect(lines(history).map((r) => r.story).sort(), competency).toEqual(expected.sort());
    }
    expect(shown.find((s) => s.id.startsWith('disagreeing'))!.competencies).toEqual(['leadership']);
  });

  it('narrows to a competency or a tag', async () => {
    const { ctx, history, opts } = setup({ competency: 'conflict', count: '5' });
    await runQuiz(ctx, opts, deps(scripted([1000], ['good']).prompts));
    expect(lines(history).map((r) => r.story)).toEqual(['arguing-about-the-queue-design']);
    const tagged = setup({ tag: 'BACKEND' });
    await runQuiz(tagged.ctx, tagged.opts, deps(scripted([1000], ['good']).prompts));
    expect(lines(tagged.history).map((r) => r.story)).toEqual(['arguing-about-the-queue-design']);
  });
});

describe('prep quiz (pick)', () => {
  /** Three stories with a question of their own each, so a test knows which story a question was asked for. */
  function pickSetup(extra: QuizOptions = {}) {
    const story = (title: string, question: string, body: Parameters<typeof starStory>[1]) => `---\nquestions:\n  - ${question}\n---\n` + starStory(title, body);
    const dir = writeTree(tempDir(), {
      'stories/queue.md': story('Arguing about the queue design', 'Tell me about a time you disagreed with your lead.', { situation: 'My lead and I disagreed about the queue design.', action: 'I wrote down both designs and we benchmarked them.' }),
      'stories/outage.md': story('The outage I caused', 'Tell me about a mistake you made at work.', { situation: 'A config push of mine took down checkout.', action: 'I rolled back my bad config push and wrote the postmortem.' }),
      'stories/launch.md': story('Cutting scope to hit the launch', 'How do you handle a deadline you cannot meet?', { situation: 'The launch date was fixed and we were behind.', action: 'I cut two features with the product manager.' }),
    });
    const ctx = testContext(dir, {}, NOW);
    const history = join(dir, 'history.jsonl');
    const asked: Record<string, string> = {
      'Tell me about a time you disagreed with your lead.': 'arguing-about-the-queue-design',
      'Tell me about a mistake you made at work.': 'the-outage-i-caused',
      'How do you handle a deadline you cannot meet?': 'cutting-scope-to-hit-the-launch',
    };
    /** The story the last question shown was asked for. */
    const expected = () => asked[[...ctx.out.stdout].reverse().find((l) => asked[l])!]!;
    return { ctx, history, expected, opts: { stories: ['stories'], history, seed: '1', mode: 'pick', ...extra } as QuizOptions };
  }

  it('shows a timer, offers only clearly weaker titles, grades a right pick on its time, and records what was picked', async () => {
    const { ctx, history, expected, opts } = pickSetup({ count: '2' });
    const { prompts, shown } = scripted([], [(cs) => cs.find((c) => c.value === expected())!.value, (cs) => cs.find((c) => c.value === expected())!.value]);
    expect(await runQuiz(ctx, opts, deps(prompts))).toBe(0);
    const written = lines(history);
    expect(written).toHaveLength(2);
    expect(shown.selects[0]!.message).toBe('Which story would you tell?');
    expect((shown.selects[0] as { timer?: unknown }).timer).toBeTypeOf('function');
    for (const r of written) expect(r).toMatchObject({ mode: 'pick', target: 20, grade: 'easy', picked: r.story });
    expect(ctx.out.stdout.join('\n')).toMatch(/✓ right, in 0:00 of 0:20: graded easy/);
    expect(shown.pauses).toBe(1);
  });

  it('after another pick shows why the expected story fits; "no" grades Again and records no tie', async () => {
    const { ctx, history, expected, opts } = pickSetup({ count: '1' });
    let wanted = '';
    const { prompts, shown } = scripted([], [(cs) => ((wanted = expected()), cs.find((c) => c.value !== wanted)!.value), 'no']);
    await runQuiz(ctx, opts, deps(prompts));
    expect(shown.selects[1]!.message).toMatch(/^Does ".+" answer it too\?$/);
    expect(shown.selects[1]!.choices.map((c) => c.name)).toEqual(['No, I see', 'Mine fits too']);
    const out = ctx.out.stdout.join('\n');
    expect(out).toMatch(/✗ the question was asked for ".+":/);
    expect(out).toMatch(/why it fits: it shares/);
    expect(lines(history)).toMatchObject([{ mode: 'pick', story: wanted, grade: 'again' }]);
  });

  it('"mine fits too" records a tie line and grades the round as right, not Again', async () => {
    const { ctx, history, expected, opts } = pickSetup({ count: '1' });
    let wanted = '';
    let chosen = '';
    const { prompts } = scripted([], [(cs) => ((wanted = expected()), (chosen = cs.find((c) => c.value !== wanted)!.value)), 'fits']);
    await runQuiz(ctx, opts, deps(prompts));
    const [tie, review] = lines(history);
    expect(tie).toEqual({ v: 1, type: 'tie', at: NOW.toISOString(), question: expect.any(String), story: chosen, expected: wanted, source: 'pick' });
    expect(review).toMatchObject({ mode: 'pick', story: wanted, picked: chosen, grade: 'easy', question: tie.question });
    expect(ctx.out.stdout.join('\n')).toContain('✓ both stories answer it');
  });

  it('never offers a story the user tied to a question as its distractor again', async () => {
    const { ctx, history, expected, opts } = pickSetup({ count: '3', cram: true });
    const ties = [
      ['Tell me about a time you disagreed with your lead.', 'the-outage-i-caused', 'arguing-about-the-queue-design'],
      ['Tell me about a time you disagreed with your lead.', 'cutting-scope-to-hit-the-launch', 'arguing-about-the-queue-design'],
    ].map(([question, story, exp]) => JSON.stringify({ v: 1, type: 'tie', at: '2026-03-01T10:00:00.000Z', question, story, expected: exp }) + '\n');
    writeFileSync(history, ties.join(''));
    const { prompts } = scripted([], [(cs) => cs.find((c) => c.value === expected())!.value, (cs) => cs.find((c) => c.value === expected())!.value, (cs) => cs.find((c) => c.value === expected())!.value]);
    await runQuiz(ctx, opts, deps(prompts));
    // Its only question has no distractor left, so the queue story is skipped and said so.
    expect(ctx.out.stdout.join('\n')).toContain('skipped "Arguing about the queue design"');
    expect(lines(history).filter((l) => l.mode === 'pick').map((l) => l.story)).not.toContain('arguing-about-the-queue-design');
  });

  it('records a pick before waiting to go on, so Ctrl-C at the pause loses nothing', async () => {
    const { ctx, history, expected, opts } = pickSetup({ count: '2' });
    const { prompts } = scripted([], [(cs) => cs.find((c) => c.value === expected())!.value]);
    prompts.pause = async () => {
      throw new Interrupted();
    };
    await expect(runQuiz(ctx, opts, deps(prompts))).rejects.toBeInstanceOf(Interrupted);
    expect(lines(history)).toHaveLength(1);
  });

  it('never asks a question built from the story title', async () => {
    const dir = writeTree(tempDir(), {
      'stories/a.md': starStory('EC2 to On-Demand Migration', { situation: 'Our reserved instances ran out.' }),
      'stories/b.md': starStory('Sharing the on-call rota', { situation: 'Two teams fought about pages.' }),
      'stories/c.md': starStory('Cutting scope to hit the launch', { situation: 'The launch date was fixed.' }),
    });
    const ctx = testContext(dir, {}, NOW);
    const first: Pick = (cs) => (cs.some((c) => c.value === 'no') ? 'no' : cs[0]!.value);
    const { prompts } = scripted([], Array(6).fill(first));
    await runQuiz(ctx, { stories: ['stories'], history: join(dir, 'h.jsonl'), mode: 'pick', count: '3', seed: '1' }, deps(prompts));
    const out = ctx.out.stdout.join('\n');
    expect(out).not.toMatch(/Tell me about the time: /);
    expect(out).toMatch(/Question 1\/3/);
  });
});

describe('prep quiz keys', () => {
  it('q or Esc (Stopped) ends the session cleanly: exit 0, answered rounds kept, the unfinished one not recorded', async () => {
    const { ctx, history, opts } = setup({ count: '3' });
    const { prompts } = scripted([1000, 2000], ['good']);
    const { Stopped } = await import('../../src/cli/prompts.js');
    const base = prompts.timeAnswer;
    let calls = 0;
    prompts.timeAnswer = async (render) => {
      if (++calls === 2) throw new Stopped();
      return base(render);
    };
    expect(await runQuiz(ctx, opts, deps(prompts))).toBe(0);
    expect(lines(history)).toHaveLength(1);
    const out = ctx.out.stdout.join('\n');
    expect(out).toContain('Stopped; the unfinished round was not recorded.');
    expect(out).toMatch(/So far/);
    expect(out).toContain('(q: stop)');
  });

  it('offers each grade on its number and its first letter, and "Good" says how the time went', async () => {
    const { ctx, opts } = setup({ count: '1' });
    const { prompts, shown } = scripted([150_000], ['good']);
    await runQuiz(ctx, opts, deps(prompts));
    const grades = shown.selects[0]!.choices;
    expect(grades.map((c) => c.key)).toEqual(['a', 'h', 'g', 'e']);
    expect(grades[2]!.description).toBe('told it clearly, but 0:30 over the 2:00');
    const fast = setup({ count: '1' });
    const quick = scripted([60_000], ['good']);
    await runQuiz(fast.ctx, fast.opts, deps(quick.prompts));
    expect(quick.shown.selects[0]!.choices[2]!.description).toBe('told it clearly, within the time');
  });
});

describe('prep quiz errors', () => {
  it('exits 2 at once without a terminal, pointing at prep log', async () => {
    const { ctx } = setup();
    const err = await runQuiz(ctx, { stories: ['does-not-exist'] }, { interactive: false }).catch((e) => e);
    expect(err).toBeInstanceOf(PrepError);
    expect(err).toMatchObject({ code: 'quiz.not-a-terminal', exitCode: 2 });
    expect(err.message).toContain('prep log');
  });

  it('rejects bad --count, --time and --until values with usage errors', () => {
    const bad = (o: QuizOptions) => {
      try {
        parseQuizOptions(o, NOW);
      } catch (e) {
        return e as PrepError;
      }
      throw new Error('no error');
    };
    expect(bad({ count: '0' })).toMatchObject({ code: 'usage.count', exitCode: 2 });
    expect(bad({ count: '2.5' }).message).toBe('--count must be a whole number from 1 to 500, not "2.5"');
    expect(bad({ time: 'soon' })).toMatchObject({ code: 'usage.time', exitCode: 2 });
    expect(bad({ time: '5' }).message).toBe('--time must be a number of seconds from 10 to 3600 (or m:ss), not "5"');
    expect(bad({ until: '14/03/2026' })).toMatchObject({ code: 'usage.until', exitCode: 2 });
    expect(bad({ until: '2026-03-01' }).message).toBe('--until "2026-03-01" is in the past');
    expect(parseQuizOptions({ until: '2026-03-02', time: '1:30' }, NOW)).toMatchObject({ target: 90, count: 5, mode: 'tell' });
    expect(parseQuizOptions({}, NOW, { time: 90, count: 3 })).toMatchObject({ target: 90, count: 3 });
    expect(parseQuizOptions({ mode: 'pick' }, NOW, { time: 90 })).toMatchObject({ target: 20 });
  });

  it('accepts exactly the --count and --time values `prep config` accepts', () => {
    const accepts = (f: () => unknown) => {
      try {
        f();
        return true;
      } catch {
        return false;
      }
    };
    for (const count of ['0', '1', '5', '500', '501', '1000', '-3', '2.5', 'abc']) {
      expect(accepts(() => parseQuizOptions({ count }, NOW)), count).toBe(accepts(() => toConfigValue('count', count, '/')));
    }
    for (const time of ['1', '9', '10', '90', '1:30', '2m', '3600', '3601', '61:00', 'soon']) {
      expect(accepts(() => parseQuizOptions({ time }, NOW)), time).toBe(accepts(() => toConfigValue('time', time, '/')));
    }
  });

  it('refuses an empty or ambiguous --competency, naming the candidates', async () => {
    const empty = setup({ competency: '' });
    const err = await runQuiz(empty.ctx, empty.opts, deps(scripted([], []).prompts)).catch((e) => e);
    expect(err).toMatchObject({ code: 'usage.competency', exitCode: 2, message: '--competency needs a competency name, not ""' });
    const blank = setup({ competency: '  ' });
    expect(await runQuiz(blank.ctx, blank.opts, deps(scripted([], []).prompts)).catch((e) => e)).toMatchObject({ code: 'usage.competency', exitCode: 2 });
    const co = setup({ competency: 'co' });
    const amb = await runQuiz(co.ctx, co.opts, deps(scripted([], []).prompts)).catch((e) => e);
    expect(amb).toMatchObject({ code: 'usage.competency', exitCode: 2, message: 'competency "co" is ambiguous' });
    expect(amb.hint).toBe('did you mean "conflict", "cost", "collaboration" or "communication"?');
    expect(existsSync(empty.history) || existsSync(co.history)).toBe(false);
  });

  it('suggests a competency or tag for a misspelt one', async () => {
    const { ctx, opts } = setup({ competency: 'conflcit' });
    const err = await runQuiz(ctx, opts, deps(scripted([], []).prompts)).catch((e) => e);
    expect(err).toMatchObject({ code: 'usage.competency', exitCode: 2, message: 'unknown competency "conflcit"' });
    expect(err.hint).toContain('"conflict"');
    const t = setup({ tag: 'bakend' });
    const tagErr = await runQuiz(t.ctx, t.opts, deps(scripted([], []).prompts)).catch((e) => e);
    expect(tagErr).toMatchObject({ code: 'usage.tag', exitCode: 2 });
    expect(tagErr.hint).toContain('"backend"');
  });
});
