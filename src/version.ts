/** The tool's version, read from package.json (cache keys depend on it). */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** prep's version string (from dist/ or dist/bundle/, package.json is one or two folders up). */
export const VERSION: string = (() => {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'prep-interview-stories' && pkg.version) return pkg.version;
    } catch {
      // try the next candidate
    }
  }
  return '0.0.0';
})();

/**
 * What caches are keyed on: the version plus the build time of the running code, so a rebuilt parser (even at the
 * same version, as in development) never serves results parsed by the old one.
 */
export const CACHE_VERSION: string = (() => {
  try {
    return `${VERSION}+${Math.round(statSync(fileURLToPath(import.meta.url)).mtimeMs)}`;
  } catch {
    return VERSION;
  }
})();
