/** `prep export`: a printable cheat sheet of the stories (PDF or markdown), written atomically. */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { PrepError, suggestSimilar } from '../errors.js';
import type { Paper } from '../../export/to-pdf.js';

/** Output formats of `prep export`. */
export type ExportFormat = 'pdf' | 'md';

const FORMATS: readonly ExportFormat[] = ['pdf', 'md'];
const PAPERS: readonly Paper[] = ['a4', 'letter'];

/** Options of `prep export`, as commander gives them. */
export interface ExportOptions extends StoryOptions {
  out?: string;
  format?: string;
  paper?: string;
  competency?: string[];
  tag?: string[];
  due?: boolean;
  /** The review history file (for --due). */
  history?: string;
}

/** Default output file name (in the current folder). */
export const DEFAULT_OUT = 'prep-cheatsheet';

function chooseFormat(opts: ExportOptions): ExportFormat {
  if (opts.format !== undefined) {
    const f = opts.format.toLowerCase().replace(/^markdown$/, 'md');
    if (!FORMATS.includes(f as ExportFormat)) {
      throw new PrepError('export.format', `unknown format "${opts.format}"`, 2, 'use --format pdf or --format md');
    }
    return f as ExportFormat;
  }
  return opts.out && /^\.(md|markdown)$/i.test(extname(opts.out)) ? 'md' : 'pdf';
}

/** --paper, else the `paper` setting (PREP_PAPER or the config file), else A4. */
async function choosePaper(ctx: Context, opts: ExportOptions): Promise<Paper> {
  if (opts.paper === undefined) {
    const { readSettings } = await import('../../config/config-file.js');
    return readSettings(ctx).values.paper ?? 'a4';
  }
  const p = opts.paper.toLowerCase();
  if (!PAPERS.includes(p as Paper)) throw new PrepError('export.paper', `unknown paper "${opts.paper}"`, 2, 'use --paper a4 or --paper letter');
  return p as Paper;
}

/** The output file, checked before any work: not a folder, in a folder that exists and is writable. */
function checkOutPath(ctx: Context, out: string): { file: string; shown: string } {
  const file = resolve(ctx.cwd, out);
  const rel = relative(ctx.cwd, file);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new PrepError('export.out-is-folder', `"${out}" is a folder`, 2, `give a file name, e.g. --out ${out.replace(/[\\/]+$/, '')}/${DEFAULT_OUT}.pdf`);
  }
  const dir = dirname(file);
  let why = '';
  try {
    if (!statSync(dir).isDirectory()) why = `"${dirname(shown)}" is not a folder`;
    else accessSync(dir, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    why = code === 'ENOENT' ? `folder "${dirname(shown)}" does not exist` : code === 'ENOTDIR' ? `"${dirname(shown)}" is not a folder` : `folder "${dirname(shown)}" is not writable`;
  }
  if (why) throw new PrepError('export.out-unwritable', `cannot write "${shown}": ${why}`, 2, 'choose another --out path, or create the folder first');
  return { file, shown };
}

/** Load, select, build the sheet, render it, write it atomically, print the path. */
export async function runExport(ctx: Context, opts: ExportOptions): Promise<number> {
  const format = chooseFormat(opts);
  const paper = await choosePaper(ctx, opts);
  const { file, shown } = checkOutPath(ctx, opts.out ?? `${DEFAULT_OUT}.${format}`);

  const { COMPETENCIES } = await import('../../search/competencies.js');
  const { findCompetency } = await import('../../search/engine.js');
  const competencies = (opts.competency ?? []).map((name) => {
    const c = findCompetency(name);
    if (!c) {
      const similar = suggestSimilar(name, COMPETENCIES.map((x) => x.id));
      throw new PrepError('export.competency', `unknown competency "${name}"`, 2, similar.length ? `did you mean ${similar.map((s) => `"${s}"`).join(' or ')}? (\`prep coverage\` lists them)` : '`prep coverage` lists the competencies');
    }
    return c;
  });

  const loaded = await loadForCommand(ctx, opts, { quiet: true });
  const { loadIndex } = await import('../search-context.js');
  const index = await loadIndex(ctx, loaded);
  const { allTags, competenciesByStory, selectStories } = await import('../../export/select.js');
  const tags = allTags(loaded.stories);
  for (const t of opts.tag ?? []) {
    const norm = (x: string) => x.toLowerCase().replace(/^#/, '');
    if (!tags.some((x) => norm(x) === norm(t))) {
      const similar = suggestSimilar(t, tags);
      throw new PrepError('export.tag', `no story is tagged "${t}"`, 2, similar.length ? `did you mean ${similar.map((s) => `"${s}"`).join(' or ')}?` : tags.length ? `tags in your notes: ${tags.slice(0, 8).join(', ')}${tags.length > 8 ? ', …' : ''}` : 'your notes have no tags (front matter `tags: [...]`)');
    }
  }
  const byStory = competenciesByStory(loaded.stories, index);
  const due = opts.due ? await dueStoryIds(ctx, opts.history) : null;
  const stories = selectStories(loaded.stories, { competencies: competencies.map((c) => c.id), tags: opts.tag ?? [], due }, byStory);
  const scope = [...competencies.map((c) => c.name), ...(opts.tag ?? []).map((t) => `#${t.replace(/^#/, '')}`), ...(opts.due ? ['due for review'] : [])];
  if (!stories.length) {
    throw new PrepError('export.empty', `no stories match ${scope.join(' + ')}; nothing written`, 1, opts.due ? 'nothing is due for review now; stories become due as you practise them with `prep quiz` or `prep log`' : '`prep list` shows your stories, `prep coverage` their competencies');
  }

  const { computeCoverage } = await import('../../search/coverage.js');
  const { buildCheatSheet } = await import('../../export/cheat-sheet.js');
  const ids = new Set(stories.map((s) => s.id));
  const coverage = computeCoverage({ ...index, docs: index.docs.filter((d) => ids.has(d.id)) });
  const now = ctx.now();
  const sheet = buildCheatSheet({ stories, coverage, competencies: byStory, date: now, scope, focus: competencies.map((c) => c.id) });

  let bytes: string | Buffer;
  let pages: number | null = null;
  if (format === 'md') {
    bytes = (await import('../../export/to-markdown.js')).toMarkdown(sheet);
  } else {
    // pdfkit costs ~150 ms to import: only this command pays for it.
    const { renderPdf } = await import('../../export/to-pdf.js');
    const pdf = await renderPdf(sheet, { paper, created: now });
    bytes = pdf.bytes;
    pages = pdf.pages;
    if (pdf.replaced.length) {
      const total = pdf.replaced.reduce((a, r) => a + r.count, 0);
      const list = pdf.replaced.slice(0, 6).map((r) => `"${r.char}" U+${r.codePoint.toString(16).toUpperCase().padStart(4, '0')}${r.count > 1 ? ` ×${r.count}` : ''}`);
      ctx.out.err(
        `prep: warning: ${total} character${total === 1 ? '' : 's'} the PDF font cannot draw ${total === 1 ? 'was' : 'were'} replaced with "\ufffd": ${list.join(', ')}${pdf.replaced.length > 6 ? ', …' : ''} (--format md keeps them)`,
      );
    }
  }
  const { writeFileAtomic } = await import('../../export/write-file.js');
  try {
    writeFileAtomic(file, bytes);
  } catch (e) {
    throw new PrepError('export.write', `cannot write "${shown}": ${(e as Error).message}`, 2, 'choose another --out path');
  }
  const what = [
    ...(pages !== null ? [`${pages} page${pages === 1 ? '' : 's'}`] : []),
    `${sheet.storyCount} ${sheet.storyCount === 1 ? 'story' : 'stories'}`,
    ...(sheet.noteCount ? [`${sheet.noteCount} note${sheet.noteCount === 1 ? '' : 's'}`] : []),
  ];
  ctx.out.out(`wrote ${shown} ${ctx.out.c.dim(`(${what.join(', ')})`)}`);
  return 0;
}

/** Ids of stories due for review now: the review history replayed through the scheduler (src/history). */
async function dueStoryIds(ctx: Context, historyFlag: string | undefined): Promise<ReadonlySet<string>> {
  const { openHistory } = await import('../../history/log-file.js');
  const { replayHistory } = await import('../../history/replay.js');
  const now = ctx.now();
  const cards = replayHistory(openHistory(ctx, historyFlag).reviews, now);
  return new Set([...cards].filter(([, card]) => card.due.getTime() <= now.getTime()).map(([id]) => id));
}
