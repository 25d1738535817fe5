import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderStory } from '../../src/cli/commands/show.js';
import { runStats } from '../../src/cli/commands/stats.js';
import { memoryOutput } from '../../src/cli/output.js';
import { makeReview, toHistoryLine } from '../../src/history/review.js';
import { maxOf } from '../../src/story/text.js';
import type { Story } from '../../src/story/types.js';
import { starStory, tempDir, testContext, writeTree } from '../helpers.js';

describe('maxOf', () => {
  it('takes the largest of a million values (Math.max(...values) overflows the stack)', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(maxOf(values, 0)).toBe(values.reduce((a, b) => (b > a ? b : a), 0));
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(maxOf([], 2)).toBe(2);
  });
});

describe('renderStory', () => {
  it('renders a story with 300,000 lines of action without overflowing the stack', () => {
    const action = Array.from({ length: 300_000 }, (_, i) => `- step ${i}`).join('\n');
    const story: Story = {
      id: 'big', title: 'Big', kind: 'star', summary: '', situation: 's', task: 't', action, result: 'r', sections: [],
      path: [], tags: [], competencies: [], questions: [], source: { file: 'big.md', line: 1 }, words: 1, speakingSeconds: 1,
    };
    expect(renderStory(story, memoryOutput(80)).length).toBeGreaterThan(300_000);
  });
});

describe('prep stats table', () => {
  it('widens a column for a big number instead of cutting it (1511 reviews, not "15…")', async () => {
    const dir = writeTree(tempDir(), { 'stories/a.md': starStory('The outage I caused') });
    const history = join(dir, 'h.jsonl');
    const line = toHistoryLine(makeReview({ at: '2026-03-01T09:00:00.000Z', story: 'the-outage-i-caused', question: null, mode: 'log', seconds: 60, target: 120, grade: 'good', cram: false }));
    writeFileSync(history, line.repeat(1511));
    const ctx = testContext(dir, {}, new Date('2026-03-02T10:00:00Z'));
    await runStats(ctx, { stories: ['stories'], history });
    const row = ctx.out.stdout.join('\n').split('\n').find((l) => l.startsWith('The outage I caused'))!;
    expect(row).toMatch(/^The outage I caused\s+1511\s+good/);
  });
});
