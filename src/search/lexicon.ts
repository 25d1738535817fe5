/**
 * The built-in competency lexicon, question bank and related words in the form matching uses: analysed with the same
 * `terms`/`stem` as stories and questions. They are constants of this version, built once per process when first used.
 */
import { COMPETENCIES } from './competencies.js';
import { RELATED_GROUPS } from './related.js';
import { FRAME_WORDS, STOPWORDS, stem, terms, words } from './text.js';

/** A lexicon phrase as stems, with its first word pair and its text padded for whole-word search. */
export interface Phrase {
  words: string[];
  pair: string;
  needle: string;
}

/** One competency as stems: single words, phrases (stopwords kept: "took down") and its bank questions. */
export interface LexEntry {
  comp: number;
  single: Set<string>;
  phrases: Phrase[];
  bank: Set<string>[];
}

/** The bank as an inverted index: word -> questions that have it; each question's competency and size. */
export interface BankIndex {
  postings: Map<string, number[]>;
  comp: Uint8Array;
  sizes: Uint16Array;
}

/** Everything matching reads from the built-in lists. */
export interface Lexicon {
  entries: LexEntry[];
  /** Every single-word stem of the lexicon (vocabulary of competencies, not of any one story). */
  allSingles: Set<string>;
  related: Map<string, Set<string>>;
  bank: BankIndex;
  /** The lexicon's words as written (3+ letters), for typo checks. */
  surface: string[];
}

const toPhrase = (seq: string[]): Phrase => ({ words: seq, pair: seq[0] + ' ' + seq[1], needle: ' ' + seq.join(' ') + ' ' });

/** A question's telling words as stems (stopwords and frame words dropped), for comparing questions with each other. */
export function questionWords(q: string): Set<string> {
  return new Set(words(q).filter((w) => !STOPWORDS.has(w) && !FRAME_WORDS.has(w) && w.length > 1).map(stem));
}

function buildEntries(): LexEntry[] {
  return COMPETENCIES.map((c, comp) => {
    const single = new Set<string>();
    const phrases: Phrase[] = [];
    for (const w of [c.id.replace(/-/g, ' '), c.name, ...c.words]) {
      const t = terms(w);
      // Phrases match as whole word sequences, stopwords included ("took down", "working on").
      if (/[\s-]/.test(w.trim())) {
        const seq = words(w).map(stem);
        if (seq.length > 1) phrases.push(toPhrase(seq));
        else if (t.length === 1) single.add(t[0]!);
      } else if (t.length === 1) single.add(t[0]!);
    }
    return { comp, single, phrases, bank: c.questions.map(questionWords) };
  });
}

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

function buildBank(entries: LexEntry[]): BankIndex {
  const all = entries.flatMap((e) => e.bank.map((b) => ({ comp: e.comp, words: b })));
  const postings = new Map<string, number[]>();
  all.forEach((q, at) => {
    for (const w of q.words) {
      const list = postings.get(w);
      if (list) list.push(at);
      else postings.set(w, [at]);
    }
  });
  return { postings, comp: Uint8Array.from(all, (q) => q.comp), sizes: Uint16Array.from(all, (q) => q.words.size) };
}

let built: Lexicon | null = null;

function assemble(entries: LexEntry[], related: Map<string, Set<string>>, surface: string[]): Lexicon {
  return { entries, allSingles: new Set(entries.flatMap((e) => [...e.single])), related, bank: buildBank(entries), surface };
}

/** The lexicon, built on first use (about 17 ms of stemming, so `find` reuses the copy stored with its cached index). */
export function lexicon(): Lexicon {
  built ??= assemble(
    buildEntries(),
    buildRelated(),
    [...new Set(COMPETENCIES.flatMap((c) => [...c.words, c.name].flatMap((w) => words(w))).filter((w) => w.length > 2))],
  );
  return built;
}

/** The lexicon as JSON-safe data, stored beside a cached index (caches are keyed by the build, so it cannot go stale). */
export interface StoredLexicon {
  entries: { single: string[]; phrases: string[][]; bank: string[][] }[];
  related: [string, string[]][];
  surface: string[];
}

/** The lexicon in its stored form. */
export function toStoredLexicon(): StoredLexicon {
  const lx = lexicon();
  return {
    entries: lx.entries.map((e) => ({ single: [...e.single], phrases: e.phrases.map((p) => p.words), bank: e.bank.map((b) => [...b]) })),
    related: [...lx.related].map(([k, v]) => [k, [...v]]),
    surface: lx.surface,
  };
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((w) => typeof w === 'string');

/** Use a stored lexicon instead of building one; anything of another shape is ignored (and built from source). */
export function useStoredLexicon(stored: unknown): boolean {
  const s = stored as Partial<StoredLexicon> | null;
  const ok =
    !!s &&
    Array.isArray(s.entries) &&
    s.entries.length === COMPETENCIES.length &&
    s.entries.every((e) => e && isStrings(e.single) && Array.isArray(e.phrases) && e.phrases.every((p) => isStrings(p) && p.length > 1) && Array.isArray(e.bank) && e.bank.every(isStrings)) &&
    Array.isArray(s.related) &&
    s.related.every((r) => Array.isArray(r) && typeof r[0] === 'string' && isStrings(r[1])) &&
    isStrings(s.surface);
  if (!ok || built) return ok;
  built = assemble(
    s.entries!.map((e, comp) => ({ comp, single: new Set(e.single), phrases: e.phrases.map(toPhrase), bank: e.bank.map((b) => new Set(b)) })),
    new Map(s.related!.map(([k, v]) => [k, new Set(v)])),
    s.surface!,
  );
  return true;
}
