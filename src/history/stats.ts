/** Practice statistics from the review history and the replayed schedule: per story, per day, per competency. Pure. */
import type { Story, StoryKind } from '../story/types.js';
import type { Grade, Review } from './review.js';
import { dayKey, lastDays } from '../dates.js';
import { byCodeUnit } from '../story/text.js';

/** What `prep stats` reports about one story (or about reviews of a story no longer in the notes). */
export interface StoryStats {
  id: string;
  title: string | null;
  kind: StoryKind | null;
  /** False for reviews of a story that is no longer in the notes. */
  exists: boolean;
  reviews: number;
  cramReviews: number;
  lastGrade: Grade | null;
  lastReviewed: string | null;
  averageSeconds: number | null;
  lastSeconds: number | null;
  overTime: number;
  /** Next due date (ISO) from the schedule; null when never drilled on schedule. */
  due: string | null;
  /** Probability of recall now, 0..1; null when never drilled on schedule. */
  recall: number | null;
}

/** Recall across the stories that show one competency. */
export interface CompetencyStats {
  id: string;
  name: string;
  stories: number;
  drilled: number;
  /** Mean recall of its stories now; a story never drilled counts as 0. */
  averageRecall: number;
}

/** Everything `prep stats` shows. */
export interface PracticeStats {
  totals: { reviews: number; storiesDrilled: number; practiceDays: number; first: string | null; last: string | null };
  stories: StoryStats[];
  /** Reviews per local day, oldest first, for the last 30 days. */
  daily: { date: string; reviews: number }[];
  /** The last timed answers, oldest first. */
  answerTimes: { at: string; story: string; seconds: number; target: number }[];
  /** Weakest first. */
  competencies: CompetencyStats[];
  neverDrilled: string[];
}

/** Inputs: the stories, their competencies, the history, and what the replayed schedule says. */
export interface StatsInput {
  stories: readonly Story[];
  /** Competency of each story id: [id, display name][] (explicit from front matter, else inferred). */
  competencies: ReadonlyMap<string, readonly { id: string; name: string }[]>;
  reviews: readonly Review[];
  due: ReadonlyMap<string, Date>;
  recall: (id: string) => number | null;
  now: Date;
  days?: number;
  timeTrend?: number;
}

/** Compute practice statistics. */
export function computeStats(input: StatsInput): PracticeStats {
  const { stories, reviews, now } = input;
  const byStory = new Map<string, Review[]>();
  const sorted = [...reviews].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const r of sorted) {
    const list = byStory.get(r.story);
    if (list) list.push(r);
    else byStory.set(r.story, [r]);
  }
  const statsFor = (id: string, story: Story | undefined): StoryStats => {
    const list = byStory.get(id) ?? [];
    const timed = list.filter((r) => r.seconds !== null);
    const last = list.at(-1);
    const due = input.due.get(id);
    return {
      id,
      title: story?.title ?? null,
      kind: story?.kind ?? null,
      exists: Boolean(story),
      reviews: list.length,
      cramReviews: list.filter((r) => r.cram).length,
      lastGrade: last?.grade ?? null,
      lastReviewed: last?.at ?? null,
      averageSeconds: timed.length ? Math.round((timed.reduce((s, r) => s + r.seconds!, 0) / timed.length) * 10) / 10 : null,
      lastSeconds: timed.at(-1)?.seconds ?? null,
      overTime: timed.filter((r) => r.seconds! > r.target).length,
      due: due ? due.toISOString() : null,
      recall: input.recall(id),
    };
  };
  const known = new Set(stories.map((s) => s.id));
  const rows = [...stories.map((s) => statsFor(s.id, s)), ...[...byStory.keys()].filter((id) => !known.has(id)).sort().map((id) => statsFor(id, undefined))];

  const days = lastDays(now, input.days ?? 30);
  const perDay = new Map(days.map((d) => [d, 0]));
  const practiceDays = new Set<string>();
  for (const r of sorted) {
    const d = dayKey(new Date(r.at));
    practiceDays.add(d);
    if (perDay.has(d)) perDay.set(d, perDay.get(d)! + 1);
  }

  const groups = new Map<string, { name: string; ids: string[] }>();
  for (const s of stories) {
    for (const c of input.competencies.get(s.id) ?? []) {
      const g = groups.get(c.id) ?? { name: c.name, ids: [] };
      g.ids.push(s.id);
      groups.set(c.id, g);
    }
  }
  const competencies = [...groups].map(([id, g]) => {
    const recalls = g.ids.map((sid) => input.recall(sid));
    return {
      id,
      name: g.name,
      stories: g.ids.length,
      drilled: recalls.filter((r) => r !== null).length,
      averageRecall: Math.round((recalls.reduce<number>((s, r) => s + (r ?? 0), 0) / g.ids.length) * 1000) / 1000,
    };
  });
  competencies.sort((a, b) => a.averageRecall - b.averageRecall || b.stories - a.stories || byCodeUnit(a.id, b.id));

  const answerTimes = sorted
    .filter((r) => r.seconds !== null && r.mode !== 'pick')
    .slice(-(input.timeTrend ?? 30))
    .map((r) => ({ at: r.at, story: r.story, seconds: r.seconds!, target: r.target }));

  return {
    totals: {
      reviews: reviews.length,
      storiesDrilled: rows.filter((r) => r.reviews > 0).length,
      practiceDays: practiceDays.size,
      first: sorted[0]?.at ?? null,
      last: sorted.at(-1)?.at ?? null,
    },
    stories: rows,
    daily: days.map((date) => ({ date, reviews: perDay.get(date)! })),
    answerTimes,
    competencies,
    neverDrilled: stories.filter((s) => !byStory.has(s.id)).map((s) => s.id),
  };
}
