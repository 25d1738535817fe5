/** Help text about settings, shared by `--help` and `prep config list` (cheap to import: program.ts uses it). */
import { CONFIG_KEYS } from './keys.js';

/** The precedence of story sources and defaults. */
export const PRECEDENCE =
  'Precedence: flag (--stories, ...) > environment (PREP_STORIES, PREP_TIME, PREP_COUNT, PREP_PAPER) > config file > ./stories > bundled samples.';

/** Help lines listing each key, what it accepts, and the variable that overrides it. */
export function keysHelp(): string {
  const w = Math.max(...CONFIG_KEYS.map((k) => k.key.length));
  return `\nKeys:\n${CONFIG_KEYS.map((k) => `  ${k.key.padEnd(w)}  ${k.description}: ${k.accepts} (env ${k.env})`).join('\n')}\n`;
}
