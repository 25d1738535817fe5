import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runPrep, starStory, tempDir, writeTree } from '../helpers.js';
import { hasPoppler, pdfPages, readPng, squash } from '../export/pdf.js';

const poppler = hasPoppler();
if (!poppler) console.log('SKIPPED: page rendering checks of prep export: poppler-utils (pdftoppm) is not installed');

describe('bin/prep export end to end', () => {
  it('writes the cheat sheet of the sample stories and prints its path', async () => {
    const dir = tempDir();
    const r = runPrep(['export', '--stories', join(ROOT, 'stories')], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote prep-cheatsheet\.pdf \(\d+ pages?, 10 stories, 5 notes\)\n$/);
    const { pages } = await pdfPages(readFileSync(join(dir, 'prep-cheatsheet.pdf')));
    expect(squash(pages.join(' '))).toContain('Pushing back on a risky schema migration');
  });

  it('renders page 1 to a PNG that is not blank', async (ctx) => {
    if (!poppler) {
      console.log('SKIPPED: pdftoppm is not installed (CI installs poppler-utils)');
      ctx.skip();
      return;
    }
    const dir = tempDir();
    const r = runPrep(['export', '--stories', join(ROOT, 'stories'), '--out', 'sheet.pdf', '--paper', 'letter'], { cwd: dir });
    expect(r.code).toBe(0);
    const png = spawnSync('pdftoppm', ['-png', '-gray', '-r', '40', '-f', '1', '-l', '1', '-singlefile', join(dir, 'sheet.pdf'), join(dir, 'page1')], { encoding: 'utf8' });
    expect(png.status, png.stderr).toBe(0);
    const { width, height, luma } = readPng(join(dir, 'page1.png'));
    // US letter at 40 dpi.
    expect([width, height]).toEqual([340, 440]);
    const inked = luma.filter((v) => v < 200).length / luma.length;
    expect(inked).toBeGreaterThan(0.02);
    expect(inked).toBeLessThan(0.5);
    // Ink in the top band (the header) and down the page (the index), not one blot.
    const rows = (from: number, to: number) => luma.subarray(from * width, to * width).filter((v) => v < 200).length;
    expect(rows(0, 60)).toBeGreaterThan(100);
    expect(rows(120, 300)).toBeGreaterThan(500);
  });

  it('answers bad input with one line, exit 2 and nothing written', () => {
    const dir = tempDir();
    for (const [args, message] of [
      [['--format', 'docx'], 'prep: unknown format "docx"'],
      [['--paper', 'a5'], 'prep: unknown paper "a5"'],
      [['--out', '.'], 'prep: "." is a folder'],
      [['--out', 'missing/sheet.pdf'], 'prep: cannot write "missing/sheet.pdf": folder "missing" does not exist'],
    ] as const) {
      const r = runPrep(['export', '--stories', join(ROOT, 'stories'), ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines[0]).toBe(message);
      expect(lines.length).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('export --out points at a story file: refused, file unchanged', () => {
    const text = starStory('Cutting the cloud bill', { result: 'Costs fell 40%.' });
    const dir = writeTree(tempDir(), { 'notes/b.md': text });
    for (const args of [['--out', 'notes/b.md'], ['--out', 'notes/sheet.md'], ['--format', 'md', '--out', 'notes/b.md']]) {
      const r = runPrep(['export', '-s', 'notes', ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/^prep: "notes\/(b|sheet)\.md" is (one of your story files|in your stories folder)/);
      expect(r.stdout).toBe('');
    }
    expect(readFileSync(join(dir, 'notes/b.md'), 'utf8')).toBe(text);
    expect(readdirSync(join(dir, 'notes'))).toEqual(['b.md']);
    const list = runPrep(['list', '-s', 'notes', '--json'], { cwd: dir });
    expect(JSON.parse(list.stdout).map((s: { title: string }) => s.title)).toEqual(['Cutting the cloud bill']);
  });

  it('will not replace a file that is not a cheat sheet, but replaces its own', () => {
    const dir = writeTree(tempDir(), { 'notes/a.md': starStory('Cutting the cloud bill', { result: 'Costs fell 40%.' }), 'plan.md': '# My plan\n' });
    const mine = runPrep(['export', '-s', 'notes', '--out', 'plan.md'], { cwd: dir });
    expect(mine.code).toBe(2);
    expect(mine.stderr).toBe('prep: "plan.md" exists and is not a cheat sheet prep wrote; not replacing it\nchoose another --out path, or pass --force to replace it\n');
    expect(readFileSync(join(dir, 'plan.md'), 'utf8')).toBe('# My plan\n');
    // The second run knows the sheet by the hash the first one recorded in the (shared) data folder.
    const env = { XDG_DATA_HOME: join(tempDir(), 'data') };
    expect(runPrep(['export', '-s', 'notes'], { cwd: dir, env }).code).toBe(0);
    expect(runPrep(['export', '-s', 'notes'], { cwd: dir, env }).code).toBe(0);
  });

  it('says when no story matches, with exit 1 and no file', () => {
    const dir = writeTree(tempDir(), { 'notes/a.md': `---\ntags: [cloud]\n---\n\n${starStory('Cutting the cloud bill', { result: 'Costs fell 40%.' })}` });
    const r = runPrep(['export', '--stories', 'notes', '--tag', 'cloud', '--competency', 'mentoring'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('prep: no stories match Mentoring and growing others + #cloud; nothing written');
    expect(existsSync(join(dir, 'prep-cheatsheet.pdf'))).toBe(false);
  });
});
