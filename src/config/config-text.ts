/** The config file's text <-> PrepConfig, with errors located by file and line (pure: no fs). */
import { PrepError, EXIT } from '../errors.js';
import { CONFIG_KEY_NAMES, toConfigValue, unknownKey, type ConfigKey, type PrepConfig } from './keys.js';

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Where JSON.parse gave up, from its message ("... at position 12", or the end for "Unexpected end"). */
function errorOffset(message: string, text: string): number {
  const m = /position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    const lines = text.split('\n');
    return lines.slice(0, Number(lc[1]) - 1).reduce((n, l) => n + l.length + 1, 0) + Number(lc[2]) - 1;
  }
  return text.length;
}

/** The 1-based line where `"key":` appears in the file, so value errors point at it (1 if not found). */
function keyLine(text: string, key: string): number {
  const i = text.search(new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`));
  return i < 0 ? 1 : lineColumn(text, i).line;
}

// True of `prep config set` and `unset`: they keep the broken file as config.json.broken-<time> and start afresh.
const FIX_HINT = 'fix or delete the file, or run `prep config set KEY VALUE` to start a new one (the old file is kept as config.json.broken-<time>)';

/**
 * Read config text: strict JSON, an object of known keys with valid values. An empty file is an empty config.
 * Relative story paths resolve against `base` (the config file's folder). Errors name `file:line`.
 */
export function fromConfigText(text: string, file: string, base: string): PrepConfig {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return {};
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    const msg = (e as Error).message;
    const { line, column } = lineColumn(body, errorOffset(msg, body));
    const reason = msg.replace(/\s*(in JSON )?at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '');
    throw new PrepError('config.parse', `${file}:${line}:${column}: config is not valid JSON (${reason})`, EXIT.usage, FIX_HINT);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new PrepError('config.parse', `${file}:1:1: config must be a JSON object like {"stories": ["~/notes"]}`, EXIT.usage, FIX_HINT);
  }
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
    const where = `${file}:${keyLine(body, key)}: `;
    if (!(CONFIG_KEY_NAMES as readonly string[]).includes(key)) throw unknownKey(key, where);
    if (raw === null) continue;
    out[key] = toConfigValue(key as ConfigKey, raw, base, where);
  }
  const config: PrepConfig = {};
  for (const k of CONFIG_KEY_NAMES) if (out[k] !== undefined) (config as Record<string, unknown>)[k] = out[k];
  return config;
}

/** Config text as written to disk: pretty JSON, keys in a fixed order, a final newline. */
export function toConfigText(config: PrepConfig): string {
  const ordered: Record<string, unknown> = {};
  for (const k of CONFIG_KEY_NAMES) if (config[k] !== undefined) ordered[k] = config[k];
  return JSON.stringify(ordered, null, 2) + '\n';
}
