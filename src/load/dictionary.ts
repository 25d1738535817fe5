/** The English word list (word-list package), read once and only when a question has a word the stories lack. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let list: Buffer | null = null;

/**
 * Whether a lowercase word is an English word; an unreadable list answers false (typo correction then decides).
 * The list (274,000 words, one per line) is searched as raw bytes: no decoding and no Set, so a lookup or two per
 * question cost about a millisecond.
 */
export function isEnglishWord(word: string): boolean {
  if (list === null) {
    try {
      // The package's `exports` map hides words.txt, so it is found beside the package's entry point.
      list = readFileSync(join(dirname(createRequire(import.meta.url).resolve('word-list')), 'words.txt'));
    } catch {
      list = Buffer.alloc(0);
    }
  }
  if (!/^[a-z]+$/.test(word)) return false;
  // One word a line; the first has no newline before it and the last none after it.
  const first = Buffer.from(`${word}\n`, 'latin1');
  const last = Buffer.from(`\n${word}`, 'latin1');
  return (
    list.subarray(0, first.length).equals(first) ||
    list.indexOf(Buffer.from(`\n${word}\n`, 'latin1')) >= 0 ||
    list.subarray(list.length - last.length).equals(last)
  );
}
