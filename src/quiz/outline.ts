/** The compact STAR outline revealed after an answer: one or two lines per part, empty parts flagged. Pure. */
import type { ChalkInstance } from 'chalk';
import { STAR_PARTS, type Story } from '../story/types.js';
import { formatDuration, truncate, wrapText } from '../story/text.js';

/** Flatten markdown-ish text to one line: bullets joined with "; ", whitespace squeezed. */
export function flatten(text: string): string {
  const parts = text
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim())
    .filter(Boolean);
  // Bullets that end a sentence already separate themselves; the others get a semicolon.
  return parts
    .map((p, i) => (i < parts.length - 1 && !/[.!?;:]$/.test(p) ? `${p};` : p))
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** At most `max` lines of `text` wrapped to `width` after `indent`, ending in "…" when text was left out. */
function clip(text: string, width: number, indent: string, max: number): string[] {
  const lines = wrapText(text, width, indent).map((l) => truncate(l, width));
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  const last = kept[max - 1]!;
  kept[max - 1] = last.length + 2 <= width ? `${last} …` : truncate(last, last.length - 1);
  return kept;
}

/** Outline lines for a story, at most `width` columns wide. */
export function renderOutline(story: Story, width: number, c: ChalkInstance): string[] {
  const w = Math.max(20, width);
  const lines = [c.bold.cyan(truncate(story.title, w)), c.dim(truncate(`${story.kind === 'note' ? 'note' : 'story'} · ~${formatDuration(story.speakingSeconds)} to tell · ${story.source.file}:${story.source.line}`, w))];
  if (story.kind === 'note') {
    const body = story.summary || story.sections.map((s) => s.text).join('\n');
    const points = body.split('\n').map((l) => l.trim()).filter(Boolean);
    for (const p of points.slice(0, 4)) lines.push(...clip(flatten(p), w, '  ', 2));
    if (points.length > 4) lines.push(c.dim(`  … ${points.length - 4} more`));
    if (!points.length) lines.push(c.yellow('  (empty note)'));
    return lines;
  }
  const letters = { situation: 'S', task: 'T', action: 'A', result: 'R' } as const;
  for (const part of STAR_PARTS) {
    const text = flatten(story[part]);
    const label = c.bold(letters[part]) + ' ';
    if (!text) {
      lines.push(label + c.yellow(truncate(`(empty: add the ${part})`, w - 2)));
      continue;
    }
    const body = clip(text, w, '  ', part === 'action' ? 3 : 2);
    lines.push(label + body[0]!.slice(2), ...body.slice(1));
  }
  return lines;
}
