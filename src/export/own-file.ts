/** How `prep export` knows a file it wrote before, so it replaces only its own cheat sheets. Pure. */
import { SHEET_TITLE } from './cheat-sheet.js';

/** The PDF metadata prep sets on every cheat sheet (Creator, Producer, Title); recognising a PDF needs all three. */
export const PDF_INFO = { Creator: 'prep', Producer: 'prep (pdfkit)', Title: SHEET_TITLE } as const;

/** A PDF literal string as pdfkit writes it: parentheses and backslashes escaped. */
const pdfLiteral = (text: string) => `(${text.replace(/[\\()]/g, '\\$&')})`;

const MD_HEAD = new RegExp(`^\\uFEFF?# ${SHEET_TITLE}\\r?\\n\\r?\\n\\*\\d{4}-\\d{2}-\\d{2} · `);

/**
 * Whether a file's bytes are a cheat sheet prep wrote: a PDF (starts with %PDF-) carrying prep's metadata, or
 * markdown that opens with the sheet's heading and date line. An empty file counts too: there is nothing to lose.
 */
export function isCheatSheet(bytes: Uint8Array): boolean {
  if (!bytes.length) return true;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (text.startsWith('%PDF-')) {
    return Object.entries(PDF_INFO).every(([key, value]) => text.includes(`/${key} `) && text.includes(pdfLiteral(value)));
  }
  return MD_HEAD.test(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 200)).toString('utf8'));
}
