/** One answered practice round as stored in the history file: the record, its line format, and validation. Pure. */
import { isFingerprint } from '../story/fingerprint.js';
import { DEFAULTS } from '../config/keys.js';

/** How well the user told a story, FSRS-style. */
export type Grade = 'again' | 'hard' | 'good' | 'easy';

/** All grades, worst first (the order of FSRS ratings 1..4). */
export const GRADES: readonly Grade[] = ['again', 'hard', 'good', 'easy'];

/** How a review came about: told aloud in `prep quiz`, matched in pick mode, recorded with `prep log`, or told in `prep mock`. */
export type ReviewMode = 'tell' | 'pick' | 'log' | 'mock';

/** Modes known to this version. */
export const REVIEW_MODES: readonly ReviewMode[] = ['tell', 'pick', 'log', 'mock'];

/** The key-point checklist of an answer: how many points the story has and those not ticked (kind: action, figure, result, lesson). */
export interface ReviewChecklist {
  points: number;
  missed: { kind: string; text: string }[];
}

/** The history line schema version this code writes. */
export const HISTORY_VERSION = 1;

/** One review, exactly as written to a history line. */
export interface Review {
  v: number;
  /** When the round was answered (ISO 8601, UTC). */
  at: string;
  story: string;
  question: string | null;
  mode: ReviewMode;
  /** Real answer duration in seconds (never capped); null when `prep log` was not told. */
  seconds: number | null;
  /** Target duration in seconds. */
  target: number;
  grade: Grade;
  /** Drilled with --cram: kept for stats, left out of the schedule. */
  cram: boolean;
  /** Pick mode: the story the user chose. */
  picked?: string;
  /** The story's content fingerprint when it was reviewed (story/fingerprint.ts), so history follows edits. */
  fp?: string;
  /** The key-point checklist, when one was ticked (optional: older lines have none). */
  checklist?: ReviewChecklist;
}

/** A history line that ties an old story id to a current one (`prep history link`, or written when a rename is followed). */
export interface LinkEntry {
  v: number;
  type: 'link';
  at: string;
  from: string;
  to: string;
  /** Written by prep when it followed an edit by content, not by the user. */
  auto?: boolean;
}

/** A history line saying the user's pick also answers a question asked for another story ("mine fits too"). */
export interface TieEntry {
  v: number;
  type: 'tie';
  at: string;
  question: string;
  /** The story the user picked, which also answers the question. */
  story: string;
  /** The story the question was asked for, when it was asked in pick mode. */
  expected?: string;
  /** Where the tie was made: `prep find --pick`, or "mine fits too" / a right answer in pick mode. */
  source: 'find' | 'pick';
}

/** Any line prep writes to the history. */
export type HistoryEntry = Review | LinkEntry | TieEntry;

/** A history line that could not be read, by 1-based line number. */
export interface HistoryProblem {
  line: number;
  message: string;
}

/** Reviews, links and ties read from history text plus the lines that were skipped. */
export interface ParsedHistory {
  reviews: Review[];
  links: LinkEntry[];
  ties: TieEntry[];
  problems: HistoryProblem[];
}

/** Whether a string names a grade. */
export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && (GRADES as readonly string[]).includes(value);
}

/** Build a review record with the current schema version; seconds are kept to a tenth. */
export function makeReview(fields: Omit<Review, 'v'>): Review {
  const seconds = fields.seconds === null ? null : Math.round(fields.seconds * 10) / 10;
  const r: Review = { v: HISTORY_VERSION, at: fields.at, story: fields.story, question: fields.question, mode: fields.mode, seconds, target: fields.target, grade: fields.grade, cram: fields.cram };
  if (fields.picked !== undefined) r.picked = fields.picked;
  if (fields.fp !== undefined) r.fp = fields.fp;
  if (fields.checklist !== undefined) r.checklist = fields.checklist;
  return r;
}

/** A link line from an old story id to a current one. */
export function makeLink(fields: Omit<LinkEntry, 'v' | 'type'>): LinkEntry {
  return { v: HISTORY_VERSION, type: 'link', at: fields.at, from: fields.from, to: fields.to, ...(fields.auto ? { auto: true } : {}) };
}

/** A tie line: `story` also answers `question`, asked for `expected`. */
export function makeTie(fields: Omit<TieEntry, 'v' | 'type' | 'source'> & { source?: TieEntry['source'] }): TieEntry {
  const source = fields.source ?? 'pick';
  return { v: HISTORY_VERSION, type: 'tie', at: fields.at, question: fields.question, story: fields.story, ...(fields.expected ? { expected: fields.expected } : {}), source };
}

/** The exact bytes of one history line, newline included. */
export function toHistoryLine(entry: HistoryEntry): string {
  return JSON.stringify(entry) + '\n';
}

/** Why a parsed JSON value is not a line of any kind (version and time), or null when it may be one. */
function invalidCommon(x: Record<string, unknown>): string | null {
  if (typeof x.v !== 'number' || !Number.isInteger(x.v) || x.v < 1) return 'no schema version';
  if (x.v > HISTORY_VERSION) return `written by a newer prep (schema ${x.v})`;
  if (typeof x.at !== 'string' || Number.isNaN(Date.parse(x.at))) return 'bad or missing "at" timestamp';
  return null;
}

/** A stored checklist, or null when the field is absent or not of the expected shape (the review still counts). */
function readChecklist(x: unknown): ReviewChecklist | null {
  if (typeof x !== 'object' || x === null) return null;
  const c = x as Record<string, unknown>;
  if (typeof c.points !== 'number' || !Number.isInteger(c.points) || c.points < 0 || !Array.isArray(c.missed)) return null;
  const missed = c.missed.filter((m): m is { kind: string; text: string } => typeof m === 'object' && m !== null && typeof m.kind === 'string' && typeof m.text === 'string');
  return { points: c.points, missed: missed.map((m) => ({ kind: m.kind, text: m.text })) };
}

/** Why a parsed JSON value is not a review, or null when it is one. */
function invalidReason(x: Record<string, unknown>): string | null {
  if (typeof x.story !== 'string' || !x.story) return 'missing "story"';
  if (!isGrade(x.grade)) return `unknown grade ${JSON.stringify(x.grade)}`;
  if (x.mode !== undefined && !(REVIEW_MODES as readonly unknown[]).includes(x.mode)) return `unknown mode ${JSON.stringify(x.mode)}`;
  if (x.fp !== undefined && !isFingerprint(x.fp)) return `unknown fingerprint ${JSON.stringify(String(x.fp).slice(0, 12))}`;
  if (x.seconds !== null && x.seconds !== undefined && (typeof x.seconds !== 'number' || !(x.seconds >= 0))) return 'bad "seconds"';
  if (x.question !== null && x.question !== undefined && typeof x.question !== 'string') return 'bad "question"';
  return null;
}

const nonEmpty = (x: unknown): x is string => typeof x === 'string' && x.length > 0;

/** A link or tie line read from its JSON, or the reason it is not one. */
function readTyped(o: Record<string, unknown>): LinkEntry | TieEntry | string {
  if (o.type === 'link') {
    if (!nonEmpty(o.from) || !nonEmpty(o.to)) return 'link without "from" and "to"';
    return makeLink({ at: o.at as string, from: o.from, to: o.to, auto: o.auto === true });
  }
  if (o.type === 'tie') {
    if (!nonEmpty(o.question) || !nonEmpty(o.story)) return 'tie without "question" and "story"';
    if (o.source !== undefined && o.source !== 'find' && o.source !== 'pick') return 'tie with an unknown "source"';
    const expected = nonEmpty(o.expected) ? o.expected : undefined;
    return makeTie({ at: o.at as string, question: o.question, story: o.story, ...(expected ? { expected } : {}), source: (o.source as TieEntry['source'] | undefined) ?? 'pick' });
  }
  return `unknown line type ${JSON.stringify(o.type)}`;
}

/**
 * Fast path for a clean file: all lines parsed by one JSON.parse of `[line,line,...]`, one value per line. Null
 * when any line is blank, torn or malformed (or holds several values), so the caller goes line by line instead.
 */
function parseAllAtOnce(text: string, lineCount: number): unknown[] | null {
  if (!text.endsWith('\n') || text.startsWith('\n') || text.includes('\r') || text.includes('\n\n')) return null;
  try {
    const values: unknown = JSON.parse(`[${text.slice(0, -1).replaceAll('\n', ',')}]`);
    // split() left one empty string after the final newline, so a clean file has one value per line before it.
    return Array.isArray(values) && values.length === lineCount - 1 ? values : null;
  } catch {
    return null;
  }
}

/** How every line prep writes begins (`v` is the first field of a review), for telling a history from other files. */
const LINE_START = '{"v":';

/**
 * Whether text read as a history is one: it holds a review, or nothing unreadable, or an unreadable line that
 * begins like one of prep's own (torn mid-write, or from a newer prep). Notes and other files fail this.
 */
export function looksLikeHistory(text: string, parsed: ParsedHistory): boolean {
  if (parsed.reviews.length || parsed.links.length || parsed.ties.length || !parsed.problems.length) return true;
  const lines = text.split('\n');
  return parsed.problems.some((p) => {
    const line = (lines[p.line - 1] ?? '').trim();
    // A lone "{" (a JSON or code file) is no evidence; a torn line keeps at least `{"v`.
    return line.startsWith(LINE_START) || (line.length >= 3 && LINE_START.startsWith(line));
  });
}

/**
 * Parse history text (JSON lines); malformed or torn lines become problems, the rest count. Never throws.
 * `fast: false` skips the one-parse fast path: the line-by-line reference the tests hold the fast path to.
 */
export function parseHistory(text: string, opts: { fast?: boolean } = {}): ParsedHistory {
  const reviews: Review[] = [];
  const links: LinkEntry[] = [];
  const ties: TieEntry[] = [];
  const problems: HistoryProblem[] = [];
  const lines = text.split('\n');
  const values = opts.fast === false ? null : parseAllAtOnce(text, lines.length);
  for (let i = 0; i < lines.length; i++) {
    let x: unknown;
    if (values) {
      if (i === lines.length - 1) break;
      x = values[i];
    } else {
      const raw = lines[i]!;
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (!line.trim()) continue;
      try {
        x = JSON.parse(line);
      } catch {
        problems.push({ line: i + 1, message: i === lines.length - 1 ? 'incomplete line (torn write?)' : 'not valid JSON' });
        continue;
      }
    }
    if (typeof x !== 'object' || x === null || Array.isArray(x)) {
      problems.push({ line: i + 1, message: 'not a review object' });
      continue;
    }
    const o = x as Record<string, unknown>;
    const common = invalidCommon(o);
    if (!common && o.type !== undefined) {
      const entry = readTyped(o);
      if (typeof entry === 'string') problems.push({ line: i + 1, message: entry });
      else if (entry.type === 'link') links.push(entry);
      else ties.push(entry);
      continue;
    }
    const why = common ?? invalidReason(o);
    if (why) {
      problems.push({ line: i + 1, message: why });
      continue;
    }
    const r: Review = {
      v: o.v as number,
      at: o.at as string,
      story: o.story as string,
      question: typeof o.question === 'string' ? o.question : null,
      mode: o.mode === undefined ? 'log' : (o.mode as ReviewMode),
      seconds: typeof o.seconds === 'number' ? o.seconds : null,
      target: typeof o.target === 'number' && o.target > 0 ? o.target : DEFAULTS.time,
      grade: o.grade as Grade,
      cram: o.cram === true,
    };
    if (typeof o.picked === 'string') r.picked = o.picked;
    if (typeof o.fp === 'string') r.fp = o.fp;
    const checklist = readChecklist(o.checklist);
    if (checklist) r.checklist = checklist;
    reviews.push(r);
  }
  return { reviews, links, ties, problems };
}
