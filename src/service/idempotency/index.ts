// Idempotency-Key (docs/api.md) and the webhook-owner lookup that scopes keyless triggers.

export { createIdempotencyService } from './idempotency-service.js';
export type { IdempotencyOptions } from './idempotency-service.js';
export { createWebhookOwners } from './webhook-owner.js';
export type { WebhookOwner, WebhookOwners } from './webhook-owner.js';
export type { IdempotencyService } from '../execution-contracts.js';
