// The execution event stream's HTTP side: Server-Sent Events over the service's store-read events.

export { OpenStreams } from './open-streams.js';
export { lastEventId } from './last-event-id.js';
export { serveEvents } from './serve-events.js';
export type { EventStreamSettings } from './serve-events.js';
