/** The English word list (word-list package), read once and only when a question has a word the stories lack. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let words: Set<string> | null = null;

/** Whether a lowercase word is an English word; an unreadable list answers false (typo correction then decides). */
export function isEnglishWord(word: string): boolean {
  if (!words) {
    try {
      const path = createRequire(import.meta.url).resolve('word-list/words.txt');
      words = new Set(readFileSync(path, 'utf8').split('\n'));
    } catch {
      words = new Set();
    }
  }
  return words.has(word);
}
