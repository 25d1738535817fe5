import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLog } from '../../src/cli/commands/log.js';
import { runQuiz } from '../../src/cli/commands/quiz.js';
import { PrepError } from '../../src/errors.js';
import { runStats } from '../../src/cli/commands/stats.js';
import { starStory, tempDir, testContext, writeTree } from '../helpers.js';

const NOW = new Date('2026-03-02T10:00:00Z');

function notes(): string {
  return writeTree(tempDir(), {
    'stories/a.md': starStory('Arguing about the queue design', { situation: 'My lead and I disagreed about the queue design.' }),
    'stories/b.md': starStory('The outage I caused', { action: 'I rolled back my bad config push and wrote the postmortem.' }),
    'stories/c.md': starStory('Cutting scope to hit the launch', { situation: 'The launch date was fixed and we were behind.' }),
  });
}

const read = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('prep log', () => {
  it('appends one review line for a story found by title words, and says when it is due', async () => {
    const dir = notes();
    const ctx = testContext(dir, {}, NOW);
    const history = join(dir, 'h.jsonl');
    expect(await runLog(ctx, ['queue', 'design'], { stories: ['stories'], history, grade: 'Good', seconds: '1:45', question: 'Tell me about a conflict, with your lead.' })).toBe(0);
    expect(read(history)).toEqual([{ v: 1, at: NOW.toISOString(), story: 'arguing-about-the-queue-design', question: 'Tell me about a conflict, with your lead.', mode: 'log', seconds: 105, target: 120, grade: 'good', cram: false, fp: expect.stringMatching(/^m1:[0-9a-f]{128}$/) }]);
    expect(ctx.out.stdout[0]).toMatch(/^logged good for "Arguing about the queue design" in 1:45 · next due in \d+ days$/);
  });

  it('uses PREP_HISTORY, and the data folder when neither is given', async () => {
    const dir = notes();
    const envFile = join(dir, 'env.jsonl');
    await runLog(testContext(dir, { PREP_HISTORY: envFile }, NOW), ['outage'], { stories: ['stories'], grade: 'hard' });
    expect(read(envFile)).toHaveLength(1);
    const ctx = testContext(dir, {}, NOW);
    await runLog(ctx, ['outage'], { stories: ['stories'], grade: 'again' });
    expect(read(join(ctx.folders.data, 'history.jsonl'))[0]).toMatchObject({ grade: 'again', seconds: null, question: null });
  });

  it('rejects a bad grade or duration with a usage error and writes nothing', async () => {
    const dir = notes();
    const history = join(dir, 'h.jsonl');
    const err = await runLog(testContext(dir), ['outage'], { stories: ['stories'], history, grade: 'goood' }).catch((e) => e);
    expect(err).toMatchObject({ code: 'usage.grade', exitCode: 2, message: 'unknown grade "goood"' });
    expect(err.hint).toContain('did you mean "good"?');
    const secs = await runLog(testContext(dir), ['outage'], { stories: ['stories'], history, grade: 'good', seconds: 'long' }).catch((e) => e);
    expect(secs).toMatchObject({ code: 'usage.seconds', exitCode: 2 });
    const story = await runLog(testContext(dir), ['outgae'], { stories: ['stories'], history, grade: 'good' }).catch((e) => e);
    expect(story).toMatchObject({ code: 'story.unknown', exitCode: 2 });
    expect(() => readFileSync(history)).toThrow();
  });
});

describe('--history that is not a history', () => {
  /** Run a command expecting the refusal; the file must be byte for byte what it was. */
  async function refused(file: string, run: () => Promise<unknown>): Promise<PrepError> {
    const before = existsSync(file) ? readFileSync(file) : null;
    const err = await run().then(
      () => new Error('no error'),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PrepError);
    expect(err).toMatchObject({ code: 'history.not-history', exitCode: 2 });
    expect(existsSync(file) ? readFileSync(file) : null).toEqual(before);
    return err as PrepError;
  }

  it('refuses `prep log --history stories/x.md` and leaves the story file as it was', async () => {
    const dir = notes();
    const err = await refused(join(dir, 'stories/b.md'), () => runLog(testContext(dir, {}, NOW), ['outage'], { stories: ['stories'], history: 'stories/b.md', grade: 'good' }));
    expect(err.message).toBe('refusing to use --history "stories/b.md" as the review history: it is one of your story files');
    expect(err.hint).toMatch(/^point --history at a \.jsonl file of its own/);
  });

  it('refuses any .md, .markdown or .txt file, even one that is not a loaded story and even through PREP_HISTORY', async () => {
    const dir = writeTree(notes(), { 'other/todo.md': '# Todo\n\n- call the recruiter\n', 'journal.txt': 'Monday: mock interview went fine.\n', 'n.MARKDOWN': '' });
    for (const history of ['other/todo.md', 'journal.txt', 'n.MARKDOWN', 'new-notes.md']) {
      const err = await refused(join(dir, history), () => runLog(testContext(dir, {}, NOW), ['outage'], { stories: ['stories'], history, grade: 'good' }));
      expect(err.message, history).toMatch(/files are notes, not a review history$/);
    }
    const env = await refused(join(dir, 'journal.txt'), () => runLog(testContext(dir, { PREP_HISTORY: join(dir, 'journal.txt') }, NOW), ['outage'], { stories: ['stories'], grade: 'good' }));
    expect(env.message).toContain(`PREP_HISTORY "${join(dir, 'journal.txt')}"`);
    expect(env.hint).toMatch(/^point PREP_HISTORY at a \.jsonl file of its own .*, or unset it/);
  });

  it('refuses a story file with another extension, and a symlink to a story file', async () => {
    const dir = writeTree(tempDir(), { 'mine.story': starStory('The outage I caused') });
    symlinkSync(join(dir, 'mine.story'), join(dir, 'link.jsonl'));
    for (const history of ['mine.story', 'link.jsonl']) {
      const err = await refused(join(dir, 'mine.story'), () => runLog(testContext(dir, {}, NOW), ['outage'], { stories: ['mine.story'], history, grade: 'good' }));
      expect(err.message).toMatch(/it is one of your story files$/);
    }
  });

  it('refuses a non-empty file none of whose lines is a review', async () => {
    const dir = writeTree(notes(), { 'package.json': '{\n  "name": "x"\n}\n', 'data.jsonl': '{"id":1}\n{"id":2}\n', 'one.jsonl': 'x\n' });
    for (const history of ['package.json', 'data.jsonl']) {
      const err = await refused(join(dir, history), () => runLog(testContext(dir, {}, NOW), ['outage'], { stories: ['stories'], history, grade: 'good' }));
      expect(err.message).toMatch(/it is not a prep history \(none of its \d lines is a review\)$/);
    }
    const one = await refused(join(dir, 'one.jsonl'), () => runLog(testContext(dir, {}, NOW), ['outage'], { stories: ['stories'], history: 'one.jsonl', grade: 'good' }));
    expect(one.message).toBe('refusing to use --history "one.jsonl" as the review history: it is not a prep history (its only line is not a review)');
  });

  it('is checked by quiz and stats too, before anything is asked or written', async () => {
    const dir = notes();
    const prompts = { timeAnswer: () => Promise.reject(new Error('asked')), select: () => Promise.reject(new Error('asked')), pause: () => Promise.reject(new Error('asked')) };
    await refused(join(dir, 'stories/a.md'), () => runQuiz(testContext(dir, {}, NOW), { stories: ['stories'], history: 'stories/a.md' }, { prompts, interactive: true, columns: () => 80 }));
    await refused(join(dir, 'stories/a.md'), () => runStats(testContext(dir, {}, NOW), { stories: ['stories'], history: 'stories/a.md' }));
  });

  it('still appends to a real history with a torn or unreadable line, starting a fresh line', async () => {
    const dir = notes();
    for (const [name, text] of [['torn-only.jsonl', '{"v":1,"at":"2026-03-01T09:00'], ['mixed.jsonl', 'garbage\n{"v":1,"at":"2026-03-01T09:00:00Z","story":"the-outage-i-caused","grade":"good"}\n']] as const) {
      const history = join(dir, name);
      writeFileSync(history, text);
      const ctx = testContext(dir, {}, NOW);
      expect(await runLog(ctx, ['outage'], { stories: ['stories'], history, grade: 'good' })).toBe(0);
      const after = readFileSync(history, 'utf8');
      expect(after.startsWith(text.endsWith('\n') ? text : text + '\n')).toBe(true);
      expect(JSON.parse(after.trimEnd().split('\n').at(-1)!)).toMatchObject({ story: 'the-outage-i-caused', grade: 'good' });
      expect(ctx.out.stderr.join('\n')).toContain('skipped a history line');
    }
  });
});

describe('prep stats', () => {
  function withHistory() {
    const dir = notes();
    const history = join(dir, 'h.jsonl');
    const line = (o: object) => JSON.stringify({ v: 1, mode: 'tell', target: 120, cram: false, question: 'q', ...o }) + '\n';
    writeFileSync(
      history,
      line({ at: '2026-02-27T09:00:00Z', story: 'arguing-about-the-queue-design', seconds: 130, grade: 'hard', question: 'Tell me, "briefly", about a conflict' }) +
        line({ at: '2026-03-01T09:00:00Z', story: 'arguing-about-the-queue-design', seconds: 100, grade: 'good' }) +
        line({ at: '2026-03-01T09:05:00Z', story: 'a-story-since-deleted', seconds: 90, grade: 'easy' }) +
        'torn{\n',
    );
    return { dir, history };
  }

  it('reports per story as JSON, keeping reviews of stories not in these notes', async () => {
    const { dir, history } = withHistory();
    const ctx = testContext(dir, {}, NOW);
    await runStats(ctx, { stories: ['stories'], history, json: true });
    const json = JSON.parse(ctx.out.stdout.join('\n'));
    expect(json.history).toEqual({ file: history, reviews: 3, skippedLines: [4], followed: [] });
    const a = json.stories.find((s: { id: string }) => s.id === 'arguing-about-the-queue-design');
    expect(a).toMatchObject({ title: 'Arguing about the queue design', exists: true, reviews: 2, lastGrade: 'good', lastReviewed: '2026-03-01T09:00:00Z', averageSeconds: 115, lastSeconds: 100, overTime: 1 });
    expect(a.recall).toBeGreaterThan(0.8);
    expect(Date.parse(a.due)).toBeGreaterThan(NOW.getTime());
    expect(json.stories.find((s: { id: string }) => s.id === 'a-story-since-deleted')).toMatchObject({ exists: false, title: null, reviews: 1 });
    expect(json.neverDrilled).toEqual(['the-outage-i-caused', 'cutting-scope-to-hit-the-launch']);
    expect(json.daily).toHaveLength(30);
    expect(ctx.out.stderr.join('\n')).toContain(`${history}:4: skipped a history line`);
  });

  it('prints one CSV row per review with proper quoting', async () => {
    const { dir, history } = withHistory();
    const ctx = testContext(dir, {}, NOW);
    await runStats(ctx, { stories: ['stories'], history, csv: true });
    const rows = (ctx.out.stdout.join('\n') + '\n').split('\r\n');
    expect(rows[0]).toBe('at,day,story,title,exists,question,mode,seconds,target,grade,cram,picked');
    expect(rows[1]).toBe('2026-02-27T09:00:00Z,2026-02-27,arguing-about-the-queue-design,Arguing about the queue design,true,"Tell me, ""briefly"", about a conflict",tell,130,120,hard,false,');
    expect(rows[3]).toMatch(/^2026-03-01T09:05:00Z,2026-03-01,a-story-since-deleted,,false,q,/);
    expect(rows).toHaveLength(5);
  });

  it('prints a report that fits 80 and 50 columns', async () => {
    const { dir, history } = withHistory();
    for (const columns of [80, 50]) {
      const ctx = testContext(dir, {}, NOW);
      (ctx.out as { columns: number }).columns = columns;
      await runStats(ctx, { stories: ['stories'], history });
      const text = ctx.out.stdout.join('\n');
      expect(text).toMatch(/^3 reviews of 2 stories on 2 days/);
      expect(text).toMatch(/^\(not in these/m);
      expect(text).not.toContain('deleted)');
      expect(text.replace(/\n/g, ' ')).toMatch(/1 story with practice is not in these notes \(read from \S+stories, by --stories\): renamed ones are linked with `prep history link OLD NEW`/);
      expect(text.replace(/\n/g, ' ')).toContain('Never drilled (2): The outage I caused, Cutting scope to hit the launch');
      expect(text).toContain('Reviews per day, last 30 days (most 2, 03-01)');
      expect(text).toMatch(/Answer time, last 3 answers \(target 2:00; 1 over\)/);
      expect(text).toContain('Weakest competencies');
      for (const l of text.split('\n').filter((x) => !x.startsWith('history: '))) expect(l.length, l).toBeLessThanOrEqual(columns);
    }
  });

  it('keeps the progress of a story whose text was edited (ids are stable; notes are never written)', async () => {
    const dir = notes();
    const history = join(dir, 'h.jsonl');
    await runLog(testContext(dir, {}, NOW), ['outage'], { stories: ['stories'], history, grade: 'good', seconds: '90' });
    const file = join(dir, 'stories/b.md');
    writeFileSync(file, starStory('The outage I caused', { action: 'Rolled back first, then wrote a blameless postmortem with three follow-ups.' }));
    const edited = readFileSync(file, 'utf8');
    const ctx = testContext(dir, {}, NOW);
    await runStats(ctx, { stories: ['stories'], history, json: true });
    expect(JSON.parse(ctx.out.stdout.join('\n')).stories.find((s: { id: string }) => s.id === 'the-outage-i-caused')).toMatchObject({ reviews: 1, lastGrade: 'good' });
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('says how to start when there is no history yet', async () => {
    const dir = notes();
    const ctx = testContext(dir, {}, NOW);
    await runStats(ctx, { stories: ['stories'], history: join(dir, 'none.jsonl') });
    expect(ctx.out.stdout.join('\n').split('\n')[0]).toBe(`No practice recorded yet in ${join(dir, 'none.jsonl')}.`);
    const both = await runStats(ctx, { json: true, csv: true }).catch((e) => e);
    expect(both).toMatchObject({ code: 'usage.format', exitCode: 2 });
  });
});
