/**
 * Story search as a pipeline of named stages, each a small function over plain data:
 *
 *   analyse -> strip frame -> correct typos -> expand -> score fields -> fuse
 *
 * `analyse` and `stripFrame` live in text.ts (one tokeniser, stemmer and stop-list for stories, questions, lexicon and
 * bank). Scoring is BM25F over every field of a story, literal evidence first: the question's own words, side by side
 * when they stand together, and its rare words, before anything the lexicon adds. Every tuned number is in params.ts.
 * Pure: no clock, no disk.
 */
import type { Story } from '../story/types.js';
import { COMPETENCIES, type Competency } from './competencies.js';
import { lexicon, questionWords, type Lexicon } from './lexicon.js';
import { DEFAULT_SEARCH_PARAMS, searchParams, type Field, type SearchParams } from './params.js';
import { readQuestion, stem, terms, words, type Asks } from './text.js';
import { byCodeUnit } from '../story/text.js';

export { questionWords } from './lexicon.js';

const MONEY = /[$€£¥]\s?\d/;

/** A story's entry in the index. */
export interface IndexedDoc {
  id: string;
  kind: 'star' | 'note';
  /** Affinity to each competency of COMPETENCIES, 0..1, by position. */
  comp: number[];
  /** The questions its notes tie to it (`questions:` in front matter), as question words. */
  asked?: string[][];
}

/**
 * The search index over a story collection, serialisable as JSON for the cache. Postings are keyed by words of the
 * user's text, so they are read only through `postingsOf` (a word like "constructor" must never meet a prototype).
 */
export interface SearchIndex {
  docs: IndexedDoc[];
  /** Stem -> [doc, BM25F pseudo term frequency, doc, tf, ...]. */
  postings: Record<string, number[]>;
  /** Two content stems side by side in a field ("phased rollout" -> "phase rollout") -> docs. */
  pairs: Record<string, number[]>;
  /** Surface words seen in the stories, for typo correction of query words. */
  vocab: string[];
}

/** Stored postings of a key, never an inherited property. */
function postingsOf(table: Record<string, number[]>, key: string): number[] | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function storyFields(s: Story): [Field, string][] {
  return [
    ['title', s.title],
    ['path', s.path.join(' ')],
    ['meta', [...s.competencies, ...s.tags, ...s.questions].join(' ')],
    ['summary', s.summary],
    ['body', [s.situation, s.task, s.action, s.result].join(' ')],
    ['sections', s.sections.map((x) => `${x.name} ${x.text}`).join(' ')],
  ];
}

const saturate = (tf: number, k1: number): number => tf / (tf + k1);
/** How strongly a story shows each competency, 0..1; front matter competencies count fully. */
function competencyAffinity(s: Story, tf: Map<string, number>, k1: number): number[] {
  const explicit = new Set(s.competencies.map((c) => c.toLowerCase().replace(/[\s_]+/g, '-')));
  // Phrases count only where their words stand together ("push back", not "push ... back").
  // Adjacent word pairs of the story: a phrase whose first two words never stand together cannot match (cheap test
  // first, as the lexicon has hundreds of phrases and a collection may have thousands of stories).
  const pairs = new Set<string>();
  const seq = (text: string) => {
    const st = words(text).map(stem);
    for (let i = 0; i + 1 < st.length; i++) pairs.add(st[i] + ' ' + st[i + 1]);
    return ' ' + st.join(' ') + ' ';
  };
  const sequence = storyFields(s).map(([, text]) => seq(text)).join('|');
  const sequenceText = [s.situation, s.task, s.action, s.result, s.summary].join(' ');
  // Words in the title, the heading trail and tags say what the story is about; body words only hint at it.
  const headText = [s.title, s.path.join(' '), s.tags.join(' '), s.questions.join(' ')].join(' | ');
  const head = new Set(terms(headText));
  const headSeq = seq(headText);
  return lexicon().entries.map((lx) => {
    const c = COMPETENCIES[lx.comp]!;
    if (explicit.has(c.id) || explicit.has(c.name.toLowerCase().replace(/\s+/g, '-'))) return 1;
    let body = 0;
    let headHits = 0;
    for (const t of lx.single) {
      const f = tf.get(t);
      if (f) body += saturate(f, k1);
      if (head.has(t)) headHits++;
    }
    // Money amounts ("$237k a year") speak of cost even when the word is not there.
    if (c.id === 'cost' && MONEY.test(sequenceText)) body += 1;
    for (const p of lx.phrases) {
      if (!pairs.has(p.pair)) continue;
      if (headSeq.includes(p.needle)) headHits++;
      else if (sequence.includes(p.needle)) body += 0.5;
    }
    // The title, heading trail and tags name what a story is about; the body only hints, so it tops out lower.
    const headScore = headHits ? 0.9 : 0;
    const bodyScore = 0.8 * (1 - Math.exp(-body / 1.2));
    const a = -Math.log(Math.max(1e-9, (1 - headScore) * (1 - bodyScore)));
    return Math.round((1 - Math.exp(-a)) * 100) / 100;
  });
}

/**
 * Build the search index for a collection of stories. BM25F: each field's term counts are normalised by that field's
 * length against its average, weighted, and summed into one pseudo frequency per word and story.
 */
export function buildIndex(stories: Story[], overrides: Partial<SearchParams> = {}): SearchIndex {
  const p = searchParams(overrides);
  const postings: Record<string, number[]> = Object.create(null);
  const pairs: Record<string, number[]> = Object.create(null);
  const vocab = new Set<string>();
  const fieldNames = Object.keys(p.fields) as Field[];
  const analysed = stories.map((s) =>
    storyFields(s).map(([field, text]) => {
      for (const w of words(text)) if (w.length > 2) vocab.add(w);
      return { field, terms: terms(text) };
    }),
  );
  const avg = new Map<Field, number>(fieldNames.map((f) => [f, 0]));
  for (const fields of analysed) for (const { field, terms: t } of fields) avg.set(field, avg.get(field)! + t.length / Math.max(1, stories.length));
  const tfs = analysed.map((fields) => {
    const tf = new Map<string, number>();
    for (const { field, terms: t } of fields) {
      if (!t.length) continue;
      const w = p.fields[field] / (1 - p.b + (p.b * t.length) / (avg.get(field) || 1));
      for (const term of t) tf.set(term, (tf.get(term) ?? 0) + w);
    }
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  // A phrase of two common words says little, and storing every word pair of a large collection costs seconds:
  // only pairs with a word few stories have are kept.
  const pairDf = Math.max(2, p.phraseShare * stories.length);
  const docs: IndexedDoc[] = stories.map((s, d) => {
    const tf = tfs[d]!;
    const seenPairs = new Set<string>();
    for (const { terms: t } of analysed[d]!) {
      for (let i = 1; i < t.length; i++) if (df.get(t[i - 1]!)! <= pairDf || df.get(t[i]!)! <= pairDf) seenPairs.add(t[i - 1] + ' ' + t[i]);
    }
    for (const [t, f] of tf) (postings[t] ??= []).push(d, Math.round(f * 10) / 10);
    for (const pair of seenPairs) (pairs[pair] ??= []).push(d);
    const asked = s.questions.map((q) => [...questionWords(q)]).filter((q) => q.length);
    return { id: s.id, kind: s.kind, comp: competencyAffinity(s, tf, p.k1), ...(asked.length ? { asked } : {}) };
  });
  return { docs, postings, pairs, vocab: [...vocab] };
}

/** A typo fixed in a query word. */
export interface Correction {
  from: string;
  to: string;
  similarity: number;
}

/** Where a query term came from: the question itself, a typo fix, a related word, or a competency's vocabulary. */
export type TermSource = 'question' | 'typo' | 'related' | 'expansion';

/** A weighted query term. */
export interface QueryTerm {
  term: string;
  weight: number;
  source: TermSource;
}

/** A question the user tied to a story ("this is the story for this question"). */
export interface Tie {
  question: string;
  story: string;
  source: 'front-matter' | 'find' | 'pick';
}

/** How a question was read, stage by stage, for `--explain`. */
export interface QueryPlan {
  question: string;
  /** True when the question was longer than params.maxQuestionChars and only its start was read. */
  cut: boolean;
  kept: string[];
  dropped: string[];
  asks: Asks;
  corrected: Correction[];
  competencies: { id: string; name: string; weight: number }[];
  terms: QueryTerm[];
  /** Adjacent content stems of the question, scored as phrases. */
  pairs: string[];
  /** The question's own rare words (few stories have them; not lexicon vocabulary). */
  rare: string[];
  /** 0 (every word is generic competency vocabulary) .. 1 (every word found is specific to some stories). */
  specificity: number;
  /** Share of the question's own words (weighted by rarity) that some story has, or the lexicon knows. */
  coverage: number;
  /** Ties whose question is worded like this one: story id, similarity, where the tie came from. */
  ties: { story: string; similarity: number; source: Tie['source'] }[];
}

/** The evidence behind one story's score, each 0..1 before fusing. */
export interface Evidence {
  literal: number;
  expansion: number;
  phrase: number;
  rare: number;
  competency: number;
  tie: number;
}

/** One ranked story. */
export interface Match {
  id: string;
  score: number;
  competencies: string[];
  terms: string[];
  evidence: Evidence;
}

/** Corrects query words that appear nowhere, using fuse.js over the vocabulary (short strings only). */
export type Corrector = (word: string, vocab: string[]) => { word: string; similarity: number }[];

function idf(index: SearchIndex, t: string): number {
  const n = (postingsOf(index.postings, t)?.length ?? 0) / 2;
  const N = index.docs.length;
  return Math.log(1 + (N - n + 0.5) / (n + 0.5));
}

const surfaceCache = new WeakMap<SearchIndex, { set: Set<string>; list: string[] }>();

/** Words as written in the stories and the lexicon (the vocabulary typos are corrected against), built once per index. */
function surfaceWords(index: SearchIndex): { set: Set<string>; list: string[] } {
  let v = surfaceCache.get(index);
  if (!v) {
    const set = new Set(index.vocab);
    for (const w of lexicon().surface) set.add(w);
    v = { set, list: [...set] };
    surfaceCache.set(index, v);
  }
  return v;
}

const INFLECTIONS = ['s', 'es', 'd', 'ed', 'ing', 'er', 'ers', 'ly'];

/**
 * Whether a question word may be a typo: 4+ letters (and not absurdly long), no digits, and written so nowhere in the
 * stories or the lexicon. A form whose stem is known still counts ("weekness" stems to "week"), unless `isWord`
 * knows it as English ("disagreements" when the notes say "disagree").
 */
function maybeTypo(index: SearchIndex, w: string, p: SearchParams, isWord?: (w: string) => boolean): boolean {
  if (w.length < 4 || w.length > p.maxTypoWord || /\d/.test(w)) return false;
  const t = stem(w);
  const stemKnown = postingsOf(index.postings, t) !== undefined || lexicon().allSingles.has(t);
  if (!stemKnown) return true;
  const known = surfaceWords(index).set;
  if (known.has(w)) return false;
  // A regular inflection of a word of the notes or the lexicon ("disagreed" / "disagree") is no typo either.
  if (INFLECTIONS.some((x) => (w.endsWith(x) && known.has(w.slice(0, -x.length))) || known.has(w + x))) return false;
  return isWord ? !isWord(w) : true;
}

/** Whether a question has a word that may be a typo (so typo correction is needed); see maybeTypo. */
export function hasUnknownWords(index: SearchIndex, question: string, isWord?: (w: string) => boolean): boolean {
  const p = DEFAULT_SEARCH_PARAMS;
  return readQuestion(question.slice(0, p.maxQuestionChars)).kept.some((w) => maybeTypo(index, w, p, isWord));
}

/** Stage: correct typos. The question's words as weighted terms, a misspelt word replaced by up to two fixes. */
function correctTypos(index: SearchIndex, kept: string[], p: SearchParams, correct?: Corrector): { terms: QueryTerm[]; corrected: Correction[] } {
  const out: QueryTerm[] = [];
  const corrected: Correction[] = [];
  for (const w of kept) {
    const t = stem(w);
    const fixes = correct && maybeTypo(index, w, p) ? correct(w, surfaceWords(index).list).filter((f) => f.word !== w) : [];
    if (!fixes.length) out.push({ term: t, weight: 1, source: 'question' });
    for (const f of fixes.slice(0, 2)) {
      corrected.push({ from: w, to: f.word, similarity: f.similarity });
      out.push({ term: stem(f.word), weight: f.similarity, source: 'typo' });
    }
  }
  return { terms: out, corrected };
}

/** The competencies a question names: lexicon words and phrases, and bank questions worded like it. */
function nameCompetencies(question: string, own: QueryTerm[], lx: Lexicon, p: SearchParams): QueryPlan['competencies'] {
  const qweight = new Map(own.map((x) => [x.term, x.weight]));
  const qstems = words(question).map(stem);
  const qseq = ' ' + qstems.join(' ') + ' ';
  const qpairs = new Set(qstems.slice(1).map((w, i) => qstems[i] + ' ' + w));
  const scores = lx.entries.map((e) => {
    let s = 0;
    for (const [t, w] of qweight) if (e.single.has(t)) s += w;
    for (const ph of e.phrases) if (qpairs.has(ph.pair) && qseq.includes(ph.needle)) s += 1;
    return s;
  });
  // A question close to one of the bank's questions (Jaccard of telling words) names that competency.
  const asked = questionWords(question);
  const common = new Uint16Array(lx.bank.sizes.length);
  const touched: number[] = [];
  for (const w of asked) for (const at of lx.bank.postings.get(w) ?? []) if (common[at]!++ === 0) touched.push(at);
  const best = new Float64Array(lx.entries.length);
  for (const at of touched) {
    const i = lx.bank.comp[at]!;
    const n = common[at]!;
    best[i] = Math.max(best[i]!, n / Math.max(1, lx.bank.sizes[at]! + asked.size - n));
  }
  best.forEach((b, i) => {
    if (b >= p.bankMin) scores[i]! += p.bank * b;
  });
  const total = scores.reduce((a, b) => a + b, 0);
  const out: QueryPlan['competencies'] = [];
  scores.forEach((s, i) => {
    if (s > 0) out.push({ id: COMPETENCIES[i]!.id, name: COMPETENCIES[i]!.name, weight: s / total });
  });
  return out.sort((a, b) => b.weight - a.weight);
}

/** Stage: expand. Related words of the question's words, then the vocabulary of the competencies it names. */
function expand(own: QueryTerm[], competencies: QueryPlan['competencies'], lx: Lexicon, p: SearchParams): QueryTerm[] {
  const out: QueryTerm[] = [];
  const seen = new Set(own.map((x) => x.term));
  const add = (term: string, weight: number, source: TermSource) => {
    if (seen.has(term)) return;
    seen.add(term);
    out.push({ term, weight, source });
  };
  for (const { term } of own) for (const r of lx.related.get(term) ?? []) add(r, p.related, 'related');
  for (const c of competencies.slice(0, 2)) {
    const entry = lx.entries[COMPETENCIES.findIndex((x) => x.id === c.id)]!;
    for (const t of entry.single) add(t, p.expansion * c.weight, 'expansion');
  }
  return out;
}

/** Jaccard similarity of two word sets. */
function jaccard(a: Set<string>, b: readonly string[]): number {
  let n = 0;
  for (const w of b) if (a.has(w)) n++;
  return n / Math.max(1, a.size + b.length - n);
}

/** Ties (front matter and the user's own) whose question is worded like this one, best per story. */
function findTies(index: SearchIndex, question: string, extra: readonly Tie[], p: SearchParams): QueryPlan['ties'] {
  const asked = questionWords(question);
  if (!asked.size) return [];
  const best = new Map<string, QueryPlan['ties'][number]>();
  const consider = (story: string, q: readonly string[], source: Tie['source']) => {
    const similarity = Math.round(jaccard(asked, q) * 100) / 100;
    if (similarity >= p.tieMin && similarity > (best.get(story)?.similarity ?? 0)) best.set(story, { story, similarity, source });
  };
  for (const d of index.docs) for (const q of d.asked ?? []) consider(d.id, q, 'front-matter');
  for (const t of extra) consider(t.story, [...questionWords(t.question)], t.source);
  return [...best.values()].sort((a, b) => b.similarity - a.similarity || byCodeUnit(a.story, b.story));
}

/** Options of planning and matching. */
export interface MatchOptions {
  limit?: number;
  correct?: Corrector;
  /** Questions the user tied to stories outside the notes (history lines of `find --pick` and pick mode). */
  ties?: readonly Tie[];
  params?: Partial<SearchParams>;
}

/** Read a question through the stages up to scoring: strip frame, correct, expand, plus its phrases and rare words. */
export function planQuery(index: SearchIndex, question: string, correctOrOpts?: Corrector | MatchOptions): QueryPlan {
  const opts: MatchOptions = typeof correctOrOpts === 'function' ? { correct: correctOrOpts } : (correctOrOpts ?? {});
  const p = searchParams(opts.params);
  const lx = lexicon();
  const cut = question.length > p.maxQuestionChars;
  const q = cut ? question.slice(0, p.maxQuestionChars) : question;
  const { kept, dropped, asks } = readQuestion(q);
  const { terms: own, corrected } = correctTypos(index, kept, p, opts.correct);
  const competencies = nameCompetencies(q, own, lx, p);
  const N = index.docs.length;
  // Specific words: found in some stories, and not the lexicon's generic vocabulary.
  let found = 0;
  let all = 0;
  let specific = 0;
  const rare: string[] = [];
  for (const { term } of own) {
    const df = (postingsOf(index.postings, term)?.length ?? 0) / 2;
    const w = idf(index, term);
    all += w;
    // A word the notes never use is still understood when the lexicon knows it (it names a competency).
    if (!df) {
      if (lx.allSingles.has(term) || lx.related.has(term)) found += w;
      continue;
    }
    found += w;
    if (lx.allSingles.has(term)) continue;
    specific += w;
    if (df <= Math.max(1, p.rareShare * N)) rare.push(term);
  }
  const ownStems = own.filter((t) => t.source === 'question').map((t) => t.term);
  const pairs = [...new Set(ownStems.slice(1).map((t, i) => ownStems[i] + ' ' + t).filter((pr) => postingsOf(index.pairs, pr)))];
  return {
    question,
    cut,
    kept,
    dropped,
    asks,
    corrected,
    competencies,
    terms: [...own, ...expand(own, competencies, lx, p)],
    pairs,
    rare: [...new Set(rare)],
    specificity: found > 0 ? Math.round((specific / found) * 100) / 100 : 0,
    coverage: all > 0 ? Math.round((found / all) * 100) / 100 : 0,
    ties: findTies(index, q, opts.ties ?? [], p),
  };
}

/** Which signals fusing uses; the benchmark turns each off in turn (ablation). */
export type Signal = keyof Evidence;

/** Stage: score fields. Every story's evidence per signal, each 0..1. */
function scoreFields(index: SearchIndex, plan: QueryPlan, p: SearchParams): { evidence: Evidence[]; hits: string[][] } {
  const N = index.docs.length;
  const lit = new Float64Array(N);
  const exp = new Float64Array(N);
  const hits: string[][] = Array.from({ length: N }, () => []);
  let full = 0;
  for (const { term, weight, source } of plan.terms) {
    const w = weight * idf(index, term);
    const literal = source === 'question' || source === 'typo';
    // Only the question's own words set the scale; expansion words can add to a match but not dilute it.
    if (literal) full += w;
    const list = postingsOf(index.postings, term);
    if (!list) continue;
    const into = literal ? lit : exp;
    for (let k = 0; k < list.length; k += 2) {
      const d = list[k]!;
      into[d]! += w * saturate(list[k + 1]!, p.k1) * (1 + p.k1);
      hits[d]!.push(term);
    }
  }
  // A story that has a word a few times in a good field is a full match: the saturated maximum is never reached.
  const scale = full * (1 + p.k1) * 0.6;
  const phrase = new Float64Array(N);
  for (const pr of plan.pairs) for (const d of postingsOf(index.pairs, pr) ?? []) phrase[d]! += 1 / plan.pairs.length;
  const rare = new Float64Array(N);
  const rareSet = new Set(plan.rare);
  for (const t of rareSet) for (const [k, list] of [[0, postingsOf(index.postings, t)!]] as const) for (let j = k; j < list.length; j += 2) rare[list[j]!]! += 1 / rareSet.size;
  const comps = plan.competencies.map((c) => ({ i: COMPETENCIES.findIndex((x) => x.id === c.id), w: c.weight }));
  const tie = new Map(plan.ties.map((t) => [t.story, t.similarity]));
  const evidence = index.docs.map((doc, d): Evidence => {
    let c = 0;
    for (const { i, w } of comps) c += w * (doc.comp[i] ?? 0);
    return {
      literal: scale > 0 ? Math.min(1, lit[d]! / scale) : 0,
      expansion: scale > 0 ? Math.min(1, exp[d]! / scale) : exp[d]! > 0 ? 1 : 0,
      phrase: phrase[d]!,
      rare: rare[d]!,
      competency: c,
      tie: tie.get(doc.id) ?? 0,
    };
  });
  return { evidence, hits };
}

/**
 * Stage: fuse. Literal evidence first: what expansion words add is capped well below a full literal match; a story
 * holding the question's rare words gets a bonus expansion cannot reach; competency agreement weighs most for a
 * generic question and least for a specific one; a tie the user made is strong evidence. The result is 0..1.
 */
function fuse(e: Evidence, plan: QueryPlan, kind: IndexedDoc['kind'], p: SearchParams, off: ReadonlySet<Signal>): number {
  const on = (s: Signal) => (off.has(s) ? 0 : e[s]);
  const cw = plan.competencies.length && !off.has('competency') ? p.competencyGeneric + (p.competencySpecific - p.competencyGeneric) * plan.specificity : 0;
  const text = Math.min(1, on('literal') + p.expansionCap * on('expansion') + p.phrase * on('phrase'));
  let score = (text + cw * on('competency')) / (1 + cw);
  score = (score + p.rare * on('rare')) / (1 + (plan.rare.length && !off.has('rare') ? p.rare : 0));
  if (plan.asks === 'story' && kind === 'note') score *= p.noteFactor;
  if (plan.asks === 'talking-point' && kind === 'star') score *= p.storyFactor;
  if (plan.ties.length && !off.has('tie')) score = (score + p.tie * on('tie')) / (1 + p.tie);
  return score;
}

/**
 * Rank stories for a planned query; scores are 0..1, best first. `off` turns signals off (for the ablation); `keep`
 * limits the ranking to some stories (coverage of a selection).
 */
export function rank(index: SearchIndex, plan: QueryPlan, limit = 10, overrides: Partial<SearchParams> = {}, off: ReadonlySet<Signal> = new Set(), keep?: (doc: IndexedDoc) => boolean): Match[] {
  const p = searchParams(overrides);
  const { evidence, hits } = scoreFields(index, plan, p);
  const out: { d: number; score: number }[] = [];
  evidence.forEach((e, d) => {
    if (keep && !keep(index.docs[d]!)) return;
    const score = fuse(e, plan, index.docs[d]!.kind, p, off);
    if (score > 0.01) out.push({ d, score: Math.round(score * 1000) / 1000 });
  });
  out.sort((a, b) => b.score - a.score || byCodeUnit(index.docs[a.d]!.id, index.docs[b.d]!.id));
  // Competencies and matched terms only for the results shown.
  return out.slice(0, limit).map(({ d, score }) => ({
    id: index.docs[d]!.id,
    score,
    competencies: storyCompetencyIds(index.docs[d]!),
    terms: [...new Set(hits[d])],
    evidence: evidence[d]!,
  }));
}

/**
 * How sure matching is that the best story answers the question, 0..1: its score, lowered when the question's own
 * words are missing from every story (a question about something the notes never mention).
 */
export function confidence(plan: Pick<QueryPlan, 'coverage'>, matches: readonly Pick<Match, 'score'>[], overrides: Partial<SearchParams> = {}): number {
  const p = searchParams(overrides);
  const top = matches[0]?.score ?? 0;
  return Math.round(top * (1 - p.weakCoverage + p.weakCoverage * plan.coverage) * 1000) / 1000;
}

/** Whether the best match is too weak to call an answer ("no strong match"); one rule for find, coverage, quiz, export. */
export function isWeak(plan: Pick<QueryPlan, 'coverage'>, matches: readonly Pick<Match, 'score'>[], overrides: Partial<SearchParams> = {}): boolean {
  return !matches.length || confidence(plan, matches, overrides) < searchParams(overrides).weakBelow;
}

/** Competencies a story shows clearly enough to be tagged with them (strongest first, at most three). */
export function storyCompetencyIds(doc: IndexedDoc, threshold = 0.45): string[] {
  return doc.comp
    .map((v, i) => ({ v, id: COMPETENCIES[i]!.id, fits: answersKind(COMPETENCIES[i]!, doc.kind) }))
    .filter((x) => x.v >= threshold && x.fits)
    .sort((a, b) => b.v - a.v)
    .slice(0, 3)
    .map((x) => x.id);
}

/**
 * The competencies a story shows, as lexicon ids: the ones its notes name (front matter wins; names outside the
 * lexicon are kept as written), else the ones inferred from its text. Every command uses this one answer.
 */
export function storyCompetencies(story: Story, doc: IndexedDoc): string[] {
  if (story.competencies.length) {
    return [...new Set(story.competencies.map((c) => findCompetency(c, { prefix: false })?.id ?? c))];
  }
  return storyCompetencyIds(doc);
}

/** Notes answer talking-point competencies (strengths, goals); stories answer the behavioral ones. */
export function answersKind(c: Competency, kind: 'star' | 'note'): boolean {
  return (c.answer ?? 'story') === (kind === 'note' ? 'note' : 'story');
}

/** Look up a competency by id or name (case-insensitive); a unique prefix also counts unless `prefix` is false. */
export function findCompetency(name: string, opts: { prefix?: boolean } = {}): Competency | null {
  const k = name.toLowerCase().trim().replace(/[\s_]+/g, '-');
  if (!k) return null;
  const exact = COMPETENCIES.find((c) => c.id === k || c.name.toLowerCase().replace(/\s+/g, '-') === k);
  if (exact || opts.prefix === false) return exact ?? null;
  const byPrefix = COMPETENCIES.filter((c) => c.id.startsWith(k));
  return byPrefix.length === 1 ? byPrefix[0]! : null;
}

/** Plan and rank in one call: the whole pipeline; `weak` says whether even the best match answers the question poorly. */
export function matchQuestion(index: SearchIndex, question: string, opts: MatchOptions = {}): { plan: QueryPlan; matches: Match[]; confidence: number; weak: boolean } {
  const plan = planQuery(index, question, opts);
  const matches = rank(index, plan, opts.limit ?? 10, opts.params);
  return { plan, matches, confidence: confidence(plan, matches, opts.params), weak: isWeak(plan, matches, opts.params) };
}
