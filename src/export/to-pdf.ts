/**
 * The cheat sheet as a PDF (pdfkit, DejaVu Sans embedded): measured blocks laid out on pages first, then drawn, so
 * a card never splits across a column or page and the index can say which page each story is on.
 */
import type PDFKit from 'pdfkit';
import { PrepError, EXIT } from '../errors.js';
import { PAPER_SIZES, type Paper } from './paper.js';
import { replaceUndrawable, type CheatSheet, type NoteCard, type Replacement, type StoryCard } from './cheat-sheet.js';
import { fontPaths, type Face } from './fonts.js';
import { PDF_INFO } from './own-file.js';
import type { Run } from './points.js';

/** Options of the PDF renderer. */
export interface PdfOptions {
  paper: Paper;
  /** Creation date written into the PDF's metadata. */
  created?: Date;
}

/** The rendered PDF, its page count and the characters the font could not draw. */
export interface PdfResult {
  bytes: Buffer;
  pages: number;
  replaced: Replacement[];
}

const THEME = {
  margin: { top: 40, side: 38, bottom: 44 },
  columnGap: 16,
  cardGap: 9,
  body: { size: 8.1, lh: 10.3 },
  small: { size: 7, lh: 8.8 },
  cardTitle: { size: 9.4, lh: 11.4 },
  h1: 17,
  h2: 8.6,
  color: {
    ink: '#1b1f24',
    muted: '#55606e',
    faint: '#8a94a1',
    accent: '#1f4e8c',
    band: '#eaf0f7',
    zebra: '#f4f6f9',
    rule: '#cfd6df',
    strong: '#0d2f5c',
    gap: '#a8412f',
  },
} as const;

/** The part of a fontkit font the renderer uses. */
interface FontkitFont {
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
  glyphsForString?(text: string): { advanceWidth: number }[];
}

/** The part of pdfkit's embedded font (internal) the renderer touches. */
interface EmbeddedFont {
  font: FontkitFont;
  scale: number;
  layoutRun?: (text: string, features?: unknown) => unknown;
}

/**
 * Lay text out by the font's character map instead of OpenType shaping: one glyph per character at its advance
 * width. For DejaVu Sans Condensed at 7-10 pt the result looks the same (no ligatures are used, its kerning is
 * slight), it matches the renderer's own measurements exactly, and an export of 200 stories takes a fifth less
 * time. Text is NFC-normalised before, so accented letters are single glyphs. Left alone if pdfkit changes shape.
 */
function useCmapLayout(embedded: EmbeddedFont): void {
  const font = embedded.font;
  if (typeof embedded.layoutRun !== 'function' || typeof font.glyphsForString !== 'function' || typeof embedded.scale !== 'number') return;
  // Explicit OpenType features (none are asked for here) still go through fontkit's shaper.
  const shape: (text: string, features?: unknown) => unknown = embedded.layoutRun.bind(embedded);
  embedded.layoutRun = (text: string, features?: unknown): unknown => {
    if (features) return shape(text, features);
    const glyphs = font.glyphsForString!(text);
    let advanceWidth = 0;
    const positions = glyphs.map((g) => {
      const a = g.advanceWidth * embedded.scale;
      advanceWidth += a;
      return { xAdvance: a, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: a };
    });
    return { glyphs, positions, advanceWidth };
  };
}

interface Seg {
  text: string;
  face: Face;
  color: string;
  /** Width at the size it was wrapped for, when known. */
  w?: number;
}

/** A word of one or more measured pieces, and its width. */
interface Word {
  pieces: Seg[];
  w: number;
}

/** Something measured that can draw itself at a position; `parts` let an oversized block be split. */
interface Block {
  h: number;
  draw(x: number, y: number): void;
  parts?: Block[];
  /** The story this block shows: numbered in print order, and a link target from the index. */
  ref?: string;
}

interface Placed {
  page: number;
  x: number;
  y: number;
  block: Block;
}

/** Measures and draws text in the embedded faces: word-wrapped runs of mixed faces and colours. */
class Typesetter {
  private readonly advances: Record<Face, Map<number, number>> = { regular: new Map(), bold: new Map(), italic: new Map() };
  private readonly wordUnits: Record<Face, Map<string, number>> = { regular: new Map(), bold: new Map(), italic: new Map() };

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly fonts: Record<Face, FontkitFont>,
  ) {}

  /** Width of text from the glyphs' advance widths: exactly what the cmap layout (useCmapLayout) draws. */
  width(text: string, face: Face, size: number): number {
    const words = this.wordUnits[face];
    const known = words.get(text);
    if (known !== undefined) return known * size;
    const font = this.fonts[face];
    const cache = this.advances[face];
    let units = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let a = cache.get(cp);
      if (a === undefined) cache.set(cp, (a = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm));
      units += a;
    }
    // Words recur; whole lines rarely do, and caching them would only grow the map.
    if (!text.includes(' ')) words.set(text, units);
    return units * size;
  }

  /** Split segments into words, each piece measured once; a word may mix faces ("40%" bold then "," plain). */
  private words(segs: Seg[], size: number): Word[] {
    const words: Word[] = [];
    let cur: Word | null = null;
    for (const s of segs) {
      // A no-break space joins words ("+2\u00a0more"); every other space may break the line.
      const parts = s.text.split(/[^\S\u00a0]+/);
      for (let i = 0; i < parts.length; i++) {
        // Every part after the first follows whitespace: the word so far is complete.
        if (i > 0 && cur) {
          words.push(cur);
          cur = null;
        }
        const part = parts[i]!;
        if (!part) continue;
        const w = this.width(part, s.face, size);
        const piece: Seg = { text: part, face: s.face, color: s.color, w };
        if (cur) {
          cur.pieces.push(piece);
          cur.w += w;
        } else cur = { pieces: [piece], w };
      }
    }
    if (cur) words.push(cur);
    return words;
  }

  private face: Face | null = null;
  private size = 0;
  private color = '';

  /** A filled rectangle (the typesetter tracks the fill colour so text only sets it when it changes). */
  rect(x: number, y: number, w: number, h: number, color: string): void {
    this.doc.rect(x, y, w, h).fill(color);
    this.color = color;
  }

  private use(face: Face, size: number, color: string): PDFKit.PDFDocument {
    if (face !== this.face) this.doc.font(face);
    if (face !== this.face || size !== this.size) this.doc.fontSize(size);
    if (color !== this.color) this.doc.fillColor(color);
    this.face = face;
    this.size = size;
    this.color = color;
    return this.doc;
  }

  /** Forget the drawing state (a new page starts with none). */
  reset(): void {
    this.face = null;
    this.size = 0;
    this.color = '';
  }

  /** Break a word wider than the line into pieces that fit, character by character. */
  private breakWord(w: Word, size: number, width: number): Word[] {
    const out: Word[] = [];
    let line: Word = { pieces: [], w: 0 };
    for (const p of w.pieces) {
      for (const ch of p.text) {
        const cw = this.width(ch, p.face, size);
        if (line.w + cw > width && line.pieces.length) {
          out.push(line);
          line = { pieces: [], w: 0 };
        }
        const last = line.pieces[line.pieces.length - 1];
        if (last && last.face === p.face && last.color === p.color) {
          last.text += ch;
          last.w! += cw;
        } else line.pieces.push({ text: ch, face: p.face, color: p.color, w: cw });
        line.w += cw;
      }
    }
    if (line.pieces.length) out.push(line);
    return out;
  }

  /** Wrap segments to a width; each line is a list of segments (with their widths) ready to draw. */
  wrap(segs: Seg[], size: number, width: number): Seg[][] {
    const lines: Word[][] = [];
    let line: Word[] = [];
    let lw = 0;
    for (const w of this.words(segs, size)) {
      const space = line.length ? this.width(' ', w.pieces[0]!.face, size) : 0;
      if (line.length && lw + space + w.w > width) {
        lines.push(line);
        line = [];
        lw = 0;
      }
      if (!line.length && w.w > width) {
        const pieces = this.breakWord(w, size, width);
        for (const p of pieces.slice(0, -1)) lines.push([p]);
        line = [pieces[pieces.length - 1]!];
        lw = line[0]!.w;
        continue;
      }
      lw += (line.length ? space : 0) + w.w;
      line.push(w);
    }
    if (line.length) lines.push(line);
    // Merge the words of a line into as few segments as possible, spaces included, keeping their widths.
    return lines.map((ws) => {
      const out: Seg[] = [];
      for (let i = 0; i < ws.length; i++) {
        const pieces = ws[i]!.pieces;
        for (let j = 0; j < pieces.length; j++) {
          const p = pieces[j]!;
          const space = i > 0 && j === 0;
          const pw = p.w! + (space ? this.width(' ', p.face, size) : 0);
          const text = space ? ` ${p.text}` : p.text;
          const last = out[out.length - 1];
          if (last && last.face === p.face && last.color === p.color) {
            last.text += text;
            last.w! += pw;
          } else out.push({ text, face: p.face, color: p.color, w: pw });
        }
      }
      return out;
    });
  }

  /** One line of text at a position, without wrapping. */
  text(text: string, x: number, y: number, face: Face, size: number, color: string, opts: PDFKit.Mixins.TextOptions = {}): void {
    this.use(face, size, color).text(text, x, y, { ...opts, lineBreak: false });
  }

  /** Draw wrapped lines with their tops at y, `lh` apart; returns the height used. */
  draw(lines: Seg[][], x: number, y: number, size: number, lh: number, align: 'left' | 'right' = 'left', width = 0): number {
    // pdfkit places text by the top of the font's box (ascender - descender = 1.164 em for DejaVu): centre it.
    const dy = (lh - size * 1.164) / 2;
    lines.forEach((line, i) => {
      let cx = x;
      const ws = line.map((s) => s.w ?? this.width(s.text, s.face, size));
      if (align === 'right') cx = x + width - ws.reduce((a, w) => a + w, 0);
      line.forEach((s, k) => {
        this.use(s.face, size, s.color).text(s.text, cx, y + i * lh + dy, { lineBreak: false });
        cx += ws[k]!;
      });
    });
    return lines.length * lh;
  }
}

const seg = (text: string, face: Face = 'regular', color: string = THEME.color.ink): Seg => ({ text, face, color });
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Builds the measured blocks of the sheet for a given page geometry. */
class SheetBlocks {
  readonly col: number;
  /** Width of the widest "#N" (digits are tabular in DejaVu, so the count of digits is what matters). */
  private readonly digits: string;

  constructor(
    readonly ts: Typesetter,
    readonly full: number,
    /** Card numbers in print order and the page each story is on, filled in after layout. */
    readonly placed: { numbers: Map<string, number>; pages: Map<string, number> },
    count: number,
  ) {
    this.col = (full - THEME.columnGap) / 2;
    this.digits = '0'.repeat(String(Math.max(1, count)).length);
  }

  private num(id: string): string {
    return `#${this.placed.numbers.get(id) ?? '?'}`;
  }

  /** A fixed-width slot for "#N" at a size, so wrapping never depends on the number printed later. */
  private numWidth(face: Face, size: number): number {
    return this.ts.width(`#${this.digits} `, face, size) + 2;
  }

  /** A paragraph of segments, optionally behind a hanging label or bullet. */
  para(segs: Seg[], width: number, type: { size: number; lh: number }): { h: number; lines: Seg[][]; draw: (x: number, y: number) => void } {
    const lines = this.ts.wrap(segs, type.size, width);
    return { h: lines.length * type.lh, lines, draw: (x, y) => void this.ts.draw(lines, x, y, type.size, type.lh) };
  }

  header(sheet: CheatSheet): Block {
    const { color } = THEME;
    const counts = [plural(sheet.storyCount, 'story', 'stories'), ...(sheet.noteCount ? [plural(sheet.noteCount, 'note', 'notes')] : [])];
    const sub = this.para([seg(counts.join(' · '), 'bold', color.muted), ...(sheet.scope.length ? [seg(`  ·  ${sheet.scope.join(' · ')}`, 'regular', color.muted)] : [])], this.full * 0.55, THEME.body);
    const legend = 'S situation · T task · A actions · R result · L lesson · 1:30 time to tell';
    const h = 22 + Math.max(sub.h, THEME.body.lh) + 10;
    return {
      h,
      draw: (x, y) => {
        this.ts.draw([[seg(sheet.title, 'bold', color.ink)]], x, y, THEME.h1, 22);
        this.ts.draw([[seg(sheet.date, 'bold', color.accent)]], x, y + 4, 10.5, 14, 'right', this.full);
        sub.draw(x, y + 22);
        this.ts.draw([[seg(legend, 'regular', color.faint)]], x, y + 22, THEME.small.size, THEME.body.lh, 'right', this.full);
        this.ts.rect(x, y + h - 5, this.full, 1.4, color.accent);
      },
    };
  }

  /** A section heading with a rule under it, across the page or (`width` = this.col) one column. */
  heading(text: string, note = '', width = this.full): Block {
    const { color } = THEME;
    return {
      h: 21,
      draw: (x, y) => {
        this.ts.text(text.toUpperCase(), x, y + 5, 'bold', THEME.h2, color.accent, { characterSpacing: 0.8 });
        if (note) this.ts.draw([[seg(note, 'regular', color.faint)]], x, y + 5, THEME.small.size, 11, 'right', width);
        this.ts.rect(x, y + 17, width, 0.6, color.rule);
      },
    };
  }

  /** Column layout of the index table: asked about | tell | page | also. */
  private indexCols() {
    const comp = Math.round(this.full * 0.26);
    const page = 30;
    const also = Math.round(this.full * 0.17);
    return { comp, tell: this.full - comp - page - also, page, also };
  }

  indexHeader(): Block {
    const c = this.indexCols();
    const { color } = THEME;
    const cells: [string, number][] = [
      ['Asked about', 0],
      ['Tell', c.comp],
      ['Page', c.comp + c.tell],
      ['Also', c.comp + c.tell + c.page],
    ];
    return {
      h: 13,
      draw: (x, y) => {
        for (const [t, dx] of cells) this.ts.draw([[seg(t, 'bold', color.faint)]], x + dx + 4, y + 1, THEME.small.size, 11);
      },
    };
  }

  indexRow(e: CheatSheet['index'][number], zebra: boolean): Block {
    const c = this.indexCols();
    const { color } = THEME;
    const pad = 4;
    const comp = this.ts.wrap([seg(e.competency, 'bold', color.ink)], THEME.body.size, c.comp - 2 * pad);
    const numW = this.numWidth('bold', THEME.body.size);
    const tell = this.ts.wrap([seg(e.best.title, 'regular', color.ink)], THEME.body.size, c.tell - 2 * pad - numW);
    // Measured with the widest numbers; drawn with the real ones.
    const alsoText = (num: (id: string) => string) => e.also.map((r) => num(r.id)).join(', ');
    const also = this.ts.wrap([seg(e.also.length ? alsoText(() => `#${this.digits}`) : '—', 'regular', e.also.length ? color.muted : color.faint)], THEME.body.size, c.also - 2 * pad);
    const lh = THEME.body.lh;
    const h = Math.max(comp.length, tell.length, also.length) * lh + 4;
    return {
      h,
      draw: (x, y) => {
        const doc = this.ts.doc;
        if (zebra) this.ts.rect(x, y, this.full, h, color.zebra);
        this.ts.draw(comp, x + pad, y + 2, THEME.body.size, lh);
        this.ts.draw([[seg(this.num(e.best.id), 'bold', color.accent)]], x + c.comp + pad, y + 2, THEME.body.size, lh);
        this.ts.draw(tell, x + c.comp + pad + numW, y + 2, THEME.body.size, lh);
        const page = this.placed.pages.get(e.best.id);
        if (page !== undefined) this.ts.draw([[seg(`p. ${page + 1}`, 'regular', color.muted)]], x + c.comp + c.tell + pad, y + 2, THEME.body.size, lh);
        if (e.also.length) this.ts.draw(this.ts.wrap([seg(alsoText((id) => this.num(id)), 'regular', color.muted)], THEME.body.size, c.also - 2 * pad), x + c.comp + c.tell + c.page + pad, y + 2, THEME.body.size, lh);
        else this.ts.draw(also, x + c.comp + c.tell + c.page + pad, y + 2, THEME.body.size, lh);
        doc.goTo(x + c.comp, y, c.tell + c.page, h, `story-${e.best.id}`);
      },
    };
  }

  gaps(sheet: CheatSheet): Block {
    const { color } = THEME;
    const names = sheet.gaps.map((g) => g.competency).join(' · ');
    const first = sheet.gaps[0]!;
    const line = this.para([seg('Gaps — no story yet: ', 'bold', color.gap), seg(names, 'regular', color.ink)], this.full - 8, THEME.body);
    const hint = first.question ? this.para([seg(`Prepare one for “${first.question}”`, 'italic', color.muted)], this.full - 8, THEME.small) : null;
    const h = 6 + line.h + (hint ? hint.h + 1 : 0) + 2;
    return {
      h,
      draw: (x, y) => {
        this.ts.rect(x, y + 4, 2, h - 5, color.gap);
        line.draw(x + 8, y + 5);
        hint?.draw(x + 8, y + 6 + line.h);
      },
    };
  }

  /** One STAR card: a tinted title band, then S/T/A/R/L rows behind a gutter letter. */
  card(c: StoryCard): Block {
    const { color, body, small, cardTitle } = THEME;
    const W = this.col;
    const bar = 2.2;
    const inX = bar + 6;
    const inW = W - inX - 4;
    const gutter = 11;
    const timeW = this.ts.width(c.speaking, 'regular', small.size) + 4;
    const numW = this.numWidth('bold', cardTitle.size);
    const title = this.para([seg(c.title, 'bold', color.ink)], inW - timeW - numW, cardTitle);
    const meta = this.para(
      [...(c.competencies.length ? [seg(c.competencies.join(' · '), 'bold', color.accent), seg('   ', 'regular', color.faint)] : []), seg(c.source, 'regular', color.faint)],
      inW,
      small,
    );
    const question = c.question ? this.para([seg(`“${c.question}”`, 'italic', color.muted)], inW, small) : null;
    const bandH = 3 + title.h + meta.h + (question ? question.h : 0) + 3;

    type Row = { label: string; h: number; draw: (x: number, y: number) => void };
    const rows: Row[] = [];
    const textW = inW - gutter;
    const plain = (label: string, text: string, face: Face = 'regular', col: string = color.ink, more = 0) => {
      if (!text) return;
      const p = this.para([seg(text, face, col), ...(more ? [seg(`  +${more}\u00a0more`, 'regular', color.faint)] : [])], textW, body);
      rows.push({ label, h: p.h, draw: p.draw });
    };
    const bullets = (label: string, items: Seg[][], more: number) => {
      if (!items.length) return;
      const bw = 8;
      const paras = items.map((segs, i) => this.para(i === items.length - 1 && more ? [...segs, seg(`  +${more}\u00a0more`, 'regular', color.faint)] : segs, textW - bw, body));
      const gap = 1.2;
      const h = paras.reduce((a, p) => a + p.h, 0) + gap * (paras.length - 1);
      rows.push({
        label,
        h,
        draw: (x, y) => {
          let cy = y;
          for (const p of paras) {
            this.ts.draw([[seg('•', 'regular', color.faint)]], x, cy, body.size, body.lh);
            p.draw(x + bw, cy);
            cy += p.h + gap;
          }
        },
      });
    };
    plain('S', c.situation, 'regular', color.ink, c.moreSituation);
    plain('T', c.task, 'regular', color.ink, c.moreTask);
    bullets('A', c.actions.map((a) => [seg(a)]), c.moreActions);
    // A missing Result is shown, never left out: the card must not look complete.
    if (c.noResult) plain('R', 'no result written', 'italic', color.gap);
    else bullets('R', c.result.map((runs: Run[]) => runs.map((r) => (r.strong ? seg(r.text, 'bold', color.strong) : seg(r.text)))), c.moreResults);
    if (c.lesson) plain('L', c.lesson, 'italic', color.muted);
    const rowGap = 2.2;
    const rowsH = rows.reduce((a, r) => a + r.h, 0) + rowGap * Math.max(0, rows.length - 1);
    const h = bandH + 3 + rowsH + 3;

    const drawBand = (x: number, y: number) => {
      this.ts.rect(x, y, W, bandH, color.band);
      this.ts.draw([[seg(this.num(c.id), 'bold', color.accent)]], x + inX, y + 3, cardTitle.size, cardTitle.lh);
      title.draw(x + inX + numW, y + 3);
      this.ts.draw([[seg(c.speaking, 'regular', color.muted)]], x + inX, y + 3 + (cardTitle.lh - small.lh) / 2, small.size, small.lh, 'right', inW);
      meta.draw(x + inX, y + 3 + title.h);
      question?.draw(x + inX, y + 3 + title.h + meta.h);
    };
    const drawRow = (r: Row, x: number, y: number) => {
      this.ts.draw([[seg(r.label, 'bold', color.accent)]], x + inX, y, body.size, body.lh);
      r.draw(x + inX + gutter, y);
    };
    const barAt = (x: number, y: number, hh: number) => this.ts.rect(x, y, bar, hh, color.accent);
    return {
      h,
      ref: c.id,
      draw: (x, y) => {
        drawBand(x, y);
        let cy = y + bandH + 3;
        rows.forEach((r) => {
          drawRow(r, x, cy);
          cy += r.h + rowGap;
        });
        barAt(x, y, h - 1);
      },
      // Taller than a page: the band, then each row on its own, each with the accent bar.
      parts: [
        { h: bandH + 3, ref: c.id, draw: (x, y) => (drawBand(x, y), barAt(x, y, bandH + 3)) },
        ...rows.map((r) => ({ h: r.h + rowGap, draw: (x: number, y: number) => (drawRow(r, x, y), barAt(x, y, r.h + rowGap)) })),
      ],
    };
  }

  note(n: NoteCard): Block {
    const { color, small, body } = THEME;
    const W = this.col;
    const timeW = this.ts.width(n.speaking, 'regular', small.size) + 4;
    const numW = this.numWidth('bold', body.size);
    const title = this.para([seg(n.title, 'bold', color.ink)], W - 8 - timeW - numW, body);
    const bw = 8;
    const pts = n.points.map((p, i) => this.para(i === n.points.length - 1 && n.more ? [seg(p), seg(`  +${n.more}\u00a0more`, 'regular', color.faint)] : [seg(p)], W - 8 - bw, small));
    const src = this.para([seg(n.source, 'regular', color.faint)], W - 8, small);
    const h = 2 + title.h + 1 + pts.reduce((a, p) => a + p.h + 0.8, 0) + src.h + 3;
    return {
      h,
      ref: n.id,
      draw: (x, y) => {
        this.ts.rect(x, y + 2, 1.2, h - 4, color.rule);
        this.ts.draw([[seg(this.num(n.id), 'bold', color.accent)]], x + 6, y + 2, body.size, body.lh);
        title.draw(x + 6 + numW, y + 2);
        this.ts.draw([[seg(n.speaking, 'regular', color.muted)]], x + 6, y + 2 + (body.lh - small.lh) / 2, small.size, small.lh, 'right', W - 8);
        let cy = y + 3 + title.h;
        for (const p of pts) {
          this.ts.draw([[seg('–', 'regular', color.faint)]], x + 6, cy, small.size, small.lh);
          p.draw(x + 6 + bw, cy);
          cy += p.h + 0.8;
        }
        src.draw(x + 6, cy);
      },
    };
  }
}

/** How many items past the next one a column may take to fill its space. */
const LOOKAHEAD = 4;

/** Places blocks on pages: full-width blocks and two balanced columns; nothing is drawn here. */
class Flow {
  page = 0;
  y: number;
  readonly placed: Placed[] = [];
  constructor(
    readonly left: number,
    readonly top: number,
    readonly bottom: number,
    readonly width: number,
    readonly colWidth: number,
  ) {
    this.y = top;
  }

  get room(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    this.page++;
    this.y = this.top;
  }

  space(h: number): void {
    if (this.y > this.top) this.y = Math.min(this.bottom, this.y + h);
  }

  /** A full-width block, moved to a new page unless it and `keep` more points fit here. */
  full(block: Block, keep = 0, onNewPage?: () => void): void {
    if (this.y > this.top && block.h + keep > this.room) {
      this.newPage();
      onNewPage?.();
    }
    this.placed.push({ page: this.page, x: this.left, y: this.y, block });
    this.y += block.h;
  }

  /** Where each column of the last `columns` call ends on the current page (its top when empty); null before any. */
  private bottoms: [number, number] | null = null;

  private get xs(): [number, number] {
    return [this.left, this.left + this.colWidth + (this.width - 2 * this.colWidth)];
  }

  /** Items in two columns, left then right, never splitting one; the last page's columns are balanced. */
  columns(items: Block[], gap: number): void {
    const maxH = this.bottom - this.top;
    const queue = items.flatMap((b) => (b.h > maxH && b.parts ? b.parts : [b]));
    const xs = this.xs;
    while (queue.length) {
      const split = balance(queue.map((b) => b.h), gap, this.room);
      if (split !== null) {
        const bottoms: [number, number] = [this.y, this.y];
        [queue.slice(0, split), queue.slice(split)].forEach((col, c) => {
          let cy = this.y;
          for (const b of col) {
            this.placed.push({ page: this.page, x: xs[c]!, y: cy, block: b });
            cy += b.h + gap;
            bottoms[c] = cy - gap;
          }
        });
        this.bottoms = bottoms;
        this.y = Math.max(...bottoms);
        return;
      }
      let placedAny = false;
      const bottoms: [number, number] = [this.y, this.y];
      xs.forEach((x, c) => {
        let cy = this.y;
        for (;;) {
          // The next item, or, when it does not fit, one of the few after it that does (cards are numbered in
          // print order afterwards, so this only fills the hole a tall card would leave).
          let i = queue.slice(0, LOOKAHEAD).findIndex((b) => cy + b.h <= this.bottom);
          if (i < 0 && cy === this.top && !placedAny && queue.length) i = 0;
          if (i < 0) break;
          const [b] = queue.splice(i, 1);
          this.placed.push({ page: this.page, x, y: cy, block: b! });
          cy += b!.h + gap;
          bottoms[c] = cy - gap;
          placedAny = true;
        }
      });
      if (queue.length) this.newPage();
      else {
        // Filling (not balancing) placed the last items: the next section starts below both columns.
        this.bottoms = bottoms;
        this.y = Math.max(...bottoms);
      }
    }
  }

  /** Whether a section (heading, then items in balanced columns) fits whole in the rest of this page. */
  fitsAcross(heading: Block, before: number, after: number, items: Block[], gap: number): boolean {
    const y = (this.y > this.top ? this.y + before : this.y) + heading.h + after;
    return balance(items.map((b) => b.h), gap, this.bottom - y) !== null;
  }

  /**
   * Stack a column-wide heading and items in the space under the shorter column of the last `columns` call, when
   * they all fit there; returns false (placing nothing) otherwise.
   */
  underShorterColumn(heading: Block, before: number, items: Block[], gap: number): boolean {
    if (!this.bottoms) return false;
    const c = this.bottoms[0] <= this.bottoms[1] ? 0 : 1;
    const start = this.bottoms[c] + before;
    const h = heading.h + items.reduce((a, b) => a + b.h, 0) + gap * Math.max(0, items.length - 1);
    if (start + h > this.bottom) return false;
    const x = this.xs[c];
    this.placed.push({ page: this.page, x, y: start, block: heading });
    let cy = start + heading.h;
    for (const b of items) {
      this.placed.push({ page: this.page, x, y: cy, block: b });
      cy += b.h + gap;
    }
    this.bottoms[c] = cy - gap;
    this.y = Math.max(this.y, cy - gap);
    return true;
  }
}

/**
 * Where to split heights into a left and right column so both fit in `room` and the taller is shortest; null when
 * they do not fit on this page.
 */
export function balance(heights: number[], gap: number, room: number): number | null {
  const n = heights.length;
  if (!n) return 0;
  const sum = (a: number, b: number) => heights.slice(a, b).reduce((s, h) => s + h, 0) + gap * Math.max(0, b - a - 1);
  let best: number | null = null;
  let bestH = Infinity;
  for (let k = 1; k <= n; k++) {
    const l = sum(0, k);
    const r = k < n ? sum(k, n) : 0;
    if (l > room || r > room) continue;
    const t = Math.max(l, r);
    if (t < bestH - 0.01) {
      bestH = t;
      best = k;
    }
  }
  return best;
}

/** Lay the sheet out and draw it into a PDF; characters the font cannot draw are replaced and reported. */
export async function renderPdf(input: CheatSheet, opts: PdfOptions): Promise<PdfResult> {
  const size = PAPER_SIZES[opts.paper];
  if (!size) throw new PrepError('export.paper', `unknown paper "${opts.paper}"`, EXIT.usage, 'use --paper a4 or --paper letter');
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size,
    autoFirstPage: false,
    margin: 0,
    // `prep export` recognises its own files by this metadata (own-file.ts) before replacing one.
    info: { ...PDF_INFO, Title: input.title, ...(opts.created ? { CreationDate: opts.created } : {}) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const paths = fontPaths();
  const fonts = {} as Record<Face, FontkitFont>;
  for (const f of Object.keys(paths) as Face[]) {
    doc.registerFont(f, paths[f]);
    doc.font(f);
    // pdfkit keeps the fontkit font it embeds; its glyph table answers "can this face draw that character?".
    const embedded = (doc as unknown as { _font: EmbeddedFont })._font;
    fonts[f] = embedded.font;
    useCmapLayout(embedded);
  }
  const faces = Object.values(fonts);
  const drawable = new Map<number, boolean>();
  const canDraw = (cp: number) => {
    let ok = drawable.get(cp);
    if (ok === undefined) drawable.set(cp, (ok = faces.every((f) => f.hasGlyphForCodePoint(cp))));
    return ok;
  };
  const { sheet, replaced } = replaceUndrawable(input, canDraw, canDraw(0xfffd) ? '\ufffd' : '?');

  const [pw, ph] = size;
  const { margin } = THEME;
  const full = pw - 2 * margin.side;
  const ts = new Typesetter(doc, fonts);
  const placed = { numbers: new Map<string, number>(), pages: new Map<string, number>() };
  const blocks = new SheetBlocks(ts, full, placed, sheet.cards.length + sheet.notes.length);
  const flow = new Flow(margin.side, margin.top, ph - margin.bottom, full, blocks.col);

  flow.full(blocks.header(sheet));
  flow.space(8);
  const idxHeader = blocks.indexHeader();
  const rows = sheet.index.map((e, i) => blocks.indexRow(e, i % 2 === 0));
  const idxNote = sheet.index.length ? 'click a story to jump to it' : '';
  flow.full(blocks.heading('Question → story', idxNote), idxHeader.h + (rows[0]?.h ?? 0));
  if (rows.length) {
    flow.full(idxHeader, rows[0]!.h);
    for (const r of rows) flow.full(r, 0, () => flow.full(idxHeader));
  }
  if (sheet.gaps.length) flow.full(blocks.gaps(sheet));
  const cards = sheet.cards.map((c) => blocks.card(c));
  const notes = sheet.notes.map((n) => blocks.note(n));
  const section = (name: string, items: Block[]) => {
    flow.space(12);
    // The heading stays with the first card that can go under it (a shorter one may fill the space: see columns).
    const first = Math.min(...items.slice(0, LOOKAHEAD).map((b) => b.h), flow.bottom - flow.top - 30);
    flow.full(blocks.heading(name), first + 6);
    flow.space(6);
    flow.columns(items, THEME.cardGap);
  };
  if (cards.length) section('Stories', cards);
  if (notes.length) {
    const name = 'Notes and talking points';
    // A notes section that does not fit across the page under the stories may still fit under the shorter column.
    const across = !cards.length || flow.fitsAcross(blocks.heading(name), 12, 6, notes, THEME.cardGap);
    if (across || !flow.underShorterColumn(blocks.heading(name, '', blocks.col), THEME.cardGap + 4, notes, THEME.cardGap)) section(name, notes);
  }
  // Number stories in print order (left column before right, page by page), notes after them.
  for (const p of flow.placed) {
    const ref = p.block.ref;
    if (ref === undefined || placed.pages.has(ref)) continue;
    placed.pages.set(ref, p.page);
    placed.numbers.set(ref, placed.numbers.size + 1);
  }

  const pages = flow.page + 1;
  const linked = new Set<string>();
  for (let page = 0; page < pages; page++) {
    doc.addPage({ size, margin: 0 });
    ts.reset();
    for (const p of flow.placed) {
      if (p.page !== page) continue;
      const ref = p.block.ref;
      if (ref !== undefined && !linked.has(ref)) {
        linked.add(ref);
        doc.addNamedDestination(`story-${ref}`, 'XYZ', p.x, p.y - 6, null);
      }
      p.block.draw(p.x, p.y);
    }
    drawFooter(ts, sheet, page, pages, pw, ph);
  }
  doc.end();
  await ended;
  return { bytes: Buffer.concat(chunks), pages, replaced };
}

function drawFooter(ts: Typesetter, sheet: CheatSheet, page: number, pages: number, pw: number, ph: number): void {
  const { margin, color, small } = THEME;
  const y = ph - margin.bottom + 16;
  ts.rect(margin.side, y - 4, pw - 2 * margin.side, 0.5, color.rule);
  ts.draw([[seg(`${sheet.title} · ${sheet.date}`, 'regular', color.faint)]], margin.side, y, small.size, small.lh);
  ts.draw([[seg(`page ${page + 1} of ${pages}`, 'regular', color.faint)]], margin.side, y, small.size, small.lh, 'right', pw - 2 * margin.side);
}
