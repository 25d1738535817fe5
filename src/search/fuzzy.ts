/** Typo tolerance: fuse.js over the vocabulary of short words (it is built for short strings, not long fields). */
import Fuse from 'fuse.js';
import type { Corrector } from './engine.js';
import { editDistance } from '../errors.js';

/**
 * A corrector that keeps one Fuse index per vocabulary list it is given. `isWord` tells real words apart from typos:
 * "biggest" is not in your notes but is English, so it is left alone.
 */
export function makeCorrector(isWord: (word: string) => boolean = () => false): Corrector {
  let fuse: Fuse<string> | null = null;
  let forVocab: string[] | null = null;
  return (word, vocab) => {
    if (isWord(word)) return [];
    if (forVocab !== vocab) {
      // Candidate words have a similar length; Fuse scores edits relative to the pattern.
      fuse = new Fuse(vocab, { includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 3, isCaseSensitive: false });
      forVocab = vocab;
    }
    const res = fuse!.search(word, { limit: 8 });
    return res
      // A typo is one or two edits away (a swap of two letters counts once), never a different word.
      .filter((r) => typoDistance(word, r.item) <= (word.length >= 7 ? 2 : 1))
      .map((r) => ({ word: r.item, similarity: Math.round((1 - (r.score ?? 0)) * 100) / 100 }))
      .filter((r) => r.similarity >= 0.6)
      .slice(0, 2);
  };
}

/** Edit distance where swapping two neighbouring letters counts as one edit. */
export function typoDistance(a: string, b: string): number {
  const d = editDistance(a, b);
  if (d < 2 || a.length !== b.length) return d;
  for (let i = 0; i + 1 < a.length; i++) {
    if (a[i] !== b[i]) {
      const swapped = a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2);
      return swapped === b ? 1 : d;
    }
  }
  return d;
}
