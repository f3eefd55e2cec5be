export { identify } from './identify.js';
export { requireKey } from './require-key.js';
