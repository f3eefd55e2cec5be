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

/**
 * One generated image: a URL (dall-e with `response_format: url`) or base64 (GPT image models,
 * `b64_json`) with its content type, which follows the request's `output_format` (png, jpeg or webp).
 */
export type OpenAiImage = { url: string } | { b64Json: string; contentType: string };

/** OpenAI images response → its images in order (https://platform.openai.com/docs/api-reference/images/object). */
export function openAiImages(output: unknown): OpenAiImage[] {
  const { data, output_format: format } = (output ?? {}) as { data?: unknown; output_format?: unknown };
  if (!Array.isArray(data)) return [];
  return data.flatMap((image): OpenAiImage[] => {
    if (typeof image?.b64_json === 'string') return [{ b64Json: image.b64_json, contentType: imageType(image.b64_json, format) }];
    if (typeof image?.url === 'string') return [{ url: image.url }];
    return [];
  });
}

/** The formats an images response can name in `output_format`. */
const FORMATS: Readonly<Record<string, string>> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

/** The bytes' own signature first (PNG, JPEG, WEBP), then the response's `output_format`, then PNG, the API's default. */
function imageType(b64: string, format: unknown): string {
  // 16 base64 characters are the first 12 bytes: enough for all three signatures.
  const head = Buffer.from(b64.slice(0, 16), 'base64');
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return (typeof format === 'string' && Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined) ?? 'image/png';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
