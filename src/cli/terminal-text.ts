/** Text bound for a terminal: the one sanitiser every line passes through on its way out (cli/output.ts, the quiz prompts). Pure. */

/**
 * An escape sequence or a single control character: CSI (`ESC [ ... final`), OSC (`ESC ] ... BEL|ST`, hyperlinks,
 * clipboard writes, window titles), DCS/SOS/PM/APC (`ESC P|X|^|_ ... ST`), any other `ESC x`, then lone C0 controls
 * (but tab, newline and CR-LF, which CSV ends lines with), a lone CR (it would overwrite the line), DEL, C1 controls, and the bidirectional overrides that reorder what the eye reads.
 * Every repetition is bounded by the next ESC, BEL or newline, so matching stays linear.
 */
const CONTROL =
  /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?|[PX^_][^\x1b\x9c\n]*(?:\x1b\\|\x9c)?|[ -~]?)|\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The colour and style codes (SGR) chalk writes for prep: bold, dim, italic, underline, inverse, strike, their resets,
 * and the 16 colours. Blink, conceal and 256/true colour never pass, whoever wrote them.
 */
const SGR = /^\x1b\[(?:[012347]|9|2[2-479]|3[0-79]|4[0-79]|9[0-7]|10[0-7])m$/;

/** One control character as visible text: C0 as its control picture (ESC as ␛), the rest as a \uXXXX escape. */
function picture(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  // \uXXXX is also what JSON would say, so JSON output stays valid and means the same.
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text safe to write to a terminal: every control character and escape sequence becomes visible text (`␛[2J`,
 * `␛]52;c;...␇`), except colour codes when `keepColor` (prep's own, from chalk). Tabs and newlines stay.
 */
export function toTerminalText(text: string, keepColor = false): string {
  return text.replace(CONTROL, (m) => (keepColor && SGR.test(m) ? m : m.replace(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, picture)));
}
