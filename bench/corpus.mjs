// Story-reader quality on real people's notes: stories right / labelled and false stories, per file and in total.
// Run: npm run bench:corpus [-- --verbose] [-- --dist DIR]   (reads the scratch corpus; fetches nothing)
// The corpus files are public notes written by others and are not in this repository: bench/corpus/manifest.json
// names each (repo, path, commit) with hand labels; the files themselves live in a scratch folder, ../corpus/files
// beside the repository or $PREP_CORPUS. A labelled story is right when exactly one parsed story holds it (not
// merged with another labelled story) and every labelled part is non-empty; a false story is a parsed STAR story
// that holds no labelled story (a legend, a template, a fragment split off a real story).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const distAt = args.indexOf('--dist');
const dist = distAt >= 0 ? resolve(args[distAt + 1]) : join(root, 'dist');
const { parseStories } = await import(pathToFileURL(join(dist, 'parse', 'parse-stories.js')).href);

const corpus = resolve(process.env.PREP_CORPUS ?? join(root, '..', 'corpus'));
const manifest = JSON.parse(readFileSync(join(root, 'bench', 'corpus', 'manifest.json'), 'utf8'));
if (!existsSync(join(corpus, 'files'))) {
  console.log(`corpus: skipped (${join(corpus, 'files')} not found; set PREP_CORPUS to the folder holding files/)`);
  process.exit(0);
}

const PARTS = ['situation', 'task', 'action', 'result'];

/** Score one file: each label goes to the parsed story that starts nearest at or before its first part. */
export function scoreFile(entry, stories) {
  const star = stories.filter((s) => s.kind === 'star').sort((a, b) => a.source.line - b.source.line);
  const owner = (line) => {
    let best = null;
    for (const s of star) if (s.source.line <= line) best = s;
    return best;
  };
  const byStory = new Map();
  for (const label of entry.stories) {
    const s = owner(label.firstPartLine);
    if (!s) continue;
    byStory.set(s, [...(byStory.get(s) ?? []), label]);
  }
  const wrong = [];
  let right = 0;
  for (const label of entry.stories) {
    const s = owner(label.firstPartLine);
    if (!s) {
      wrong.push(`line ${label.line}: lost (no story read)`);
      continue;
    }
    const shared = byStory.get(s);
    if (shared.length > 1) {
      wrong.push(`line ${label.line}: merged into "${s.title}" (line ${s.source.line}) with ${shared.length - 1} other`);
      continue;
    }
    const missing = label.parts.filter((p) => !s[p]?.trim());
    if (missing.length) {
      wrong.push(`line ${label.line}: "${s.title}" lacks ${missing.join(', ')}`);
      continue;
    }
    right++;
  }
  const falseStories = star.filter((s) => !byStory.has(s));
  return { labelled: entry.stories.length, right, wrong, falseStories };
}

const totals = {};
for (const entry of manifest.files) {
  const path = join(corpus, 'files', entry.file);
  if (!existsSync(path)) {
    console.log(`${entry.file}: missing from the scratch folder`);
    continue;
  }
  const { stories } = parseStories(readFileSync(path, 'utf8'), entry.file);
  const r = scoreFile(entry, stories);
  const t = (totals[entry.split] ??= { files: 0, labelled: 0, right: 0, false: 0 });
  t.files++;
  t.labelled += r.labelled;
  t.right += r.right;
  t.false += r.falseStories.length;
  const flag = r.right === r.labelled && !r.falseStories.length ? ' ' : '!';
  console.log(`${flag} ${entry.split.padEnd(7)} ${entry.file.padEnd(36)} right ${r.right}/${r.labelled}  false ${r.falseStories.length}`);
  if (verbose) {
    for (const w of r.wrong) console.log(`      ${w}`);
    for (const s of r.falseStories) console.log(`      false story at line ${s.source.line}: "${s.title}" (${PARTS.filter((p) => s[p]).join(', ') || 'no parts'})`);
  }
}
for (const [split, t] of Object.entries(totals)) {
  const pct = t.labelled ? ((100 * t.right) / t.labelled).toFixed(1) : '-';
  console.log(`${split}: ${t.files} files, stories right ${t.right}/${t.labelled} (${pct}%), false stories ${t.false}`);
}
