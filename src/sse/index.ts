// The text/event-stream parser, shared by the REST client and the run viewer (web/viewer): it
// imports nothing and uses no Node API, so the browser build can take it as it is.
export type { SseMessage } from './parser.js';
export { parseSse } from './parser.js';
