// Bundles the CLI into dist/bundle/ with esbuild: one file per lazily loaded command, so start-up reads a handful
// of files instead of hundreds (the compiled dist/ tree stays for benchmarks and tooling).
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes, so old ones would pile up: start clean.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist/bundle',
  // Packages with data files found relative to their own folder, or heavy and rarely loaded, stay in node_modules.
  external: ['pdfkit', 'dejavu-fonts-ttf', '@inquirer/prompts', 'pdfjs-dist', 'word-list'],
  banner: { js: "import { createRequire as __prepCreateRequire } from 'node:module'; const require = __prepCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// Search data that depends only on prep's source (the stemmed lexicon; how each bank question is read), computed
// here once instead of at every cold start. src/load/search-data.ts reads it only when its fingerprint matches.
const { exportTables, lexiconFingerprint } = await import('../dist/search/engine.js');
const { bankPlans } = await import('../dist/search/questions.js');
const fingerprint = lexiconFingerprint();
writeFileSync('dist/bundle/search-tables.json', JSON.stringify({ fingerprint, tables: exportTables() }));
const plans = bankPlans().map(({ question, terms, competencies, storyQuestion }) => ({ question, terms, competencies, storyQuestion }));
writeFileSync('dist/bundle/bank-plans.json', JSON.stringify({ fingerprint, plans }));
