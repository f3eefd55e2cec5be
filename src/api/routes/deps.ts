import type { MiddlewareHandler } from 'hono';
import type { Services } from '../../service/index.js';
import type { AppEnv } from '../env.js';

/** What a route group is given: the use cases, and the body parser configured once for all. */
export interface RouteDeps {
  services: Services;
  body: MiddlewareHandler<AppEnv>;
}
