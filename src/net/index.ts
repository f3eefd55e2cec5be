export { guardedFetch } from './guarded-fetch.js';
export { assertAllowedUrl } from './url-check.js';
export type { GuardedFetchOptions, GuardedResponse } from './guarded-fetch.js';
export { addressRange, isAllowedAddress, isAllowedHost, isInternalAddress } from './address.js';
export { policyFor } from './policy.js';
export type { RunMode, SecurityPolicy } from './policy.js';
