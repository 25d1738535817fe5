/** `prep find`: rank stories for an interview question, with the reasons. */
import { basename } from 'node:path';
import type { Story } from '../../story/types.js';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { EXIT, PrepError } from '../errors.js';
import { didYouMean } from '../../errors.js';
import type { ParsedHistory } from '../../history/review.js';
import { loadIndex, withCompetencies } from '../search-context.js';
import { truncate, type Output } from '../output.js';
import type { Corrector, Match, QueryPlan, Tie } from '../../search/engine.js';
import type { Snippet } from '../../search/snippet.js';

/** Options of `prep find`. */
export interface FindOptions extends StoryOptions {
  limit?: string;
  json?: boolean;
  explain?: boolean;
  /** A rank of the results shown (1-based) or a story id: recorded as the story for this question. */
  pick?: string;
  history?: string;
}

function parseLimit(v: string | undefined): number {
  if (v === undefined) return 5;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new PrepError('usage.limit', `--limit must be a whole number from 1 to 1000, not "${v}"`, EXIT.usage);
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

/** Print each stage of the pipeline: how the question was read, corrected, expanded, and which ties apply. */
function explainPlan(plan: QueryPlan, o: Output): void {
  const line = (label: string, text: string) => o.out(`  ${(label + ':').padEnd(12)} ${text}`);
  o.out(o.c.bold('How the question was read'));
  line('frame', `${plan.dropped.join(', ') || o.c.dim('(nothing)')}  ${o.c.dim(`(asks for ${plan.asks === 'either' ? 'a story or a talking point' : `a ${plan.asks}`})`)}`);
  line('kept', plan.kept.join(' ') || o.c.dim('(nothing)'));
  if (plan.cut) line('cut', o.c.yellow('the question was cut to its start'));
  if (plan.corrected.length) line('typos', plan.corrected.map((c) => `${c.from} → ${c.to} (${Math.round(c.similarity * 100)}%)`).join(', '));
  const bySource = (src: string) => plan.terms.filter((t) => t.source === src);
  line('terms', plan.terms.filter((t) => t.source === 'question' || t.source === 'typo').map((t) => t.term).join(' ') || o.c.dim('(none)'));
  if (plan.rare.length || plan.pairs.length) line('literal', `rare: ${plan.rare.join(' ') || '-'}; side by side: ${plan.pairs.join(', ') || '-'}`);
  if (bySource('related').length) line('related', o.c.dim(truncate(bySource('related').map((t) => `${t.term} ${t.weight}`).join(' '), o.columns - 15)));
  if (plan.competencies.length) line('about', plan.competencies.slice(0, 4).map((c) => `${c.name} ${Math.round(c.weight * 100)}%`).join(', '));
  if (bySource('expansion').length) line('expanded', o.c.dim(truncate(bySource('expansion').map((t) => t.term).join(' '), o.columns - 15)));
  line('specific', `${Math.round(plan.specificity * 100)}% (competencies weigh ${plan.specificity > 0.5 ? 'less' : 'more'}); words found in the notes ${Math.round(plan.coverage * 100)}%`);
  if (plan.ties.length) line('ties', plan.ties.map((t) => `${t.story} ${Math.round(t.similarity * 100)}% (${t.source})`).join(', '));
  o.out('');
}

/** The evidence behind a match, one line. */
function explainMatch(m: Match): string {
  const e = m.evidence;
  const pct = (x: number) => Math.round(x * 100) + '%';
  return `evidence: literal ${pct(e.literal)}, expansion ${pct(e.expansion)}, phrase ${pct(e.phrase)}, rare ${pct(e.rare)}, competency ${pct(e.competency)}${e.tie ? `, tie ${pct(e.tie)}` : ''}`;
}

/** Questions the user tied to stories: tie lines, and right answers in pick mode. */
function tiesFrom(history: ParsedHistory): Tie[] {
  const ties: Tie[] = (history.ties ?? []).map((t) => ({ question: t.question, story: t.story, source: t.source }));
  for (const r of history.reviews) if (r.mode === 'pick' && r.question && r.picked === r.story) ties.push({ question: r.question, story: r.story, source: 'pick' });
  return ties;
}

/** Find the stories that answer a question. */
export async function runFind(ctx: Context, questionWords: string[], opts: FindOptions): Promise<number> {
  let question = questionWords.join(' ').trim();
  if (!question) throw new PrepError('usage.question', 'no question given', EXIT.usage, 'example: prep find "tell me about a conflict"');
  const limit = parseLimit(opts.limit);
  const { DEFAULT_SEARCH_PARAMS } = await import('../../search/params.js');
  const max = DEFAULT_SEARCH_PARAMS.maxQuestionChars;
  if (question.length > max) {
    ctx.out.err(`prep: ${ctx.out.c.yellow('warning')}: the question is ${question.length} characters long; only its first ${max} are read`);
    question = question.slice(0, max);
  }
  const loaded = await loadForCommand(ctx, opts, { quiet: true });
  const index = await loadIndex(ctx, loaded);
  const { matchQuestion, hasUnknownWords, isWeak, confidence: confidenceOf } = await import('../../search/engine.js');
  // fuse.js and the word list load only when some question word is unknown to the stories and the lexicon.
  // (The word list itself is read only when a word's form is new to the stories.)
  const { isEnglishWord } = await import('../../load/dictionary.js');
  let correct: Corrector | undefined;
  if (hasUnknownWords(index, question, isEnglishWord)) {
    const { makeCorrector } = await import('../../search/fuzzy.js');
    correct = makeCorrector(isEnglishWord);
  }
  const { openHistory, appendTie } = await import('../../history/log-file.js');
  // Ties are read from the history; a history that cannot be used stops only --pick, which must write to it.
  let history: ParsedHistory & { file: string };
  try {
    history = openHistory(ctx, opts.history, loaded.files);
  } catch (e) {
    if (opts.pick !== undefined) throw e;
    ctx.debug(`history not read for ties: ${(e as Error).message}`);
    history = { reviews: [], links: [], ties: [], problems: [], file: '' };
  }
  const { plan, matches, weak, confidence } = matchQuestion(index, question, { limit, correct, ties: tiesFrom(history) });
  if (!plan.kept.length && !plan.competencies.length && !plan.ties.length) {
    throw new PrepError('usage.question', `"${truncate(question, 60)}" has only interview framing, no topic`, EXIT.usage, 'say what it is about: prep find "tell me about a time you disagreed with your manager"');
  }
  const o = ctx.out;
  if (opts.pick !== undefined) {
    const pick = opts.pick.trim();
    const byRank = /^\d+$/.test(pick) ? matches[Number(pick) - 1] : undefined;
    const story = byRank ? loaded.stories.find((s) => s.id === byRank.id) : loaded.stories.find((s) => s.id === pick);
    if (!story) {
      const hint = /^\d+$/.test(pick) ? `pick a rank from 1 to ${matches.length}, or a story id` : didYouMean(pick, loaded.stories.map((s) => s.id), 'see `prep list` for story ids');
      throw new PrepError('usage.pick', /^\d+$/.test(pick) ? `no result ranked ${pick} (${matches.length} shown)` : `unknown story "${pick}"`, EXIT.usage, hint);
    }
    appendTie(history.file, { at: ctx.now().toISOString(), question, story: story.id, source: 'find' });
    o.out(`Recorded: "${truncate(question, 60)}" → ${story.title} (${story.id}). Questions worded like it will rank it first.`);
    return 0;
  }
  // Competencies are filled in only for the stories shown.
  const shown = new Set(matches.map((m) => m.id));
  const filled = await withCompetencies(loaded.stories.filter((s) => shown.has(s.id)), index);
  const byId = new Map(filled.map((s) => [s.id, s]));
  const { bestSnippet, matchedFields } = await import('../../search/snippet.js');
  const stemsOf = (m: Match) => new Set([...m.terms, ...plan.terms.filter((t) => t.source !== 'expansion').map((t) => t.term)]);

  if (opts.json) {
    const rows = matches.map((m) => {
      const s = byId.get(m.id)!;
      const stems = new Set(m.terms);
      return {
        id: m.id,
        title: s.title,
        kind: s.kind,
        score: m.score,
        // Whether this result answers the question well (the first row's says whether anything does).
        weak: isWeak(plan, [m]),
        confidence: confidenceOf(plan, [m]),
        matched: {
          competencies: m.competencies.filter((c) => plan.competencies.some((p) => p.id === c)),
          terms: m.terms,
          fields: matchedFields(s, stems),
          snippet: bestSnippet(s, stems).text,
        },
        ...(opts.explain ? { evidence: m.evidence } : {}),
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
  if (weak) {
    o.out(o.c.yellow(`No strong match - closest: ${byId.get(matches[0]!.id)!.title}`) + o.c.dim(` (confidence ${confidence.toFixed(2)})`));
    o.out(o.c.dim('None of your stories seems to answer this; `prep new` writes one, or `--pick N` ties a result to this question.'));
    o.out('');
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
    if (opts.explain) {
      o.out(o.c.dim(`   fields: ${matchedFields(s, new Set(m.terms)).join(', ') || '-'}; terms: ${m.terms.join(' ') || '-'}`));
      o.out(o.c.dim(`   ${explainMatch(m)}`));
    }
  });
  return 0;
}
