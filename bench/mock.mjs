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
import { tmuxTime } from './tmux.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
const shq = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

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

function envFor(home) {
  return { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1', PATH: process.env.PATH ?? '' };
}

async function firstQuestion() {
  const seedDir = [join(ROOT, '..', 'shared', 'seeds'), '/work/shared/seeds'].find((d) => existsSync(d));
  const seeds = seedDir ? readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(seedDir, f)) : [];
  if (!seeds.length) {
    console.log('first mock question: SKIPPED, no seed files (../shared/seeds/*.txt)');
    return;
  }
  console.log(`first mock question on ${seeds.length} seed files (${seeds.map((s) => s.split('/').pop()).join(', ')})`);
  const runs = 7;
  const home = mkdtempSync(join(tmpdir(), 'prep-bench-home-'));
  const history = join(home, 'history.jsonl');
  const storyArgs = seeds.flatMap((s) => ['--stories', s]);

  const inProcess = () => {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child-first-question', JSON.stringify({ stories: seeds, history })], { env: envFor(home), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout);
  };
  rmSync(join(home, 'cache'), { recursive: true, force: true });
  const coldIn = inProcess();
  const warmRuns = Array.from({ length: runs }, inProcess);

  if (spawnSync('tmux', ['-V']).status === 0) {
    const env = Object.entries(envFor(home)).map(([k, v]) => `${k}=${shq(v)}`).join(' ');
    const cmd = `cd ${shq(ROOT)} && env -i ${env} TERM=xterm-256color ${shq(process.execPath)} bin/prep mock ${storyArgs.map(shq).join(' ')} --history ${shq(history)} --seed 1`;
    const re = /Question 1\/\d[\s\S]*\d:\d\d \//;
    const floor = median(await Promise.all([0, 1, 2].map(() => tmuxTime('echo READY', /READY/))));
    rmSync(join(home, 'cache'), { recursive: true, force: true });
    const cold = await tmuxTime(cmd, re);
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await tmuxTime(cmd, re));
    console.log(`  in tmux (spawn to question + timer on screen): cold ${ms(cold)}, warm median of ${runs} ${ms(median(warm))} (min ${ms(Math.min(...warm))}); tmux + polling floor ${ms(floor)}   goal < 300 ms`);
  } else {
    console.log('  in tmux: SKIPPED, tmux is not installed');
  }
  console.log(`  in process (node start to question rendered):  cold ${ms(coldIn.firstQuestionMs)}, warm median of ${runs} ${ms(median(warmRuns.map((r) => r.firstQuestionMs)))} (CPU ${ms(median(warmRuns.map((r) => r.cpuMs)))})`);
  rmSync(home, { recursive: true, force: true });
}

const childAt = process.argv.indexOf('--child-first-question');
if (childAt >= 0) {
  await childFirstQuestion(JSON.parse(process.argv[childAt + 1]));
} else {
  if (!existsSync(join(ROOT, 'dist/cli/commands/mock.js'))) throw new Error('build first: npm run build');
  await firstQuestion();
}
