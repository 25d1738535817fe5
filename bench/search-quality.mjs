// Search quality: top-1 / top-3 accuracy of `prep find` on the labelled evaluation sets, the share of questions called
// weak, a per-signal ablation, and plain fuse.js beside it.
// Run: npm run bench:search                      (the seeds sets run when ../shared/seeds exists)
//      node bench/search-quality.mjs --verbose    (top-1 misses of the dev sets only: blind sets show totals)
//      node bench/search-quality.mjs --set k1=1.5 --sweep rare=0,0.3,0.6   (overrides; a sweep scores the dev sets only)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import { parseStories } from '../dist/parse/parse-stories.js';
import { collectStories } from '../dist/parse/collect.js';
import { buildIndex, planQuery, rank, isWeak } from '../dist/search/engine.js';
import { makeCorrector } from '../dist/search/fuzzy.js';
import { isEnglishWord } from '../dist/load/dictionary.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const valueOf = (flag) => args.flatMap((a, i) => (a === flag ? [args[i + 1]] : []));
const parseValue = (v) => (v.startsWith('{') ? JSON.parse(v) : Number(v));
const overrides = Object.fromEntries(valueOf('--set').map((kv) => kv.split('=')).map(([k, v]) => [k, parseValue(v)]));
const sweep = valueOf('--sweep')[0];
const correct = makeCorrector(isEnglishWord);

function load(files) {
  return collectStories(files.map((f) => parseStories(readFileSync(f, 'utf8'), f))).stories;
}

// Sample stories are labelled by title; a heading title (e.g. "Talking points") stands for every note under it.
const sampleStories = load(readdirSync(join(root, 'stories')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'stories', f)));
const idsForTitle = (t) => {
  const ids = sampleStories.filter((s) => s.title === t || s.path.includes(t)).map((s) => s.id);
  return ids.length ? ids : [`missing:${t}`];
};
const seeds = resolve(root, '../shared/seeds');
const seedStories = existsSync(seeds) ? load(readdirSync(seeds).sort().map((f) => join(seeds, f))) : null;
const json = (file) => JSON.parse(readFileSync(join(root, file), 'utf8'));

/** Every evaluation set present: { name, blind, groups: [{ stories, questions: [{ q, ok: Set|null }] }] }. */
function evaluationSets() {
  const sets = [];
  for (const [name, dir, blind] of [['tuning', 'bench/eval', false], ['holdout', 'bench/eval/holdout', false], ['holdout2', 'bench/eval/holdout2', true], ['holdout3', 'bench/eval/holdout3', true]]) {
    if (existsSync(join(root, dir, 'samples.json'))) {
      sets.push({ name: `${name} samples`, blind, groups: [{ stories: sampleStories, questions: json(join(dir, 'samples.json')).questions.map((x) => ({ q: x.q, ok: new Set(x.titles.flatMap(idsForTitle)) })) }] });
    }
    if (seedStories && existsSync(join(root, dir, 'seeds.json'))) {
      sets.push({ name: `${name} seeds`, blind, groups: [{ stories: seedStories, questions: json(join(dir, 'seeds.json')).questions.map((x) => ({ q: x.q, ok: new Set(x.ids) })) }] });
    }
  }
  for (const [name, blind] of [['dev', false], ['blind', true]]) {
    const file = join('bench/eval/corpus', `${name}.json`);
    if (existsSync(join(root, file))) sets.push(corpusSet(`corpus ${name}`, blind, json(file)));
  }
  if (existsSync(join(root, 'bench/eval/unanswerable/samples.json'))) {
    sets.push({ name: 'unanswerable', blind: true, unanswerable: true, groups: [{ stories: sampleStories, questions: json('bench/eval/unanswerable/samples.json').questions.map((x) => ({ q: x.q, ok: null })) }] });
  }
  return sets;
}

/** Questions over real notes, scored per file against that file's stories; a label line maps to the story at or before it. */
function corpusSet(name, blind, data) {
  const dir = '/work/corpus/files';
  const byFile = new Map();
  for (const x of data.questions) {
    const file = x.file;
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push(x);
  }
  const groups = [];
  for (const [file, qs] of byFile) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const stories = load([path]);
    const storyAt = (line) => {
      let best = null;
      for (const s of stories) if (s.source.line <= line && (!best || s.source.line > best.source.line)) best = s;
      return best?.id ?? `missing:${file}:${line}`;
    };
    const lines = (x) => x.lines ?? x.story_lines ?? (x.line !== undefined ? [x.line] : []);
    groups.push({ stories, questions: qs.map((x) => ({ q: x.q ?? x.question, ok: new Set(lines(x).map(storyAt)) })) });
  }
  return { name, blind, groups };
}

/** Scores of one set: top-1, top-3, called weak, and fuse.js; misses for a dev set. */
function evaluate(set, params, off = new Set()) {
  const t = { n: 0, top1: 0, top3: 0, weak: 0, fuse1: 0, fuse3: 0, stories: 0, misses: [] };
  for (const g of set.groups) {
    const index = buildIndex(g.stories, params);
    t.stories += g.stories.length;
    const fuse = off.size || sweep ? null : new Fuse(
      g.stories.map((s) => ({ id: s.id, title: s.title, text: [s.summary, s.situation, s.task, s.action, s.result, ...s.sections.map((x) => x.text)].join('\n') })),
      { keys: ['title', 'text'] },
    );
    for (const item of g.questions) {
      t.n++;
      const plan = planQuery(index, item.q, { correct, params });
      const matches = rank(index, plan, 3, params, off);
      if (isWeak(plan, matches, params)) t.weak++;
      if (!item.ok) continue;
      const ours = matches.map((m) => m.id);
      if (item.ok.has(ours[0])) t.top1++;
      else if (!set.blind) t.misses.push(`  ${item.q}\n    want ${[...item.ok].join(' | ')}\n    got  ${ours.join(', ')}`);
      if (ours.some((id) => item.ok.has(id))) t.top3++;
      if (fuse) {
        const base = fuse.search(item.q, { limit: 3 }).map((r) => r.item.id);
        if (item.ok.has(base[0])) t.fuse1++;
        if (base.some((id) => item.ok.has(id))) t.fuse3++;
      }
    }
  }
  return t;
}

const pct = (x, n) => `${n ? ((100 * x) / n).toFixed(1) : '-'}%`.padStart(6);
const sets = evaluationSets();

if (sweep) {
  // Sweeps score the dev sets only, so the blind sets stay a check of what was tuned.
  const [key, values] = sweep.split('=');
  const dev = sets.filter((s) => !s.blind);
  for (const v of values.split(',')) {
    const params = { ...overrides, [key]: parseValue(v) };
    const rows = dev.map((s) => evaluate(s, params));
    const mean1 = rows.reduce((a, t) => a + t.top1 / t.n, 0) / rows.length;
    const mean3 = rows.reduce((a, t) => a + t.top3 / t.n, 0) / rows.length;
    console.log(`${key}=${v}: dev mean top-1 ${(100 * mean1).toFixed(1)}%  top-3 ${(100 * mean3).toFixed(1)}%  (${rows.map((t, i) => `${dev[i].name} ${pct(t.top1, t.n).trim()}`).join(', ')})`);
  }
  process.exit(0);
}

console.log('set                    questions  stories   top-1   top-3   weak    fuse.js top-1 / top-3');
const results = [];
for (const set of sets) {
  const t = evaluate(set, overrides);
  results.push([set, t]);
  const name = `${set.name}${set.blind ? ' (blind)' : ''}`.padEnd(22);
  const acc = set.unanswerable ? '      -       -' : `${pct(t.top1, t.n)}  ${pct(t.top3, t.n)}`;
  const base = set.unanswerable ? '' : `  ${pct(t.fuse1, t.n)} / ${pct(t.fuse3, t.n).trim()}`;
  console.log(`${name} ${String(t.n).padStart(9)}  ${String(t.stories).padStart(7)}  ${acc}  ${pct(t.weak, t.n)}${base}`);
}
const answerable = results.filter(([s]) => !s.unanswerable);
const weakAnswerable = answerable.reduce((a, [, t]) => a + t.weak, 0);
const nAnswerable = answerable.reduce((a, [, t]) => a + t.n, 0);
console.log(`called weak: ${pct(weakAnswerable, nAnswerable).trim()} of ${nAnswerable} answerable questions (goal <= 5%)`);

// Ablation: each signal off in turn, top-1 per answerable set.
const signals = ['expansion', 'phrase', 'rare', 'competency', 'tie'];
console.log(`\nablation (top-1 with one signal off)   ${answerable.map(([s]) => s.name.padStart(16)).join('')}`);
console.log(`  all signals                           ${answerable.map(([, t]) => pct(t.top1, t.n).padStart(16)).join('')}`);
for (const sig of signals) {
  const row = answerable.map(([s]) => {
    const t = evaluate(s, overrides, new Set([sig]));
    return pct(t.top1, t.n).padStart(16);
  });
  console.log(`  without ${sig.padEnd(30)}${row.join('')}`);
}
if (verbose) for (const [set, t] of results) if (t.misses.length) console.log(`\n${set.name}: top-1 misses\n${t.misses.join('\n')}`);
