/** `prep new [title]`: write a story from the template into your stories folder, open it in your editor, check it. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { Context, StoryOptions } from '../context.js';
import { PrepError, EXIT } from '../errors.js';
import { parseCompetencyOption } from '../options.js';
import { printDiagnostics } from '../output.js';
import { TEMPLATE } from '../../story/template.js';
import { slugify } from '../../story/text.js';
import { COMPETENCIES } from '../../search/competencies.js';
import { bundledStoriesDir, resolveSources, type StorySources } from '../../load/sources.js';

/** Options of `prep new`. */
export interface NewOptions extends StoryOptions {
  /** Competency ids or names (repeatable, or comma-separated). */
  competency?: string[];
  /** true: open the editor even without a terminal (GUI editors); false: never open it. */
  edit?: boolean;
}

/** How an editor run ended. */
export interface EditorRun {
  /** Exit code, or null when it was killed by a signal. */
  code: number | null;
  /** Why it could not start, if it did not. */
  error?: string;
}

/** What `prep new` needs from the terminal; tests replace these. */
export interface NewDeps {
  /** Whether stdin and stdout are a terminal, so prompts can be asked. */
  interactive: boolean;
  askTitle(): Promise<string>;
  askCompetencies(): Promise<string[]>;
  /** Run `command` with the file appended, attached to the terminal, and wait for it. */
  openEditor(command: string[], file: string): Promise<EditorRun>;
}

/** Split a shell-like command line into words, honouring single quotes, double quotes and backslashes. */
export function splitCommand(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote === "'") {
      if (ch === "'") quote = null;
      else word += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) word += line[++i];
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw new PrepError('new.editor', `unbalanced ${quote} in the editor command "${line}"`, EXIT.usage, 'fix $VISUAL or $EDITOR');
  if (inWord) words.push(word);
  return words;
}

/** The editor command from $VISUAL, then $EDITOR, split into words; null when neither is set. */
export function editorCommand(env: NodeJS.ProcessEnv): { command: string[]; variable: 'VISUAL' | 'EDITOR' } | null {
  for (const variable of ['VISUAL', 'EDITOR'] as const) {
    const value = env[variable];
    if (value && value.trim()) {
      const command = splitCommand(value);
      if (command.length) return { command, variable };
    }
  }
  return null;
}

/** Competency ids from ids, names or unique prefixes the user gave ("conflict", "Influence without authority", "a,b"). */
export async function parseCompetencies(values: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const raw of values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)) {
    const found = await parseCompetencyOption(raw);
    if (!ids.includes(found.id)) ids.push(found.id);
  }
  return ids;
}

/** The guide and STAR skeleton of the init template: everything after its front matter and title heading. */
function templateBody(): string {
  const afterFrontMatter = TEMPLATE.replace(/^---\n[\s\S]*?\n---\n/, '');
  const heading = /^# .*$/m.exec(afterFrontMatter);
  return heading ? afterFrontMatter.slice(heading.index + heading[0].length) : afterFrontMatter;
}

/** A new story's markdown: the init template with the title and competencies (and their typical questions) filled in. */
export function storyTemplate(input: { title: string; competencies: string[] }): string {
  const title = input.title.replace(/\s+/g, ' ').trim();
  const chosen = input.competencies.map((id) => COMPETENCIES.find((c) => c.id === id)).filter((c) => c !== undefined);
  const lines = ['---', '# What this story shows (ids from `prep coverage`) and questions it answers; both optional.'];
  lines.push(`competencies: [${chosen.map((c) => c.id).join(', ')}]`);
  const questions = chosen.map((c) => c.questions[0]).filter((q): q is string => Boolean(q));
  if (questions.length) lines.push('questions:', ...questions.map((q) => `  - ${JSON.stringify(q)}`));
  lines.push('---', '', `# ${title}`);
  return lines.join('\n') + templateBody();
}

/**
 * The folder a new story goes in: the first resolved source that is (or will be) a folder. The bundled samples
 * are never written to, even when configured by path; sources that are all files are an error too.
 */
export function storyFolder(sources: StorySources, isDir: (p: string) => boolean | null, bundled = bundledStoriesDir()): string {
  const hint = 'set your stories folder with `prep config set stories PATH`, run `prep init`, or pass --stories FOLDER';
  if (sources.origin === 'bundled') {
    throw new PrepError('new.no-folder', 'no stories folder is configured, and prep new does not write into the bundled samples', EXIT.usage, hint);
  }
  const isBundled = (p: string) => p === bundled || p.startsWith(bundled + sep);
  const own = sources.paths.filter((p) => !isBundled(p));
  if (!own.length) throw new PrepError('new.no-folder', `"${sources.paths[0]}" holds prep's bundled sample stories; prep new does not write there`, EXIT.usage, hint);
  for (const p of own) {
    const dir = isDir(p);
    // A path that does not exist yet is a folder to create, unless it is named like a markdown file.
    if (dir === true || (dir === null && !['.md', '.markdown'].includes(extname(p).toLowerCase()))) return p;
  }
  throw new PrepError('new.no-folder', `the story sources are files, not folders: ${sources.paths.join(', ')}`, EXIT.usage, hint);
}

/** Write `text` to `dir/slug.md`, or slug-2.md, slug-3.md, ... — never over an existing file. */
export function writeNewFile(dir: string, slug: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  for (let n = 1; n < 1000; n++) {
    const file = join(dir, `${slug}${n === 1 ? '' : `-${n}`}.md`);
    try {
      writeFileSync(file, text, { flag: 'wx' });
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new PrepError('new.write', `cannot write "${file}": ${(e as Error).message}`, EXIT.failure);
    }
  }
  throw new PrepError('new.write', `too many stories named "${slug}" in ${dir}`, EXIT.failure);
}

function isDirectory(p: string): boolean | null {
  try {
    return statSync(p).isDirectory();
  } catch {
    return null;
  }
}

/** Write a new story, open it in the user's editor, and check it when the editor closes. */
export async function runNew(ctx: Context, titleArg: string | undefined, opts: NewOptions, deps: NewDeps = terminalNewDeps()): Promise<number> {
  const o = ctx.out;
  let title = (titleArg ?? '').replace(/\s+/g, ' ').trim();
  const guided = !title && deps.interactive;
  if (!title) {
    if (!deps.interactive) throw new PrepError('usage.title', 'no title given', EXIT.usage, 'without a terminal give one: prep new "Untangling the release process"');
    title = (await deps.askTitle()).replace(/\s+/g, ' ').trim();
    if (!title) throw new PrepError('usage.title', 'no title given', EXIT.usage);
  }
  // Competencies first, so a typo is reported before anything is written.
  let competencies = await parseCompetencies(opts.competency ?? []);
  if (!competencies.length && guided) competencies = await deps.askCompetencies();

  const sources = resolveSources({ flags: opts.stories, env: ctx.env.PREP_STORIES, config: ctx.configStories, cwd: ctx.cwd });
  const dir = storyFolder(sources, isDirectory);
  if (existsSync(dir) && !isDirectory(dir)) throw new PrepError('new.no-folder', `"${dir}" is not a folder`, EXIT.usage);
  const text = storyTemplate({ title, competencies });
  const file = writeNewFile(dir, slugify(title), text);
  const rel = relative(ctx.cwd, file);
  const shown = rel && !rel.startsWith('..') ? rel : file;
  // Piped output gets the bare path, so `prep new "x" | xargs code` works; a person gets a sentence.
  o.out(o.isTTY ? `wrote ${shown}` : file);

  if (!(opts.edit ?? deps.interactive)) return 0;
  const editor = editorCommand(ctx.env);
  if (!editor) {
    o.err(o.c.dim('prep: set $EDITOR (or $VISUAL) to have prep new open the story for you; `prep check` checks it'));
    return 0;
  }
  const run = await deps.openEditor(editor.command, file);
  if (run.error) {
    o.err(o.c.yellow(`prep: could not start the editor "${editor.command[0]}" ($${editor.variable}): ${run.error}`));
    o.err(o.c.dim(`edit ${shown} yourself, then run \`prep check\``));
    return 0;
  }
  if (run.code !== 0) o.err(o.c.yellow(`prep: the editor exited with ${run.code === null ? 'a signal' : `code ${run.code}`}; checking the file anyway`));
  return checkNewStory(ctx, file, shown, text);
}

/** Run the `prep check` rules on the new file and print what they find. */
async function checkNewStory(ctx: Context, file: string, shown: string, written: string): Promise<number> {
  const o = ctx.out;
  let now = '';
  try {
    now = readFileSync(file, 'utf8');
  } catch {
    o.err(o.c.yellow(`prep: ${shown} is gone; nothing to check`));
    return 0;
  }
  const { loadStories } = await import('../../load/read-stories.js');
  const { checkStories } = await import('../../check/check-stories.js');
  const loaded = await loadStories([file], { cwd: ctx.cwd, cacheDir: null });
  const findings = checkStories(loaded.stories, loaded.diagnostics).filter((d) => d.severity !== 'info');
  printDiagnostics(o, findings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const count = `${loaded.stories.length} ${loaded.stories.length === 1 ? 'story' : 'stories'}`;
  if (!loaded.stories.length) o.err(o.c.yellow(`${shown}: no story found; a story is a heading with Situation / Task / Action / Result under it`));
  else if (!findings.length) o.err(o.c.green(`✓ ${shown}: ${count}, no findings`));
  else o.err(`${shown}: ${count}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  if (now === written) o.err(o.c.dim(`${shown} still holds the template; fill in the parts when you are ready`));
  return 0;
}

/** The real terminal: @inquirer prompts (loaded only when asked) and the editor attached to this terminal. */
export function terminalNewDeps(): NewDeps {
  return {
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    async askTitle() {
      const { input } = await import('@inquirer/prompts');
      return input({ message: 'Story title', required: true, validate: (v) => (v.trim() ? true : 'a short, specific title, e.g. "Untangling the release process"') });
    },
    async askCompetencies() {
      const { checkbox } = await import('@inquirer/prompts');
      return checkbox({
        message: 'Competencies (space to pick, enter when done)',
        choices: COMPETENCIES.map((c) => ({ name: c.name, value: c.id, description: c.questions[0] })),
        pageSize: 12,
        loop: false,
      });
    },
    openEditor: spawnEditor,
  };
}

/** Spawn the editor on the terminal and wait; Ctrl-C goes to the editor, not to prep. */
export function spawnEditor(command: string[], file: string): Promise<EditorRun> {
  return new Promise((resolve) => {
    const ignore = () => {};
    process.on('SIGINT', ignore);
    const done = (run: EditorRun) => {
      process.off('SIGINT', ignore);
      resolve(run);
    };
    let settled = false;
    const once = (run: EditorRun) => {
      if (!settled) done(run);
      settled = true;
    };
    let child;
    try {
      child = spawn(command[0]!, [...command.slice(1), file], { stdio: 'inherit' });
    } catch (e) {
      done({ code: null, error: (e as Error).message });
      return;
    }
    child.on('error', (e) => once({ code: null, error: e.message }));
    child.on('close', (code) => once({ code }));
  });
}
