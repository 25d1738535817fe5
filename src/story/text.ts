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

/** Cut a string to a width with an ellipsis. */
export function truncate(text: string, width: number): string {
  if (width <= 1) return text.slice(0, Math.max(0, width));
  return text.length <= width ? text : text.slice(0, width - 1) + '…';
}
