// Bundles the CLI so `pipewright mcp` starts in about a third of the time (590 -> 212 ms median, bench/mcp): Node 20
// spends most of an unbundled start resolving and linking modules (the CLI reaches 1,138 files). Native packages stay external.
// Output sits two levels below the package root (dist/bin/), like dist/cli/, so every
// `new URL('../../…', import.meta.url)` lookup (package.json, skill/) resolves the same.
import { build } from 'esbuild';

await build({
  entryPoints: { pipewright: 'dist/cli/main.js' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['better-sqlite3', 'sharp', '@img/*'],
  banner: { js: "import { createRequire as __pwCreateRequire } from 'node:module'; const require = __pwCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
