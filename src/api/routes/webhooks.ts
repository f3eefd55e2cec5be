import type { Context, Hono, MiddlewareHandler } from 'hono';
import { isPipewrightError } from '../../errors/index.js';
import { parseBody, parseQuery, TriggerBodySchema, TriggerQuerySchema, type WebhookOwners } from '../../service/index.js';
import { requireKey } from '../auth/index.js';
import type { AppEnv } from '../env.js';
import { noRoute } from '../errors/index.js';
import type { RouteDeps } from './deps.js';

/**
 * Webhook triggers take no key: the unguessable id is the credential. An id that does not
 * resolve gets exactly the answer of a path that does not exist, so probing learns nothing.
 * The POST resolves the owner first — its Idempotency-Keys apply — then reads the body under the
 * trigger's smaller size limit; the webhook's budget is spent only by a trigger that starts a run.
 */
export function registerWebhookRoutes(api: Hono<AppEnv>, { services, body, webhook }: RouteDeps): void {
  const executions = services.executions;

  api.post('/workflow/:webhookId/trigger', resolveOwner(webhook.owners), webhook.guard, knownWebhook, webhook.body, async (c) =>
    c.json(
      await unknownAsNoRoute(c, () => {
        const { callbackUrl } = parseQuery(TriggerQuerySchema, c.req.query());
        return executions.trigger(c.req.param('webhookId'), parseBody(TriggerBodySchema, c.var.body), { beforeStart: () => webhook.spend(c), callbackUrl });
      }),
      202,
    ),
  );

  api.get('/workflow/:webhookId/trigger', async (c) => c.json(await unknownAsNoRoute(c, () => executions.describeTrigger(c.req.param('webhookId')))));

  api.post('/workflows/:id/webhook/rotate', requireKey('workflows:write'), body, async (c) =>
    c.json({ data: await executions.rotateWebhook(c.var.principal, c.req.param('id')) }),
  );
}

function resolveOwner(owners: WebhookOwners): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('webhookOwner', await owners(c.req.param('webhookId') ?? ''));
    await next();
  };
}

const knownWebhook: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.get('webhookOwner') === undefined) throw noRoute(c);
  await next();
};

/** The service's own not_found names the webhook; the caller must not be able to tell. */
async function unknownAsNoRoute<T>(c: Context<AppEnv>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw isPipewrightError(error) && error.code === 'not_found' ? noRoute(c) : error;
  }
}
