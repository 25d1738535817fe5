/**
 * Markdown text + path -> stories + diagnostics. Pure: no file system, never throws on user text.
 * The stages: front matter -> remark syntax tree -> heading sections (blocks.ts) -> stories and notes (segment.ts).
 */
import type { Diagnostic, ParseResult } from '../story/types.js';
import { slugify } from '../story/text.js';
import { toSections } from './blocks.js';
import { readFrontMatter, stringList, stringValue } from './front-matter.js';
import { boundLine, fromMarkdown, MAX_NESTING } from './markdown.js';
import { readSections, type Context } from './segment.js';

/** Longest line read as text; longer lines are skipped with a warning (nothing in notes is that long). */
export const MAX_LINE_LENGTH = 20_000;

/** Split text into lines after removing a BOM; CR, LF and CRLF all end a line. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** Heuristic for files that are not text: NUL bytes or many replacement characters. */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.slice(0, 8192);
  const bad = (sample.match(/\uFFFD/g) ?? []).length;
  return sample.length > 0 && bad / sample.length > 0.05;
}

/** Parse one markdown file's text into stories (kind star or note) and diagnostics. */
export function parseStories(text: string, file: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const warn = (line: number, rule: string, message: string): void => {
    diagnostics.push({ file, line, column: 1, rule, severity: 'warning', message });
  };
  if (looksBinary(text)) {
    warn(1, 'binary-file', 'file looks binary, not markdown; skipped');
    return { stories: [], diagnostics };
  }
  const lines = splitLines(text);
  const fm = readFrontMatter(lines);
  if (fm.error) diagnostics.push({ file, line: fm.error.line, column: 1, rule: 'front-matter', severity: 'error', message: fm.error.message });
  // The body is parsed with the front matter blanked out, so every node's line is the file's own line.
  let deepWarned = false;
  const body = lines.map((l, i) => {
    if (i < fm.bodyStart) return '';
    if (l.length > MAX_LINE_LENGTH) {
      warn(i + 1, 'line-too-long', `line is ${l.length.toLocaleString('en-US')} characters long; skipped`);
      return '';
    }
    const b = boundLine(l);
    if (b.cut && !deepWarned) {
      deepWarned = true;
      warn(i + 1, 'deep-nesting', `lists or quotes nested more than ${MAX_NESTING} deep; deeper levels read as text`);
    }
    return b.line;
  });
  const root = toSections(fromMarkdown(body), body);

  const front = fm.data;
  const ctx: Context = { file, front, docTags: stringList(front.tags), out: [], diagnostics };
  readSections(ctx, root);
  applyFrontMatter(ctx);
  if (!ctx.out.length) {
    warn(1, 'no-story', 'no story or note was read from this file; label the parts "Situation:", "Action:", "Result:" for prep to find them');
  }
  return { stories: ctx.out, diagnostics: diagnostics.sort((a, b) => a.line - b.line) };
}

/** A file with one story lends it the front matter's id, title, competencies and questions. */
function applyFrontMatter(ctx: Context): void {
  const { front, out } = ctx;
  const competencies = stringList(front.competencies);
  const questions = typeof front.questions === 'string' ? [front.questions.trim()].filter(Boolean) : stringList(front.questions);
  if (out.length === 1) {
    const s = out[0]!;
    const id = stringValue(front.id);
    out[0] = { ...s, id: id ? slugify(id) : s.id, competencies, questions: [...new Set([...questions, ...s.questions])] };
  } else if (competencies.length) {
    for (let i = 0; i < out.length; i++) out[i] = { ...out[i]!, competencies };
  }
}
