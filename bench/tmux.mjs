// Shared by the benchmarks that time what a user sees in a real terminal.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A clean environment for prep under a scratch home (its own data, cache and config folders). */
export function envFor(home) {
  return { HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config'), NO_COLOR: '1', PATH: process.env.PATH ?? '' };
}

/** The seed note files (../shared/seeds/*.txt beside the repository), or none. */
export function seedFiles(root) {
  const seedDir = [join(root, '..', 'shared', 'seeds')].find((d) => existsSync(d));
  const seeds = seedDir ? readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(seedDir, f)) : [];
  return seeds;
}

/** Milliseconds from starting `cmd` in a new tmux server until `re` is on the screen. */
export async function tmuxTime(cmd, re, width = 80) {
  const socket = `prep-bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const t0 = performance.now();
  execFileSync('tmux', ['-L', socket, '-f', '/dev/null', 'new-session', '-d', '-s', 'b', '-x', String(width), '-y', '40', `${cmd}; sleep 30`]);
  try {
    for (;;) {
      const screen = execFileSync('tmux', ['-L', socket, 'capture-pane', '-p', '-t', 'b'], { encoding: 'utf8' });
      if (re.test(screen)) return performance.now() - t0;
      if (performance.now() - t0 > 20_000) throw new Error(`timed out; screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  }
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const ms = (x) => `${x.toFixed(0)} ms`;
export const shq = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Time a command's first question on the seeds, cold and warm: in tmux (spawn to question and timer on screen) and
 * in a fresh node process (`self` run with --child-first-question, which prints {firstQuestionMs, cpuMs}).
 * `args` follow `bin/prep` after the story and history options; `re` is what the screen shows once the question is up.
 */
export async function benchFirstQuestion({ root, self, label, args, re }) {
  const seeds = seedFiles(root);
  if (!seeds.length) {
    console.log(`${label}: SKIPPED, no seed files (../shared/seeds/*.txt)`);
    return;
  }
  console.log(`${label} on ${seeds.length} seed files (${seeds.map((s) => s.split('/').pop()).join(', ')})   goal < 300 ms`);
  const runs = 7;
  const home = mkdtempSync(join(tmpdir(), 'prep-bench-home-'));
  const history = join(home, 'history.jsonl');
  const inProcess = () => {
    const r = spawnSync(process.execPath, [fileURLToPath(self), '--child-first-question', JSON.stringify({ stories: seeds, history })], { env: envFor(home), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout);
  };
  rmSync(join(home, 'cache'), { recursive: true, force: true });
  const coldIn = inProcess();
  const warmRuns = Array.from({ length: runs }, inProcess);
  if (spawnSync('tmux', ['-V']).status === 0) {
    const env = Object.entries(envFor(home)).map(([k, v]) => `${k}=${shq(v)}`).join(' ');
    const storyArgs = seeds.flatMap((s) => ['--stories', s]);
    const cmd = `cd ${shq(root)} && env -i ${env} TERM=xterm-256color ${shq(process.execPath)} bin/prep ${[args[0], ...storyArgs, '--history', history, ...args.slice(1)].map(shq).join(' ')}`;
    const floor = median(await Promise.all([0, 1, 2].map(() => tmuxTime('echo READY', /READY/))));
    rmSync(join(home, 'cache'), { recursive: true, force: true });
    const cold = await tmuxTime(cmd, re);
    const warm = [];
    for (let i = 0; i < runs; i++) warm.push(await tmuxTime(cmd, re));
    console.log(`  in tmux (spawn to question + timer on screen): cold ${ms(cold)}, warm median of ${runs} ${ms(median(warm))} (min ${ms(Math.min(...warm))}); tmux + polling floor ${ms(floor)}`);
  } else {
    console.log('  in tmux: SKIPPED, tmux is not installed');
  }
  console.log(`  in process (node start to question rendered):  cold ${ms(coldIn.firstQuestionMs)}, warm median of ${runs} ${ms(median(warmRuns.map((r) => r.firstQuestionMs)))} (CPU ${ms(median(warmRuns.map((r) => r.cpuMs)))})`);
  rmSync(home, { recursive: true, force: true });
}
