/** The English word list (word-list package), read once and only when a question has a word the stories lack. */
import { readFileSync } from 'node:fs';
// The package's one export is the path of its words.txt (its `exports` map hides the file itself).
import wordListPath from 'word-list';

let words: Set<string> | null = null;

/** Whether a lowercase word is an English word; an unreadable list answers false (typo correction then decides). */
export function isEnglishWord(word: string): boolean {
  if (!words) {
    try {
      words = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
    } catch {
      words = new Set();
    }
  }
  return words.has(word);
}
