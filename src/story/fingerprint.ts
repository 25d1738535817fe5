/**
 * A story's content fingerprint: a b-bit MinHash of its word pairs, stored with each review so that history can
 * follow a story through a renamed title or a reworded line. Pure and stable across versions of the parser's ids.
 */
import type { Story } from './types.js';
import { splitWords } from './text.js';

/** The fingerprint scheme this code writes; a line with another scheme is not compared (and is skipped as unknown). */
export const FINGERPRINT_SCHEME = 'm1';

/** Tuned numbers of the fingerprint, each with its reason. */
export const FINGERPRINT_PARAMS = {
  /** 64 hash slots: the similarity estimate is within about ±0.06 of the true overlap, enough to tell an edit from another story. */
  slots: 64,
  /** Word pairs, not single words: stories about the same job share many words but few pairs. */
  shingle: 2,
} as const;

const HEX = new RegExp(`^${FINGERPRINT_SCHEME}:[0-9a-f]{${FINGERPRINT_PARAMS.slots * 2}}$`);

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the output, so one base hash gives many independent ones. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS: readonly number[] = Array.from({ length: FINGERPRINT_PARAMS.slots }, (_, i) => mix(Math.imul(i + 1, 0x9e3779b9)));

/** The text a fingerprint is taken over: everything the user wrote for the story. */
function storyText(story: Pick<Story, 'title' | 'summary' | 'situation' | 'task' | 'action' | 'result' | 'sections'>): string {
  return [story.title, story.summary, story.situation, story.task, story.action, story.result, ...story.sections.map((s) => `${s.name} ${s.text}`)].join('\n');
}

/** The set of word shingles of a text (lowercased word pairs; a single word when that is all there is). */
export function shingles(text: string): Set<string> {
  const words = splitWords(text.toLowerCase());
  const n = FINGERPRINT_PARAMS.shingle;
  const out = new Set<string>();
  if (words.length < n) {
    if (words.length) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/** The fingerprint of a text: `m1:` and one byte per slot in hex (the low byte of that slot's minimum hash). */
export function textFingerprint(text: string): string {
  const mins = new Array<number>(FINGERPRINT_PARAMS.slots).fill(0xffffffff);
  for (const s of shingles(text)) {
    const base = fnv1a(s);
    for (let i = 0; i < mins.length; i++) {
      const h = mix(base ^ SEEDS[i]!);
      if (h < mins[i]!) mins[i] = h;
    }
  }
  return `${FINGERPRINT_SCHEME}:${mins.map((m) => (m & 0xff).toString(16).padStart(2, '0')).join('')}`;
}

/** The fingerprint of a story's content. */
export function storyFingerprint(story: Pick<Story, 'title' | 'summary' | 'situation' | 'task' | 'action' | 'result' | 'sections'>): string {
  return textFingerprint(storyText(story));
}

/** Whether a string is a fingerprint this version can compare. */
export function isFingerprint(value: unknown): value is string {
  return typeof value === 'string' && HEX.test(value);
}

/**
 * How alike two fingerprints' texts are, 0..1: the estimated share of word pairs they have in common (Jaccard).
 * With one byte per slot, unrelated texts agree by chance on 1 slot in 256; the estimate takes that out.
 */
export function fingerprintSimilarity(a: string, b: string): number {
  if (!isFingerprint(a) || !isFingerprint(b)) return 0;
  let same = 0;
  for (let i = FINGERPRINT_SCHEME.length + 1; i < a.length; i += 2) if (a[i] === b[i] && a[i + 1] === b[i + 1]) same++;
  const chance = 1 / 256;
  const j = (same / FINGERPRINT_PARAMS.slots - chance) / (1 - chance);
  return Math.max(0, Math.min(1, j));
}
