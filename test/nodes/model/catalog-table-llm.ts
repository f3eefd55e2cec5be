/** The LLM rows of CATALOG_CASES (catalog-table.ts): settings each model refuses, and a longer answer that costs more. */
export const LLM_CASES: Record<string, { outOfRange: Record<string, unknown>[]; more?: Record<string, unknown> }> = {
  'llm:prompt_rewrite': { outOfRange: [{ temperature: 3 }, { max_tokens: 0 }, { max_tokens: 16_385 }], more: { max_tokens: 16_000 } },
  'llm:gpt_4o_mini': { outOfRange: [{ temperature: -1 }, { max_tokens: 40_000 }], more: { max_tokens: 16_000 } },
  'llm:gpt_4_1': { outOfRange: [{ temperature: 2.5 }, { max_tokens: 32_769 }], more: { max_tokens: 8000 } },
  'llm:gpt_5_5': {
    outOfRange: [{ temperature: 1 }, { max_tokens: 1000 }, { max_completion_tokens: 128_001 }, { reasoning_effort: 'max' }],
    more: { max_completion_tokens: 8000 },
  },
  'llm:gpt_5_4': { outOfRange: [{ temperature: 0.5 }, { verbosity: 'loud' }], more: { max_completion_tokens: 8000 } },
  'llm:gpt_5_4_mini': { outOfRange: [{ max_completion_tokens: 0 }], more: { max_completion_tokens: 16_000 } },
  'llm:gpt_5_4_nano': { outOfRange: [{ reasoning_effort: 'minimal' }], more: { max_completion_tokens: 32_000 } },
  'llm:openai_compatible': { outOfRange: [{ model: '' }], more: { max_tokens: 8000 } },
  'llm:claude_opus_5': { outOfRange: [{ temperature: 0.5 }, { top_p: 0.9 }, { max_tokens: 128_001 }, { effort: 'max' }], more: { max_tokens: 16_000 } },
  'llm:claude_sonnet_5': { outOfRange: [{ temperature: 1 }, { max_tokens: 0 }], more: { max_tokens: 16_000 } },
  'llm:claude_sonnet_4_5': { outOfRange: [{ temperature: 1.5 }, { max_tokens: 64_001 }], more: { max_tokens: 8000 } },
  'llm:claude_haiku_4_5': { outOfRange: [{ max_tokens: 1.5 }, { effort: 'low' }], more: { max_tokens: 8000 } },
  'llm:llama_4_maverick': { outOfRange: [{ temperature: 2.1 }, { max_tokens: 32_769 }, { system: 'x' }], more: { max_tokens: 32_768 } },
  'llm:deepseek_v3_2': { outOfRange: [{ reasoning: 'yes' }], more: { max_tokens: 32_768 } },
  // 1 credit even at its longest answer: no setting costs more.
  'llm:gpt_oss_120b': { outOfRange: [{ max_tokens: 0 }] },
};
