import { z } from 'zod';
import { promptIn, textOut } from './ports.js';

/** What every LLM entry shares: a prompt in, the answer out. */
export const llmCommon = { kind: 'llm', inputs: [promptIn], outputs: [textOut] } as const;

/**
 * The node timeouts: the providers' own SDKs wait 10 minutes for an answer (DEFAULT_TIMEOUT in
 * openai/openai-node and anthropics/anthropic-sdk-typescript, src/client.ts), long enough for a
 * reasoning model at its longest answer; the older chat models answer well within 2.
 */
export const SDK_TIMEOUT_MS = 600_000;
export const CHAT_TIMEOUT_MS = 120_000;

/** Instructions beside the prompt; 20,000 characters at most, which the cost's input assumption covers (token-cost.ts). */
export const systemParam = (instructions = '') => z.string().max(20_000).default(instructions).describe('Instructions the model follows for every prompt.');

export const answerBound = (max: number, fallback: number, what = 'the answer length') =>
  z.number().int().min(1).max(max).default(fallback).describe(`Upper bound on ${what}, in tokens; the cost is priced at this bound.`);

export const temperatureParam = (max: number, fallback: number) =>
  z.number().min(0).max(max).default(fallback).describe(`Randomness, 0–${max}: lower is more predictable.`);

/** Effort levels every model that takes the setting accepts; unset leaves the model's default. */
export const effortParam = (what: string) =>
  z
    .enum(['low', 'medium', 'high'])
    .optional()
    .describe(`How hard the model thinks before answering (${what}); lower is faster and cheaper. Unset: the model's default.`);
