import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runList } from '../../src/cli/commands/list.js';
import { runShow } from '../../src/cli/commands/show.js';
import { runCheck } from '../../src/cli/commands/check.js';
import { runInit, TEMPLATE } from '../../src/cli/commands/init.js';
import { runFind } from '../../src/cli/commands/find.js';
import { runCoverage } from '../../src/cli/commands/coverage.js';
import { PrepError } from '../../src/cli/errors.js';
import { starStory, tempDir, testContext, writeTree } from '../helpers.js';

function notes() {
  return writeTree(tempDir(), {
    'stories/a.md': starStory('Calming a heated design review', { situation: 'Two senior engineers disagreed loudly about the queue design.' }),
    'stories/b.md': starStory('The outage I caused', { action: 'I rolled back my bad config push and wrote the postmortem.', result: '' }),
    'stories/notes.md': '# Talking points\n\n## Weaknesses\n\n- I say yes too often\n',
  });
}

describe('prep list', () => {
  it('prints every story as JSON with the model fields', async () => {
    const ctx = testContext(notes());
    expect(await runList(ctx, { json: true })).toBe(0);
    const stories = JSON.parse(ctx.out.stdout.join('\n'));
    expect(stories.map((s: { id: string }) => s.id)).toEqual(['calming-a-heated-design-review', 'the-outage-i-caused', 'weaknesses']);
    expect(Object.keys(stories[0])).toEqual(expect.arrayContaining(['id', 'title', 'kind', 'situation', 'task', 'action', 'result', 'sections', 'path', 'tags', 'source', 'words', 'speakingSeconds']));
  });

  it('says where it looked when there are no stories', async () => {
    const dir = writeTree(tempDir(), { 'stories/empty.md': 'just prose\n' });
    const err = await runList(testContext(dir), {}).catch((e) => e);
    expect(err).toBeInstanceOf(PrepError);
    expect(err.message).toContain(join(dir, 'stories'));
    expect(err.exitCode).toBe(2);
  });

  it('fails with a usage error for a path that does not exist', async () => {
    const err = await runList(testContext(tempDir()), { stories: ['nope'] }).catch((e) => e);
    expect(err).toMatchObject({ code: 'stories.not-found', exitCode: 2 });
  });
});

describe('prep show', () => {
  it('finds a story by title words and renders its parts', async () => {
    const ctx = testContext(notes());
    await runShow(ctx, 'heated review', {});
    const text = ctx.out.stdout.join('\n');
    expect(text).toContain('Calming a heated design review');
    expect(text).toMatch(/Situation\n\s+Two senior engineers/);
  });

  it('suggests the closest id for a misspelt one', async () => {
    const err = await runShow(testContext(notes()), 'weaknesess', {}).catch((e) => e);
    expect(err).toMatchObject({ code: 'story.unknown', exitCode: 2 });
    expect(err.hint).toContain('"weaknesses"');
  });
  it('suggests a story for a misspelt title word', async () => {
    const err = await runShow(testContext(notes()), 'heatd reviw', {}).catch((e) => e);
    expect(err.hint).toContain('"calming-a-heated-design-review"');
  });
});

describe('prep check', () => {
  it('reports an empty Result as an error and exits 1', async () => {
    const ctx = testContext(notes());
    expect(await runCheck(ctx, { json: true })).toBe(1);
    const findings = JSON.parse(ctx.out.stdout.join('\n'));
    const errors = findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ storyId: 'the-outage-i-caused', rule: 'missing-part', file: join('stories', 'b.md'), line: 1 })]);
  });

  it('reports what it found even when no file holds a story', async () => {
    const dir = writeTree(tempDir(), { 'stories/bad.md': '---\ntitle: [oops\n---\njust prose\n' });
    const ctx = testContext(dir);
    expect(await runCheck(ctx, { json: true })).toBe(1);
    const rules = JSON.parse(ctx.out.stdout.join('\n')).map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['front-matter', 'no-stories']));
  });

  it('flags a story still holding the template text', async () => {
    const dir = tempDir();
    await runInit(testContext(dir), undefined);
    const ctx = testContext(dir);
    await runCheck(ctx, { json: true });
    expect(JSON.parse(ctx.out.stdout.join('\n')).map((f: { rule: string }) => f.rule)).toContain('template-text');
  });

  it('exits 0 when there are only warnings', async () => {
    const dir = writeTree(tempDir(), { 'stories/a.md': starStory('Fine', { result: 'It went well.' }) });
    const ctx = testContext(dir);
    expect(await runCheck(ctx, {})).toBe(0);
    expect(ctx.out.stdout.join('\n')).toContain('result-without-number');
  });
});

describe('prep init', () => {
  it('writes a template that parses as a story, and never overwrites it', async () => {
    const dir = tempDir();
    const ctx = testContext(dir);
    expect(await runInit(ctx, undefined)).toBe(0);
    const file = join(dir, 'stories', 'example-story.md');
    expect(readFileSync(file, 'utf8')).toBe(TEMPLATE);
    const list = testContext(dir);
    await runList(list, { json: true });
    expect(JSON.parse(list.out.stdout.join('\n'))[0].kind).toBe('star');
    writeFileSync(file, 'my edits');
    const err = await runInit(ctx, undefined).catch((e) => e);
    expect(err).toMatchObject({ code: 'init.exists', exitCode: 2 });
    expect(readFileSync(file, 'utf8')).toBe('my edits');
  });

  it('refuses a path that is a file', async () => {
    const dir = writeTree(tempDir(), { afile: 'x' });
    await expect(runInit(testContext(dir), 'afile')).rejects.toMatchObject({ code: 'init.not-a-folder' });
    expect(existsSync(join(dir, 'afile', 'example-story.md'))).toBe(false);
  });
});

describe('prep find', () => {
  it('ranks the conflict story first for a question that never says "conflict"', async () => {
    const ctx = testContext(notes());
    await runFind(ctx, ['tell me about a time you had a disagreement with a colleague'], { json: true });
    const rows = JSON.parse(ctx.out.stdout.join('\n'));
    expect(rows[0].id).toBe('calming-a-heated-design-review');
    expect(rows[0].score).toBeGreaterThan(0);
    expect(rows[0].score).toBeLessThanOrEqual(1);
    expect(rows[0].source).toEqual({ file: join('stories', 'a.md'), line: 1 });
  });

  it('finds the weaknesses note for "greatest weakness"', async () => {
    const ctx = testContext(notes());
    await runFind(ctx, ['What is your greatest weakness?'], { json: true });
    expect(JSON.parse(ctx.out.stdout.join('\n'))[0].id).toBe('weaknesses');
  });

  it('explains dropped boilerplate and fixed typos', async () => {
    const ctx = testContext(notes());
    await runFind(ctx, ['tell me about an outgae you caused'], { explain: true });
    const text = ctx.out.stdout.join('\n');
    expect(text).toContain('frame:');
    expect(text).toMatch(/tell me about/);
    expect(text).toMatch(/outgae → outage/);
    expect(text).toContain('The outage I caused');
  });

  it('rejects an empty question and a bad limit', async () => {
    await expect(runFind(testContext(notes()), ['  '], {})).rejects.toMatchObject({ code: 'usage.question', exitCode: 2 });
    await expect(runFind(testContext(notes()), ['x'], { limit: 'lots' })).rejects.toMatchObject({ code: 'usage.limit', exitCode: 2 });
  });

  it('treats regex and code characters in the question as plain text', async () => {
    const ctx = testContext(notes());
    await runFind(ctx, ['.*(disagree)[ $(rm -rf /) `x` \\d+'], { json: true });
    expect(JSON.parse(ctx.out.stdout.join('\n'))[0].id).toBe('calming-a-heated-design-review');
  });
});

describe('prep find: bad input and learning', () => {
  it('looks up words that are names of object properties, with the index cache warm', async () => {
    const dir = notes();
    const home = tempDir('prep-cache-');
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'constructor']) {
      const ctx = { ...testContext(dir), env: {}, folders: { data: join(home, 'data'), config: join(home, 'config'), cache: join(home, 'cache') } };
      expect(await runFind(ctx, [word], { json: true })).toBe(0);
      expect(Array.isArray(JSON.parse(ctx.out.stdout.join('\n')))).toBe(true);
    }
  });

  it('cuts a 100 KB question with a warning', async () => {
    const ctx = testContext(notes());
    const long = 'disagreed about the queue design '.repeat(3200);
    expect(long.length).toBeGreaterThan(100_000);
    expect(await runFind(ctx, [long], { json: true })).toBe(0);
    expect(ctx.out.stderr.join('\n')).toMatch(/only its first 2000 are read/);
    expect(JSON.parse(ctx.out.stdout.join('\n'))[0].id).toBe('calming-a-heated-design-review');
  });

  it('gives a usage hint for a question of interview framing only', async () => {
    await expect(runFind(testContext(notes()), ['tell me about a time'], {})).rejects.toMatchObject({ code: 'usage.question', exitCode: 2 });
  });

  it('says when no story answers well, and marks the rows weak in JSON', async () => {
    const ctx = testContext(notes());
    await runFind(ctx, ['tell me about a time you ran a gdpr audit of kubernetes billing as a senior'], {});
    expect(ctx.out.stdout.join('\n')).toMatch(/No strong match - closest: /);
    const json = testContext(notes());
    await runFind(json, ['tell me about a time you ran a gdpr audit of kubernetes billing as a senior'], { json: true });
    expect(JSON.parse(json.out.stdout.join('\n'))[0]).toMatchObject({ weak: true });
    const strong = testContext(notes());
    await runFind(strong, ['two senior engineers disagreed about the queue design'], { json: true });
    expect(JSON.parse(strong.out.stdout.join('\n'))[0]).toMatchObject({ id: 'calming-a-heated-design-review', weak: false });
  });

  it('records --pick as a tie in the history, and ranks that story first for questions worded like it', async () => {
    const dir = notes();
    const ctx = testContext(dir);
    const q = 'tell me about a time you rolled back a config change';
    expect(await runFind(ctx, [q], { pick: 'calming-a-heated-design-review' })).toBe(0);
    const file = join(ctx.folders.data, 'history.jsonl');
    const line = JSON.parse(readFileSync(file, 'utf8').trim());
    expect(line).toEqual({ v: 1, type: 'tie', at: '2026-03-02T10:00:00.000Z', question: q, story: 'calming-a-heated-design-review', source: 'find' });
    const again = { ...testContext(dir), folders: ctx.folders };
    await runFind(again, ['describe a time you rolled back a config change'], { json: true });
    expect(JSON.parse(again.out.stdout.join('\n'))[0].id).toBe('calming-a-heated-design-review');
    // The notes are never written.
    expect(readFileSync(join(dir, 'stories/a.md'), 'utf8')).toBe(starStory('Calming a heated design review', { situation: 'Two senior engineers disagreed loudly about the queue design.' }));
  });

  it('still finds when the history file is not a history, and refuses to --pick into it', async () => {
    const dir = notes();
    const env = { PREP_HISTORY: join(dir, 'stories/a.md') };
    const ctx = testContext(dir, env);
    expect(await runFind(ctx, ['the outage I caused'], { json: true })).toBe(0);
    expect(JSON.parse(ctx.out.stdout.join('\n'))[0].id).toBe('the-outage-i-caused');
    await expect(runFind(testContext(dir, env), ['the outage I caused'], { pick: '1' })).rejects.toMatchObject({ code: 'history.not-history', exitCode: 2 });
  });

  it('refuses --pick of an unknown rank or story with exit 2', async () => {
    await expect(runFind(testContext(notes()), ['the outage I caused'], { pick: '9' })).rejects.toMatchObject({ code: 'usage.pick', exitCode: 2 });
    await expect(runFind(testContext(notes()), ['the outage I caused'], { pick: 'the-outage-i-cause' })).rejects.toMatchObject({ code: 'usage.pick', exitCode: 2, hint: expect.stringContaining('the-outage-i-caused') });
  });
});

describe('prep coverage', () => {
  it('names the best story per competency and lists gaps', async () => {
    const ctx = testContext(notes());
    await runCoverage(ctx, { json: true });
    const cov = JSON.parse(ctx.out.stdout.join('\n'));
    const conflict = cov.competencies.find((c: { id: string }) => c.id === 'conflict');
    expect(conflict.best.id).toBe('calming-a-heated-design-review');
    expect(cov.gaps).toContain('mentoring');
    expect(cov.gaps).not.toContain('conflict');
  });
});
