/** What a watched resource is now: `version` changes whenever a reader would see a change; `final` once it never will again. */
export interface ResourceState {
  version: string;
  final: boolean;
}

/**
 * Where changes to subscribed resources come from. Today a poll of the Backend
 * (./polling-feed.ts); a live event feed can take its place behind this interface, and nothing
 * that subscribes or notifies changes.
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
