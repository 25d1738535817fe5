/** What every command gets from the shell: output, environment, clock, and the user's folders. */
import { join } from 'node:path';
import type { Output } from './output.js';
import { printDiagnostics } from './output.js';
import { EXIT, PrepError } from './errors.js';
import { resolveSources, type StorySources } from '../load/sources.js';
import type { LoadedStories } from '../load/read-stories.js';

/** The user's folders for data (history), config and cache. */
export interface Folders {
  data: string;
  config: string;
  cache: string;
}

/** Everything a command needs from outside the functional core. */
export interface Context {
  out: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now: () => Date;
  folders: Folders;
  /** Story paths from the user's config file, if any. */
  configStories?: string[];
  debug: (msg: string) => void;
}

/** Folders from env-paths (XDG on Linux), loaded lazily so commands that do not need them skip the import. */
export async function userFolders(env: NodeJS.ProcessEnv): Promise<Folders> {
  const { default: envPaths } = await import('env-paths');
  const p = envPaths('prep', { suffix: '' });
  return { data: p.data, config: p.config, cache: env.PREP_CACHE_DIR || p.cache };
}

/** Options every story-reading command accepts. */
export interface StoryOptions {
  stories?: string[];
}

/**
 * Resolve sources, load stories (through the cache), print read warnings, and say once (ever) how to use your own
 * notes when falling back to the samples; `hint: false` keeps that for a real command (shell completion).
 */
export async function loadForCommand(ctx: Context, opts: StoryOptions, { quiet = false, hint = true, allowEmpty = false } = {}): Promise<LoadedStories & { sources: StorySources }> {
  const sources = resolveSources({ flags: opts.stories, env: ctx.env.PREP_STORIES, config: ctx.configStories, cwd: ctx.cwd });
  const { loadStories } = await import('../load/read-stories.js');
  const cacheDir = ctx.env.PREP_NO_CACHE ? null : join(ctx.folders.cache, 'v1');
  const loaded = await loadStories(sources.paths, { cwd: ctx.cwd, cacheDir, debug: ctx.debug });
  if (sources.origin === 'bundled' && hint) {
    const { showFirstRunHint } = await import('../config/first-run.js');
    showFirstRunHint(ctx);
  }
  // Read problems (bad front matter, skipped files, a file that gave nothing) are said by every command, not only check.
  if (!quiet) printDiagnostics(ctx.out, loaded.diagnostics.filter((d) => d.severity !== 'info'));
  if (!loaded.stories.length && !allowEmpty) {
    const where = sources.paths.join(', ');
    throw new PrepError(
      'stories.none',
      `no stories found in ${where} (${loaded.files.length} markdown file${loaded.files.length === 1 ? '' : 's'} read)`,
      EXIT.usage,
      'stories are markdown headings with Situation / Task / Action / Result parts; `prep init` writes a template',
    );
  }
  return { ...loaded, sources };
}
