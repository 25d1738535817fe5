/**
 * The config file on disk (`<config folder>/config.json`): read it, write it atomically. This is the API other
 * commands use for their defaults: `readConfig(ctx)` for the file alone, `readSettings(ctx)` with the
 * environment applied on top. Kept free of heavy imports: main.ts reads it on every run.
 */
import { mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { PrepError } from '../cli/errors.js';
import { fromConfigText, toConfigText } from './config-text.js';
import { applyEnv, type PrepConfig, type Settings } from './keys.js';

export type { ConfigKey, Paper, PrepConfig, Settings, SettingOrigin } from './keys.js';

/** What the config API needs from a command's context. */
export interface ConfigPlace {
  folders: { config: string };
}

/** The config file's path. */
export function configFile(ctx: ConfigPlace): string {
  return join(ctx.folders.config, 'config.json');
}

/** The config in `file`; a missing file is an empty config, a broken one a PrepError naming file and line. */
export function readConfigFile(file: string): PrepConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return {};
    throw new PrepError('config.unreadable', `cannot read config ${file}: ${(e as Error).message}`, 2);
  }
  return fromConfigText(text, file, dirname(file));
}

/** The user's config file, checked: `{ stories?: string[]; time?: number; count?: number; paper?: 'a4'|'letter' }`. */
export function readConfig(ctx: ConfigPlace): PrepConfig {
  return readConfigFile(configFile(ctx));
}

/**
 * The defaults in force: the environment (PREP_STORIES, PREP_TIME, PREP_COUNT, PREP_PAPER) over the config file.
 * A command applies its own flag first: `opts.time ?? readSettings(ctx).values.time ?? BUILT_IN`.
 */
export function readSettings(ctx: ConfigPlace & { env: NodeJS.ProcessEnv; cwd: string }): Settings {
  return applyEnv(readConfig(ctx), ctx.env, ctx.cwd, delimiter);
}

/** Write `config` to `file` atomically (temp file + rename), creating the folder; follows a symlinked file. */
export function writeConfigFile(file: string, config: PrepConfig): void {
  let target = file;
  try {
    // Dotfile managers symlink config.json; replace the file it points to, not the link.
    target = realpathSync(file);
  } catch {
    // No file yet: write it where it belongs.
  }
  const tmp = `${target}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(tmp, toConfigText(config), { flag: 'wx' });
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new PrepError('config.write', `cannot write config ${file}: ${(e as Error).message}`, 1);
  }
}

/** Read the config, change it with `change`, and write it back atomically; returns the new config. */
export function updateConfig(ctx: ConfigPlace, change: (config: PrepConfig) => PrepConfig): PrepConfig {
  const file = configFile(ctx);
  const next = change(readConfigFile(file));
  writeConfigFile(file, next);
  return next;
}
