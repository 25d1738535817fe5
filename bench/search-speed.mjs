// Speed of `prep find`: start-up against a bare `node -e 0` on the seeds, and first/warm lookups with peak memory on
// 10,000 generated stories. Run: npm run bench:search
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'prep');
const cache = mkdtempSync(join(tmpdir(), 'prep-bench-cache-'));
const env = { ...process.env, XDG_CACHE_HOME: cache, NO_COLOR: '1' };
const hasTime = existsSync('/usr/bin/time');

function run(args) {
  const cmd = hasTime ? '/usr/bin/time' : process.execPath;
  const full = hasTime ? ['-f', '%M', process.execPath, ...args] : args;
  const t = performance.now();
  const r = spawnSync(cmd, full, { env, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  const kb = hasTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { ms, mb: kb / 1024 };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const seeds = resolve(root, '../shared/seeds');
if (existsSync(seeds)) {
  const storyArgs = readdirSync(seeds).sort().flatMap((f) => ['--stories', join(seeds, f)]);
  const find = [bin, 'find', 'tell me about a time you disagreed with your lead', ...storyArgs];
  run(find); // fill the cache
  const base = [];
  const ours = [];
  for (let i = 0; i < 21; i++) {
    base.push(run(['-e', '0']).ms);
    ours.push(run(find).ms);
  }
  console.log(`start-up on the seeds: prep find ${median(ours).toFixed(0)} ms vs node -e 0 ${median(base).toFixed(0)} ms — ratio ${(median(ours) / median(base)).toFixed(2)}x (medians of 21, interleaved; goal <= 2x)`);
} else {
  console.log(`start-up on the seeds: skipped (${seeds} not found)`);
}

const dir = join(root, '.bench', 'stories-10k');
const bytes = generate(dir, 10_000);
rmSync(join(cache, 'prep'), { recursive: true, force: true });
const q = [bin, 'find', 'tell me about a time a deploy caused an outage', '--stories', dir];
const first = run(q);
const warm = [];
let peak = first.mb;
for (let i = 0; i < 5; i++) {
  const r = run([bin, 'find', ['conflict with my manager', 'reduce cloud costs', 'mentoring a junior', 'latency regression', 'vague requirements'][i], '--stories', dir]);
  warm.push(r.ms);
  peak = Math.max(peak, r.mb);
}
console.log(`10,000 stories (${(bytes / 1e6).toFixed(1)} MB): first lookup ${(first.ms / 1000).toFixed(2)} s (goal < 5 s), warm lookups ${(median(warm) / 1000).toFixed(2)} s median of 5 (goal < 0.5 s), peak memory ${hasTime ? peak.toFixed(0) + ' MB' : 'n/a (no /usr/bin/time)'} (goal < 400 MB)`);
rmSync(cache, { recursive: true, force: true });
