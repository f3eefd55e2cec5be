import type { OutputAsset, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

/**
 * Inlines the built script and stylesheet into the HTML, so the page is one self-contained file:
 * a host renders an MCP App from the resource's text alone (no origin to fetch assets from).
 */
export function singleFile(): Plugin {
  return {
    name: 'pipewright-single-file',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle);
      const pages = files.filter((file): file is OutputAsset => file.type === 'asset' && file.fileName.endsWith('.html'));
      for (const page of pages) {
        let html = String(page.source);
        for (const file of files) {
          const reference = new RegExp(`<(script|link)\\b[^>]*\\b(?:src|href)="[^"]*/${literal(file.fileName)}"[^>]*>(?:</script>)?`);
          const tag = reference.exec(html)?.[0];
          if (tag === undefined) continue;
          html = html.replace(tag, () => (file.type === 'chunk' ? inlineScript(file) : inlineStyle(file)));
          delete bundle[file.fileName];
        }
        page.source = html;
      }
      const left = Object.keys(bundle).filter((name) => !name.endsWith('.html'));
      if (left.length > 0) this.error(`single-file: not inlined into the page: ${left.join(', ')}`);
    },
  };
}

// A `</script` or `</style` inside the code would end the element early; `<\/` means the same to JavaScript.
function inlineScript(chunk: OutputChunk): string {
  return `<script type="module">${chunk.code.replaceAll('</script', '<\\/script')}</script>`;
}

function inlineStyle(asset: OutputAsset): string {
  return `<style>${String(asset.source).replaceAll('</style', '<\\/style')}</style>`;
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
