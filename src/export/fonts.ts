/** The DejaVu Sans faces the PDF embeds, resolved from node_modules (never downloaded). */
import { createRequire } from 'node:module';
import { PrepError, EXIT } from '../errors.js';

/** A face of the sheet's type family. */
export type Face = 'regular' | 'bold' | 'italic';

/** DejaVu Sans Condensed: the DejaVu Sans glyph set (Latin, Greek, Cyrillic, arrows, dashes, quotes), narrower. */
export const FONT_FILES: Record<Face, string> = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  italic: 'DejaVuSansCondensed-Oblique.ttf',
};

const require = createRequire(import.meta.url);

/** Absolute paths of the font files, from the installed dejavu-fonts-ttf package. */
export function fontPaths(): Record<Face, string> {
  const out = {} as Record<Face, string>;
  for (const [face, file] of Object.entries(FONT_FILES) as [Face, string][]) {
    try {
      out[face] = require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
    } catch {
      throw new PrepError('export.font', `cannot find the font "${file}" of the dejavu-fonts-ttf package`, EXIT.failure, 'reinstall prep (`npm install`) so its dependencies are present');
    }
  }
  return out;
}
