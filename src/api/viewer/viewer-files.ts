import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

export interface ViewerFile {
  body: Uint8Array;
  contentType: string;
}

/** The built viewer (dist/app), by path below /app/: `index.html`, `assets/index-….js`, … */
export type ViewerFiles = ReadonlyMap<string, ViewerFile>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Reads the whole build once, at start: it is a few hundred KB, and a request then never touches
 * the file system (no path from a URL is ever joined to a folder). Undefined when there is no
 * build (the sources run with tsx before `npm run build`).
 */
export function loadViewerFiles(dir: string, publicBaseUrl: URL): ViewerFiles | undefined {
  if (!existsSync(join(dir, 'index.html'))) return undefined;
  const files = new Map<string, ViewerFile>();
  for (const path of walk(dir)) {
    const name = relative(dir, path).split(sep).join('/');
    const contentType = TYPES[extname(name)] ?? 'application/octet-stream';
    const body = readFileSync(path);
    files.set(name, { body: name === 'index.html' ? page(body, publicBaseUrl) : body, contentType });
  }
  return files;
}

/**
 * The page's absolute `/app/…` references go under the public URL's path (`https://host/pw` →
 * `/pw/app/…`), so a viewer behind a path-prefix proxy loads; and the page learns which origin
 * signed artifact URLs point at, the one besides its own it may show media from (viewer-headers.ts).
 */
function page(html: Uint8Array, publicBaseUrl: URL): Uint8Array {
  const prefix = publicBaseUrl.pathname.replace(/\/+$/, '');
  const meta = `<meta name="pipewright-artifact-origin" content="${publicBaseUrl.origin}" />`;
  const text = new TextDecoder().decode(html).replaceAll('"/app/', `"${prefix}/app/`).replace('</head>', `${meta}\n</head>`);
  return new TextEncoder().encode(text);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}
