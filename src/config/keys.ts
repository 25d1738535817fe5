/** The config keys, their value types, and how text becomes a checked value (pure: no fs, no process). */
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { didYouMean, PrepError, EXIT } from '../errors.js';
import { PAPERS, toPaper, type Paper } from '../export/paper.js';
import { expandHome } from '../load/paths.js';

export { PAPERS, type Paper };

/** The user's settings, normalised: absolute story paths, seconds, counts. Every key is optional. */
export interface PrepConfig {
  /** Story folders or files, absolute. */
  stories?: string[];
  /** Default answer target for a quiz round, in seconds. */
  time?: number;
  /** Default number of quiz rounds. */
  count?: number;
  /** Default cheat-sheet paper size. */
  paper?: Paper;
  /** Interview date (YYYY-MM-DD) for `prep plan`, and for `prep quiz` to follow the plan. */
  interview?: string;
}

/** A key of the config file. */
export type ConfigKey = keyof PrepConfig;

/** Where a key's value came from when it is in force. */
export type SettingOrigin = 'env' | 'config';

/** What one key accepts, for help, `config list`, completion and error messages. */
export interface KeySpec {
  key: ConfigKey;
  /** Environment variable that overrides the file. */
  env: string;
  /** Whether the key holds several values (`set stories A B`). */
  list: boolean;
  /** What the value must be, as help and error text ("must be ..."). */
  accepts: string;
  description: string;
}

/** Smallest and largest accepted answer target, in seconds. */
export const TIME_RANGE = { min: 10, max: 3600 } as const;
/** Smallest and largest accepted round count. */
export const COUNT_RANGE = { min: 1, max: 500 } as const;

/** What a setting is when neither a flag, the environment nor the config file gives it: named once, used everywhere. */
export const DEFAULTS = {
  /** Seconds to tell a story: about 300 spoken words, the length interviewers expect for a STAR answer. */
  time: 120,
  /** Seconds to pick a story in pick mode, where the answer is a choice, not a told story. */
  pickTime: 20,
  /** Rounds per quiz: a session of a few minutes, short enough to do daily. */
  count: 5,
  paper: 'a4' as Paper,
} as const;

/** Every config key, in the order `config list` shows them. */
export const CONFIG_KEYS: readonly KeySpec[] = [
  { key: 'stories', env: 'PREP_STORIES', list: true, accepts: 'one or more folders or markdown files', description: 'where your story notes are' },
  { key: 'time', env: 'PREP_TIME', list: false, accepts: `seconds from ${TIME_RANGE.min} to ${TIME_RANGE.max} (90, 90s, 2m or 1:30)`, description: 'default answer target in a quiz' },
  { key: 'count', env: 'PREP_COUNT', list: false, accepts: `a whole number from ${COUNT_RANGE.min} to ${COUNT_RANGE.max}`, description: 'default number of quiz rounds' },
  { key: 'paper', env: 'PREP_PAPER', list: false, accepts: PAPERS.join(' or '), description: 'cheat-sheet paper size' },
  { key: 'interview', env: 'PREP_INTERVIEW', list: false, accepts: 'a date as YYYY-MM-DD', description: 'interview date: `prep plan` plans to it, `prep quiz` follows the plan' },
];

/** The names of all keys. */
export const CONFIG_KEY_NAMES: readonly ConfigKey[] = CONFIG_KEYS.map((k) => k.key);

/** The spec of a key the user typed, or a usage error with "did you mean". */
export function keySpec(name: string): KeySpec {
  const spec = CONFIG_KEYS.find((k) => k.key === name);
  if (spec) return spec;
  throw unknownKey(name);
}

/** A usage error for an unknown key, suggesting the closest ones. */
export function unknownKey(name: string, where = ''): PrepError {
  return new PrepError('config.unknown-key', `${where}unknown config key "${name}"`, EXIT.usage, didYouMean(name, CONFIG_KEY_NAMES, `keys: ${CONFIG_KEY_NAMES.join(', ')}`));
}

function badValue(key: ConfigKey, value: unknown, expected: string, where = ''): PrepError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return new PrepError('config.bad-value', `${where}"${key}" must be ${expected}, not "${shown}"`, EXIT.usage);
}

/** Expand a leading `~` and make a story path absolute against `base`. */
export function absolutePath(p: string, base: string, home = homedir()): string {
  const expanded = expandHome(p, home);
  return isAbsolute(expanded) ? resolve(expanded) : resolve(base, expanded);
}

/** Seconds from "90", "90s", "2m", "2m30s", "1:30", or a number; null when it is none of these. */
export function parseSeconds(v: string | number): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const t = v.trim().toLowerCase();
  let m = /^(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?)?$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?)(?:\s*(\d+)\s*(s|sec|secs|seconds?)?)?$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[3] ?? 0);
  m = /^(\d+):([0-5]\d)$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  return null;
}

/**
 * Check one key's raw value (strings from the command line or the environment, or a JSON value from the file)
 * and return it normalised. `base` is the folder relative story paths are resolved against.
 */
export function toConfigValue<K extends ConfigKey>(key: K, raw: unknown, base: string, where = ''): NonNullable<PrepConfig[K]> {
  const spec = keySpec(key);
  type V = NonNullable<PrepConfig[K]>;
  switch (key) {
    case 'stories': {
      const items = Array.isArray(raw) ? raw : [raw];
      if (!items.length) throw badValue(key, raw, spec.accepts, where);
      return items.map((p) => {
        if (typeof p !== 'string' || !p.trim()) throw badValue(key, p, 'folder or file paths', where);
        return absolutePath(p.trim(), base);
      }) as V;
    }
    case 'time': {
      const one = single(key, raw, spec, where);
      const s = typeof one === 'string' || typeof one === 'number' ? parseSeconds(one) : null;
      if (s === null || s < TIME_RANGE.min || s > TIME_RANGE.max) throw badValue(key, one, spec.accepts, where);
      return Math.round(s) as V;
    }
    case 'count': {
      const one = single(key, raw, spec, where);
      const n = typeof one === 'number' ? one : typeof one === 'string' && /^\s*\d+\s*$/.test(one) ? Number(one) : NaN;
      if (!Number.isInteger(n) || n < COUNT_RANGE.min || n > COUNT_RANGE.max) throw badValue(key, one, spec.accepts, where);
      return n as V;
    }
    case 'paper': {
      const one = single(key, raw, spec, where);
      const p = typeof one === 'string' ? toPaper(one) : null;
      if (p === null) throw badValue(key, one, spec.accepts, where);
      return p as V;
    }
    case 'interview': {
      // Past dates are accepted here (the file outlives the interview); `prep plan` says when one is past.
      const one = single(key, raw, spec, where);
      if (typeof one !== 'string' || !isCalendarDay(one.trim())) throw badValue(key, one, spec.accepts, where);
      return one.trim() as V;
    }
  }
  throw unknownKey(key, where);
}

/** Whether text is a real calendar day as YYYY-MM-DD. */
function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function single(key: ConfigKey, raw: unknown, spec: KeySpec, where: string): unknown {
  if (!Array.isArray(raw)) return raw;
  if (raw.length === 1) return raw[0];
  throw new PrepError('config.bad-value', `${where}"${key}" takes one value, not ${raw.length}`, EXIT.usage, `"${key}" must be ${spec.accepts}`);
}

/** A config with `key` set to `value` (already checked), other keys kept. */
export function withValue<K extends ConfigKey>(config: PrepConfig, key: K, value: NonNullable<PrepConfig[K]>): PrepConfig {
  return ordered({ ...config, [key]: value });
}

/** A config without `key`. */
export function withoutKey(config: PrepConfig, key: ConfigKey): PrepConfig {
  const { [key]: _gone, ...rest } = config;
  return ordered(rest);
}

/** The same config with keys in CONFIG_KEYS order, so the file reads the same way every time. */
function ordered(config: PrepConfig): PrepConfig {
  const out: Record<string, unknown> = {};
  for (const k of CONFIG_KEY_NAMES) if (config[k] !== undefined) out[k] = config[k];
  return out as PrepConfig;
}

/** A key's value as the user typed it: one story path per line, numbers and words as they are. */
export function formatValue(value: PrepConfig[ConfigKey]): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join('\n') : String(value);
}

/** The settings in force and where each came from: the environment overrides the file. */
export interface Settings {
  values: PrepConfig;
  origins: Partial<Record<ConfigKey, SettingOrigin>>;
}

/**
 * Overlay the environment (PREP_STORIES, PREP_TIME, PREP_COUNT, PREP_PAPER) on the file's config; a bad
 * environment value is a usage error naming the variable. `cwd` resolves relative PREP_STORIES paths.
 */
export function applyEnv(config: PrepConfig, env: NodeJS.ProcessEnv, cwd: string, delimiter = ':'): Settings {
  const values: PrepConfig = { ...config };
  const origins: Settings['origins'] = {};
  for (const k of CONFIG_KEY_NAMES) if (config[k] !== undefined) origins[k] = 'config';
  for (const spec of CONFIG_KEYS) {
    const raw = env[spec.env];
    if (raw === undefined || raw.trim() === '') continue;
    const where = `${spec.env}: `;
    const parsed = spec.key === 'stories' ? raw.split(delimiter).filter((p) => p.trim()) : raw;
    if (Array.isArray(parsed) && !parsed.length) continue;
    (values as Record<string, unknown>)[spec.key] = toConfigValue(spec.key, parsed, cwd, where);
    origins[spec.key] = 'env';
  }
  return { values: ordered(values), origins };
}
