import { startFakeServer, type FakeReply, type FakeRequest, type FakeServer } from './fake-server.js';
import { type ImageGenerationBody, imageGenerationBody, imageModelRefusal, isGptImageModel } from './openai-image-rules.js';
import { chatCompletionBody, reasoningRefusal, schemaRefusal, type OpenAiRefusal } from './openai-rules.js';

export interface OpenAiFake extends FakeServer {
  /** The base to configure, `…/v1`. */
  baseUrl: string;
  requests: { path: string; body: unknown; authorization: string | undefined }[];
  /** `delayMs` holds every answer this long (to test aborts). */
  knobs: { delayMs: number };
}

/**
 * OpenAI-compatible chat completions and image generation, shapes from
 * https://platform.openai.com/docs/api-reference/chat/object and …/images/object; errors are
 * `{error:{message,type,param,code}}`. `key` undefined plays a keyless server (Ollama). Bodies
 * OpenAI refuses (openai-rules.ts) get its 400, so a test against this fake fails where OpenAI would.
 */
export async function startOpenAiFake(key: string | undefined): Promise<OpenAiFake> {
  const knobs = { delayMs: 0 };
  const requests: OpenAiFake['requests'] = [];
  const server = await startFakeServer(async (request) => {
    const path = `/${request.segments.join('/')}`;
    requests.push({ path, body: request.body, authorization: request.headers.authorization });
    if (knobs.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, knobs.delayMs));
    if (key !== undefined && request.headers.authorization !== `Bearer ${key}`) {
      return error(401, `Incorrect API key provided: ${request.headers.authorization ?? ''}`, 'invalid_request_error', 'invalid_api_key');
    }
    if (request.method === 'POST' && path === '/v1/chat/completions') return chat(request);
    if (request.method === 'POST' && path === '/v1/images/generations') return images(request);
    return error(404, `Unknown path ${path}`, 'invalid_request_error', null);
  });

  function chat(request: FakeRequest): FakeReply {
    const refusal = schemaRefusal(chatCompletionBody, request.body);
    if (refusal !== undefined) return refused(refusal);
    const body = request.body as { model: string; max_tokens?: number | null; temperature?: number | null };
    const reasoning = reasoningRefusal(body);
    if (reasoning !== undefined) return refused(reasoning);
    return {
      status: 200,
      body: {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 1700000000,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: 'A crisp studio photo of a red sneaker.' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 12, completion_tokens: 9, total_tokens: 21 },
      },
    };
  }

  function images(request: FakeRequest): FakeReply {
    const refusal = schemaRefusal(imageGenerationBody, request.body);
    if (refusal !== undefined) return refused(refusal);
    const body = request.body as ImageGenerationBody;
    const modelRefusal = imageModelRefusal(body);
    if (modelRefusal !== undefined) return refused(modelRefusal);
    const image = body.response_format === 'url' ? { url: 'https://oaidalleapiprodscus.blob.core.windows.net/img.png' } : { b64_json: 'iVBORw0KGgo=' };
    const data = Array.from({ length: body.n ?? 1 }, () => image);
    // GPT image models also say what they made (src/resources/images.ts, `ImagesResponse`).
    const made = isGptImageModel(body.model ?? '')
      ? { output_format: body.output_format ?? 'png', quality: 'medium', size: '1024x1024', background: 'opaque' }
      : {};
    return { status: 200, body: { created: 1700000000, data, ...made } };
  }

  return Object.assign(server, { baseUrl: `${server.url}/v1`, requests, knobs });
}

function error(status: number, message: string, type: string, code: string | null): FakeReply {
  return { status, body: { error: { message, type, param: null, code } } };
}

function refused({ message, param, code }: OpenAiRefusal): FakeReply {
  return { status: 400, body: { error: { message, type: 'invalid_request_error', param, code } } };
}
