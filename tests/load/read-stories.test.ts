import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findStoryFiles, loadStories, READ_LIMITS } from '../../src/load/read-stories.js';
import { starStory, tempDir, writeTree } from '../helpers.js';

describe('loadStories', () => {
  it('refuses a device named as the stories (/dev/zero never ends) with a warning naming it', async () => {
    const r = await loadStories(['/dev/zero'], { cwd: '/' });
    expect(r.stories).toEqual([]);
    expect(r.diagnostics).toEqual([expect.objectContaining({ file: '/dev/zero', rule: 'unreadable', severity: 'warning', message: 'skipped: not a regular file' })]);
  });

  it('does not block on a FIFO named as the stories', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'notes.md')]);
    const r = await loadStories([join(dir, 'notes.md')], { cwd: dir });
    expect(r.diagnostics.map((d) => d.message)).toEqual(['skipped: not a regular file']);
  });

  it('skips a note file over the size cap, saying the cap and its size', async () => {
    const dir = writeTree(tempDir(), { 'notes/a.md': starStory('Small one') });
    writeFileSync(join(dir, 'notes', 'huge.md'), Buffer.alloc(READ_LIMITS.maxNoteBytes + 1, 0x61));
    const r = await loadStories([join(dir, 'notes')], { cwd: dir });
    expect(r.stories.map((s) => s.title)).toEqual(['Small one']);
    expect(r.diagnostics).toEqual([expect.objectContaining({ file: 'notes/huge.md', message: 'skipped: larger than 20 MB (20.0 MB)' })]);
  });

  it('follows linked note files and folders inside a stories folder, each real folder once (no loop)', async () => {
    const dir = writeTree(tempDir(), { 'vault/career.md': starStory('Linked file'), 'shared/deep/b.md': starStory('Linked folder'), 'notes/a.md': starStory('Plain file') });
    symlinkSync(join(dir, 'vault', 'career.md'), join(dir, 'notes', 'career.md'));
    symlinkSync(join(dir, 'shared'), join(dir, 'notes', 'shared'));
    // A loop: a folder linking back to its parent.
    symlinkSync(join(dir, 'notes'), join(dir, 'shared', 'deep', 'back'));
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'notes', 'dangling.md'));
    const r = await loadStories([join(dir, 'notes')], { cwd: dir });
    expect(r.stories.map((s) => s.title).sort()).toEqual(['Linked file', 'Linked folder', 'Plain file']);
    expect(r.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([`${join(dir, 'notes', 'dangling.md')}: skipped: a link to nothing`]);
  });

  it('refuses notes too large to hold in memory with one clear usage error, not a crash', async () => {
    const dir = tempDir();
    // Sparse files: their size counts, nothing is read.
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(dir, `n${i}.md`), '');
      truncateSync(join(dir, `n${i}.md`), READ_LIMITS.maxNoteBytes - 1);
    }
    const e = await loadStories([dir], { cwd: dir }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'stories.too-large', exitCode: 2 });
    expect((e as Error).message).toMatch(/^the notes in .* are 120\.0 MB in 6 files, more than prep reads at once \(100 MB\)$/);
  });
});

describe('findStoryFiles', () => {
  it('reads .txt files in a folder when they look like markdown notes, and skips other text', () => {
    const dir = writeTree(tempDir(), {
      'notes/a.md': starStory('A'),
      'notes/b.txt': starStory('B'),
      'notes/c.txt': 'Situation: the build broke.\nAction: I fixed it.\n',
      'notes/shopping.txt': 'milk\neggs\n',
      'notes/README': '# not read: no extension\n',
    });
    const { files } = findStoryFiles([`${dir}/notes`], dir);
    expect(files.map((f) => f.display)).toEqual(['notes/a.md', 'notes/b.txt', 'notes/c.txt']);
  });
});
