// Benchmarks for `prep quiz` and the review history (figures, not timed tests). Run: npm run bench:quiz
//
// 1. Time to the first question on the seed notes (../shared/seeds/*.txt, both passed with --stories):
//    a. in a real terminal: bin/prep runs in a fresh tmux server; the clock runs from just before `tmux
//       new-session` until capture-pane shows the question (polled every 5 ms). Includes Node start-up, tmux
//       start-up and the polling; a tmux run of `echo` gives the floor that tmux itself adds.
//    b. in process: a fresh `node` runs the compiled runQuiz with a stand-in prompt that records the moment the
//       timer would start (the question is printed just before); measured from process start (performance.now()).
//    Both cold (empty parse/index cache) and warm. CPU time is printed too: wall time on a busy machine mostly
//    measures the other processes.
// 2. Replaying a 100,000-line history: read + parse the file, then the FSRS replay, each timed separately.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchFirstQuestion, envFor, median, ms, shq, tmuxTime } from './tmux.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Child mode: run the quiz in process up to the first question, print the elapsed time since process start. */
async function childFirstQuestion(args) {
  const { runQuiz } = await import(join(ROOT, 'dist/cli/commands/quiz.js'));
  const { memoryOutput } = await import(join(ROOT, 'dist/cli/output.js'));
  const { Interrupted } = await import(join(ROOT, 'dist/cli/errors.js'));
  const { userFolders } = await import(join(ROOT, 'dist/cli/context.js'));
  const out = memoryOutput(80);
  const debug = process.env.PREP_DEBUG ? (m) => process.stderr.write(`${m} (process at ${Math.round(performance.now())} ms)\n`) : () => {};
  const ctx = { out, env: process.env, cwd: ROOT, now: () => new Date(), folders: await userFolders(process.env), debug };
  let at = null;
  let cpu = null;
  const prompts = {
    timeAnswer: async () => {
      at = performance.now();
      const u = process.cpuUsage();
      cpu = (u.user + u.system) / 1000;
      throw new Interrupted();
    },
    select: async () => {
      throw new Interrupted();
    },
    pause: async () => {},
  };
  const opts = { stories: args.stories, history: args.history, count: '1' };
  await runQuiz(ctx, opts, { prompts, interactive: true }).catch((e) => {
    if (!(e instanceof Interrupted)) throw e;
  });
  if (!out.stdout.some((l) => /Question 1\/1/.test(l))) throw new Error('no question shown:\n' + out.stdout.join('\n') + out.stderr.join('\n'));
  process.stdout.write(JSON.stringify({ firstQuestionMs: at, cpuMs: cpu }));
}

async function firstQuestion() {
  await benchFirstQuestion({ root: ROOT, self: import.meta.url, label: 'first question', args: ['quiz', '--count', '1'], re: /Question 1\/1[\s\S]*\d:\d\d \// });
}

async function replay() {
  const { readHistory } = await import(join(ROOT, 'dist/history/log-file.js'));
  const { replayHistory } = await import(join(ROOT, 'dist/history/replay.js'));
  const { makeReview, toHistoryLine } = await import(join(ROOT, 'dist/history/review.js'));
  const dir = mkdtempSync(join(tmpdir(), 'prep-bench-'));
  const file = join(dir, 'history.jsonl');
  const N = 100_000;
  const grades = ['again', 'hard', 'good', 'good', 'good', 'easy'];
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  let t = Date.parse('2023-01-01T08:00:00Z');
  const lines = [];
  for (let i = 0; i < N; i++) {
    t += Math.floor(rand() * 15 * 60_000);
    lines.push(toHistoryLine(makeReview({ at: new Date(t).toISOString(), story: `story-${Math.floor(rand() * 300)}`, question: 'Tell me about a time you disagreed with a coworker.', mode: 'tell', seconds: 60 + rand() * 100, target: 120, grade: grades[Math.floor(rand() * grades.length)], cram: rand() < 0.05 })));
  }
  writeFileSync(file, lines.join(''));
  const now = new Date(t + 86_400_000);
  const read = [];
  const rep = [];
  const cpu = [];
  let cards;
  for (let i = 0; i < 5; i++) {
    const u0 = process.cpuUsage();
    const a = performance.now();
    const h = readHistory(file);
    const b = performance.now();
    cards = replayHistory(h.reviews, now);
    const c = performance.now();
    const u = process.cpuUsage(u0);
    cpu.push((u.user + u.system) / 1000);
    if (h.reviews.length !== N) throw new Error(`read ${h.reviews.length} of ${N}`);
    read.push(b - a);
    rep.push(c - b);
  }
  const total = median(read.map((r, i) => r + rep[i]));
  console.log(`replay of a ${N.toLocaleString('en')}-line history (${(lines.join('').length / 1e6).toFixed(1)} MB, 300 stories, ${cards.size} cards): read+parse ${ms(median(read))}, FSRS replay ${ms(median(rep))}, total ${ms(total)}, CPU ${ms(median(cpu))} (medians of 5)   goal < 1000 ms`);
  rmSync(dir, { recursive: true, force: true });
}

const childAt = process.argv.indexOf('--child-first-question');
if (childAt >= 0) {
  await childFirstQuestion(JSON.parse(process.argv[childAt + 1]));
} else {
  if (!existsSync(join(ROOT, 'dist/cli/commands/quiz.js'))) throw new Error('build first: npm run build');
  await firstQuestion();
  await replay();
}
