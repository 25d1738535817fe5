/** Test helpers for PDFs: text per page (pdfjs-dist), poppler detection, and a tiny PNG reader for "not blank". */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { ROOT } from '../helpers.js';

/** The text of each page (items joined by spaces, whitespace collapsed) and each page's size in points. */
export async function pdfPages(bytes: Uint8Array): Promise<{ pages: string[]; sizes: [number, number][] }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  const sizes: [number, number][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const text = content.items.map((it) => ('str' in it ? it.str : '')).join(' ');
    pages.push(text.replace(/\s+/g, ' ').trim());
    const vp = page.getViewport({ scale: 1 });
    sizes.push([Math.round(vp.width), Math.round(vp.height)]);
  }
  await doc.destroy();
  return { pages, sizes };
}

/** Collapse whitespace, as the page texts are. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Whether poppler's command-line tools are installed (CI installs poppler-utils). */
export function hasPoppler(): boolean {
  const r = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  return r.status === 0;
}

/** The seed notes shared beside the repository, or null when this checkout has none. */
export function seedFiles(): string[] | null {
  const dir = resolve(ROOT, '../shared/seeds');
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  return files.length ? files.map((f) => join(dir, f)) : null;
}

/** Decode an 8-bit greyscale or RGB PNG (as pdftoppm writes) into its pixels' luminance, 0..255. */
export function readPng(file: string): { width: number; height: number; luma: Uint8Array } {
  const buf = readFileSync(file);
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 1;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const colorType = data[9];
      if (data[8] !== 8 || (colorType !== 0 && colorType !== 2)) throw new Error(`unsupported PNG (depth ${data[8]}, colour type ${colorType})`);
      channels = colorType === 2 ? 3 : 1;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? px[y * stride + x - channels]! : 0;
      const b = y > 0 ? px[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels]! : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      px[y * stride + x] = (v + pred) & 0xff;
    }
  }
  const luma = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    luma[i] = channels === 1 ? px[i]! : Math.round(0.299 * px[i * 3]! + 0.587 * px[i * 3 + 1]! + 0.114 * px[i * 3 + 2]!);
  }
  return { width, height, luma };
}
