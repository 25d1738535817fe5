/** The tool's version, read from package.json (cache keys depend on it). */
import { readFileSync } from 'node:fs';

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
