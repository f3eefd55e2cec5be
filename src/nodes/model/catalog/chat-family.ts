/**
 * OpenAI's reasoning models (o1, o3, o4-mini…, gpt-5 and its variants) answer 400 to `max_tokens`
 * ("use max_completion_tokens instead") and to any `temperature` but their default. Other servers
 * that speak the same API (Ollama, vLLM, LM Studio) often know only `max_tokens`. A name with a
 * namespace (`openai/o4-mini` on OpenRouter, `library/model` on Ollama) belongs to such a server
 * and keeps the older field.
 */
const REASONING_MODEL = /^(o\d+|gpt-5)([-.].*)?$/;

function isReasoningModel(model: string): boolean {
  return REASONING_MODEL.test(model);
}

/** The answer-length bound under the field the model's family accepts. */
export function answerLimit(model: string, maxTokens: number): Record<string, number> {
  return isReasoningModel(model) ? { max_completion_tokens: maxTokens } : { max_tokens: maxTokens };
}
