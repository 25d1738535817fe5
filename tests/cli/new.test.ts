import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editorCommand, parseCompetencies, runNew, spawnEditor, splitCommand, storyFolder, storyTemplate, writeNewFile, type NewDeps } from '../../src/cli/commands/new.js';
import { TEMPLATE } from '../../src/cli/commands/init.js';
import { parseStories } from '../../src/parse/parse-stories.js';
import { checkStories } from '../../src/check/check-stories.js';
import { bundledStoriesDir } from '../../src/load/sources.js';
import { PrepError } from '../../src/cli/errors.js';
import { runPrep, tempDir, testContext, writeTree } from '../helpers.js';

/** A fake editor: a shell script that logs its arguments and appends a line to the file. */
function fakeEditor(dir: string, append = '- **Notes**: added in the editor'): { command: string; log: string } {
  const script = join(dir, 'fake editor.sh');
  const log = join(dir, 'editor.log');
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$@" >> '${log}'\nprintf '%s\\n' '${append}' >> "$1"\n`);
  chmodSync(script, 0o755);
  return { command: `'${script}'`, log };
}

/** An editor script that writes a whole story over the template, as a user would; logs its arguments. */
function fillingEditor(dir: string): { command: string; log: string } {
  const script = join(dir, 'fill.sh');
  const log = join(dir, 'editor.log');
  const story = '# Test story\n\n- **Situation**: Deploys failed every Friday.\n- **Task**: Find out why.\n- **Action**: I bisected the pipeline and pinned the runner image.\n- **Result**: Failed deploys fell from 6 to 1 a month.\n';
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$@" >> '${log}'\ncat > "$1" <<'EOF'\n${story}EOF\n`);
  chmodSync(script, 0o755);
  return { command: `'${script}'`, log };
}

/** Deps for a terminal session whose answers are given up front; the editor really runs. */
function terminal(answers: { title?: string; competencies?: string[] } = {}): NewDeps & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    interactive: true,
    askTitle: async () => {
      asked.push('title');
      return answers.title ?? '';
    },
    askCompetencies: async () => {
      asked.push('competencies');
      return answers.competencies ?? [];
    },
    openEditor: spawnEditor,
  };
}

const pipe: NewDeps = {
  interactive: false,
  askTitle: () => Promise.reject(new Error('no prompts without a terminal')),
  askCompetencies: () => Promise.reject(new Error('no prompts without a terminal')),
  openEditor: () => Promise.reject(new Error('no editor without a terminal')),
};

describe('storyTemplate', () => {
  it('fills in the title and competencies, with a question for each, and parses as one clean story', () => {
    const text = storyTemplate({ title: 'Untangling  the release\nprocess', competencies: ['ownership', 'conflict'] });
    const r = parseStories(text, 'new.md');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.stories).toHaveLength(1);
    const s = r.stories[0]!;
    expect(s.title).toBe('Untangling the release process');
    expect(s.kind).toBe('star');
    expect(s.competencies).toEqual(['ownership', 'conflict']);
    expect(s.questions).toHaveLength(2);
    expect(checkStories(r.stories).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps the guide and STAR skeleton of the init template', () => {
    const body = TEMPLATE.slice(TEMPLATE.indexOf('<!--'));
    expect(storyTemplate({ title: 'T', competencies: [] })).toContain(body);
    expect(storyTemplate({ title: 'T', competencies: [] })).toMatch(/^---\n[\s\S]*competencies: \[\]\n---\n\n# T\n/);
  });
});

describe('splitCommand', () => {
  it.each([
    ['vim', ['vim']],
    ['code --wait', ['code', '--wait']],
    ['  emacsclient   -t  ', ['emacsclient', '-t']],
    ['"/Applications/Sublime Text.app/subl" -w', ['/Applications/Sublime Text.app/subl', '-w']],
    ["'/opt/my editor/ed' --flag='a b'", ['/opt/my editor/ed', '--flag=a b']],
    ['my\\ editor -x', ['my editor', '-x']],
    ['ed "say \\"hi\\""', ['ed', 'say "hi"']],
    ['ed ""', ['ed', '']],
  ])('splits %j', (line, words) => {
    expect(splitCommand(line)).toEqual(words);
  });

  it('reports an unbalanced quote as a usage error', () => {
    expect(() => splitCommand('"vim')).toThrow(PrepError);
  });
});

describe('editorCommand', () => {
  it('prefers $VISUAL, then $EDITOR, and is null without either', () => {
    expect(editorCommand({ VISUAL: 'code -w', EDITOR: 'vi' })).toEqual({ command: ['code', '-w'], variable: 'VISUAL' });
    expect(editorCommand({ VISUAL: ' ', EDITOR: 'nano' })).toEqual({ command: ['nano'], variable: 'EDITOR' });
    expect(editorCommand({})).toBeNull();
  });
});

describe('parseCompetencies', () => {
  it('takes ids or names, repeated or comma-separated, without duplicates', async () => {
    expect(await parseCompetencies(['conflict,Leadership', 'conflict', ' influence without authority '])).toEqual(['conflict', 'leadership', 'influence']);
  });

  it('takes a unique prefix, as every other --competency does', async () => {
    expect(await parseCompetencies(['mentor', 'tech'])).toEqual(['mentoring', 'technical-depth']);
  });

  it('suggests the closest id for a typo, exit 2', async () => {
    await expect(parseCompetencies(['leadrship'])).rejects.toMatchObject({ code: 'usage.competency', exitCode: 2, hint: 'did you mean "leadership"?' });
  });

  it('lists the ids an ambiguous prefix could mean, exit 2', async () => {
    await expect(parseCompetencies(['c'])).rejects.toMatchObject({ code: 'usage.competency', exitCode: 2, message: 'competency "c" is ambiguous' });
  });
});

describe('storyFolder', () => {
  const isDir = (dirs: string[]) => (p: string) => (dirs.includes(p) ? true : p.endsWith('.md') && !p.includes('missing') ? false : null);

  it('takes the first folder among the sources', () => {
    expect(storyFolder({ origin: 'config', paths: ['/n/career.md', '/n/stories', '/other'] }, isDir(['/n/stories', '/other']))).toBe('/n/stories');
  });

  it('takes a folder that does not exist yet (it will be created)', () => {
    expect(storyFolder({ origin: 'flag', paths: ['/new/place'] }, isDir([]))).toBe('/new/place');
  });

  it('refuses the bundled samples, found by origin or by path, with a hint', () => {
    for (const sources of [
      { origin: 'bundled' as const, paths: [bundledStoriesDir()] },
      { origin: 'config' as const, paths: [bundledStoriesDir()] },
    ]) {
      let err: unknown;
      try {
        storyFolder(sources, isDir([bundledStoriesDir()]));
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'new.no-folder', exitCode: 2 });
      expect((err as PrepError).hint).toMatch(/prep config set stories PATH.*prep init/);
    }
  });

  it('refuses sources that are all markdown files', () => {
    expect(() => storyFolder({ origin: 'env', paths: ['/a.md', '/missing.md'] }, isDir([]))).toThrow(/sources are files, not folders/);
  });
});

describe('writeNewFile', () => {
  it('never overwrites: adds -2, -3', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.md'), 'mine');
    expect(writeNewFile(dir, 'x', 'a')).toBe(join(dir, 'x-2.md'));
    expect(writeNewFile(dir, 'x', 'b')).toBe(join(dir, 'x-3.md'));
    expect(readFileSync(join(dir, 'x.md'), 'utf8')).toBe('mine');
  });
});

describe('prep new', () => {
  it('asks for a title and competencies in a terminal, writes, opens the editor and checks the file', async () => {
    const dir = writeTree(tempDir(), { 'stories/old.md': '# Old\n' });
    const ed = fakeEditor(dir);
    const ctx = testContext(dir, { EDITOR: ed.command });
    const deps = terminal({ title: 'Calming a heated design review', competencies: ['conflict'] });
    expect(await runNew(ctx, undefined, {}, deps)).toBe(0);
    expect(deps.asked).toEqual(['title', 'competencies']);
    const file = join(dir, 'stories', 'calming-a-heated-design-review.md');
    expect(ctx.out.stdout).toEqual([file]);
    expect(readFileSync(ed.log, 'utf8')).toBe(`${file}\n`);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^competencies: \[conflict\]$/m);
    expect(text).toMatch(/^# Calming a heated design review$/m);
    expect(text.endsWith('- **Notes**: added in the editor\n')).toBe(true);
    // The fake editor only appended a line: the check finds the template's example text still there.
    expect(ctx.out.stderr).toEqual([
      `stories/calming-a-heated-design-review.md:8:1  warning  "Calming a heated design review" still has the template's example text; replace it with your story  template-text`,
      'stories/calming-a-heated-design-review.md: 1 story, 0 errors, 1 warning',
    ]);
  });

  it('prints the findings of the check rules when the editor leaves gaps', async () => {
    const dir = writeTree(tempDir(), { 'stories/.keep': '' });
    const script = join(dir, 'blank.sh');
    // An editor that empties the Result and Action.
    writeFileSync(script, `#!/bin/sh\nsed -i -e 's/^- \\*\\*Result\\*\\*:.*/- **Result**:/' -e '/^- \\*\\*Action\\*\\*:/,/^- \\*\\*Result/{/^  - /d}' "$1"\n`);
    chmodSync(script, 0o755);
    const ctx = testContext(dir, { VISUAL: script, EDITOR: 'false' });
    expect(await runNew(ctx, 'Gaps everywhere', {}, terminal())).toBe(0);
    const err = ctx.out.stderr.join('\n');
    expect(err).toMatch(/stories\/gaps-everywhere\.md:\d+:1 {2}error {2}"Gaps everywhere" has no Result/);
    expect(err).toMatch(/stories\/gaps-everywhere\.md: 1 story, 2 errors, 1 warning/);
  });

  it('asks nothing when the title is given, and takes competencies from -c', async () => {
    const dir = writeTree(tempDir(), { 'stories/.keep': '' });
    const deps = terminal();
    const ctx = testContext(dir, { EDITOR: fakeEditor(dir).command });
    await runNew(ctx, 'Given title', { competency: ['mentoring'] }, deps);
    expect(deps.asked).toEqual([]);
    expect(readFileSync(join(dir, 'stories', 'given-title.md'), 'utf8')).toMatch(/^competencies: \[mentoring\]$/m);
  });

  it('says the file still holds the template when the editor changed nothing', async () => {
    const dir = writeTree(tempDir(), { 'stories/.keep': '' });
    const ctx = testContext(dir, { EDITOR: 'true' });
    await runNew(ctx, 'Unchanged', {}, terminal());
    expect(ctx.out.stderr.join('\n')).toMatch(/still holds the template/);
  });

  it('falls back to printing the path when no editor is set or it cannot start', async () => {
    const dir = writeTree(tempDir(), { 'stories/.keep': '' });
    const none = testContext(dir, {});
    expect(await runNew(none, 'No editor', {}, terminal())).toBe(0);
    expect(none.out.stdout).toEqual([join(dir, 'stories', 'no-editor.md')]);
    expect(none.out.stderr.join('\n')).toMatch(/set \$EDITOR/);
    const missing = testContext(dir, { EDITOR: 'no-such-editor-xyz --wait' });
    expect(await runNew(missing, 'Missing editor', {}, terminal())).toBe(0);
    expect(missing.out.stderr[0]).toMatch(/could not start the editor "no-such-editor-xyz" \(\$EDITOR\)/);
    expect(existsSync(join(dir, 'stories', 'missing-editor.md'))).toBe(true);
  });

  it('without a terminal writes the file and prints its path, asking nothing and opening nothing', async () => {
    const dir = writeTree(tempDir(), { 'stories/.keep': '' });
    const ctx = testContext(dir, { EDITOR: 'false' });
    expect(await runNew(ctx, 'Quiet one', {}, pipe)).toBe(0);
    expect(ctx.out.stdout).toEqual([join(dir, 'stories', 'quiet-one.md')]);
    expect(ctx.out.stderr).toEqual([]);
  });

  it('without a terminal needs a title: usage error, exit 2, nothing written', async () => {
    const dir = writeTree(tempDir(), { 'stories/.keep': '' });
    const err = await runNew(testContext(dir), undefined, {}, pipe).catch((e) => e);
    expect(err).toMatchObject({ code: 'usage.title', exitCode: 2 });
    expect(readdirSync(join(dir, 'stories'))).toEqual(['.keep']);
  });

  it('writes into the configured stories folder, creating it', async () => {
    const dir = tempDir();
    const ctx = { ...testContext(dir), configStories: [join(dir, 'vault', 'interview')] };
    await runNew(ctx, 'Into the vault', {}, pipe);
    expect(existsSync(join(dir, 'vault', 'interview', 'into-the-vault.md'))).toBe(true);
  });

  it('refuses to write into the bundled samples', async () => {
    const err = await runNew(testContext(tempDir()), 'Nowhere', {}, pipe).catch((e) => e);
    expect(err).toMatchObject({ code: 'new.no-folder', exitCode: 2 });
  });

  it('rejects an unknown competency before writing anything', async () => {
    const dir = writeTree(tempDir(), { 'stories/.keep': '' });
    const err = await runNew(testContext(dir), 'X', { competency: ['conflcit'] }, pipe).catch((e) => e);
    expect(err).toMatchObject({ code: 'usage.competency', exitCode: 2 });
    expect(readdirSync(join(dir, 'stories'))).toEqual(['.keep']);
  });
});

describe('prep new through bin/prep', () => {
  it('writes, opens $EDITOR with --edit, and checks the file', () => {
    const dir = writeTree(tempDir(), { 'stories/.keep': '' });
    const ed = fillingEditor(dir);
    const r = runPrep(['new', 'Test story', '--edit'], { cwd: dir, env: { EDITOR: ed.command } });
    expect(r.code).toBe(0);
    const file = join(dir, 'stories', 'test-story.md');
    expect(r.stdout).toBe(`${file}\n`);
    expect(readFileSync(ed.log, 'utf8')).toBe(`${file}\n`);
    expect(readFileSync(file, 'utf8')).toMatch(/^# Test story$/m);
    expect(r.stderr).toBe('✓ stories/test-story.md: 1 story, no findings\n');
    const again = runPrep(['new', 'Test story'], { cwd: dir, env: { EDITOR: ed.command } });
    expect(again.stdout).toBe(`${join(dir, 'stories', 'test-story-2.md')}\n`);
    expect(readFileSync(ed.log, 'utf8')).toBe(`${file}\n`);
  });

  it('uses the configured stories folder from anywhere', () => {
    const dir = tempDir();
    const home = tempDir('prep-home-');
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'config') };
    expect(runPrep(['config', 'set', 'stories', join(dir, 'notes')], { env }).code).toBe(0);
    const r = runPrep(['new', 'From anywhere'], { cwd: tempDir(), env });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(join(dir, 'notes', 'from-anywhere.md'));
  });

  it.each([
    [['new'], /^prep: no title given\n/],
    [['new', 'x', '-c', 'nope-nope-nope'], /^prep: unknown competency "nope-nope-nope"\n/],
    [['new', 'x'], /^prep: no stories folder is configured.*\n.*prep config set stories PATH/],
  ])('prep %j exits 2 with one line', (args, stderr) => {
    const r = runPrep(args, { cwd: tempDir() });
    expect(r.stderr).toMatch(stderr);
    expect(r.code).toBe(2);
  });
});
