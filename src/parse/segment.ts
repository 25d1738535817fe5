/**
 * What the heading sections mean: which runs of items are stories, where each story starts and ends, what its title
 * is, and which sections are notes, containers, legends or templates. Pure.
 */
import type { Diagnostic, StarPart, Story, StorySection } from '../story/types.js';
import { STAR_PARTS, WORDS_PER_MINUTE } from '../story/types.js';
import { countWords, slugify } from '../story/text.js';
import { TEMPLATE_PHRASES } from '../story/template.js';
import type { HeadingSection, Item, TableItem, TextItem } from './blocks.js';
import { stringValue, type FrontMatterInput } from './front-matter.js';
import { decorationOf, detectLabel, detectTechLine, headingLabel, lookupLabel, normaliseLabel, type Label } from './labels.js';

/** What a parse of one file gathers while it walks. */
export interface Context {
  file: string;
  front: FrontMatterInput;
  docTags: string[];
  out: Story[];
  diagnostics: Diagnostic[];
}

type Target = { kind: 'summary' } | { kind: 'part'; part: StarPart } | { kind: 'section'; index: number };

interface Draft {
  summary: string[];
  parts: Record<StarPart, string[]>;
  seen: Set<StarPart>;
  sections: { name: string; lines: string[] }[];
  tags: string[];
}

const ORDER: Record<StarPart, number> = { situation: 0, task: 1, action: 2, result: 3 };

function newDraft(): Draft {
  return { summary: [], parts: { situation: [], task: [], action: [], result: [] }, seen: new Set(), sections: [], tags: [] };
}

/** A child heading turned into a line of its parent's stream: a part label or the name of an extra section. */
interface HeadingItem {
  type: 'heading';
  line: number;
  title: string;
  label: Label | null;
}

/** The items a story is read from: a section's own items, then its sub-headings flattened in order. */
type StreamItem = Item | HeadingItem;

const labelMemo = new WeakMap<object, Label | null>();

/** The label a stream item starts with, if any (computed once per item). */
function labelOf(it: StreamItem): Label | null {
  if (it.type === 'heading') return it.label;
  if (it.type === 'table') return tableLabel(it);
  if (it.type !== 'text' || (it.cont && it.level >= 0)) return null;
  let l = labelMemo.get(it);
  if (l === undefined) {
    l = detectLabel(it);
    labelMemo.set(it, l);
  }
  return l;
}

/** A table cell that names a part on its own ("| Situation | ... |"). */
function cellLabel(cell: string): Label | null {
  const name = cell.replace(/[:：]\s*$/u, '').trim();
  const known = name.length <= 60 ? lookupLabel(name) : null;
  return known ? { name, part: known.part, primary: known.primary, rest: '' } : null;
}

/** A table row whose first cell is a label: "| Situation | text |" or "| Situation: text |". */
function tableLabel(it: TableItem): Label | null {
  const first = it.cells[0] ?? '';
  const l = cellLabel(first) ?? detectLabel({ plain: first, lead: null });
  return l?.part ? l : null;
}

/** Columns of a header row of part names ("| Situation | Task | Action | Result |"), or null. */
function tableColumns(it: TableItem): (StarPart | null)[] | null {
  const cols = it.cells.map((c) => cellLabel(c)?.part ?? null);
  return cols.filter(Boolean).length >= 2 ? cols : null;
}

/** The STAR parts a run of items names through labels (inline, prefix, heading or table). */
function partsIn(items: StreamItem[]): Set<StarPart> {
  const found = new Set<StarPart>();
  for (const it of items) {
    const l = labelOf(it);
    if (l?.part) found.add(l.part);
    if (it.type === 'table' && it.header) for (const p of tableColumns(it) ?? []) if (p) found.add(p);
  }
  return found;
}

const streamMemo = new WeakMap<HeadingSection, StreamItem[]>();

/** A section's items followed by its child headings that are not stories of their own, in document order. */
function streamOf(sec: HeadingSection): StreamItem[] {
  let s = streamMemo.get(sec);
  if (s) return s;
  s = sec.items.slice();
  for (const c of sec.children) {
    const label = headingLabel(c.title, c.lead);
    if (!label && isStory(c)) continue;
    // A part heading ("### Result") or an extra section ("#### Challenges"); deeper headings are its text, unless
    // they are stories of their own. Loops, not spreads: a section may hold more items than a call takes arguments.
    s.push({ type: 'heading', line: c.line, title: c.title, label });
    for (const it of c.items) s.push(it);
    for (const g of c.children) if (!isStory(g)) for (const it of flatten(g)) s.push(it);
  }
  streamMemo.set(sec, s);
  return s;
}

/** A sub-heading and its content as plain lines of the stream (its title becomes a line of its own). */
function flatten(sec: HeadingSection, out: Item[] = []): Item[] {
  if (sec.title) out.push({ type: 'text', line: sec.line, plain: sec.title + ':', lead: null, level: -1, cont: false });
  for (const it of sec.items) out.push(it);
  for (const c of sec.children) flatten(c, out);
  return out;
}

const ownedMemo = new WeakMap<HeadingSection, Set<StarPart>>();

/** STAR parts a section owns: its inline labels plus child headings that are labels. */
function ownedParts(sec: HeadingSection): Set<StarPart> {
  let found = ownedMemo.get(sec);
  if (found) return found;
  found = partsIn(sec.items);
  ownedMemo.set(sec, found);
  for (const c of sec.children) {
    const h = headingLabel(c.title, c.lead);
    if (h?.part) found.add(h.part);
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

/** True when a section has text of its own beyond blank lines (a table of contents of links counts as none). */
function hasOwnContent(sec: HeadingSection): boolean {
  return sec.items.some((it) => it.type !== 'blank' && !(it.type === 'code' && it.fenced) && !(it.type === 'text' && !it.plain));
}

function hasContentBelow(sec: HeadingSection): boolean {
  return hasOwnContent(sec) || sec.children.some(hasContentBelow);
}

/** Render an item as plain-text lines; list items become "- " bullets indented two spaces per level below `base`. */
function pushItem(lines: string[], it: Item, base: number): void {
  if (it.type === 'blank') return;
  if (it.type === 'code') {
    // Fenced code (commands, configs) is not part of the spoken story.
    if (!it.fenced && it.raw.trim()) lines.push(it.raw.trimEnd());
    return;
  }
  if (it.type === 'table') {
    const cells = it.cells.filter(Boolean);
    if (cells.length) lines.push(cells.join(' — '));
    return;
  }
  const text = it.plain;
  if (!text) return;
  if (it.cont && lines.length) {
    lines[lines.length - 1] += ' ' + text;
    return;
  }
  if (it.level >= 0) lines.push('  '.repeat(Math.max(0, it.level - base)) + '- ' + text);
  else lines.push(text);
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

// A line that only names what follows ("Questions this answers:", "Follow-ups:") ends a Result.
const TRAILING_HEADER = /^[^:：]{1,60}[:：]$/u;

/** Fill a draft from a story's items: labels switch the target, everything else is text for the current one. */
function fillDraft(d: Draft, items: StreamItem[], allowSections: boolean): void {
  let target: Target = { kind: 'summary' };
  let labelLevel: number | null = null;
  let base = 0;
  let tableCols: (StarPart | null)[] | null = null;
  let sawKnown = false;
  // The decoration of the part labels ("⭐ Situation"): other short lines wearing it name extra sections ("⭐ Root cause").
  let labelDeco = '';
  const switchTo = (l: Label): Target => targetFor(d, l.name, l.part, l.primary);

  for (const it of items) {
    if (it.type === 'heading') {
      // A sub-heading: a part ("### Result"), else an extra section ("#### Challenges") of the story.
      const l = it.label;
      if (l?.part) sawKnown = true;
      target = l?.part ? switchTo(l) : targetFor(d, it.title, null, false);
      if (l?.rest) linesFor(d, target).push(l.rest);
      labelLevel = null;
      base = 0;
      continue;
    }
    // A label may start a line inside a paragraph ("S: ...\nT: ..." with no blank line between).
    if (it.type === 'text' && (!it.cont || it.level < 0)) {
      const l = labelOf(it);
      const level = it.level;
      const atLabelLevel = labelLevel === null || level <= labelLevel;
      if (l && atLabelLevel && (l.part || (allowSections && sawKnown))) {
        if (l.part) {
          sawKnown = true;
          labelDeco ||= decorationOf(it.plain);
        }
        if (labelLevel === null) labelLevel = level;
        target = switchTo(l);
        base = level + 1;
        if (l.rest) linesFor(d, target).push(l.rest);
        continue;
      }
      if (allowSections && labelDeco && level < 0 && it.plain.length <= 80 && decorationOf(it.plain) === labelDeco && !/[.!?]$/.test(it.plain)) {
        target = targetFor(d, it.plain.replace(/^[^\p{L}\p{N}(]+/u, '').replace(/[:：]$/u, '').trim(), null, false);
        continue;
      }
      // After the Result, a line that only names what follows ("Practice questions:", "**Follow-ups**") starts a section.
      const afterResult = allowSections && target.kind === 'part' && target.part === 'result' && level < 0;
      if (afterResult && (TRAILING_HEADER.test(it.plain) || (it.titleLike === 'bold' && it.plain.length <= 60))) {
        target = targetFor(d, it.plain.replace(/[:：]$/u, '').trim(), null, false);
        continue;
      }
      const tags = detectTechLine(it.plain);
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
        tableCols = tableColumns(it);
        if (tableCols) continue;
      } else if (tableCols) {
        tableCols.forEach((p, i) => {
          const cell = it.cells[i] ?? '';
          if (p && cell) {
            d.seen.add(p);
            d.parts[p].push(cell);
          }
        });
        sawKnown = true;
        continue;
      }
      const l = tableLabel(it);
      if (l) {
        sawKnown = true;
        labelLevel = labelLevel ?? 0;
        target = switchTo(l);
        const rest = [l.rest, ...it.cells.slice(1)].filter(Boolean).join(' ');
        if (rest) linesFor(d, target).push(rest);
        continue;
      }
      // A header row such as "| Part | Notes |" carries no content.
      if (it.header) continue;
    }
    pushItem(linesFor(d, target), it, base);
  }
}

const joinLines = (lines: string[]): string => lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();

// A part left as a placeholder counts as empty: "...", "TBD", "TODO", "N/A", "<fill in>", "[Write here — be specific]".
const PLACEHOLDER = /^[\s\-–—*_.…:]*(?:\.{2,}|…|tbd|tbc|todo|to ?do|fixme|n\/?a|none yet|xxx+|\?+|(?:fill[ -]?in|coming soon|to be written|write this|add later)[^.]{0,40})[\s.…!]*$/i;
const BRACKETED = /^\s*[[<({][^\]>)}]*[\]>)}][\s.]*$/;
const INSTRUCTING = /\b(?:write|fill|add|insert|describe|explain|your|you|what|how|tbd|todo|placeholder|here|example|title|name)\b/i;

/** Whether a part's text is a placeholder rather than content. */
export function isPlaceholder(text: string): boolean {
  if (text.length > 300) return false;
  const t = text.replace(/^- /gm, '').trim();
  return PLACEHOLDER.test(t) || (BRACKETED.test(t) && INSTRUCTING.test(t));
}

// Instructions about how to tell a story: the text of a STAR legend or template, not of a story.
const INSTRUCTION = /^(?:-\s*)?(?:\(?\s*)?(?:(?:describe|explain)\b|set(?:ting)? the (?:scene|context|stage)|give (?:the )?context|share|state|outline|talk about|mention|provide|detail|include|highlight|summari[sz]e|quantify|what (?:was|were|did|is|are|you|your)|how (?:did|you|your)|why (?:did|you)|the (?:situation|context|task|challenge|actions?|results?|outcome)s? (?:you|that you|in which you)|your (?:role|responsibilit|task|actions?|results?)|(?:specific )?actions? (?:you|taken)|results? (?:of|you)|where (?:and when|were you)|when and where|briefly|focus on|use (?:numbers|metrics|data))/i;

const FIRST_PERSON = /\b(?:I|I'm|I've|I'd|[Mm]y|[Mm]e|[Ww]e|[Oo]ur|[Uu]s)\b/;

// Past-tense verbs: a story is told in the past ("led", "migrated", "was"); an outline of what to say is not.
const PAST = /\b(?:\w{2,}ed|was|were|had|did|led|built|made|took|found|wrote|ran|saw|got|gave|went|came|told|knew|thought|brought|began|chose|spent|sent|kept|left|met|paid|put|read|said|sold|won|lost|grew|drove|fell|felt|held|hit|let|meant|rose|shut|stood|taught|understood|cut|set|became|began|caught|dealt|forgot|heard|learnt|overcame|rebuilt|rewrote|shipped|split|spoke|swapped|wore|upheld)\b/i;
const PAST_ALL = new RegExp(PAST.source, 'gi');
const QUOTED = /[“"][^”"\n]{0,400}[”"]/g;

// Imperatives that open a line of advice ("Stay on topic", "Don't generalise", "Be specific").
const IMPERATIVE = /^(?:-\s*)?(?:stay|keep|take|be|don't|do not|avoid|speak|only|try|make sure|remember|show|start|end|say|list|add|write|pick|choose|tie|link|frame|emphasi[sz]e|clarify|note|align|connect|practice|prepare)\b/i;

/** Whether one line of a part is advice on telling a story rather than the story. */
function instructs(line: string): boolean {
  const short = countWords(line) <= 25;
  if (short && /\?\s*$/.test(line)) return true;
  if (FIRST_PERSON.test(line.replace(/\b(?:we|our) team\b/gi, ''))) return false;
  return INSTRUCTION.test(line) || IMPERATIVE.test(line) || (short && /\b(you|your|yours)\b/i.test(line));
}

/** Why a run of parts is not a story (a legend, an empty template, an outline), or null when it is one. */
function notAStory(parts: Record<StarPart, string>): string | null {
  const filled = STAR_PARTS.filter((p) => parts[p]);
  if (!filled.length) return 'every part is empty or a placeholder: an unfilled template';
  // One part of a few words ("Situation: wrong assumption", "Details: Collaboration"): a stub, not yet a story.
  const substantive = filled.filter((p) => countWords(parts[p]) >= 2);
  if (substantive.length < 2 && countWords(filled.map((p) => parts[p]).join(' ')) < 12) return 'fewer than two parts are written: a stub';
  if (filled.length < 2) return null;
  // prep's own template stays a story, so `check` can point at the example text left in it.
  if (filled.some((p) => TEMPLATE_PHRASES.some((t) => parts[p].includes(t)))) return null;
  const instructive = filled.filter((p) => {
    const t = parts[p];
    // "S: Situation", "Result: Result": a part that only names itself.
    if (lookupLabel(t.replace(/^- /, '').replace(/[\s/|,;]+$/, ''))) return true;
    // Most of its lines tell the reader what to do ("- describe the context", "- keep the focus on you").
    const lines = t.split('\n').filter((l) => l.trim());
    return lines.filter(instructs).length * 2 >= lines.length;
  });
  if (instructive.length >= Math.max(2, filled.length - 1)) return 'its parts explain what to write: a STAR template or legend';
  // An outline of what to say: some advice, nobody speaks in it (no "I" or "we" outside quotes), nothing happened,
  // nothing was counted.
  // Only short parts are judged so: a few words ("S: x") or a long part are too little or too much to call an outline.
  const told = filled.map((p) => parts[p].replace(QUOTED, '')).join('\n');
  const shortParts = filled.every((p) => countWords(parts[p]) <= 40) && countWords(told) >= 12;
  if (shortParts && instructive.length > 0 && !FIRST_PERSON.test(told) && (told.match(PAST_ALL) ?? []).length <= 1 && !/\d/.test(told)) return 'nobody acts in it (no I or we, no past tense, no figure): an outline, not a story';
  return null;
}

/** Title, questions: a heading listing alternate wordings ("Tell me about a failure or a mistake you made"). */
function splitWordings(title: string): { title: string; questions: string[] } {
  const ASK = /^(?:tell|describe|give|what|how|when|have|why|talk|share|walk|can you|could you|name)\b/i;
  const parts = title.split(/\s*\(or\)\s*|\s+(?:or|OR)\s+(?=(?:tell|describe|give|what|how|when|have|why|talk|share|walk|can|could|name)\b)/i).map((s) => s.trim()).filter(Boolean);
  if (parts.length < 2 || !parts.every((p) => ASK.test(p) || p.split(/\s+/).length >= 3)) return { title, questions: [] };
  if (!ASK.test(parts[0]!)) return { title, questions: [] };
  return { title: parts[0]!.replace(/[?:]\s*$/, ''), questions: parts.map((p) => p.replace(/\s*$/, '')) };
}

function makeStory(
  ctx: Context, kind: 'star' | 'note', title: string, anchor: string | null, line: number, trail: string[], d: Draft,
): Story {
  const parts = Object.fromEntries(STAR_PARTS.map((p) => [p, joinLines(d.parts[p])])) as Record<StarPart, string>;
  for (const p of STAR_PARTS) if (parts[p] && isPlaceholder(parts[p])) parts[p] = '';
  const sections: StorySection[] = d.sections.map((s) => ({ name: s.name, text: joinLines(s.lines) })).filter((s) => s.text || kind === 'star');
  const summary = joinLines(d.summary);
  const spoken = kind === 'star' ? STAR_PARTS.map((p) => parts[p]).join(' ') : [summary, ...sections.map((s) => s.text)].join(' ');
  const words = countWords(spoken);
  const seen = new Set<string>();
  const tags = [...ctx.docTags, ...d.tags].filter((t) => {
    const k = t.toLowerCase();
    return seen.has(k) ? false : (seen.add(k), true);
  });
  const wordings = kind === 'star' ? splitWordings(title) : { title, questions: [] };
  return {
    id: anchor ? slugify(anchor) : slugify(wordings.title),
    title: wordings.title,
    kind,
    summary,
    ...parts,
    sections,
    path: trail,
    tags,
    competencies: [],
    questions: wordings.questions,
    source: { file: ctx.file, line },
    words,
    speakingSeconds: Math.round((words / WORDS_PER_MINUTE) * 60),
  };
}

/** One story inside a section's stream: the items it is read from and the item that titles it, if any. */
interface Run {
  from: number;
  to: number;
  title: TextItem | null;
}

// Lines that title the story below them; numbered items only when the story's parts are nested under them.
const TITLE_KINDS = new Set(['bold', 'summary', 'story-line', 'quoted-heading', 'numbered']);

/** Split a section's stream into stories: a new one starts where a story's opening part comes again, or under a new title. */
function segment(stream: StreamItem[]): Run[] {
  const runs: Run[] = [];
  let cur: { first: string; parts: Set<StarPart>; max: number; level: number; end: number } | null = null;
  let title: { at: number; item: TextItem } | null = null;
  for (let i = 0; i < stream.length; i++) {
    const it = stream[i]!;
    const l = labelOf(it);
    if (!l?.part) {
      if (it.type === 'text' && it.titleLike && TITLE_KINDS.has(it.titleLike) && !l) title = { at: i, item: it };
      continue;
    }
    const level = it.type === 'text' ? it.level : -1;
    if (cur && cur.level >= 0 && level > cur.level) continue;
    // A numbered item titles a story only when the parts are nested under it.
    const t = title && (title.item.titleLike !== 'numbered' || level > title.item.level) ? title : null;
    const order = ORDER[l.part];
    if (cur) {
      const opening = normaliseLabel(l.name) === cur.first && cur.parts.size >= 2;
      const restart = l.primary && order <= ORDER.task && order < cur.max && cur.max >= ORDER.action;
      const titled = t !== null && t.at > cur.end && cur.parts.size >= 2 && (order <= ORDER.task || order <= cur.max);
      if (opening || restart || titled) {
        const from = t && t.at > cur.end ? t.at : i;
        runs[runs.length - 1]!.to = from;
        runs.push({ from, to: stream.length, title: t && t.at > cur.end ? t.item : null });
        cur = null;
      }
    }
    if (!cur) {
      if (!runs.length) runs.push({ from: 0, to: stream.length, title: t?.item ?? null });
      cur = { first: normaliseLabel(l.name), parts: new Set(), max: -1, level, end: i };
    }
    cur.parts.add(l.part);
    cur.max = Math.max(cur.max, order);
    cur.end = i;
    title = null;
  }
  // Parts given only as table columns have no label line: the whole section is one story.
  return runs.length ? runs : [{ from: 0, to: stream.length, title: null }];
}

/** Build the stories of a section: one per run, titled by its own title line, else by the heading. */
function buildStories(ctx: Context, sec: HeadingSection, trail: string[]): void {
  const stream = streamOf(sec);
  const runs = segment(stream);
  const heading = sec.title || stringValue(ctx.front.title) || fileTitle(ctx.file);
  runs.forEach((run, k) => {
    const items = stream.slice(run.from, run.to).filter((it) => it !== run.title);
    const d = newDraft();
    fillDraft(d, items, true);
    const ownTitle = run.title ? titleText(run.title) : '';
    // A question line over the story ("**Tell me about a time you failed?**") is a question, not its title.
    const asked = ownTitle.endsWith('?') && k === 0 && sec.title ? ownTitle : '';
    const title = ownTitle && !asked ? ownTitle : k === 0 ? heading : `${heading} (${k + 1})`;
    const firstLabel = items.find((it) => labelOf(it)?.part);
    const line = run.title ? run.title.line : k === 0 ? sec.line : firstLabel?.line ?? sec.line;
    // A story titled by the heading (the first, or "Heading (2)") sits where the heading does; one with its own title below it.
    const path = ownTitle && !asked ? [...trail, ...(sec.title ? [sec.title] : [])] : trail;
    const story = makeStory(ctx, 'star', title, k === 0 && title === heading ? sec.anchor : null, line, path, d);
    if (asked) story.questions.push(asked);
    const why = notAStory({ situation: story.situation, task: story.task, action: story.action, result: story.result });
    if (why) {
      ctx.diagnostics.push({ file: ctx.file, line, column: 1, rule: 'not-a-story', severity: 'info', message: `"${title}" is not read as a story: ${why}` });
      return;
    }
    for (const q of askedIn(story)) story.questions.push(q);
    ctx.out.push(story);
  });
  for (const c of sec.children) if (!headingLabel(c.title, c.lead) && isStory(c)) buildStories(ctx, c, [...trail, ...(sec.title ? [sec.title] : [])]);
  // Stories nested below part headings ("### Action" > "#### Another story") still count.
  for (const c of sec.children) if (headingLabel(c.title, c.lead)) for (const g of c.children) if (isStory(g)) buildStories(ctx, g, [...trail, sec.title]);
}

/** A title line's text: "Story 3 – Owning a mistake" reads as "Owning a mistake". */
function titleText(it: TextItem): string {
  const t = it.plain.replace(/[:：]\s*$/u, '').trim();
  if (it.titleLike !== 'story-line') return t;
  return t.replace(/^[^\p{L}\p{N}]{0,6}(?:story|example|scenario|case(?: study)?)\s*#?\d{0,3}\s*[:.\-–—]\s*/iu, '').trim() || t;
}

// An interview question written over a story ("Tell me about a time you ...", "How did you handle ...?").
const QUESTION = /^(?:[-*]\s*)?[“"*_]*(?:(?:tell|walk) (?:me|us) (?:about|through)|describe (?:a|an|the|your) |give (?:me |us )?an example|have you ever|can you (?:tell|describe|give)|share (?:a|an) )[^\n]{5,200}$|^[^\n]{10,200}\?[”"*_]*$/i;

/** Interview questions a story's notes name: question lines in its summary, and a "Questions" section's lines. */
function askedIn(story: Story): string[] {
  // A paragraph of questions is one line of text: its sentences are read one by one.
  const sentences = (text: string) => text.split('\n').flatMap((l) => l.split(/(?<=[.?!])\s+(?=[A-Z“"])/));
  const lines = sentences(story.summary);
  for (const s of story.sections) if (/\bquestions?\b/i.test(s.name)) for (const l of sentences(s.text)) lines.push(l);
  return lines
    .map((l) => l.replace(/^[-*]\s*/, '').replace(/^[“"*_]+|[”"*_]+$/g, '').trim())
    // A header run into the first question ("✅ Questions it answers Tell me about ...") is dropped.
    .map((l) => l.replace(/^.{1,40}?\s[“"*_]*(?=(?:Tell|Walk|Describe|Give|Have you|Can you|Share) )/, ''))
    // A quoted question ends at its closing quote, whatever the line goes on with.
    .map((l) => l.replace(/[”"].*$/, '').trim())
    .filter((l) => QUESTION.test(l) && !story.questions.includes(l));
}

function fileTitle(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim() || 'Untitled story';
}

// Words that say a heading is meant as a story even though no part label was read under it.
const STORY_WORDS = /\b(situation|task|action|result|outcome|impact|context|star|story|tell me about)\b/i;

function buildNote(ctx: Context, sec: HeadingSection, trail: string[]): void {
  const d = newDraft();
  fillDraft(d, sec.items, false);
  for (const c of sec.children) d.sections.push({ name: c.title, lines: toLines(flatten(c).slice(1)) });
  const note = makeStory(ctx, 'note', sec.title, sec.anchor, sec.line, trail, d);
  const text = [note.summary, ...note.sections.map((s) => `${s.name}: ${s.text}`)].join('\n');
  const starry = new Set((text.match(/^(?:- )?(situation|task|action|result|context|outcome)\b/gim) ?? []).map((w) => w.replace(/^- /, '').toLowerCase()));
  if (starry.size >= 2 || (STORY_WORDS.test(sec.title) && starry.size >= 1)) {
    ctx.diagnostics.push({
      file: ctx.file, line: sec.line, column: 1, rule: 'unread-story', severity: 'warning',
      message: `"${sec.title}" looks like a story but no Situation/Action/Result label was recognised; read as a note`,
    });
  }
  ctx.out.push(note);
}

/** Items as plain-text lines (continuations joined to the line they continue). */
function toLines(items: Item[]): string[] {
  const lines: string[] = [];
  for (const it of items) pushItem(lines, it, 0);
  return lines;
}

/** Walk the heading tree: stories where STAR parts are, notes where prose is, containers in between. */
function walk(ctx: Context, sec: HeadingSection, trail: string[]): void {
  if (isStory(sec)) {
    buildStories(ctx, sec, trail);
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

/** Read a file's heading tree into stories and notes (appended to `ctx.out`). */
export function readSections(ctx: Context, root: HeadingSection): void {
  walk(ctx, root, []);
}
