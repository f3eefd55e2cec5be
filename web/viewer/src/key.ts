// The API key the page acts with. It arrives in the URL fragment (`#key=sk-…`, which browsers
// never send to a server) or through the form, lives in this tab's session storage, and leaves
// the page only in the Authorization header: never in a URL, a log or the address bar.

const STORAGE = 'pipewright.key';
const KEY = /^sk-[A-Za-z0-9]{8,}$/;

/** Moves a `#key=` fragment into session storage and takes it out of the address bar and history. */
export function adoptKeyFromFragment(): void {
  const params = new URLSearchParams(location.hash.slice(1));
  const key = params.get('key');
  if (key === null) return;
  params.delete('key');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  if (KEY.test(key)) sessionStorage.setItem(STORAGE, key);
}

export function storedKey(): string | undefined {
  return sessionStorage.getItem(STORAGE) ?? undefined;
}

/** Keeps a key typed into the form; false when it does not look like one. */
export function keepKey(key: string): boolean {
  const trimmed = key.trim();
  if (!KEY.test(trimmed)) return false;
  sessionStorage.setItem(STORAGE, trimmed);
  return true;
}

export function forgetKey(): void {
  sessionStorage.removeItem(STORAGE);
}
