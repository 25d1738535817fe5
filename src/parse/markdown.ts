/** Markdown text -> mdast syntax tree, through unified + remark-parse (CommonMark) and GFM tables. Pure. */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root } from 'mdast';

/** GFM tables only: the rest of GFM (autolink literals, footnotes) costs parse time and means nothing to a story. */
function remarkGfmTable(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

let plain: Processor<Root> | null = null;
let withTables: Processor<Root> | null = null;

// A GFM delimiter row ("| --- | :-: |" or "---|---"); files without one skip the table extension (about 30% faster).
const DELIMITER_ROW = /^[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*\|/m;

/** Deepest nesting of lists and quotes passed to the parser: its cost grows with the cube of the depth. */
export const MAX_NESTING = 16;
const MAX_INDENT = 3 * MAX_NESTING;
// One container marker at the start of a line: a quote, a bullet or a number, with the space after it.
const MARKER = /[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/y;
// Runs of more backticks than any note uses: many different run lengths make code-span matching quadratic.
const LONG_TICKS = /`{9,}/g;

/**
 * Bound what makes the parser slow on hostile input, on one line: indentation past MAX_INDENT columns and more than
 * MAX_NESTING container markers are cut (deeper levels read as text of the level above), long backtick runs shortened.
 * Returns the line unchanged (same object) when nothing was cut.
 */
export function boundLine(line: string): { line: string; cut: boolean } {
  let out = line;
  let cut = false;
  if (out.includes('``````````')) out = out.replace(LONG_TICKS, '````````');
  let lead = 0;
  while (lead < out.length && (out[lead] === ' ' || out[lead] === '\t')) lead++;
  if (lead > MAX_INDENT) {
    out = ' '.repeat(MAX_INDENT) + out.slice(lead);
    cut = true;
  }
  MARKER.lastIndex = 0;
  let markers = 0;
  let end = 0;
  while (MARKER.exec(out)) {
    markers++;
    end = MARKER.lastIndex;
    if (markers === MAX_NESTING) break;
  }
  if (markers === MAX_NESTING) {
    const rest = out.slice(end);
    MARKER.lastIndex = 0;
    let extra = 0;
    while (MARKER.exec(rest)) extra = MARKER.lastIndex;
    if (extra > 0) {
      out = out.slice(0, end) + rest.slice(extra);
      cut = true;
    }
  }
  return { line: out, cut };
}

/** Parse one run of markdown into an mdast tree. */
function parseChunk(text: string): Root {
  if (DELIMITER_ROW.test(text)) {
    withTables ??= unified().use(remarkParse).use(remarkGfmTable) as unknown as Processor<Root>;
    return withTables.parse(text);
  }
  plain ??= unified().use(remarkParse) as unknown as Processor<Root>;
  return plain.parse(text);
}

// Lines per run at least: long enough that setting up the parser per run costs little, short enough to stay fast.
const CHUNK_LINES = 200;
// A line at the margin after a blank line: no open paragraph, list item or quote carries on past it.
const MARGIN_START = /^[^ \t]/;
const FENCE_START = /^ {0,3}(`{3,}|~{3,})/;
// HTML blocks that run across blank lines (CommonMark types 1 and 2): until their closing tag or `-->`.
const LONG_HTML = /^ {0,3}<(?:(script|pre|style|textarea)(?:\s|>|$)|!--)/i;

/**
 * Parse markdown lines into one mdast tree (positions are 1-based lines of `lines`). The text is parsed in runs of
 * about CHUNK_LINES lines, cut before a line at the margin that follows a blank line, outside code and long HTML
 * blocks: such a line ends every open block (a list goes on as a second list, which reads the same), so the tree is
 * the one the whole text gives, and micromark's cost, which grows faster than the length of one run, stays linear.
 */
export function fromMarkdown(lines: string[]): Root {
  const root: Root = { type: 'root', children: [] };
  let start = 0;
  let fence: string | null = null;
  let html: RegExp | null = null;
  const flush = (end: number): void => {
    if (end <= start) return;
    const tree = parseChunk(lines.slice(start, end).join('\n'));
    if (start > 0) shiftLines(tree, start);
    for (const c of tree.children) root.children.push(c);
    start = end;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence) {
      const close = FENCE_START.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && !line.slice(close[0].length).trim()) fence = null;
      continue;
    }
    if (html) {
      if (html.test(line)) html = null;
      continue;
    }
    const f = FENCE_START.exec(line);
    if (f) {
      fence = f[1]!;
      continue;
    }
    const h = LONG_HTML.exec(line);
    if (h) {
      const close = h[1] ? new RegExp(`</${h[1]}>`, 'i') : /-->/;
      if (!close.test(line.slice(h[0].length))) html = close;
      continue;
    }
    if (i - start >= CHUNK_LINES && MARGIN_START.test(line) && !lines[i - 1]!.trim()) flush(i);
  }
  flush(lines.length);
  return root;
}

/** Move every node of a tree parsed from line `by + 1` on to its place in the file. */
function shiftLines(node: { position?: { start: { line: number }; end: { line: number } }; children?: unknown[] }, by: number): void {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.position) {
      n.position.start.line += by;
      n.position.end.line += by;
    }
    if (n.children) for (const c of n.children) stack.push(c as typeof node);
  }
}
