// The Backend the MCP server (and other client-side faces) talk to, and how one is chosen.

export type { Backend } from './backend.js';
export { createEmbeddedBackend, servicesBackend } from './embedded.js';
export type { EmbeddedBackendOptions, ServicesBackendOptions } from './embedded.js';
export { createRemoteBackend } from './remote.js';
export { chooseBackend, createBackend, describeBackend } from './config.js';
export type { BackendChoice } from './config.js';
