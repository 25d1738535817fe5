/** Calendar helpers for the quiz, stats, history and export: local days, interview dates, "in 3 days" wording. Pure. */

const DAY_MS = 86_400_000;

/** The local calendar day of a date as YYYY-MM-DD. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Local midnight starting a YYYY-MM-DD day, or null when the text is not a real date in that form. */
export function parseDay(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}

/** The same local time `n` calendar days later (earlier for negative `n`). */
export function inDays(date: Date, n: number): Date {
  const d = new Date(date.getTime());
  d.setDate(d.getDate() + n);
  return d;
}

/** Local midnight of the day `date` falls on. */
export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** Whole calendar days from `from` to `to` (local), negative when `to` is earlier. */
export function calendarDaysBetween(from: Date, to: Date): number {
  return Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY_MS);
}

/** The last `n` local days ending today, oldest first, as YYYY-MM-DD. */
export function lastDays(now: Date, n: number): string[] {
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - i)));
  return out;
}

/** When something is due, relative to now: "now", "in 5 h", "tomorrow", "in 3 days", "on 2026-03-01". */
export function formatDue(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  if (ms <= 60_000) return 'now';
  if (ms < 3_600_000) return `in ${Math.round(ms / 60_000)} min`;
  const days = calendarDaysBetween(now, due);
  if (days === 0) return `in ${Math.round(ms / 3_600_000)} h`;
  if (days === 1) return 'tomorrow';
  if (days < 60) return `in ${days} days`;
  return `on ${dayKey(due)}`;
}

/** How long ago something happened, in at most 9 characters: "today", "yesterday", "3d ago", "5mo ago". */
export function formatAgo(at: Date, now: Date): string {
  const days = calendarDaysBetween(at, now);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days}d ago`;
  return days < 730 ? `${Math.round(days / 30.44)}mo ago` : `${Math.floor(days / 365.25)}y ago`;
}
