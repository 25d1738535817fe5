/** Parse many note texts, on worker threads when there is enough to parse that a second core pays for itself. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ParseResult } from '../story/types.js';

/** What to parse: a note's text and the name its diagnostics carry. */
export interface ParseJob {
  text: string;
  file: string;
}

/** When threads are used and how many. */
export const PARALLEL = {
  /** Below this many characters one thread is faster: a worker takes about 40 ms to start and load the parser. */
  minChars: 1_500_000,
  /** Threads at most, the main one included (remark parses at about 1 MB/s a core). */
  maxThreads: 4,
};

/** Split jobs into `n` groups of about the same size, keeping each job's index. */
function balance(jobs: ParseJob[], n: number): { job: ParseJob; at: number }[][] {
  const groups = Array.from({ length: n }, () => ({ size: 0, items: [] as { job: ParseJob; at: number }[] }));
  const order = jobs.map((job, at) => ({ job, at })).sort((a, b) => b.job.text.length - a.job.text.length);
  for (const item of order) {
    let least = groups[0]!;
    for (const g of groups) if (g.size < least.size) least = g;
    least.items.push(item);
    least.size += item.job.text.length;
  }
  return groups.map((g) => g.items).filter((g) => g.length);
}

/** Parse every job; results come back in the jobs' order. A worker that fails is replaced by parsing in this thread. */
export async function parseMany(jobs: ParseJob[], debug?: (msg: string) => void): Promise<ParseResult[]> {
  const { parseStories } = await import('../parse/parse-stories.js');
  const inline = (js: ParseJob[]) => js.map((j) => parseStories(j.text, j.file));
  let chars = 0;
  for (const j of jobs) chars += j.text.length;
  const threads = Math.min(PARALLEL.maxThreads, availableParallelism(), jobs.length);
  // The worker is a file of its own in the build; run from the TypeScript sources (tests), there is none.
  const script = new URL('./parse-worker.js', import.meta.url);
  if (chars < PARALLEL.minChars || threads < 2 || !existsSync(fileURLToPath(script))) return inline(jobs);
  const { Worker } = await import('node:worker_threads');
  const groups = balance(jobs, threads);
  const results: ParseResult[] = new Array(jobs.length);
  const runGroup = (group: { job: ParseJob; at: number }[], k: number): Promise<void> => {
    const put = (rs: ParseResult[]) => rs.forEach((r, i) => (results[group[i]!.at] = r));
    // The first group is parsed here while the workers parse the others.
    if (k === 0) return Promise.resolve().then(() => put(inline(group.map((g) => g.job))));
    return new Promise<void>((resolve) => {
      const w = new Worker(script);
      const fallBack = (why: string) => {
        debug?.(`parse worker failed (${why}); parsing here`);
        put(inline(group.map((g) => g.job)));
        resolve();
      };
      w.once('message', (rs: ParseResult[]) => {
        put(rs);
        void w.terminate();
        resolve();
      });
      w.once('error', (e) => fallBack(e.message));
      w.postMessage(group.map((g) => g.job));
    });
  };
  // Workers first, so they start while this thread parses its own share.
  await Promise.all(groups.map((g, k) => ({ g, k })).reverse().map(({ g, k }) => runGroup(g, k)));
  return results;
}
