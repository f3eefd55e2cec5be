// Completion callbacks (docs/events.md): the URL check and delivery rows admission writes, the
// account's signing secret, and the sender that POSTs them once their execution has ended.

export { createCallbackService } from './callback-service.js';
export type { CallbackService, CallbackServiceDeps } from './callback-service.js';
export { checkCallbackUrl, recordDeliveries } from './deliveries.js';
export { callbackSettingsFromEnv, DEFAULT_CALLBACK_SETTINGS } from './settings.js';
export type { CallbackSettings } from './settings.js';
export { CallbackSender } from './sender.js';
