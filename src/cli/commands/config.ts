/** `prep config get|set|unset|list|path`: the settings file (stories folder, quiz defaults, paper size). */
import { existsSync } from 'node:fs';
import { delimiter } from 'node:path';
import type { Context } from '../context.js';
import { PrepError, EXIT } from '../errors.js';
import { configFile, readConfig, updateConfig } from '../../config/config-file.js';
import {
  applyEnv,
  CONFIG_KEYS,
  formatValue,
  keySpec,
  toConfigValue,
  withoutKey,
  withValue,
  type ConfigKey,
  type PrepConfig,
} from '../../config/keys.js';
import { resolveSources } from '../../load/sources.js';
import { PRECEDENCE } from '../../config/help.js';
import { DEFAULTS } from '../../config/keys.js';

/** Options of `prep config set`. */
export interface ConfigSetOptions {
  /** Append to a list key (stories) instead of replacing it. */
  add?: boolean;
}

/** Options of `prep config list`. */
export interface ConfigListOptions {
  json?: boolean;
}

function envOverride(ctx: Context, key: ConfigKey): string | null {
  const spec = keySpec(key);
  const v = ctx.env[spec.env];
  return v !== undefined && v.trim() !== '' ? spec.env : null;
}

/** One line on stderr when `set`/`unset` replaced a config file that was not valid JSON. */
function sayMovedAside(ctx: Context, movedAside: string | null): void {
  if (movedAside) ctx.out.err(ctx.out.c.yellow(`prep: ${configFile(ctx)} was not valid JSON; kept it as ${movedAside} and started a new one`));
}

/** Print the config file's path (works even when the file is broken, so it can be found and fixed). */
export async function runConfigPath(ctx: Context): Promise<number> {
  ctx.out.out(configFile(ctx));
  return 0;
}

/** Print one key's value from the file (story paths one per line); exit 1 when it is not set. */
export async function runConfigGet(ctx: Context, key: string): Promise<number> {
  const spec = keySpec(key);
  const value = readConfig(ctx)[spec.key];
  const over = envOverride(ctx, spec.key);
  if (over) ctx.out.err(ctx.out.c.dim(`prep: note: ${over} is set and overrides "${spec.key}" from the config file`));
  if (value === undefined) {
    ctx.out.err(`prep: "${spec.key}" is not set`);
    return 1;
  }
  ctx.out.out(formatValue(value));
  return 0;
}

/**
 * Check and store a key's value; relative story paths are stored absolute; other keys are kept. A file that is not
 * valid JSON is kept as config.json.broken-<time> and a new one started (said in one line).
 */
export async function runConfigSet(ctx: Context, key: string, values: string[], opts: ConfigSetOptions = {}): Promise<number> {
  const spec = keySpec(key);
  if (!values.length) throw new PrepError('config.bad-value', `no value given for "${spec.key}"`, EXIT.usage, `"${spec.key}" must be ${spec.accepts}`);
  if (opts.add && !spec.list) throw new PrepError('usage.add', `--add works only for list keys (stories), not "${spec.key}"`, EXIT.usage);
  const value = toConfigValue(spec.key, spec.list ? values : values.length === 1 ? values[0] : values, ctx.cwd);
  const { config: next, movedAside } = updateConfig(ctx, (config) => {
    if (opts.add && spec.key === 'stories') {
      const merged = [...(config.stories ?? []), ...(value as string[])];
      return withValue(config, 'stories', [...new Set(merged)]);
    }
    return withValue(config, spec.key, value as NonNullable<PrepConfig[typeof spec.key]>);
  });
  const o = ctx.out;
  sayMovedAside(ctx, movedAside);
  const stored = next[spec.key]!;
  o.out(`${spec.key} = ${Array.isArray(stored) ? stored.join(', ') : String(stored)}`);
  if (spec.key === 'stories') {
    for (const p of value as string[]) if (!existsSync(p)) o.err(o.c.yellow(`prep: note: "${p}" does not exist yet`));
  }
  const over = envOverride(ctx, spec.key);
  if (over) o.err(o.c.dim(`prep: note: ${over} is set in this shell and still overrides the config file`));
  return 0;
}

/** Remove a key from the file (a file that is not valid JSON is kept aside and replaced, as `set` does). */
export async function runConfigUnset(ctx: Context, key: string): Promise<number> {
  const spec = keySpec(key);
  let had = false;
  const { movedAside } = updateConfig(ctx, (config) => {
    had = config[spec.key] !== undefined;
    return withoutKey(config, spec.key);
  });
  sayMovedAside(ctx, movedAside);
  ctx.out.out(had ? `${spec.key} unset` : `${spec.key} was not set`);
  return 0;
}

/** Show every key: its value, where it comes from, and what it accepts; or all of it as JSON. */
export async function runConfigList(ctx: Context, opts: ConfigListOptions = {}): Promise<number> {
  const file = configFile(ctx);
  const config = readConfig(ctx);
  const settings = applyEnv(config, ctx.env, ctx.cwd, delimiter);
  const o = ctx.out;
  if (opts.json) {
    o.out(JSON.stringify({ path: file, config, settings: settings.values, origins: settings.origins }, null, 2));
    return 0;
  }
  const keyW = Math.max(...CONFIG_KEYS.map((k) => k.key.length));
  for (const spec of CONFIG_KEYS) {
    const value = settings.values[spec.key];
    const origin = settings.origins[spec.key];
    let shown: string;
    if (value !== undefined) {
      shown = Array.isArray(value) ? value.join(', ') : String(value);
      if (origin === 'env') shown += o.c.dim(`  (from ${spec.env}${config[spec.key] !== undefined ? `; file: ${formatValue(config[spec.key]).replace(/\n/g, ', ')}` : ''})`);
    } else if (spec.key === 'stories') {
      const here = resolveSources({ cwd: ctx.cwd });
      shown = o.c.dim(here.origin === 'cwd' ? `(not set; ${here.paths[0]} here)` : '(not set; bundled samples)');
    } else if (spec.key === 'interview') {
      shown = o.c.dim('(not set; no interview date: quiz drills what is due)');
    } else {
      const d = DEFAULTS[spec.key as Exclude<typeof spec.key, 'stories' | 'interview'>];
      shown = o.c.dim(`(not set; default ${spec.key === 'time' ? `${d} s, ${DEFAULTS.pickTime} s in pick mode` : d})`);
    }
    o.out(`${o.c.cyan(spec.key.padEnd(keyW))}  ${shown}`);
  }
  o.out(o.c.dim(`file: ${file}${existsSync(file) ? '' : ' (not written yet)'}`));
  o.out(o.c.dim(PRECEDENCE));
  return 0;
}
