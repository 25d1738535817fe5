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

/** Parse markdown into an mdast tree (positions are 1-based lines of `text`). */
export function fromMarkdown(text: string): Root {
  if (DELIMITER_ROW.test(text)) {
    withTables ??= unified().use(remarkParse).use(remarkGfmTable) as unknown as Processor<Root>;
    return withTables.parse(text);
  }
  plain ??= unified().use(remarkParse) as unknown as Processor<Root>;
  return plain.parse(text);
}
