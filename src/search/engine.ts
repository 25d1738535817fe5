/**
 * Story search: BM25-style term weighting over weighted fields, interview boilerplate removed, stems, a competency
 * lexicon that bridges the interviewer's words and the story's, and fuse.js for typos in query words. Pure.
 */
import type { Story } from '../story/types.js';
import { COMPETENCIES, type Competency } from './competencies.js';
import { RELATED_GROUPS } from './related.js';
import { readQuestion, stem, STOPWORDS, terms, words } from './text.js';
import { byCodeUnit } from '../story/text.js';

/** Field weights: a word in the title or heading trail says more about a story than one deep in the body. */
export const FIELD_WEIGHTS = {
  title: 3,
  path: 2,
  meta: 2.5,
  summary: 1.5,
  body: 1,
  sections: 0.6,
} as const;

const K1 = 1.2;
const B = 0.5;
/** Weight of competency agreement against plain term overlap. */
const COMPETENCY_WEIGHT = 1.0;
/** Weight of each lexicon word added to a question that names a competency. */
const EXPANSION_WEIGHT = 0.15;
/** Weight of a related word (same group of RELATED_GROUPS) added for a question word. */
const RELATED_WEIGHT = 0.5;
/** Notes (talking points) rank lower for "tell me about a time" questions, which ask for a story. */
const NOTE_FACTOR_FOR_STORY_QUESTIONS = 0.75;

/** Stem -> stems it is related to through RELATED_GROUPS. */
function buildRelated(): Map<string, Set<string>> {
  const related = new Map<string, Set<string>>();
  for (const group of RELATED_GROUPS) {
    // Single words only: a phrase split into words ("push back") would pull in "back" on its own.
    const stems = [...new Set(group.filter((w) => !/\s/.test(w)).flatMap((w) => terms(w)))];
    for (const a of stems) {
      const set = related.get(a) ?? new Set<string>();
      for (const b of stems) if (b !== a) set.add(b);
      related.set(a, set);
    }
  }
  return related;
}

const MONEY = /[$€£¥]\s?\d/;

/** A story's entry in the index. */
export interface IndexedDoc {
  id: string;
  kind: 'star' | 'note';
  len: number;
  /** Affinity to each competency of COMPETENCIES, 0..1, by position. */
  comp: number[];
}

/** The search index over a story collection: serialisable as JSON for the cache. */
export interface SearchIndex {
  docs: IndexedDoc[];
  postings: Record<string, number[]>;
  avgLen: number;
  /** Surface words seen in the stories, for typo correction of query words. */
  vocab: string[];
  /** The stemmed lexicon and related-word table, stored with the cached index so a lookup need not rebuild them. */
  tables?: SearchTables;
}

/** Stemmed forms of the built-in lexicon and related words (depend only on prep's version). */
export interface SearchTables {
  lexicon: { single: string[]; phrases: string[][]; bank: string[][] }[];
  related: Record<string, string[]>;
  /** The lexicon's words as written (3+ letters), for typo checks. */
  surface: string[];
}

/** The lexicon and related words in the form matching uses. */
interface Tables {
  lex: LexEntry[];
  related: Map<string, Set<string>>;
  surface: string[];
}

let builtIn: Tables | null = null;

/** Tables built from the source lists; they are constants of this version, so they are built once per process. */
function builtInTables(): Tables {
  builtIn ??= { lex: buildLexicon(), related: buildRelated(), surface: lexiconSurface() };
  return builtIn;
}

const fromIndex = new WeakMap<SearchIndex, Tables>();

/** Tables from their stored form (in a cached index or the build's search data). */
function fromStored(stored: SearchTables): Tables {
  return {
    lex: stored.lexicon.map((e, comp) => ({ comp, single: new Set(e.single), phrases: e.phrases.map(toPhrase), bank: e.bank.map((b) => new Set(b)) })),
    related: new Map(Object.entries(stored.related).map(([k, v]) => [k, new Set(v)])),
    surface: stored.surface,
  };
}

/** The lexicon's words as written, 3+ letters. */
function lexiconSurface(): string[] {
  return [...new Set(COMPETENCIES.flatMap((c) => [...c.words, c.name].flatMap((w) => words(w))).filter((w) => w.length > 2))];
}

/**
 * Use tables computed ahead of time (by the build, from this same source) instead of stemming the lexicon now.
 * Tables of another shape are ignored.
 */
export function useStoredTables(stored: SearchTables): void {
  if (builtIn || stored?.lexicon?.length !== COMPETENCIES.length) return;
  try {
    builtIn = fromStored(stored);
  } catch {
    // Malformed: the tables are built from the source instead.
  }
}

let fingerprint: string | null = null;

/**
 * A fingerprint of the lexicon, the question bank and the related words, so tables and plans computed ahead of time
 * are used only with the source they were computed from.
 */
export function lexiconFingerprint(): string {
  if (fingerprint === null) {
    const text = JSON.stringify([COMPETENCIES, RELATED_GROUPS, FRAME_WORDS]);
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
    }
    fingerprint = `${text.length.toString(16)}-${h1.toString(16)}-${h2.toString(16)}`;
  }
  return fingerprint;
}

/** The tables for an index: those stored with a cached index (no stemming at start-up), else the built-in ones. */
function tablesFor(index: SearchIndex): Tables {
  let t = fromIndex.get(index);
  if (!t) {
    const stored = index.tables;
    t = stored && stored.lexicon.length === COMPETENCIES.length && Array.isArray(stored.surface) ? fromStored(stored) : builtInTables();
    fromIndex.set(index, t);
  }
  return t;
}

/** The built-in tables in their stored (JSON) form. */
export function exportTables(): SearchTables {
  const { lex, related } = builtInTables();
  return {
    lexicon: lex.map((e) => ({ single: [...e.single], phrases: e.phrases.map((p) => p.words), bank: e.bank.map((b) => [...b]) })),
    related: Object.fromEntries([...related].map(([k, v]) => [k, [...v]])),
    surface: builtInTables().surface,
  };
}

interface LexEntry {
  comp: number;
  single: Set<string>;
  phrases: Phrase[];
  bank: Set<string>[];
}

/** A lexicon phrase as stems, with its first word pair and its text padded for whole-word search. */
interface Phrase {
  words: string[];
  pair: string;
  needle: string;
}

const toPhrase = (words: string[]): Phrase => ({ words, pair: words[0] + ' ' + words[1], needle: ' ' + words.join(' ') + ' ' });

/** Words that carry nothing when comparing a question with the bank's questions (as written, before stemming). */
const BANK_STOP = new Set(['a', 'an', 'the', 'you', 'your', 'yours', 'me', 'i', 'my', 'to', 'of', 'and', 'or', 'in', 'on', 'at', 'for', 'it', 'is', 'are', 'was', 'were', 'be', 'do', 'did', 'have', 'has', 'had', 'that', 'this', 'with', 'tell', 'about', 'time', 'describe', 'give', 'example', 'can', 'could', 'would', 'us', 'something', 'someone']);

/** Words that frame a question rather than say what it is about, on top of the stopwords (stemmed when first used). */
const FRAME_WORDS = ['think', 'handle', 'deal', 'approach', 'use', 'work', 'manage', 'biggest', 'greatest', 'most', 'best', 'make', 'keep', 'feel', 'want', 'go', 'ever', 'usually', 'typically', 'situation', 'example'];
let frameStems: Set<string> | null = null;
const frame = (): Set<string> => (frameStems ??= new Set([...STOPWORDS, ...FRAME_WORDS].map((w) => stem(w))));

/** Stems of a question's words (stopwords kept, so "why ... here" still speaks), for comparing with the bank. */
export function questionWords(q: string): Set<string> {
  return new Set(words(q).filter((w) => !BANK_STOP.has(w)).map(stem));
}

/** The competency lexicon as stems: single-word stems and multi-word phrases. */
function buildLexicon(): LexEntry[] {
  return COMPETENCIES.map((c, comp) => {
    const single = new Set<string>();
    const phrases: Phrase[] = [];
    for (const w of [c.id.replace(/-/g, ' '), c.name, ...c.words]) {
      const t = terms(w);
      // Phrases match as whole word sequences, stopwords included ("took down", "working on").
      if (!/[\s-]/.test(w.trim())) {
        if (t.length === 1) single.add(t[0]!);
      } else {
        const seq = words(w).map(stem);
        if (seq.length > 1) phrases.push(toPhrase(seq));
        else if (t.length === 1) single.add(t[0]!);
      }
    }
    const bank = c.questions.map((q) => questionWords(q));
    return { comp, single, phrases, bank };
  });
}

/** The bank as an inverted index: word -> questions that have it; each question's competency and size. */
interface BankIndex {
  postings: Map<string, number[]>;
  comp: Uint8Array;
  sizes: Uint16Array;
}

const bankIndexCache = new WeakMap<Tables, BankIndex>();

function bankIndex(t: Tables): BankIndex {
  let ix = bankIndexCache.get(t);
  if (!ix) {
    const all = t.lex.flatMap((e) => e.bank.map((b) => ({ comp: e.comp, words: b })));
    const postings = new Map<string, number[]>();
    all.forEach((q, at) => {
      for (const w of q.words) {
        const list = postings.get(w);
        if (list) list.push(at);
        else postings.set(w, [at]);
      }
    });
    ix = { postings, comp: Uint8Array.from(all, (q) => q.comp), sizes: Uint16Array.from(all, (q) => q.words.size) };
    bankIndexCache.set(t, ix);
  }
  return ix;
}

const surfaceCache = new WeakMap<SearchIndex, Set<string>>();

/** Words as written in the stories and the lexicon (the vocabulary typos are corrected against). */
function surfaceWords(index: SearchIndex): Set<string> {
  let set = surfaceCache.get(index);
  if (!set) {
    set = new Set(index.vocab);
    for (const w of tablesFor(index).surface) set.add(w);
    surfaceCache.set(index, set);
  }
  return set;
}

const vocabCache = new WeakMap<SearchIndex, string[]>();

/** Words typos are corrected to, as a list for fuse.js (one per index, built once). */
function vocabulary(index: SearchIndex): string[] {
  let v = vocabCache.get(index);
  if (!v) {
    v = [...surfaceWords(index)];
    vocabCache.set(index, v);
  }
  return v;
}

function storyFields(s: Story): [keyof typeof FIELD_WEIGHTS, string][] {
  return [
    ['title', s.title],
    ['path', s.path.join(' ')],
    ['meta', [...s.competencies, ...s.tags, ...s.questions].join(' ')],
    ['summary', s.summary],
    ['body', [s.situation, s.task, s.action, s.result].join(' ')],
    ['sections', s.sections.map((x) => `${x.name} ${x.text}`).join(' ')],
  ];
}

/** Weighted term frequencies of a story. */
function weightedTerms(s: Story): Map<string, number> {
  const tf = new Map<string, number>();
  for (const [field, text] of storyFields(s)) {
    const w = FIELD_WEIGHTS[field];
    for (const t of terms(text)) tf.set(t, (tf.get(t) ?? 0) + w);
  }
  return tf;
}

const saturate = (tf: number, norm: number): number => tf / (tf + K1 * norm);

/** How strongly a story shows each competency, 0..1; front matter competencies count fully. */
function competencyAffinity(s: Story, tf: Map<string, number>, norm: number): number[] {
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
  return builtInTables().lex.map((lx) => {
    const c = COMPETENCIES[lx.comp]!;
    if (explicit.has(c.id) || explicit.has(c.name.toLowerCase().replace(/\s+/g, '-'))) return 1;
    let body = 0;
    let headHits = 0;
    for (const t of lx.single) {
      const f = tf.get(t);
      if (f) body += saturate(f, norm);
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
    return Math.round((1 - Math.exp(-a)) * 1000) / 1000;
  });
}

/** Build the search index for a collection of stories. */
export function buildIndex(stories: Story[]): SearchIndex {
  const postings: Record<string, number[]> = Object.create(null);
  const vocab = new Set<string>();
  const tfs = stories.map((s) => {
    for (const [, text] of storyFields(s)) for (const w of words(text)) if (w.length > 2) vocab.add(w);
    return weightedTerms(s);
  });
  const lens = tfs.map((tf) => [...tf.values()].reduce((a, b) => a + b, 0));
  const avgLen = lens.reduce((a, b) => a + b, 0) / Math.max(1, lens.length) || 1;
  const docs: IndexedDoc[] = stories.map((s, i) => {
    const norm = 1 - B + (B * lens[i]!) / avgLen;
    return { id: s.id, kind: s.kind, len: Math.round(lens[i]! * 10) / 10, comp: competencyAffinity(s, tfs[i]!, norm) };
  });
  tfs.forEach((tf, i) => {
    for (const [t, f] of tf) (postings[t] ??= []).push(i, Math.round(f * 10) / 10);
  });
  return { docs, postings, avgLen, vocab: [...vocab], tables: exportTables() };
}

/** A typo fixed in a query word. */
export interface Correction {
  from: string;
  to: string;
  similarity: number;
}

/** How a question was read, for `--explain`. */
export interface QueryPlan {
  question: string;
  kept: string[];
  dropped: string[];
  corrected: Correction[];
  competencies: { id: string; name: string; weight: number }[];
  terms: { term: string; weight: number; source: 'question' | 'typo' | 'related' | 'expansion' }[];
  /** True when the question asks for a story ("tell me about a time ..."), not a talking point. */
  storyQuestion: boolean;
}

/** One ranked story. */
export interface Match {
  id: string;
  score: number;
  competencies: string[];
  terms: string[];
}

/** Corrects query words that appear nowhere, using fuse.js over the vocabulary (short strings only). */
export type Corrector = (word: string, vocab: string[]) => { word: string; similarity: number }[];

function idf(index: SearchIndex, t: string): number {
  const n = (index.postings[t]?.length ?? 0) / 2;
  const N = index.docs.length;
  return Math.log(1 + (N - n + 0.5) / (n + 0.5));
}

const INFLECTIONS = ['s', 'es', 'd', 'ed', 'ing', 'er', 'ers', 'ly'];

/**
 * Whether a question word may be a typo: 4+ letters, no digits, and written so nowhere in the stories or the
 * lexicon. A form whose stem is known still counts ("weekness" stems to "week"), unless `isWord` knows it as
 * English ("disagreements" when the notes say "disagree").
 */
function maybeTypo(index: SearchIndex, w: string, isWord?: (w: string) => boolean): boolean {
  if (w.length < 4 || /\d/.test(w)) return false;
  const t = stem(w);
  const stemKnown = index.postings[t] !== undefined || tablesFor(index).lex.some((e) => e.single.has(t));
  if (!stemKnown) return true;
  const known = surfaceWords(index);
  if (known.has(w)) return false;
  // A regular inflection of a word of the notes or the lexicon ("disagreed" / "disagree") is no typo either.
  if (INFLECTIONS.some((x) => (w.endsWith(x) && known.has(w.slice(0, -x.length))) || known.has(w + x))) return false;
  return isWord ? !isWord(w) : true;
}

/** Whether a question has a word that may be a typo (so typo correction is needed); see maybeTypo. */
export function hasUnknownWords(index: SearchIndex, question: string, isWord?: (w: string) => boolean): boolean {
  return readQuestion(question).kept.some((w) => maybeTypo(index, w, isWord));
}

/** Turn a question into weighted terms and competencies. */
export function planQuery(index: SearchIndex, question: string, correct?: Corrector): QueryPlan {
  const { kept, dropped } = readQuestion(question);
  const tables = tablesFor(index);
  const lx = tables.lex;
  const plan: QueryPlan = { question, kept, dropped, corrected: [], competencies: [], terms: [], storyQuestion: false };
  const byTerm = new Map<string, QueryPlan['terms'][number]>();
  const add = (term: string, weight: number, source: QueryPlan['terms'][number]['source']) => {
    const existing = byTerm.get(term);
    if (existing) existing.weight = Math.max(existing.weight, weight);
    else {
      const entry = { term, weight, source };
      byTerm.set(term, entry);
      plan.terms.push(entry);
    }
  };
  for (const w of kept) {
    const t = stem(w);
    if (!correct || !maybeTypo(index, w)) {
      add(t, 1, 'question');
      continue;
    }
    const fixes = correct(w, vocabulary(index)).filter((f) => f.word !== w);
    if (!fixes.length) add(t, 1, 'question');
    for (const f of fixes.slice(0, 2)) {
      plan.corrected.push({ from: w, to: f.word, similarity: f.similarity });
      add(stem(f.word), f.similarity, 'typo');
    }
  }
  // Words related to the question's own words, at a lower weight.
  const rel = tables.related;
  for (const t of plan.terms.filter((x) => x.source !== 'expansion').map((x) => x.term)) {
    for (const r of rel.get(t) ?? []) if (!byTerm.has(r)) add(r, RELATED_WEIGHT, 'related');
  }
  plan.storyQuestion = dropped.some((d) => /\b(time|situation|example|occasion|project)\b/.test(d));
  // Competencies the question names, through single words or whole phrases of the lexicon.
  // Competencies are read from the question's own words (and fixed typos), not from related words.
  const own = plan.terms.filter((x) => x.source === 'question' || x.source === 'typo');
  const qset = new Set(own.map((x) => x.term));
  const qweight = new Map(own.map((x) => [x.term, x.weight]));
  const qstems = words(question).map(stem);
  const qseq = ' ' + qstems.join(' ') + ' ';
  const qpairs = new Set(qstems.slice(1).map((w, i) => qstems[i] + ' ' + w));
  const scores = lx.map((e) => {
    let s = 0;
    for (const t of qset) if (e.single.has(t)) s += qweight.get(t) ?? 1;
    for (const p of e.phrases) if (qpairs.has(p.pair) && qseq.includes(p.needle)) s += 1;
    return s;
  });
  // A question close to one of the bank's questions names that competency, whatever its words.
  const asked = questionWords(question);
  const bank = bankIndex(tables);
  const common = new Uint16Array(bank.sizes.length);
  // Sharing only the question's frame ("how do you think about ...") says nothing: a content word must be shared.
  const shared = new Uint8Array(bank.sizes.length);
  const touched: number[] = [];
  for (const w of asked) {
    const content = !frame().has(w);
    for (const at of bank.postings.get(w) ?? []) {
      if (common[at]!++ === 0) touched.push(at);
      if (content) shared[at] = 1;
    }
  }
  const best = new Float64Array(lx.length);
  for (const at of touched) {
    if (!shared[at]) continue;
    const i = bank.comp[at]!;
    const n = common[at]!;
    best[i] = Math.max(best[i]!, n / Math.max(1, bank.sizes[at]! + asked.size - n));
  }
  best.forEach((b, i) => {
    if (b >= 0.34) scores[i]! += 2 * b;
  });
  const total = scores.reduce((a, b) => a + b, 0);
  if (total > 0) {
    scores.forEach((s, i) => {
      if (s > 0) plan.competencies.push({ id: COMPETENCIES[i]!.id, name: COMPETENCIES[i]!.name, weight: s / total });
    });
    plan.competencies.sort((a, b) => b.weight - a.weight);
    for (const c of plan.competencies.slice(0, 2)) {
      for (const t of lx[COMPETENCIES.findIndex((x) => x.id === c.id)]!.single) if (!qset.has(t)) add(t, EXPANSION_WEIGHT * c.weight, 'expansion');
    }
  }
  return plan;
}

/** Rank stories for a planned query; scores are 0..1, best first. */
export function rank(index: SearchIndex, plan: Pick<QueryPlan, 'terms' | 'competencies' | 'storyQuestion'>, limit = 10): Match[] {
  const N = index.docs.length;
  const lex = new Float64Array(N);
  const hits: string[][] = Array.from({ length: N }, () => []);
  let maxLex = 0;
  for (const { term, weight, source } of plan.terms) {
    const list = index.postings[term];
    const w = weight * idf(index, term);
    // Only the question's own words set the scale; related words can add to a match but not dilute it.
    if (source === 'question' || source === 'typo') maxLex += w;
    if (!list) continue;
    for (let k = 0; k < list.length; k += 2) {
      const d = list[k]!;
      const norm = 1 - B + (B * index.docs[d]!.len) / index.avgLen;
      lex[d]! += w * saturate(list[k + 1]!, norm) * (1 + K1);
      hits[d]!.push(term);
    }
  }
  const compIdx = plan.competencies.map((c) => ({ i: COMPETENCIES.findIndex((x) => x.id === c.id), w: c.weight }));
  const useComp = compIdx.length > 0;
  const out: Match[] = [];
  for (let d = 0; d < N; d++) {
    const l = maxLex > 0 ? Math.min(1, lex[d]! / (maxLex * (1 + K1) * 0.6)) : 0;
    let c = 0;
    for (const { i, w } of compIdx) c += w * (index.docs[d]!.comp[i] ?? 0);
    let score = useComp ? (l + COMPETENCY_WEIGHT * c) / (1 + COMPETENCY_WEIGHT) : l;
    if (plan.storyQuestion && index.docs[d]!.kind === 'note') score *= NOTE_FACTOR_FOR_STORY_QUESTIONS;
    if (score <= 0.01) continue;
    out.push({ id: index.docs[d]!.id, score: Math.round(score * 1000) / 1000, competencies: [], terms: [], doc: d } as Match & { doc: number });
  }
  out.sort((a, b) => b.score - a.score || byCodeUnit(a.id, b.id));
  // Competencies and matched terms only for the results shown.
  return out.slice(0, limit).map((m) => {
    const d = (m as Match & { doc: number }).doc;
    return { id: m.id, score: m.score, competencies: storyCompetencyIds(index.docs[d]!), terms: [...new Set(hits[d])] };
  });
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

/** Plan and rank in one call. */
export function matchQuestion(index: SearchIndex, question: string, opts: { limit?: number; correct?: Corrector } = {}): { plan: QueryPlan; matches: Match[] } {
  const plan = planQuery(index, question, opts.correct);
  return { plan, matches: rank(index, plan, opts.limit ?? 10) };
}
