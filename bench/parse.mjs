// Cold parse throughput on 10,000 generated stories (about 6.8 MB in 100 files), as `prep` runs it (worker threads).
// Run: npm run bench
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { generate } from './generate.mjs';
import { parseStories } from '../dist/parse/parse-stories.js';
import { collectStories } from '../dist/parse/collect.js';
import { parseMany } from '../dist/load/parse-many.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.bench', 'stories-10k');
const bytes = generate(dir, 10_000);
const files = readdirSync(dir).map((f) => join(dir, f));
const jobs = files.map((f) => ({ text: readFileSync(f, 'utf8'), file: f }));
const mb = bytes / 1e6;

async function time(fn, runs = 3) {
  const t = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    out = await fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { ms: t[Math.floor(runs / 2)], out };
}

const one = await time(() => collectStories(jobs.map((j) => parseStories(j.text, j.file))));
console.log(`parse, one thread: ${one.out.stories.length} stories, ${mb.toFixed(1)} MB in ${(one.ms / 1000).toFixed(2)} s (median of 3; ${(mb / (one.ms / 1000)).toFixed(2)} MB/s)`);
const many = await time(async () => collectStories(await parseMany(jobs)));
console.log(`parse, ${Math.min(4, availableParallelism())} threads (as prep runs it): ${many.out.stories.length} stories in ${(many.ms / 1000).toFixed(2)} s (median of 3) — goal < 5 s`);
