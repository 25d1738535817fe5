/**
 * Installs prep as a user would: `npm pack` makes the tarball, which is installed into a scratch folder with only
 * its runtime dependencies and no build step, then its `prep` runs. The install is offline from the npm cache that
 * `npm ci` filled: the scratch lockfile is derived from the repository's (runtime entries only), so npm needs no
 * registry metadata. Without those packages in the cache the test says it is skipped.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.js';

const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) => spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });

interface LockEntry {
  dev?: boolean;
  [k: string]: unknown;
}

/** A scratch project depending on the tarball, with a lockfile holding the repository's runtime packages. */
function scratchProject(tarball: string): string {
  const dir = tempDir('prep-pack-');
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const root = lock.packages['']!;
  writeFileSync(join(dir, 'prep.tgz'), readFileSync(tarball));
  const integrity = 'sha512-' + createHash('sha512').update(readFileSync(tarball)).digest('base64');
  const packages: Record<string, unknown> = {
    '': { name: 'scratch', dependencies: { 'prep-interview-stories': 'file:prep.tgz' } },
    'node_modules/prep-interview-stories': { version: root.version, resolved: 'file:prep.tgz', integrity, license: root.license, dependencies: root.dependencies, bin: root.bin, engines: root.engines },
  };
  for (const [key, entry] of Object.entries(lock.packages)) if (key && !entry.dev) packages[key] = entry;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, dependencies: { 'prep-interview-stories': 'file:prep.tgz' } }));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'scratch', lockfileVersion: 3, requires: true, packages }));
  return dir;
}

describe('the npm tarball', () => {
  it('installs offline without dev dependencies or a build, and runs --version, list and export', async (test) => {
    const out = tempDir('prep-pack-out-');
    // `npm test` has just built dist/; --ignore-scripts packs that build instead of building again.
    const pack = run('npm', ['pack', '--ignore-scripts', '--pack-destination', out, '--silent'], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    const tarball = join(out, readdirSync(out).find((f) => /^prep-interview-stories-.*\.tgz$/.test(f))!);
    const listing = run('tar', ['-tzf', tarball], out).stdout.split('\n');
    expect(listing).toContain('package/dist/bundle/main.js');
    expect(listing.some((f) => f.startsWith('package/src/') || f.startsWith('package/tests/'))).toBe(false);

    const dir = scratchProject(tarball);
    const install = run('npm', ['ci', '--offline', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
    if (install.status !== 0 && /ENOTCACHED|only-if-cached/.test(install.stderr)) {
      console.warn('tests/e2e/pack-install.test.ts: SKIPPED, the runtime packages are not in the npm cache (run `npm ci` first)');
      test.skip();
    }
    expect(install.status, install.stderr).toBe(0);
    for (const dev of ['typescript', 'vitest', 'esbuild']) expect(existsSync(join(dir, 'node_modules', dev)), dev).toBe(false);

    const home = tempDir('prep-pack-home-');
    const env = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, 'c'), XDG_CACHE_HOME: join(home, 'k'), XDG_DATA_HOME: join(home, 'd'), NO_COLOR: '1' };
    const prep = (...args: string[]) => run(join(dir, 'node_modules', '.bin', 'prep'), args, home, env);
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(prep('--version').stdout.trim()).toBe(version);
    const list = prep('list');
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/STAR/);
    const exported = prep('export', '--out', join(home, 'sheet.pdf'));
    expect(exported.status, exported.stderr).toBe(0);
    expect(readFileSync(join(home, 'sheet.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    for (const args of [['check'], ['find', 'conflict'], ['coverage'], ['stats'], ['show', 'strengths']]) {
      const r = prep(...args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBeLessThanOrEqual(1);
      expect(r.stderr).not.toMatch(/unexpected error|Cannot find/);
    }
  });
});
