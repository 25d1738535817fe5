/** `prep stats`: practice per story, reviews per day, answer-time trend, weakest competencies; or JSON / CSV. */
import type { PracticeStats, StoryStats } from '../../history/stats.js';
import type { Review } from '../../history/review.js';
import type { Story } from '../../story/types.js';
import type { StorySources } from '../../load/sources.js';
import { loadForCommand, type Context, type StoryOptions } from '../context.js';
import { EXIT, PrepError } from '../errors.js';
import { truncate, wrapText, type Output } from '../output.js';
import { formatDuration, maxOf } from '../../story/text.js';
import { dayKey, formatAgo, formatDue } from '../../dates.js';
import { columnChart, sparkline } from '../../quiz/charts.js';
import { byCodeUnit } from '../../story/text.js';

/** Options of `prep stats`. */
export interface StatsOptions extends StoryOptions {
  json?: boolean;
  csv?: boolean;
  history?: string;
}

/** CSV columns, one row per review. */
export const CSV_HEADER = ['at', 'day', 'story', 'title', 'exists', 'question', 'mode', 'seconds', 'target', 'grade', 'cram', 'picked'] as const;

/** One CSV row per review, in time order. */
export function reviewRows(reviews: readonly Review[], byId: ReadonlyMap<string, Story>): (string | number | boolean | null)[][] {
  return [...reviews]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((r) => [r.at, dayKey(new Date(r.at)), r.story, byId.get(r.story)?.title ?? null, byId.has(r.story), r.question, r.mode, r.seconds, r.target, r.grade, r.cram, r.picked ?? null]);
}

interface Column {
  head: string;
  width: number;
  /** Lower goes first when the window is narrow. */
  keep: number;
  cell: (s: StoryStats) => string;
}

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
const dur = (x: number | null) => (x === null ? '–' : formatDuration(x));

/** The per-story table, dropping the least useful columns to fit `width`. */
function storyTable(rows: StoryStats[], now: Date, width: number, c: Output['c'], whole = false): string[] {
  const fixed: Column[] = [
    { head: 'n', width: 3, keep: 8, cell: (s) => String(s.reviews) },
    { head: 'last', width: 5, keep: 6, cell: (s) => s.lastGrade ?? '–' },
    { head: 'when', width: 9, keep: 2, cell: (s) => (s.lastReviewed ? formatAgo(new Date(s.lastReviewed), now) : '–') },
    { head: 'avg', width: 5, keep: 5, cell: (s) => dur(s.averageSeconds) },
    { head: 'time', width: 5, keep: 1, cell: (s) => dur(s.lastSeconds) },
    { head: 'over', width: 4, keep: 3, cell: (s) => String(s.overTime) },
    { head: 'due', width: 13, keep: 7, cell: (s) => (!s.exists ? 'not in notes' : s.due ? formatDue(new Date(s.due), now) : '–') },
    { head: 'recall', width: 6, keep: 9, cell: (s) => pct(s.recall) },
  ];
  // A column grows to its widest cell, so a big number (1,511 reviews) is never cut to "15…".
  const cols = fixed.map((col) => ({ ...col, width: maxOf(rows.map((s) => col.cell(s).length), col.width) }));
  // Titles matter more than the least useful columns: give them about a third of the window.
  const nameMin = Math.max(14, Math.min(30, Math.floor(width * 0.27)));
  let shown = cols;
  const total = (cs: Column[]) => cs.reduce((n, col) => n + col.width + 2, 0);
  while (shown.length > 2 && total(shown) + nameMin > width) {
    const drop = shown.reduce((lo, col) => (col.keep < lo.keep ? col : lo));
    shown = shown.filter((col) => col !== drop);
  }
  const label = (s: StoryStats) => (s.exists ? (s.title ?? s.id) : `(not in these notes) ${s.id}`);
  // Into a pipe, titles are whole (the table is wider than a window, but nothing is cut).
  const nameW = whole ? maxOf(rows.map((s) => label(s).length), nameMin) : Math.max(nameMin, Math.min(44, width - total(shown)));
  const line = (name: string, cells: string[]) => name + cells.map((x, i) => '  ' + x.padStart(shown[i]!.width)).join('');
  const out = [c.bold(line('story'.padEnd(nameW), shown.map((col) => col.head)))];
  for (const s of rows) {
    const name = truncate(label(s), nameW).padEnd(nameW);
    const recallPaint = s.recall === null ? c.dim : s.recall < 0.7 ? c.red : s.recall < 0.9 ? c.yellow : c.green;
    const cells = shown.map((col) => {
      const text = truncate(col.cell(s), col.width).padStart(col.width);
      return col.head === 'recall' ? recallPaint(text) : text;
    });
    out.push((s.exists ? name : c.dim(name)) + cells.map((x) => '  ' + x).join(''));
  }
  return out;
}

/** Where the stories came from, for "not in these notes": "from --stories notes/", "from the bundled samples". */
function describeSources(sources: StorySources): string {
  const where = sources.paths.join(', ');
  const via = { flag: '--stories', env: 'PREP_STORIES', config: '`prep config` stories', cwd: './stories', bundled: 'the bundled samples' }[sources.origin];
  return sources.origin === 'bundled' ? 'read from the bundled samples' : `read from ${where}, by ${via}`;
}

/** The text report. */
function renderStats(st: PracticeStats, file: string, now: Date, o: Output, from: string): string[] {
  const c = o.c;
  const width = Math.max(40, Math.min(o.columns, 110));
  const lines: string[] = [];
  if (!st.totals.reviews) {
    lines.push(`No practice recorded yet in ${file}.`);
    lines.push(c.dim('start with `prep quiz`, or record a mock interview with `prep log STORY --grade good`'));
    return lines;
  }
  const t = st.totals;
  lines.push(c.bold(`${t.reviews} review${t.reviews === 1 ? '' : 's'} of ${t.storiesDrilled} ${t.storiesDrilled === 1 ? 'story' : 'stories'} on ${t.practiceDays} day${t.practiceDays === 1 ? '' : 's'}`));
  lines.push(c.dim(`history: ${file}`));
  lines.push('');
  const drilled = st.stories.filter((s) => s.reviews > 0);
  const order = (s: StoryStats) => (s.exists ? 0 : 1);
  drilled.sort((a, b) => order(a) - order(b) || byCodeUnit(a.due ?? '9', b.due ?? '9') || byCodeUnit(a.id, b.id));
  for (const l of storyTable(drilled, now, width, c, !o.isTTY && o.columns > 110)) lines.push(l);
  const elsewhere = drilled.filter((s) => !s.exists).length;
  if (elsewhere) {
    const n = `${elsewhere} ${elsewhere === 1 ? 'story' : 'stories'} with practice ${elsewhere === 1 ? 'is' : 'are'} not in these notes (${from})`;
    for (const l of wrapText(`${n}: renamed ones are linked with \`prep history link OLD NEW\` (see \`prep check\`), or pass the --stories you quiz with`, width)) lines.push(c.dim(l));
  }
  const never = st.stories.filter((s) => s.exists && s.reviews === 0);
  if (never.length) {
    lines.push('');
    const shown = never.slice(0, 8).map((s) => s.title ?? s.id);
    const more = never.length > shown.length ? `, and ${never.length - shown.length} more` : '';
    lines.push(...wrapText(`Never drilled (${never.length}): ${shown.join(', ')}${more}`, width));
  }

  lines.push('');
  const counts = st.daily.map((d) => d.reviews);
  const max = maxOf(counts, 0);
  const busiest = st.daily.find((d) => d.reviews === max);
  lines.push(c.bold('Reviews per day, last 30 days') + c.dim(max ? ` (most ${max}, ${busiest!.date.slice(5)})` : ' (none)'));
  if (max) {
    for (const row of columnChart(counts, 3)) lines.push('  ' + c.cyan(row));
    const first = st.daily[0]!.date.slice(5);
    const last = st.daily.at(-1)!.date.slice(5);
    lines.push(c.dim('  ' + first + ' '.repeat(Math.max(1, counts.length - first.length - last.length)) + last));
  }

  if (st.answerTimes.length) {
    lines.push('');
    const secs = st.answerTimes.map((a) => a.seconds);
    const target = st.answerTimes.at(-1)!.target;
    const spark = sparkline(secs, maxOf(secs, target));
    const over = st.answerTimes.filter((a) => a.seconds > a.target).length;
    lines.push(c.bold(`Answer time, last ${secs.length} answer${secs.length === 1 ? '' : 's'}`) + c.dim(` (target ${formatDuration(target)}; ${over} over)`));
    const n = Math.min(5, Math.ceil(secs.length / 2));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const trend = secs.length >= 2 ? `  first ${n}: ${formatDuration(mean(secs.slice(0, n)))} → last ${n}: ${formatDuration(mean(secs.slice(-n)))}` : '';
    lines.push('  ' + c.cyan(spark) + (secs.length + 2 + trend.length <= width ? trend : ''));
  }

  const weak = st.competencies.slice(0, 5);
  if (weak.length) {
    lines.push('');
    lines.push(c.bold('Weakest competencies'));
    lines.push(...wrapText('mean recall of their stories now; a story never drilled counts as 0', width, '  ').map((l) => c.dim(l)));
    for (const w of weak) lines.push(`  ${pct(w.averageRecall).padStart(4)}  ${truncate(w.name, width - 30)} ${c.dim(`${w.drilled}/${w.stories} stories drilled`)}`);
  }
  return lines;
}

/** Print practice statistics from the history, as text, JSON or CSV. */
export async function runStats(ctx: Context, opts: StatsOptions): Promise<number> {
  if (opts.json && opts.csv) throw new PrepError('usage.format', 'choose one of --json and --csv', EXIT.usage);
  const loaded = await loadForCommand(ctx, opts, { quiet: true });
  const { openStoryHistory } = await import('../history-context.js');
  const history = await openStoryHistory(ctx, opts.history, loaded, { notices: !opts.json && !opts.csv });
  const byId = new Map(loaded.stories.map((s) => [s.id, s]));
  const o = ctx.out;
  if (opts.csv) {
    const { toCsv } = await import('../../history/csv.js');
    o.out(toCsv(CSV_HEADER, reviewRows(history.reviews, byId)));
    return 0;
  }
  const now = ctx.now();
  const { loadIndex } = await import('../search-context.js');
  const index = await loadIndex(ctx, loaded);
  // The same competencies `prep show` reports for each story.
  const { withCompetencies } = await import('../search-context.js');
  const { COMPETENCIES } = await import('../../search/competencies.js');
  const names = new Map(COMPETENCIES.map((x) => [x.id, x.name]));
  const competencies = new Map((await withCompetencies(loaded.stories, index)).map((s) => [s.id, s.competencies.map((id) => ({ id, name: names.get(id) ?? id }))]));
  const { createScheduler, replayHistory, recallEstimate } = await import('../../history/replay.js');
  const scheduler = createScheduler();
  const cards = replayHistory(history.reviews, now, scheduler);
  const { computeStats } = await import('../../history/stats.js');
  const stats = computeStats({
    stories: loaded.stories,
    competencies,
    reviews: history.reviews,
    due: new Map([...cards].map(([id, card]) => [id, card.due])),
    recall: (id) => (cards.has(id) ? Math.round(recallEstimate(scheduler, cards.get(id), now) * 1000) / 1000 : null),
    now,
  });
  const { oftenSkipped, KIND_PHRASE } = await import('../../quiz/checklist.js');
  const skipped = oftenSkipped(history.reviews);
  if (opts.json) {
    const followed = history.identities.carried.map(({ from, to, via, similarity }) => ({ from, to, via, similarity: similarity === null ? null : Math.round(similarity * 100) / 100 }));
    o.out(JSON.stringify({ history: { file: history.file, reviews: history.reviews.length, skippedLines: history.problems.map((p) => p.line), followed }, ...stats, oftenSkipped: skipped }, null, 2));
    return 0;
  }
  o.out(renderStats(stats, history.file, now, o, describeSources(loaded.sources)).join('\n'));
  if (skipped.length) {
    o.out(['', o.c.bold('Often left out (from the key-point checklist)')].join('\n'));
    for (const x of skipped.slice(0, 5)) {
      o.out(truncate(`  you often skip ${KIND_PHRASE[x.kind]} in "${byId.get(x.story)?.title ?? x.story}" (${x.missed} of ${x.answers} answers)`, Math.max(40, o.columns - 1)));
    }
  }
  const { planProgress } = await import('./plan.js');
  const progress = stats.totals.reviews ? await planProgress(ctx, loaded.stories, index, history.reviews) : [];
  if (progress.length) o.out(['', ...progress].join('\n'));
  return 0;
}
