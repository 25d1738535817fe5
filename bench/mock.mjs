// Benchmark for `prep mock` (figures, not timed tests). Run: npm run bench:mock
//
// Time to the first mock question on the seed notes (../shared/seeds/*.txt, both passed with --stories):
//   a. in a real terminal: bin/prep runs in a fresh tmux server; the clock runs from just before `tmux new-session`
//      until capture-pane shows the first question and its timer (polled every 5 ms). Includes Node and tmux
//      start-up; a tmux run of `echo` gives the floor tmux itself adds.
//   b. in process: a fresh `node` runs the compiled runMock with a stand-in prompt that records the moment the timer
//      would start (the question is printed just before); measured from process start.
// Both cold (empty parse/index cache) and warm; CPU time too, since wall time on a busy machine measures the others.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchFirstQuestion, envFor, median, ms, shq, tmuxTime } from './tmux.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Child mode: run the mock in process up to the first question, print the elapsed time since process start. */
async function childFirstQuestion(args) {
  const { runMock } = await import(join(ROOT, 'dist/cli/commands/mock.js'));
  const { memoryOutput } = await import(join(ROOT, 'dist/cli/output.js'));
  const { Interrupted } = await import(join(ROOT, 'dist/cli/errors.js'));
  const { userFolders } = await import(join(ROOT, 'dist/cli/context.js'));
  const out = memoryOutput(80);
  const ctx = { out, env: process.env, cwd: ROOT, now: () => new Date(), folders: await userFolders(process.env), debug: () => {} };
  let at = null;
  let cpu = null;
  const stop = async () => {
    throw new Interrupted();
  };
  const prompts = {
    timeAnswer: async () => {
      at = performance.now();
      const u = process.cpuUsage();
      cpu = (u.user + u.system) / 1000;
      throw new Interrupted();
    },
    select: stop,
    checkbox: stop,
    pause: async () => {},
  };
  await runMock(ctx, { stories: args.stories, history: args.history, seed: '1' }, { prompts, interactive: true }).catch((e) => {
    if (!(e instanceof Interrupted)) throw e;
  });
  if (!out.stdout.some((l) => /^Question 1\//.test(l))) throw new Error('no question shown:\n' + out.stdout.join('\n') + out.stderr.join('\n'));
  process.stdout.write(JSON.stringify({ firstQuestionMs: at, cpuMs: cpu }));
}

async function firstQuestion() {
  await benchFirstQuestion({ root: ROOT, self: import.meta.url, label: 'first mock question', args: ['mock', '--seed', '1'], re: /Question 1\/\d[\s\S]*\d:\d\d \// });
}

const childAt = process.argv.indexOf('--child-first-question');
if (childAt >= 0) {
  await childFirstQuestion(JSON.parse(process.argv[childAt + 1]));
} else {
  if (!existsSync(join(ROOT, 'dist/cli/commands/mock.js'))) throw new Error('build first: npm run build');
  await firstQuestion();
}
