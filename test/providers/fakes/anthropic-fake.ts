import { messageRefusal } from './anthropic-rules.js';
import { startFakeServer, type FakeReply, type FakeServer } from './fake-server.js';

export interface AnthropicFake extends FakeServer {
  requests: { body: unknown; headers: Record<string, string | string[] | undefined> }[];
}

/**
 * The Messages API as documented (https://platform.claude.com/docs/en/api/java/messages/create): POST /v1/messages
 * with `x-api-key` and `anthropic-version`; the body checked by anthropic-rules.ts (the SDK's
 * `MessageCreateParams`: `model`, `messages`, `max_tokens` required, no unknown keys); errors are
 * `{type:"error", error:{type, message}}` (https://platform.claude.com/docs/en/api/errors).
 */
export async function startAnthropicFake(key: string): Promise<AnthropicFake> {
  const requests: AnthropicFake['requests'] = [];
  const server = await startFakeServer((request) => {
    requests.push({ body: request.body, headers: request.headers });
    if (request.headers['x-api-key'] !== key) return error(401, 'authentication_error', `invalid x-api-key ${String(request.headers['x-api-key'])}`);
    if (request.headers['anthropic-version'] === undefined) return error(400, 'invalid_request_error', 'anthropic-version: header is required');
    if (request.method !== 'POST' || request.segments.join('/') !== 'v1/messages') return error(404, 'not_found_error', 'Not found');
    const refusal = messageRefusal(request.body);
    if (refusal !== undefined) return error(400, 'invalid_request_error', refusal);
    const body = request.body as { model: string };
    return {
      status: 200,
      body: {
        id: 'msg_01',
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: [
          { type: 'text', text: 'A red sneaker, ' },
          { type: 'text', text: 'on white marble.' },
        ],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: 10, output_tokens: 8 },
      },
    };
  });
  return Object.assign(server, { requests });
}

function error(status: number, type: string, message: string): FakeReply {
  return { status, body: { type: 'error', error: { type, message } } };
}
