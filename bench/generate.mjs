// Generates N synthetic STAR stories (seeded, several note styles) into a folder, for benchmarks.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
// Built by `npm run build` (every bench script runs it first).
import { seededRandom } from '../dist/quiz/random.js';

const VOCAB = ('service cache queue latency deploy pipeline database index schema migration rollout incident outage alert ' +
  'customer team lead manager mentor review design test coverage cost budget cluster shard replica metric dashboard ' +
  'timeout retry backlog release feature scope deadline launch ticket support contract partner vendor audit security ' +
  'secret token key rotation policy onboarding docs runbook postmortem experiment hypothesis analysis query report ' +
  'billing invoice payment checkout search ranking model training storage bucket backup restore failover region ' +
  'network loop packet proxy gateway api client sdk mobile web frontend backend kafka redis postgres python go rust').split(' ');

/** The quiz's seeded generator (mulberry32), so benchmarks and the app share one implementation. */
export const rng = seededRandom;

function sentence(r, n) {
  const w = Array.from({ length: n }, () => VOCAB[Math.floor(r() * VOCAB.length)]);
  return w.join(' ').replace(/^./, (c) => c.toUpperCase()) + (r() < 0.3 ? ` by ${Math.floor(r() * 90) + 5}%` : '') + '.';
}

function story(r, i) {
  const title = `${sentence(r, 4).replace(/\.$/, '')} ${i}`;
  const para = (k) => Array.from({ length: k }, () => sentence(r, 6 + Math.floor(r() * 8))).join(" ");
  const bullets = (k) => Array.from({ length: k }, () => `  - ${sentence(r, 6 + Math.floor(r() * 6))}`).join('\n');
  switch (i % 4) {
    case 0:
      return `## ${title}\n\n- **Situation**: ${para(2)}\n${bullets(2)}\n- **Task**: ${para(1)}\n- **Action(s)**:\n${bullets(4)}\n- **Result**: ${para(1)}\n\n`;
    case 1:
      return `## ${title}\n\n**Context:** ${para(2)}\n\n**Goal:** ${para(1)}\n\n**What I did:** ${para(3)}\n\n**Outcome:** ${para(1)}\n\n**Lessons:** ${para(1)}\n\n`;
    case 2:
      return `## ${title}\n\n### Situation\n${para(2)}\n\n### Task\n${para(1)}\n\n### Action\n${bullets(4)}\n\n### Result\n${para(1)}\n\n`;
    default:
      return `## ${title}\n\nS: ${para(2)}\nT: ${para(1)}\nA: ${para(3)}\nR: ${para(1)}\n\n`;
  }
}

/** Write `count` stories in files of `perFile` stories under `dir`; returns total bytes. */
export function generate(dir, count = 10_000, perFile = 100, seed = 42) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  let bytes = 0;
  for (let f = 0; f * perFile < count; f++) {
    let text = `# Stories ${f}\n\n`;
    for (let i = f * perFile; i < Math.min(count, (f + 1) * perFile); i++) text += story(r, i);
    writeFileSync(join(dir, `stories-${String(f).padStart(4, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? '.bench/stories-10k';
  const n = Number(process.argv[3] ?? 10_000);
  console.log(`${n} stories, ${(generate(dir, n) / 1e6).toFixed(1)} MB in ${dir}`);
}
