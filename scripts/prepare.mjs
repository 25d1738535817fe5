// `npm run prepare`: builds dist/ on `npm install` / `npm ci` in a clone, and on `npm install -g .`. That last one
// links the clone without installing its dependencies, so the build tools are installed first (from the lockfile).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const npm = (args) => {
  // A global install passes its settings down; the clone's own install must stay local to the clone.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(global|prefix|location)$/i.test(k)));
  const r = spawnSync('npm', args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync('node_modules/typescript/package.json') || !existsSync('node_modules/esbuild/package.json')) {
  console.error('prep: installing the build tools first (npm install -g . does not install them)');
  npm(['ci', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
}
npm(['run', 'build']);
