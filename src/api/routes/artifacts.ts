import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { Services } from '../../service/index.js';
import { requireKey } from '../auth/index.js';
import type { AppEnv } from '../env.js';
import { artifactHeaders } from './artifact-headers.js';
import type { RouteDeps } from './deps.js';

/**
 * `GET /artifacts/{id}`: the bytes of a stored output, either to its owner's key (another
 * account's id is a 404) or, with no key at all, to whoever holds a signed URL (a wrong or expired
 * signature is a 403). Private to the caller's cache, never sniffed into something executable.
 */
export function registerArtifactRoutes(api: Hono<AppEnv>, { services }: RouteDeps): void {
  api.get('/artifacts/:id', signedRead(services), requireKey('executions:read'), async (c) =>
    sendArtifact(c, await services.executions.artifact(c.var.principal, c.req.param('id'))),
  );
}

/** A request with a key is the key's, whatever its query says; one without a key but with a signature is the signature's. */
function signedRead(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { exp, sig } = c.req.query();
    if (c.req.header('Authorization') !== undefined || (exp === undefined && sig === undefined)) return next();
    return sendArtifact(c, await services.artifacts.readSigned(c.req.param('id') ?? '', { exp, sig }));
  };
}

function sendArtifact(c: Context<AppEnv>, { bytes, contentType }: { bytes: Uint8Array; contentType: string }): Response {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, artifactHeaders(contentType));
}
