/** Reduce story text to its bones: points from bullets and sentences, briefs cut at a word, figures marked. Pure. */
import { FIGURE } from '../story/figures.js';

/** A piece of text and whether it is emphasised (a number in a result). */
export interface Run {
  text: string;
  strong: boolean;
}

const BULLET = /^(\s*)(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/;
// A sentence ends at . ! ? followed by a space and something that starts a sentence.
const SENTENCE_END = /(?<=[.!?…])\s+(?=["“'‘(\[]?[\p{Lu}\p{N}])/u;

/** Split prose into sentences, keeping abbreviations like "e.g. the" together (next word lowercase). */
export function toSentences(text: string): string[] {
  return text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface Item {
  text: string;
  children: string[];
}

/** How prose becomes points: one per sentence (STAR parts), or one per paragraph (notes, read as written). */
export type ProseSplit = 'sentences' | 'paragraphs';

/**
 * The top-level points of a STAR part or note: each bullet with its sub-bullets folded in ("Docs: tools; roadmap"),
 * and each sentence (or paragraph) of prose. Order is kept.
 */
export function toPoints(text: string, prose: ProseSplit = 'sentences'): string[] {
  const items: Item[] = [];
  let topIndent: number | null = null;
  let para: string[] = [];
  const flushPara = () => {
    if (para.length) {
      const joined = para.join(' ');
      for (const s of prose === 'sentences' ? toSentences(joined) : [joined]) items.push({ text: s, children: [] });
    }
    para = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (!raw.trim()) {
      flushPara();
      continue;
    }
    const m = BULLET.exec(raw);
    if (m) {
      flushPara();
      const indent = m[1]!.replace(/\t/g, '  ').length;
      const body = m[2]!.trim();
      if (topIndent === null || indent <= topIndent || !items.length) {
        topIndent = topIndent === null ? indent : Math.min(topIndent, indent);
        items.push({ text: body, children: [] });
      } else {
        items[items.length - 1]!.children.push(body);
      }
    } else if (/^\s{2,}\S/.test(raw) && items.length && topIndent !== null && !para.length) {
      // An indented continuation line of the previous bullet.
      const last = items[items.length - 1]!;
      if (last.children.length) last.children[last.children.length - 1] += ` ${raw.trim()}`;
      else last.text += ` ${raw.trim()}`;
    } else {
      para.push(raw.trim());
    }
  }
  flushPara();
  return items.map((it) => {
    if (!it.children.length) return it.text;
    const sep = /[:—–-]$/.test(it.text) ? ' ' : ': ';
    return `${it.text}${sep}${it.children.map((c) => c.replace(/[.;,]$/, '')).join('; ')}`;
  });
}

/** Cut text to at most `max` characters at a word boundary, ending with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if ([...t].length <= max) return t;
  const chars = [...t].slice(0, Math.max(1, max - 1)).join('');
  // Prefer ending at a clause (", " "; " ": " " — ") near the limit, else at the last word.
  const clause = Math.max(...[', ', '; ', ': ', ' — ', ' – ', ' ('].map((c) => chars.lastIndexOf(c)));
  const space = chars.lastIndexOf(' ');
  const end = clause > max * 0.75 ? clause : space > max * 0.6 ? space : chars.length;
  let kept = chars.slice(0, end);
  // Never end on a figure whose unit was cut off ("shipped 1…" of "shipped 1 week later").
  if (/\d[\d.,]*$/.test(kept) && kept.lastIndexOf(' ') > max * 0.5) kept = kept.slice(0, kept.lastIndexOf(' '));
  return `${kept.replace(/[\s,;:—–(\-]+$/u, '')}…`;
}

/**
 * One or two lines from a STAR part: whole points while they fit in `max` characters, the first one shortened if
 * it alone is longer. Points that end a sentence are joined by a space, others by "; ".
 */
export function brief(text: string, max: number): string {
  return briefCapped(text, max).text;
}

/** `brief`, and how many of the text's points it left out entirely (for a "+N more" marker). */
export function briefCapped(text: string, max: number): { text: string; more: number } {
  const points = toPoints(text);
  if (!points.length) return { text: '', more: 0 };
  let out = '';
  for (const [i, p] of points.entries()) {
    const joined = out ? `${out}${/[.!?…:]$/.test(out) ? ' ' : '; '}${p}` : p;
    if ([...joined].length > max) {
      if (!out) return { text: shorten(p, max), more: points.length - 1 };
      // Most of the next point fits: take it, shortened; otherwise stop after the whole points so far.
      const room = max - [...out].length - 2;
      if (room >= [...p].length * 0.7) return { text: shorten(joined, max), more: points.length - i - 1 };
      return { text: `${out}${/[.!?…]$/.test(out) ? '' : ' …'}`, more: points.length - i };
    }
    out = joined;
  }
  return { text: out, more: 0 };
}

/** What a list of points keeps when capped: the kept points (shortened) and how many were left out. */
export interface Capped {
  points: string[];
  more: number;
}

/** Keep at most `max` points, each at most `chars` long, preferring points `prefer` picks; original order kept. */
export function capPoints(points: string[], max: number, chars: number, prefer: (p: string) => boolean = () => false): Capped {
  const keep = new Set<number>();
  points.forEach((p, i) => {
    if (keep.size < max && prefer(p)) keep.add(i);
  });
  for (let i = 0; i < points.length && keep.size < max; i++) keep.add(i);
  return {
    points: points.filter((_, i) => keep.has(i)).map((p) => shorten(p, chars)),
    more: points.length - keep.size,
  };
}

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/** The first `max` words of text, ending with an ellipsis when cut. */
export function firstWords(text: string, max: number): string {
  const words = wordsOf(text);
  if (words.length <= max) return words.join(' ');
  return `${words.slice(0, Math.max(1, max)).join(' ').replace(/[\s,;:—–(\-]+$/u, '')}…`;
}

/**
 * Keep whole points, in order, while they fit in `maxPoints` points and `maxWords` words; a point that only partly
 * fits is cut at a word when most of the room is left for it. Points hiding only a few words are kept anyway, so
 * "+1 more" never hides less than the marker costs.
 */
export function capWords(points: string[], maxPoints: number, maxWords: number): Capped {
  const counts = points.map((p) => wordsOf(p).length);
  const total = counts.reduce((a, n) => a + n, 0);
  // A little over the limit beats a marker that hides a word or two.
  if (points.length <= maxPoints && total <= maxWords + Math.max(4, Math.round(maxWords * 0.15))) return { points: [...points], more: 0 };
  const kept: string[] = [];
  let words = 0;
  for (let i = 0; i < points.length && kept.length < maxPoints; i++) {
    const p = points[i]!;
    const n = counts[i]!;
    if (words + n <= maxWords) {
      kept.push(p);
      words += n;
      continue;
    }
    const room = maxWords - words;
    // Cut the point when a fair part of it fits (or it is the first and alone is over the limit).
    if (room >= 8 || !kept.length) kept.push(firstWords(p, Math.max(room, 8)));
    break;
  }
  return { points: kept, more: points.length - kept.length };
}

/** Split text into runs with its figures ("90%", "3 hours 40 minutes", "$12k", "1,200 rows") marked strong. */
export function emphasiseNumbers(text: string): Run[] {
  const runs: Run[] = [];
  let at = 0;
  // matchAll starts where the shared global regex last stopped (hasFigure leaves it there): start from 0.
  FIGURE.lastIndex = 0;
  for (const m of text.matchAll(FIGURE)) {
    if (m.index! > at) runs.push({ text: text.slice(at, m.index), strong: false });
    runs.push({ text: m[0], strong: true });
    at = m.index! + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), strong: false });
  return runs;
}
