// Time for each pathological input of issue 13. Run: npm run bench:hostile
// Every case runs in its own process with a time limit, so a quadratic one shows as "> limit" instead of hanging.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'prep');
const LIMIT_S = Number(process.env.HOSTILE_LIMIT_S || 30);

const star = (title) => `## ${title}\n\n- **Situation**: The queue backed up.\n- **Task**: Drain it.\n- **Action**: I added consumers.\n- **Result**: Lag fell by 90%.\n\n`;

/** Parser inputs (src/parse belongs to the reader rewrite: measured here, not fixed). */
const parserCases = {
  'heading: 16 x "# a" + 19,990 spaces + "x" (320 KB)': () => `# a${' '.repeat(19_990)}x\n`.repeat(16),
  'heading {#id} attribute: "## a {#" + 320 KB': () => `## a {#${'a '.repeat(160_000)}\n`,
  'table delimiter row: "|" + 320 KB of "-|"': () => `| a | b |\n|${'-|'.repeat(160_000)}x\n`,
  'code spans: 320 KB of unclosed backticks': () => `## t\n\n- **Action**: ${'`a '.repeat(106_000)}\n`,
  'duplicate ids: 10,000 stories with one title': () => star('Same title').repeat(10_000),
  'duplicate ids: 30,000 stories with one title': () => star('Same title').repeat(30_000),
};

if (process.argv[2] === '--parse') {
  // Child: parse one case and print the milliseconds.
  const { parseStories } = await import('../dist/parse/parse-stories.js');
  const text = parserCases[process.argv[3]]();
  const t = performance.now();
  parseStories(text, 'hostile.md');
  console.log(String(performance.now() - t));
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'prep-hostile-'));
const env = { PATH: process.env.PATH, HOME: work, XDG_CACHE_HOME: join(work, 'cache'), XDG_DATA_HOME: join(work, 'data'), XDG_CONFIG_HOME: join(work, 'config'), NO_COLOR: '1' };
const show = (name, s, note = '') => console.log(`${name.padEnd(62)} ${s === null ? `> ${LIMIT_S} s` : `${s.toFixed(2)} s`}${note ? `  ${note}` : ''}`);

/** Run bin/prep, returning seconds (null past the limit) and the exit code. */
function prep(args, opts = {}) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: work, env, encoding: 'utf8', timeout: LIMIT_S * 1000, maxBuffer: 1 << 30, ...opts });
  const s = (performance.now() - t) / 1000;
  return { s: r.error?.code === 'ETIMEDOUT' ? null : s, code: r.status, err: (r.stderr || '').split('\n')[0] };
}

console.log(`parser (through the current parseStories; limit ${LIMIT_S} s each)`);
for (const name of Object.keys(parserCases)) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--parse', name], { encoding: 'utf8', timeout: LIMIT_S * 1000 });
  show(`  ${name}`, r.error?.code === 'ETIMEDOUT' ? null : Number(r.stdout) / 1000);
}

console.log('reading, caches and output (bin/prep end to end)');
const small = join(work, 'small');
mkdirSync(small);
writeFileSync(join(small, 'a.md'), star('Cutting the cloud bill'));
writeFileSync(join(small, 'b.md'), star('Leading the migration'));
let r = prep(['list', '--stories', '/dev/zero']);
show('  --stories /dev/zero', r.s, `exit ${r.code}: ${r.err}`);
execFileSync('mkfifo', [join(work, 'fifo.md')]);
r = prep(['list', '--stories', join(work, 'fifo.md')]);
show('  --stories FIFO', r.s, `exit ${r.code}: ${r.err}`);
writeFileSync(join(small, 'huge.md'), Buffer.alloc(20 * 1024 * 1024 + 1, 0x61));
r = prep(['list', '--stories', small]);
show('  a 20 MB + 1 byte note beside two small ones', r.s, `exit ${r.code}: ${r.err}`);
rmSync(join(small, 'huge.md'));

// One big folder (150,000 stories, ~10 MB) listed once; then commands on the two small files.
const big = join(work, 'big');
mkdirSync(big);
writeFileSync(join(big, 'big.md'), Array.from({ length: 150_000 }, (_, i) => star(`Story ${i}`)).join(''));
r = prep(['list', '--stories', big], { stdio: ['ignore', 'ignore', 'pipe'] });
show('  list 150,000 stories (10 MB, cold)', r.s, `exit ${r.code}${r.err ? `: ${r.err}` : ''}`);
r = prep(['list', '--stories', big], { stdio: ['ignore', 'ignore', 'pipe'] });
show('  list 150,000 stories again (warm)', r.s, `exit ${r.code}`);
const runs = [];
for (let i = 0; i < 5; i++) runs.push(prep(['list', '--stories', small]).s);
runs.sort((a, b) => a - b);
show('  then list on two small files (median of 5)', runs[2], 'was 1.2-1.5 s with the single cache of every file');
r = prep(['find', 'cloud', 'bill', '--stories', small]);
show('  then find on two small files', r.s, `exit ${r.code}`);

// Damaged caches: every file under the cache folder cut in half; the next run rebuilds them.
for (const f of execFileSync('find', [join(work, 'cache'), '-type', 'f', '-name', '*.json'], { encoding: 'utf8' }).split('\n').filter(Boolean)) {
  writeFileSync(f, '{"version": "x", "entr');
}
r = prep(['find', 'cloud', '--stories', small]);
show('  find with every cache file corrupt (rebuilt)', r.s, `exit ${r.code}`);

// Escape sequences: a 1 MB title of OSC 52 / CSI / OSC 8 sequences.
const evil = '\x1b]52;c;aGk=\x07\x1b[2J\x1b]8;;http://x\x1b\\'.repeat(30_000);
writeFileSync(join(work, 'evil.md'), star(`Evil ${evil}`));
const t0 = performance.now();
const shown = spawnSync(process.execPath, [bin, 'show', 'evil', '--stories', join(work, 'evil.md')], { cwd: work, env, encoding: 'latin1', timeout: LIMIT_S * 1000, maxBuffer: 1 << 30 });
const escapes = (shown.stdout.match(/\x1b/g) || []).length;
show('  show a 1 MB title of escape sequences', shown.error ? null : (performance.now() - t0) / 1000, `exit ${shown.status}, raw ESC bytes written: ${escapes}`);

rmSync(work, { recursive: true, force: true });
