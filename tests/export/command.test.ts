import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../src/cli/commands/export.js';
import { PrepError } from '../../src/cli/errors.js';
import { writeFileAtomic } from '../../src/load/atomic-write.js';
import { makeReview, toHistoryLine } from '../../src/history/review.js';
import { starStory, tempDir, testContext, writeTree } from '../helpers.js';
import { pdfPages } from './pdf.js';

function notes() {
  return writeTree(tempDir(), {
    'stories/a.md': `---\ntags: [databases]\ncompetencies: [conflict]\n---\n\n${starStory('Pushing back on a risky migration', { situation: 'A staff engineer and I disagreed about a migration plan.', result: 'Zero downtime; 1,200 drifted rows caught.' })}`,
    'stories/b.md': starStory('Jenkins → GitHub Actions — “fast” café naïve', { action: 'I built a proof of concept and migrated 120 pipelines.' }),
    'stories/notes.md': '# Talking points\n\n## Strengths\n\n- I stay calm in incidents\n',
  });
}

/** Run export and return the error it throws (or fail). */
async function failure(ctx: ReturnType<typeof testContext>, opts: Parameters<typeof runExport>[1]): Promise<PrepError> {
  const err = await runExport(ctx, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PrepError);
  return err as PrepError;
}

const files = (dir: string) => readdirSync(dir).sort();

describe('prep export', () => {
  it('writes prep-cheatsheet.pdf in the current folder and prints its path', async () => {
    const dir = notes();
    const ctx = testContext(dir);
    expect(await runExport(ctx, {})).toBe(0);
    const out = join(dir, 'prep-cheatsheet.pdf');
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(ctx.out.stdout).toEqual(['wrote prep-cheatsheet.pdf (1 page, 2 stories, 1 note)']);
    expect(ctx.out.stderr).toEqual([]);
    const text = (await pdfPages(readFileSync(out))).pages.join(' ');
    expect(text).toContain('Pushing back on a risky migration');
    expect(text).toContain('Jenkins → GitHub Actions — “fast” café naïve');
    expect(text).toContain('2026-03-02');
    // Only the PDF: no temporary file left behind.
    expect(files(dir)).toEqual(['prep-cheatsheet.pdf', 'stories']);
  });

  it('writes markdown with --format md, or when --out ends in .md', async () => {
    const dir = notes();
    const ctx = testContext(dir);
    await runExport(ctx, { format: 'md' });
    expect(readFileSync(join(dir, 'prep-cheatsheet.md'), 'utf8')).toMatch(/^# Interview cheat sheet\n/);
    await runExport(ctx, { out: 'sheet.md' });
    expect(readFileSync(join(dir, 'sheet.md'), 'utf8')).toContain('### 2. Jenkins → GitHub Actions — “fast” café naïve');
    expect(ctx.out.stdout).toEqual(['wrote prep-cheatsheet.md (2 stories, 1 note)', 'wrote sheet.md (2 stories, 1 note)']);
  });

  it('filters by competency and by tag, and says so in the header', async () => {
    const dir = notes();
    await runExport(testContext(dir), { format: 'md', tag: ['Databases'], competency: ['confl'] });
    const md = readFileSync(join(dir, 'prep-cheatsheet.md'), 'utf8');
    expect(md).toContain('*2026-03-02 · 1 story · Conflict · \\#Databases*');
    expect(md).toContain('Pushing back on a risky migration');
    expect(md).not.toContain('Jenkins');
    // The index is about the chosen competency only.
    expect(md).toContain('| Conflict | #1 Pushing back on a risky migration |');
    expect(md).not.toContain('| Leadership |');
  });

  it('rejects an unknown --format or --paper with exit 2 before writing anything', async () => {
    const dir = notes();
    const f = await failure(testContext(dir), { format: 'docx' });
    expect([f.code, f.exitCode, f.message, f.hint]).toEqual(['export.format', 2, 'unknown format "docx"', 'use --format pdf or --format md']);
    const p = await failure(testContext(dir), { paper: 'a5' });
    expect([p.code, p.exitCode, p.message]).toEqual(['export.paper', 2, 'unknown paper "a5"']);
    expect(files(dir)).toEqual(['stories']);
  });

  it('takes the paper size from --paper, else the paper setting, else A4', async () => {
    const dir = notes();
    await runExport(testContext(dir, { PREP_PAPER: 'letter' }), { out: 'setting.pdf' });
    await runExport(testContext(dir, { PREP_PAPER: 'letter' }), { out: 'flag.pdf', paper: 'A4' });
    await runExport(testContext(dir), { out: 'default.pdf' });
    const size = async (f: string) => (await pdfPages(readFileSync(join(dir, f)))).sizes[0];
    expect(await size('setting.pdf')).toEqual([612, 792]);
    expect(await size('flag.pdf')).toEqual([595, 842]);
    expect(await size('default.pdf')).toEqual([595, 842]);
  });

  it('rejects a folder given as --out', async () => {
    const dir = notes();
    mkdirSync(join(dir, 'out'));
    const e = await failure(testContext(dir), { out: 'out' });
    expect([e.code, e.exitCode, e.message]).toEqual(['export.out-is-folder', 2, '"out" is a folder']);
    expect(e.hint).toContain('--out out/prep-cheatsheet.pdf');
    expect(files(join(dir, 'out'))).toEqual([]);
  });

  it('rejects an output path it cannot write: a missing folder, or a file used as a folder', async () => {
    const dir = notes();
    const missing = await failure(testContext(dir), { out: 'nope/sheet.pdf' });
    expect([missing.code, missing.exitCode, missing.message]).toEqual(['export.out-unwritable', 2, 'cannot write "nope/sheet.pdf": folder "nope" does not exist']);
    writeFileSync(join(dir, 'file'), 'x');
    const notDir = await failure(testContext(dir), { out: 'file/sheet.pdf' });
    expect([notDir.code, notDir.exitCode]).toEqual(['export.out-unwritable', 2]);
    expect(notDir.message).toContain('"file" is not a folder');
    expect(files(dir)).toEqual(['file', 'stories']);
  });

  it('says clearly when no story is selected, and writes no empty PDF over a good one', async () => {
    const dir = notes();
    await runExport(testContext(dir), {});
    const good = readFileSync(join(dir, 'prep-cheatsheet.pdf'));
    const e = await failure(testContext(dir), { competency: ['mentoring'] });
    expect([e.code, e.exitCode, e.message]).toEqual(['export.empty', 1, 'no stories match Mentoring and growing others; nothing written']);
    expect(readFileSync(join(dir, 'prep-cheatsheet.pdf')).equals(good)).toBe(true);
  });

  it('suggests a competency or tag for a misspelt one', async () => {
    const dir = notes();
    const c = await failure(testContext(dir), { competency: ['leedership'] });
    expect([c.code, c.exitCode, c.message, c.hint]).toEqual(['usage.competency', 2, 'unknown competency "leedership"', 'did you mean "leadership"?']);
    const t = await failure(testContext(dir), { tag: ['databse'] });
    expect([t.code, t.exitCode, t.message]).toEqual(['export.tag', 2, 'no story is tagged "databse"']);
    expect(t.hint).toContain('"databases"');
  });

  it('rejects an empty --competency and an ambiguous prefix before writing anything', async () => {
    const dir = notes();
    const empty = await failure(testContext(dir), { competency: [''] });
    expect([empty.code, empty.exitCode]).toEqual(['usage.competency', 2]);
    const ambiguous = await failure(testContext(dir), { competency: ['co'] });
    expect([ambiguous.code, ambiguous.exitCode, ambiguous.message]).toEqual(['usage.competency', 2, 'competency "co" is ambiguous']);
    expect(ambiguous.hint).toMatch(/"conflict".*"communication"/);
    expect(files(dir)).toEqual(['stories']);
  });

  it('shows the competencies `prep show` gives a story: its own when it names some, else inferred ones', async () => {
    const dir = writeTree(tempDir(), {
      'stories/named.md': `---\ncompetencies: [conflict, Mentoring, pairing]\n---\n\n${starStory('Pushing back on a risky migration', { situation: 'A staff engineer and I disagreed about the plan; I led the team without authority.' })}`,
      'stories/inferred.md': starStory('Cutting the cloud bill', { action: 'I rightsized instances and cut spend.', result: 'Costs fell 40%, saving $12k a month.' }),
    });
    const ctx = testContext(dir);
    await runExport(ctx, { format: 'md' });
    const md = readFileSync(join(dir, 'prep-cheatsheet.md'), 'utf8');
    // Named: exactly those, in the notes' order (unknown names kept), nothing inferred added.
    expect(md).toContain('*Conflict · Mentoring and growing others · Pairing · ');
    const { withCompetencies, loadIndex } = await import('../../src/cli/search-context.js');
    const { loadStories } = await import('../../src/load/read-stories.js');
    const loaded = await loadStories([join(dir, 'stories')], { cwd: dir, cacheDir: null });
    const shown = await withCompetencies(loaded.stories, await loadIndex(ctx, loaded));
    const inferred = shown.find((s) => s.id === 'cutting-the-cloud-bill')!.competencies;
    expect(inferred).toContain('cost');
    const { COMPETENCIES } = await import('../../src/search/competencies.js');
    const names = inferred.map((id) => COMPETENCIES.find((c) => c.id === id)!.name);
    expect(md).toContain(`*${names.join(' · ')} · `);
  });

  it('warns once, listing the characters the font cannot draw', async () => {
    const dir = writeTree(tempDir(), { 'stories/x.md': starStory('Shipped 漢字 support 🚀 for 漢 users') });
    const ctx = testContext(dir);
    expect(await runExport(ctx, {})).toBe(0);
    expect(ctx.out.stderr).toEqual(['prep: warning: 4 characters the PDF font cannot draw were replaced with "\ufffd": "漢" U+6F22 ×2, "字" U+5B57, "🚀" U+1F680 (--format md keeps them)']);
  });

  it('exports only the stories due for review with --due', async () => {
    const dir = notes();
    const history = join(dir, 'history.jsonl');
    const review = (story: string, at: string) => toHistoryLine(makeReview({ at, story, question: null, mode: 'log', seconds: 90, target: 120, grade: 'good', cram: false }));
    // Reviewed long ago: due again. Reviewed yesterday: not due yet.
    writeFileSync(history, review('pushing-back-on-a-risky-migration', '2025-01-01T10:00:00Z') + review('jenkins-github-actions-fast-cafe-naive', '2026-03-01T10:00:00Z'));
    const ctx = testContext(dir);
    await runExport(ctx, { format: 'md', due: true, history });
    const md = readFileSync(join(dir, 'prep-cheatsheet.md'), 'utf8');
    expect(md).toContain('Pushing back on a risky migration');
    expect(md).not.toContain('Jenkins');
    expect(md).toContain('due for review');
  });

  it('says nothing is due when the history has nothing due, and writes nothing', async () => {
    const dir = notes();
    const e = await failure(testContext(dir), { due: true, history: join(dir, 'none.jsonl') });
    expect([e.code, e.exitCode]).toEqual(['export.empty', 1]);
    expect(e.hint).toMatch(/nothing is due/);
    expect(files(dir)).toEqual(['stories']);
  });
});

describe('prep export --out never overwrites notes or files that are not cheat sheets', () => {
  const story = (dir: string) => readFileSync(join(dir, 'stories/a.md'), 'utf8');

  it('export --out points at a story file: refused, file unchanged', async () => {
    const dir = notes();
    const before = story(dir);
    for (const opts of [{ out: 'stories/a.md' }, { out: 'stories/a.md', force: true }, { out: join(dir, 'stories', '..', 'stories', 'a.md'), format: 'pdf' }]) {
      const e = await failure(testContext(dir), opts);
      expect([e.code, e.exitCode]).toEqual(['export.out-is-notes', 2]);
    }
    const e = await failure(testContext(dir), { out: 'stories/a.md' });
    expect(e.message).toBe('"stories/a.md" is one of your story files; not writing the cheat sheet over it');
    expect(e.hint).toBe('choose an --out path outside your stories folders');
    expect(story(dir)).toBe(before);
    expect(files(join(dir, 'stories'))).toEqual(['a.md', 'b.md', 'notes.md']);
  });

  it('refuses a story file named directly with --stories, whatever its extension', async () => {
    const dir = writeTree(tempDir(), { 'career.txt': starStory('Leading the CI migration') });
    const e = await failure(testContext(dir), { stories: ['career.txt'], out: 'career.txt', format: 'md', force: true });
    expect([e.code, e.exitCode]).toEqual(['export.out-is-notes', 2]);
    expect(readFileSync(join(dir, 'career.txt'), 'utf8')).toBe(starStory('Leading the CI migration'));
  });

  it('refuses a symlink to a story file (the link is followed)', async () => {
    const dir = notes();
    symlinkSync(join(dir, 'stories', 'a.md'), join(dir, 'link.md'));
    const e = await failure(testContext(dir), { out: 'link.md' });
    expect([e.code, e.exitCode]).toEqual(['export.out-is-notes', 2]);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(story(dir)).toMatch(/Pushing back on a risky migration/);
  });

  it('refuses a new markdown file inside a stories folder: it would be read back as a story', async () => {
    const dir = notes();
    const e = await failure(testContext(dir), { out: 'stories/sub/../sheet.md' });
    expect([e.code, e.exitCode]).toEqual(['export.out-is-notes', 2]);
    expect(e.message).toContain('is in your stories folder');
    // Run from inside the folder, --format md's default name lands there too.
    const inside = await failure(testContext(join(dir, 'stories'), {}), { stories: ['.'], format: 'md' });
    expect(inside.code).toBe('export.out-is-notes');
    expect(files(join(dir, 'stories'))).toEqual(['a.md', 'b.md', 'notes.md']);
    // A PDF there is fine: it is not read as a story.
    expect(await runExport(testContext(dir), { out: 'stories/sheet.pdf' })).toBe(0);
  });

  it('refuses to replace an existing file that is not a cheat sheet, unless --force', async () => {
    const dir = notes();
    writeFileSync(join(dir, 'report.pdf'), '%PDF-1.7\n% someone else\'s report\n');
    writeFileSync(join(dir, 'todo.md'), '# Things to do\n\n- call mum\n');
    for (const out of ['report.pdf', 'todo.md']) {
      const e = await failure(testContext(dir), { out });
      expect([e.code, e.exitCode, e.message]).toEqual(['export.out-exists', 2, `"${out}" exists and is not a cheat sheet prep wrote; not replacing it`]);
      expect(e.hint).toBe('choose another --out path, or pass --force to replace it');
    }
    expect(readFileSync(join(dir, 'todo.md'), 'utf8')).toBe('# Things to do\n\n- call mum\n');
    expect(files(dir)).toEqual(['report.pdf', 'stories', 'todo.md']);
    expect(await runExport(testContext(dir), { out: 'todo.md', force: true })).toBe(0);
    expect(readFileSync(join(dir, 'todo.md'), 'utf8')).toMatch(/^# Interview cheat sheet\n/);
  });

  it('replaces its own earlier cheat sheet (PDF or markdown) without --force, and an empty file', async () => {
    const dir = notes();
    const ctx = testContext(dir);
    for (const out of ['sheet.pdf', 'sheet.md']) {
      expect(await runExport(ctx, { out })).toBe(0);
      expect(await runExport({ ...ctx, now: () => new Date('2026-04-01T10:00:00Z') }, { out })).toBe(0);
    }
    expect(readFileSync(join(dir, 'sheet.md'), 'utf8')).toContain('*2026-04-01 · ');
    writeFileSync(join(dir, 'empty.pdf'), '');
    expect(await runExport(ctx, { out: 'empty.pdf' })).toBe(0);
    expect(files(dir)).toEqual(['empty.pdf', 'sheet.md', 'sheet.pdf', 'stories']);
  });

  it('keeps a cheat sheet edited since prep wrote it (or annotated in a viewer), unless --force', async () => {
    const dir = notes();
    const ctx = testContext(dir);
    for (const out of ['sheet.md', 'sheet.pdf']) {
      await runExport(ctx, { out });
      const edited = Buffer.concat([readFileSync(join(dir, out)), Buffer.from(out.endsWith('.md') ? '\nmy own note\n' : '\n% annotation\n')]);
      writeFileSync(join(dir, out), edited);
      const e = await failure(ctx, { out });
      expect([e.code, e.exitCode, e.message]).toEqual(['export.out-changed', 2, `"${out}" is a cheat sheet that changed since prep wrote it; not replacing it`]);
      expect(readFileSync(join(dir, out))).toEqual(edited);
      expect(await runExport(ctx, { out, force: true })).toBe(0);
      expect(readFileSync(join(dir, out))).not.toEqual(edited);
    }
  });

  it('refuses a symlink, even to an earlier cheat sheet, and leaves both alone', async () => {
    const dir = notes();
    const elsewhere = tempDir();
    const ctx = testContext(elsewhere);
    await runExport(ctx, { stories: [join(dir, 'stories')], out: 'real.md' });
    const before = readFileSync(join(elsewhere, 'real.md'), 'utf8');
    symlinkSync(join(elsewhere, 'real.md'), join(dir, 'link.md'));
    symlinkSync(join(elsewhere, 'nowhere.md'), join(dir, 'dangling.md'));
    for (const out of ['link.md', 'dangling.md']) {
      const e = await failure({ ...ctx, cwd: dir }, { out, force: true });
      expect([e.code, e.exitCode, e.message]).toEqual(['export.out-symlink', 2, `"${out}" is a symbolic link; prep does not write through links`]);
    }
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(elsewhere, 'real.md'), 'utf8')).toBe(before);
    expect(existsSync(join(elsewhere, 'nowhere.md'))).toBe(false);
  });

  it('writes into a character device instead of replacing it, with the summary on stderr', async () => {
    const dir = notes();
    const ctx = testContext(dir);
    expect(await runExport(ctx, { out: '/dev/null', format: 'md' })).toBe(0);
    expect(ctx.out.stdout).toEqual([]);
    expect(ctx.out.stderr).toEqual(['wrote /dev/null (2 stories, 1 note)']);
  });

  it('a failed write is a failure (exit 1), not a usage error', async () => {
    if (!existsSync('/dev/full')) return;
    const dir = notes();
    const e = await failure(testContext(dir), { out: '/dev/full', format: 'md' });
    expect([e.code, e.exitCode]).toEqual(['export.write', 1]);
    expect(e.message).toMatch(/^cannot write "\/dev\/full": /);
  });
});

describe('writeFileAtomic (what export writes through)', () => {
  it('replaces a file whole', () => {
    const dir = tempDir();
    const file = join(dir, 'a.pdf');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new contents');
    expect(readFileSync(file, 'utf8')).toBe('new contents');
    expect(files(dir)).toEqual(['a.pdf']);
  });

  it('leaves the target and the folder as they were when the rename fails', () => {
    const dir = tempDir();
    // A non-empty folder where the file should go: the rename fails after the temporary file is written.
    mkdirSync(join(dir, 'a.pdf'));
    writeFileSync(join(dir, 'a.pdf', 'keep'), 'x');
    expect(() => writeFileAtomic(join(dir, 'a.pdf'), 'data')).toThrow();
    expect(files(dir)).toEqual(['a.pdf']);
    expect(existsSync(join(dir, 'a.pdf', 'keep'))).toBe(true);
  });
});
