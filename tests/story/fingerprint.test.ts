import { describe, expect, it } from 'vitest';
import { fingerprintSimilarity, isFingerprint, storyFingerprint, textFingerprint } from '../../src/story/fingerprint.js';

const story = (over: Partial<Record<'title' | 'situation' | 'action' | 'result', string>> = {}) => ({
  title: over.title ?? 'The misktake I made in the billing migration',
  summary: '',
  situation: over.situation ?? 'We were moving forty thousand customer accounts from the old billing system to the new one over a single weekend.',
  task: 'I owned the data mapping and the cut-over plan for the invoices.',
  action: over.action ?? 'I wrote the mapping scripts, ran three rehearsals on a copy of production, and set up a reconciliation report that compared every balance before and after.',
  result: over.result ?? 'One rehearsal caught a rounding bug that would have overcharged 1,200 customers; the real cut-over finished with zero balance differences.',
  sections: [],
});

describe('storyFingerprint', () => {
  it('is stable, compact and readable back', () => {
    const fp = storyFingerprint(story());
    expect(fp).toBe(storyFingerprint(story()));
    expect(fp).toMatch(/^m1:[0-9a-f]{128}$/);
    expect(isFingerprint(fp)).toBe(true);
    expect(isFingerprint('m2:00')).toBe(false);
  });

  it('stays close through a renamed title and a reworded line, and far from another story', () => {
    const before = storyFingerprint(story());
    const edited = storyFingerprint(story({ title: 'The mistake I made in the billing migration', situation: 'We had to move 40,000 customer accounts from the old billing system to the new one in one weekend.' }));
    const other = textFingerprint('Two teams disagreed about who owned the on-call rota. I set up a meeting, wrote down both positions and we agreed on a rotation that halved the pages per person.');
    expect(fingerprintSimilarity(before, edited)).toBeGreaterThan(0.6);
    expect(fingerprintSimilarity(before, other)).toBeLessThan(0.15);
    expect(fingerprintSimilarity(before, before)).toBe(1);
  });

  it('rates an unreadable fingerprint as nothing alike', () => {
    expect(fingerprintSimilarity('m1:zz', storyFingerprint(story()))).toBe(0);
  });
});
