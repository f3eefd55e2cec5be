/** What a watched resource is now: `version` changes whenever a reader would see a change; `final` once it never will again. */
export interface ResourceState {
  version: string;
  final: boolean;
}

/**
 * Where changes to subscribed resources come from: an execution's event stream (./event-feed.ts),
 * or a poll of the Backend (./polling-feed.ts) for workflows and for a server without the stream.
 */
export interface ChangeFeed {
  /** Starts watching `uri`; rejects (not_found, invalid_field) when it names nothing that can change. */
  watch(uri: string): Promise<void>;
  /** Stops watching `uri`; nothing when it was not watched. */
  unwatch(uri: string): void;
  /** Stops every watch and waits for a check under way, so the backend can close after it. */
  close(): Promise<void>;
}

/** Told once per change seen, and a last time when the resource is final (an execution ended) or gone; then the watch ends. */
export type OnChange = (uri: string) => Promise<void>;
