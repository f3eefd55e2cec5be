import { defineConfig } from 'vite';
import { singleFile } from './single-file.js';

// The MCP App page (src/mcp/execution-app.ts serves it as ui://pipewright/execution.html). Built by
// scripts/build-web.mjs with this folder as the root into one file, dist/mcp-app/execution.html.
export default defineConfig({
  base: './',
  plugins: [singleFile()],
  build: {
    outDir: '../../dist/mcp-app',
    emptyOutDir: true,
    modulePreload: false,
    cssCodeSplit: false,
    // Fonts or images a stylesheet names become data: URLs: the page may load nothing from outside.
    assetsInlineLimit: Number.POSITIVE_INFINITY,
    rolldownOptions: {
      input: 'execution.html',
      output: { codeSplitting: false },
      // React Flow marks its entry "use client" for React Server Components; a client bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
