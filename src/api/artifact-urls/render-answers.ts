import type { MiddlewareHandler } from 'hono';
import { renderArtifactRefs, type ArtifactUrlRenderer } from '../../service/index.js';
import type { AppEnv } from '../env.js';

/**
 * Every JSON answer of the REST face leaves with its stored files as this face's URLs: one place,
 * outside the routes, so no route can forget it, and outside the Idempotency-Key middleware, so a
 * stored answer keeps the references and its replay is signed afresh.
 */
export function renderArtifactUrls(renderer: ArtifactUrlRenderer): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!c.res.headers.get('content-type')?.startsWith('application/json')) return;
    const text = await c.res.clone().text();
    // Every form a renderer takes has this in it; most answers can skip the parse.
    if (!text.includes('artifacts/')) return;
    const rendered = await renderArtifactRefs(JSON.parse(text) as unknown, renderer);
    c.res = new Response(JSON.stringify(rendered), c.res);
  };
}
