/**
 * Every tuned number of matching in one place, each with why it is there and the range it was swept over
 * (bench/search-quality.mjs --sweep). `matchQuestion(index, question, { params })` takes overrides, so a benchmark can
 * change one number without editing code; index-time numbers (field weights, b) are given to `buildIndex`.
 */

/** The fields of a story that are scored, each with its own length normalisation (BM25F). */
export type Field = 'title' | 'path' | 'meta' | 'summary' | 'body' | 'sections';

/** The tunables of the matching pipeline. */
export interface SearchParams {
  /** BM25F field weights: a word in the title says more about a story than one deep in the body. */
  fields: Record<Field, number>;
  /** BM25 length normalisation per field (0 = none, 1 = full); range 0.3-0.8. */
  b: number;
  /** BM25 term-frequency saturation; range 0.8-2. */
  k1: number;
  /** Weight of a word related to a question word (RELATED_GROUPS); range 0.2-0.6. */
  related: number;
  /** Weight of each lexicon word added for a competency the question names (times its share); range 0.05-0.3. */
  expansion: number;
  /** Competency agreement against literal evidence for a generic question ("tell me about a conflict"); range 0.5-2. */
  competencyGeneric: number;
  /** The same for a specific question (its own rare words are in the stories); range 0-0.5. */
  competencySpecific: number;
  /** Cap of what expansion words (related, competency) add, as a share of a full literal match; range 0.1-0.5. */
  expansionCap: number;
  /** Bonus share for the question's content words standing side by side in a story (a phrase); range 0-0.5. */
  phrase: number;
  /** Word pairs are indexed for phrases when one of the words is in at most this share of stories; range 0.05-1. */
  phraseShare: number;
  /** Bonus for holding the question's own rare words, so expansion never outranks them; range 0-1. */
  rare: number;
  /** A word is rare when at most this share of the stories has it (and it is not lexicon vocabulary); range 0.1-0.4. */
  rareShare: number;
  /** A bank question this similar (Jaccard of words) to the question names its competency; range 0.25-0.5. */
  bankMin: number;
  /** Weight of a bank-question match against the question's own lexicon words; range 1-3. */
  bank: number;
  /** Notes (talking points) rank lower for "tell me about a time" questions, which ask for a story; range 0.5-1. */
  noteFactor: number;
  /** Stories rank lower for "what is your ..." questions, which ask for a talking point; range 0.5-1. */
  storyFactor: number;
  /** A question tied to a story by the user (front matter, pick mode, --pick) this similar counts; range 0.4-0.8. */
  tieMin: number;
  /** How much a tie adds to its story, times the similarity; range 0.5-2. */
  tie: number;
  /** Below this confidence the best match is called weak ("no strong match"); calibrated on bench/eval/unanswerable. */
  weakBelow: number;
  /** How much missing question words lower the confidence (0 = not at all); calibrated with weakBelow. */
  weakCoverage: number;
  /** Longest question read, in characters (a longer one is cut, with a warning). */
  maxQuestionChars: number;
  /** Longest word typo correction looks at (edit distance is quadratic in length). */
  maxTypoWord: number;
}

/** The defaults, tuned on the tuning and first held-out sets (never on the blind ones). */
export const DEFAULT_SEARCH_PARAMS: SearchParams = {
  fields: { title: 3, path: 2, meta: 2.5, summary: 1.5, body: 1, sections: 1 },
  b: 0.5,
  k1: 1.2,
  related: 0.4,
  expansion: 0.15,
  competencyGeneric: 1,
  competencySpecific: 0.35,
  expansionCap: 0.35,
  phrase: 0.25,
  phraseShare: 0.1,
  rare: 0.05,
  rareShare: 0.25,
  bankMin: 0.34,
  bank: 2,
  noteFactor: 0.75,
  storyFactor: 0.85,
  tieMin: 0.5,
  tie: 1,
  weakBelow: 0.15,
  weakCoverage: 0.5,
  maxQuestionChars: 2000,
  maxTypoWord: 40,
};

/** The defaults with some numbers overridden (field weights merge one by one). */
export function searchParams(overrides: Partial<SearchParams> = {}): SearchParams {
  return { ...DEFAULT_SEARCH_PARAMS, ...overrides, fields: { ...DEFAULT_SEARCH_PARAMS.fields, ...overrides.fields } };
}
