/** Paper sizes of the cheat sheet: the one list the config key, the --paper flag and the PDF renderer share. Pure. */

/** Paper sizes the cheat sheet can be laid out on. */
export type Paper = 'a4' | 'letter';

/** All paper sizes, in the order help shows them. */
export const PAPERS: readonly Paper[] = ['a4', 'letter'];

/** Page sizes in PDF points. */
export const PAPER_SIZES: Record<Paper, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };

/** The paper size a user typed ("A4", " letter "), or null when prep does not know it. */
export function toPaper(text: string): Paper | null {
  const p = text.trim().toLowerCase();
  return (PAPERS as readonly string[]).includes(p) ? (p as Paper) : null;
}
