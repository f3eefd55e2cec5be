import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { type ArtifactUrlRenderer, type ExecutionEvent, renderArtifactRefs } from '../../service/index.js';
import type { AppEnv } from '../env.js';

export interface EventStreamSettings {
  /** How stored files in event data become this face's URLs (the JSON answers' renderer). */
  artifactUrls: ArtifactUrlRenderer;
  /** A comment line this often keeps proxies and clients from closing an idle stream. */
  keepAliveMs: number;
  /** Told when reading the events fails (the store went away): the stream ends, and the client resumes later. */
  onError: (error: unknown) => void;
  /** Aborted when the server shuts down: every stream ends at once, and its client resumes elsewhere or later. */
  closing?: AbortSignal;
}

/**
 * Writes `events` as `text/event-stream` (https://html.spec.whatwg.org/multipage/server-sent-events.html):
 * per event an `event:` line (its type), a `data:` line (its JSON data, stored files as signed
 * URLs) and an `id:` line, each flushed as written; `: keep-alive` comments while idle. `stop`
 * aborts the reading when the client goes away; `done` runs once, however the stream ends. A
 * failure to read ends the stream without an event: the client resumes with Last-Event-ID.
 */
export function serveEvents(
  c: Context<AppEnv>,
  events: AsyncIterable<ExecutionEvent>,
  { stop, done, settings }: { stop: AbortController; done: () => void; settings: EventStreamSettings },
): Response {
  // A proxy that buffers (nginx) would hold the events back; this asks it not to.
  c.header('X-Accel-Buffering', 'no');
  const onGone = () => stop.abort();
  c.req.raw.signal.addEventListener('abort', onGone);
  settings.closing?.addEventListener('abort', onGone);
  if (settings.closing?.aborted) stop.abort();
  return streamSSE(c, async (stream) => {
    stream.onAbort(onGone);
    const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n'), settings.keepAliveMs);
    try {
      for await (const event of events) {
        if (stream.aborted) break;
        const data = await renderArtifactRefs(event.data, settings.artifactUrls);
        await stream.writeSSE({ id: String(event.id), event: event.type, data: JSON.stringify(data) });
      }
    } catch (error) {
      if (!stop.signal.aborted) settings.onError(error);
    } finally {
      clearInterval(keepAlive);
      c.req.raw.signal.removeEventListener('abort', onGone);
      settings.closing?.removeEventListener('abort', onGone);
      stop.abort();
      done();
    }
  });
}
