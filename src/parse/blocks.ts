/**
 * The block structure of a note, read from remark's syntax tree: a tree of heading sections, each holding its
 * paragraphs' lines, list items, table rows and code as items in document order. remark decides what the markdown
 * is (exactly as every CommonMark renderer does); this file only flattens it into what the story reader walks.
 */
import type { Html, List, ListItem, Nodes, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { plainText, splitLines as splitPhrasing, stripHtml, type InlineLine } from './inline.js';
import { detectLabel, lookupLabel } from './labels.js';

// "Story 3 – ...", "STORY: ...", "Example 2: ...", "🔥 Case 1 - ...": a line that names the story below it.
export const STORY_LINE = /^[^\p{L}\p{N}]{0,6}(?:story|example|scenario|case(?: study)?)\s*#?\d{0,3}\s*[:.\-–—]\s*\S/iu;

/** A bold run at the start of a line, and the text after it: where labels are looked for. */
export interface Lead {
  strong: string;
  after: string;
  /** The text after the bold run continues its word ("**S**ituation"). */
  joined: boolean;
}

/** A line of prose or a list item inside a section. */
export interface TextItem {
  type: 'text';
  line: number;
  /** The line as plain text. */
  plain: string;
  /** The line's leading bold run, when it starts with one. */
  lead: Lead | null;
  /** Nesting level for list items (0 = top), -1 for paragraph lines. */
  level: number;
  /** True when this line continues the previous item (a soft line break, a list item's second paragraph). */
  cont: boolean;
  /** Set when the line could title a story: a bold line on its own, a `<summary>`, a numbered item, "Story 2: ...". */
  titleLike?: 'bold' | 'summary' | 'numbered' | 'quoted-heading' | 'story-line';
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

/** A break between blocks (a blank line, a thematic break), kept so paragraphs can be told apart. */
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
  /** The heading's leading bold run (`### **S - Situation**`), for label detection. */
  lead: Lead | null;
  items: Item[];
  children: HeadingSection[];
}

const ANCHOR_HTML = /<a\s[^>]{0,200}?(?:id|name)\s*=\s*["']?([^"'\s>]{1,100})/i;
const ANCHOR_ATTR = /\s*\{#([A-Za-z0-9_:.-]{1,100})[^{}]{0,200}\}\s*$/;

/** A heading's title and explicit anchor (`<a id="x">` or a trailing `{#x}`). */
function readHeading(children: PhrasingContent[]): { title: string; anchor: string | null; lead: Lead | null } {
  let anchor: string | null = null;
  for (const c of children) {
    if (c.type === 'html') anchor ??= ANCHOR_HTML.exec(c.value)?.[1] ?? null;
  }
  let title = plainText(children);
  // Only the tail can hold an attribute, so the pattern runs on a bounded slice.
  const tail = title.slice(-320);
  const attr = ANCHOR_ATTR.exec(tail);
  if (attr) {
    anchor ??= attr[1] ?? null;
    title = title.slice(0, title.length - tail.length + attr.index).trim();
  }
  return { title, anchor, lead: leadOf(children) };
}

/** The leading bold run of a line of inline nodes, with the text after it. */
function leadOf(nodes: PhrasingContent[]): Lead | null {
  let i = 0;
  while (i < nodes.length && nodes[i]!.type === 'text' && !(nodes[i] as { value: string }).value.trim()) i++;
  const first = nodes[i];
  if (!first) return null;
  // `***Situation***` parses as emphasis around strong (or the reverse); both are a bold label.
  const strong =
    first.type === 'strong' ? first : first.type === 'emphasis' && first.children.length === 1 && first.children[0]!.type === 'strong' ? first.children[0] : null;
  if (!strong) return null;
  const next = nodes[i + 1];
  const joined = next?.type === 'text' && /^[a-z]/.test(next.value);
  return { strong: plainText([strong]), after: plainText(nodes.slice(i + 1)), joined };
}

// Where a line holds several labels ("**Situation:** ... **Task:** ..." or "Situation: ... Task: ..."), each starts a piece.
const STRONG_TAIL = /^\s*[:：\-–—]/u;
const PLAIN_LABELS = /(?:^|(?<=[.!?;)]\s{1,4}))(?:Situation|Task|Actions?|Results?|Context|Outcome|Impact)\s?[:：]\s/g;
// "S: Situation / T: Task / A: Action / R: Result": letters, each after a separator (a legend, usually).
const LETTER_LABELS = /(?:^|(?<=[/|,;]\s{0,4}))[STAR]\s?[:：]\s/g;

/** Split one line of inline nodes before each STAR label that is not at its start. */
function splitAtLabels(l: InlineLine): (InlineLine & { label?: boolean })[] {
  const cuts: number[] = [];
  l.nodes.forEach((n, i) => {
    if (i === 0 || n.type !== 'strong') return;
    const text = plainText([n]);
    const next = l.nodes[i + 1];
    const colon = /[:：]$/u.test(text) || (next?.type === 'text' && STRONG_TAIL.test(next.value));
    if (colon && lookupLabel(text.replace(/[:：]$/u, ''))) cuts.push(i);
  });
  if (cuts.length) {
    const out: (InlineLine & { label?: boolean })[] = [];
    let from = 0;
    for (const c of [...cuts, l.nodes.length]) {
      if (c > from) out.push({ line: l.line, nodes: l.nodes.slice(from, c), label: from > 0 });
      from = c;
    }
    return out;
  }
  // Plain labels: only a line of one text node, and only when it holds two or more of them.
  const only = l.nodes.length === 1 ? l.nodes[0]! : null;
  if (only?.type !== 'text' || only.value.length > 20_000) return [l];
  let starts = [...only.value.matchAll(PLAIN_LABELS)].map((m) => m.index!);
  if (starts.length < 2) starts = [...only.value.matchAll(LETTER_LABELS)].map((m) => m.index!);
  if (starts.length < 2) return [l];
  const out: (InlineLine & { label?: boolean })[] = [];
  if (starts[0]! > 0) out.push({ line: l.line, nodes: [{ type: 'text', value: only.value.slice(0, starts[0]) }] });
  starts.forEach((s, k) => out.push({ line: l.line, nodes: [{ type: 'text', value: only.value.slice(s, starts[k + 1]) }], label: k > 0 || s > 0 }));
  return out;
}

/**
 * Read a syntax tree into a heading tree; `lines` are the source lines (for telling fenced from indented code).
 * Nesting is bounded before parsing (markdown.ts), so the recursion here is shallow.
 */
export function toSections(tree: Root, lines: string[]): HeadingSection {
  const root: HeadingSection = { depth: 0, title: '', anchor: null, line: 1, lead: null, items: [], children: [] };
  const stack: HeadingSection[] = [root];
  const current = (): HeadingSection => stack[stack.length - 1]!;
  const push = (item: Item): void => {
    current().items.push(item);
  };
  const lineOf = (n: Nodes): number => n.position?.start.line ?? 1;

  /** Push a paragraph's lines: the first starts an item, the rest continue it (labels may start any of them). */
  const pushLines = (nodes: PhrasingContent[], line: number, level: number, cont: boolean): void => {
    const parts = splitPhrasing(nodes, line).flatMap(splitAtLabels);
    parts.forEach((p, k) => {
      const plain = plainText(p.nodes);
      if (!plain) return;
      const item: TextItem = { type: 'text', line: p.line, plain, lead: leadOf(p.nodes), level, cont: (cont || k > 0) && !p.label };
      if (k > 0 && item.cont && detectLabel(item)?.part) {
        // "**Result**: ..." right under a list, with no blank line, is a lazy continuation in CommonMark; a part label
        // there starts the part. Written at the margin, it is a top-level label, not the list item's.
        item.cont = false;
        if (!/^[ \t>]/.test(lines[p.line - 1] ?? '')) item.level = -1;
      }
      // A paragraph that is one bold run and nothing else ("**Migrating the billing database**") may be a title.
      if (parts.length === 1 && !cont && item.lead && !item.lead.after) item.titleLike = 'bold';
      // "Story 3: Owning a costly mistake", "Example 2 - ...": a story's title line, with or without a heading.
      if (k === 0 && !cont && STORY_LINE.test(plain)) item.titleLike = 'story-line';
      push(item);
    });
  };

  const visitList = (list: List, level: number, quoteDepth: number): void => {
    let n = list.start ?? 1;
    for (const item of list.children) {
      visitListItem(item, level, quoteDepth, list.ordered ? n++ : null);
    }
  };

  const visitListItem = (item: ListItem, level: number, quoteDepth: number, ordinal: number | null): void => {
    let first = true;
    for (const c of item.children) {
      if (c.type === 'paragraph') {
        const before = current().items.length;
        pushLines(c.children, lineOf(c), level, !first);
        const added = current().items[before];
        if (first && added?.type === 'text' && ordinal !== null) added.titleLike ??= 'numbered';
        first = false;
      } else if (c.type === 'list') {
        if (first) first = false;
        visitList(c, level + 1, quoteDepth);
      } else {
        if (first && c.type === 'heading') {
          // "- ## Title": a heading inside a list item is the item's text.
          pushLines(c.children, lineOf(c), level, false);
          first = false;
          continue;
        }
        visitBlock(c, quoteDepth, level);
        first = false;
      }
    }
  };

  const visitTable = (t: Table): void => {
    t.children.forEach((row, k) => {
      push({ type: 'table', line: lineOf(row), cells: row.children.map((cell) => plainText(cell.children)), header: k === 0 });
    });
  };

  const visitHtml = (h: Html, level: number): void => {
    const value = h.value;
    if (value.trimStart().startsWith('<!--')) return;
    const summary = /<summary[^>]{0,200}>([\s\S]{0,2000}?)<\/summary>/i.exec(value);
    const text = stripHtml(value.replace(/<summary[^>]{0,200}>[\s\S]{0,2000}?<\/summary>/gi, '')).replace(/<!--[\s\S]*?-->/g, '');
    if (summary) {
      const title = stripHtml(summary[1]!).replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
      const at = lineOf(h) + (value.slice(0, summary.index).match(/\n/g)?.length ?? 0);
      if (title) push({ type: 'text', line: at, plain: title, lead: null, level: -1, cont: false, titleLike: 'summary' });
    }
    // Text inside an HTML block (`<p>Situation: ...</p>`) is read as lines of prose.
    text.split('\n').forEach((l, k) => {
      const plain = l.replace(/\s+/g, ' ').trim();
      if (plain) push({ type: 'text', line: lineOf(h) + k, plain, lead: null, level: level >= 0 ? level : -1, cont: level >= 0 });
    });
  };

  const visitBlock = (node: RootContent, quoteDepth: number, level: number): void => {
    switch (node.type) {
      case 'heading': {
        if (quoteDepth > 0 || level >= 0) {
          // Headings inside a quote or list are quoted text, not the file's structure.
          const before = current().items.length;
          pushLines(node.children, lineOf(node), level, level >= 0);
          const added = current().items[before];
          if (added?.type === 'text') added.titleLike ??= 'quoted-heading';
          return;
        }
        const depth = node.depth;
        while (stack.length > 1 && current().depth >= depth) stack.pop();
        const h: HeadingSection = { depth, ...readHeading(node.children), line: lineOf(node), items: [], children: [] };
        current().children.push(h);
        stack.push(h);
        return;
      }
      case 'paragraph':
        push({ type: 'blank', line: lineOf(node) });
        pushLines(node.children, lineOf(node), level, level >= 0);
        return;
      case 'list':
        push({ type: 'blank', line: lineOf(node) });
        visitList(node, level + 1, quoteDepth);
        return;
      case 'blockquote':
        for (const c of node.children) visitBlock(c, quoteDepth + 1, level);
        return;
      case 'table':
        visitTable(node);
        return;
      case 'code': {
        const start = lineOf(node);
        const fenced = /^\s*(`{3,}|~{3,})/.test(lines[start - 1] ?? '');
        node.value.split('\n').forEach((raw, k) => push({ type: 'code', line: start + k + (fenced ? 1 : 0), raw, fenced }));
        return;
      }
      case 'html':
        visitHtml(node, level);
        return;
      case 'thematicBreak':
        push({ type: 'blank', line: lineOf(node) });
        return;
      default:
        // Definitions, footnote definitions: no story text.
        return;
    }
  };

  for (const node of tree.children) visitBlock(node, 0, -1);
  return root;
}
