/** Recognising STAR labels ("**Situation**:", "### Outcome", "S -", a table cell) in the many ways people write them. */
import type { StarPart } from '../story/types.js';

/** A recognised label: a STAR part (primary names append, synonyms only fill an empty part) or an extra section. */
export interface Label {
  name: string;
  part: StarPart | null;
  primary: boolean;
  rest: string;
}

/** What a line offers for label detection: its plain text and its leading bold run, if any. */
export interface LabelSource {
  plain: string;
  lead: { strong: string; after: string; joined?: boolean } | null;
}

const PRIMARY: Record<string, StarPart> = {
  situation: 'situation', s: 'situation',
  task: 'task', tasks: 'task', t: 'task',
  action: 'action', actions: 'action', 'action(s)': 'action', a: 'action',
  result: 'result', results: 'result', 'result(s)': 'result', r: 'result',
};

// Synonyms from STAR and its cousins (CAR, SOAR, PAR, STARL): they fill a part only while it is empty.
const SYNONYMS: Record<string, StarPart> = {
  context: 'situation', background: 'situation', setting: 'situation', problem: 'situation', challenge: 'situation',
  challenges: 'situation', obstacle: 'situation', obstacles: 'situation', 'the problem': 'situation',
  'situation & task': 'situation', 'the situation': 'situation', 'problem statement': 'situation',
  goal: 'task', goals: 'task', objective: 'task', objectives: 'task', role: 'task', 'my role': 'task',
  responsibility: 'task', responsibilities: 'task', mission: 'task', ask: 'task', 'the ask': 'task', 'my task': 'task',
  approach: 'action', solution: 'action', 'what i did': 'action', steps: 'action', 'steps taken': 'action',
  'actions taken': 'action', 'action taken': 'action', 'key actions': 'action', implementation: 'action',
  'my actions': 'action', 'how i did it': 'action', 'what i did about it': 'action',
  outcome: 'result', outcomes: 'result', impact: 'result', 'result & impact': 'result', 'outcome & impact': 'result',
  'impact & result': 'result', 'what happened': 'result', 'the result': 'result', 'end result': 'result',
  resolution: 'result', 'key results': 'result', learnings: 'result', learning: 'result', details: 'action',
};

// Words that qualify a part name without changing it: "Immediate Action", "Final Result", "Key Challenge".
const QUALIFIERS = new Set([
  'immediate', 'final', 'key', 'main', 'overall', 'business', 'initial', 'specific', 'measurable', 'concrete', 'actual',
  'real', 'total', 'quantified', 'quantifiable', 'short', 'brief', 'long-term', 'short-term', 'technical', 'core', 'primary',
]);

const LETTER_PART: Record<string, StarPart> = { S: 'situation', T: 'task', A: 'action', R: 'result' };

/** Normalise a label's text for lookup: lowercase, no trailing colon or annotation, `and` / `/` as `&`. */
export function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s*\([^()]{0,60}\)\s*$/, (m) => (m.trim() === '(s)' ? m : ''))
    .replace(/[:：.\s]+$/u, '')
    .replace(/\s*(?:\/|&|\+|\band\b)\s*/g, ' & ')
    .replace(/\s+/g, ' ')
    .replace(/^(the|our) (?=\w)/, '')
    .trim();
}

/** Which STAR part a label names, if any, and whether it is the primary name for it. */
export function lookupLabel(text: string): { part: StarPart; primary: boolean } | null {
  const key = normaliseLabel(text);
  if (key in PRIMARY) {
    // Single letters only count in upper case ("S:"), never the article "a".
    if (key.length === 1 && !/^[STAR]$/.test(text.trim().replace(/[:：.]$/u, ''))) return null;
    return { part: PRIMARY[key]!, primary: true };
  }
  const syn = SYNONYMS[key] ?? SYNONYMS[key.replace(/^my /, '')];
  if (syn) return { part: syn, primary: false };
  // "What I did to fix it", "What we did": the action, however the sentence goes on.
  if (/^what (?:i|we) did\b/.test(key) && key.length <= 40) return { part: 'action', primary: false };
  const words = key.split(' ');
  if (words.length >= 2 && words.length <= 3 && words.slice(0, -1).every((w) => QUALIFIERS.has(w))) {
    const inner = lookupLabel(words[words.length - 1]!);
    if (inner && words[words.length - 1]!.length > 1) return { part: inner.part, primary: false };
  }
  // "Result & Impact", "Situation / Context": a compound whose first member is a part name.
  const first = key.split(' & ')[0]!;
  if (first !== key) {
    if (first in PRIMARY && first.length > 1) return { part: PRIMARY[first]!, primary: true };
    if (SYNONYMS[first]) return { part: SYNONYMS[first]!, primary: false };
  }
  return null;
}

// "S - Situation", "S – Situation:", "T: Task": a letter glossed by its word.
const GLOSSED = /^([STAR])(?:\s*[-–—:.)]\s*|\s+)([A-Za-z][A-Za-z ()/&]{1,30}?)\s*(?:[:：]|\s[-–—](?=\s|$)|$)\s*/;
// "Situation: text", "Situation (context): text", "Result / Impact: text".
const PLAIN = /^([A-Za-z][A-Za-z &/+()'’-]{0,48}?)\s*[:：]\s*/;
// "S - text", "S: text", "S-text", "S) text": one upper-case letter and a separator.
const LETTER = /^([STAR])\s*(?:[-–—:.)]|\s[-–—])\s*/;
// "Situation - text", "Situation — text": a known label then a spaced dash.
const WORD_DASH = /^([A-Za-z][A-Za-z &/()'’]{0,40}?)\s+[-–—]\s+/;

// Decoration before a label: emoji, stars, arrows, bullets ("⭐ Situation", "✅ Result", "→ Action:").
const DECORATION = /^[\p{Extended_Pictographic}\p{So}\p{Sk}\uFE0F\u200D•·→▶►▸▪◆■□●○✓✔☑★☆#>|\s]+/u;

/** The decoration a line starts with, if any ("⭐"), so lines styled like a known label can be told apart. */
export function decorationOf(text: string): string {
  const m = DECORATION.exec(text.slice(0, 40));
  return m ? m[0].replace(/\s+/g, '') : '';
}

/** A label at the start of plain text ("Situation: ...", "S - ...", "S – Situation: ..."), known parts only. */
function plainLabel(raw: string): Label | null {
  const deco = DECORATION.exec(raw.slice(0, 40));
  const text = deco ? raw.slice(deco[0].length) : raw;
  const head = text.slice(0, 120);
  // A known label alone on its line: "Situation", "S", "⭐ Result", "Immediate Action".
  if (head.length <= 60 && head === text) {
    const whole = lookupLabel(head);
    if (whole && (head.length > 1 || /^[STAR]$/.test(head))) return { name: head.replace(/[:：.]\s*$/u, '').trim(), part: whole.part, primary: whole.primary, rest: '' };
  }
  const g = GLOSSED.exec(head);
  if (g) {
    const known = lookupLabel(g[2]!);
    if (known && known.part === LETTER_PART[g[1]!]) return { name: g[2]!.trim(), part: known.part, primary: known.primary, rest: text.slice(g[0].length).trim() };
  }
  for (const re of [PLAIN, LETTER, WORD_DASH]) {
    const m = re.exec(head);
    if (!m) continue;
    const known = lookupLabel(m[1]!);
    if (known) return { name: m[1]!.replace(/\s*\([^()]*\)\s*$/, '').trim(), part: known.part, primary: known.primary, rest: text.slice(m[0].length).trim() };
  }
  return null;
}

/** A lead-in before the real label ("Answer. Situation: ...", "A: Situation - ..."): the inner label wins. */
function innerLabel(l: Label): Label {
  if (!l.rest) return l;
  const inner = plainLabel(l.rest);
  // Only a full word counts as the inner label ("A: Situation - ..."), never a letter ("S: T: ...").
  return inner && inner.name.length > 1 ? inner : l;
}

/** Recognise a label at the start of a line; unknown bold labels (extra sections) need a colon. */
export function detectLabel(src: LabelSource): Label | null {
  const { lead } = src;
  // "**S**ituation: ...": a bold initial inside the word is the word's label.
  if (lead && /^[STAR]$/.test(lead.strong) && lead.joined) return detectLabel({ plain: src.plain, lead: null });
  if (lead && lead.strong.length <= 80) {
    let inner = lead.strong;
    let after = lead.after;
    let colon = /[:：]$/u.test(inner);
    if (colon) inner = inner.replace(/\s*[:：]$/u, '');
    // An annotation after the bold run: "**SITUATION** (30 seconds)".
    const note = /^\s*\([^()]{0,60}\)/.exec(after);
    if (note) after = after.slice(note[0].length);
    const punct = /^\s*([:：]|[-–—](?=\s|$)|\.(?=\s|$))\s*/u.exec(after);
    if (punct) {
      colon = colon || /[:：]/u.test(punct[1]!);
      after = after.slice(punct[0].length);
    }
    const name = inner.replace(/[.]$/, '').trim();
    const known = lookupLabel(name);
    if (known) return innerLabel({ name, part: known.part, primary: known.primary, rest: after.trim() });
    const glossed = plainLabel(name);
    if (glossed && !glossed.rest) return { ...glossed, rest: after.trim() };
    // "**S** Our team ..." : a bold letter needs no separator.
    if (/^[STAR]$/.test(name)) return { name, part: LETTER_PART[name]!, primary: true, rest: after.trim() };
    // "**Answer.** Situation: ...": a bold lead-in, then the label.
    const lead2 = plainLabel(after);
    if (lead2 && lead2.name.length > 1) return lead2;
    if (colon && name.split(/\s+/).length <= 8 && !/[?]$/.test(name)) return { name, part: null, primary: false, rest: after.trim() };
    return null;
  }
  const l = plainLabel(src.plain);
  return l ? innerLabel(l) : null;
}

/** A heading that is a label ("### Situation", "### **S - Situation**", "## T: Task", "#### Result: cut 30%"). */
export function headingLabel(title: string, lead: LabelSource['lead']): Label | null {
  const whole = title.length <= 60 ? lookupLabel(title) : null;
  if (whole) return { name: title.replace(/[:：.]\s*$/u, '').trim(), part: whole.part, primary: whole.primary, rest: '' };
  const l = detectLabel({ plain: title, lead });
  if (!l?.part) return null;
  // "Challenge: migrating the billing database" is a story's title, not a label; primary names may carry text.
  if (l.rest && !l.primary) return null;
  return l;
}

const TECH = /^(languages?|tech|technologies|tech stack|stack|tools|modules|frameworks|libraries|tags|skills)\s*:\s*(.+)$/i;

/** Tags from a "Tech: Go, Kafka" style line, or null when the line is prose. */
export function detectTechLine(plain: string): string[] | null {
  const m = TECH.exec(plain.trim().slice(0, 400));
  if (!m) return null;
  const items = m[2]!.split(/\s*[,;]\s*/).map((s) => s.trim()).filter(Boolean);
  if (!items.length || items.some((s) => s.length > 40 || s.split(/\s+/).length > 4)) return null;
  return items;
}
