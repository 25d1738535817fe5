/** A worker thread that parses note texts sent by parse-many.ts (the parser is pure, so a thread can run it). */
import { parentPort } from 'node:worker_threads';
import { parseStories } from '../parse/parse-stories.js';

parentPort?.on('message', (jobs: { text: string; file: string }[]) => {
  parentPort!.postMessage(jobs.map((j) => parseStories(j.text, j.file)));
});
