import { readFileSync } from 'node:fs';

/** The package version, read once from package.json beside dist/ (or src/ under tsx). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
