/**
 * The cheat-sheet model: stories, their coverage and a date in, a printable document model out. Pure: no fs, no
 * clock, no fonts; the renderers (to-pdf.ts, to-markdown.ts) turn it into bytes.
 */
import type { Story } from '../story/types.js';
import { formatDuration } from '../story/text.js';
import type { CoverageRow } from '../search/coverage.js';
import { COMPETENCIES } from '../search/competencies.js';
import { hasFigure } from '../story/figures.js';
import { dayKey } from '../dates.js';
import { isPlaceholder } from '../story/template.js';
import { brief, briefCapped, capPoints, capWords, emphasiseNumbers, shorten, toPoints, type Run } from './points.js';

/** A card as the index refers to it: its number on the sheet and its title. */
export interface CardRef {
  number: number;
  id: string;
  title: string;
}

/** One line of the question -> story index: a competency and the story to tell for it. */
export interface IndexEntry {
  competencyId: string;
  competency: string;
  /** A typical interview question for the competency. */
  question: string;
  best: CardRef;
  also: CardRef[];
}

/** A competency no story covers well, with the closest story if any. */
export interface Gap {
  competencyId: string;
  competency: string;
  question: string;
  closest: CardRef | null;
}

/** A STAR story reduced to its bones. */
export interface StoryCard {
  number: number;
  id: string;
  title: string;
  /** Competency names, as `prep show` lists them (the notes' own, else inferred, strongest first). */
  competencies: string[];
  /** The first question the story answers, from its front matter. */
  question: string | null;
  situation: string;
  /** Situation points left out (shown as "+N more"). */
  moreSituation: number;
  task: string;
  moreTask: number;
  actions: string[];
  moreActions: number;
  /** Result points, each split into runs with the figures marked strong. */
  result: Run[][];
  moreResults: number;
  /** The Result is empty or a placeholder ("TBD", the template's text): the sheet says so instead of hiding it. */
  noResult: boolean;
  lesson: string | null;
  /** Speaking time as m:ss. */
  speaking: string;
  /** `name.md:line` of the story in the user's notes. */
  source: string;
  /** `path/to/name.md:line` as loaded (the markdown sheet shows this one). */
  sourcePath: string;
}

/** A talking-point answer (no STAR parts): its points as written, up to a cap. */
export interface NoteCard {
  number: number;
  id: string;
  title: string;
  /** Bullets and paragraphs in full (the last one may be cut at a word); a section name leads its first point. */
  points: string[];
  /** Points left out by the cap. */
  more: number;
  speaking: string;
  source: string;
  sourcePath: string;
}

/** The sheet's title: also the first line of the markdown sheet, by which `prep export` knows its own files. */
export const SHEET_TITLE = 'Interview cheat sheet';

/** The whole cheat sheet, ready to render. */
export interface CheatSheet {
  title: string;
  /** The date printed in the header, YYYY-MM-DD. */
  date: string;
  storyCount: number;
  noteCount: number;
  /** What selected the stories ("competency: Conflict", "due for review"); empty for all. */
  scope: string[];
  index: IndexEntry[];
  gaps: Gap[];
  cards: StoryCard[];
  notes: NoteCard[];
}

/** Inputs of the model. */
export interface CheatSheetInput {
  stories: Story[];
  coverage: CoverageRow[];
  /** Competency ids of each story, as `storyCompetencies` (src/search) gives them. */
  competencies: ReadonlyMap<string, string[]>;
  date: Date;
  scope?: string[];
  /** Only these competency ids in the index (when the sheet is filtered by competency). */
  focus?: string[];
  /** Coverage over all the stories, for the gaps: a sheet of a few stories (--due, --tag) must not call covered competencies gaps. */
  allCoverage?: CoverageRow[];
}

/** How much of a story a card keeps. */
export const LIMITS = {
  title: 110,
  question: 110,
  situation: 140,
  task: 120,
  actions: 5,
  actionChars: 112,
  results: 3,
  resultChars: 135,
  lesson: 120,
  notePoints: 8,
  noteWords: 60,
  source: 56,
} as const;

/** `name.md:line`: the file name without its folders (the markdown sheet has the full path); a very long name is cut from the left. */
export function sourceLabel(file: string, line: number, max: number = LIMITS.source): string {
  const parts = file.split(/[\\/]/).filter(Boolean);
  const chars = [...`${parts[parts.length - 1] ?? file}:${line}`];
  return chars.length <= max ? chars.join('') : `…${chars.slice(chars.length - max + 1).join('')}`;
}

const COMPETENCY_NAMES = new Map(COMPETENCIES.map((c) => [c.id, c.name]));
const LESSON_SECTION = /lesson|learn|takeaway|reflect|next time|differently/i;

function competencyName(id: string): string {
  return COMPETENCY_NAMES.get(id) ?? id.replace(/[-_]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function toCard(s: Story, number: number, competencies: string[]): StoryCard {
  const actions = capPoints(toPoints(s.action), LIMITS.actions, LIMITS.actionChars);
  const noResult = isPlaceholder(s.result);
  const results = capPoints(noResult ? [] : toPoints(s.result), LIMITS.results, LIMITS.resultChars, hasFigure);
  const situation = briefCapped(s.situation, LIMITS.situation);
  const task = briefCapped(s.task, LIMITS.task);
  const lessonSection = s.sections.find((x) => LESSON_SECTION.test(x.name) && x.text.trim());
  return {
    number,
    id: s.id,
    title: shorten(s.title, LIMITS.title),
    competencies: competencies.map(competencyName),
    question: s.questions[0] ? shorten(s.questions[0], LIMITS.question) : null,
    situation: situation.text,
    moreSituation: situation.more,
    task: task.text,
    moreTask: task.more,
    actions: actions.points,
    moreActions: actions.more,
    result: results.points.map(emphasiseNumbers),
    moreResults: results.more,
    noResult,
    lesson: lessonSection ? brief(lessonSection.text, LIMITS.lesson) : null,
    speaking: formatDuration(s.speakingSeconds),
    source: sourceLabel(s.source.file, s.source.line),
    sourcePath: `${s.source.file}:${s.source.line}`,
  };
}

function toNote(s: Story, number: number): NoteCard {
  // Paragraphs stay whole, as `prep show` prints them; bullets are points.
  const lines = [
    ...toPoints(s.summary, 'paragraphs'),
    ...s.sections.flatMap((x) => {
      const pts = toPoints(x.text, 'paragraphs');
      // A section name ("Soft", "Tech") leads its first point so the grouping survives.
      return x.name && pts.length ? [`${x.name}: ${pts[0]}`, ...pts.slice(1)] : pts;
    }),
    ...['situation', 'task', 'action', 'result'].flatMap((k) => toPoints(s[k as 'situation'], 'paragraphs')),
  ];
  const capped = capWords(lines, LIMITS.notePoints, LIMITS.noteWords);
  return {
    number,
    id: s.id,
    title: shorten(s.title, LIMITS.title),
    points: capped.points,
    more: capped.more,
    speaking: formatDuration(s.speakingSeconds),
    source: sourceLabel(s.source.file, s.source.line),
    sourcePath: `${s.source.file}:${s.source.line}`,
  };
}

/** Build the cheat sheet: STAR cards numbered first, then notes; the index points at those numbers. */
export function buildCheatSheet(input: CheatSheetInput): CheatSheet {
  const star = input.stories.filter((s) => s.kind === 'star');
  const notes = input.stories.filter((s) => s.kind !== 'star');
  const cards = star.map((s, i) => toCard(s, i + 1, input.competencies.get(s.id) ?? []));
  const noteCards = notes.map((s, i) => toNote(s, star.length + i + 1));
  const refs = new Map<string, CardRef>();
  for (const c of [...cards, ...noteCards]) refs.set(c.id, { number: c.number, id: c.id, title: c.title });
  const focus = input.focus?.length ? new Set(input.focus) : null;
  const rows = input.coverage.filter((r) => !focus || focus.has(r.competency.id));
  const index: IndexEntry[] = [];
  const gaps: Gap[] = [];
  const gapIn = new Set((input.allCoverage ?? input.coverage).filter((r) => r.gap).map((r) => r.competency.id));
  for (const r of rows) {
    const best = r.best ? refs.get(r.best.id) : undefined;
    const question = r.competency.questions[0] ?? '';
    if (!r.gap && best) {
      const also = r.others.map((o) => refs.get(o.id)).filter((x): x is CardRef => Boolean(x));
      index.push({ competencyId: r.competency.id, competency: r.competency.name, question, best, also });
    } else if (gapIn.has(r.competency.id)) {
      gaps.push({ competencyId: r.competency.id, competency: r.competency.name, question, closest: best ?? null });
    }
  }
  return {
    title: SHEET_TITLE,
    date: dayKey(input.date),
    storyCount: cards.length,
    noteCount: noteCards.length,
    scope: input.scope ?? [],
    index,
    gaps,
    cards,
    notes: noteCards,
  };
}

/** Every text of the sheet passed through `fn` (for replacing characters a font cannot draw); a new object. */
export function mapSheetText(sheet: CheatSheet, fn: (text: string) => string): CheatSheet {
  const ref = (r: CardRef): CardRef => ({ ...r, title: fn(r.title) });
  return {
    ...sheet,
    title: fn(sheet.title),
    scope: sheet.scope.map(fn),
    index: sheet.index.map((e) => ({ ...e, competency: fn(e.competency), question: fn(e.question), best: ref(e.best), also: e.also.map(ref) })),
    gaps: sheet.gaps.map((g) => ({ ...g, competency: fn(g.competency), question: fn(g.question), closest: g.closest && ref(g.closest) })),
    cards: sheet.cards.map((c) => ({
      ...c,
      title: fn(c.title),
      competencies: c.competencies.map(fn),
      question: c.question === null ? null : fn(c.question),
      situation: fn(c.situation),
      task: fn(c.task),
      actions: c.actions.map(fn),
      result: c.result.map((runs) => runs.map((r) => ({ ...r, text: fn(r.text) }))),
      lesson: c.lesson === null ? null : fn(c.lesson),
      source: fn(c.source),
      sourcePath: fn(c.sourcePath),
    })),
    notes: sheet.notes.map((n) => ({ ...n, title: fn(n.title), points: n.points.map(fn), source: fn(n.source), sourcePath: fn(n.sourcePath) })),
  };
}

/** A character the font cannot draw, how often it occurred, and what replaced it. */
export interface Replacement {
  char: string;
  codePoint: number;
  count: number;
}

// Invisible formatting characters (zero-width joiners, variation selectors) have nothing to draw.
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}]/gu;
// Control characters other than newline become spaces.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/**
 * Replace every character `canDraw` rejects with `replacement`, visibly, and count them; text is NFC-normalised
 * first so "e" + combining accent becomes the single "é" the font has.
 */
export function replaceUndrawable(
  sheet: CheatSheet,
  canDraw: (codePoint: number) => boolean,
  replacement: string,
): { sheet: CheatSheet; replaced: Replacement[] } {
  const seen = new Map<string, Replacement>();
  // A title shows up again in the index: count the characters of each distinct text once.
  const done = new Map<string, string>();
  const fix = (text: string): string => {
    const known = done.get(text);
    if (known !== undefined) return known;
    let out = '';
    for (const ch of text.normalize('NFC').replace(CONTROL, ' ').replace(IGNORABLE, '')) {
      const cp = ch.codePointAt(0)!;
      if (ch === '\n' || canDraw(cp)) {
        out += ch;
        continue;
      }
      const r = seen.get(ch) ?? { char: ch, codePoint: cp, count: 0 };
      r.count++;
      seen.set(ch, r);
      out += replacement;
    }
    done.set(text, out);
    return out;
  };
  const fixed = mapSheetText(sheet, fix);
  return { sheet: fixed, replaced: [...seen.values()].sort((a, b) => b.count - a.count || a.codePoint - b.codePoint) };
}
