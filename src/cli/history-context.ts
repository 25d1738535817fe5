/** The review history as commands see it: read, with ids moved to the current stories (links and edits followed). */
import type { Story } from '../story/types.js';
import type { ParsedHistory, Review } from '../history/review.js';
import type { Identities } from '../history/identity.js';
import type { Context } from './context.js';

/** The history of the loaded stories: `reviews` carry current ids, `raw` the ids as written. */
export interface StoryHistory extends ParsedHistory {
  file: string;
  raw: Review[];
  identities: Identities;
  /** Content fingerprint of a loaded story, computed once per story on first use. */
  fingerprint(id: string): string;
}

/**
 * Open the history for the loaded stories and follow edits: a story renamed or reworded keeps its reviews, and
 * each such carry is said in one line on stderr (until a review under the new id writes the link down).
 */
export async function openStoryHistory(ctx: Context, flag: string | undefined, loaded: { stories: readonly Story[]; files: readonly { path: string }[] }, { notices = true } = {}): Promise<StoryHistory> {
  const { openHistory } = await import('../history/log-file.js');
  const { followEdits, remapReviews } = await import('../history/identity.js');
  const { storyFingerprint } = await import('../story/fingerprint.js');
  const history = openHistory(ctx, flag, loaded.files);
  const byId = new Map(loaded.stories.map((s) => [s.id, s]));
  const prints = new Map<string, string>();
  const fingerprint = (id: string) => {
    let fp = prints.get(id);
    if (fp === undefined) prints.set(id, (fp = byId.has(id) ? storyFingerprint(byId.get(id)!) : ''));
    return fp;
  };
  const identities = followEdits({ reviews: history.reviews, links: history.links, ids: [...byId.keys()], fingerprint });
  if (notices) {
    for (const c of identities.carried.filter((x) => x.via === 'content')) {
      const n = `${c.reviews} review${c.reviews === 1 ? '' : 's'}`;
      ctx.out.err(`prep: ${ctx.out.c.cyan('note')}: the history of "${c.from}" (${n}) now follows "${c.to}": same story, edited (${Math.round(c.similarity! * 100)}% alike)`);
    }
  }
  return { ...history, raw: history.reviews, reviews: remapReviews(history.reviews, identities), identities, fingerprint };
}

/**
 * Before a review of `storyId` is appended: write down each edit its history was followed through by content, as a
 * link line, so the carry no longer depends on the content staying close.
 */
export async function recordCarries(history: StoryHistory, storyId: string, at: Date): Promise<void> {
  const { appendReview } = await import('../history/log-file.js');
  const { makeLink } = await import('../history/review.js');
  for (const c of history.identities.carried.filter((x) => x.via === 'content' && x.to === storyId)) {
    appendReview(history.file, makeLink({ at: at.toISOString(), from: c.from, to: c.to, auto: true }));
    history.links.push(makeLink({ at: at.toISOString(), from: c.from, to: c.to, auto: true }));
  }
  history.identities.carried = history.identities.carried.map((c) => (c.via === 'content' && c.to === storyId ? { ...c, via: 'link' as const } : c));
}
