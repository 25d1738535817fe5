/** Where stories come from: flags, then PREP_STORIES, then config, then ./stories, then the bundled samples. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, PrepError } from '../errors.js';
import { expandHome } from './paths.js';

/** Which rule chose the story sources (for messages and the first-run hint). */
export type SourceOrigin = 'flag' | 'env' | 'config' | 'cwd' | 'bundled';

/** The story paths to read and why they were chosen. */
export interface StorySources {
  paths: string[];
  origin: SourceOrigin;
}

/** Inputs to source resolution, so it can be tested without touching the real environment. */
export interface SourceInputs {
  flags?: string[];
  env?: string | undefined;
  config?: string[] | undefined;
  cwd: string;
  exists?: (p: string) => boolean;
  home?: string;
}

/** The sample stories shipped with prep. */
export function bundledStoriesDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'stories');
}

/** Pick story sources by precedence: flag > environment > config > ./stories > bundled samples. */
export function resolveSources(input: SourceInputs): StorySources {
  const exists = input.exists ?? existsSync;
  // "~/notes" means the home folder wherever it comes from (a quoted flag, PREP_STORIES, the config file).
  const home = input.home ?? homedir();
  const abs = (p: string) => resolve(input.cwd, expandHome(p, home));
  // An empty --stories (an unset shell variable, `--stories ""`) would silently mean the current folder.
  if (input.flags?.some((p) => !p.trim())) throw new PrepError('usage.stories', '--stories needs a file or folder, not ""', EXIT.usage, 'pass a path, e.g. --stories ~/notes/interview');
  if (input.flags?.length) return { paths: input.flags.map(abs), origin: 'flag' };
  const env = (input.env ?? '').split(delimiter).filter((p) => p.trim());
  if (env.length) return { paths: env.map(abs), origin: 'env' };
  if (input.config?.length) return { paths: input.config.map(abs), origin: 'config' };
  const local = join(input.cwd, 'stories');
  if (exists(local)) return { paths: [local], origin: 'cwd' };
  return { paths: [bundledStoriesDir()], origin: 'bundled' };
}
