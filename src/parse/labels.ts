/** Recognising STAR labels ("**Situation**:", "### Outcome", "S:", a table row) in the many ways people write them. */
import type { StarPart } from '../story/types.js';
import { toPlainText } from './inline.js';

/** A recognised label: a STAR part (primary names append, synonyms only fill an empty part) or an extra section. */
export interface Label {
  name: string;
  part: StarPart | null;
  primary: boolean;
  rest: string;
}

const PRIMARY: Record<string, StarPart> = {
  situation: 'situation', s: 'situation',
  task: 'task', tasks: 'task', t: 'task',
  action: 'action', actions: 'action', 'action(s)': 'action', a: 'action',
  result: 'result', results: 'result', 'result(s)': 'result', r: 'result',
};

const SYNONYMS: Record<string, StarPart> = {
  context: 'situation', background: 'situation', setting: 'situation', problem: 'situation', challenge: 'situation',
  'situation & task': 'situation', 'situation and task': 'situation', 'the situation': 'situation',
  goal: 'task', goals: 'task', objective: 'task', objectives: 'task', role: 'task', 'my role': 'task',
  responsibility: 'task', mission: 'task', ask: 'task', 'my task': 'task',
  approach: 'action', solution: 'action', 'what i did': 'action', steps: 'action', 'steps taken': 'action',
  'actions taken': 'action', implementation: 'action', 'my actions': 'action', 'how i did it': 'action',
  outcome: 'result', outcomes: 'result', impact: 'result', 'results & impact': 'result', 'results and impact': 'result',
  'result & impact': 'result', 'result and impact': 'result', 'outcome & impact': 'result', 'outcome and impact': 'result',
  'impact & results': 'result', 'what happened': 'result', 'the result': 'result', 'end result': 'result',
};

/** Normalise a label's text for lookup: lowercase, no trailing colon, no leading article. */
export function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[:：\s]+$/u, '')
    .replace(/\s+/g, ' ')
    .replace(/^(the|my|our) (?=\w)/, (m) => (m === 'my ' ? m : ''))
    .trim();
}

/** Which STAR part a label names, if any, and whether it is the primary name for it. */
export function lookupLabel(text: string): { part: StarPart; primary: boolean } | null {
  const key = normaliseLabel(text);
  if (key in PRIMARY) {
    // Single letters only count in upper case ("S:"), never the article "a".
    if (key.length === 1 && !/^[STAR]$/.test(text.trim().replace(/[:：]$/u, ''))) return null;
    return { part: PRIMARY[key]!, primary: true };
  }
  const syn = SYNONYMS[key] ?? SYNONYMS[key.replace(/^my /, '')];
  return syn ? { part: syn, primary: false } : null;
}

const BOLD = /^(\*\*|__)(?!\s)(.{1,80}?)\1(.*)$/;
const PLAIN = /^([A-Za-z][A-Za-z &/()'’-]{0,40}?)\s*[:：]\s*(.*)$/;
const LETTER_DASH = /^([STAR])\s*[-–—]\s+(.*)$/;
const WORD_DASH = /^([A-Za-z][A-Za-z &/()'’]{0,40}?)\s+[-–—]\s+(.*)$/;

/** Recognise a label at the start of a line of inline markdown; unknown bold labels need a colon. */
export function detectLabel(raw: string): Label | null {
  const bold = BOLD.exec(raw);
  if (bold) {
    let inner = bold[2]!.trim();
    let after = bold[3]!;
    let colon = false;
    if (/[:：]$/u.test(inner)) {
      colon = true;
      inner = inner.replace(/\s*[:：]$/u, '');
    }
    const punct = /^\s*([:：]|[-–—](?=\s|$))\s*/u.exec(after);
    if (punct) {
      colon = colon || /[:：]/u.test(punct[1]!);
      after = after.slice(punct[0].length);
    }
    const name = toPlainText(inner);
    const known = lookupLabel(name);
    if (known && (colon || punct || !after.trim())) return { name, part: known.part, primary: known.primary, rest: after.trim() };
    if (!known && colon && name.split(/\s+/).length <= 8) return { name, part: null, primary: false, rest: after.trim() };
  }
  const plain = toPlainText(raw);
  // "Situation: ...", "S - ...", and "Situation - ..." (a known label then a spaced dash).
  const m = PLAIN.exec(plain) ?? LETTER_DASH.exec(plain) ?? WORD_DASH.exec(plain);
  if (m) {
    const known = lookupLabel(m[1]!);
    if (known) return { name: m[1]!.trim(), part: known.part, primary: known.primary, rest: m[2]!.trim() };
  }
  return null;
}

const TECH = /^(languages?|tech|technologies|tech stack|stack|tools|modules|frameworks|libraries|tags|skills)\s*:\s*(.+)$/i;

/** Tags from a "Tech: Go, Kafka" style line, or null when the line is prose. */
export function detectTechLine(plain: string): string[] | null {
  const m = TECH.exec(plain.trim());
  if (!m) return null;
  const items = m[2]!.split(/\s*[,;]\s*/).map((s) => s.trim()).filter(Boolean);
  if (!items.length || items.some((s) => s.length > 40 || s.split(/\s+/).length > 4)) return null;
  return items;
}
