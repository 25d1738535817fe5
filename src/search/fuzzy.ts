/** Typo tolerance: fuse.js over the vocabulary of short words (it is built for short strings, not long fields). */
import Fuse from 'fuse.js';
import type { Corrector } from './engine.js';

/** A corrector that keeps one Fuse index per vocabulary list it is given. */
export function makeCorrector(): Corrector {
  let fuse: Fuse<string> | null = null;
  let forVocab: string[] | null = null;
  return (word, vocab) => {
    if (forVocab !== vocab && (!forVocab || forVocab.length !== vocab.length)) {
      // Candidate words have a similar length; Fuse scores edits relative to the pattern.
      fuse = new Fuse(vocab, { includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 3, isCaseSensitive: false });
      forVocab = vocab;
    }
    const res = fuse!.search(word, { limit: 8 });
    return res
      .filter((r) => Math.abs(r.item.length - word.length) <= Math.max(2, Math.floor(word.length / 4)))
      .map((r) => ({ word: r.item, similarity: Math.round((1 - (r.score ?? 0)) * 100) / 100 }))
      .filter((r) => r.similarity >= 0.6)
      .slice(0, 2);
  };
}
