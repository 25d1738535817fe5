/**
 * A line scanner for the block structure of markdown notes: headings, list items, paragraphs, tables, code.
 * It follows CommonMark for the constructs notes use and is linear in the input, so one large file costs what many
 * small ones do (remark measured about 1 MB/s here; this runs an order of magnitude faster).
 */
import { stripHtml, toPlainText } from './inline.js';

/** A line of prose or a list item inside a section. */
export interface TextItem {
  type: 'text';
  line: number;
  raw: string;
  /** Nesting level for list items (0 = top), -1 for paragraph lines. */
  level: number;
  /** True when this line continues the previous item (a soft line break). */
  cont: boolean;
}

/** A line of fenced or indented code. */
export interface CodeItem {
  type: 'code';
  line: number;
  raw: string;
  /** Fenced code is never story text; indented lines (often "Tech: ..." lists) may carry tags. */
  fenced: boolean;
}

/** A table row; `header` marks the row above the delimiter row. */
export interface TableItem {
  type: 'table';
  line: number;
  cells: string[];
  header: boolean;
}

/** A blank line, kept so paragraphs can be told apart. */
export interface BlankItem {
  type: 'blank';
  line: number;
}

/** One block-level piece of a section. */
export type Item = TextItem | CodeItem | TableItem | BlankItem;

/** A heading and everything under it up to the next heading of the same or higher level. */
export interface HeadingSection {
  depth: number;
  title: string;
  anchor: string | null;
  line: number;
  items: Item[];
  children: HeadingSection[];
}

/** A problem noticed while scanning (long lines, deep nesting). */
export interface ScanNote {
  line: number;
  rule: string;
  message: string;
}

/** Longest line read as text; longer lines are skipped with a warning. */
export const MAX_LINE_LENGTH = 20_000;
const MAX_NESTING = 64;

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const TABLE_DELIM = /^[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(\|[ \t]*:?-{1,}:?[ \t]*)*\|?[ \t]*$/;
const QUOTE = /^[ \t]{0,3}>[ \t]?/;

function indentWidth(ws: string): number {
  let w = 0;
  for (const ch of ws) w += ch === '\t' ? 4 - (w % 4) : 1;
  return w;
}

/** Split a table row into cells, honouring escaped pipes. */
export function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

/** Clean a heading's text: HTML and markdown removed; an explicit anchor (`<a id>`, `{#id}`) returned apart. */
export function readHeading(text: string): { title: string; anchor: string | null } {
  let anchor: string | null = null;
  const a = /<a\s[^>]*?(?:id|name)\s*=\s*["']?([^"'\s>]+)/i.exec(text);
  if (a) anchor = a[1] ?? null;
  let t = text;
  const attr = /\s*\{#([A-Za-z0-9_:.-]+)[^}]*\}\s*$/.exec(t);
  if (attr) {
    anchor = anchor ?? attr[1] ?? null;
    t = t.slice(0, attr.index);
  }
  return { title: toPlainText(stripHtml(t)), anchor };
}

/** Scan markdown body lines into a heading tree; `firstLine` is the 1-based number of `lines[0]`. */
export function scanSections(lines: string[], firstLine: number): { root: HeadingSection; notes: ScanNote[] } {
  const root: HeadingSection = { depth: 0, title: '', anchor: null, line: firstLine, items: [], children: [] };
  const stack: HeadingSection[] = [root];
  const notes: ScanNote[] = [];
  let fence: { ch: string; len: number } | null = null;
  let inComment = false;
  let listIndents: number[] = [];
  let prev: Item | null = null;
  let deepWarned = false;
  let tableOpen = false;
  let prevQuoted = false;
  let paraQuoted = false;

  const current = (): HeadingSection => stack[stack.length - 1]!;
  const push = (item: Item): void => {
    current().items.push(item);
    prev = item;
  };
  const openHeading = (depth: number, text: string, line: number): void => {
    while (stack.length > 1 && current().depth >= depth) stack.pop();
    const { title, anchor } = readHeading(text);
    const h: HeadingSection = { depth, title, anchor, line, items: [], children: [] };
    current().children.push(h);
    stack.push(h);
    listIndents = [];
    prev = null;
    tableOpen = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = firstLine + i;
    let line = lines[i]!;
    if (line.length > MAX_LINE_LENGTH) {
      notes.push({ line: lineNo, rule: 'line-too-long', message: `line is ${line.length.toLocaleString('en-US')} characters long; skipped` });
      continue;
    }
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence.ch && close[1]!.length >= fence.len && line.trim() === close[1]) fence = null;
      else push({ type: 'code', line: lineNo, raw: line, fenced: true });
      continue;
    }
    // HTML comments (including an editor's trailing data block) are invisible.
    if (inComment) {
      const end = line.indexOf('-->');
      if (end < 0) continue;
      inComment = false;
      line = line.slice(end + 3);
      if (!line.trim()) continue;
    }
    if (line.includes('<!--')) {
      line = line.replace(/<!--[\s\S]*?-->/g, '');
      const open = line.indexOf('<!--');
      if (open >= 0) {
        inComment = true;
        line = line.slice(0, open);
      }
      if (!line.trim()) continue;
    }
    // Block quotes: read their content as if unquoted (linear even for thousands of `>`).
    const wasQuoted: boolean = prevQuoted;
    prevQuoted = QUOTE.test(line);
    if (prevQuoted) {
      let depth = 0;
      while (QUOTE.test(line)) {
        line = line.replace(QUOTE, '');
        depth++;
      }
      if (depth > MAX_NESTING && !deepWarned) {
        deepWarned = true;
        notes.push({ line: lineNo, rule: 'deep-nesting', message: `quotes nested ${depth} deep; read as plain text` });
      }
    }
    if (!line.trim()) {
      push({ type: 'blank', line: lineNo });
      tableOpen = false;
      continue;
    }
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen) {
      fence = { ch: fenceOpen[1]![0]!, len: fenceOpen[1]!.length };
      // A fence ends the paragraph above it: no setext heading or continuation across it.
      prev = null;
      continue;
    }
    // Headings inside a quote are quoted text, not structure (as in CommonMark).
    const atx = prevQuoted ? null : ATX.exec(line);
    if (atx) {
      openHeading(atx[1]!.length, atx[2] ?? '', lineNo);
      continue;
    }
    const p = prev as Item | null;
    // A setext underline after a quoted paragraph is lazy text of the quote, not a heading.
    if (SETEXT.test(line) && p && p.type === 'text' && p.level < 0 && !prevQuoted && !paraQuoted) {
      // The whole paragraph above (one or more lines) is a setext heading.
      const items = current().items;
      const lines: TextItem[] = [];
      while (items.length) {
        const last = items[items.length - 1]!;
        if (last.type !== 'text' || last.level >= 0) break;
        lines.unshift(items.pop() as TextItem);
        if (!last.cont) break;
      }
      openHeading(line.trim()[0] === '=' ? 1 : 2, lines.map((l) => l.raw).join(' '), lines[0]!.line);
      continue;
    }
    if (THEMATIC.test(line)) {
      listIndents = [];
      prev = null;
      continue;
    }
    if (line.includes('|')) {
      const next = lines[i + 1];
      // A delimiter row must have as many cells as the header (GFM), or "text | x" over "---" is a heading.
      if (!tableOpen && next !== undefined && next.includes('-') && TABLE_DELIM.test(next) && !LIST.test(line) && splitRow(next).length === splitRow(line).length) {
        push({ type: 'table', line: lineNo, cells: splitRow(line), header: true });
        tableOpen = true;
        i++;
        continue;
      }
      if (tableOpen) {
        push({ type: 'table', line: lineNo, cells: splitRow(line), header: false });
        continue;
      }
    }
    tableOpen = false;
    const list = LIST.exec(line);
    const indent = indentWidth(/^[ \t]*/.exec(line)![0]);
    if (list) {
      while (listIndents.length && listIndents[listIndents.length - 1]! > indent) listIndents.pop();
      if (listIndents.length && listIndents[listIndents.length - 1]! === indent) listIndents.pop();
      else if (listIndents.length && indent < listIndents[listIndents.length - 1]! + 2) listIndents.pop();
      listIndents.push(indent);
      if (listIndents.length > MAX_NESTING && !deepWarned) {
        deepWarned = true;
        notes.push({ line: lineNo, rule: 'deep-nesting', message: `list nested ${listIndents.length} deep; read as plain text` });
      }
      push({ type: 'text', line: lineNo, raw: (list[3] ?? '').trim(), level: Math.min(listIndents.length - 1, MAX_NESTING), cont: false });
      continue;
    }
    const afterBlank = !p || p.type === 'blank';
    if (listIndents.length && (indent >= 2 || !afterBlank)) {
      // Continuation of the list item above (lazy or indented).
      const items = current().items;
      let k = items.length - 1;
      while (k >= 0 && items[k]!.type === 'blank') k--;
      const owner = items[k];
      if (owner && owner.type === 'text' && owner.level >= 0) {
        push({ type: 'text', line: lineNo, raw: line.trim(), level: owner.level, cont: true });
        continue;
      }
    }
    if (indent >= 4 && afterBlank || indent >= 4 && p && p.type === 'code') {
      push({ type: 'code', line: lineNo, raw: line.replace(/^( {4}|\t)/, ''), fenced: false });
      continue;
    }
    listIndents = [];
    // A quote starts a new paragraph after plain text; plain text after a quote continues it (lazily).
    const cont = !afterBlank && p !== null && p.type === 'text' && p.level < 0 && !(prevQuoted && !wasQuoted);
    if (!cont) paraQuoted = prevQuoted;
    push({ type: 'text', line: lineNo, raw: line.trim(), level: -1, cont });
  }
  return { root, notes };
}
