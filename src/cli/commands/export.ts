/** `prep export`: a printable cheat sheet of the stories (PDF or markdown), written atomically, never over your notes. */
import { accessSync, closeSync, constants, existsSync, openSync, readFileSync, realpathSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { isatty } from 'node:tty';
import { createHash } from 'node:crypto';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { realPath } from '../../load/paths.js';
import { didYouMean, EXIT, PrepError } from '../../errors.js';
import { parseCompetencyOption } from '../options.js';
import { toTerminalText } from '../terminal-text.js';
import { PAPERS, toPaper, type Paper } from '../../export/paper.js';
import { DEFAULTS } from '../../config/keys.js';
import type { Competency } from '../../search/competencies.js';
import type { Story } from '../../story/types.js';

/** Output formats of `prep export`. */
export type ExportFormat = 'pdf' | 'md';

const FORMATS: readonly ExportFormat[] = ['pdf', 'md'];
const MARKDOWN = /^\.(md|markdown)$/i;
/** A file this large is no cheat sheet of ours: not read to find out. */
const MAX_SHEET_BYTES = 64 * 1024 * 1024;

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
  /** Replace an existing --out file even when it is not a cheat sheet prep wrote (never a story file). */
  force?: boolean;
  /** Index the sheet by a framework's principles (amazon, generic, or the user's own). */
  framework?: string;
}

/** Default output file name (in the current folder). */
export const DEFAULT_OUT = 'prep-cheatsheet';

function chooseFormat(opts: ExportOptions): ExportFormat {
  if (opts.format !== undefined) {
    const f = opts.format.toLowerCase().replace(/^markdown$/, 'md');
    if (!FORMATS.includes(f as ExportFormat)) {
      throw new PrepError('export.format', `unknown format "${opts.format}"`, EXIT.usage, 'use --format pdf or --format md');
    }
    return f as ExportFormat;
  }
  return opts.out && MARKDOWN.test(extname(opts.out)) ? 'md' : 'pdf';
}

/** --paper, else the `paper` setting (PREP_PAPER or the config file), else A4. */
async function choosePaper(ctx: Context, opts: ExportOptions): Promise<Paper> {
  if (opts.paper === undefined) {
    const { readSettings } = await import('../../config/config-file.js');
    return readSettings(ctx).values.paper ?? DEFAULTS.paper;
  }
  const p = toPaper(opts.paper);
  if (p === null) throw new PrepError('export.paper', `unknown paper "${opts.paper}"`, EXIT.usage, `use ${PAPERS.map((x) => `--paper ${x}`).join(' or ')}`);
  return p;
}

/** The output file as given and as shown (relative to the current folder when inside it). */
interface OutFile {
  file: string;
  shown: string;
}

/** The output file, checked before any work: not a folder, in a folder that exists and is writable. */
function checkOutPath(ctx: Context, out: string): OutFile {
  const file = resolve(ctx.cwd, out);
  const rel = relative(ctx.cwd, file);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new PrepError('export.out-is-folder', `"${out}" is a folder`, EXIT.usage, `give a file name, e.g. --out ${out.replace(/[\\/]+$/, '')}/${DEFAULT_OUT}.pdf`);
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
  if (why) throw new PrepError('export.out-unwritable', `cannot write "${shown}": ${why}`, EXIT.usage, 'choose another --out path, or create the folder first');
  return { file, shown };
}


const statOrNull = (p: string): Stats | null => {
  try {
    return statSync(p);
  } catch {
    return null;
  }
};

/** How the sheet gets to its target: renamed into place, or written straight into a pipe or terminal. */
type WriteMode = 'replace' | 'stream';

/**
 * Refuse an --out that would overwrite the user's notes: a loaded story file, or a markdown file inside a stories
 * folder (it would be read back as a story), --force or not. Refuse a symbolic link, and an existing file that is not
 * exactly the cheat sheet prep wrote there last, unless --force. Pipes and terminals (/dev/stdout) are written into.
 */
async function guardOut(out: OutFile, loaded: { files: { path: string }[]; sources: { paths: string[] } }, force: boolean, record: ExportRecord): Promise<WriteMode> {
  const real = realPath(out.file);
  const notes = 'choose an --out path outside your stories folders';
  if (loaded.files.some((f) => realPath(f.path) === real)) {
    throw new PrepError('export.out-is-notes', `"${out.shown}" is one of your story files; not writing the cheat sheet over it`, EXIT.usage, notes);
  }
  if (MARKDOWN.test(extname(real))) {
    for (const p of loaded.sources.paths) {
      if (!statOrNull(p)?.isDirectory()) continue;
      const dir = realPath(p);
      if (real.startsWith(dir.endsWith(sep) ? dir : dir + sep)) {
        throw new PrepError('export.out-is-notes', `"${out.shown}" is in your stories folder "${p}"; a markdown cheat sheet there would be read as a story`, EXIT.usage, `${notes}, or export a PDF`);
      }
    }
  }
  const st = statOrNull(real);
  if (st && (st.isFIFO() || st.isCharacterDevice())) return 'stream';
  // A link is never written through (it could point anywhere); pipes and terminals behind one (/dev/stdout) are fine.
  const { isSymlink } = await import('../../load/atomic-write.js');
  if (isSymlink(out.file)) {
    throw new PrepError('export.out-symlink', `"${out.shown}" is a symbolic link; prep does not write through links`, EXIT.usage, 'give the path of the file itself, or choose another --out path');
  }
  if (!st) return 'replace';
  if (!st.isFile()) throw new PrepError('export.out-not-file', `"${out.shown}" is not a regular file; not writing over it`, EXIT.usage, 'choose another --out path');
  if (force || st.size === 0) return 'replace';
  let bytes: Buffer | null = null;
  try {
    bytes = st.size <= MAX_SHEET_BYTES ? readFileSync(real) : null;
  } catch {
    // Unreadable: not known to be ours.
  }
  // Replaced only when it is exactly what prep wrote there last time: an edited or annotated sheet is kept.
  if (bytes && writtenBefore(record, real) === contentHash(bytes)) return 'replace';
  const { isCheatSheet } = await import('../../export/own-file.js');
  if (bytes && isCheatSheet(bytes)) {
    throw new PrepError('export.out-changed', `"${out.shown}" is a cheat sheet that changed since prep wrote it; not replacing it`, EXIT.usage, 'pass --force to replace it, or choose another --out path');
  }
  throw new PrepError('export.out-exists', `"${out.shown}" exists and is not a cheat sheet prep wrote; not replacing it`, EXIT.usage, 'choose another --out path, or pass --force to replace it');
}

/** Write into a pipe or device; markdown bound for a terminal (--out /dev/tty) passes the terminal sanitiser. */
function writeStream(file: string, bytes: string | Buffer): void {
  const fd = openSync(file, 'w');
  try {
    const data = typeof bytes === 'string' && isatty(fd) ? toTerminalText(bytes) : bytes;
    writeFileSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

/** Where prep keeps the hash of each cheat sheet it wrote (by real path), to know an unchanged one later. */
const recordFile = (ctx: Context) => join(ctx.folders.data, 'exports.json');

/** Cheat sheets remembered: a few dozen places are plenty. */
const KEEP_RECORDS = 50;

type ExportRecord = Record<string, string>;

/** The hashes of cheat sheets prep wrote; a missing or damaged record is empty (so --force is needed). */
async function readRecord(ctx: Context): Promise<ExportRecord> {
  try {
    const { readRegularFile } = await import('../../load/read-file.js');
    const data: unknown = JSON.parse(readRegularFile(recordFile(ctx), 1024 * 1024).toString('utf8'));
    const rec: ExportRecord = Object.create(null);
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      for (const [k, v] of Object.entries(data)) if (typeof v === 'string') rec[k] = v;
    }
    return rec;
  } catch {
    return Object.create(null);
  }
}

const writtenBefore = (record: ExportRecord, real: string): string | undefined => (Object.hasOwn(record, real) ? record[real] : undefined);

/** sha256 of a file's bytes. */
function contentHash(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Remember the sheet just written; failing to is only a debug note (the next export then needs --force). */
async function rememberSheet(ctx: Context, record: ExportRecord, real: string, bytes: Uint8Array | string): Promise<void> {
  const next: ExportRecord = Object.create(null);
  for (const [k, v] of Object.entries(record).filter(([k]) => k !== real).slice(-(KEEP_RECORDS - 1))) next[k] = v;
  next[real] = contentHash(bytes);
  try {
    const { writeFileAtomic } = await import('../../load/atomic-write.js');
    writeFileAtomic(recordFile(ctx), JSON.stringify(next, null, 2) + '\n', { mkdir: true, mode: 0o600 });
  } catch (e) {
    ctx.debug(`cheat-sheet record not written (${(e as Error).message})`);
  }
}

/** Load, select, build the sheet, check the target, render, write atomically, print the path. */
export async function runExport(ctx: Context, opts: ExportOptions): Promise<number> {
  const format = chooseFormat(opts);
  const paper = await choosePaper(ctx, opts);
  const out = checkOutPath(ctx, opts.out ?? `${DEFAULT_OUT}.${format}`);
  const competencies: Competency[] = [];
  for (const name of opts.competency ?? []) competencies.push(await parseCompetencyOption(name));

  const loaded = await loadForCommand(ctx, opts, { quiet: true });
  const { loadIndex, withCompetencies } = await import('../search-context.js');
  const index = await loadIndex(ctx, loaded);
  const { allTags, selectStories, tagKey } = await import('../../export/select.js');
  const tags = allTags(loaded.stories);
  for (const t of opts.tag ?? []) {
    if (!tags.some((x) => tagKey(x) === tagKey(t))) {
      const listed = tags.length ? `tags in your notes: ${tags.slice(0, 8).join(', ')}${tags.length > 8 ? ', …' : ''}` : 'your notes have no tags (front matter `tags: [...]`)';
      throw new PrepError('export.tag', `no story is tagged "${t}"`, EXIT.usage, didYouMean(t, tags, listed));
    }
  }
  // The competencies `prep show` and `prep list` give each story: the notes' own, else inferred.
  const all = await withCompetencies(loaded.stories, index);
  const byStory = new Map(all.map((s) => [s.id, s.competencies]));
  const due = opts.due ? await dueStoryIds(ctx, opts.history, loaded) : null;
  const stories = selectStories(all, { competencies: competencies.map((c) => c.id), tags: opts.tag ?? [], due }, byStory);
  const scope = [...competencies.map((c) => c.name), ...(opts.tag ?? []).map((t) => `#${t.replace(/^#/, '')}`), ...(opts.due ? ['due for review'] : [])];
  if (!stories.length) {
    throw new PrepError('export.empty', `no stories match ${scope.join(' + ')}; nothing written`, EXIT.failure, opts.due ? 'nothing is due for review now; stories become due as you practise them with `prep quiz` or `prep log`' : '`prep list` shows your stories, `prep coverage` their competencies');
  }
  const record = await readRecord(ctx);
  const mode = await guardOut(out, loaded, Boolean(opts.force), record);

  const { computeCoverage } = await import('../../search/coverage.js');
  const { buildCheatSheet } = await import('../../export/cheat-sheet.js');
  const ids = new Set(stories.map((s) => s.id));
  const shown = { ...index, docs: index.docs.filter((d) => ids.has(d.id)) };
  // With --framework the index lists the framework's principles, each with its best story.
  const fw = opts.framework !== undefined ? await (await import('../framework-context.js')).frameworkCoverageRows(ctx, opts.framework, shown) : null;
  const coverage = fw ? fw.rows : computeCoverage(index, (d) => ids.has(d.id));
  const now = ctx.now();
  // Gaps are judged over every story: one covered by a story left off this sheet is no gap.
  const allCoverage = fw ? coverage : stories.length === all.length ? coverage : computeCoverage(index);
  const sheet = buildCheatSheet({ stories, coverage, allCoverage, competencies: byStory, date: now, scope: fw ? [...scope, fw.framework.name] : scope, focus: fw ? [] : competencies.map((c) => c.id) });

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
  try {
    if (mode === 'stream') writeStream(out.file, bytes);
    else (await import('../../load/atomic-write.js')).writeFileAtomic(out.file, bytes);
  } catch (e) {
    throw new PrepError('export.write', `cannot write "${out.shown}": ${(e as Error).message}`, EXIT.failure, 'choose another --out path');
  }
  if (mode === 'replace') await rememberSheet(ctx, record, realPath(out.file), bytes);
  const what = [
    ...(pages !== null ? [`${pages} page${pages === 1 ? '' : 's'}`] : []),
    `${sheet.storyCount} ${sheet.storyCount === 1 ? 'story' : 'stories'}`,
    ...(sheet.noteCount ? [`${sheet.noteCount} note${sheet.noteCount === 1 ? '' : 's'}`] : []),
  ];
  const line = `wrote ${out.shown} ${ctx.out.c.dim(`(${what.join(', ')})`)}`;
  // Into a pipe or terminal (--out /dev/stdout) the sheet is the output: the summary goes to stderr.
  if (mode === 'stream') ctx.out.err(line);
  else ctx.out.out(line);
  return 0;
}

/** Ids of stories due for review now: the review history replayed through the scheduler (src/history). */
async function dueStoryIds(ctx: Context, historyFlag: string | undefined, loaded: { stories: readonly Story[]; files: readonly { path: string }[] }): Promise<ReadonlySet<string>> {
  const { openStoryHistory } = await import('../history-context.js');
  const { replayHistory } = await import('../../history/replay.js');
  const now = ctx.now();
  // The story files are passed so a --history pointing at the notes is refused, as in quiz and log; edits are followed.
  const cards = replayHistory((await openStoryHistory(ctx, historyFlag, loaded)).reviews, now);
  return new Set([...cards].filter(([, card]) => card.due.getTime() <= now.getTime()).map(([id]) => id));
}
