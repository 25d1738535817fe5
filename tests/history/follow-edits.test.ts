import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/commands/check.js';
import { runHistoryLink } from '../../src/cli/commands/history.js';
import { runLog } from '../../src/cli/commands/log.js';
import { runStats } from '../../src/cli/commands/stats.js';
import { starStory, tempDir, testContext, writeTree } from '../helpers.js';

const DAY1 = new Date('2026-03-02T10:00:00Z');
const DAY2 = new Date('2026-03-09T10:00:00Z');

const BILLING = {
  situation: 'We were moving forty thousand customer accounts from the old billing system to the new one over a single weekend.',
  task: 'I owned the data mapping and the cut-over plan for the invoices.',
  action: 'I wrote the mapping scripts, ran three rehearsals on a copy of production, and set up a reconciliation report that compared every balance.',
  result: 'A rehearsal caught a rounding bug that would have overcharged 1,200 customers; the cut-over ended with zero differences.',
};
const ONCALL = {
  situation: 'Two teams disagreed about who owned the on-call rota after the reorganisation.',
  task: 'Get an agreement before the next holiday season.',
  action: 'I wrote down both positions, ran one meeting with the two leads and proposed a shared rotation.',
  result: 'Pages per person halved within a month.',
};

const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

/** Notes with a misspelt billing story, practised twice; then the title fixed and the Situation reworded. */
function renamedNotes() {
  const dir = writeTree(tempDir(), { 'stories/billing.md': starStory('The misktake in the billing migration', BILLING), 'stories/oncall.md': starStory('Sharing the on-call rota', ONCALL) });
  return { dir, history: join(dir, 'h.jsonl') };
}

function edit(dir: string) {
  writeFileSync(join(dir, 'stories/billing.md'), starStory('The mistake in the billing migration', { ...BILLING, situation: 'We had to move 40,000 customer accounts from the old billing system to the new one in one weekend.' }));
}

describe('history that follows an edited story', () => {
  it('keeps reviews, due date and stats through a renamed title and a reworded line, and says so in one line', async () => {
    const { dir, history } = renamedNotes();
    await runLog(testContext(dir, {}, DAY1), ['misktake'], { stories: ['stories'], history, grade: 'good', seconds: '1:40' });
    const statsBefore = testContext(dir, {}, DAY1);
    await runStats(statsBefore, { stories: ['stories'], history, json: true });
    const before = JSON.parse(statsBefore.out.stdout.join('\n')).stories.find((s: { id: string }) => s.id === 'the-misktake-in-the-billing-migration');
    expect(lines(history)[0].fp).toMatch(/^m1:/);

    edit(dir);
    const ctx = testContext(dir, {}, DAY1);
    await runStats(ctx, { stories: ['stories'], history, json: true });
    const after = JSON.parse(ctx.out.stdout.join('\n'));
    const row = after.stories.find((s: { id: string }) => s.id === 'the-mistake-in-the-billing-migration');
    expect(row).toMatchObject({ exists: true, reviews: 1, lastGrade: 'good', lastSeconds: 100, due: before.due, recall: before.recall });
    expect(after.stories.some((s: { id: string }) => s.id === 'the-misktake-in-the-billing-migration')).toBe(false);
    expect(after.history.followed).toEqual([{ from: 'the-misktake-in-the-billing-migration', to: 'the-mistake-in-the-billing-migration', via: 'content', similarity: expect.any(Number) }]);

    const text = testContext(dir, {}, DAY1);
    await runStats(text, { stories: ['stories'], history });
    expect(text.out.stderr).toEqual([expect.stringMatching(/^prep: note: the history of "the-misktake-in-the-billing-migration" \(1 review\) now follows "the-mistake-in-the-billing-migration": same story, edited \(\d+% alike\)$/)]);
    expect(text.out.stdout.join('\n')).not.toMatch(/not in these notes|deleted/);
  });

  it('writes the carry down as a link line when the story is next practised, so it holds from then on', async () => {
    const { dir, history } = renamedNotes();
    await runLog(testContext(dir, {}, DAY1), ['misktake'], { stories: ['stories'], history, grade: 'good' });
    edit(dir);
    await runLog(testContext(dir, {}, DAY2), ['mistake'], { stories: ['stories'], history, grade: 'hard' });
    expect(lines(history).map((l) => l.type ?? l.grade)).toEqual(['good', 'link', 'hard']);
    expect(lines(history)[1]).toEqual({ v: 1, type: 'link', at: DAY2.toISOString(), from: 'the-misktake-in-the-billing-migration', to: 'the-mistake-in-the-billing-migration', auto: true });
    const ctx = testContext(dir, {}, DAY2);
    await runStats(ctx, { stories: ['stories'], history, json: true });
    expect(JSON.parse(ctx.out.stdout.join('\n')).stories[0]).toMatchObject({ id: 'the-mistake-in-the-billing-migration', reviews: 2 });
    expect(ctx.out.stderr).toEqual([]);
  });

  it('check warns about history that matches no story, with the command that ties it, and `history link` does', async () => {
    const { dir, history } = renamedNotes();
    await runLog(testContext(dir, {}, DAY1), ['misktake'], { stories: ['stories'], history, grade: 'good' });
    // Rewritten beyond recognition: no content match, so the user is asked.
    writeFileSync(join(dir, 'stories/billing.md'), starStory('Billing cut-over', { situation: 'Invoices.', task: 'Move them.', action: 'Scripts.', result: 'Done in 2 days.' }));
    const check = testContext(dir, {}, DAY1);
    await runCheck(check, { stories: ['stories'], history });
    expect(check.out.stdout.join('\n')).toContain('the history of "the-misktake-in-the-billing-migration" (1 review, last 2026-03-02) matches no story in these notes; if that story was renamed: prep history link the-misktake-in-the-billing-migration NEW-ID');

    const link = testContext(dir, {}, DAY2);
    expect(await runHistoryLink(link, 'the-misktake-in-the-billing-migration', ['billing', 'cut-over'], { stories: ['stories'], history })).toBe(0);
    expect(link.out.stdout[0]).toBe('linked "the-misktake-in-the-billing-migration" → "billing-cut-over": 1 review now count for "Billing cut-over"');
    const recheck = testContext(dir, {}, DAY2);
    await runCheck(recheck, { stories: ['stories'], history });
    expect(recheck.out.stdout.join('\n')).not.toContain('history');
  });

  it('refuses a link for an unknown id, an id already linked, a live story, or a cycle (exit 2, nothing written)', async () => {
    const { dir, history } = renamedNotes();
    const at = DAY1.toISOString();
    writeFileSync(
      history,
      [
        { v: 1, at, story: 'gone', question: null, mode: 'log', seconds: null, target: 120, grade: 'good', cram: false },
        { v: 1, at, story: 'linked-once', question: null, mode: 'log', seconds: null, target: 120, grade: 'good', cram: false },
        { v: 1, type: 'link', at, from: 'linked-once', to: 'sharing-the-on-call-rota' },
        { v: 1, type: 'link', at, from: 'sharing-the-on-call-rota', to: 'gone' },
      ]
        .map((l) => JSON.stringify(l) + '\n')
        .join(''),
    );
    const before = readFileSync(history, 'utf8');
    const fail = (old: string, to: string) => runHistoryLink(testContext(dir, {}, DAY1), old, [to], { stories: ['stories'], history }).catch((e) => e);
    expect(await fail('gnoe', 'sharing-the-on-call-rota')).toMatchObject({ code: 'history.unknown-id', exitCode: 2, message: expect.stringContaining('no history for "gnoe"'), hint: 'did you mean "gone"?' });
    expect(await fail('linked-once', 'the-misktake-in-the-billing-migration')).toMatchObject({ code: 'history.already-linked', exitCode: 2, message: '"linked-once" is already linked to "sharing-the-on-call-rota"' });
    expect(await fail('sharing-the-on-call-rota', 'the-misktake-in-the-billing-migration')).toMatchObject({ code: 'history.link-live', exitCode: 2 });
    expect(await fail('gone', 'sharing-the-on-call-rota')).toMatchObject({ code: 'history.link-cycle', exitCode: 2 });
    expect(await fail('gone', 'no-such-story')).toMatchObject({ code: 'story.unknown', exitCode: 2 });
    expect(readFileSync(history, 'utf8')).toBe(before);
  });

  it('check asks when two stories are equally close to an orphaned history, and carries nothing', async () => {
    const { dir, history } = renamedNotes();
    await runLog(testContext(dir, {}, DAY1), ['misktake'], { stories: ['stories'], history, grade: 'good' });
    writeFileSync(join(dir, 'stories/billing.md'), starStory('Billing migration, part one', BILLING) + '\n' + starStory('Billing migration, part two', BILLING));
    const stats = testContext(dir, {}, DAY1);
    await runStats(stats, { stories: ['stories'], history, json: true });
    expect(JSON.parse(stats.out.stdout.join('\n')).history.followed).toEqual([]);
    const check = testContext(dir, {}, DAY1);
    await runCheck(check, { stories: ['stories'], history });
    expect(check.out.stdout.join('\n')).toMatch(/is as close to "billing-migration-part-one" \(\d+%\) or "billing-migration-part-two" \(\d+%\); say which story it is: prep history link the-misktake-in-the-billing-migration billing-migration-part-one/);
  });

  it('skips a line with an unknown mode or fingerprint with a warning naming the line', async () => {
    const { dir, history } = renamedNotes();
    const at = DAY1.toISOString();
    const base = { v: 1, at, story: 'sharing-the-on-call-rota', question: null, seconds: null, target: 120, grade: 'good', cram: false };
    writeFileSync(history, [{ ...base, mode: 'log' }, { ...base, mode: 'sing' }, { ...base, mode: 'log', fp: 'm9:abc' }].map((l) => JSON.stringify(l) + '\n').join(''));
    const ctx = testContext(dir, {}, DAY1);
    await runStats(ctx, { stories: ['stories'], history, json: true });
    expect(JSON.parse(ctx.out.stdout.join('\n')).history).toMatchObject({ reviews: 1, skippedLines: [2, 3] });
    expect(ctx.out.stderr).toEqual([`prep: warning: ${history}:2: skipped a history line: unknown mode "sing"`, `prep: warning: ${history}:3: skipped a history line: unknown fingerprint "m9:abc"`]);
  });
});

describe('id: in front matter', () => {
  it('pins a story id through any title change', async () => {
    const dir = writeTree(tempDir(), { 'stories/billing.md': `---\nid: billing\n---\n\n${starStory('The misktake in the billing migration', BILLING)}` });
    const history = join(dir, 'h.jsonl');
    await runLog(testContext(dir, {}, DAY1), ['billing'], { stories: ['stories'], history, grade: 'good' });
    writeFileSync(join(dir, 'stories/billing.md'), `---\nid: billing\n---\n\n${starStory('Something else entirely', ONCALL)}`);
    const ctx = testContext(dir, {}, DAY1);
    await runStats(ctx, { stories: ['stories'], history, json: true });
    const json = JSON.parse(ctx.out.stdout.join('\n'));
    expect(lines(history)[0].story).toBe('billing');
    expect(json.stories).toMatchObject([{ id: 'billing', title: 'Something else entirely', reviews: 1 }]);
    expect(json.history.followed).toEqual([]);
  });
});
