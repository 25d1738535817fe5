import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Context } from '../src/cli/context.js';
import { memoryOutput } from '../src/cli/output.js';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..');

/** A fresh temp folder. */
export function tempDir(prefix = 'prep-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write files (relative path -> content) under a folder. */
export function writeTree(dir: string, files: Record<string, string>): string {
  for (const [rel, text] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
  }
  return dir;
}

/** A command context over temp folders with a captured output and a fixed clock. */
export function testContext(cwd: string, env: NodeJS.ProcessEnv = {}, now = new Date('2026-03-02T10:00:00Z')): Context & { out: ReturnType<typeof memoryOutput> } {
  const home = tempDir('prep-home-');
  return {
    out: memoryOutput(100),
    env: { PREP_NO_CACHE: '1', ...env },
    cwd,
    now: () => now,
    folders: { data: join(home, 'data'), config: join(home, 'config'), cache: join(home, 'cache') },
    debug: () => {},
  };
}

/** Run the real bin/prep with a clean, temp environment. */
export function runPrep(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const home = tempDir('prep-home-');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'prep'), ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_DATA_HOME: join(home, 'data'),
      NO_COLOR: '1',
      ...opts.env,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A STAR story in bold-list style. */
export function starStory(title: string, body: Partial<Record<'situation' | 'task' | 'action' | 'result', string>> = {}): string {
  return `## ${title}\n\n- **Situation**: ${body.situation ?? 'The nightly job kept failing.'}\n- **Task**: ${body.task ?? 'Make it reliable.'}\n- **Action**: ${body.action ?? 'Added retries and alerts.'}\n- **Result**: ${body.result ?? 'Failures fell by 90%.'}\n`;
}
