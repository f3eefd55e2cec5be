// The run's final outputs under the graph. A stored file is read through the host as the
// pipewright://artifacts/{id} resource and shown from a data: URL, the one source the page's
// policy lets an image or player load (its resource declares no outside origin).
import { useEffect, useState } from 'react';

/** A `resources/read` the host forwards to the server, as far as the page reads it. */
export type ReadResource = (uri: string) => Promise<{ contents: ReadonlyArray<{ mimeType?: string; blob?: string; text?: string }> }>;

/**
 * A stored file in any form a result gives it (docs/mcp.md): `pipewright://artifacts/art_…`, a
 * signed `…/api/v1/artifacts/art_…?…` URL, or a file URL `…/art_….png`; the id ends the path.
 */
const ARTIFACT = /\/(art_[0-9a-f]{24})(?:\.[a-z0-9]+)?(?:\?[^#]*)?$/;

/** Files larger than this stay links: the whole file crosses the host's postMessage as base64. */
const MAX_INLINE_BASE64 = 12 * 1024 * 1024;

export function artifactUriOf(value: string): string | undefined {
  const id = ARTIFACT.exec(value)?.[1];
  return id === undefined ? undefined : `pipewright://artifacts/${id}`;
}

export function RunOutputs({ outputs, readResource }: { outputs: Record<string, unknown>; readResource: ReadResource }) {
  const entries = Object.entries(outputs).filter(([, value]) => value !== null && value !== undefined);
  if (entries.length === 0) return null;
  return (
    <section className="pw-app-outputs" aria-label="Outputs">
      {entries.map(([port, value]) => (
        <figure key={port} data-port={port}>
          {typeof value === 'string' ? <OutputValue value={value} readResource={readResource} /> : <code>{JSON.stringify(value)}</code>}
          <figcaption>{port}</figcaption>
        </figure>
      ))}
    </section>
  );
}

type Shown = { kind: 'media'; mimeType: string; src: string } | { kind: 'text'; text: string };

function OutputValue({ value, readResource }: { value: string; readResource: ReadResource }) {
  const uri = artifactUriOf(value);
  const [shown, setShown] = useState<Shown>({ kind: 'text', text: value });
  useEffect(() => {
    if (uri === undefined) return;
    let current = true;
    // A file that cannot be read stays as its reference: the result's text has it too.
    readResource(uri)
      .then(({ contents: [file] }) => {
        if (!current || file === undefined) return;
        if (file.blob !== undefined && file.mimeType && file.blob.length <= MAX_INLINE_BASE64) {
          setShown({ kind: 'media', mimeType: file.mimeType, src: `data:${file.mimeType};base64,${file.blob}` });
        } else if (file.text !== undefined) setShown({ kind: 'text', text: file.text });
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [uri, readResource]);
  if (shown.kind === 'text') return <p className="pw-app-text">{shown.text}</p>;
  if (shown.mimeType.startsWith('image/')) return <img src={shown.src} alt={value} />;
  if (shown.mimeType.startsWith('video/')) return <video src={shown.src} controls muted />;
  // A model's audio comes with no caption track to offer.
  // biome-ignore lint/a11y/useMediaCaption: see above
  if (shown.mimeType.startsWith('audio/')) return <audio src={shown.src} controls />;
  return <p className="pw-app-text">{value}</p>;
}
