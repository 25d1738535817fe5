/** Inline markdown to plain text: emphasis, links, code spans, HTML tags and entities removed. */

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–',
  rarr: '→', larr: '←', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', copy: '©',
};

/** Decode the HTML entities people actually type in notes. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** Remove HTML tags (closed or not) and comments from a line. */
export function stripHtml(text: string): string {
  return text
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>/g, '')
    .replace(/<[a-zA-Z][a-zA-Z0-9-]*\s[^<>]*$/g, '');
}

const SPECIAL = /[`*_[\]<>&\\~!]/;
// Link parts are bounded so a long line of unclosed brackets stays linear.
const IMAGE = /!\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)/g;
const LINK = /\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)/g;
const REF_LINK = /\[([^\]\n]{1,300})\]\[[^\]\n]{0,100}\]/g;
// Obsidian-style wiki links: [[target]] and [[target|shown text]]; embeds (![[...]]) are dropped.
const WIKI_EMBED = /!\[\[[^\]\n]{0,300}\]\]/g;
const WIKI = /\[\[([^\]|\n]{0,300})(?:\|([^\]\n]{0,300}))?\]\]/g;

/** Convert one line of inline markdown to plain text. */
export function toPlainText(md: string): string {
  // Most lines have no markup at all; skip the regex chain for them (parsing is dominated by this function).
  if (!SPECIAL.test(md)) return md.includes('  ') || md.includes('\t') ? md.replace(/[ \t]+/g, ' ').trim() : md.trim();
  let s = md.includes('\u0000') ? md.replace(/\u0000/g, '') : md;
  // Code spans keep their content verbatim, so protect them first.
  const codes: string[] = [];
  if (s.includes('`')) {
    s = s.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_a, _t, body: string) => {
      codes.push(body.trim());
      return `\u0000${codes.length - 1}\u0000`;
    });
  }
  if (s.includes('<')) {
    s = stripHtml(s).replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1');
  }
  if (s.includes('[')) {
    if (s.includes('[[')) s = s.replace(WIKI_EMBED, '').replace(WIKI, (_a, target: string, shown?: string) => (shown ?? target).trim());
    s = s.replace(IMAGE, '$1').replace(LINK, '$1').replace(REF_LINK, '$1');
  }
  if (s.includes('*')) {
    s = s.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/(^|[^\w*])\*([^*\s](?:[^*]*[^*\s])?)\*(?!\w)/g, '$1$2');
  }
  if (s.includes('_')) {
    s = s.replace(/__([^_]+)__/g, '$1').replace(/(^|[^\w])_([^_\s](?:[^_]*[^_\s])?)_(?!\w)/g, '$1$2');
  }
  if (s.includes('~')) s = s.replace(/~~([^~]+)~~/g, '$1');
  if (s.includes('\\')) s = s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  if (s.includes('&')) s = decodeEntities(s);
  if (codes.length) s = s.replace(/\u0000(\d+)\u0000/g, (_a, i: string) => codes[Number(i)] ?? '');
  return s.replace(/[ \t]+/g, ' ').trim();
}
