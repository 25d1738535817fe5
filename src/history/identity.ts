/**
 * Which current story each history id belongs to: explicit links first, then, for an id no longer in the notes,
 * a new story whose content is close to what was reviewed (a renamed title, a reworded line). Pure: the history
 * is never rewritten; the mapping is recomputed on every read and applied to the reviews in memory.
 */
import { fingerprintSimilarity } from '../story/fingerprint.js';
import type { LinkEntry, Review } from './review.js';

/** Tuned numbers for following edits, each with its reason. */
export const FOLLOW_EDITS = {
  /**
   * At least half the word pairs in common: a renamed title plus a reworded Situation keeps about 80% of a
   * 200-word story, while two different stories from the same job share well under 20%.
   */
  minSimilarity: 0.5,
  /** Two candidates within this of each other are "equally close" (the estimate is good to about ±0.06): ask. */
  tieMargin: 0.1,
} as const;

/** A history id carried over to a current story, and why. */
export interface Carry {
  from: string;
  to: string;
  /** A link line (the user's `prep history link`, or one prep wrote) or content close enough. */
  via: 'link' | 'content';
  /** Content similarity 0..1 (for `content`; null for a link). */
  similarity: number | null;
  reviews: number;
}

/** History that matches no current story, with the stories it might be (best first). */
export interface Orphan {
  id: string;
  reviews: number;
  last: string;
  /** Close stories; two or more means it could be either, and the user is asked. */
  candidates: { id: string; similarity: number }[];
}

/** Where every history id goes. */
export interface Identities {
  /** The current id for a history id (itself when nothing moved it). */
  resolve(id: string): string;
  carried: Carry[];
  orphans: Orphan[];
}

/** What following edits looks at. */
export interface IdentityInput {
  reviews: readonly Review[];
  links: readonly LinkEntry[];
  /** Ids of the stories loaded now. */
  ids: readonly string[];
  /** The content fingerprint of a current story (computed only when needed). */
  fingerprint: (id: string) => string;
  params?: typeof FOLLOW_EDITS;
}

/**
 * The link from each id: the user's first link, else the first one prep wrote itself (a user may correct prep's
 * link once; `prep history link` refuses a second link of their own).
 */
export function linkTable(links: readonly LinkEntry[]): Map<string, string> {
  const table = new Map<string, string>();
  const byUser = new Set<string>();
  for (const l of links) {
    if (byUser.has(l.from) || (l.auto && table.has(l.from))) continue;
    table.set(l.from, l.to);
    if (!l.auto) byUser.add(l.from);
  }
  return table;
}

/** Follow links from `id` to their end; a cycle (only possible in a hand-edited file) stops where it closes. */
export function followLinks(table: ReadonlyMap<string, string>, id: string): string {
  const seen = new Set([id]);
  let at = id;
  for (let next = table.get(at); next !== undefined && !seen.has(next); next = table.get(at)) {
    seen.add(next);
    at = next;
  }
  return at;
}

/** Map history ids to current stories: links, then content for ids that are gone. */
export function followEdits(input: IdentityInput): Identities {
  const params = input.params ?? FOLLOW_EDITS;
  const table = linkTable(input.links);
  const current = new Set(input.ids);
  const byLinked = new Map<string, Review[]>();
  for (const r of input.reviews) {
    const to = followLinks(table, r.story);
    const list = byLinked.get(to);
    if (list) list.push(r);
    else byLinked.set(to, [r]);
  }
  const moved = new Map<string, string>();
  const carried: Carry[] = [];
  for (const from of new Set(input.reviews.map((r) => r.story))) {
    const to = followLinks(table, from);
    if (to !== from && current.has(to)) carried.push({ from, to, via: 'link', similarity: null, reviews: input.reviews.filter((r) => r.story === from).length });
  }

  // History now without a story, with what was last reviewed under it.
  const gone = [...byLinked].filter(([id]) => !current.has(id));
  const lastAt = (list: readonly Review[]) => list.reduce((m, r) => (r.at > m ? r.at : m), '');
  const firstAt = new Map([...byLinked].filter(([id]) => current.has(id)).map(([id, list]) => [id, list.reduce((m, r) => (r.at < m ? r.at : m), list[0]!.at)]));
  const claims: { from: string; candidates: { id: string; similarity: number }[] }[] = [];
  const orphans: Orphan[] = [];
  for (const [id, list] of gone) {
    const last = lastAt(list);
    // The fingerprint of the latest review that has one (older lines have none).
    let latest: Review | undefined;
    for (const r of list) if (r.fp && (!latest || r.at >= latest.at)) latest = r;
    const fp = latest?.fp;
    // A story can take over history only if its own practice began after that history ended: a rename, then practice.
    const open = fp ? input.ids.filter((sid) => !firstAt.has(sid) || firstAt.get(sid)! > last) : [];
    const candidates = open
      .map((sid) => ({ id: sid, similarity: fingerprintSimilarity(fp!, input.fingerprint(sid)) }))
      .filter((c) => c.similarity >= params.minSimilarity)
      .sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
    const near = candidates.filter((c) => c.similarity > candidates[0]!.similarity - params.tieMargin);
    if (near.length === 1) claims.push({ from: id, candidates });
    else orphans.push({ id, reviews: list.length, last, candidates: near });
  }
  // The closest claims go first; a story already taken leaves the other history for the user to place.
  claims.sort((a, b) => b.candidates[0]!.similarity - a.candidates[0]!.similarity || (a.from < b.from ? -1 : 1));
  const taken = new Set<string>();
  for (const { from, candidates } of claims) {
    const best = candidates[0]!;
    const list = byLinked.get(from)!;
    if (taken.has(best.id)) {
      orphans.push({ id: from, reviews: list.length, last: lastAt(list), candidates });
      continue;
    }
    taken.add(best.id);
    moved.set(from, best.id);
    carried.push({ from, to: best.id, via: 'content', similarity: best.similarity, reviews: list.length });
  }
  orphans.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const resolve = (id: string) => {
    const linked = followLinks(table, id);
    return moved.get(linked) ?? linked;
  };
  return { resolve, carried, orphans };
}

/** The reviews with every story id replaced by the current one (new objects; unchanged reviews kept as they are). */
export function remapReviews(reviews: readonly Review[], ids: Identities): Review[] {
  return reviews.map((r) => {
    const to = ids.resolve(r.story);
    return to === r.story ? r : { ...r, story: to };
  });
}
