/** Option values shared by several commands, checked once with the same ranges and messages as `prep config`. */
import type { Competency } from '../search/competencies.js';
import { COUNT_RANGE, TIME_RANGE, parseSeconds } from '../config/keys.js';
import { didYouMean, EXIT, PrepError } from '../errors.js';

/** An inclusive range of accepted values. */
export interface Range {
  min: number;
  max: number;
}

/** Seconds from an option value like "95", "2m" or "1:35" (as `prep config` reads them), or a usage error naming the option. */
export function parseSecondsOption(name: string, text: string, range: Range = { min: 0, max: 36_000 }): number {
  const s = parseSeconds(text);
  if (s === null || s < range.min || s > range.max) {
    const within = range.min > 0 ? ` from ${range.min} to ${range.max}` : '';
    throw new PrepError(`usage.${name}`, `--${name} must be a number of seconds${within} (or m:ss), not "${text}"`, EXIT.usage, `example: --${name} 95 or --${name} 1:35`);
  }
  return s;
}

/** The answer target from --time, in whole seconds, within the range the `time` setting accepts. */
export function parseTimeOption(text: string): number {
  return Math.round(parseSecondsOption('time', text, TIME_RANGE));
}

/** The number of rounds from --count, within the range the `count` setting accepts. */
export function parseCountOption(text: string): number {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < COUNT_RANGE.min || n > COUNT_RANGE.max) {
    throw new PrepError('usage.count', `--count must be a whole number from ${COUNT_RANGE.min} to ${COUNT_RANGE.max}, not "${text}"`, EXIT.usage, 'example: --count 5');
  }
  return n;
}

/** The competency named by --competency (id, name or unique prefix); empty, unknown or ambiguous names are usage errors. */
export async function parseCompetencyOption(text: string): Promise<Competency> {
  const { findCompetency } = await import('../search/engine.js');
  const { COMPETENCIES } = await import('../search/competencies.js');
  const ids = COMPETENCIES.map((c) => c.id);
  const listHint = '`prep coverage` lists the competencies';
  const key = text.toLowerCase().trim().replace(/[\s_]+/g, '-');
  if (!key) throw new PrepError('usage.competency', `--competency needs a competency name, not "${text}"`, EXIT.usage, listHint);
  const found = findCompetency(text);
  if (found) return found;
  // A unique prefix of a name ("teamwork" for "Teamwork and collaboration") names it as well as one of its id.
  const norm = (t: string) => t.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
  const byName = COMPETENCIES.filter((c) => norm(c.name).startsWith(norm(text)));
  if (byName.length === 1) return byName[0]!;
  // findCompetency gives null for a prefix of several ids too: list them all, since spelling is not the problem.
  const prefixed = ids.filter((id) => id.startsWith(key));
  if (prefixed.length > 1) {
    const quoted = prefixed.map((id) => `"${id}"`);
    throw new PrepError('usage.competency', `competency "${text}" is ambiguous`, EXIT.usage, `did you mean ${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}?`);
  }
  throw new PrepError('usage.competency', `unknown competency "${text}"`, EXIT.usage, didYouMean(key, ids, listHint));
}
