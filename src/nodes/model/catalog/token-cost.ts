/** US$ per million tokens at the provider's standard rate (not batch, not cached input). */
export interface TokenPrice {
  input: number;
  output: number;
}

/**
 * How many input tokens a run is priced at. The prompt arrives on a port, so it is not known when
 * a run is estimated; this covers a `system` setting at its 20,000-character limit plus a prompt
 * about as long, at about four characters a token. A longer prompt can cost more than the bound.
 */
export const INPUT_TOKENS_ASSUMED = 10_000;

/**
 * The most one LLM call can cost, in credits (1 credit = US$0.01): the answer bound the entry names
 * (`max_tokens`, or `max_completion_tokens`, which on reasoning models also bounds the hidden
 * reasoning tokens) at the output price, plus INPUT_TOKENS_ASSUMED at the input price, rounded up.
 */
export function tokenCost<Bound extends string>(price: TokenPrice, bound: Bound): (params: Record<Bound, number>) => number {
  // Prices in millionths of a dollar make every product a whole number, so a price such as
  // $0.075 cannot round a bill up by one credit through floating-point error.
  const input = Math.round(price.input * 1_000_000);
  const output = Math.round(price.output * 1_000_000);
  return (params) => Math.ceil((INPUT_TOKENS_ASSUMED * input + params[bound] * output) / 10_000_000_000);
}
