/** The text of story files already found by `loadStories`, for findings that point inside a story (coaching lines). */
import { readFileSync } from 'node:fs';
import type { StoryFile } from './read-stories.js';

/** A lookup from a file's display path to its text; an unreadable file gives undefined (its findings keep the story's line). */
export function storyTexts(files: readonly StoryFile[]): (display: string) => string | undefined {
  const byDisplay = new Map(files.map((f) => [f.display, f.path]));
  const texts = new Map<string, string | undefined>();
  return (display) => {
    if (!texts.has(display)) {
      const path = byDisplay.get(display);
      let text: string | undefined;
      try {
        text = path === undefined ? undefined : readFileSync(path, 'utf8');
      } catch {
        text = undefined;
      }
      texts.set(display, text);
    }
    return texts.get(display);
  };
}
