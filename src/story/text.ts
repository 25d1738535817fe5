/** Small pure helpers over story text. */

/** Count words in plain text (runs of letters or digits). */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’._-]*/gu);
  return m ? m.length : 0;
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
