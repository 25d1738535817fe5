/**
 * The config file on disk (`<config folder>/config.json`): read it, write it atomically. This is the API other
 * commands use for their defaults: `readConfig(ctx)` for the file alone, `readSettings(ctx)` with the
 * environment applied on top. Kept free of heavy imports: main.ts reads it on every run.
 */
import { constants, copyFileSync, existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { EXIT, PrepError } from '../errors.js';
import { isSymlink, SymlinkRefused, writeFileAtomic } from '../load/atomic-write.js';
import { readRegularFile } from '../load/read-file.js';
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

/** A config file is a few lines; anything this large is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The config in `file`; a missing file is an empty config, a broken one a PrepError naming file and line. */
export function readConfigFile(file: string): PrepConfig {
  let text: string;
  try {
    // Read on every run: a FIFO or device in its place must not hang prep, nor a huge file slow it.
    text = readRegularFile(file, MAX_CONFIG_BYTES).toString('utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return {};
    throw new PrepError('config.unreadable', `cannot read config ${file}: ${(e as Error).message}`, EXIT.usage);
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

/** Write `config` to `file` atomically (temp file + rename), creating the folder; a symlinked file is refused. */
export function writeConfigFile(file: string, config: PrepConfig): void {
  try {
    writeFileAtomic(file, toConfigText(config), { mkdir: true });
  } catch (e) {
    if (e instanceof SymlinkRefused) throw symlinkedConfig(file);
    throw new PrepError('config.write', `cannot write config ${file}: ${(e as Error).message}`, EXIT.failure);
  }
}

/** The refusal for a config.json that is a symbolic link: prep never writes through a link. */
function symlinkedConfig(file: string): PrepError {
  return new PrepError('config.symlink', `config ${file} is a symbolic link; prep does not write through links`, EXIT.usage, 'edit the file it points to by hand, or replace the link with a plain file');
}

/** What `updateConfig` wrote, and where it moved a config file it could not parse (null when it did not). */
export interface ConfigUpdate {
  config: PrepConfig;
  movedAside: string | null;
}

/** `config.json.broken-20260302-100000`: where an unparseable config file is kept when it is replaced. */
export function brokenConfigName(file: string, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  let name = `${file}.broken-${stamp}`;
  for (let i = 2; existsSync(name); i++) name = `${file}.broken-${stamp}-${i}`;
  return name;
}

/**
 * Read the config, change it with `change`, and write it back atomically. A file that is not JSON (or not a JSON
 * object) is kept as `config.json.broken-<time>` and the change starts from {}; a file that parses but holds a bad
 * key or value is still an error naming its line.
 */
export function updateConfig(ctx: ConfigPlace & { now: () => Date }, change: (config: PrepConfig) => PrepConfig): ConfigUpdate {
  const file = configFile(ctx);
  // Refused before anything is copied aside or changed.
  if (isSymlink(file)) throw symlinkedConfig(file);
  let current: PrepConfig;
  let movedAside: string | null = null;
  try {
    current = readConfigFile(file);
  } catch (e) {
    if (!(e instanceof PrepError) || e.code !== 'config.parse') throw e;
    movedAside = brokenConfigName(file, ctx.now());
    try {
      copyFileSync(file, movedAside, constants.COPYFILE_EXCL);
    } catch (err) {
      throw new PrepError('config.write', `cannot keep a copy of the broken config ${file}: ${(err as Error).message}`, EXIT.failure, `fix or delete ${file}`);
    }
    current = {};
  }
  const next = change(current);
  writeConfigFile(file, next);
  return { config: next, movedAside };
}
