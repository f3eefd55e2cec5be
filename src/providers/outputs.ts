/**
 * Readers for the raw outputs the catalog normalises. They take `unknown` (the adapters return
 * the provider's JSON untouched) and return undefined rather than throw on an unexpected shape.
 */

/** OpenAI chat completion → `choices[0].message.content` (https://platform.openai.com/docs/api-reference/chat/object). */
export function chatText(output: unknown): string | undefined {
  const content = (output as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message?.content;
  return typeof content === 'string' ? content : undefined;
}

/** Anthropic message → its text blocks joined (https://platform.claude.com/docs/en/api/java/messages/create, `content`). */
export function anthropicText(output: unknown): string | undefined {
  const content = (output as { content?: unknown } | null)?.content;
  if (!Array.isArray(content)) return undefined;
  const texts = content.filter((block) => block?.type === 'text' && typeof block.text === 'string').map((block) => block.text as string);
  return texts.length === 0 ? undefined : texts.join('');
}

/** One generated image: a URL (dall-e with `response_format: url`) or base64 (GPT image models, `b64_json`). */
export type OpenAiImage = { url: string } | { b64Json: string };

/** OpenAI images response → its images in order (https://platform.openai.com/docs/api-reference/images/object). */
export function openAiImages(output: unknown): OpenAiImage[] {
  const data = (output as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return [];
  return data.flatMap((image): OpenAiImage[] => {
    if (typeof image?.b64_json === 'string') return [{ b64Json: image.b64_json }];
    if (typeof image?.url === 'string') return [{ url: image.url }];
    return [];
  });
}
