/** Inline content of the syntax tree to plain text: emphasis, links, code spans and HTML reduced to their words. */
import type { PhrasingContent } from 'mdast';

/** Remove HTML tags (closed or not) and comments from text. */
export function stripHtml(text: string): string {
  return text
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<\/?[a-zA-Z][a-zA-Z0-9-]{0,40}(\s[^<>]{0,2000})?\/?>/g, '')
    .replace(/<[a-zA-Z][a-zA-Z0-9-]{0,40}\s[^<>]{0,2000}$/g, '');
}

// Obsidian-style wiki links: [[target]] and [[target|shown text]]; embeds (![[...]]) are dropped.
const WIKI_EMBED = /!\[\[[^\]\n]{0,300}\]\]/g;
const WIKI = /\[\[([^\]|\n]{0,300})(?:\|([^\]\n]{0,300}))?\]\]/g;
// GFM strikethrough and task boxes are not parsed (only GFM tables are): their markers are dropped here.
const STRIKE = /~~([^~\n]{1,2000})~~/g;

function collect(nodes: readonly PhrasingContent[], out: string[]): void {
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        out.push(n.value);
        break;
      case 'image':
      case 'imageReference':
        out.push(n.alt ?? '');
        break;
      case 'html':
        // Inline HTML is markup; a <br> separates words.
        if (/^<br\b/i.test(n.value)) out.push(' ');
        break;
      case 'break':
        out.push(' ');
        break;
      default:
        if ('children' in n) collect(n.children as PhrasingContent[], out);
    }
  }
}

/** Inline nodes as one line of plain text (white space folded). */
export function plainText(nodes: readonly PhrasingContent[]): string {
  const out: string[] = [];
  collect(nodes, out);
  let s = out.join('');
  if (s.includes('[[')) s = s.replace(WIKI_EMBED, '').replace(WIKI, (_a, target: string, shown?: string) => (shown ?? target).trim());
  if (s.includes('~~')) s = s.replace(STRIKE, '$1');
  return s.replace(/\s+/g, ' ').trim();
}

/** A run of inline nodes that stood on one source line. */
export interface InlineLine {
  line: number;
  nodes: PhrasingContent[];
}

/** Split a paragraph's inline nodes at its line breaks (soft or hard), keeping each piece's source line. */
export function splitLines(nodes: readonly PhrasingContent[], firstLine: number): InlineLine[] {
  const out: InlineLine[] = [{ line: firstLine, nodes: [] }];
  const last = (): InlineLine => out[out.length - 1]!;
  for (const n of nodes) {
    const line = n.position?.start.line ?? last().line;
    if (n.type === 'break') {
      out.push({ line: line + 1, nodes: [] });
      continue;
    }
    if (n.type === 'text' && n.value.includes('\n')) {
      const pieces = n.value.split('\n');
      pieces.forEach((p, k) => {
        if (k > 0) out.push({ line: line + k, nodes: [] });
        if (p) last().nodes.push({ type: 'text', value: p });
      });
      continue;
    }
    if (!last().nodes.length) last().line = line;
    last().nodes.push(n);
  }
  return out.filter((l) => l.nodes.length > 0);
}
