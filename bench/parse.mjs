// Parse throughput on 10,000 generated stories (about 6 MB). Run: npm run bench
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { parseStories } from '../dist/parse/parse-stories.js';
import { collectStories } from '../dist/parse/collect.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.bench', 'stories-10k');
const bytes = generate(dir, 10_000);
const files = readdirSync(dir).map((f) => join(dir, f));
const texts = files.map((f) => readFileSync(f, 'utf8'));

const runs = [];
let count = 0;
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const c = collectStories(texts.map((text, k) => parseStories(text, files[k])));
  runs.push(performance.now() - t);
  count = c.stories.length;
}
runs.sort((a, b) => a - b);
const median = runs[2];
console.log(`parse: ${count} stories, ${(bytes / 1e6).toFixed(1)} MB in ${(median / 1000).toFixed(2)} s (median of 5; ${(bytes / 1e6 / (median / 1000)).toFixed(1)} MB/s) — goal < 2 s`);

// For reference: remark (unified + remark-parse) on the same text, 1/10 of it, to show why the parser scans lines itself.
try {
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const p = unified().use(remarkParse);
  const part = texts.slice(0, Math.ceil(texts.length / 10));
  const partBytes = part.reduce((a, t) => a + Buffer.byteLength(t), 0);
  const t = performance.now();
  for (const text of part) p.parse(text);
  const s = (performance.now() - t) / 1000;
  console.log(`remark-parse (reference): ${(partBytes / 1e6).toFixed(1)} MB in ${s.toFixed(2)} s (${(partBytes / 1e6 / s).toFixed(1)} MB/s)`);
} catch (e) {
  console.log(`remark-parse reference skipped: ${e.message}`);
}
