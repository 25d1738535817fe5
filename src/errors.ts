/** Typed failures with a stable code and exit code, mapped to a one-line message in one place (cli/main.ts). */

/** Exit codes: 0 ok, 1 failure, 2 usage or bad input, 130 interrupted. */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/** An expected failure: printed as `prep: message` (plus a hint line), never with a stack trace. */
export class PrepError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: number = EXIT.usage,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'PrepError';
  }
}

/** Thrown when the user interrupts (Ctrl-C); not an error, exits 130. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * How many edits still make a misspelling of a word `length` long: one for very short words, then two (a swapped
 * pair of letters costs two), then three from ten letters. The one "close enough" rule of "did you mean" hints.
 */
export function typoBudget(length: number): number {
  return length <= 3 ? 1 : Math.max(2, Math.floor(length * 0.3));
}

/** The candidates closest to `word`, for a "did you mean ...?" hint. */
export function suggestSimilar(word: string, candidates: string[], max = 3): string[] {
  const w = word.toLowerCase();
  return candidates
    .map((c) => ({ c, d: editDistance(w, c.toLowerCase()), sub: c.toLowerCase().includes(w) && w.length >= 3 }))
    .filter((x) => x.sub || x.d <= typoBudget(Math.min(w.length, x.c.length)))
    .sort((a, b) => Number(b.sub) - Number(a.sub) || a.d - b.d)
    .slice(0, max)
    .map((x) => x.c);
}

/** A "did you mean ...?" hint for a misspelt value, or the fallback when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[], fallback?: string): string | undefined {
  const similar = suggestSimilar(word, [...candidates]);
  return similar.length ? `did you mean ${similar.map((s) => `"${s}"`).join(' or ')}?` : fallback;
}
