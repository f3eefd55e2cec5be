// A node's outputs as previews: images, video and audio players for file URLs, text for strings,
// short JSON for the rest. A URL the page may not load inline (see `canPreview`) is a plain link.

type Kind = 'image' | 'video' | 'audio' | 'link';

const BY_PORT: ReadonlyArray<[RegExp, Kind]> = [
  [/video/i, 'video'],
  [/audio|speech|voice|music|sound/i, 'audio'],
  [/image|thumb|mask|frame|picture|photo|sheet/i, 'image'],
];
const BY_EXTENSION: ReadonlyArray<[RegExp, Kind]> = [
  [/\.(png|jpe?g|gif|webp|avif|bmp)$/i, 'image'],
  [/\.(mp4|webm|mov|m4v)$/i, 'video'],
  [/\.(mp3|wav|ogg|oga|m4a|flac|aac)$/i, 'audio'],
];
const MAX_ITEMS = 4;
const MAX_TEXT = 280;

export function isUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\/\S+$/.test(value);
}

/** By the file's extension, else by the port's name, else by the name of the port wired into it (an output node's `value`). */
function kindOf(port: string, url: string, wiredFrom: string | undefined): Kind {
  const path = new URL(url).pathname;
  for (const [pattern, kind] of BY_EXTENSION) if (pattern.test(path)) return kind;
  for (const name of [port, wiredFrom ?? '']) for (const [pattern, kind] of BY_PORT) if (pattern.test(name)) return kind;
  return 'link';
}

function truncate(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

interface PreviewProps {
  outputs: Record<string, unknown>;
  canPreview: (url: string) => boolean;
  /** For each input port of the node, the name of the upstream port wired into it. */
  wiredFrom?: ReadonlyMap<string, string>;
}

export function OutputPreview({ outputs, canPreview, wiredFrom }: PreviewProps) {
  const entries = Object.entries(outputs).filter(([, value]) => value !== null && value !== undefined);
  if (entries.length === 0) return null;
  return (
    <div className="pw-outputs">
      {entries.map(([port, value]) => (
        <div className="pw-output" key={port} data-port={port}>
          <span className="pw-port">{port}</span>
          <PortValue port={port} value={value} canPreview={canPreview} wiredFrom={wiredFrom?.get(port)} />
        </div>
      ))}
    </div>
  );
}

interface ValueProps {
  port: string;
  value: unknown;
  canPreview: (url: string) => boolean;
  wiredFrom: string | undefined;
}

function PortValue({ port, value, canPreview, wiredFrom }: ValueProps) {
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ITEMS);
    return (
      <div className="pw-list">
        {shown.map((item, index) => (
          // Items of a list have no identity beyond their place.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <PortValue key={index} port={port} value={item} canPreview={canPreview} wiredFrom={wiredFrom} />
        ))}
        {value.length > shown.length && <span className="pw-more">+{value.length - shown.length} more</span>}
      </div>
    );
  }
  if (isUrl(value)) return <FileValue port={port} value={value} canPreview={canPreview} wiredFrom={wiredFrom} />;
  if (typeof value === 'string') return <p className="pw-text">{truncate(value)}</p>;
  return <code className="pw-json">{truncate(JSON.stringify(value))}</code>;
}

function FileValue({ port, value: url, canPreview, wiredFrom }: ValueProps & { value: string }) {
  const kind = canPreview(url) ? kindOf(port, url, wiredFrom) : 'link';
  if (kind === 'image') return <img className="pw-media" src={url} alt={port} loading="lazy" />;
  if (kind === 'video') return <video className="pw-media" src={url} controls muted preload="metadata" />;
  // A model's audio comes with no caption track to offer.
  // biome-ignore lint/a11y/useMediaCaption: see above
  if (kind === 'audio') return <audio className="pw-audio" src={url} controls preload="none" />;
  const { host, pathname } = new URL(url);
  return (
    <a className="pw-link" href={url} target="_blank" rel="noopener noreferrer">
      {`${host}/…/${pathname.split('/').pop()?.slice(0, 24) ?? ''}`}
    </a>
  );
}
