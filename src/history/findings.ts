/** What `prep check` says about the review history: stories it followed, and history it could not place. Pure. */
import type { Diagnostic } from '../story/types.js';
import type { Identities } from './identity.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const reviewsText = (n: number) => `${n} review${n === 1 ? '' : 's'}`;

/** Findings for the history file `file`: one per orphaned history id, and a hint per edit followed by content. */
export function historyFindings(ids: Identities, file: string): Diagnostic[] {
  const at = { file, line: 0, column: 0 };
  const out: Diagnostic[] = [];
  for (const c of ids.carried.filter((x) => x.via === 'content')) {
    out.push({ ...at, rule: 'history-followed', severity: 'info', storyId: c.to, message: `the history of "${c.from}" (${reviewsText(c.reviews)}) follows "${c.to}", edited (${pct(c.similarity!)} alike); to make it permanent: prep history link ${c.from} ${c.to}` });
  }
  for (const o of ids.orphans) {
    const head = `the history of "${o.id}" (${reviewsText(o.reviews)}, last ${o.last.slice(0, 10)})`;
    if (o.candidates.length >= 2) {
      const options = o.candidates.map((c) => `"${c.id}" (${pct(c.similarity)})`).join(' or ');
      out.push({ ...at, rule: 'history-ambiguous', severity: 'warning', message: `${head} is as close to ${options}; say which story it is: prep history link ${o.id} ${o.candidates[0]!.id}` });
    } else if (o.candidates.length === 1) {
      out.push({ ...at, rule: 'history-unmatched', severity: 'warning', message: `${head} matches no story in these notes; "${o.candidates[0]!.id}" is close (${pct(o.candidates[0]!.similarity)}) but has history of its own: prep history link ${o.id} ${o.candidates[0]!.id}` });
    } else {
      out.push({ ...at, rule: 'history-unmatched', severity: 'warning', message: `${head} matches no story in these notes; if that story was renamed: prep history link ${o.id} NEW-ID` });
    }
  }
  return out;
}
