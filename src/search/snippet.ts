/** The line of a story that best explains a match, with the matched words marked. */
import type { Story } from '../story/types.js';
import { stem, words } from './text.js';

/** A snippet as plain text plus the character ranges of matched words. */
export interface Snippet {
  text: string;
  field: string;
  marks: [number, number][];
}

/** Fields of a story that matched any of the stems. */
export function matchedFields(s: Story, stems: Set<string>): string[] {
  const fields: [string, string][] = [
    ['title', s.title], ['path', s.path.join(' ')], ['tags', [...s.tags, ...s.competencies, ...s.questions].join(' ')],
    ['summary', s.summary], ['situation', s.situation], ['task', s.task], ['action', s.action], ['result', s.result],
    ...s.sections.map((x): [string, string] => [x.name, x.text]),
  ];
  return fields.filter(([, text]) => words(text).some((w) => stems.has(stem(w)))).map(([f]) => f);
}

/** Pick the sentence or line with the most matched stems, cut to `width` around the first mark. */
export function bestSnippet(s: Story, stems: Set<string>, width = 110): Snippet {
  const candidates: [string, string][] = [];
  const add = (field: string, text: string) => {
    for (const line of text.split('\n')) {
      for (const sentence of line.replace(/^\s*- /, '').split(/(?<=[.!?])\s+/)) if (sentence.trim()) candidates.push([field, sentence.trim()]);
    }
  };
  add('summary', s.summary);
  add('situation', s.situation);
  add('task', s.task);
  add('action', s.action);
  add('result', s.result);
  for (const x of s.sections) add(x.name, x.text);
  let best: [string, string] = candidates[0] ?? ['title', s.title];
  let bestScore = -1;
  for (const c of candidates) {
    const ws = words(c[1]);
    const hit = new Set(ws.map(stem).filter((t) => stems.has(t))).size;
    const score = hit - ws.length / 1000;
    if (hit > 0 && score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  let text = best[1];
  const marks = (t: string): [number, number][] => {
    const out: [number, number][] = [];
    for (const m of t.matchAll(/[\p{L}\p{N}][\p{L}\p{N}+#]*/gu)) {
      const w = m[0].toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      if (stems.has(stem(w))) out.push([m.index!, m.index! + m[0].length]);
    }
    return out;
  };
  let found = marks(text);
  if (text.length > width) {
    const first = found[0]?.[0] ?? 0;
    const start = Math.max(0, Math.min(first - 30, text.length - width));
    text = (start > 0 ? '…' : '') + text.slice(start, start + width - 1).trimEnd() + (start + width - 1 < text.length ? '…' : '');
    found = marks(text);
  }
  return { text, field: best[0], marks: found };
}
