import { BASE_PATH } from '../settings.js';

/** `Location` of a created resource: relative, so it stays right behind any proxy. */
export function locationOf(...segments: string[]): string {
  return `${BASE_PATH}/${segments.map(encodeURIComponent).join('/')}`;
}
