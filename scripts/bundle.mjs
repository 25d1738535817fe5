// Bundles the CLI into dist/bundle/ with esbuild: one file per lazily loaded command, so start-up reads a handful
// of files instead of hundreds (the compiled dist/ tree stays for benchmarks and tooling).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes, so old ones would pile up: start clean.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  // The parse worker is an entry of its own: load/parse-many.ts starts it from beside the chunk that runs it.
  entryPoints: { main: 'src/cli/main.ts', 'parse-worker': 'src/load/parse-worker.ts' },
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
