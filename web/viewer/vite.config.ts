import { defineConfig } from 'vite';

// The run viewer, served by `pipewright serve` at /app/ (src/api/viewer). Built by
// scripts/build-web.mjs with this folder as the root; the output ships in the package (dist/app).
export default defineConfig({
  base: '/app/',
  build: {
    outDir: '../../dist/app',
    emptyOutDir: true,
    // The page runs under `script-src 'self'` with no inline script; every browser it targets has modulepreload.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // React Flow marks its entry "use client" for React Server Components; a client bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
