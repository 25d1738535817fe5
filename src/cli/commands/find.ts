/** `prep find`: rank stories for an interview question, with the reasons. */
import { basename } from 'node:path';
import type { Story } from '../../story/types.js';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { PrepError } from '../errors.js';
import { loadIndex, withCompetencies } from '../search-context.js';
import { truncate, type Output } from '../output.js';
import type { Corrector, Match, QueryPlan } from '../../search/engine.js';
import type { Snippet } from '../../search/snippet.js';

/** Options of `prep find`. */
export interface FindOptions extends StoryOptions {
  limit?: string;
  json?: boolean;
  explain?: boolean;
}

function parseLimit(v: string | undefined): number {
  if (v === undefined) return 5;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new PrepError('usage.limit', `--limit must be a whole number from 1 to 1000, not "${v}"`, 2);
  return n;
}

function bar(score: number, o: Output): string {
  const n = Math.round(score * 10);
  return o.c.green('█'.repeat(n)) + o.c.dim('░'.repeat(10 - n));
}

function highlight(s: Snippet, o: Output): string {
  let out = '';
  let at = 0;
  for (const [a, b] of s.marks) {
    out += s.text.slice(at, a) + o.c.bold.yellow(s.text.slice(a, b));
    at = b;
  }
  return out + s.text.slice(at);
}

/** Print how the question was read. */
function explainPlan(plan: QueryPlan, o: Output): void {
  o.out(o.c.bold('How the question was read'));
  o.out(`  kept:      ${plan.kept.join(' ') || o.c.dim('(nothing)')}`);
  o.out(`  dropped:   ${plan.dropped.join(', ') || o.c.dim('(nothing)')}`);
  if (plan.corrected.length) o.out(`  typos:     ${plan.corrected.map((c) => `${c.from} → ${c.to} (${Math.round(c.similarity * 100)}%)`).join(', ')}`);
  if (plan.competencies.length) o.out(`  about:     ${plan.competencies.slice(0, 4).map((c) => `${c.name} ${Math.round(c.weight * 100)}%`).join(', ')}`);
  const q = plan.terms.filter((t) => t.source !== 'expansion').map((t) => t.term);
  const x = plan.terms.filter((t) => t.source === 'expansion').map((t) => t.term);
  o.out(`  terms:     ${q.join(' ')}`);
  if (x.length) o.out(`  expanded:  ${o.c.dim(truncate(x.join(' '), o.columns - 13))}`);
  o.out('');
}

/** Find the stories that answer a question. */
export async function runFind(ctx: Context, questionWords: string[], opts: FindOptions): Promise<number> {
  const question = questionWords.join(' ').trim();
  if (!question) throw new PrepError('usage.question', 'no question given', 2, 'example: prep find "tell me about a conflict"');
  const limit = parseLimit(opts.limit);
  const loaded = await loadForCommand(ctx, opts, { quiet: true });
  const index = await loadIndex(ctx, loaded);
  const { matchQuestion, hasUnknownWords } = await import('../../search/engine.js');
  // fuse.js and the word list load only when some question word is unknown to the stories and the lexicon.
  // (The word list itself is read only when a word's form is new to the stories.)
  const { isEnglishWord } = await import('../../load/dictionary.js');
  let correct: Corrector | undefined;
  if (hasUnknownWords(index, question, isEnglishWord)) {
    const { makeCorrector } = await import('../../search/fuzzy.js');
    correct = makeCorrector(isEnglishWord);
  }
  const { plan, matches } = matchQuestion(index, question, { limit, correct });
  // Competencies are filled in only for the stories shown.
  const shown = new Set(matches.map((m) => m.id));
  const filled = await withCompetencies(loaded.stories.filter((s) => shown.has(s.id)), index);
  const byId = new Map(filled.map((s) => [s.id, s]));
  const { bestSnippet, matchedFields } = await import('../../search/snippet.js');
  const stemsOf = (m: Match) => new Set([...m.terms, ...plan.terms.filter((t) => t.source !== 'expansion').map((t) => t.term)]);
  const o = ctx.out;

  if (opts.json) {
    const rows = matches.map((m) => {
      const s = byId.get(m.id)!;
      const stems = new Set(m.terms);
      return {
        id: m.id,
        title: s.title,
        kind: s.kind,
        score: m.score,
        matched: {
          competencies: m.competencies.filter((c) => plan.competencies.some((p) => p.id === c)),
          terms: m.terms,
          fields: matchedFields(s, stems),
          snippet: bestSnippet(s, stems).text,
        },
        source: s.source,
      };
    });
    o.out(JSON.stringify(opts.explain ? { plan, results: rows } : rows, null, 2));
    return 0;
  }
  if (opts.explain) explainPlan(plan, o);
  if (!matches.length) {
    o.out(`No story matches "${question}".`);
    o.out(o.c.dim('Try other words, or `prep coverage` to see which competencies your notes cover.'));
    return 0;
  }
  matches.forEach((m, i) => {
    const s: Story = byId.get(m.id)!;
    const asked = new Set(plan.competencies.map((c) => c.id));
    const comps = s.competencies.map((c) => (asked.has(c) ? o.c.green(c) : o.c.dim(c)));
    o.out(`${o.c.bold(String(i + 1) + '.')} ${o.c.bold(s.title)}${s.kind === 'note' ? o.c.dim(' (note)') : ''}`);
    o.out(`   ${bar(m.score, o)} ${m.score.toFixed(2)}${comps.length ? '  ' + comps.join(', ') : ''}`);
    // The line holds "   field: snippet" with the field cut to 12 characters, so it stays on one terminal line.
    const snip = bestSnippet(s, stemsOf(m), Math.max(30, o.columns - 18));
    if (snip.marks.length) o.out(`   ${o.c.dim(truncate(snip.field, 12) + ':')} ${highlight(snip, o)}`);
    // Where it is and its id on one line: the file's folder goes first when the line would wrap.
    const full = `${s.source.file}:${s.source.line}`;
    const where = 3 + full.length + 2 + s.id.length <= o.columns ? full : `${basename(s.source.file)}:${s.source.line}`;
    o.out(`   ${o.c.dim(where)}  ${o.c.cyan(s.id)}`);
    if (opts.explain) o.out(o.c.dim(`   fields: ${matchedFields(s, new Set(m.terms)).join(', ') || '-'}; terms: ${m.terms.join(' ') || '-'}`));
  });
  return 0;
}
