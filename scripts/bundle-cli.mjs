// Bundles the CLI so `pipewright mcp` starts in about a third of the time (590 -> 212 ms median, bench/mcp): Node 20
// spends most of an unbundled start resolving and linking modules (the CLI reaches 1,138 files). Native packages stay external.
// Output sits two levels below the package root (dist/bin/), like dist/cli/, so every
// `new URL('../../…', import.meta.url)` lookup (package.json, skill/) resolves the same.
import { build } from 'esbuild';

// undici and pg are loaded lazily (`await import('undici')`) so that a start pays nothing for them. esbuild
// turns a dynamic import of a CommonJS package into a chunk whose only export is `default`, so
// `const { Agent } = await import('undici')` would be undefined in the bundle; left external, Node
// loads it itself and finds its named exports.
const LAZY_COMMONJS = ['undici', 'pg', 'pg-boss'];

const result = await build({
  entryPoints: { pipewright: 'dist/cli/main.js' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['better-sqlite3', 'sharp', '@img/*', 're2', ...LAZY_COMMONJS],
  banner: { js: "import { createRequire as __pwCreateRequire } from 'node:module'; const require = __pwCreateRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
});

// The same trap for any package added later: a chunk made for a dynamic import of CommonJS.
const broken = Object.values(result.metafile.outputs)
  .map((output) => output.entryPoint)
  .filter((entry) => entry !== undefined && result.metafile.inputs[entry]?.format === 'cjs');
if (broken.length > 0) {
  console.error(`bundle-cli: dynamic import() of CommonJS would lose its named exports: ${broken.join(', ')}. Add the package to LAZY_COMMONJS.`);
  process.exit(1);
}
