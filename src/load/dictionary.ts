/** The English word list (word-list package), read once and only when a question has a word the stories lack. */
import { readFileSync } from 'node:fs';
// The package's one export is the path of its words.txt (its `exports` map hides the file itself).
import wordListPath from 'word-list';

let list: string | null = null;

/**
 * Whether a lowercase word is an English word; an unreadable list answers false (typo correction then decides).
 * The list (274,000 words) is searched as one string: a lookup or two per question costs far less than a Set.
 */
export function isEnglishWord(word: string): boolean {
  if (list === null) {
    try {
      list = '\n' + readFileSync(wordListPath, 'utf8') + '\n';
    } catch {
      list = '';
    }
  }
  return word.length > 0 && !word.includes('\n') && list.includes('\n' + word + '\n');
}
