/** Small pure helpers over story text. */

/** The words of plain text (runs of letters or digits, with inner apostrophes, dots and dashes). */
export function splitWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’._-]*/gu) ?? [];
}

/** Count words in plain text. */
export function countWords(text: string): number {
  return splitWords(text).length;
}

/** Turn a title into a stable id: lowercase ASCII words joined by dashes. */
export function slugify(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Ids are typed at the prompt, so long titles are cut at a word boundary within 40 characters.
  if (s.length <= 40) return s || 'story';
  const cut = s.slice(0, 41);
  return cut.slice(0, cut.lastIndexOf('-') > 16 ? cut.lastIndexOf('-') : 40).replace(/-+$/g, '');
}

/** Format seconds as m:ss. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The largest of `values`, at least `floor`: a loop, since `Math.max(...values)` overflows the stack on big inputs. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let m = floor;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** Plain code-unit string order: stable across machines and cheaper than localeCompare, whose first call loads ICU. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Wrap plain text to a width, keeping "- " bullets hanging. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const lead = /^(\s*)(- )?/.exec(raw)!;
    const hang = indent + ' '.repeat(lead[0].length);
    let line = indent + lead[0];
    const words = raw.slice(lead[0].length).split(/\s+/).filter(Boolean);
    let empty = true;
    for (const w of words) {
      if (!empty && line.length + 1 + w.length > width) {
        out.push(line);
        line = hang + w;
      } else {
        line += (empty ? '' : ' ') + w;
      }
      empty = false;
    }
    out.push(line);
  }
  return out;
}

/** Columns a code point takes: 0 for combining marks and zero-width ones, 2 for wide (CJK, emoji), else 1. */
function charWidth(cp: number): number {
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

const SGR_AT = /\x1b\[[0-9;]*m/y;

/** Columns `text` takes on a terminal: colour codes take none, wide characters two. */
export function visibleWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; ) {
    SGR_AT.lastIndex = i;
    if (text.charCodeAt(i) === 0x1b && SGR_AT.test(text)) {
      i = SGR_AT.lastIndex;
      continue;
    }
    const cp = text.codePointAt(i)!;
    w += charWidth(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return w;
}

/**
 * Cut `text` to `width` columns with an ellipsis: never inside a colour code or a character (a cut coloured text is
 * closed with a reset), wide characters counted as two. Used for every terminal column, so a cut is never mid-sequence.
 */
export function truncate(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  // Too narrow for an ellipsis: just the first column.
  const ellipsis = width > 1 ? '…' : '';
  const room = Math.max(0, width - ellipsis.length);
  let w = 0;
  let out = '';
  let coloured = false;
  for (let i = 0; i < text.length; ) {
    SGR_AT.lastIndex = i;
    if (text.charCodeAt(i) === 0x1b && SGR_AT.test(text)) {
      const code = text.slice(i, SGR_AT.lastIndex);
      out += code;
      coloured = code !== '\x1b[0m' && code !== '\x1b[m';
      i = SGR_AT.lastIndex;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const cw = charWidth(cp);
    if (w + cw > room) break;
    w += cw;
    const n = cp > 0xffff ? 2 : 1;
    out += text.slice(i, i + n);
    i += n;
  }
  return out + ellipsis + (coloured ? '\x1b[0m' : '');
}

/** Pad `text` with spaces to `width` visible columns (padEnd counts colour codes and wide characters wrong). */
export function padVisible(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleWidth(text)));
}
