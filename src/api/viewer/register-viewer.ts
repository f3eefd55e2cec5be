import type { Context, Hono } from 'hono';
import { PipewrightError } from '../../errors/index.js';
import type { AppEnv } from '../env.js';
import { loadViewerFiles, type ViewerFile } from './viewer-files.js';
import { viewerHeaders } from './viewer-headers.js';

export interface ViewerSettings {
  /** The built viewer: the package's dist/app. */
  dir: string;
  /** Where clients reach the server (`PIPEWRIGHT_PUBLIC_URL`, else the bound address): signed artifact URLs point there. */
  publicBaseUrl: string;
}

/** Hashed names change with their content, so a browser may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The run viewer at /app/ (docs/events.md): the built files as they are, and index.html for every
 * other path below /app/ so that deep links (/app/executions/{id}) load the page, which routes
 * itself. A missing hashed asset is a 404, never the page. Registered ahead of the rate limiter:
 * these are static files held in memory, and a page load must not spend the anonymous budget the
 * page's artifact previews need. Without a build, nothing is registered and /app/ is a 404.
 */
export function registerViewer(app: Hono<AppEnv>, settings: ViewerSettings): boolean {
  const base = new URL(settings.publicBaseUrl);
  const files = loadViewerFiles(settings.dir, base);
  if (files === undefined) return false;
  const headers = viewerHeaders(base.origin);
  const send = (c: Context<AppEnv>, file: ViewerFile, cacheControl: string) =>
    c.body(file.body as Uint8Array<ArrayBuffer>, 200, { ...headers, 'Content-Type': file.contentType, 'Cache-Control': cacheControl });
  const page = files.get('index.html')!;
  app.get('/app', (c) => c.redirect(`${base.pathname.replace(/\/+$/, '')}/app/`, 301));
  app.get('/app/*', (c) => {
    const name = c.req.path.slice('/app/'.length);
    const file = files.get(name);
    if (name.startsWith('assets/')) {
      if (file === undefined) throw new PipewrightError('not_found', `No viewer file ${c.req.path}`);
      return send(c, file, IMMUTABLE);
    }
    if (file !== undefined && name !== 'index.html') return send(c, file, 'public, max-age=3600');
    return send(c, page, 'no-cache');
  });
  return true;
}
