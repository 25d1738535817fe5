// Search quality: top-1 / top-3 accuracy of `prep find` on the labeled evaluation sets, next to plain fuse.js.
// Run: npm run bench:search   (the seeds set runs when ../shared/seeds exists)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import { parseStories } from '../dist/parse/parse-stories.js';
import { collectStories } from '../dist/parse/collect.js';
import { buildIndex, matchQuestion } from '../dist/search/engine.js';
import { makeCorrector } from '../dist/search/fuzzy.js';
import { isEnglishWord } from '../dist/load/dictionary.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose');

function load(files) {
  return collectStories(files.map((f) => parseStories(readFileSync(f, 'utf8'), f))).stories;
}

function evaluate(name, stories, questions, labelOf) {
  const index = buildIndex(stories);
  const correct = makeCorrector(isEnglishWord);
  const fuse = new Fuse(
    stories.map((s) => ({ id: s.id, title: s.title, text: [s.summary, s.situation, s.task, s.action, s.result, ...s.sections.map((x) => x.text)].join('\n') })),
    { keys: ['title', 'text'] },
  );
  const tally = { prep1: 0, prep3: 0, fuse1: 0, fuse3: 0 };
  const misses = [];
  for (const item of questions) {
    const ok = new Set(labelOf(item));
    const ours = matchQuestion(index, item.q, { limit: 3, correct }).matches.map((m) => m.id);
    const base = fuse.search(item.q, { limit: 3 }).map((r) => r.item.id);
    if (ok.has(ours[0])) tally.prep1++;
    else misses.push(`  ${item.q}\n    want ${[...ok].join(' | ')}\n    got  ${ours.join(', ')}`);
    if (ours.some((id) => ok.has(id))) tally.prep3++;
    if (ok.has(base[0])) tally.fuse1++;
    if (base.some((id) => ok.has(id))) tally.fuse3++;
  }
  const n = questions.length;
  const pct = (x) => `${((100 * x) / n).toFixed(1)}%`.padStart(6);
  console.log(`${name}: ${n} questions over ${stories.length} stories/notes`);
  console.log(`  prep find      top-1 ${pct(tally.prep1)}  top-3 ${pct(tally.prep3)}`);
  console.log(`  fuse.js plain  top-1 ${pct(tally.fuse1)}  top-3 ${pct(tally.fuse3)}`);
  if (verbose && misses.length) console.log(`  top-1 misses:\n${misses.join('\n')}`);
  return tally;
}

// Sample stories are labeled by title; a heading title (e.g. "Talking points") stands for every note under it.
const sampleStories = load(readdirSync(join(root, 'stories')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'stories', f)));
const idsForTitle = (t) => {
  const ids = sampleStories.filter((s) => s.title === t || s.path.includes(t)).map((s) => s.id);
  return ids.length ? ids : [`missing:${t}`];
};
const seeds = resolve(root, '../shared/seeds');
const seedStories = existsSync(seeds) ? load(readdirSync(seeds).sort().map((f) => join(seeds, f))) : null;

for (const [label, file] of [['tuning set', 'bench/eval'], ['held-out set', 'bench/eval/holdout'], ['second held-out set', 'bench/eval/holdout2']]) {
  console.log(`— ${label} (${file}) —`);
  const samples = JSON.parse(readFileSync(join(root, file, 'samples.json'), 'utf8'));
  evaluate('samples', sampleStories, samples.questions, (item) => item.titles.flatMap(idsForTitle));
  if (seedStories) {
    const seedSet = JSON.parse(readFileSync(join(root, file, 'seeds.json'), 'utf8'));
    evaluate('seeds', seedStories, seedSet.questions, (item) => item.ids);
  } else {
    console.log(`seeds: skipped (${seeds} not found)`);
  }
}
