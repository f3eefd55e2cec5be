import { createRequire } from 'node:module';
import type sharpFactory from 'sharp';

type Sharp = typeof sharpFactory;

let loaded: Sharp | undefined;

/**
 * sharp, loaded on first use: libvips costs 40–140 ms at start, and most commands (`mcp`,
 * `serve`, `validate`) never draw. Required rather than imported because colour settings are
 * checked inside a zod refinement, which cannot await; every caller loads it through here.
 */
export function loadSharp(): Sharp {
  loaded ??= createRequire(import.meta.url)('sharp') as Sharp;
  return loaded;
}
