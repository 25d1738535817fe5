import { describe, expect, it } from 'vitest';
import { followEdits, linkTable, remapReviews } from '../../src/history/identity.js';
import { makeLink, makeReview, type Review } from '../../src/history/review.js';
import { textFingerprint } from '../../src/story/fingerprint.js';

const TEXT = {
  billing: 'We moved forty thousand customer accounts to the new billing system over one weekend; I wrote the mapping scripts, rehearsed three times and reconciled every balance.',
  oncall: 'Two teams disagreed about who owned the on-call rota; I wrote down both positions and we agreed on a rotation that halved the pages per person.',
  launch: 'The launch date was fixed and we were two weeks behind, so I cut the export feature, told the customers early and shipped on the day.',
};
const fp = (t: string) => textFingerprint(t);
const review = (story: string, at: string, text?: string): Review => makeReview({ at, story, question: null, mode: 'log', seconds: null, target: 120, grade: 'good', cram: false, ...(text ? { fp: fp(text) } : {}) });

describe('followEdits', () => {
  it('carries the history of a gone id to the one new story whose content is close', () => {
    const reviews = [review('misktake', '2026-03-01T10:00:00Z', TEXT.billing)];
    const prints: Record<string, string> = { mistake: fp(TEXT.billing.replace('forty thousand', '40,000')), 'on-call': fp(TEXT.oncall) };
    const ids = followEdits({ reviews, links: [], ids: Object.keys(prints), fingerprint: (id) => prints[id]! });
    expect(ids.carried).toEqual([{ from: 'misktake', to: 'mistake', via: 'content', similarity: expect.any(Number), reviews: 1 }]);
    expect(ids.carried[0]!.similarity).toBeGreaterThan(0.5);
    expect(ids.orphans).toEqual([]);
    expect(remapReviews(reviews, ids)[0]!.story).toBe('mistake');
  });

  it('carries nothing when two new stories are equally close, and lists both for the user', () => {
    const reviews = [review('old', '2026-03-01T10:00:00Z', TEXT.billing)];
    const prints: Record<string, string> = { a: fp(TEXT.billing), b: fp(TEXT.billing) };
    const ids = followEdits({ reviews, links: [], ids: ['a', 'b'], fingerprint: (id) => prints[id]! });
    expect(ids.carried).toEqual([]);
    expect(ids.orphans).toMatchObject([{ id: 'old', reviews: 1, candidates: [{ id: 'a' }, { id: 'b' }] }]);
    expect(ids.resolve('old')).toBe('old');
  });

  it('never gives history to a story practised before that history ended, or to an unlike one', () => {
    const reviews = [review('launch', '2026-02-01T10:00:00Z', TEXT.launch), review('old', '2026-03-01T10:00:00Z', TEXT.billing)];
    const prints: Record<string, string> = { launch: fp(TEXT.billing), oncall: fp(TEXT.oncall) };
    const ids = followEdits({ reviews, links: [], ids: ['launch', 'oncall'], fingerprint: (id) => prints[id]! });
    expect(ids.carried).toEqual([]);
    expect(ids.orphans).toMatchObject([{ id: 'old', candidates: [] }]);
  });

  it('follows link lines first, a user link over one prep wrote, and stops at a cycle', () => {
    const at = '2026-03-01T10:00:00Z';
    const links = [makeLink({ at, from: 'x', to: 'auto-target', auto: true }), makeLink({ at, from: 'x', to: 'user-target' }), makeLink({ at, from: 'x', to: 'ignored' })];
    expect(linkTable(links).get('x')).toBe('user-target');
    const ids = followEdits({ reviews: [review('x', at)], links, ids: ['user-target'], fingerprint: () => '' });
    expect(ids.carried).toEqual([{ from: 'x', to: 'user-target', via: 'link', similarity: null, reviews: 1 }]);
    const loop = followEdits({ reviews: [review('p', at)], links: [makeLink({ at, from: 'p', to: 'q' }), makeLink({ at, from: 'q', to: 'p' })], ids: [], fingerprint: () => '' });
    expect(loop.orphans.map((o) => o.id)).toEqual(['q']);
  });
});
