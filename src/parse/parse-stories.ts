/** Markdown text + path -> stories + diagnostics. Pure: no file system, never throws on user text. */
import type { Diagnostic, ParseResult, StarPart, Story, StorySection } from '../story/types.js';
import { STAR_PARTS, WORDS_PER_MINUTE } from '../story/types.js';
import { countWords, slugify } from '../story/text.js';
import { scanSections, type HeadingSection, type Item } from './blocks.js';
import { readFrontMatter, stringList, stringValue, type FrontMatterInput } from './front-matter.js';
import { toPlainText } from './inline.js';
import { detectLabel, detectTechLine, lookupLabel, type Label } from './labels.js';

type Target = { kind: 'summary' } | { kind: 'part'; part: StarPart } | { kind: 'section'; index: number };

interface Draft {
  summary: string[];
  parts: Record<StarPart, string[]>;
  seen: Set<StarPart>;
  sections: { name: string; lines: string[] }[];
  tags: string[];
}

function newDraft(): Draft {
  return { summary: [], parts: { situation: [], task: [], action: [], result: [] }, seen: new Set(), sections: [], tags: [] };
}

/** The STAR parts a run of items names through labels (inline, prefix or table). */
function inlineParts(items: Item[]): Set<StarPart> {
  const found = new Set<StarPart>();
  let tableCols: (StarPart | null)[] | null = null;
  for (const it of items) {
    if (it.type === 'text' && (!it.cont || it.level < 0)) {
      const l = itemLabel(it);
      if (l?.part) found.add(l.part);
    } else if (it.type === 'table') {
      const first = detectLabel(it.cells[0] ?? '') ?? labelFromCell(it.cells[0] ?? '');
      if (first?.part) found.add(first.part);
      if (it.header) {
        tableCols = it.cells.map((c) => labelFromCell(c)?.part ?? null);
        if (tableCols.filter(Boolean).length >= 2) for (const p of tableCols) if (p) found.add(p);
      }
    }
  }
  return found;
}

function labelFromCell(cell: string): Label | null {
  const plain = toPlainText(cell);
  const l = detectLabel(plain.endsWith(':') ? plain : plain + ':');
  return l && l.part && !l.rest ? { ...l, name: plain.replace(/:$/, '') } : null;
}

const labelMemo = new WeakMap<Item, Label | null>();

/** detectLabel on an item's text, computed once per item (walks ask the same item more than once). */
function itemLabel(it: Item & { raw: string }): Label | null {
  let l = labelMemo.get(it);
  if (l === undefined) {
    l = detectLabel(it.raw);
    labelMemo.set(it, l);
  }
  return l;
}

const ownedMemo = new WeakMap<HeadingSection, Set<StarPart>>();

/** STAR parts a section owns: its inline labels plus child headings that are labels. */
function ownedParts(sec: HeadingSection): Set<StarPart> {
  const memo = ownedMemo.get(sec);
  if (memo) return memo;
  const found = inlineParts(sec.items);
  ownedMemo.set(sec, found);
  for (const c of sec.children) {
    const h = lookupLabel(c.title);
    if (h) found.add(h.part);
  }
  return found;
}

function isStory(sec: HeadingSection): boolean {
  return ownedParts(sec).size >= 2;
}

const belowMemo = new WeakMap<HeadingSection, boolean>();

function hasStoryBelow(sec: HeadingSection): boolean {
  let b = belowMemo.get(sec);
  if (b === undefined) {
    b = sec.children.some((c) => isStory(c) || hasStoryBelow(c));
    belowMemo.set(sec, b);
  }
  return b;
}

/** True when a section has text of its own beyond blank lines and link-only lists (a table of contents). */
function hasOwnContent(sec: HeadingSection): boolean {
  return sec.items.some((it) => {
    if (it.type === 'blank') return false;
    if (it.type === 'text') return toPlainText(it.raw).length > 0 && !/^\s*\[[^\]]*\]\([^)]*\)\s*$/.test(it.raw);
    return true;
  });
}

function hasContentBelow(sec: HeadingSection): boolean {
  return hasOwnContent(sec) || sec.children.some(hasContentBelow);
}

/** Render items as plain-text lines; list items become "- " bullets indented two spaces per level below `base`. */
function pushItem(lines: string[], it: Item, base: number): void {
  if (it.type === 'blank') return;
  if (it.type === 'code') {
    // Fenced code (commands, configs) is not part of the spoken story.
    if (!it.fenced && it.raw.trim()) lines.push(it.raw.trimEnd());
    return;
  }
  if (it.type === 'table') {
    const cells = it.cells.map(toPlainText).filter(Boolean);
    if (cells.length) lines.push(cells.join(' — '));
    return;
  }
  const text = toPlainText(it.raw);
  if (!text) return;
  if (it.cont && lines.length) {
    lines[lines.length - 1] += ' ' + text;
    return;
  }
  if (it.level >= 0) lines.push('  '.repeat(Math.max(0, it.level - base)) + '- ' + text);
  else lines.push(text);
}

/** Fill a draft from a section's items: labels switch the target, everything else is text for the current one. */
function fillDraft(d: Draft, items: Item[], start: Target, allowSections: boolean): Target {
  let target: Target = start;
  let labelLevel: number | null = null;
  let base = 0;
  let tableCols: (StarPart | null)[] | null = null;
  let sawKnown = false;

  const linesOf = (t: Target): string[] => linesFor(d, t);
  const switchTo = (l: Label): Target => targetFor(d, l.name, l.part, l.primary);

  for (const it of items) {
    // A label may start a line inside a paragraph ("S: ...\nT: ..." with no blank line between).
    if (it.type === 'text' && (!it.cont || it.level < 0)) {
      const l = itemLabel(it);
      const level = it.level;
      const atLabelLevel = labelLevel === null || level <= labelLevel;
      if (l && atLabelLevel && (l.part || (allowSections && sawKnown))) {
        if (l.part) sawKnown = true;
        if (labelLevel === null) labelLevel = level;
        target = switchTo(l);
        base = level + 1;
        if (l.rest) linesOf(target).push(toPlainText(l.rest));
        continue;
      }
      const tags = detectTechLine(toPlainText(it.raw));
      if (tags) {
        d.tags.push(...tags);
        continue;
      }
      if (level < 0) base = 0;
    } else if (it.type === 'code') {
      if (it.fenced) continue;
      const tags = detectTechLine(it.raw);
      if (tags) {
        d.tags.push(...tags);
        continue;
      }
    } else if (it.type === 'table') {
      if (it.header) {
        const cols = it.cells.map((c) => labelFromCell(c)?.part ?? null);
        tableCols = cols.filter(Boolean).length >= 2 ? cols : null;
        if (tableCols) continue;
      } else if (tableCols) {
        tableCols.forEach((p, i) => {
          const cell = toPlainText(it.cells[i] ?? '');
          if (p && cell) {
            d.seen.add(p);
            d.parts[p].push(cell);
          }
        });
        sawKnown = true;
        continue;
      }
      const l = labelFromCell(it.cells[0] ?? '') ?? detectLabel(it.cells[0] ?? '');
      if (l?.part) {
        sawKnown = true;
        labelLevel = labelLevel ?? 0;
        target = switchTo(l);
        const rest = [l.rest, ...it.cells.slice(1)].map(toPlainText).filter(Boolean).join(' ');
        if (rest) linesOf(target).push(rest);
        continue;
      }
      // A header row such as "| Part | Notes |" carries no content.
      if (it.header) continue;
    }
    pushItem(linesOf(target), it, base);
  }
  return target;
}

/** Flatten a section and its descendants to lines (sub-headings become their own lines). */
function sectionLines(sec: HeadingSection): string[] {
  const lines: string[] = [];
  for (const it of sec.items) pushItem(lines, it, 0);
  for (const c of sec.children) {
    if (c.title) lines.push(c.title + ':');
    lines.push(...sectionLines(c).map((l) => (c.title ? '  ' + l : l)));
  }
  return lines;
}

interface Context {
  file: string;
  front: FrontMatterInput;
  docTags: string[];
  out: Story[];
  diagnostics: Diagnostic[];
}

const joinLines = (lines: string[]): string => lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();

function makeStory(ctx: Context, kind: 'star' | 'note', title: string, anchor: string | null, line: number, trail: string[], d: Draft): Story {
  const parts = Object.fromEntries(STAR_PARTS.map((p) => [p, joinLines(d.parts[p])])) as Record<StarPart, string>;
  const sections: StorySection[] = d.sections.map((s) => ({ name: s.name, text: joinLines(s.lines) })).filter((s) => s.text || kind === 'star');
  const summary = joinLines(d.summary);
  const spoken = kind === 'star' ? STAR_PARTS.map((p) => parts[p]).join(' ') : [summary, ...sections.map((s) => s.text)].join(' ');
  const words = countWords(spoken);
  const seen = new Set<string>();
  const tags = [...ctx.docTags, ...d.tags].filter((t) => {
    const k = t.toLowerCase();
    return seen.has(k) ? false : (seen.add(k), true);
  });
  return {
    id: anchor ? slugify(anchor) : slugify(title),
    title,
    kind,
    summary,
    ...parts,
    sections,
    path: trail,
    tags,
    competencies: [],
    questions: [],
    source: { file: ctx.file, line },
    words,
    speakingSeconds: Math.round((words / WORDS_PER_MINUTE) * 60),
  };
}

function buildStory(ctx: Context, sec: HeadingSection, trail: string[]): void {
  const d = newDraft();
  let target = fillDraft(d, sec.items, { kind: 'summary' }, true);
  const nested: HeadingSection[] = [];
  for (const c of sec.children) {
    const h = lookupLabel(c.title);
    if (h) {
      target = fillDraft(d, c.items, targetFor(d, c.title, h.part, h.primary), false);
      for (const g of c.children) {
        if (isStory(g)) nested.push(g);
        else linesFor(d, target).push(...(g.title ? [g.title + ':'] : []), ...sectionLines(g));
      }
    } else if (isStory(c)) {
      nested.push(c);
    } else {
      const lines = sectionLines(c);
      d.sections.push({ name: c.title, lines });
      target = { kind: 'section', index: d.sections.length - 1 };
    }
  }
  ctx.out.push(makeStory(ctx, 'star', sec.title || stringValue(ctx.front.title) || fileTitle(ctx.file), sec.anchor, sec.line, trail, d));
  for (const n of nested) buildStory(ctx, n, [...trail, sec.title]);
}

function fileTitle(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim() || 'Untitled story';
}

/** The lines a target collects into. */
function linesFor(d: Draft, t: Target): string[] {
  return t.kind === 'summary' ? d.summary : t.kind === 'part' ? d.parts[t.part] : d.sections[t.index]!.lines;
}

/** Where a label leads: its STAR part (primary names always, synonyms only into an empty part), else a section. */
function targetFor(d: Draft, name: string, part: StarPart | null, primary: boolean): Target {
  if (part && (primary || !d.seen.has(part))) {
    d.seen.add(part);
    return { kind: 'part', part };
  }
  const existing = d.sections.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
  if (existing >= 0) return { kind: 'section', index: existing };
  d.sections.push({ name, lines: [] });
  return { kind: 'section', index: d.sections.length - 1 };
}

function buildNote(ctx: Context, sec: HeadingSection, trail: string[]): void {
  const d = newDraft();
  fillDraft(d, sec.items, { kind: 'summary' }, false);
  for (const c of sec.children) d.sections.push({ name: c.title, lines: sectionLines(c) });
  ctx.out.push(makeStory(ctx, 'note', sec.title, sec.anchor, sec.line, trail, d));
}

/** Walk the heading tree: stories where STAR parts are, notes where prose is, containers in between. */
function walk(ctx: Context, sec: HeadingSection, trail: string[]): void {
  if (isStory(sec)) {
    buildStory(ctx, sec, trail);
    return;
  }
  const below = hasStoryBelow(sec);
  const isRoot = sec.depth === 0;
  const container = isRoot || below || (sec.depth === 1 && !hasOwnContent(sec) && sec.children.length > 0);
  if (!container) {
    if (hasContentBelow(sec) && sec.title) buildNote(ctx, sec, trail);
    return;
  }
  const next = isRoot ? trail : [...trail, sec.title];
  for (const c of sec.children) walk(ctx, c, next);
}

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
  if (looksBinary(text)) {
    diagnostics.push({ file, line: 1, column: 1, rule: 'binary-file', severity: 'warning', message: 'file looks binary, not markdown; skipped' });
    return { stories: [], diagnostics };
  }
  const lines = splitLines(text);
  const fm = readFrontMatter(lines);
  if (fm.error) diagnostics.push({ file, line: fm.error.line, column: 1, rule: 'front-matter', severity: 'error', message: fm.error.message });
  const { root, notes } = scanSections(lines.slice(fm.bodyStart), fm.bodyStart + 1);
  for (const n of notes) diagnostics.push({ file, line: n.line, column: 1, rule: n.rule, severity: 'warning', message: n.message });

  const front = fm.data;
  const ctx: Context = { file, front, docTags: stringList(front.tags), out: [], diagnostics };
  walk(ctx, root, []);
  applyFrontMatter(ctx);
  return { stories: ctx.out, diagnostics };
}

/** A file with one story lends it the front matter's id, title, competencies and questions. */
function applyFrontMatter(ctx: Context): void {
  const { front, out } = ctx;
  const competencies = stringList(front.competencies);
  const questions = typeof front.questions === 'string' ? [front.questions.trim()].filter(Boolean) : stringList(front.questions);
  if (out.length === 1) {
    const s = out[0]!;
    const id = stringValue(front.id);
    out[0] = { ...s, id: id ? slugify(id) : s.id, competencies, questions };
  } else if (competencies.length) {
    for (let i = 0; i < out.length; i++) out[i] = { ...out[i]!, competencies };
  }
}
